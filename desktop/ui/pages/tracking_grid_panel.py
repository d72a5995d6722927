"""The tracking grid of one document: chooser, filters, the grid, its status line and undo stack.

Every committed cell is one service call (:func:`~desktop.services.tracking_edit.update_row`,
or the report functions for the report columns) with the row's version, and one step on
:attr:`TrackingGridPanel.undo_stack`. A refused value stays inline: the cell turns red, the
reason is its tooltip and is written in red under the grid, nothing is saved. A row changed
elsewhere (ConflictError) is reported through :mod:`desktop.ui.dialogs.message`, offering to
reload, and the row is reloaded. Bulk actions run on the TaskRunner (5,000 rows take a few
hundred milliseconds) and are one undo step; deleting rows (Del) is undoable, not confirmed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, ConflictError, ValidationError
from desktop.domain.numbers import format_int
from desktop.domain.text import fold
from desktop.services.database import Database
from desktop.services.documents import list_documents
from desktop.services.tracking_bulk import BulkAction, BulkResult, bulk_update
from desktop.services.tracking_edit import (
    EditResult,
    ReportInput,
    apply_changes,
    delete_rows,
    record_report,
    update_report,
)
from desktop.services.tracking_filters import SortSpec, TrackingFilter
from desktop.services.tracking_grid import (
    GridSummary,
    TrackingRowDTO,
    fetch_rows,
    grid_summary,
    row_ids,
    row_versions,
)
from desktop.services.tracking_grid_groups import GROUP_BY, GridGroup, grouped_row_ids
from desktop.services.ui_queries_tracking import tracking_id_of
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.dialogs.bulk_action_dialog import (
    CLEAR,
    RECEIVED,
    REPORTED,
    SESSION,
    BulkActionDialog,
)
from desktop.ui.dialogs.forms_files import FormsFiles
from desktop.ui.models.tracking_grid_model import BATCH, TrackingGridModel
from desktop.ui.undo_commands import ASYNC_ROWS, TrackingUndoCommand
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.tracking_filter_bar import TrackingFilterBar
from desktop.ui.widgets.tracking_grid_view import TrackingGridView


class TrackingGridPanel(QWidget):
    """Chooser + filter bar + grid + status line."""

    bulk_finished = Signal(object)  # BulkResult
    loaded = Signal()
    document_opened = Signal(int)

    def __init__(self, db: Database, runner: TaskRunner, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.today = today
        self.document_id: int | None = None
        self.sort = SortSpec()
        self.bulk_dialog: BulkActionDialog | None = None
        self.busy = False
        self.loading = False
        self._generation = 0
        self._pending_row: int | None = None
        self.undo_stack = QUndoStack(self)

        self.chooser = QComboBox()
        self.chooser.setEditable(True)
        self.chooser.setCompleter(None)  # no inline completion (Vietnamese input methods)
        self.chooser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.chooser.setMinimumContentsLength(40)
        self.chooser.activated.connect(self._chosen)
        line_edit = self.chooser.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(self.tr("Type part of the number or excerpt, then Enter"))
        line_edit.returnPressed.connect(self._search_document)
        self.group_by = QComboBox()
        self.group_by.addItem(self.tr("No blocks"), "")
        self.group_by.addItem(self.tr("By recipient group"), "group")
        self.group_by.addItem(self.tr("By top-level organisation"), "top")
        self.group_by.setToolTip(self.tr("Show the rows in collapsible blocks (Space on a "
                                         "block's line collapses or expands it)"))
        self.group_by.currentIndexChanged.connect(self._group_by_changed)
        self.filters = TrackingFilterBar(db)
        self.filters.changed.connect(lambda _f: self.reload())
        self.counts = QLabel()
        self.model = TrackingGridModel(self._fetch, self)
        self.model.commit = self._commit
        self.view = TrackingGridView()
        self.view.setModel(self.model)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.view.selectionModel().currentChanged.connect(lambda cur, _p: self._show_cell(cur))
        self.error = ErrorLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Document:"))
        label.setBuddy(self.chooser)
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        group_label = QLabel(self.tr("&Blocks:"))
        group_label.setBuddy(self.group_by)
        top.addWidget(group_label)
        top.addWidget(self.group_by)
        top.addWidget(self.counts)
        # the Excel exchange on this grid's document (forms out and back, statistics)
        self.forms = FormsFiles(db, runner, self, document_id=lambda: self.document_id,
                                today=today)
        self.forms.imported.connect(lambda done: self.push_undo(done.result.undo,
                                                                done.document_id))
        self.excel_button = QToolButton()
        self.excel_button.setText(self.tr("E&xcel forms"))
        self.excel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.excel_button.setMenu(QMenu(self.excel_button))
        self.excel_button.menu().addActions(self.forms.actions())
        top.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self._make_actions()
        self._size_columns()
        self.setTabOrder(self.chooser, self.filters)

    def _size_columns(self) -> None:
        width = self.view.fontMetrics().horizontalAdvance
        header = self.view.horizontalHeader()
        sizes = {"date": width("00/00/0000") + 18, "int": width("00.000") + 18,
                 "enum": width("Sinh hoạt chi bộ") + 18, "text": width("00-KH/ĐU") + 40,
                 "computed": width("000,00%") + 18}
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, max(sizes[column.kind], width(column.header) + 24))
        header.resizeSection(self.model.column_of("org_name"), width("Đảng bộ xã Phú Lộc") * 2)
        header.resizeSection(self.model.column_of("group_name"), width("Các đảng bộ huyện"))
        header.resizeSection(self.model.column_of("status_label"),
                             width("Đã báo cáo (đúng hạn)") + 18)
        header.resizeSection(self.model.column_of("note"), width("Ghi chú") * 4)

    # ------------------------------------------------------------------ actions

    def _make_actions(self) -> None:
        def action(text: str, keys: Sequence[QKeySequence | str], slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)  # type: ignore[arg-type]
            return act

        self.undo_action = action(self.tr("&Undo"), [QKeySequence.StandardKey.Undo],
                                  self.undo_stack.undo)
        self.redo_action = action(self.tr("&Redo"), ["Ctrl+Y", "Ctrl+Shift+Z"],
                                  self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.bulk_actions = {
            RECEIVED: action(self.tr("Mark &received…"), ["Ctrl+Shift+N"],
                             lambda: self.bulk(RECEIVED)),
            SESSION: action(self.tr("Set study &session…"), ["Ctrl+Shift+H"],
                            lambda: self.bulk(SESSION)),
            REPORTED: action(self.tr("Mark re&ported…"), ["Ctrl+Shift+B"],
                             lambda: self.bulk(REPORTED)),
            CLEAR: action(self.tr("&Clear fields…"), ["Ctrl+Shift+X"], lambda: self.bulk(CLEAR)),
        }
        self.delete_action = action(self.tr("&Delete rows"), [], self.delete_selected)
        self.delete_action.setShortcut(QKeySequence())  # Del is handled by the grid itself
        self.reload_action = action(self.tr("Re&load"), ["F5"], self.reload)
        self.addActions([self.undo_action, self.redo_action, self.reload_action])
        self.view.addActions(list(self.bulk_actions.values()) + [self.delete_action])
        separator = QAction(self)
        separator.setSeparator(True)
        self.view.addActions([separator, *self.forms.actions()])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # ------------------------------------------------------------------ documents

    def load_documents(self, prefer: int | None = None) -> None:
        """Read the list of documents again (one was added, renamed or deleted meanwhile) and
        show ``prefer``, else the one shown, else the first."""
        current = self.document_id
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for d in list_documents(self._db):
            self.chooser.addItem(f"{d.number_symbol} — {d.excerpt}", d.id)
        self.chooser.blockSignals(False)
        for wanted in (prefer, current):
            index = self.chooser.findData(wanted) if wanted is not None else -1
            if index >= 0:
                self.chooser.blockSignals(True)  # opened once, below, not again by the signal
                self.chooser.setCurrentIndex(index)
                self.chooser.blockSignals(False)
                if wanted != current:
                    self.open_document(int(wanted))  # type: ignore[arg-type]
                return
        if self.chooser.count():
            self.open_document(int(self.chooser.itemData(0)))

    def _chosen(self, row: int) -> None:
        document_id = self.chooser.itemData(row)
        if document_id is not None and document_id != self.document_id:
            self.open_document(int(document_id))

    def _search_document(self) -> None:
        wanted = fold(self.chooser.currentText())
        for i in range(self.chooser.count()):
            if wanted and wanted in fold(self.chooser.itemText(i)):
                self.chooser.setCurrentIndex(i)
                self._chosen(i)
                self.view.setFocus()
                return

    def open_document(self, document_id: int) -> None:
        self.document_id = document_id
        index = self.chooser.findData(document_id)
        if index >= 0 and self.chooser.currentIndex() != index:
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(index)
            self.chooser.blockSignals(False)
        self.undo_stack.clear()
        self.reload()
        self.document_opened.emit(document_id)

    # ------------------------------------------------------------------ rows

    def _fetch(self, ids: Sequence[int]) -> list[TrackingRowDTO]:
        return fetch_rows(self._db, ids, self.today)

    def reload(self, keep: int | None = None) -> None:
        """Query the ids again (filter, sort) on the TaskRunner, then show the first rows and
        keep the current row; :attr:`loading` is True meanwhile (a newer reload wins)."""
        if self.document_id is None or self._runner.closed:
            return  # (a late search-box timer while the program closes)
        current = self.view.currentIndex()
        if keep is None and current.isValid() and self.model.rowCount():
            keep = self.model.id_at(current.row())
        self._generation += 1
        generation, column = self._generation, max(current.column(), 2)
        db, document_id, flt, sort, today = (self._db, self.document_id, self.filters.value(),
                                             self.sort, self.today)
        by = self.grouping

        def work(_state: object) -> tuple[list[int] | list[GridGroup], list[TrackingRowDTO]]:
            if by:
                groups = grouped_row_ids(db, document_id, by, flt, sort, today)
                shown = [i for g in groups if g.key not in collapsed for i in g.ids]
                return groups, fetch_rows(db, _around(shown, target), today)
            ids = row_ids(db, document_id, flt, sort, today)
            return ids, fetch_rows(db, _around(ids, target), today)

        collapsed = set(self.model.collapsed_keys)
        target = self._pending_row if self._pending_row is not None else keep

        def count(_state: object) -> GridSummary:
            return grid_summary(db, document_id, flt, today)

        self.loading = True
        self._runner.run(work, on_done=lambda got: self._loaded(generation, got, keep, column),
                         on_error=self._load_failed, show_progress=False, parent=self)
        self._runner.run(count, on_done=lambda got: self._counted(generation, got),
                         on_error=self._load_failed, show_progress=False, parent=self)

    def _loaded(self, generation: int,
                got: tuple[list[int] | list[GridGroup], list[TrackingRowDTO]],
                keep: int | None, column: int) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        ids, first = got
        if ids and isinstance(ids[0], GridGroup):
            self.model.set_groups(ids, first)  # type: ignore[arg-type]
        else:
            self.model.set_ids(ids, first)  # type: ignore[arg-type]
        target = self._pending_row if self._pending_row is not None else keep
        self._pending_row = None
        if target is not None and self.model.row_of(target) < 0 \
                and self.model.header_row_of(target) >= 0:  # in a collapsed block: open it
            self.model.toggle(self.model.header_row_of(target), collapse=False)
        if target is not None and self.model.row_of(target) >= 0:
            index = self.model.index(self.model.row_of(target), column)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, TrackingGridView.ScrollHint.PositionAtCenter)
        elif ids:
            self.view.setCurrentIndex(self.model.index(0, 0 if self.model.grouped else 2))
        self.loading = False
        self.loaded.emit()

    def _counted(self, generation: int, summary: GridSummary) -> None:
        if generation == self._generation:
            self.counts.setText(self.tr("{shown} of {total} rows; {late} overdue").format(
                shown=format_int(self.model.data_row_count()), total=format_int(summary.total),
                late=format_int(summary.overdue)))

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        message.show_exception(self, exc)

    @property
    def grouping(self) -> str:
        """"" flat, or how the rows are grouped: one of GROUP_BY."""
        by = self.group_by.currentData()
        return by if by in GROUP_BY else ""

    def set_grouping(self, by: str) -> None:
        self.group_by.setCurrentIndex(max(self.group_by.findData(by if by in GROUP_BY else ""), 0))

    def _group_by_changed(self, _index: int) -> None:
        self.model.collapsed_keys.clear()
        self.reload()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self._sort_from(column, order):
            self.reload()

    def _sort_from(self, column: int, order: Qt.SortOrder) -> bool:
        """Take the sort from the header; False when it says nothing usable."""
        if not 0 <= column < len(self.model.columns):
            return False
        key = self.model.columns[column].sort_key
        if not key:
            return False
        self.sort = SortSpec(key, order == Qt.SortOrder.DescendingOrder)
        return True

    def sort_from_header(self) -> None:
        """After the header's saved state was restored (which emits no signal): the same
        sort as last time."""
        header = self.view.horizontalHeader()
        self._sort_from(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def show_row(self, document_id: int, organisation_id: int) -> bool:
        """Open the document and put the cursor on the organisation's row (once loaded; the
        filter is cleared when it hides the row). False: the document has no such row."""
        tid = tracking_id_of(self._db, document_id, organisation_id)
        if tid is None:
            return False
        if self.chooser.count() == 0:
            self.load_documents()
        self._pending_row = tid
        self.view.setFocus()
        if self.filters.value() != TrackingFilter():
            self.filters.set_filter(TrackingFilter(), emit=False)
        if document_id != self.document_id:
            self.open_document(document_id)
        else:
            self.reload()
        return True

    def _show_cell(self, index: object) -> None:
        self.error.show_message(self.model.error_at(index))  # type: ignore[arg-type]

    # ------------------------------------------------------------------ editing

    def _commit(self, dto: TrackingRowDTO, field: str, text: str) -> str | None:
        try:
            result = self._write(dto, field, text)
        except ValidationError as exc:
            self.error.show_message(exc.message)
            return exc.message
        except ConflictError as exc:
            self._conflict(exc, [dto.id])
            return exc.message
        except AppError as exc:
            self.error.show_message(exc.message)
            return exc.message
        self.error.show_message("")
        self.model.update_rows(result.rows)
        self._push(result.undo)
        self.status.setText(self.tr("Saved: {what}.").format(what=result.undo.description))
        return None

    def _write(self, dto: TrackingRowDTO, field: str, text: str) -> EditResult:
        if not field.startswith("report."):
            return apply_changes(self._db, [(dto.id, {field: text}, dto.version)],
                                 today=self.today, description=f"Sửa ô của {dto.org_name}")
        key = field.removeprefix("report.")
        if dto.report_id is None or dto.report_version is None:
            values = {key: text or None} if key == "status" else {key: text}
            done = record_report(self._db, dto.id, ReportInput(**values), dto.version,
                                 today=self.today)
        else:
            value: str | None = text or None if key == "status" else text
            done = update_report(self._db, dto.report_id, {key: value}, dto.report_version,
                                 today=self.today)
        return EditResult([done.row], done.undo)

    def _push(self, undo: object, text: str = "") -> None:
        from desktop.services.tracking_edit import Undo

        assert isinstance(undo, Undo)
        if not undo.empty:
            self.undo_stack.push(TrackingUndoCommand(self._db, undo, self.today, self._undone,
                                                     self._undo_failed, text, self._runner,
                                                     self._set_busy))

    def push_undo(self, undo: object, document_id: int | None = None) -> None:
        """A write done elsewhere (the Excel forms import) as one step of the undo stack, and
        the rows read again; on ``document_id``'s grid (opened if another one is shown)."""
        if document_id is not None and document_id != self.document_id:
            self.open_document(document_id)  # clears the stack: its steps were another grid's
        else:
            self.model.forget(self.model.ids())
            self.reload()
        self._push(undo)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.undo_action.setEnabled(not busy and self.undo_stack.canUndo())
        self.redo_action.setEnabled(not busy and self.undo_stack.canRedo())

    def _undone(self, result: EditResult, rows_changed: bool) -> None:
        if rows_changed:  # deleted again: out at once; put back: shown by the reload
            self.model.remove_ids([sn.tracking_id for sn in result.undo.restore_rows])
            self.reload()
        if len(result.rows) > ASYNC_ROWS:
            self.model.forget(r.id for r in result.rows)
            self.model.refresh_all()
            self._recount_blocks()
        else:
            self.model.update_rows(result.rows)
        self.status.setText(self.tr("Done: {what}.").format(what=result.undo.description))

    def _recount_blocks(self) -> None:
        """Grouped: count each block's overdue rows again after a bulk change (the rows stay
        where they are until the next reload)."""
        if not self.model.grouped or self.document_id is None or self._runner.closed:
            return
        db, document_id, by, flt, today = (self._db, self.document_id, self.grouping,
                                           self.filters.value(), self.today)
        generation = self._generation

        def work(_state: object) -> list[GridGroup]:
            return grouped_row_ids(db, document_id, by, flt, SortSpec(), today)  # type: ignore[arg-type]

        def done(groups: list[GridGroup]) -> None:
            if generation == self._generation:
                self.model.set_block_counts({g.key: g.overdue for g in groups})

        self._runner.run(work, on_done=done, on_error=self._load_failed, show_progress=False,
                         parent=self)

    def _undo_failed(self, exc: AppError) -> None:
        self._conflict(exc, [])

    def _conflict(self, exc: AppError, ids: list[int]) -> None:
        answer = message.question(
            self, exc.message, informative=self.tr("Reload the rows to see what is stored now?"),
            default=message.Button.Yes,
            labels={message.Button.Yes: self.tr("&Reload"), message.Button.No: self.tr("&Not now")})
        if answer == message.Button.Yes:
            if ids:  # one row, while its editor is closing: no reset of the model
                self.model.update_rows(self._fetch(ids))
            else:
                self.model.forget(self.model.ids())
                self.reload()
        self.status.setText(exc.message)

    # ------------------------------------------------------------------ selection

    def selected_rows(self, blocks: bool = False) -> list[TrackingRowDTO]:
        """The selected rows (``blocks``: a selected block header stands for its rows)."""
        rows = self.view.selected_row_numbers()
        if blocks:
            ids = self.model.ids_for_rows(rows)
        else:
            ids = [tid for r in rows if (tid := self.model.id_at(r)) is not None]
        missing = [i for i in ids if self.model.cached(i) is None]
        if missing:
            self.model.update_cache(self._fetch(missing))
        return [dto for i in ids if (dto := self.model.cached(i)) is not None]

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        try:
            result = delete_rows(self._db, [r.id for r in rows], {r.id: r.version for r in rows})
        except AppError as exc:
            self.error.show_message(exc.message)
            return
        self._push(result.undo)
        self.model.remove_ids([r.id for r in rows])
        self.status.setText(self.tr("{count} rows deleted; Ctrl+Z puts them back.").format(
            count=result.deleted))

    def selected_ids(self) -> list[int]:
        """The rows a bulk action works on: a selected block header stands for its rows."""
        return self.model.ids_for_rows(self.view.selected_row_numbers())

    def bulk(self, kind: str, action: BulkAction | None = None) -> None:
        rows = self.selected_ids()
        if not rows or self.busy:
            return
        if action is not None:
            self._run_bulk(rows, action)
            return
        dialog = BulkActionDialog(kind, len(rows), self.today or date.today(), self)
        self.bulk_dialog = dialog

        def finished(code: int) -> None:
            self.bulk_dialog = None
            if code == BulkActionDialog.DialogCode.Accepted:
                self._run_bulk(rows, dialog.action())
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _run_bulk(self, ids: list[int], action: BulkAction) -> None:
        db, today = self._db, self.today
        # the versions the grid has shown; rows never shown are read with the action
        versions = {i: dto.version for i in ids if (dto := self.model.cached(i)) is not None}
        unseen = [i for i in ids if i not in versions]

        def work(_state: object) -> BulkResult:
            if unseen:
                versions.update(row_versions(db, unseen))
            return bulk_update(db, ids, action, versions, today=today)

        self.busy = True
        self.status.setText(self.tr("Updating {count} rows…").format(count=len(ids)))
        self._runner.run(work,
                         on_done=self._bulk_done, on_error=self._bulk_failed,
                         label=self.tr("Updating the selected rows…"), parent=self)

    def _bulk_done(self, result: BulkResult) -> None:
        self.busy = False
        self._push(result.undo, result.undo.description)
        self.model.forget(result.updated_ids)
        self.model.refresh_all()
        self._recount_blocks()
        self.status.setText(result.summary)
        self.bulk_finished.emit(result)

    def _bulk_failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, ConflictError):
            self._conflict(exc, [])
        elif isinstance(exc, AppError):
            self.error.show_message(exc.message)
            self.status.setText(exc.message)
        else:
            message.show_exception(self, exc)
        self.bulk_finished.emit(None)


def _around(ids: list[int], target: int | None) -> list[int]:
    """The rows the grid will show first: the top of the list, or the rows around the row the
    cursor comes back to (fetched here, on the worker, so painting never fetches them on the
    GUI thread)."""
    if target is not None:
        try:
            at = ids.index(target)
        except ValueError:
            at = 0
        start = max(0, at - BATCH // 2)
        return ids[start:start + BATCH]
    return ids[:BATCH]

