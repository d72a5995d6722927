"""The tracking grid's table view, with Excel's keys.

- typing a printable character on a cell starts editing with that character (the editor then
  receives the following keys, Backspaces and composed letters of Unikey/EVKey); F2 edits the
  cell as it is;
- Enter commits and moves DOWN (also without an editor open); Tab / Shift+Tab commit and move
  right / left, skipping read-only cells and wrapping to the next / previous row;
- Esc in an editor reverts the cell; Esc on a cell marked red clears the mark. Each cell is
  committed on its own when its editor closes (no per-row buffer: a cell typed is a cell
  saved, and one undo step);
- Del on selected rows asks the page to delete them (undoable, no confirmation);
- grouped, a block's header row spans the grid; Space, Enter or a double click on it collapses
  or expands the block, Left collapses and Right expands it; Enter, Tab and typing skip
  header rows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget

from desktop.ui.models.tracking_grid_model import TrackingGridModel
from desktop.ui.widgets.tracking_delegates import TrackingDelegate

Hint = QAbstractItemDelegate.EndEditHint
Cursor = QAbstractItemView.CursorAction


class TrackingGridView(QTableView):
    """A QTableView that moves like a spreadsheet."""

    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(TrackingDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setHighlightSections(False)

    def setModel(self, model: object) -> None:  # type: ignore[override]
        super().setModel(model)  # type: ignore[arg-type]
        if isinstance(model, TrackingGridModel):
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._span_headers)

    def _span_headers(self, *_args: object) -> None:
        """Header rows of blocks span every column (spans follow rows, so they are set anew)."""
        self.clearSpans()
        model = self.grid_model()
        columns = model.columnCount()
        for row in model.header_rows():
            self.setSpan(row, 0, 1, columns)

    def grid_model(self) -> TrackingGridModel:
        model = self.model()
        assert isinstance(model, TrackingGridModel)
        return model

    # ------------------------------------------------------------------ moving

    def _editable(self, column: int) -> bool:
        return bool(self.grid_model().columns[column].field) and not self.isColumnHidden(column)

    def _data_row(self, row: int) -> bool:
        return not self.grid_model().is_header(row)

    def _next_cell(self, index: QModelIndex, step: int) -> QModelIndex:
        model = self.grid_model()
        columns, rows = model.columnCount(), model.rowCount()
        row, col = index.row(), index.column()
        for _ in range(columns * 2):
            col += step
            if col >= columns:
                row, col = row + 1, 0
            elif col < 0:
                row, col = row - 1, columns - 1
            if not 0 <= row < rows:
                return index
            if model.is_header(row):  # over a block's header to the next block
                row += 1 if step > 0 else -1
                col = -1 if step > 0 else columns
                continue
            if self._editable(col):
                return model.index(row, col)
        return index

    def moveCursor(self, action: Cursor, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        if current.isValid() and action in (Cursor.MoveNext, Cursor.MovePrevious):
            return self._next_cell(current, 1 if action == Cursor.MoveNext else -1)
        return super().moveCursor(action, modifiers)

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _down(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        model = self.grid_model()
        row = current.row() + 1
        while row < model.rowCount() and model.is_header(row):
            row += 1
        if row < model.rowCount():
            column = current.column() if not model.is_header(current.row()) else 2
            self._go(model.index(row, column))

    def toggle_block(self, row: int, collapse: bool | None = None) -> bool:
        """Collapse / expand the block headed on ``row``; the cursor stays on the header."""
        model = self.grid_model()
        if not model.toggle(row, collapse):
            return False
        self.setCurrentIndex(model.index(row, 0))
        return True

    # ------------------------------------------------------------------ editing

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        current = self.currentIndex()
        failed = bool(self.grid_model().error_at(current)) if current.isValid() else False
        # the editor had the window's focus: give it back to the grid. (Qt does so only when
        # the window is active at that moment; otherwise the focus would fall to the next
        # widget of the chain, outside the grid, and Ctrl+Z would no longer reach it.)
        focus = self.window().focusWidget()
        keep = focus is not None and (focus is editor or editor.isAncestorOf(focus))
        super().closeEditor(editor, Hint.NoHint)
        if keep:
            self.setFocus()
        if failed or not current.isValid():
            return  # a refused value: stay on the red cell
        if hint == Hint.SubmitModelCache:
            self._down()
        elif hint == Hint.EditNextItem:
            self._go(self._next_cell(current, 1))
        elif hint == Hint.EditPreviousItem:
            self._go(self._next_cell(current, -1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid() and self.grid_model().is_header(current.row()) and plain:
                toggles = {Qt.Key.Key_Space: None, Qt.Key.Key_Return: None,
                           Qt.Key.Key_Enter: None, Qt.Key.Key_Left: True,
                           Qt.Key.Key_Right: False, Qt.Key.Key_Minus: True,
                           Qt.Key.Key_Plus: False}
                if key in toggles:
                    self.toggle_block(current.row(), toggles[key])
                    return
                if event.text() and event.text().isprintable():
                    return  # typing on a header does nothing
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._down()
                return
            if key == Qt.Key.Key_Escape and current.isValid() \
                    and self.grid_model().error_at(current):
                self.grid_model().set_error(current, "")
                return
            if key == Qt.Key.Key_Delete and plain:
                self.delete_requested.emit()
                return
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and current.isValid():
                back = key == Qt.Key.Key_Backtab or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._go(self._next_cell(current, -1 if back else 1))
                return
            if current.isValid() and event.text() and event.text().isprintable() \
                    and not self._editable(current.column()) and plain:
                return  # typing on a read-only cell does nothing
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and self.grid_model().is_header(index.row()):
            self.toggle_block(index.row())
            return
        super().mouseDoubleClickEvent(event)

    def selected_row_numbers(self) -> list[int]:
        rows = {r for rng in self.selectionModel().selection()
                for r in range(rng.top(), rng.bottom() + 1)}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)


def persistent(index: QModelIndex) -> QPersistentModelIndex:
    return QPersistentModelIndex(index)
