"""Statistics on hand-made data whose answers are known, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.services import documents, organisations, stats
from desktop.services.database import Database
from desktop.store import models as m

TODAY = date(2026, 11, 30)


def _build(db: Database) -> dict[str, int]:
    """A root, two groups of top-level organisations, cells, one document with deadlines."""
    ids: dict[str, int] = {}
    with db.transaction() as s:
        kind = {k.code: k.id for k in s.scalars(select(m.OrgKind))}
        ct = s.scalar(select(m.DocumentType.id).where(m.DocumentType.code == "CT"))
        root = m.Organisation(name="Tỉnh ủy Hà Sơn", kind_id=kind["tinh_uy"], depth=0)
        s.add(root)
        s.flush()

        def org(key: str, name: str, parent: m.Organisation, kind_code: str) -> m.Organisation:
            o = m.Organisation(name=name, kind_id=kind[kind_code], parent_id=parent.id,
                               depth=parent.depth + 1, search_key=name.lower())
            s.add(o)
            s.flush()
            o.top_id = o.id if o.depth == 1 else parent.top_id
            ids[key] = o.id
            return o

        xa = org("xa", "Đảng bộ xã Tân Lập", root, "dang_bo_xa")
        phuong = org("phuong", "Đảng bộ phường Đông Hà", root, "dang_bo_xa")
        so = org("so", "Sở Tài chính", root, "ban_so_nganh")
        org("cell1", "Chi bộ thôn Một", xa, "chi_bo_truc_thuoc")
        org("cell2", "Chi bộ thôn Hai", xa, "chi_bo_truc_thuoc")
        org("old", "Đảng bộ xã Cũ", root, "dang_bo_xa")
        s.get(m.Organisation, ids["old"]).valid_to = date(2025, 6, 30)
        g1 = m.OrgGroup(name="Các đảng bộ trực thuộc Tỉnh ủy", sort_order=1)
        g2 = m.OrgGroup(name="Các ban, sở, ngành của tỉnh", sort_order=2)
        s.add_all([g1, g2])
        s.flush()
        s.add_all([m.OrgGroupMember(group_id=g1.id, organisation_id=xa.id),
                   m.OrgGroupMember(group_id=g1.id, organisation_id=phuong.id),
                   m.OrgGroupMember(group_id=g2.id, organisation_id=so.id)])
        s.add(m.OrgDenominator(organisation_id=xa.id, as_of=date(2025, 12, 31), party_cells=2,
                               party_members=60))
        doc = m.Document(type_id=ct, number="15", symbol="CT/TU", issue_date=date(2026, 3, 2),
                         excerpt="về tăng cường công tác tuyên truyền", number_key="15 ct tu",
                         search_key="15 ct tu chi thi ve tang cuong cong tac tuyen truyen")
        s.add(doc)
        s.flush()
        ids["doc"] = doc.id
        study = m.Deadline(document_id=doc.id, kind="hoc_tap", due_date=date(2026, 4, 1))
        first = m.Deadline(document_id=doc.id, kind="bao_cao_lan_dau", due_date=date(2026, 5, 1))
        yearly = m.Deadline(document_id=doc.id, kind="bao_cao_dinh_ky", due_date=date(2026, 12, 15))
        s.add_all([study, first, yearly])
        s.flush()

        def track(key: str, **kw: object) -> m.Tracking:
            t = m.Tracking(document_id=doc.id, organisation_id=ids[key], **kw)
            s.add(t)
            s.flush()
            return t

        # xa: everything done, report answers the first deadline explicitly.
        t = track("xa", received_date=date(2026, 3, 5), study_date=date(2026, 3, 20),
                  cells_held=2, cells_total=2, members_attending=58, members_total=60,
                  plan_date=date(2026, 3, 25))
        s.add(m.TrackingReport(tracking_id=t.id, deadline_id=first.id, status="dung_han",
                               received_date=date(2026, 4, 28)))
        # phuong: studied late (after the deadline is fine: it is done), report returned.
        t = track("phuong", received_date=date(2026, 3, 6), study_date=date(2026, 4, 10),
                  plan_status="da_ban_hanh")
        s.add(m.TrackingReport(tracking_id=t.id, deadline_id=first.id, status="tra_lai",
                               received_date=date(2026, 5, 3)))
        # so: received only → overdue for study and report.
        track("so", received_date=date(2026, 3, 9))
        # cell1: studied, report without a deadline (answers the first deadline).
        t = track("cell1", received_date=date(2026, 3, 9), study_date=date(2026, 3, 30),
                  cells_held=1, cells_total=1, members_attending=20, members_total=21)
        s.add(m.TrackingReport(tracking_id=t.id, status="qua_han",
                               received_date=date(2026, 5, 20)))
        # cell2: nothing at all.
        track("cell2")
    return ids


def test_document_stats_counts(db: Database) -> None:
    ids = _build(db)
    st = stats.document_stats(db, ids["doc"], TODAY)
    t = st.totals
    assert (t.recipients, t.received, t.discussed, t.planned, t.reported) == (5, 4, 3, 2, 2)
    # overdue: phuong (report returned), so (no study), cell2 (no study) → 3
    assert t.overdue == 3
    assert (t.cells_held, t.cells_total, t.members_attending, t.members_total) == (3, 3, 78, 81)
    groups = {g.name: g.counts for g in st.groups}
    assert list(groups) == ["Các đảng bộ trực thuộc Tỉnh ủy", "Các ban, sở, ngành của tỉnh"]
    g1 = groups["Các đảng bộ trực thuộc Tỉnh ủy"]
    assert (g1.recipients, g1.received, g1.reported, g1.overdue) == (4, 3, 2, 2)
    assert groups["Các ban, sở, ngành của tỉnh"].overdue == 1
    assert st.number_symbol == "15-CT/TU"


def test_overdue_depends_on_the_day(db: Database) -> None:
    ids = _build(db)
    # Before the study deadline nobody is overdue.
    assert stats.document_stats(db, ids["doc"], date(2026, 3, 31)).totals.overdue == 0
    # On the deadline day itself nobody is late yet.
    assert stats.document_stats(db, ids["doc"], date(2026, 4, 1)).totals.overdue == 0
    # After the study deadline, before the report deadline: so and cell2 have not studied.
    assert stats.document_stats(db, ids["doc"], date(2026, 4, 2)).totals.overdue == 2
    # After the yearly deadline nobody has answered it: all five are overdue.
    assert stats.document_stats(db, ids["doc"], date(2026, 12, 16)).totals.overdue == 5


def test_find_document_by_number_symbol(db: Database) -> None:
    ids = _build(db)
    for ref in ("15-CT/TU", "15 ct tu", "15-ct/tu ", f"#{ids['doc']}"):
        assert documents.find_document(db, ref).id == ids["doc"]
    with pytest.raises(NotFoundError, match="Không tìm thấy"):
        documents.find_document(db, "16-CT/TU")
    with pytest.raises(ValidationError):
        documents.find_document(db, " / ")
    assert [d.id for d in documents.list_documents(db, "tuyen truyen")] == [ids["doc"]]
    assert documents.list_documents(db, "khong co") == []


def test_organisation_tree_as_of_a_date(db: Database) -> None:
    ids = _build(db)
    [root] = organisations.children(db, None, TODAY)
    tops = organisations.children(db, root.id, TODAY)
    assert [o.id for o in tops] == [ids["xa"], ids["phuong"], ids["so"]]
    xa = tops[0]
    assert (xa.child_count, xa.party_cells, xa.party_members) == (2, 2, 60)
    # Before the denominators were dated, none is known; the merged commune still existed.
    before = organisations.children(db, root.id, date(2025, 6, 1))
    assert ids["old"] in [o.id for o in before]
    assert [o.party_members for o in before if o.id == ids["xa"]] == [None]
    assert organisations.count(db, TODAY) == 6
    assert [o.id for o in organisations.search(db, "tan lap", TODAY)] == [ids["xa"]]


def test_report_deadlines_for_one_level_only(db: Database) -> None:
    """When only the directly subordinate committees must report, their cells are not late."""
    ids = _build(db)
    with db.transaction() as s:
        for dl in s.scalars(select(m.Deadline).where(m.Deadline.kind != "hoc_tap")):
            dl.depth = 1
    st = stats.document_stats(db, ids["doc"], TODAY)
    assert (st.totals.must_report, st.totals.overdue) == (3, 3)  # phuong, so, cell2 (study)
    # attendance from the committees' compiled rows only: the cells' own rows are not added
    t = st.totals
    assert (t.cells_held, t.cells_total, t.members_attending, t.members_total) == (2, 2, 58, 60)
    after_yearly = stats.document_stats(db, ids["doc"], date(2026, 12, 16)).totals
    assert after_yearly.overdue == 4  # xa, phuong, so (yearly report) + cell2 (study); not cell1
