"""The tracking grid's model: one row per recipient organisation of one document.

Anki's browser pattern: the model holds only the ordered list of row ids (from
:func:`desktop.services.tracking_grid.row_ids`); the rows themselves
(:class:`~desktop.services.tracking_grid.TrackingRowDTO`) are fetched in batches of
:data:`BATCH` around the first row asked for, so opening a document sent to 20,000
organisations costs one id query and one batch.

Grouped (:meth:`TrackingGridModel.set_groups`), a header row opens each block ("Các đảng bộ
trực thuộc Tỉnh ủy — 105 đơn vị, 12 quá hạn"); its id in :meth:`TrackingGridModel.ids` is
negative, and :meth:`TrackingGridModel.toggle` collapses or expands the block (rows removed
or inserted, not a reset: the selection and the current cell elsewhere stay).

Editing does not write here: :meth:`setData` hands the typed text to :attr:`commit` (the page,
which calls the services and pushes an undo step). A refused value leaves the cell red with the
reason as its tooltip (:meth:`error_at`) until the cell is edited again or Esc clears it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.dates import format_date
from desktop.domain.enums import Channel, PlanStatus, ReportStatus, StudyForm
from desktop.domain.numbers import format_int, format_percent
from desktop.services.tracking_grid import TrackingRowDTO
from desktop.services.tracking_grid_groups import GridGroup

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
HEADER_TINT = QColor(222, 232, 245)


@dataclass(slots=True)
class _Block:
    """A block of the grouped grid: its header's text parts and all its rows (also while
    collapsed); ``overdue`` follows the edits."""

    key: int
    title: str
    ids: list[int]
    overdue: int
    collapsed: bool


@dataclass(frozen=True, slots=True)
class Column:
    """``key``: the DTO attribute shown; ``field``: what an edit writes (``report.x`` for the
    latest report's field, ``""`` read-only); ``kind``: date | int | enum | text | computed."""

    key: str
    header: str
    field: str
    kind: str
    sort_key: str
    enum: type | None = None


def _columns() -> tuple[Column, ...]:
    return (
        Column(
            "org_name",
            QCoreApplication.translate("TrackingGridModel", "Organisation"),
            "",
            "computed",
            "org",
        ),
        Column(
            "group_name",
            QCoreApplication.translate("TrackingGridModel", "Group"),
            "",
            "computed",
            "top",
        ),
        Column(
            "sent_date",
            QCoreApplication.translate("TrackingGridModel", "Sent on"),
            "sent_date",
            "date",
            "sent_date",
        ),
        Column(
            "sent_channel",
            QCoreApplication.translate("TrackingGridModel", "Sent by"),
            "sent_channel",
            "enum",
            "sent_channel",
            Channel,
        ),
        Column(
            "received_date",
            QCoreApplication.translate("TrackingGridModel", "Received on"),
            "received_date",
            "date",
            "received_date",
        ),
        Column(
            "study_date",
            QCoreApplication.translate("TrackingGridModel", "Studied on"),
            "study_date",
            "date",
            "study_date",
        ),
        Column(
            "study_form",
            QCoreApplication.translate("TrackingGridModel", "Form"),
            "study_form",
            "enum",
            "study_form",
            StudyForm,
        ),
        Column(
            "study_sessions",
            QCoreApplication.translate("TrackingGridModel", "Sessions"),
            "study_sessions",
            "int",
            "study_sessions",
        ),
        Column(
            "cells_held",
            QCoreApplication.translate("TrackingGridModel", "Cells held"),
            "cells_held",
            "int",
            "cells_held",
        ),
        Column(
            "cells_total",
            QCoreApplication.translate("TrackingGridModel", "Cells total"),
            "cells_total",
            "int",
            "cells_total",
        ),
        Column(
            "members_attending",
            QCoreApplication.translate("TrackingGridModel", "Members attending"),
            "members_attending",
            "int",
            "members_attending",
        ),
        Column(
            "members_total",
            QCoreApplication.translate("TrackingGridModel", "Members total"),
            "members_total",
            "int",
            "members_total",
        ),
        Column(
            "members_percent",
            QCoreApplication.translate("TrackingGridModel", "%"),
            "",
            "computed",
            "members_percent",
        ),
        Column(
            "non_members",
            QCoreApplication.translate("TrackingGridModel", "Non-members"),
            "non_members",
            "int",
            "non_members",
        ),
        Column(
            "plan_number",
            QCoreApplication.translate("TrackingGridModel", "Plan no."),
            "plan_number",
            "text",
            "plan_number",
        ),
        Column(
            "plan_date",
            QCoreApplication.translate("TrackingGridModel", "Plan date"),
            "plan_date",
            "date",
            "plan_date",
        ),
        Column(
            "plan_status",
            QCoreApplication.translate("TrackingGridModel", "Plan status"),
            "plan_status",
            "enum",
            "plan_status",
            PlanStatus,
        ),
        Column(
            "report_number",
            QCoreApplication.translate("TrackingGridModel", "Report no."),
            "report.number",
            "text",
            "report_number",
        ),
        Column(
            "report_received_date",
            QCoreApplication.translate("TrackingGridModel", "Report received"),
            "report.received_date",
            "date",
            "report_received_date",
        ),
        Column(
            "report_status",
            QCoreApplication.translate("TrackingGridModel", "Report"),
            "report.status",
            "enum",
            "report_status",
            ReportStatus,
        ),
        Column(
            "status_label",
            QCoreApplication.translate("TrackingGridModel", "Status"),
            "",
            "computed",
            "status",
        ),
        Column(
            "days_overdue",
            QCoreApplication.translate("TrackingGridModel", "Days overdue"),
            "",
            "computed",
            "days_overdue",
        ),
        Column(
            "note", QCoreApplication.translate("TrackingGridModel", "Note"), "note", "text", "note"
        ),
    )


class TrackingGridModel(QAbstractTableModel):
    """Rows of one document, fetched lazily by id."""

    def __init__(
        self, fetch: Callable[[Sequence[int]], list[TrackingRowDTO]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.columns = _columns()
        # per-column answers of flags() and data(), computed once
        self._flags = [_EDITABLE if c.field else _READ_ONLY for c in self.columns]
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._align = [right if c.kind in ("int", "date")
                       or c.key in ("members_percent", "days_overdue") else None
                       for c in self.columns]
        self._foreground = [None if c.field else _READ_ONLY_TEXT_BRUSH for c in self.columns]
        self._background = [None if c.field else _READ_ONLY_BRUSH for c in self.columns]
        self._ids: list[int] = []
        self._pos: dict[int, int] = {}
        self._rows: dict[int, TrackingRowDTO] = {}
        self._errors: dict[tuple[int, str], str] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._blocks: dict[int, _Block] = {}  # header id (negative) -> block
        self._ordinal: dict[int, int] = {}  # grouped: row id -> its number over all blocks
        self._block_of: dict[int, int] = {}  # grouped: row id -> its header id
        self.collapsed_keys: set[int] = set()  # blocks collapsed (kept across reloads)
        self.commit: Committer | None = None
        self.fetch_count = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ content

    def set_ids(self, ids: Sequence[int], rows: Iterable[TrackingRowDTO] = ()) -> None:
        """Show these rows, flat."""
        self._reset(list(ids), {}, rows)

    def set_groups(self, groups: Sequence[GridGroup], rows: Iterable[TrackingRowDTO] = ()) -> None:
        """Show the rows in blocks, each under a header row; blocks whose key is in
        :attr:`collapsed_keys` start collapsed."""
        entries: list[int] = []
        blocks: dict[int, _Block] = {}
        for number, group in enumerate(groups, start=1):
            block = _Block(group.key, group.title, list(group.ids), group.overdue,
                           group.key in self.collapsed_keys)
            blocks[-number] = block
            entries.append(-number)
            if not block.collapsed:
                entries.extend(block.ids)
        self._reset(entries, blocks, rows)

    def _reset(self, entries: list[int], blocks: dict[int, _Block],
               rows: Iterable[TrackingRowDTO]) -> None:
        self.beginResetModel()
        self._ids = entries
        self._blocks = blocks
        self._ordinal = {tid: n for n, tid in enumerate(
            (tid for b in blocks.values() for tid in b.ids), start=1)}
        self._block_of = {tid: hid for hid, b in blocks.items() for tid in b.ids}
        self._pos = {rid: i for i, rid in enumerate(self._ids)}
        self._rows = {r.id: r for r in rows if r.id in self._pos}
        self._texts.clear()
        self._errors.clear()
        self.endResetModel()

    @property
    def grouped(self) -> bool:
        return bool(self._blocks)

    def ids(self) -> list[int]:
        """The id shown on each row (a header row's is negative)."""
        return list(self._ids)

    def data_row_count(self) -> int:
        """How many tracking rows the grid holds (also those of collapsed blocks)."""
        if self._blocks:
            return sum(len(b.ids) for b in self._blocks.values())
        return len(self._ids)

    def id_at(self, row: int) -> int | None:
        """The tracking row id on ``row``; None on a header row or outside."""
        if 0 <= row < len(self._ids) and self._ids[row] >= 0:
            return self._ids[row]
        return None

    def is_header(self, row: int) -> bool:
        return 0 <= row < len(self._ids) and self._ids[row] < 0

    def header_rows(self) -> list[int]:
        return [self._pos[h] for h in self._blocks if h in self._pos]

    def block_key_at(self, row: int) -> int | None:
        """The group key of the block whose header is on ``row``."""
        block = self._blocks.get(self._ids[row]) if self.is_header(row) else None
        return block.key if block is not None else None

    def header_row_of(self, tracking_id: int) -> int:
        """The row of the header of ``tracking_id``'s block (-1 flat or unknown)."""
        return self._pos.get(self._block_of.get(tracking_id, 0), -1)

    def is_collapsed(self, row: int) -> bool:
        block = self._blocks.get(self._ids[row]) if self.is_header(row) else None
        return block is not None and block.collapsed

    def ids_for_rows(self, rows: Iterable[int]) -> list[int]:
        """The tracking ids of these rows; a header row stands for every row of its block
        (also while collapsed). In the grid's order, each once."""
        seen: set[int] = set()
        out: list[int] = []
        for row in sorted(set(rows)):
            if not 0 <= row < len(self._ids):
                continue
            tid = self._ids[row]
            for i in self._blocks[tid].ids if tid < 0 else (tid,):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
        return out

    def set_block_counts(self, overdue: dict[int, int]) -> None:
        """New overdue counts per block key (blocks not named have none overdue)."""
        for hid, block in self._blocks.items():
            if block.overdue != overdue.get(block.key, 0):
                block.overdue = overdue.get(block.key, 0)
                self._repaint_header(hid)

    def toggle(self, row: int, collapse: bool | None = None) -> bool:
        """Collapse or expand the block whose header is on ``row`` (``collapse`` None: the
        other way round). False when ``row`` is no header or nothing changes."""
        if not self.is_header(row):
            return False
        hid = self._ids[row]
        block = self._blocks[hid]
        if collapse is None:
            collapse = not block.collapsed
        if collapse == block.collapsed:
            return False
        ids = block.ids
        if ids:
            if collapse:
                self.beginRemoveRows(QModelIndex(), row + 1, row + len(ids))
                del self._ids[row + 1 : row + 1 + len(ids)]
            else:
                self.beginInsertRows(QModelIndex(), row + 1, row + len(ids))
                self._ids[row + 1 : row + 1] = ids
        self._pos = {rid: i for i, rid in enumerate(self._ids)}
        if ids:
            (self.endRemoveRows if collapse else self.endInsertRows)()
        block.collapsed = collapse  # the header's arrow changes after the rows did
        (self.collapsed_keys.add if collapse else self.collapsed_keys.discard)(block.key)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return True

    def row_of(self, tracking_id: int) -> int:
        return self._pos.get(tracking_id, -1)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def row_at(self, row: int) -> TrackingRowDTO:
        tid = self._ids[row]
        found = self._rows.get(tid)
        if found is None:
            start = max(0, row - BATCH // 4)
            wanted = [i for i in self._ids[start : start + BATCH]
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

    def _repaint_header(self, hid: int) -> None:
        if hid in self._pos:
            header = self.index(self._pos[hid], 0)
            self.dataChanged.emit(header, header)

    def _follow_overdue(self, dto: TrackingRowDTO) -> None:
        """Keep the block's overdue count true after an edit of a row the grid has shown."""
        hid = self._block_of.get(dto.id)
        before = self._rows.get(dto.id)
        if hid is None or before is None:
            return
        change = (dto.days_overdue > 0) - (before.days_overdue > 0)
        if change:
            self._blocks[hid].overdue += change
            self._repaint_header(hid)

    def update_rows(self, rows: Iterable[TrackingRowDTO]) -> None:
        """Put rows as stored now into the cache and repaint them."""
        last = self.columnCount() - 1
        for dto in rows:
            if dto.id not in self._pos:
                continue
            self._follow_overdue(dto)
            self._rows[dto.id] = dto
            self._texts.pop(dto.id, None)
            r = self._pos[dto.id]
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    def update_cache(self, rows: Iterable[TrackingRowDTO]) -> None:
        for dto in rows:
            if dto.id in self._pos:
                self._rows[dto.id] = dto
                self._texts.pop(dto.id, None)

    def refresh_all(self) -> None:
        """Repaint every row (those dropped from the cache are fetched again)."""
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )

    def remove_ids(self, ids: Iterable[int]) -> None:
        """Take deleted rows out of the grid (without querying again)."""
        ids = set(ids)
        for row in sorted({self._pos[i] for i in ids if i in self._pos}, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            gone = self._ids.pop(row)
            self._rows.pop(gone, None)
            self._texts.pop(gone, None)
            self.endRemoveRows()
        self._pos = {rid: i for i, rid in enumerate(self._ids)}
        for hid in {self._block_of[i] for i in ids if i in self._block_of}:
            block = self._blocks[hid]  # also from collapsed blocks
            for tid in ids.intersection(block.ids):
                cached = self._rows.get(tid)
                block.overdue -= 1 if cached is not None and cached.days_overdue > 0 else 0
            block.ids = [i for i in block.ids if i not in ids]
            self._repaint_header(hid)

    def forget(self, ids: Iterable[int]) -> None:
        for tid in ids:
            self._rows.pop(tid, None)
            self._texts.pop(tid, None)

    # ------------------------------------------------------------------ errors

    def error_at(self, index: _Index) -> str:
        if not index.isValid() or self._ids[index.row()] < 0:
            return ""
        return self._errors.get((self._ids[index.row()], self.columns[index.column()].key), "")

    def set_error(self, index: _Index, text: str) -> None:
        key = (self._ids[index.row()], self.columns[index.column()].key)
        if text:
            self._errors[key] = text
        else:
            self._errors.pop(key, None)
        self.dataChanged.emit(index, index)

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
            if not self._blocks:
                return section + 1
            if 0 <= section < len(self._ids):  # grouped: numbered over all blocks
                return self._ordinal.get(self._ids[section], "")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if self._ids[index.row()] < 0:
            return _READ_ONLY
        return self._flags[index.column()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the hot path of painting (thousands of calls per screen): int roles, per-column
        # answers computed once, the row's texts cached
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        tid = self._ids[row]
        if tid < 0:
            return self._header_data(self._blocks[tid], index.column(), role)
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

    def _header_data(self, block: _Block, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HEADER_TINT)
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(block.title, len(block.ids), block.overdue, block.collapsed)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "TrackingGridModel",
                "Space, Enter or a double click: collapse or expand; a bulk action on this "
                "line applies to every row of the block")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        column = self.columns[index.column()]
        if not column.field or self._ids[index.row()] < 0:
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


def header_text(title: str, rows: int, overdue: int, collapsed: bool) -> str:
    """"▸ Các ban, sở, ngành của tỉnh — 21 đơn vị, 2 quá hạn"."""
    count = QCoreApplication.translate("TrackingGridModel", "{count} organisations").format(
        count=format_int(rows))
    if overdue:
        count += QCoreApplication.translate("TrackingGridModel", ", {late} overdue").format(
            late=format_int(overdue))
    return f"{'▸' if collapsed else '▾'} {title} — {count}"


def _value(dto: TrackingRowDTO, key: str) -> Any:
    if key == "members_percent":
        return dto.members_percent
    return getattr(dto, key)


def display(dto: TrackingRowDTO, column: Column) -> str:
    value = _value(dto, column.key)
    if value is None or value == "":
        return ""
    if column.key == "members_percent":
        return format_percent(value)
    if column.key == "days_overdue":
        return format_int(value) if value else ""
    if column.key == "org_name":
        return "    " * max(0, dto.depth - 1) + value
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int):
        return format_int(value)
    if column.enum is not None:
        try:
            return column.enum(value).label  # type: ignore[misc]
        except ValueError:
            return str(value)
    return str(value)


def edit_text(dto: TrackingRowDTO, column: Column) -> str:
    value = _value(dto, column.key)
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int) and column.kind == "int":
        return str(value)
    return str(value)
