"""Data of the tracking grid, in Anki's browser pattern: ordered ids, then rows in batches.

- :func:`row_ids` — the ids of one document's rows matching a :class:`TrackingFilter`, in the
  order of a :class:`SortSpec`, filtered and sorted in SQL (20,000 rows: tens of
  milliseconds, see ``tests/benchmarks/bench_tracking.py``);
- :func:`fetch_rows` — :class:`TrackingRowDTO` for a batch of ids (the visible rows), in the
  order given, with every grid column: organisation, receipt, study sessions, plan, latest
  report, status and days overdue (computed in Python by
  :func:`~desktop.services.tracking_status.row_state`, the same definition as the SQL);
- :func:`grid_summary` — counts per status and overdue for the filter bar.

Editing is in :mod:`~desktop.services.tracking_edit` (one row, reports, delete and undo) and
:mod:`~desktop.services.tracking_bulk` (a selection).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.domain.enums import ReportStatus
from desktop.domain.numbers import percent
from desktop.services.calendar import WorkCalendar, calendar_in
from desktop.services.database import Database
from desktop.services.tracking_deadlines import load_terms, load_terms_many
from desktop.services.tracking_filters import (
    SORT_KEYS,
    UNGROUPED,
    GridQuery,
    SortSpec,
    TrackingFilter,
)
from desktop.services.tracking_status import NO_DATE, RowFacts, RowStatus, row_state
from desktop.store import models as m

__all__ = [
    "SORT_KEYS",
    "UNGROUPED",
    "GridSummary",
    "SortSpec",
    "TrackingFilter",
    "TrackingRowDTO",
    "fetch_rows",
    "fetch_rows_in",
    "grid_summary",
    "row_ids",
    "row_versions",
]

_CHUNK = 5000
_RETURNED = ReportStatus.RETURNED.value


@dataclass(frozen=True, slots=True)
class TrackingRowDTO:
    """One row of the grid: an organisation's progress on one document."""

    id: int
    document_id: int
    organisation_id: int
    org_name: str
    org_short_name: str
    org_code: str | None
    depth: int
    kind: str  # org_kinds.code
    top_id: int | None
    top_name: str
    group_id: int | None  # the first "Nơi nhận" group of the top-level organisation
    group_name: str
    # sent / received
    sent_date: date | None
    sent_channel: str
    received_date: date | None
    received_confirmed_by: str
    # study sessions (aggregate counts only)
    study_date: date | None
    study_end_date: date | None
    study_form: str
    study_sessions: int | None
    cells_held: int | None
    cells_total: int | None
    members_attending: int | None
    members_total: int | None
    non_members: int | None
    # implementation plan
    plan_number: str
    plan_date: date | None
    plan_status: str
    # the latest report (by date received, then by entry)
    report_count: int
    report_id: int | None
    report_version: int | None
    report_number: str
    report_date: date | None
    report_received_date: date | None
    report_period: str
    report_status: str
    report_deadline_id: int | None
    # computed on the day asked for
    status: str  # RowStatus code
    days_overdue: int  # working days
    due_date: date | None  # the deadline the row is late for, else the next one it owes
    late_for: int | None  # that deadline's id when late
    must_report: bool
    note: str
    version: int
    issue_date: date | None  # the document's: no date of the row may be before it

    @property
    def members_percent(self) -> float | None:
        """Members attending as a percentage of the total (None without a total)."""
        return percent(self.members_attending, self.members_total)

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def status_label(self) -> str:
        return RowStatus(self.status).label


@dataclass(frozen=True)
class GridSummary:
    """Counts for the filter bar: rows per status and overdue, under the filter's other parts
    (group, level, kind, search) but not its status parts."""

    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    overdue: int = 0


def row_ids(
    db: Database, document_id: int, flt: TrackingFilter | None = None,
    sort: SortSpec | None = None, as_of: date | None = None,
) -> list[int]:
    """The ids of the document's rows that match ``flt``, in the order of ``sort``."""
    with db.read() as s:
        query = GridQuery(s, load_terms(s, document_id, as_of or date.today()))
        stmt = query.ids(flt or TrackingFilter(), sort or SortSpec())
        return list(s.connection().execute(stmt).scalars())  # Core: no ORM row loading


def grid_summary(
    db: Database, document_id: int, flt: TrackingFilter | None = None,
    as_of: date | None = None,
) -> GridSummary:
    with db.read() as s:
        query = GridQuery(s, load_terms(s, document_id, as_of or date.today()))
        by_status: dict[str, int] = {st.value: 0 for st in RowStatus}
        total = overdue = 0
        for status, late, n in s.execute(query.counts(flt or TrackingFilter())):
            by_status[status] += n
            total += n
            overdue += n if late else 0
    return GridSummary(total, by_status, overdue)


def row_versions(db: Database, ids: Sequence[int]) -> dict[int, int]:
    """The stored version of each row (for a bulk action on rows the grid never fetched):
    one light query per chunk instead of whole rows with their status."""
    t = m.Tracking
    found: dict[int, int] = {}
    with db.read() as s:
        conn = s.connection()
        for chunk in _chunks(list(ids)):
            found.update(conn.execute(select(t.id, t.version).where(t.id.in_(chunk))).all())
    return found


def fetch_rows(db: Database, ids: Sequence[int], as_of: date | None = None) -> list[TrackingRowDTO]:
    """The rows with these ids, in the order given (ids no longer there are left out)."""
    with db.read() as s:
        return fetch_rows_in(s, ids, as_of or date.today())


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _reports_of(s: Session, ids: list[int]) -> dict[int, list[Any]]:
    """The reports of these rows, latest first."""
    r = m.TrackingReport
    found: dict[int, list[Any]] = defaultdict(list)
    for chunk in _chunks(ids):
        rows = s.connection().execute(
            select(r.tracking_id, r.id, r.version, r.number, r.report_date, r.received_date,
                   r.period, r.status, r.deadline_id)
            .where(r.tracking_id.in_(chunk))
        ).all()
        for row in rows:
            found[row.tracking_id].append(row)
    for reports in found.values():
        reports.sort(key=lambda x: (x.received_date or x.report_date or NO_DATE, x.id),
                     reverse=True)
    return found


def _groups_of(s: Session, top_ids: set[int]) -> dict[int, tuple[int, str]]:
    """Each top-level organisation's first group (by the groups' order)."""
    if not top_ids:
        return {}
    g, gm = m.OrgGroup, m.OrgGroupMember
    first: dict[int, tuple[int, str]] = {}
    for org_id, gid, name in s.execute(
        select(gm.organisation_id, g.id, g.name).join(g, g.id == gm.group_id)
        .where(gm.organisation_id.in_(sorted(top_ids))).order_by(g.sort_order, g.id)
    ):
        first.setdefault(org_id, (gid, name))
    return first


def fetch_rows_in(
    s: Session, ids: Sequence[int], today: date, calendar: WorkCalendar | None = None
) -> list[TrackingRowDTO]:
    """:func:`fetch_rows` in the caller's session."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    t, o, k = m.Tracking.__table__, m.Organisation, m.OrgKind
    top = aliased(m.Organisation, name="top_org")
    columns = [c for c in t.c if c.name not in ("created_at", "updated_at")]
    rows: dict[int, Any] = {}
    conn = s.connection()
    for chunk in _chunks(wanted):
        for row in conn.execute(  # Core rows: a fifth of the cost of ORM objects at 5,000
            select(*columns, o.name.label("org_name"), o.short_name.label("org_short_name"),
                   o.code.label("org_code"), o.depth.label("org_depth"),
                   o.top_id.label("top_id"), k.code.label("kind"),
                   top.name.label("top_name"), m.Document.issue_date.label("issue_date"))
            .join(o, o.id == t.c.organisation_id)
            .outerjoin(k, k.id == o.kind_id)
            .outerjoin(top, top.id == o.top_id)
            .join(m.Document, m.Document.id == t.c.document_id)
            .where(t.c.id.in_(chunk))
        ):
            rows[row.id] = row
    if not rows:
        return []
    cal = calendar if calendar is not None else calendar_in(s)
    terms = load_terms_many(s, {row.document_id for row in rows.values()}, today, cal)
    reports = _reports_of(s, list(rows))
    groups = _groups_of(s, {row.top_id for row in rows.values() if row.top_id is not None})
    out = []
    for tid in wanted:
        tr = rows.get(tid)
        if tr is None:
            continue
        reps = reports.get(tid, [])
        latest = reps[0] if reps else None
        facts = RowFacts(tr.received_date, tr.sent_date, tr.study_date, tr.plan_date,
                         tr.plan_status, tr.org_depth, latest.status if latest else None,
                         frozenset(x.deadline_id for x in reps if x.status != _RETURNED))
        state = row_state(terms[tr.document_id], facts)
        group_id, group_name = groups.get(tr.top_id, (None, "")) if tr.top_id else (None, "")
        out.append(TrackingRowDTO(
            id=tr.id, document_id=tr.document_id, organisation_id=tr.organisation_id,
            org_name=tr.org_name, org_short_name=tr.org_short_name, org_code=tr.org_code,
            depth=tr.org_depth, kind=tr.kind or "", top_id=tr.top_id,
            top_name=tr.top_name or "", group_id=group_id, group_name=group_name,
            sent_date=tr.sent_date, sent_channel=tr.sent_channel,
            received_date=tr.received_date, received_confirmed_by=tr.received_confirmed_by,
            study_date=tr.study_date, study_end_date=tr.study_end_date,
            study_form=tr.study_form, study_sessions=tr.study_sessions,
            cells_held=tr.cells_held, cells_total=tr.cells_total,
            members_attending=tr.members_attending, members_total=tr.members_total,
            non_members=tr.non_members, plan_number=tr.plan_number, plan_date=tr.plan_date,
            plan_status=tr.plan_status, report_count=len(reps),
            report_id=latest.id if latest else None,
            report_version=latest.version if latest else None,
            report_number=latest.number if latest else "",
            report_date=latest.report_date if latest else None,
            report_received_date=latest.received_date if latest else None,
            report_period=latest.period if latest else "",
            report_status=latest.status if latest else "",
            report_deadline_id=latest.deadline_id if latest else None,
            status=state.status.value, days_overdue=state.days_overdue,
            due_date=state.due_date, late_for=state.late_for, must_report=state.must_report,
            note=tr.note, version=tr.version, issue_date=tr.issue_date,
        ))
    return out

