"""Văn bản: the documents list with a search box, and the progress of the selected document."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.numbers import format_int
from desktop.services import documents, stats
from desktop.services.database import Database
from desktop.services.dto import DocumentRow, DocumentStats
from desktop.tasks.runner import TaskRunner
from desktop.ui.models.document_table_model import DocumentTableModel
from desktop.ui.pages.page import Page
from desktop.ui.widgets.document_progress_panel import DocumentProgressPanel
from desktop.ui.widgets.search_box import SearchBox


class DocumentsPage(Page):
    """The first page: loads only the documents list; statistics come from the task runner."""

    settings_key = "documents_page"
    document_selected = Signal(int)

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._wanted: int | None = None

        self.search = SearchBox()
        self.search.setPlaceholderText(
            self.tr("Number, symbol or words of the excerpt (accents not needed)")
        )
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.model = DocumentTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DocumentTableModel.EXCERPT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DocumentTableModel.NUMBER, 120), (DocumentTableModel.DATE, 90),
                              (DocumentTableModel.TYPE, 110), (DocumentTableModel.ISSUER, 200)):
            header.resizeSection(column, width)
        header.setSortIndicator(DocumentTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        self.panel = DocumentProgressPanel()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.search.search_changed.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self, search: str | None = None) -> None:
        """Read the list again (keeping the selected document when it is still there)."""
        if search is None:
            search = self.search.search_text()
        current = self.current_document_id()
        rows = documents.list_documents(self._db, search or None)
        self.model.set_rows(rows)
        self._update_count(rows, bool(search))
        row = self.model.row_of(current) if current is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_document(None)

    def select_document(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row < 0 and self.search.text():
            self.search.clear()
            self.reload("")
            row = self.model.row_of(document_id)
        if row >= 0:
            self.table.selectRow(row)

    def current_document_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _update_count(self, rows: list[DocumentRow], searching: bool) -> None:
        if searching:
            text = self.tr("{count} documents found").format(count=format_int(len(rows)))
        else:
            text = self.tr("{count} documents").format(count=format_int(len(rows)))
        self.count_label.setText(text)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_document(self.current_document_id())

    def _show_document(self, document_id: int | None) -> None:
        if document_id == self._wanted and document_id is not None:
            return
        self._wanted = document_id
        if document_id is None:
            self.panel.set_stats(None)
            return
        self.document_selected.emit(document_id)
        db = self._db
        self._runner.run(
            lambda _state: stats.document_stats(db, document_id),
            on_done=self._stats_loaded,
            label=self.tr("Counting…"),
            show_progress=False,
            parent=self,
        )

    def _stats_loaded(self, result: DocumentStats) -> None:
        if result.document_id == self._wanted:  # not a late answer for an older selection
            self.panel.set_stats(result)

    # ------------------------------------------------------------------ layout memory

    def save_state(self, settings: QSettings) -> None:
        self._save_widget(settings, "splitter", self.splitter)
        self._save_widget(settings, "header", self.table.horizontalHeader())

    def restore_state(self, settings: QSettings) -> None:
        self._restore_widget(settings, "splitter", self.splitter)
        self._restore_widget(settings, "header", self.table.horizontalHeader())
