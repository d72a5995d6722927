"""The demo province's statistics equal an independent count made in Python from raw rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest
from sqlalchemy import select, text

from desktop.services import stats
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import list_documents
from desktop.store import models as m

TODAY = date(2026, 11, 30)


def _independent(db: Database, document_id: int, today: date) -> tuple[dict, dict]:
    """Counts per total and per group name, from plain SELECTs and the written definitions."""
    dl = m.Deadline.__table__.c
    with db.engine.connect() as conn:
        # Typed columns, so dates come back as dates on SQLite too; the rest is plain SQL.
        deadlines = conn.execute(
            select(dl.id, dl.kind, dl.due_date, dl.depth).where(dl.document_id == document_id)
            .order_by(dl.due_date, dl.id)).all()
        rows = conn.execute(text(
            "SELECT t.id, o.top_id, o.depth, t.received_date, t.study_date, t.plan_date, "
            "t.plan_status, t.cells_held, t.cells_total, t.members_attending, t.members_total "
            "FROM tracking t JOIN organisations o ON o.id = t.organisation_id "
            "WHERE t.document_id = :d"), {"d": document_id}).all()
        reports = conn.execute(text(
            "SELECT r.tracking_id, r.deadline_id, r.status FROM tracking_reports r "
            "JOIN tracking t ON t.id = r.tracking_id WHERE t.document_id = :d"),
            {"d": document_id}).all()
        groups = conn.execute(text(
            "SELECT gm.organisation_id, g.name FROM org_group_members gm "
            "JOIN org_groups g ON g.id = gm.group_id")).all()
    study_due = min((d.due_date for d in deadlines if d.kind == "hoc_tap"), default=None)
    report_deadlines = [d for d in deadlines if d.kind in ("bao_cao_lan_dau", "bao_cao_dinh_ky")]
    passed = [d for d in report_deadlines if d.due_date < today]
    latest = passed[-1] if passed else None
    first_id = report_deadlines[0].id if report_deadlines else None
    governing = latest or (report_deadlines[0] if report_deadlines else None)
    report_depth = governing.depth if governing is not None else None
    accepted = defaultdict(list)
    for r in reports:
        if r.status != "tra_lai":
            accepted[r.tracking_id].append(r.deadline_id)
    group_of = defaultdict(list)
    for org_id, name in groups:
        group_of[org_id].append(name)

    total: Counter[str] = Counter()
    per_group: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        c: Counter[str] = Counter(recipients=1)
        c["received"] += row.received_date is not None
        c["discussed"] += row.study_date is not None
        c["planned"] += row.plan_date is not None or row.plan_status == "da_ban_hanh"
        c["reported"] += bool(accepted.get(row.id))
        late_study = study_due is not None and study_due < today and row.study_date is None
        must_report = report_depth is None or row.depth == report_depth
        c["must_report"] += must_report
        if must_report:  # attendance: compiled figures of the reporting level only
            for col in ("cells_held", "cells_total", "members_attending", "members_total"):
                c[col] += getattr(row, col) or 0
        late_report = must_report and latest is not None and not any(
            dl == latest.id or (dl is None and latest.id == first_id)
            for dl in accepted.get(row.id, [])
        )
        c["overdue"] += late_study or late_report
        total.update(c)
        for name in group_of.get(row.top_id, ["Đơn vị khác"]):
            per_group[name].update(c)
    return dict(total), {k: dict(v) for k, v in per_group.items()}


FIELDS = ("recipients", "received", "discussed", "planned", "reported", "overdue", "must_report",
          "cells_held", "cells_total", "members_attending", "members_total")


@pytest.mark.parametrize("as_of", [TODAY, date(2026, 6, 1)])
def test_stats_equal_an_independent_count(db: Database, as_of: date) -> None:
    create_demo(db, orgs=400, documents=8, today=TODAY)
    docs = list_documents(db)
    assert len(docs) == 8
    seen_overdue = 0
    for doc in docs:
        st = stats.document_stats(db, doc.id, as_of)
        total, groups = _independent(db, doc.id, as_of)
        assert {f: getattr(st.totals, f) for f in FIELDS} == {f: total.get(f, 0) for f in FIELDS}
        assert {g.name: {f: getattr(g.counts, f) for f in FIELDS} for g in st.groups} == {
            name: {f: c.get(f, 0) for f in FIELDS} for name, c in groups.items()
        }
        seen_overdue += st.totals.overdue
    if as_of == TODAY:
        assert seen_overdue > 0, "the demo should have some overdue organisations"
    assert [s.document_id for s in stats.all_stats(db, as_of)] == [d.id for d in docs]


@pytest.mark.parametrize("as_of", [TODAY, date(2026, 6, 1), date(2026, 2, 17)])  # 17/02: Tết
def test_fast_counts_equal_the_per_row_expressions(db: Database, as_of: date) -> None:
    """The two-query path used for fixed-date deadlines gives what the grid's status says."""
    from desktop.services.stats import _per_row_counts, _uniform_counts
    from desktop.services.tracking_deadlines import load_terms

    create_demo(db, orgs=400, documents=8, today=TODAY)
    with db.read() as s:
        for doc in list_documents(db):
            terms = load_terms(s, doc.id, as_of)
            assert not terms.per_row
            assert _uniform_counts(s, terms) == _per_row_counts(s, terms), doc.number_symbol
