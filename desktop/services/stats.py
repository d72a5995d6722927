"""Progress of a document at a glance: received, discussed, planned, reported, overdue.

Definitions (one place, used by the CLI, the GUI and the reports):
- *received*: the receipt date is filled in;
- *discussed*: a study/discussion session date is filled in;
- *planned*: an implementation plan has a date or is marked issued;
- *reported*: at least one report came back that was not returned for completion;
- *must report*: the recipients at the level the report deadlines name (``deadlines.depth``,
  e.g. only the directly subordinate committees report, their party cells do not), else all;
- *attendance* (cells held/total, members attending/total): summed over those who must
  report, whose rows carry the compiled figures of their cells;
- *overdue* (as of a day): the study deadline has passed without a session, or — for those
  who must report — the latest report deadline that has passed has no accepted report
  answering it (a report without a deadline answers the first report deadline). A deadline has
  *passed* once a working day has gone by since its date (a holiday or weekend right after it
  makes nobody late); a deadline may be "N working days after issue / after receipt", then each
  row has its own date. The expressions are in :mod:`~desktop.services.tracking_status`, shared
  with the tracking grid.

All counting is done in SQL, one pass over the document's tracking rows grouped by the stored
top-level organisation (``organisations.top_id``); the groups of "Nơi nhận" are then summed in
Python from those few rows, so an organisation's group membership costs nothing per row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy import case, func, or_, select

from desktop.domain.enums import PlanStatus
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.documents import list_documents
from desktop.services.dto import DocumentStats, GroupStats, StageCounts
from desktop.services.tracking_deadlines import load_terms
from desktop.services.tracking_status import StatusSql
from desktop.store import models as m

UNGROUPED = "Đơn vị khác"


def _counts_by_top(s: Any, document_id: int, today: date) -> dict[int | None, StageCounts]:
    """Counts per top-level organisation, in one grouped query over the document's tracking
    rows (and its reports, grouped per row); *overdue* and *must report* are the expressions
    of :class:`~desktop.services.tracking_status.StatusSql`, so the counts, the grid's filters
    and each row's status use one definition."""
    t, o = m.Tracking, m.Organisation
    sql = StatusSql(s, load_terms(s, document_id, today))
    must_report = sql.must_report
    planned = or_(t.plan_date.is_not(None), t.plan_status == PlanStatus.ISSUED.value)
    # Attendance is summed over the reporting level only: a committee's row already holds the
    # figures of its cells, so adding the cells' own rows would count every cell twice.
    attendance = (t.cells_held, t.cells_total, t.members_attending, t.members_total)
    stmt = select(
        o.top_id,
        func.count(),
        func.count(t.received_date),
        func.count(t.study_date),
        func.sum(case((planned, 1), else_=0)),
        func.sum(case((sql.reported_any, 1), else_=0)),
        func.sum(case((sql.overdue, 1), else_=0)),
        func.sum(case((must_report, 1), else_=0)),
        *(func.coalesce(func.sum(case((must_report, col))), 0) for col in attendance),
    ).select_from(t).join(o, o.id == t.organisation_id)
    stmt = sql.select_from(stmt).where(t.document_id == document_id).group_by(o.top_id)
    result: dict[int | None, StageCounts] = {}
    for top, n, received, discussed, planned_n, reported, overdue, n_report, *sums in \
            s.execute(stmt):
        result[top] = StageCounts(n, received, discussed, int(planned_n or 0),
                                  int(reported or 0), int(overdue or 0),
                                  *(int(v) for v in sums), must_report=int(n_report or 0))
    return result


def _add(a: StageCounts, b: StageCounts) -> StageCounts:
    return StageCounts(*(getattr(a, f.name) + getattr(b, f.name) for f in fields(StageCounts)))


def _groups_of(s: object, top_ids: list[int]) -> tuple[dict[int, list[int]], dict[int, str]]:
    """For each top-level organisation, its groups; and the groups' names in display order."""
    if not top_ids:
        return {}, {}
    g, gm = m.OrgGroup, m.OrgGroupMember
    rows = s.execute(  # type: ignore[attr-defined]
        select(gm.organisation_id, g.id, g.name)
        .join(g, g.id == gm.group_id)
        .where(gm.organisation_id.in_(top_ids))
        .order_by(g.sort_order, g.id)
    ).all()
    membership: dict[int, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    for org_id, group_id, name in rows:
        membership[org_id].append(group_id)
        names[group_id] = name
    return membership, names


def document_stats(db: Database, document_id: int, as_of: date | None = None) -> DocumentStats:
    """Counts for one document, in total and per top-level group."""
    today = as_of or date.today()
    with db.read() as s:
        doc = s.get(m.Document, document_id)
        if doc is None:
            from desktop.domain.errors import NotFoundError

            raise NotFoundError(f"Không có văn bản mã số #{document_id}.")
        by_top = _counts_by_top(s, document_id, today)
        membership, names = _groups_of(s, [k for k in by_top if k is not None])
        regime = doc.issuing_body.regime if doc.issuing_body else "party"
        number_symbol = format_number_symbol(doc.number, doc.symbol, regime)
        excerpt, issue_date = doc.excerpt, doc.issue_date
    totals = StageCounts()
    per_group: dict[int | None, StageCounts] = {}
    for top_id, counts in by_top.items():
        totals = _add(totals, counts)
        for group_id in membership.get(top_id, [None]) if top_id is not None else [None]:
            per_group[group_id] = _add(per_group.get(group_id, StageCounts()), counts)
    groups = [GroupStats(gid, names[gid], per_group[gid]) for gid in names if gid in per_group]
    if None in per_group:
        groups.append(GroupStats(None, UNGROUPED, per_group[None]))
    return DocumentStats(document_id, number_symbol, excerpt, issue_date, today, totals, groups)


def all_stats(db: Database, as_of: date | None = None) -> list[DocumentStats]:
    """Counts for every document, newest first."""
    return [document_stats(db, d.id, as_of) for d in list_documents(db)]
