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

from sqlalchemy import and_, case, distinct, false, func, or_, select, true

from desktop.domain.enums import PlanStatus, ReportStatus
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.documents import list_documents
from desktop.services.dto import DocumentStats, GroupStats, StageCounts
from desktop.services.tracking_deadlines import load_terms
from desktop.services.tracking_status import StatusSql
from desktop.store import models as m

UNGROUPED = "Đơn vị khác"


def _counts_by_top(s: Any, document_id: int, today: date) -> dict[int | None, StageCounts]:
    """Counts per top-level organisation.

    When every deadline of the document is a fixed date (the usual case), the counts come
    from two grouped queries that read only the covering index of the tracking rows and the
    document's accepted reports (:func:`_uniform_counts`). Deadlines counted per row (N working
    days after receipt) need each row's own lateness: then one grouped query with the
    expressions of :class:`~desktop.services.tracking_status.StatusSql`, shared with the
    grid. Both give the same numbers (a test checks them against each other).
    """
    terms = load_terms(s, document_id, today)
    if not terms.per_row:
        return _uniform_counts(s, terms)
    return _per_row_counts(s, terms)


def _per_row_counts(s: Any, terms: Any) -> dict[int | None, StageCounts]:
    t, o = m.Tracking, m.Organisation
    document_id = terms.document_id
    sql = StatusSql(s, terms)
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


def _uniform_counts(s: Any, terms: Any) -> dict[int | None, StageCounts]:
    """The counts when the deadlines are the same for every row, without a per-row join.

    With S the recipients late for study, D those who must report (the governing report
    deadline's level), L the latest report deadline that has passed and H the rows of D with an
    accepted report answering L, the overdue are S ∪ (D \\ H), counted as
    ``|S| - |S ∩ D| + |D| - |H| + |S ∩ H|`` — or ``|S|`` when no report deadline has passed.
    "Passed" and "must report" follow :class:`~desktop.services.tracking_status.StatusSql`.
    """
    t, o, r = m.Tracking, m.Organisation, m.TrackingReport
    study = terms.study
    study_passed = study is not None and terms.late(study, None) > 0
    passed = [rule for rule in terms.reports if terms.late(rule, None) > 0]
    latest = passed[-1] if passed else None
    governing = latest or (terms.reports[0] if terms.reports else None)
    depth = governing.depth if governing is not None else None
    must_report = o.depth == depth if depth is not None else true()
    study_late = t.study_date.is_(None) if study_passed else false()
    planned = or_(t.plan_date.is_not(None), t.plan_status == PlanStatus.ISSUED.value)
    attendance = (t.cells_held, t.cells_total, t.members_attending, t.members_total)
    main = s.execute(
        select(
            o.top_id,
            func.count(),
            func.count(t.received_date),
            func.count(t.study_date),
            func.sum(case((planned, 1), else_=0)),
            func.sum(case((must_report, 1), else_=0)),
            func.sum(case((and_(must_report, study_late), 1), else_=0)),
            *(func.coalesce(func.sum(case((must_report, col))), 0) for col in attendance),
        )
        .join(o, o.id == t.organisation_id)
        .where(t.document_id == terms.document_id)
        .group_by(o.top_id)
    ).all()
    if latest is not None:
        answers_latest = r.deadline_id == latest.id
        if latest.id == terms.first_report_id:
            answers_latest = or_(answers_latest, r.deadline_id.is_(None))
        answers = and_(must_report, answers_latest)
    else:
        answers = false()
    reports = {
        row[0]: row[1:]
        for row in s.execute(
            select(
                o.top_id,
                func.count(distinct(r.tracking_id)),
                func.count(distinct(case((answers, r.tracking_id)))),
                func.count(distinct(case((and_(answers, study_late), r.tracking_id)))),
            )
            .join(t, t.id == r.tracking_id)
            .join(o, o.id == t.organisation_id)
            .where(r.document_id == terms.document_id,
                   r.status != ReportStatus.RETURNED.value)
            .group_by(o.top_id)
        )
    }
    result: dict[int | None, StageCounts] = {}
    for top, n, received, discussed, planned_n, n_report, late_report, *sums in main:
        reported, answered, late_answered = reports.get(top, (0, 0, 0))
        late = n - discussed if study_passed else 0
        if latest is not None:
            overdue = late - int(late_report or 0) + int(n_report or 0) - answered + late_answered
        else:
            overdue = late
        result[top] = StageCounts(n, received, discussed, int(planned_n or 0), reported,
                                  overdue, *(int(v) for v in sums), must_report=int(n_report or 0))
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
        return document_stats_in(s, document_id, today)


def document_stats_in(s: Any, document_id: int, today: date) -> DocumentStats:
    """:func:`document_stats` in the caller's session (one snapshot with what else it reads)."""
    doc = s.get(m.Document, document_id)
    if doc is None:
        from desktop.domain.errors import NotFoundError

        raise NotFoundError(f"Không có văn bản mã số #{document_id}.")
    by_top = _counts_by_top(s, document_id, today)
    membership, names = _groups_of(s, [k for k in by_top if k is not None])
    regime = doc.issuing_body.regime if doc.issuing_body else "party"
    number_symbol = format_number_symbol(doc.number, doc.symbol, regime)
    totals = StageCounts()
    per_group: dict[int | None, StageCounts] = {}
    for top_id, counts in by_top.items():
        totals = _add(totals, counts)
        for group_id in membership.get(top_id, [None]) if top_id is not None else [None]:
            per_group[group_id] = _add(per_group.get(group_id, StageCounts()), counts)
    groups = [GroupStats(gid, names[gid], per_group[gid]) for gid in names if gid in per_group]
    if None in per_group:
        groups.append(GroupStats(None, UNGROUPED, per_group[None]))
    return DocumentStats(document_id, number_symbol, doc.excerpt, doc.issue_date, today, totals,
                         groups)


def all_stats(db: Database, as_of: date | None = None) -> list[DocumentStats]:
    """Counts for every document, newest first, read in one session (one snapshot)."""
    today = as_of or date.today()
    documents = list_documents(db)
    with db.read() as s:
        return [document_stats_in(s, d.id, today) for d in documents]
