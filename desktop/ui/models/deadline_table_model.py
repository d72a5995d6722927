"""The deadlines of a document being edited: kind, date, label, period, and the level that
must meet it, as an editable table.

Dates are typed like everywhere else (:func:`desktop.domain.dates.parse_date`); a date that
cannot be read stays as typed, in red, with the reason as its tooltip, and :meth:`inputs`
lists it as a problem instead of saving. The "only the directly subordinate level reports"
box is ``depth`` 1 (a depth set elsewhere to another level is kept and shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.dates import DateParseError, format_date, parse_date
from desktop.domain.enums import DeadlineKind
from desktop.domain.text import clean_line
from desktop.services.document_dto import DeadlineInput
from desktop.ui.widgets.choice_delegate import ChoicesRole
from desktop.ui.widgets.date_edit import ERROR_COLOR

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class DeadlineDraft:
    """One row as the clerk left it (the date possibly not a date yet)."""

    kind: str = DeadlineKind.STUDY.value
    date_text: str = ""
    due_date: date | None = None
    error: str = ""
    label: str = ""
    period: str = ""
    depth: int | None = None

    @classmethod
    def of(cls, d: DeadlineInput) -> DeadlineDraft:
        return cls(d.kind, format_date(d.due_date), d.due_date, "", d.label, d.period, d.depth)


class DeadlineTableModel(QAbstractTableModel):
    """Editable rows of :class:`DeadlineDraft`."""

    KIND, DATE, LABEL, PERIOD, LEVEL = range(5)
    COLUMNS = 5

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeadlineDraft] = []
        self._today = today

    # ------------------------------------------------------------------ content

    def kind_label(self, kind: str) -> str:
        labels = {
            DeadlineKind.STUDY.value: self.tr("Study and grasp by"),
            DeadlineKind.FIRST_REPORT.value: self.tr("First report by"),
            DeadlineKind.PERIODIC.value: self.tr("Periodic report by"),
            DeadlineKind.OTHER.value: self.tr("Other deadline"),
        }
        return labels.get(kind, kind)

    def set_deadlines(self, deadlines: Sequence[DeadlineInput]) -> None:
        self.beginResetModel()
        self._rows = [DeadlineDraft.of(d) for d in deadlines]
        self.endResetModel()

    def drafts(self) -> list[DeadlineDraft]:
        return list(self._rows)

    def add_row(self, kind: str | None = None) -> int:
        """Append a row (the next kind a document usually has); its row number."""
        if kind is None:
            kinds = {r.kind for r in self._rows}
            kind = next((k.value for k in (DeadlineKind.STUDY, DeadlineKind.FIRST_REPORT)
                         if k.value not in kinds), DeadlineKind.PERIODIC.value)
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(DeadlineDraft(kind=kind))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def inputs(self) -> tuple[list[DeadlineInput], list[str]]:
        """(the deadlines to save, the problems that stop them being saved)."""
        out: list[DeadlineInput] = []
        problems: list[str] = []
        for n, r in enumerate(self._rows, 1):
            if r.error or r.due_date is None:
                reason = r.error or self.tr("no date entered")
                problems.append(self.tr("Deadline {n} ({kind}): {reason}").format(
                    n=n, kind=self.kind_label(r.kind).lower(), reason=reason))
                continue
            out.append(DeadlineInput(r.kind, r.due_date, r.label, r.period, r.depth))
        return out, problems

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (self.tr("Deadline"), self.tr("Date"), self.tr("What is due"),
                  self.tr("Reporting period"), self.tr("Directly subordinate only"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.LEVEL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.KIND:
                return r.kind if role == Qt.ItemDataRole.EditRole else self.kind_label(r.kind)
            if col == self.DATE:
                return r.date_text
            if col == self.LABEL:
                return r.label
            if col == self.PERIOD:
                return r.period
            if col == self.LEVEL:
                if r.depth is None or r.depth == 1:
                    return ""
                return self.tr("level {depth}").format(depth=r.depth)
        elif role == Qt.ItemDataRole.CheckStateRole and col == self.LEVEL:
            checked = r.depth is not None
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        elif role == ChoicesRole and col == self.KIND:
            return [(self.kind_label(k.value), k.value) for k in DeadlineKind]
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.DATE and r.error:
            return ERROR_COLOR
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.DATE:
                return r.error or self.tr("Type the date as dd/mm/yyyy, e.g. 05/03/2026")
            if col == self.LEVEL:
                return self.tr("Only organisations directly under the issuing committee "
                               "must meet this deadline")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        r = self._rows[index.row()]
        col = index.column()
        new: DeadlineDraft | None = None
        if col == self.LEVEL and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            new = replace(r, depth=(r.depth or 1) if checked else None)
        elif role == Qt.ItemDataRole.EditRole:
            if col == self.KIND and value in {k.value for k in DeadlineKind}:
                new = replace(r, kind=str(value))
            elif col == self.DATE:
                new = self._dated(r, clean_line(str(value or "")))
            elif col == self.LABEL:
                new = replace(r, label=clean_line(str(value or "")))
            elif col == self.PERIOD:
                new = replace(r, period=clean_line(str(value or "")))
        if new is None:
            return False
        if new != r:
            self._rows[index.row()] = new
            self.dataChanged.emit(index, index)
        return True

    def _dated(self, r: DeadlineDraft, text: str) -> DeadlineDraft:
        if not text:
            return replace(r, date_text="", due_date=None, error="")
        try:
            value = parse_date(text, today=self._today)
        except DateParseError as exc:
            return replace(r, date_text=text, due_date=None, error=str(exc))
        return replace(r, date_text=format_date(value), due_date=value, error="")
