"""The deadlines of a document being edited: kind, date or working days, label, period, and the
level that must meet it, as an editable table.

Dates are typed like everywhere else (:func:`desktop.domain.dates.parse_date`); a date that
cannot be read stays as typed, in red, with the reason as its tooltip, and :meth:`inputs`
lists it as a problem instead of saving. The "only the directly subordinate level reports"
box is ``depth`` 1 (a depth set elsewhere to another level is kept and shown).

A deadline may instead be "N working days" (column "Số ngày làm việc") counted from the date of
issue or from each organisation's receipt (column "Tính từ", Space switches between the two).
Typing the directive's own words in the date cell — "10 ngày làm việc kể từ ngày nhận" — fills
both. The date cell then shows what it comes to: for "from issue", the date in the work
calendar (greyed: it is computed, and follows the date of issue); for "from receipt",
"theo ngày nhận" (each organisation has its own). The calendar comes from a loader the view
passes in (a service call), never from a query here; typing a date in that cell makes the
deadline a fixed date again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.domain.dates import DateParseError, format_date, parse_date
from desktop.domain.enums import DeadlineKind
from desktop.domain.numbers import format_int
from desktop.domain.text import clean_line, fold
from desktop.services.calendar import WorkCalendar
from desktop.services.document_dto import DeadlineInput
from desktop.services.tracking_deadlines import FROM_ISSUE, FROM_RECEIPT, MAX_WORKING_DAYS
from desktop.ui.widgets.choice_delegate import ChoicesRole
from desktop.ui.widgets.date_edit import ERROR_COLOR

ModelIndex = QModelIndex | QPersistentModelIndex

COMPUTED_COLOR = QColor("#5f6368")  # a value the program works out, not one the clerk typed
_DAYS = re.compile(r"^(\d{1,6})\s*(ngay|nlv)\b(.*)$")  # on folded text: "10 ngay lam viec …"


class NotWorkingDays(ValueError):
    """A day count that is not in working days ("10 ngày" alone)."""


def parse_working_days(text: str) -> tuple[int, str] | None:
    """``(days, counted_from)`` of "10 ngày làm việc kể từ ngày nhận", "10 nlv", "15 ngày làm
    việc từ ngày ban hành"; ``None`` when ``text`` does not start with a number of days.

    Raises :class:`NotWorkingDays` for "10 ngày" without "làm việc": a deadline in calendar
    days is a date, and guessing would move it by days."""
    found = _DAYS.match(fold(text))
    if found is None:
        return None
    days, unit, rest = int(found.group(1)), found.group(2), found.group(3)
    if unit != "nlv" and not re.match(r"^\s*(lam viec|lv)\b", rest):
        raise NotWorkingDays(text)
    return days, FROM_RECEIPT if re.search(r"\bnhan\b", rest) else FROM_ISSUE


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
    working_days: int | None = None
    days_text: str = ""  # what was typed in "Số ngày làm việc" when it is not a valid count
    days_error: str = ""
    counted_from: str = FROM_ISSUE

    @classmethod
    def of(cls, d: DeadlineInput) -> DeadlineDraft:
        text = format_date(d.due_date) if d.due_date is not None else ""
        counted_from = d.counted_from if d.counted_from in (FROM_ISSUE, FROM_RECEIPT) else \
            FROM_ISSUE
        return cls(d.kind, text, d.due_date, "", d.label, d.period, d.depth, d.working_days,
                   "", "", counted_from)


class DeadlineTableModel(QAbstractTableModel):
    """Editable rows of :class:`DeadlineDraft`."""

    KIND, DATE, DAYS, FROM, LABEL, PERIOD, LEVEL = range(7)
    COLUMNS = 7

    def __init__(
        self, parent: QObject | None = None, *, today: date | None = None,
        calendar: Callable[[], WorkCalendar] | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[DeadlineDraft] = []
        self._today = today
        self._issue: date | None = None
        self._load_calendar = calendar
        self._calendar: WorkCalendar | None = None

    # ------------------------------------------------------------------ content

    def kind_label(self, kind: str) -> str:
        labels = {
            DeadlineKind.STUDY.value: self.tr("Study and grasp by"),
            DeadlineKind.FIRST_REPORT.value: self.tr("First report by"),
            DeadlineKind.PERIODIC.value: self.tr("Periodic report by"),
            DeadlineKind.OTHER.value: self.tr("Other deadline"),
        }
        return labels.get(kind, kind)

    def from_label(self, counted_from: str) -> str:
        if counted_from == FROM_RECEIPT:
            return self.tr("receipt by each organisation")
        return self.tr("date of issue")

    def set_deadlines(self, deadlines: Sequence[DeadlineInput]) -> None:
        self.beginResetModel()
        self._rows = [DeadlineDraft.of(d) for d in deadlines]
        self.endResetModel()

    def set_calendar_loader(self, calendar: Callable[[], WorkCalendar] | None) -> None:
        """Where the work calendar comes from (called once, when a date is first computed)."""
        self._load_calendar = calendar
        self._calendar = None
        self._dates_changed()

    def set_issue_date(self, issue: date | None) -> None:
        """The document's date of issue, which "from issue" deadlines are counted from."""
        if issue != self._issue:
            self._issue = issue
            self._dates_changed()

    def _dates_changed(self) -> None:
        if any(r.working_days is not None for r in self._rows):
            self.dataChanged.emit(self.index(0, self.DATE),
                                  self.index(len(self._rows) - 1, self.DATE))

    def computed_date(self, r: DeadlineDraft) -> date | None:
        """The date a "N working days after the issue" deadline comes to (None if unknown)."""
        if r.working_days is None or r.counted_from != FROM_ISSUE or self._issue is None:
            return None
        if self._calendar is None:
            if self._load_calendar is None:
                return None
            self._calendar = self._load_calendar()
        return self._calendar.add_working_days(self._issue, r.working_days)

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
            reason = ""
            if r.days_error:
                reason = r.days_error
            elif r.working_days is None and r.counted_from == FROM_RECEIPT:
                reason = self.tr("a deadline counted from receipt needs a number of working "
                                 "days")
            elif r.working_days is None and (r.error or r.due_date is None):
                reason = r.error or self.tr("no date entered")
            if reason:
                problems.append(self.tr("Deadline {n} ({kind}): {reason}").format(
                    n=n, kind=self.kind_label(r.kind).lower(), reason=reason))
                continue
            if r.working_days is None:
                out.append(DeadlineInput(r.kind, r.due_date, r.label, r.period, r.depth))
            else:  # the date is the service's to compute
                out.append(DeadlineInput(r.kind, None, r.label, r.period, r.depth,
                                         r.working_days, r.counted_from))
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
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.DAYS:
                return self.tr("A deadline in working days (weekends and public holidays not "
                               "counted), e.g. 10; leave empty for a fixed date")
            if section == self.FROM:
                return self.tr("Working days are counted from the date of issue, or from the "
                               "day each organisation received the document (Space switches)")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Deadline"), self.tr("Date"), self.tr("Working days"),
                  self.tr("Counted from"), self.tr("What is due"), self.tr("Reporting period"),
                  self.tr("Directly subordinate only"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.LEVEL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def _date_display(self, r: DeadlineDraft) -> str:
        if r.working_days is None:
            return r.date_text
        if r.counted_from == FROM_RECEIPT:
            return self.tr("per receipt")
        computed = self.computed_date(r)
        return format_date(computed) if computed is not None else "—"

    def _date_tooltip(self, r: DeadlineDraft) -> str:
        if r.working_days is None:
            return r.error or self.tr("Type the date as dd/mm/yyyy, e.g. 05/03/2026, or a "
                                      "number of working days, e.g. 10 ngày làm việc")
        if r.counted_from == FROM_RECEIPT:
            head = self.tr("{days} working days after each organisation receives the "
                           "document: every organisation has its own date.").format(
                               days=r.working_days)
        else:
            computed = self.computed_date(r)
            if computed is None:
                head = self.tr("{days} working days after the date of issue (enter the date "
                               "of issue to see the date).").format(days=r.working_days)
            else:
                head = self.tr("{days} working days after the date of issue {issue}, "
                               "weekends and holidays skipped: {due}.").format(
                                   days=r.working_days, issue=format_date(self._issue),
                                   due=format_date(computed))
        return head + " " + self.tr("Typing a date here makes it a fixed date instead.")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            edit = role == Qt.ItemDataRole.EditRole
            if col == self.KIND:
                return r.kind if edit else self.kind_label(r.kind)
            if col == self.DATE:
                if edit and r.working_days is not None:
                    computed = self.computed_date(r)
                    return format_date(computed) if computed is not None else ""
                return self._date_display(r)
            if col == self.DAYS:
                return r.days_text if r.days_error else (
                    "" if r.working_days is None else str(r.working_days))
            if col == self.FROM:
                if edit:
                    return r.counted_from
                shown = r.working_days is not None or r.counted_from == FROM_RECEIPT
                return self.from_label(r.counted_from) if shown else ""
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
        elif role == ChoicesRole and col == self.FROM:
            return [(self.from_label(v), v) for v in (FROM_ISSUE, FROM_RECEIPT)]
        elif role == Qt.ItemDataRole.ForegroundRole:
            if (col == self.DATE and r.error and r.working_days is None) or (
                    col == self.DAYS and r.days_error) or (
                    col == self.FROM and r.working_days is None
                    and r.counted_from == FROM_RECEIPT):
                return ERROR_COLOR
            if col == self.DATE and r.working_days is not None:
                return COMPUTED_COLOR
        elif role == Qt.ItemDataRole.FontRole and col == self.DATE and r.working_days is not None:
            font = QFont()
            font.setItalic(True)
            return font
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.DATE:
                return self._date_tooltip(r)
            if col == self.DAYS:
                return r.days_error or self.headerData(col, Qt.Orientation.Horizontal, role)
            if col == self.FROM:
                return self.headerData(col, Qt.Orientation.Horizontal, role)
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
                text = clean_line(str(value or ""))
                if r.working_days is not None and text == self.data(index, role):
                    return True  # the computed date committed unchanged: still working days
                new = self._dated(r, text)
            elif col == self.DAYS:
                new = self._counted(r, clean_line(str(value or "")))
            elif col == self.FROM and value in (FROM_ISSUE, FROM_RECEIPT):
                new = replace(r, counted_from=str(value))
            elif col == self.LABEL:
                new = replace(r, label=clean_line(str(value or "")))
            elif col == self.PERIOD:
                new = replace(r, period=clean_line(str(value or "")))
        if new is None:
            return False
        if new != r:
            self._rows[index.row()] = new
            self.dataChanged.emit(self.index(index.row(), 0),
                                  self.index(index.row(), self.COLUMNS - 1))
        return True

    def toggle_counted_from(self, row: int) -> None:
        """Switch a row between "from issue" and "from receipt" (Space in that column)."""
        if 0 <= row < len(self._rows):
            r = self._rows[row]
            other = FROM_ISSUE if r.counted_from == FROM_RECEIPT else FROM_RECEIPT
            self.setData(self.index(row, self.FROM), other)

    def _dated(self, r: DeadlineDraft, text: str) -> DeadlineDraft:
        fixed = replace(r, working_days=None, days_text="", days_error="",
                        counted_from=FROM_ISSUE)
        if not text:
            return replace(fixed, date_text="", due_date=None, error="")
        try:
            rule = parse_working_days(text)
        except NotWorkingDays:
            return replace(fixed, date_text=text, due_date=None, error=self.tr(
                "«{text}»: deadlines are counted in working days; write «10 ngày làm việc», "
                "or type the date (dd/mm/yyyy)").format(text=text))
        if rule is not None:
            return self._counted(replace(r, counted_from=rule[1]), str(rule[0]))
        try:
            value = parse_date(text, today=self._today)
        except DateParseError as exc:
            return replace(fixed, date_text=text, due_date=None, error=str(exc))
        return replace(fixed, date_text=format_date(value), due_date=value, error="")

    def _counted(self, r: DeadlineDraft, text: str) -> DeadlineDraft:
        if not text:  # a fixed date again: the date it came to stays, to be edited
            computed = self.computed_date(r)
            if computed is not None and r.due_date is None:
                r = replace(r, date_text=format_date(computed), due_date=computed, error="")
            return replace(r, working_days=None, days_text="", days_error="")
        # "10", or "10 ngày (làm việc) (kể từ ngày nhận)": the column is in working days
        found = re.match(r"^(\d{1,6})(?:\s*(?:ngay|nlv)\b(.*))?$", fold(text))
        days = int(found.group(1)) if found else None
        if found is None or days is None or not 0 < days <= MAX_WORKING_DAYS:
            return replace(r, working_days=None, days_text=text, days_error=self.tr(
                "«{text}» is not a number of working days from 1 to {max}").format(
                    text=text, max=format_int(MAX_WORKING_DAYS)))
        rest = found.group(2) or ""
        if re.search(r"\bnhan\b", rest):
            r = replace(r, counted_from=FROM_RECEIPT)
        elif re.search(r"\bban hanh\b", rest):
            r = replace(r, counted_from=FROM_ISSUE)
        return replace(r, working_days=days, days_text="", days_error="")
