"""The cascade of a directive on the demo province: its tree of implementing documents and its
coverage per organisation level, checked against counts made directly from the rows."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.errors import NotFoundError
from desktop.services.cascade import cascade_coverage, document_tree
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.document_register import (
    DocumentInput,
    RecipientLineInput,
    create_and_track,
    create_document,
)
from desktop.services.documents import find_document
from desktop.services.stats import document_stats
from desktop.store import models as m

TODAY = date(2026, 11, 30)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    return db


def _child(db: Database, parent: int, number: str, code: str, day: date,
           lines: bool = True) -> int:
    with db.read() as s:
        body = s.scalar(select(m.IssuingBody.id).where(m.IssuingBody.symbol == "BTGDVTU"))
        group = s.scalar(select(m.OrgGroup.id).where(
            m.OrgGroup.name == "Các đảng bộ trực thuộc Tỉnh ủy"))
    inp = DocumentInput(
        code, number, f"{code}/BTGDVTU", day, body, "học tập, quán triệt chỉ thị",
        scope="chi_bo", parent_id=parent,
        recipient_lines=(RecipientLineInput("- Các đảng bộ trực thuộc Tỉnh ủy;", group),)
        if lines else ())
    if lines:
        return create_and_track(db, inp)[0].id
    return create_document(db, inp).id


def test_tree_and_coverage(demo: Database) -> None:
    root = find_document(demo, "01-CT/TU").id
    plan = _child(demo, root, "03", "KH", date(2026, 2, 1))
    guide = _child(demo, root, "04", "HD", date(2026, 2, 3), lines=False)
    sub = _child(demo, plan, "05", "HD", date(2026, 2, 10), lines=False)
    with demo.transaction() as s:  # one organisation received the plan
        row = s.scalars(select(m.Tracking).where(m.Tracking.document_id == plan).limit(1)).one()
        row.received_date = date(2026, 2, 4)

    tree = document_tree(demo, root)
    assert (tree.number_symbol, tree.level) == ("01-CT/TU", 0)
    assert [c.number_symbol for c in tree.children] == ["03-KH/BTGDVTU", "04-HD/BTGDVTU"]
    assert [c.id for c in tree.children[0].children] == [sub]
    assert [n.id for n in tree.walk()] == [root, plan, sub, guide]
    assert [n.level for n in tree.walk()] == [0, 1, 2, 1]
    assert document_tree(demo, sub).children == ()

    cov = cascade_coverage(demo, root, TODAY)
    assert cov.totals == document_stats(demo, root, TODAY).totals
    assert [c.document.id for c in cov.children] == [plan, sub, guide]
    for child in cov.children:
        assert child.counts == document_stats(demo, child.document.id, TODAY).totals
        assert child.document.children == ()
    assert cov.children[0].counts.received == 1 and cov.children[0].counts.recipients > 300

    # per level, from the raw rows
    with demo.engine.connect() as conn:
        rows = conn.execute(
            select(m.Organisation.depth, m.OrgKind.is_party_cell, m.Tracking.received_date,
                   m.Tracking.study_date, m.Tracking.plan_date, m.Tracking.plan_status,
                   m.Tracking.members_attending, m.Tracking.id)
            .join(m.Organisation, m.Organisation.id == m.Tracking.organisation_id)
            .join(m.OrgKind, m.OrgKind.id == m.Organisation.kind_id)
            .where(m.Tracking.document_id == root)).all()
        reports = conn.execute(select(m.TrackingReport.tracking_id, m.TrackingReport.status)
                               .where(m.TrackingReport.document_id == root)).all()
    accepted = {t for t, status in reports if status != "tra_lai"}
    want: dict[int, Counter[str]] = {}
    for depth, cell, received, studied, planned, status, attending, tid in rows:
        c = want.setdefault(depth, Counter())
        c["recipients"] += 1
        c["party_cells"] += bool(cell)
        c["received"] += received is not None
        c["discussed"] += studied is not None
        c["planned"] += planned is not None or status == "da_ban_hanh"
        c["reported"] += tid in accepted
        c["members_attending"] += attending or 0
    assert [lv.depth for lv in cov.levels] == sorted(want) == [1, 2, 3]
    for lv in cov.levels:
        for key, value in want[lv.depth].items():
            assert getattr(lv, key) == value, (lv.depth, key)
    assert sum(lv.recipients for lv in cov.levels) == cov.totals.recipients
    assert sum(lv.reported for lv in cov.levels) == cov.totals.reported
    assert cov.levels[0].label == "Cấp trực thuộc" and cov.levels[1].label == "Cấp 2"
    assert cov.levels[0].party_cells == 0 and cov.levels[2].party_cells == cov.levels[2].recipients


def test_unknown_root(demo: Database) -> None:
    with pytest.raises(NotFoundError):
        document_tree(demo, 999)
    with pytest.raises(NotFoundError):
        cascade_coverage(demo, 999)
