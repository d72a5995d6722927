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
  answering it (a report without a deadline answers the first report deadline).

All counting is done in SQL, one pass over the document's tracking rows grouped by the stored
top-level organisation (``organisations.top_id``); the groups of "Nơi nhận" are then summed in
Python from those few rows, so an organisation's group membership costs nothing per row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import and_, case, distinct, false, func, or_, select, true

from desktop.domain.enums import DeadlineKind, PlanStatus, ReportStatus
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.documents import list_documents
from desktop.services.dto import DocumentStats, GroupStats, StageCounts
from desktop.store import models as m

UNGROUPED = "Đơn vị khác"
_REPORT_KINDS = (DeadlineKind.FIRST_REPORT.value, DeadlineKind.PERIODIC.value)


@dataclass(frozen=True, slots=True)
class _Terms:
    """What a document's deadlines mean for counting on one day."""

    study_passed: bool  # the earliest study deadline is before the day
    report_deadline: int | None  # the latest report deadline before the day
    answers_first: bool  # that deadline is the first one (reports without a deadline answer it)
    report_depth: int | None  # only recipients at this depth must report (None: all)


def _deadline_terms(s: Any, document_id: int, today: date) -> _Terms:
    rows = s.execute(
        select(m.Deadline.id, m.Deadline.kind, m.Deadline.due_date, m.Deadline.depth)
        .where(m.Deadline.document_id == document_id)
        .order_by(m.Deadline.due_date, m.Deadline.id)
    ).all()
    study = [r.due_date for r in rows if r.kind == DeadlineKind.STUDY.value]
    reports = [r for r in rows if r.kind in _REPORT_KINDS]
    passed = [r for r in reports if r.due_date < today]
    latest = passed[-1] if passed else None
    governing = latest or (reports[0] if reports else None)
    return _Terms(
        study_passed=bool(study and study[0] < today),
        report_deadline=latest.id if latest else None,
        answers_first=bool(latest is not None and latest.id == reports[0].id),
        report_depth=governing.depth if governing is not None else None,
    )


def _counts_by_top(s: Any, document_id: int, today: date) -> dict[int | None, StageCounts]:
    """Counts per top-level organisation, in two grouped queries.

    The first reads only the covering index of the document's tracking rows (and the
    organisation's top and depth); the second reads the document's accepted reports.

    Overdue: with S the recipients late for study (no session once the study deadline has
    passed), D those who must report (at the deadline's depth, or all), L the latest passed
    report deadline and H the recipients of D with an accepted report answering L, the overdue
    are S ∪ (D \\ H), counted as ``|S| - |S ∩ D| + |D| - |H| + |S ∩ H|`` — or ``|S|`` when no
    report deadline has passed.
    """
    t, o, r = m.Tracking, m.Organisation, m.TrackingReport
    terms = _deadline_terms(s, document_id, today)
    study_late = t.study_date.is_(None) if terms.study_passed else false()
    must_report = o.depth == terms.report_depth if terms.report_depth is not None else true()
    planned = or_(t.plan_date.is_not(None), t.plan_status == PlanStatus.ISSUED.value)
    # Attendance is summed over the reporting level only: a committee's row already holds the
    # figures of its cells, so adding the cells' own rows would count every cell twice.
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
        .where(t.document_id == document_id)
        .group_by(o.top_id)
    ).all()
    if terms.report_deadline is not None:
        answers = and_(
            must_report,
            or_(r.deadline_id == terms.report_deadline,
                and_(r.deadline_id.is_(None), true() if terms.answers_first else false())),
        )
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
            .where(r.document_id == document_id, r.status != ReportStatus.RETURNED.value)
            .group_by(o.top_id)
        )
    }
    result: dict[int | None, StageCounts] = {}
    for top, n, received, discussed, planned_n, n_report, late_report, *sums in main:
        reported, answered, late_answered = reports.get(top, (0, 0, 0))
        late = n - discussed if terms.study_passed else 0
        if terms.report_deadline is not None:
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
