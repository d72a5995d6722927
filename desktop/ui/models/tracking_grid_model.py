"""The tracking grid's model: one row per recipient organisation of one document.

Anki's browser pattern: the model holds only the ordered list of row ids (from
:func:`desktop.services.tracking_grid.row_ids`); the rows themselves
(:class:`~desktop.services.tracking_grid.TrackingRowDTO`) are fetched in batches of
:data:`BATCH` around the first row asked for, so opening a document sent to 20,000
organisations costs one id query and one batch.

Grouped (:meth:`TrackingGridModel.set_groups`), a header row opens each block ("Các đảng bộ
trực thuộc Tỉnh ủy — 105 đơn vị, 12 quá hạn"); its id in :meth:`TrackingGridModel.ids` is
negative, and :meth:`TrackingGridModel.toggle` collapses or expands the block (rows removed
or inserted, not a reset: the selection and the current cell elsewhere stay). Which row is
shown where, and the blocks' bookkeeping, live in
:class:`~desktop.ui.models.tracking_grid_blocks.BlockLayout`; this model announces its changes.
The columns and the text of a cell come from :mod:`desktop.ui.models.tracking_grid_columns`.

Editing does not write here: :meth:`setData` hands the typed text to :attr:`commit` (the page,
which calls the services and pushes an undo step). A refused value leaves the cell red with the
reason as its tooltip (:meth:`error_at`) until the cell is edited again or Esc clears it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.services.tracking_grid import TrackingRowDTO
from desktop.services.tracking_grid_groups import GridGroup
from desktop.ui.models.tracking_grid_blocks import BlockLayout
from desktop.ui.models.tracking_grid_columns import display, edit_text, tracking_columns

BATCH = 200

RowIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
KeyRole = Qt.ItemDataRole.UserRole + 3
KindRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
Committer = Callable[[TrackingRowDTO, str, str], str | None]

OVERDUE_TINT = QColor(255, 236, 224)
ERROR_TINT = QColor(255, 205, 205)
READ_ONLY_TINT = QColor(242, 242, 242)
READ_ONLY_TEXT = QColor(90, 90, 90)


class TrackingGridModel(QAbstractTableModel):
    """Rows of one document, fetched lazily by id."""

    def __init__(
        self, fetch: Callable[[Sequence[int]], list[TrackingRowDTO]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.columns = tracking_columns()
        # per-column answers of flags() and data(), computed once
        self._flags = [_EDITABLE if c.field else _READ_ONLY for c in self.columns]
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._align = [right if c.kind in ("int", "date")
                       or c.key in ("members_percent", "days_overdue") else None
                       for c in self.columns]
        self._foreground = [None if c.field else _READ_ONLY_TEXT_BRUSH for c in self.columns]
        self._background = [None if c.field else _READ_ONLY_BRUSH for c in self.columns]
        self._layout = BlockLayout()  # the ids shown, where each is, the blocks
        self._rows: dict[int, TrackingRowDTO] = {}
        self._errors: dict[tuple[int, str], str] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self.commit: Committer | None = None
        self.fetch_count = 0

    # ------------------------------------------------------------------ content

    def set_ids(self, ids: Sequence[int], rows: Iterable[TrackingRowDTO] = ()) -> None:
        """Show these rows, flat."""
        self._reset(rows, lambda: self._layout.set_flat(ids))

    def set_groups(self, groups: Sequence[GridGroup], rows: Iterable[TrackingRowDTO] = ()) -> None:
        """Show the rows in blocks, each under a header row; blocks whose key is in
        :attr:`collapsed_keys` start collapsed."""
        self._reset(rows, lambda: self._layout.set_groups(groups))

    def _reset(self, rows: Iterable[TrackingRowDTO], lay_out: Callable[[], None]) -> None:
        self.beginResetModel()
        lay_out()
        pos = self._layout.pos
        self._rows = {r.id: r for r in rows if r.id in pos}
        self._texts.clear()
        self._errors.clear()
        self.endResetModel()

    @property
    def collapsed_keys(self) -> set[int]:
        """Keys of the blocks collapsed (kept across reloads; the set itself, to edit)."""
        return self._layout.collapsed_keys

    @property
    def grouped(self) -> bool:
        return self._layout.grouped

    def ids(self) -> list[int]:
        """The id shown on each row (a header row's is negative)."""
        return list(self._layout.ids)

    def data_row_count(self) -> int:
        """How many tracking rows the grid holds (also those of collapsed blocks)."""
        return self._layout.data_row_count()

    def id_at(self, row: int) -> int | None:
        """The tracking row id on ``row``; None on a header row or outside."""
        ids = self._layout.ids
        if 0 <= row < len(ids) and ids[row] >= 0:
            return ids[row]
        return None

    def is_header(self, row: int) -> bool:
        return self._layout.is_header(row)

    def header_rows(self) -> list[int]:
        return self._layout.header_rows()

    def block_key_at(self, row: int) -> int | None:
        """The group key of the block whose header is on ``row``."""
        return self._layout.block_key_at(row)

    def header_row_of(self, tracking_id: int) -> int:
        """The row of the header of ``tracking_id``'s block (-1 flat or unknown)."""
        return self._layout.header_row_of(tracking_id)

    def is_collapsed(self, row: int) -> bool:
        return self._layout.is_collapsed(row)

    def ids_for_rows(self, rows: Iterable[int]) -> list[int]:
        """The tracking ids of these rows; a header row stands for every row of its block
        (also while collapsed). In the grid's order, each once."""
        return self._layout.ids_for_rows(rows)

    def set_block_counts(self, overdue: dict[int, int]) -> None:
        """New overdue counts per block key (blocks not named have none overdue)."""
        self._repaint_headers(self._layout.set_counts(overdue))

    def toggle(self, row: int, collapse: bool | None = None) -> bool:
        """Collapse or expand the block whose header is on ``row`` (``collapse`` None: the
        other way round). False when ``row`` is no header or nothing changes."""
        plan = self._layout.fold_plan(row, collapse)
        if plan is None:
            return False
        collapse, count = plan
        if count:
            if collapse:
                self.beginRemoveRows(QModelIndex(), row + 1, row + count)
            else:
                self.beginInsertRows(QModelIndex(), row + 1, row + count)
        self._layout.fold(row, collapse)
        if count:
            (self.endRemoveRows if collapse else self.endInsertRows)()
        self._layout.mark_collapsed(row, collapse)  # the header's arrow changes after the rows did
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return True

    def row_of(self, tracking_id: int) -> int:
        return self._layout.pos.get(tracking_id, -1)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def row_at(self, row: int) -> TrackingRowDTO:
        ids = self._layout.ids
        tid = ids[row]
        found = self._rows.get(tid)
        if found is None:
            start = max(0, row - BATCH // 4)
            wanted = [i for i in ids[start : start + BATCH]
                      if i >= 0 and i not in self._rows]
            self.fetch_count += 1
            for dto in self._fetch(wanted):
                self._rows[dto.id] = dto
            found = self._rows.get(tid)
            if found is None:  # deleted elsewhere: keep a placeholder until the next reload
                raise LookupError(tid)
        return found

    def cached(self, tracking_id: int) -> TrackingRowDTO | None:
        return self._rows.get(tracking_id)

    def _repaint_headers(self, rows: Iterable[int]) -> None:
        for row in rows:
            header = self.index(row, 0)
            self.dataChanged.emit(header, header)

    def update_rows(self, rows: Iterable[TrackingRowDTO]) -> None:
        """Put rows as stored now into the cache and repaint them."""
        last = self.columnCount() - 1
        pos = self._layout.pos
        for dto in rows:
            if dto.id not in pos:
                continue
            # keep the block's overdue count true after an edit of a row the grid has shown
            self._repaint_headers(self._layout.follow_overdue(self._rows.get(dto.id), dto))
            self._rows[dto.id] = dto
            self._texts.pop(dto.id, None)
            r = pos[dto.id]
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    def update_cache(self, rows: Iterable[TrackingRowDTO]) -> None:
        for dto in rows:
            if dto.id in self._layout.pos:
                self._rows[dto.id] = dto
                self._texts.pop(dto.id, None)

    def refresh_all(self) -> None:
        """Repaint every row (those dropped from the cache are fetched again)."""
        if self._layout.ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._layout.ids) - 1, self.columnCount() - 1)
            )

    def remove_ids(self, ids: Iterable[int]) -> None:
        """Take deleted rows out of the grid (without querying again)."""
        ids = set(ids)
        layout = self._layout
        # the rows as last shown: their block's overdue count drops by those that were late
        removed = {i: self._rows.get(i) for i in ids}
        for row in sorted({layout.pos[i] for i in ids if i in layout.pos}, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            gone = layout.ids.pop(row)
            self._rows.pop(gone, None)
            self._texts.pop(gone, None)
            self.endRemoveRows()
        layout.reindex()
        self._repaint_headers(layout.drop(ids, removed.get))

    def forget(self, ids: Iterable[int]) -> None:
        for tid in ids:
            self._rows.pop(tid, None)
            self._texts.pop(tid, None)

    # ------------------------------------------------------------------ errors

    def error_at(self, index: _Index) -> str:
        tid = self._layout.ids[index.row()] if index.isValid() else -1
        if tid < 0:
            return ""
        return self._errors.get((tid, self.columns[index.column()].key), "")

    def set_error(self, index: _Index, text: str) -> None:
        key = (self._layout.ids[index.row()], self.columns[index.column()].key)
        if text:
            self._errors[key] = text
        else:
            self._errors.pop(key, None)
        self.dataChanged.emit(index, index)

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._layout.ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole and not self.columns[section].field:
                return QCoreApplication.translate("TrackingGridModel", "Computed; cannot be edited")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            if not self._layout.grouped:
                return section + 1
            if 0 <= section < len(self._layout.ids):  # grouped: numbered over all blocks
                return self._layout.ordinal(section)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if self._layout.ids[index.row()] < 0:
            return _READ_ONLY
        return self._flags[index.column()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the hot path of painting (thousands of calls per screen): int roles, per-column
        # answers computed once, the row's texts cached
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        ids = self._layout.ids
        if not 0 <= row < len(ids):
            return None
        tid = ids[row]
        if tid < 0:
            return self._layout.header_data(tid, index.column(), role)
        col = index.column()
        if role == _DISPLAY:
            texts = self._texts.get(tid)
            if texts is None:
                try:
                    dto = self.row_at(row)
                except LookupError:
                    return _deleted() if col == 0 else None
                texts = self._texts[tid] = tuple(display(dto, c) for c in self.columns)
            return texts[col]
        if role == _ALIGN:
            return self._align[col]
        if role == _FOREGROUND:
            return self._foreground[col]
        column = self.columns[col]
        if role == RowIdRole:
            return tid
        if role == KeyRole:
            return column.key
        if role == KindRole:
            return column.kind
        if role == _FONT:
            return None
        try:
            dto = self.row_at(row)
        except LookupError:
            return None
        if role == _BACKGROUND:
            if self._errors and self.error_at(index):
                return _ERROR_BRUSH
            if dto.days_overdue > 0:
                return _OVERDUE_BRUSH
            return self._background[col]
        if role == RowRole:
            return dto
        if role == _EDIT:
            return edit_text(dto, column)
        if role == _TOOLTIP:
            error = self.error_at(index)
            if error:
                return error
            if column.key == "org_name":
                return dto.top_name if dto.top_name and dto.top_name != dto.org_name else None
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        column = self.columns[index.column()]
        if not column.field or self._layout.ids[index.row()] < 0:
            return False
        dto = self.row_at(index.row())
        text = "" if value is None else str(value)
        if text == edit_text(dto, column):
            self.set_error(index, "")
            return False
        error = self.commit(dto, column.field, text)
        self.set_error(index, error or "")
        return error is None


def _deleted() -> str:
    return QCoreApplication.translate("TrackingGridModel", "(deleted; press F5)")


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, _ALIGN, _FONT,
                    int(RowIdRole), int(RowRole), int(KeyRole), int(KindRole)})
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_ERROR_BRUSH = QBrush(ERROR_TINT)
_OVERDUE_BRUSH = QBrush(OVERDUE_TINT)
_READ_ONLY_BRUSH = QBrush(READ_ONLY_TINT)
_READ_ONLY_TEXT_BRUSH = QBrush(READ_ONLY_TEXT)
