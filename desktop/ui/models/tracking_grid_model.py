"""The tracking grid's model: one row per recipient organisation of one document.

Anki's browser pattern: the model holds only the ordered list of row ids (from
:func:`desktop.services.tracking_grid.row_ids`); the rows themselves
(:class:`~desktop.services.tracking_grid.TrackingRowDTO`) are fetched in batches of
:data:`BATCH` around the first row asked for, so opening a document sent to 20,000
organisations costs one id query and one batch.

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
from PySide6.QtGui import QBrush, QColor

from desktop.domain.dates import format_date
from desktop.domain.enums import Channel, PlanStatus, ReportStatus, StudyForm
from desktop.domain.numbers import format_int, format_percent
from desktop.services.tracking_grid import TrackingRowDTO

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
        self._ids: list[int] = []
        self._pos: dict[int, int] = {}
        self._rows: dict[int, TrackingRowDTO] = {}
        self._errors: dict[tuple[int, str], str] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self.commit: Committer | None = None
        self.fetch_count = 0

    # ------------------------------------------------------------------ content

    def set_ids(self, ids: Sequence[int], rows: Iterable[TrackingRowDTO] = ()) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pos = {rid: i for i, rid in enumerate(self._ids)}
        self._rows = {r.id: r for r in rows if r.id in self._pos}
        self._texts.clear()
        self._errors.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, tracking_id: int) -> int:
        return self._pos.get(tracking_id, -1)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def row_at(self, row: int) -> TrackingRowDTO:
        tid = self._ids[row]
        found = self._rows.get(tid)
        if found is None:
            start = max(0, row - BATCH // 4)
            wanted = [i for i in self._ids[start : start + BATCH] if i not in self._rows]
            self.fetch_count += 1
            for dto in self._fetch(wanted):
                self._rows[dto.id] = dto
            found = self._rows.get(tid)
            if found is None:  # deleted elsewhere: keep a placeholder until the next reload
                raise LookupError(tid)
        return found

    def cached(self, tracking_id: int) -> TrackingRowDTO | None:
        return self._rows.get(tracking_id)

    def update_rows(self, rows: Iterable[TrackingRowDTO]) -> None:
        """Put rows as stored now into the cache and repaint them."""
        last = self.columnCount() - 1
        for dto in rows:
            if dto.id not in self._pos:
                continue
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
        for tid in sorted({self._pos[i] for i in ids if i in self._pos}, reverse=True):
            self.beginRemoveRows(QModelIndex(), tid, tid)
            gone = self._ids.pop(tid)
            self._rows.pop(gone, None)
            self._texts.pop(gone, None)
            self.endRemoveRows()
        self._pos = {rid: i for i, rid in enumerate(self._ids)}

    def forget(self, ids: Iterable[int]) -> None:
        for tid in ids:
            self._rows.pop(tid, None)
            self._texts.pop(tid, None)

    # ------------------------------------------------------------------ errors

    def error_at(self, index: _Index) -> str:
        if not index.isValid():
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
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].field:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # the hot path of painting: cached per row
            tid = self._ids[index.row()]
            texts = self._texts.get(tid)
            if texts is None:
                try:
                    dto = self.row_at(index.row())
                except LookupError:
                    return _deleted() if index.column() == 0 else None
                texts = self._texts[tid] = tuple(display(dto, c) for c in self.columns)
            return texts[index.column()]
        column = self.columns[index.column()]
        if role == RowIdRole:
            return self._ids[index.row()]
        if role == KeyRole:
            return column.key
        if role == KindRole:
            return column.kind
        try:
            dto = self.row_at(index.row())
        except LookupError:
            return None
        if role == RowRole:
            return dto
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(dto, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            error = self.error_at(index)
            if error:
                return error
            if column.key == "org_name":
                return dto.top_name if dto.top_name and dto.top_name != dto.org_name else None
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.error_at(index):
                return QBrush(ERROR_TINT)
            if dto.days_overdue > 0:
                return QBrush(OVERDUE_TINT)
            if not column.field:
                return QBrush(READ_ONLY_TINT)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not column.field:
            return QBrush(READ_ONLY_TEXT)
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and column.kind in ("int", "date")
            or (
                role == Qt.ItemDataRole.TextAlignmentRole
                and column.key in ("members_percent", "days_overdue")
            )
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        column = self.columns[index.column()]
        if not column.field:
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


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole, RowIdRole, RowRole, KeyRole, KindRole,
})


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
