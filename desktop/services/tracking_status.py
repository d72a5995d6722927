"""Where a tracking row stands, and how late it is: one definition, in Python and in SQL.

Status (the highest step reached, from the row's own dates and its latest report):

    chưa nhận → đã nhận → đã quán triệt → đã có kế hoạch → đã báo cáo (đúng hạn / quá hạn)

and "trả lại, yêu cầu bổ sung" when the latest report (by date received, then by entry) was
returned: the row then counts as not reported, and — since a returned report answers no
deadline — it is overdue again once its report deadline has passed.

Overdue (the definitions of :mod:`~desktop.services.stats`, with the deadlines' effective dates
from :mod:`~desktop.services.tracking_deadlines` and lateness counted in working days by
:mod:`~desktop.services.calendar`):

- late for study: the (earliest) study deadline has passed and no session date is filled in;
- late for report: among the report deadlines that have passed *for this row*, the latest one
  (L) has no accepted report answering it (a report without a deadline answers the first one),
  and the row must report (its organisation is at L's depth — or the first report deadline's
  when none has passed — or the deadline names no depth);
- a deadline has *passed* when at least one working day has gone by since its date, and the
  row's *days overdue* is the larger of its two latenesses, in working days.

:func:`row_state` computes this for one row (the grid's rows, the dashboard's cells);
:class:`StatusSql` gives the same as SQL expressions for filtering, sorting and counting over a
whole document (a test checks both agree on every row of the demo).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    case,
    column,
    false,
    func,
    literal,
    null,
    or_,
    select,
    true,
    values,
)
from sqlalchemy.orm import Session, aliased

from desktop.domain.enums import PlanStatus, ReportStatus
from desktop.services.tracking_deadlines import DeadlineRule, DocumentTerms, row_start
from desktop.store import models as m

__all__ = [
    "RowFacts",
    "RowState",
    "RowStatus",
    "StatusSql",
    "latest_report_order",
    "must_report_at",
    "row_state",
    "stage_of",
]

_RETURNED = ReportStatus.RETURNED.value
_LATE = ReportStatus.LATE.value
_ISSUED = PlanStatus.ISSUED.value
NO_DATE = date(1900, 1, 1)


class RowStatus(StrEnum):
    """Where a row stands; the codes are what filters and ``--json`` use."""

    NOT_RECEIVED = "chua_nhan"
    RECEIVED = "da_nhan"
    STUDIED = "da_quan_triet"
    PLANNED = "da_co_ke_hoach"
    RETURNED = "tra_lai"
    REPORTED_LATE = "da_bao_cao_qua_han"
    REPORTED_ON_TIME = "da_bao_cao_dung_han"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """Position in the workflow (for sorting by status)."""
        return _ORDER.index(self)

    @property
    def reported(self) -> bool:
        return self in (RowStatus.REPORTED_ON_TIME, RowStatus.REPORTED_LATE)


_ORDER = list(RowStatus)
_LABELS = {
    RowStatus.NOT_RECEIVED: "Chưa nhận",
    RowStatus.RECEIVED: "Đã nhận",
    RowStatus.STUDIED: "Đã quán triệt",
    RowStatus.PLANNED: "Đã có kế hoạch",
    RowStatus.RETURNED: "Trả lại, yêu cầu bổ sung",
    RowStatus.REPORTED_LATE: "Đã báo cáo (quá hạn)",
    RowStatus.REPORTED_ON_TIME: "Đã báo cáo (đúng hạn)",
}


@dataclass(frozen=True, slots=True)
class RowFacts:
    """What the status of one row depends on."""

    received_date: date | None
    sent_date: date | None
    study_date: date | None
    plan_date: date | None
    plan_status: str
    depth: int
    latest_report_status: str | None  # None: no report
    answered: frozenset[int | None]  # deadlines of the accepted reports (None: no deadline)


@dataclass(frozen=True, slots=True)
class RowState:
    """A row's status and lateness on one day."""

    status: RowStatus
    days_overdue: int  # working days; 0 when not overdue
    late_for: int | None  # the deadline the row is late for (the longest lateness)
    due_date: date | None  # that deadline's effective date, else the next one the row owes
    must_report: bool

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def stage_of(f: RowFacts) -> RowStatus:
    if f.latest_report_status is not None:
        if f.latest_report_status == _RETURNED:
            return RowStatus.RETURNED
        if f.latest_report_status == _LATE:
            return RowStatus.REPORTED_LATE
        return RowStatus.REPORTED_ON_TIME
    if f.plan_date is not None or f.plan_status == _ISSUED:
        return RowStatus.PLANNED
    if f.study_date is not None:
        return RowStatus.STUDIED
    if f.received_date is not None:
        return RowStatus.RECEIVED
    return RowStatus.NOT_RECEIVED


def must_report_at(rule: DeadlineRule | None, depth: int) -> bool:
    """Whether an organisation at ``depth`` must answer the report deadline ``rule``."""
    return rule is None or rule.depth is None or rule.depth == depth


def row_state(terms: DocumentTerms, f: RowFacts) -> RowState:
    """The status and lateness of one row (see the module docstring)."""
    start = row_start(f.received_date, f.sent_date, terms.issue_date)
    study = terms.study
    study_late = terms.late(study, start) if study is not None and f.study_date is None else 0
    latest = next((r for r in reversed(terms.reports) if terms.late(r, start) > 0), None)
    must = must_report_at(latest or (terms.reports[0] if terms.reports else None), f.depth)
    report_late = 0
    if latest is not None and must and not terms.answers(latest, f.answered):
        report_late = terms.late(latest, start)
    late_for: DeadlineRule | None = None
    if study_late and study_late >= report_late:
        late_for = study
    elif report_late:
        late_for = latest
    if late_for is not None:
        due = terms.due(late_for, start)
    else:  # the next deadline the row still owes
        owed = [r for r in terms.reports if must and not terms.answers(r, f.answered)]
        if study is not None and f.study_date is None:
            owed.insert(0, study)
        dues = [d for d in (terms.due(r, start) for r in owed) if d is not None]
        due = min((d for d in dues if d >= terms.today), default=None)
    return RowState(stage_of(f), max(study_late, report_late),
                    late_for.id if late_for is not None else None, due, must)


def latest_report_order(r: Any = m.TrackingReport) -> tuple[Any, Any]:
    """ORDER BY of a row's reports, latest first (the same on both backends: no NULLs)."""
    return (func.coalesce(r.received_date, r.report_date, literal(NO_DATE, Date)).desc(),
            r.id.desc())


# Expressions that may be Python constants (a rule whose lateness is the same for every row):
# conditions fold in Python, so a document without receipt-counted deadlines gets plain SQL.


def _and(a: Any, b: Any) -> Any:
    if a is False or b is False:
        return False
    if a is True:
        return b
    return a if b is True else and_(a, b)


def _or(a: Any, b: Any) -> Any:
    if a is True or b is True:
        return True
    if a is False:
        return b
    return a if b is False else or_(a, b)


def _if(cond: Any, value: Any) -> Any:
    if cond is False:
        return 0
    return value if cond is True else case((cond, value), else_=0)


def _as_int(b: Any) -> Any:
    return int(b) if isinstance(b, bool) else case((b, 1), else_=0)


def _as_bool(x: Any) -> Any:
    return bool(x) if isinstance(x, int) else x == 1


def _chain(items: list[tuple[Any, Any]], default: Any) -> Any:
    """CASE WHEN c1 THEN v1 … ELSE default, dropping false conditions and stopping at a true
    one."""
    whens = []
    for cond, value in items:
        if cond is False:
            continue
        if cond is True:
            default = value
            break
        whens.append((cond, value))
    return case(*whens, else_=default) if whens else default


def _max(a: Any, b: Any) -> Any:
    if isinstance(a, int) and isinstance(b, int):
        return max(a, b)
    if isinstance(a, int) and a == 0:
        return b
    if isinstance(b, int) and b == 0:
        return a
    return case((a >= b, a), else_=b)


def _sql_bool(x: Any) -> ColumnElement[bool]:
    return (true() if x else false()) if isinstance(x, bool) else x


def _sql_int(x: Any) -> ColumnElement[int]:
    return literal(x, Integer) if isinstance(x, int) else x


class StatusSql:
    """The status and lateness of every row of one document, as SQL expressions.

    ``select_from(stmt)`` adds the joins the expressions need (the document's reports grouped
    per row and — for receipt-counted deadlines — a small VALUES table of the lateness per
    start day); the statement must already select from ``m.Tracking`` joined with
    ``m.Organisation`` (or the aliases given). The latest report is a correlated subquery.
    """

    def __init__(self, s: Session, terms: DocumentTerms, t: Any = m.Tracking,
                 o: Any = m.Organisation) -> None:
        self.terms = terms
        self.t, self.o = t, o
        r = m.TrackingReport
        doc = terms.document_id
        accepted = r.status != _RETURNED
        first = terms.first_report_id
        cols: list[Any] = [r.tracking_id.label("tracking_id"),
                           func.max(case((accepted, 1), else_=0)).label("accepted")]
        for i, rule in enumerate(terms.reports):
            answers = r.deadline_id == rule.id
            if rule.id == first:
                answers = or_(answers, r.deadline_id.is_(None))
            cols.append(func.max(case((and_(accepted, answers), 1), else_=0)).label(f"ans{i}"))
        self.reports = select(*cols).where(r.document_id == doc).group_by(r.tracking_id) \
            .subquery("rep")
        issue = terms.issue_date
        self.start = func.coalesce(t.received_date, t.sent_date,
                                   literal(issue, Date) if issue is not None else null())
        self.starts = self._starts(s) if terms.per_row else None
        self._late = {rule.id: self._late_expr(rule, i) for i, rule in enumerate(terms.rules)}
        self._build()

    # ------------------------------------------------------------------ per-row deadlines

    def _starts(self, s: Session) -> Any:
        """VALUES (day, late_0, late_1, …): each start day's lateness for each rule."""
        t = self.t
        days = [d for d in s.scalars(select(self.start).distinct()
                                     .where(t.document_id == self.terms.document_id))
                if d is not None]
        if not days:
            return None
        rules = self.terms.rules
        rows = [(d, *(self.terms.late(rule, d) for rule in rules)) for d in days]
        table = values(column("day", Date),
                       *(column(f"late{i}", Integer) for i in range(len(rules))),
                       name="starts").data(rows)
        return table.cte("starts")

    def _late_expr(self, rule: DeadlineRule, index: int) -> Any:
        """The rule's lateness: an ``int`` when it is the same for every row (so conditions
        on it fold away in Python), else an SQL expression."""
        if rule.per_row:
            if self.starts is None:
                return 0
            return func.coalesce(self.starts.c[f"late{index}"], 0)
        return self.terms.late(rule, None)

    # ------------------------------------------------------------------ the expressions

    def _build(self) -> None:
        t, o, terms = self.t, self.o, self.terms
        rep = self.reports
        study = terms.study

        def must(rule: DeadlineRule | None) -> Any:
            return True if rule is None or rule.depth is None else o.depth == rule.depth

        # study: late when the deadline has passed for the row and no session is recorded
        study_cond: Any = False
        self.study_late: Any = 0
        if study is not None:
            late = self._late[study.id]
            study_cond = _and(t.study_date.is_(None), late > 0)
            if study_cond is not False:
                self.study_late = case((t.study_date.is_(None), late), else_=0)
        # report: the latest passed report deadline L decides (tried from the last one back)
        reports = list(reversed(terms.reports))
        first = terms.reports[0] if terms.reports else None
        index = {r.id: i for i, r in enumerate(terms.reports)}

        def unanswered(rule: DeadlineRule) -> Any:
            return func.coalesce(rep.c[f"ans{index[rule.id]}"], 0) == 0

        passed = [(r, self._late[r.id] > 0) for r in reports]
        self.must_report = _as_bool(_chain([(p, _as_int(must(r))) for r, p in passed],
                                           _as_int(must(first))))
        report_cond = _as_bool(_chain(
            [(p, _as_int(_and(must(r), unanswered(r)))) for r, p in passed], 0))
        self.report_late = _chain(
            [(p, _if(_and(must(r), unanswered(r)), self._late[r.id])) for r, p in passed], 0)
        self.overdue: ColumnElement[bool] = _sql_bool(_or(study_cond, report_cond))
        self.days_overdue: ColumnElement[int] = _sql_int(_max(self.study_late,
                                                              self.report_late))
        self.must_report = _sql_bool(self.must_report)
        self.study_late = _sql_int(self.study_late)
        self.report_late = _sql_int(self.report_late)
        self.reported_any = func.coalesce(rep.c.accepted, 0) == 1
        stage = case(
            (or_(t.plan_date.is_not(None), t.plan_status == _ISSUED), RowStatus.PLANNED.value),
            (t.study_date.is_not(None), RowStatus.STUDIED.value),
            (t.received_date.is_not(None), RowStatus.RECEIVED.value),
            else_=RowStatus.NOT_RECEIVED.value,
        )
        stage_rank = case(
            (or_(t.plan_date.is_not(None), t.plan_status == _ISSUED), RowStatus.PLANNED.rank),
            (t.study_date.is_not(None), RowStatus.STUDIED.rank),
            (t.received_date.is_not(None), RowStatus.RECEIVED.rank),
            else_=RowStatus.NOT_RECEIVED.rank,
        )
        # the latest report's status is read once per row (CASE <value> WHEN …)
        latest = func.coalesce(self.latest_report("status"), "")
        self.status: ColumnElement[str] = case(
            {"": stage, _RETURNED: RowStatus.RETURNED.value,
             _LATE: RowStatus.REPORTED_LATE.value},
            value=latest, else_=RowStatus.REPORTED_ON_TIME.value)
        self.status_rank: ColumnElement[int] = case(
            {"": stage_rank, _RETURNED: RowStatus.RETURNED.rank,
             _LATE: RowStatus.REPORTED_LATE.rank},
            value=latest, else_=RowStatus.REPORTED_ON_TIME.rank)

    def latest_report(self, name: str) -> ColumnElement[Any]:
        """A column of the row's latest report (a correlated subquery on the reports' index
        by row, run only for rows that have reports: cheaper than a window over the
        document's reports, which SQLite cannot index when joining)."""
        r = aliased(m.TrackingReport, name="latest_report")
        latest = select(getattr(r, name)).where(r.tracking_id == self.t.id) \
            .order_by(*latest_report_order(r)).limit(1).correlate(self.t).scalar_subquery()
        # most rows (party cells) have no report: the joined per-row counts say so for free
        return case((self.reports.c.tracking_id.is_(None), null()), else_=latest)

    def select_from(self, stmt: Select[Any]) -> Select[Any]:
        """``stmt`` with the joins the expressions read."""
        t = self.t
        stmt = stmt.outerjoin(self.reports, self.reports.c.tracking_id == t.id)
        if self.starts is not None:
            stmt = stmt.outerjoin(self.starts, self.starts.c.day == self.start)
        return stmt
