"""Văn bản: the document register — list, search and filters, and the commands on a document.

The list (search ignoring accents, filters by type, year and issuing body) shows State
documents as "15/QĐ-UBND" and Party ones as "15-CT/TU". Commands: Thêm (Ctrl+N), Sửa (Enter,
F2, double click), Xóa (Delete; the service refuses a document with tracking data and says
why), Nhập từ Word… (Ctrl+Shift+O), Đính kèm… (Ctrl+Shift+A). Under the list, two tabs for the
selected document: its progress (figures from the task runner) and "Văn bản triển khai", the
documents issued under it with its coverage per level. After a change the list is read again
and the document stays selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, NotFoundError, ValidationError
from desktop.domain.numbers import format_int
from desktop.services import stats
from desktop.services.cascade import CascadeCoverage, cascade_coverage
from desktop.services.database import Database
from desktop.services.document_register import DocumentDetail, delete_document, get_document
from desktop.services.dto import DocumentStats
from desktop.services.ui_queries_documents import list_register
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.models.document_table_model import DocumentTableModel
from desktop.ui.pages.page import Page
from desktop.ui.widgets.cascade_panel import CascadePanel
from desktop.ui.widgets.document_progress_panel import DocumentProgressPanel
from desktop.ui.widgets.register_filters import RegisterFilters
from desktop.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:  # the dialogs are imported when first opened: start-up does not pay for them
    from desktop.ui.dialogs.document_dialog import DocumentDialog
    from desktop.ui.dialogs.docx_import_dialog import DocxImporter
    from desktop.ui.widgets.attachments_panel import AttachmentsDialog

PROGRESS_TAB, CASCADE_TAB = range(2)


class DocumentsPage(Page):
    """The first page: the register; statistics and the cascade come from the task runner."""

    settings_key = "documents_page"
    document_selected = Signal(int)

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._wanted: int | None = None
        self._cascade_for: int | None = None
        self.dialog: DocumentDialog | None = None
        self.importer: DocxImporter | None = None
        self.attachments_dialog: AttachmentsDialog | None = None

        self.search = SearchBox()
        self.search.setPlaceholderText(
            self.tr("Number, symbol or words of the excerpt (accents not needed)")
        )
        self.filters = RegisterFilters(db)
        self.type_filter, self.year_filter, self.body_filter = self.filters.combos
        self.count_label = QLabel()
        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.add_action = self._action(self.tr("&New…"), "Ctrl+N", self.add_document)
        self.edit_action = self._action(self.tr("&Edit…"), "F2", self.edit_document)
        self.delete_action = self._action(self.tr("&Delete"), "Del", self.delete_document)
        self.import_action = self._action(self.tr("Import from &Word…"), "Ctrl+Shift+O",
                                          self.import_docx)
        self.attach_action = self._action(self.tr("Attach&ments…"), "Ctrl+Shift+A",
                                          self.show_attachments)
        self.history_action = self._action(self.tr("&History…"), "Ctrl+H", self.show_history)
        # A tool bar: on a narrow window the commands that do not fit go into its » menu.
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons: dict[str, QToolButton] = {}
        for key, action in (("add", self.add_action), ("edit", self.edit_action),
                            ("delete", self.delete_action), ("import", self.import_action),
                            ("attach", self.attach_action), ("history", self.history_action)):
            tip = action.text().replace("&", "")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})")
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            self.buttons[key] = button

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
        self.table.addAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        self.panel = DocumentProgressPanel()
        self.cascade = CascadePanel()
        self.details = QTabWidget()
        self.details.setDocumentMode(True)
        # The figures scroll, so a small window (a laptop at 125 %) still shows the list.
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details.addTab(scroll, self.tr("&Progress"))
        self.details.addTab(self.cascade, self.tr("Implementing d&ocuments"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_document())
        self.search.search_changed.connect(self.reload)
        self.filters.changed.connect(self.reload)
        self.details.currentChanged.connect(lambda _i: self._load_cascade())
        self.cascade.document_activated.connect(self.select_document)
        self.reload()

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if keys != "Del":
            self.addAction(action)
        return action

    # ------------------------------------------------------------------ loading

    def filtered(self) -> bool:
        return self.filters.active()

    def reload(self, search: str | None = None) -> None:
        """Read the list again (keeping the selected document when it is still there)."""
        if search is None:
            search = self.search.search_text()
        current = self.current_document_id()
        rows = list_register(self._db, search or None, **self.filters.values())
        self.model.set_rows(rows)
        searching = bool(search) or self.filtered()
        if searching:
            text = self.tr("{count} documents found").format(count=format_int(len(rows)))
        else:
            text = self.tr("{count} documents").format(count=format_int(len(rows)))
        self.count_label.setText(text)
        row = self.model.row_of(current) if current is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_document(None)
        self._update_actions()

    def select_document(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row < 0 and (self.search.text() or self.filtered()):
            self.filters.clear()
            self.search.clear()
            self.reload("")
            row = self.model.row_of(document_id)
        if row >= 0:
            self.table.selectRow(row)

    def page_shown(self) -> None:
        self.filters.refresh_lists()  # a type or issuing body added elsewhere meanwhile

    def work_widget(self) -> QWidget | None:
        return self.table

    def current_document_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def show_history(self) -> None:
        """The audit trail of the selected document and its tracking rows (printable)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        from desktop.ui.dialogs.history_dialog import show_history

        row = self.model.row_at(rows[0].row())
        show_history(self._db, row.id, row.number_symbol, self)

    def _update_actions(self) -> None:
        selected = self.current_document_id() is not None
        for action in (self.edit_action, self.delete_action, self.attach_action,
                       self.history_action):
            action.setEnabled(selected)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_document(self.current_document_id())
        self._update_actions()

    def _show_document(self, document_id: int | None) -> None:
        if document_id == self._wanted and document_id is not None:
            return
        self._wanted = document_id
        self._load_cascade()
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

    def _load_cascade(self) -> None:
        """Read the cascade of the selected document when its tab is the one shown."""
        wanted = self._wanted
        if self.details.currentIndex() != CASCADE_TAB or wanted == self._cascade_for:
            return
        self._cascade_for = wanted
        if wanted is None:
            self.cascade.set_coverage(None)
            return
        self.cascade.set_loading()
        db = self._db
        self._runner.run(lambda _state: cascade_coverage(db, wanted),
                         on_done=self._cascade_loaded, on_error=self._cascade_failed,
                         show_progress=False, parent=self)

    def _cascade_loaded(self, result: CascadeCoverage) -> None:
        if result.root.id == self._cascade_for:
            self.cascade.set_coverage(result)

    def _cascade_failed(self, exc: BaseException) -> None:
        self._cascade_for = None
        self.cascade.set_coverage(None)
        if not isinstance(exc, NotFoundError):  # deleted meanwhile: the list says so
            message.show_exception(self, exc)

    def _refresh(self, document_id: int | None) -> None:
        """After a change: years, list, selection, and the figures read again."""
        self.filters.fill_years()
        self._wanted = None
        self._cascade_for = None
        self.reload()
        if document_id is not None:
            self.select_document(document_id)
        self._show_document(self.current_document_id())

    # ------------------------------------------------------------------ commands

    def _open(self, dialog: DocumentDialog) -> None:
        dialog.saved.connect(lambda detail: self._refresh(detail.id))
        self.dialog = dialog
        dialog.open()

    def add_document(self) -> None:
        from desktop.ui.dialogs.document_dialog import DocumentDialog

        self._open(DocumentDialog(self._db, self._runner, parent=self))

    def edit_document(self) -> None:
        document_id = self.current_document_id()
        if document_id is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        try:
            detail = get_document(self._db, document_id)
        except NotFoundError as exc:
            message.warning(self, exc.message)
            self._refresh(None)
            return
        from desktop.ui.dialogs.document_dialog import DocumentDialog

        self._open(DocumentDialog(self._db, self._runner, document=detail, parent=self))

    def delete_document(self) -> None:
        row = self.model.row_of(self.current_document_id() or -1)
        if row < 0:
            return
        doc = self.model.row_at(row)
        answer = message.question(
            self, self.tr("Delete {type} {number}?").format(type=doc.type_name.lower(),
                                                            number=doc.number_symbol),
            informative=self.tr("Its deadlines, recipients and attached files are deleted "
                                "with it. A document whose tracking has started cannot be "
                                "deleted."))
        if answer != message.Button.Yes:
            return
        db, document_id = self._db, doc.id

        def work(_state: object) -> None:
            detail: DocumentDetail = get_document(db, document_id)
            delete_document(db, document_id, detail.version)

        self._runner.run(work, on_done=lambda _r: self._refresh(None),
                         on_error=self._delete_failed, parent=self,
                         label=self.tr("Deleting the document…"))

    def _delete_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            message.warning(self, exc.message, title=self.tr("The document was not deleted"))
        elif isinstance(exc, AppError):
            message.error(self, exc.message)
            self._refresh(None)
        else:
            message.show_exception(self, exc)

    def import_docx(self, path: str | None = None) -> None:
        if self.importer is None:
            from desktop.ui.dialogs.docx_import_dialog import DocxImporter

            self.importer = DocxImporter(self._db, self._runner, self)
            self.importer.imported.connect(lambda detail: self._refresh(detail.id))
        self.importer.start(path)

    def show_attachments(self) -> None:
        row = self.model.row_of(self.current_document_id() or -1)
        if row < 0:
            return
        doc = self.model.row_at(row)
        from desktop.ui.widgets.attachments_panel import AttachmentsDialog

        self.attachments_dialog = AttachmentsDialog(self._db, self._runner, doc.id,
                                                    doc.number_symbol, self)
        self.attachments_dialog.open()

    # ------------------------------------------------------------------ layout memory

    def save_state(self, settings: QSettings) -> None:
        self._save_widget(settings, "splitter", self.splitter)
        self._save_widget(settings, "header", self.table.horizontalHeader())
        self.filters.save(settings, self.settings_key)
        settings.setValue(f"{self.settings_key}/details_tab", self.details.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        self._restore_widget(settings, "splitter", self.splitter)
        self._restore_widget(settings, "header", self.table.horizontalHeader())
        tab = settings.value(f"{self.settings_key}/details_tab")
        if tab is not None and str(tab).isdigit():
            self.details.setCurrentIndex(int(tab))
        if self.filters.restore(settings, self.settings_key):
            self.reload()
