"""Theo dõi: the grid of one document (first tab) and every document's progress (second tab).

The grid tab is :class:`~desktop.ui.pages.tracking_grid_panel.TrackingGridPanel` (chooser,
filters, the Excel-like grid, undo stack). The overview tab ("Tổng quan các văn bản") counts
every document's progress in the background; double-clicking a document there opens its report.
:meth:`TrackingPage.show_row` opens a document's grid on one organisation's row.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from desktop.services import stats
from desktop.services.database import Database
from desktop.services.dto import DocumentStats
from desktop.tasks.runner import TaskRunner
from desktop.ui.models.progress_overview_model import FractionRole, ProgressOverviewModel
from desktop.ui.pages.page import Page
from desktop.ui.pages.tracking_grid_panel import TrackingGridPanel
from desktop.ui.widgets.progress_delegate import ProgressBarDelegate


class TrackingPage(Page):
    """Documents × (recipients, received, studied, planned, reported, overdue)."""

    settings_key = "tracking_page"
    document_activated = Signal(int)

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._loaded = False
        self._loading = False

        self.summary = QLabel()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(self.tr("Count again (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)

        self.model = ProgressOverviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ProgressBarDelegate(FractionRole, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProgressOverviewModel.EXCERPT, QHeaderView.ResizeMode.Stretch)
        width = self.table.fontMetrics().horizontalAdvance
        model = ProgressOverviewModel
        header.resizeSection(model.NUMBER, width("00-KH/BTGDVTU") + 16)
        header.resizeSection(model.DATE, width("00/00/0000") + 16)
        header.resizeSection(model.FIRST_STAGE, width("00.000") + 40)
        bar_width = width("00.000 (00,00%)") + 30  # the widest text a bar cell shows
        for column in range(model.FIRST_STAGE + 1, self.model.columnCount()):
            header.resizeSection(column, bar_width)
        self.table.doubleClicked.connect(self._activated)
        hint = QLabel(self.tr("Double-click a document to see its figures per group."))
        hint.setEnabled(False)

        overview = QWidget()
        layout = QVBoxLayout(overview)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

        self.grid = TrackingGridPanel(db, runner, today)
        self.undo_stack = self.grid.undo_stack
        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid, self.tr("&Tracking grid"))
        self.tabs.addTab(overview, self.tr("&Overview of all documents"))
        self.tabs.currentChanged.connect(lambda _i: self.page_shown())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        self._grid_ready = False

    @property
    def loaded(self) -> bool:
        return self._loaded

    def work_widget(self) -> QWidget | None:
        return self.grid.view if self.tabs.currentWidget() is self.grid else self.table

    def page_shown(self) -> None:
        if not self._grid_ready:
            self._grid_ready = True
            self.grid.filters.restore()
            self.grid.load_documents()
        else:
            self.grid.filters.refresh_lists()  # groups or kinds edited elsewhere meanwhile
        if not self._loaded and not self._loading:
            self.reload()

    def show_document(self, document_id: int | None) -> None:
        """Coming to the page with ``document_id`` chosen elsewhere (the Documents page): the
        grid shows it, from a list read again (it may have just been created)."""
        if not self._grid_ready:
            self._grid_ready = True
            self.grid.filters.restore()
        self.grid.load_documents(prefer=document_id)

    def show_row(self, document_id: int, organisation_id: int) -> bool:
        """Open ``document_id`` in the grid on ``organisation_id``'s row (False: no such row)."""
        self._grid_ready = True
        self.tabs.setCurrentWidget(self.grid)
        return self.grid.show_row(document_id, organisation_id)

    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Counting…"))
        db = self._db
        self._runner.run(
            lambda _state: stats.all_stats(db),
            on_done=self._loaded_stats,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            label=self.tr("Counting the progress of every document…"),
            parent=self,
        )

    def _loaded_stats(self, rows: list[DocumentStats]) -> None:
        self._loading = False
        self._loaded = True
        self.refresh_button.setEnabled(True)
        self.model.set_stats(rows)
        as_of = rows[0].as_of if rows else date.today()
        overdue = sum(1 for r in rows if r.totals.overdue)
        self.summary.setText(
            self.tr("{count} documents, figures as of {date}; {overdue} with overdue "
                    "organisations.").format(count=len(rows), date=format_date(as_of),
                                             overdue=overdue)
        )

    def _failed(self, error: BaseException) -> None:
        from desktop.ui.dialogs import message

        self._loading = False
        self.refresh_button.setEnabled(True)
        self.summary.setText(self.tr("The figures could not be counted."))
        message.show_exception(self, error)

    def _cancelled(self) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.summary.setText(self.tr("Counting was cancelled; press Refresh to count again."))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.document_activated.emit(self.model.stats_at(index.row()).document_id)

    def save_state(self, settings: QSettings) -> None:
        self._save_widget(settings, "header", self.table.horizontalHeader())
        self._save_widget(settings, "grid_header", self.grid.view.horizontalHeader())
        settings.setValue(f"{self.settings_key}/grid_group_by", self.grid.grouping)

    def restore_state(self, settings: QSettings) -> None:
        self._restore_widget(settings, "header", self.table.horizontalHeader())
        self._restore_widget(settings, "grid_header", self.grid.view.horizontalHeader())
        self.grid.sort_from_header()
        self.grid.group_by.blockSignals(True)  # the grid loads once, when first shown
        self.grid.set_grouping(str(settings.value(f"{self.settings_key}/grid_group_by", "")))
        self.grid.group_by.blockSignals(False)


