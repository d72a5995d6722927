"""A document's deadlines as they bind one tracking row on one day.

A deadline is either a date (``deadlines.due_date``, as before) or "N working days after the
issue / after receipt" (``working_days`` and ``counted_from``; see
:mod:`~desktop.services.calendar` for how working days are counted). For a working-day deadline
the effective date is computed — from the document's issue date, or from the row's own start:
its receipt date, else the date it was sent, else the issue date (an organisation that never
logged receipt is not let off the deadline) — and ``due_date`` holds the date counted from the
issue, kept for ordering and display.

:class:`DocumentTerms` is what the status computation needs about one document on one day: the
study deadline (the earliest), the report deadlines in order, the calendar and the day.
:func:`set_deadline_working_days` turns a deadline into a working-day one (or back).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.enums import DeadlineKind
from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services.calendar import WorkCalendar, calendar_in
from desktop.services.database import Database
from desktop.store import models as m

__all__ = [
    "FROM_ISSUE",
    "FROM_RECEIPT",
    "REPORT_KINDS",
    "DeadlineRule",
    "DocumentTerms",
    "load_terms",
    "load_terms_many",
    "row_start",
    "set_deadline_working_days",
]

FROM_ISSUE = "issue"
FROM_RECEIPT = "receipt"
REPORT_KINDS = (DeadlineKind.FIRST_REPORT.value, DeadlineKind.PERIODIC.value)
MAX_WORKING_DAYS = 1000


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """One deadline of a document: a fixed date or a number of working days."""

    id: int
    kind: str
    due_date: date  # the fixed date; for a working-day deadline, counted from the issue date
    depth: int | None
    working_days: int | None = None
    counted_from: str | None = None
    label: str = ""
    period: str = ""

    @property
    def per_row(self) -> bool:
        """True when each row has its own date (counted from the row's receipt)."""
        return self.working_days is not None and self.counted_from == FROM_RECEIPT


def row_start(received: date | None, sent: date | None, issue: date | None) -> date | None:
    """The day a row's "after receipt" deadlines count from."""
    return received or sent or issue


@dataclass(frozen=True)
class DocumentTerms:
    """A document's deadlines, the calendar and the day the status is computed for."""

    document_id: int
    issue_date: date | None
    today: date
    calendar: WorkCalendar
    study: DeadlineRule | None  # the earliest study deadline
    reports: tuple[DeadlineRule, ...]  # report deadlines, in date order
    # (rule id, start) -> lateness: rows share few start days, so most lookups are repeats
    _late: dict[tuple[int, date | None], int] = field(default_factory=dict, repr=False,
                                                      compare=False)

    @property
    def first_report_id(self) -> int | None:
        """The first report deadline: a report recorded without a deadline answers it."""
        return self.reports[0].id if self.reports else None

    @property
    def per_row(self) -> bool:
        return any(r.per_row for r in self.rules)

    @property
    def rules(self) -> tuple[DeadlineRule, ...]:
        return ((self.study,) if self.study is not None else ()) + self.reports

    def due(self, rule: DeadlineRule, start: date | None) -> date | None:
        """The effective date of ``rule`` for a row starting on ``start``; ``None`` when a
        receipt-counted deadline has nothing to count from."""
        if rule.working_days is None:
            return rule.due_date
        base = start if rule.counted_from == FROM_RECEIPT else self.issue_date
        if base is None:
            return rule.due_date if rule.counted_from != FROM_RECEIPT else None
        return self.calendar.add_working_days(base, rule.working_days)

    def late(self, rule: DeadlineRule, start: date | None) -> int:
        """Working days the deadline is late by on ``today`` for that row (0: not late)."""
        key = (rule.id, start if rule.per_row else None)
        found = self._late.get(key)
        if found is None:
            found = self._late[key] = self.calendar.lateness(self.due(rule, start), self.today)
        return found

    def answers(self, rule: DeadlineRule, answered: Iterable[int | None]) -> bool:
        """Whether accepted reports for the deadlines ``answered`` (``None``: a report without
        a deadline, which answers the first report deadline) answer ``rule``."""
        ids = set(answered)
        return rule.id in ids or (None in ids and rule.id == self.first_report_id)


def _rule(row: m.Deadline) -> DeadlineRule:
    return DeadlineRule(row.id, row.kind, row.due_date, row.depth, row.working_days,
                        row.counted_from, row.label, row.period)


def _terms(document_id: int, issue: date | None, today: date, calendar: WorkCalendar,
           rows: list[DeadlineRule]) -> DocumentTerms:
    rows = sorted(rows, key=lambda r: (r.due_date, r.id))
    study = next((r for r in rows if r.kind == DeadlineKind.STUDY.value), None)
    reports = tuple(r for r in rows if r.kind in REPORT_KINDS)
    return DocumentTerms(document_id, issue, today, calendar, study, reports)


def load_terms_many(
    s: Session, document_ids: Iterable[int], today: date, calendar: WorkCalendar | None = None
) -> dict[int, DocumentTerms]:
    """The terms of several documents, in two queries."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    cal = calendar if calendar is not None else calendar_in(s)
    issues = dict(s.execute(select(m.Document.id, m.Document.issue_date)
                            .where(m.Document.id.in_(ids))).all())
    rules: dict[int, list[DeadlineRule]] = {i: [] for i in issues}
    for dl in s.scalars(select(m.Deadline).where(m.Deadline.document_id.in_(ids))):
        rules[dl.document_id].append(_rule(dl))
    return {i: _terms(i, issues[i], today, cal, rules[i]) for i in issues}


def load_terms(
    s: Session, document_id: int, today: date, calendar: WorkCalendar | None = None
) -> DocumentTerms:
    terms = load_terms_many(s, [document_id], today, calendar).get(document_id)
    if terms is None:
        raise NotFoundError(f"Không có văn bản mã số #{document_id}; có thể nó vừa bị xóa.")
    return terms


def set_deadline_working_days(
    db: Database, deadline_id: int, working_days: int | None, counted_from: str = FROM_ISSUE,
    expected_version: int | None = None,
) -> DeadlineRule:
    """Make a deadline "``working_days`` working days after the issue / after receipt", or a
    plain date again (``working_days=None``: ``due_date`` stays as it is).

    For a working-day deadline ``due_date`` becomes the date counted from the issue date."""
    if working_days is not None and not 0 < working_days <= MAX_WORKING_DAYS:
        raise ValidationError(
            f"Số ngày làm việc của hạn phải từ 1 đến {MAX_WORKING_DAYS} (đã nhập "
            f"{working_days}).", "working_days")
    if counted_from not in (FROM_ISSUE, FROM_RECEIPT):
        raise ValidationError(
            "Hạn tính theo ngày làm việc phải tính từ ngày ban hành (issue) hoặc từ ngày nhận "
            f"văn bản (receipt), không phải «{counted_from}».", "counted_from")
    with db.transaction() as s:
        dl = s.get(m.Deadline, deadline_id)
        if dl is None:
            raise NotFoundError(f"Không có hạn mã số #{deadline_id}; có thể nó vừa bị xóa.")
        if expected_version is not None and dl.version != expected_version:
            raise ConflictError(
                f"Hạn ngày {format_date(dl.due_date)} vừa được người khác sửa. Hãy tải lại văn "
                "bản rồi sửa lại; chưa có gì bị thay đổi.")
        if working_days is None:
            dl.working_days, dl.counted_from = None, None
        else:
            dl.working_days, dl.counted_from = working_days, counted_from
            issue = s.scalar(select(m.Document.issue_date)
                             .where(m.Document.id == dl.document_id))
            if issue is not None:
                dl.due_date = calendar_in(s).add_working_days(issue, working_days)
        s.flush()
        return _rule(dl)
