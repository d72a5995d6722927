"""The tables of the forms import: the files read, and the figures of the chosen file.

:class:`FormFileModel` — one row per file of a :class:`~desktop.services.forms_import.FormsPlan`:
the file name, its status in colour (accepted green, to confirm or waiting for the encoding
choice amber, refused red), the organisation, how many figures change and a readable reason
(a refused file's first problem with its cell, ``'Phiếu báo cáo'!C18: …``). A file matched by
name (no hidden identity) has a check box in the status column: ticking it (mouse or Space)
is the clerk's confirmation.

:class:`ValueChangeModel` — the figures of one file that differ from the database: cell, field,
value stored → value in the file; a conflict (a value already entered differently) has a
check box "lấy giá trị trong tệp", unticked by default (the stored value is kept).

Both keep the clerk's choices in sets the dialog owns (paths confirmed; ``(tracking_id,
field)`` taken), so they survive reading the files again.
"""

from __future__ import annotations

from collections.abc import Callable, MutableSet
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.domain.dates import format_date
from desktop.domain.enums import StudyForm
from desktop.domain.numbers import format_int
from desktop.services.forms_import import FileStatus, FormFile, ValueChange
from desktop.ui.models.org_list_model import ModelIndex
from desktop.ui.models.titled_row_model import TitledRowListModel

translate = QCoreApplication.translate
Role = Qt.ItemDataRole

GREEN, AMBER, RED = QColor("#1b6e34"), QColor("#8a4b00"), QColor("#b3261e")
GREEN_BG, AMBER_BG, RED_BG = QColor("#e3f4e8"), QColor("#fdf0dc"), QColor("#fbe4e2")

# display states of a file (the service's three, and two that depend on the clerk)
ACCEPTED, TO_CONFIRM, CONFIRMED, LEGACY, REFUSED = range(5)


def shown(value: Any, field: str = "") -> str:
    """A figure as the clerk writes it: 05/02/2026, 1.234, "Hội nghị", "(trống)"."""
    if value is None or value == "":
        return translate("FormsImport", "(empty)")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value)
    if field == "study_form":
        try:
            return StudyForm(value).label
        except ValueError:
            return str(value)
    return str(value)


def legacy_only(f: FormFile, legacy: str) -> bool:
    """Refused only because text looks typed in TCVN3/VNI and nobody has said yet whether to
    convert it (``legacy`` is the plan's choice: "ask", "convert" or "keep")."""
    cells = {x.cell for x in f.legacy}
    return (
        legacy == "ask"
        and f.status is FileStatus.REFUSED
        and bool(cells)
        and bool(f.problems)
        and all(p.cell in cells for p in f.problems)
    )


class FormFileModel(TitledRowListModel[FormFile]):
    """The files of the plan (see the module docstring)."""

    FILE, STATUS, ORGANISATION, CHANGES, REASON = range(5)
    COUNT = 5

    confirmed_changed = Signal()

    def __init__(self, confirmed: MutableSet[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._confirmed = confirmed
        self.legacy = "ask"

    def titles(self) -> tuple[str, ...]:
        return (
            translate("FormsImport", "File"),
            translate("FormsImport", "Status"),
            translate("FormsImport", "Organisation"),
            translate("FormsImport", "Changes"),
            translate("FormsImport", "Reason"),
        )

    def state(self, f: FormFile) -> int:
        if f.status is FileStatus.ACCEPTED:
            return ACCEPTED
        if f.status is FileStatus.CONFIRM:
            return CONFIRMED if f.path in self._confirmed else TO_CONFIRM
        return LEGACY if legacy_only(f, self.legacy) else REFUSED

    def _status_text(self, state: int) -> str:
        return {
            ACCEPTED: translate("FormsImport", "Accepted"),
            TO_CONFIRM: translate("FormsImport", "Needs confirmation"),
            CONFIRMED: translate("FormsImport", "Confirmed"),
            LEGACY: translate("FormsImport", "Old encoding"),
            REFUSED: translate("FormsImport", "Refused"),
        }[state]

    def _reason(self, f: FormFile, state: int) -> str:
        if state == LEGACY:
            return translate(
                "FormsImport",
                "Text typed with an old encoding (TCVN3/VNI): "
                "choose below to convert it to Unicode or keep it.",
            )
        if f.problems and f.status is FileStatus.REFUSED:
            first = str(f.problems[0])
            more = len(f.problems) - 1
            return (
                first
                if not more
                else translate("FormsImport", "{problem} (and {count} more)").format(
                    problem=first, count=format_int(more)
                )
            )
        if f.reason:
            return f.reason
        if f.warnings:
            return f.warnings[0]
        if not f.changes:
            return translate("FormsImport", "Nothing to change: the figures are already entered.")
        return ""

    def _changes(self, f: FormFile) -> str:
        if f.status is FileStatus.REFUSED:
            return "—"
        conflicts = len(f.conflicts)
        if not conflicts:
            return format_int(len(f.changes))
        return translate("FormsImport", "{count} ({conflicts} differ)").format(
            count=format_int(len(f.changes)), conflicts=format_int(conflicts)
        )

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        f = self._row(index)
        if f is None:
            return None
        column, state = index.column(), self.state(f)
        if role in (Role.DisplayRole, Role.ToolTipRole):
            if column == self.FILE:
                return f.name if role == Role.DisplayRole else str(f.path)
            if column == self.STATUS:
                return self._status_text(state)
            if column == self.ORGANISATION:
                return f.org_name
            if column == self.CHANGES:
                return self._changes(f)
            if column == self.REASON:
                return self._reason(f, state)
        if column == self.STATUS:
            if role == Role.ForegroundRole:
                return QBrush(_COLOURS[state][0])
            if role == Role.BackgroundRole:
                return QBrush(_COLOURS[state][1])
            if role == Role.CheckStateRole and state in (TO_CONFIRM, CONFIRMED):
                return Qt.CheckState.Checked if state == CONFIRMED else Qt.CheckState.Unchecked
        if role == Role.TextAlignmentRole and column == self.CHANGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        f = self._row(index)
        if f is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.STATUS and f.status is FileStatus.CONFIRM:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Role.EditRole) -> bool:
        f = self._row(index)
        if (
            f is None
            or role != Role.CheckStateRole
            or index.column() != self.STATUS
            or f.status is not FileStatus.CONFIRM
        ):
            return False
        self.set_confirmed(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_confirmed(self, row: int, confirmed: bool) -> None:
        f = self.row_at(row)
        if f.status is not FileStatus.CONFIRM:
            return
        if confirmed:
            self._confirmed.add(f.path)
        else:
            self._confirmed.discard(f.path)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COUNT - 1))
        self.confirmed_changed.emit()


_COLOURS = {
    ACCEPTED: (GREEN, GREEN_BG),
    CONFIRMED: (GREEN, GREEN_BG),
    TO_CONFIRM: (AMBER, AMBER_BG),
    LEGACY: (AMBER, AMBER_BG),
    REFUSED: (RED, RED_BG),
}


class ValueChangeModel(TitledRowListModel[ValueChange]):
    """The changes of one file; conflicts can be switched to the file's value."""

    CELL, FIELD, BEFORE, AFTER, TAKE = range(5)
    COUNT = 5

    choice_changed = Signal()

    def __init__(
        self,
        taken: MutableSet[tuple[int, str]],
        parent: QObject | None = None,
        editable: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._taken = taken
        self._editable = editable
        self.tracking_id: int | None = None

    def titles(self) -> tuple[str, ...]:
        return (
            translate("FormsImport", "Cell"),
            translate("FormsImport", "Figure"),
            translate("FormsImport", "Stored now"),
            translate("FormsImport", "In the file"),
            translate("FormsImport", "On update"),
        )

    def set_file(self, f: FormFile | None) -> None:
        self.tracking_id = f.tracking_id if f is not None else None
        self.set_rows(list(f.changes) if f is not None else [])

    def taken(self, c: ValueChange) -> bool:
        return self.tracking_id is not None and (self.tracking_id, c.field) in self._taken

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        c = self._row(index)
        if c is None:
            return None
        column = index.column()
        if role in (Role.DisplayRole, Role.ToolTipRole):
            if column == self.CELL:
                return c.cell
            if column == self.FIELD:
                return c.label
            if column == self.BEFORE:
                return shown(c.before, c.field)
            if column == self.AFTER:
                return shown(c.after, c.field)
            if column == self.TAKE:
                if not c.conflict:
                    return translate("FormsImport", "new value")
                return (
                    translate("FormsImport", "take the value in the file")
                    if self.taken(c)
                    else translate("FormsImport", "keep the stored value")
                )
        if role == Role.CheckStateRole and column == self.TAKE and c.conflict:
            return Qt.CheckState.Checked if self.taken(c) else Qt.CheckState.Unchecked
        if role == Role.ForegroundRole and c.conflict and column in (self.BEFORE, self.AFTER):
            return QBrush(AMBER)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        c = self._row(index)
        if c is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TAKE and c.conflict and self._editable():
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Role.EditRole) -> bool:
        c = self._row(index)
        if (
            c is None
            or role != Role.CheckStateRole
            or index.column() != self.TAKE
            or not c.conflict
            or self.tracking_id is None
        ):
            return False
        self.set_taken([index.row()], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_taken(self, rows: list[int], take: bool) -> None:
        """Take the file's value (or keep the stored one) for the conflicts of ``rows``."""
        if self.tracking_id is None:
            return
        for row in rows:
            c = self.row_at(row)
            if not c.conflict:
                continue
            key = (self.tracking_id, c.field)
            if take:
                self._taken.add(key)
            else:
                self._taken.discard(key)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COUNT - 1))
        self.choice_changed.emit()
