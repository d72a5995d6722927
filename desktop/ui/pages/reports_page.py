"""Báo cáo: the coverage of one document per group, its dashboard, and the lateness matrix.

Three tabs: the per-group coverage table (the figures the Word report will print), "Tiến độ
văn bản" (progress bars and a chart per group for the chosen document) and "Ma trận đơn vị ×
văn bản" (who is behind on what, across documents). The document chooser serves the first two.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services import dashboard, documents
from desktop.services.database import Database
from desktop.services.dto import DocumentStats
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs.report_dialog import ReportDialog
from desktop.ui.models.group_stats_model import GroupStatsModel
from desktop.ui.pages.page import Page
from desktop.ui.widgets.dashboard_panel import DashboardPanel
from desktop.ui.widgets.matrix_panel import MatrixPanel

_EXCERPT_CHARS = 90


class ReportsPage(Page):
    """A document chooser and three tabs: the group table, the dashboard, the matrix."""

    settings_key = "reports_page"
    #: a matrix cell was clicked or Enter was pressed on it: (document id, organisation id)
    cell_activated = Signal(int, int)

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._wanted: int | None = None
        self.stats: DocumentStats | None = None

        self.document_combo = QComboBox()
        self.document_combo.setMinimumContentsLength(40)
        self.document_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        label = QLabel(self.tr("&Document:"))
        label.setBuddy(self.document_combo)
        self.word_button = QPushButton(self.tr("&Word report…"))
        self.word_button.setToolTip(self.tr("Report, reminder letters, registers in the "
                                            "official format (Ctrl+Shift+W)"))
        self.word_button.clicked.connect(lambda: self.open_report_dialog())
        self.reminder_button = QPushButton(self.tr("&Reminder letters…"))
        self.reminder_button.setToolTip(self.tr("Letters to the organisations that have not "
                                                "reported on this document"))
        self.reminder_button.clicked.connect(lambda: self.open_report_dialog("don-doc"))
        self.report_dialog: ReportDialog | None = None
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.document_combo, 1)
        top.addWidget(self.word_button)
        top.addWidget(self.reminder_button)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = GroupStatsModel(with_percent=True, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        note = QLabel(self.tr("These are the figures section I of the Word report prints "
                              "(“Word report…” above)."))
        note.setEnabled(False)

        coverage = QWidget()
        coverage_layout = QVBoxLayout(coverage)
        coverage_layout.addWidget(self.heading)
        coverage_layout.addWidget(self.table, 1)
        coverage_layout.addWidget(self.summary)
        coverage_layout.addWidget(note)
        self.dashboard = DashboardPanel()
        self.matrix = MatrixPanel(db, runner)
        self.matrix.cell_activated.connect(self.cell_activated)
        self.tabs = QTabWidget()
        self.tabs.addTab(coverage, self.tr("&Coverage by group"))
        self.tabs.addTab(self.dashboard, self.tr("&Progress of the document"))
        self.tabs.addTab(self.matrix, self.tr("&Matrix organisations × documents"))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.document_combo.currentIndexChanged.connect(self._combo_changed)
        self._fill_documents()

    def page_shown(self) -> None:
        self.matrix.refresh_lists()  # types or groups edited elsewhere meanwhile

    def open_report_dialog(self, output: str = "ket-qua") -> ReportDialog:
        """The Word export dialog on the chosen document (one at a time)."""
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        document_id = self.document_combo.currentData()
        dialog = ReportDialog(self._db, self._runner, self, output=output,
                              document_id=int(document_id) if document_id is not None else None)
        self.report_dialog = dialog
        dialog.open()
        dialog.refresh_preview()
        return dialog

    def _fill_documents(self) -> None:
        self.document_combo.blockSignals(True)
        self.document_combo.clear()
        for doc in documents.list_documents(self._db):
            excerpt = doc.excerpt
            if len(excerpt) > _EXCERPT_CHARS:
                excerpt = excerpt[: _EXCERPT_CHARS - 1].rstrip() + "…"
            text = f"{doc.number_symbol} — {format_date(doc.issue_date)} — {excerpt}"
            self.document_combo.addItem(text, doc.id)
        self.document_combo.blockSignals(False)

    def show_document(self, document_id: int | None) -> None:
        """Show ``document_id`` (None: keep the current one, or take the newest)."""
        if document_id is not None:
            index = self.document_combo.findData(document_id)
            if index < 0:  # created since the list was read
                self._fill_documents()
                index = self.document_combo.findData(document_id)
            if index >= 0 and index != self.document_combo.currentIndex():
                self.document_combo.setCurrentIndex(index)  # loads through _combo_changed
                return
        self._combo_changed(self.document_combo.currentIndex())

    def _combo_changed(self, index: int) -> None:
        document_id = self.document_combo.itemData(index) if index >= 0 else None
        if document_id is None:
            self._show(None)
            return
        if document_id == self._wanted and self.stats is not None:
            return
        self._wanted = document_id
        db = self._db
        self._runner.run(
            lambda _state: dashboard.document_progress(db, document_id),
            on_done=self._loaded,
            label=self.tr("Counting…"),
            show_progress=False,
            parent=self,
        )

    def _tab_changed(self, index: int) -> None:
        on_matrix = self.tabs.widget(index) is self.matrix
        self.document_combo.setEnabled(not on_matrix)
        if on_matrix:
            self.matrix.ensure_loaded()

    def show_matrix(self) -> None:
        self.tabs.setCurrentWidget(self.matrix)

    def _loaded(self, result: dashboard.DocumentProgress) -> None:
        if result.stats.document_id == self._wanted:
            self._show(result.stats)
            self.dashboard.set_progress(result)

    def _show(self, result: DocumentStats | None) -> None:
        self.stats = result
        if result is None:
            self.dashboard.set_progress(None)
        self.model.set_stats(result)
        if result is None:
            self.heading.setText(self.tr("There are no documents yet."))
            self.summary.clear()
            return
        self.heading.setText(
            self.tr("Results of studying and implementing {number} of {date} (as of {as_of})")
            .format(number=result.number_symbol, date=format_date(result.issue_date),
                    as_of=format_date(result.as_of))
        )
        t = result.totals
        if not t.recipients:
            self.summary.setText(self.tr("This document has no recipients yet."))
            return
        self.summary.setText(
            self.tr("{reported}/{recipients} organisations have reported ({share}); "
                    "{members}/{members_total} party members attended the study sessions.")
            .format(reported=format_int(t.reported),
                    recipients=format_int(t.must_report or t.recipients),
                    share=format_percent(percent(t.reported, t.must_report or t.recipients)),
                    members=format_int(t.members_attending),
                    members_total=format_int(t.members_total))
        )

    def save_state(self, settings: QSettings) -> None:
        self._save_widget(settings, "header", self.table.horizontalHeader())
        settings.setValue(f"{self.settings_key}/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        self._restore_widget(settings, "header", self.table.horizontalHeader())
        tab = settings.value(f"{self.settings_key}/tab", 0)
        if isinstance(tab, (int, str)) and str(tab).isdigit():
            self.tabs.setCurrentIndex(int(tab))
