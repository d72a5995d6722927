"""Importing the organisation list: layouts as offices keep them, plan, apply, re-import."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError
from desktop.services.database import Database
from desktop.services.org_import import apply_org_import, plan_org_import
from desktop.store import models as m
from desktop.store.models import organisation_search_key

_spec = importlib.util.spec_from_file_location(
    "workbook_corpus", Path(__file__).resolve().parents[1] / "fixtures/workbooks/corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

DAY = date(2026, 11, 30)


def add_groups(db: Database) -> None:
    with db.transaction() as s:
        for i, (name, short) in enumerate(corpus.GROUPS, 1):
            s.add(m.OrgGroup(name=name, short_name=short, sort_order=i))


def orgs_by_code(db: Database) -> dict[str, m.Organisation]:
    with db.read() as s:
        return {o.code: o for o in s.scalars(select(m.Organisation))}


def test_office_layout_plan_then_apply(db: Database, tmp_path: Path) -> None:
    add_groups(db)
    path = corpus.office_list(tmp_path / "ds.xlsx", corpus.small_tree_rows())
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.problems == ()
    assert plan.header_rows == (4, 4) and plan.sheet == "Danh sách" and plan.rows_read == 5
    assert [c.field for c in plan.columns] == [
        "stt", "name", "short_name", "code", "parent", "kind", "cells", "members", "group",
        "valid_from", "note"]
    assert plan.unmapped_headers == ()
    assert [(c.row, c.name, c.parent) for c in plan.creates] == [
        (5, "Tỉnh ủy Hà Sơn", ""),
        (6, "Đảng bộ xã Hòa Bình", "Tỉnh ủy Hà Sơn"),
        (7, "Chi bộ thôn Đông", "Đảng bộ xã Hòa Bình"),
        (8, "Chi bộ thôn Tây", "Đảng bộ xã Hòa Bình"),  # "Hoà" in the file
        (9, "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Tỉnh ủy Hà Sơn"),
    ]
    assert plan.updates == () and plan.unchanged == 0 and len(plan.denominators) == 4
    with db.read() as s:  # planning wrote nothing
        assert s.scalar(select(func.count()).select_from(m.Organisation)) == 0

    result = apply_org_import(db, plan)
    assert (result.created, result.updated, result.denominators) == (5, 0, 4)
    orgs = orgs_by_code(db)
    root, xa, dong, tay, ban = (orgs[c] for c in ("TU", "X001", "X001.01", "X001.02", "B01"))
    assert (root.depth, root.top_id, root.parent_id) == (0, None, None)
    assert (xa.depth, xa.top_id, xa.parent_id) == (1, xa.id, root.id)
    assert (tay.depth, tay.top_id, tay.parent_id) == (2, xa.id, xa.id)
    assert [xa.sort_order, ban.sort_order, dong.sort_order, tay.sort_order] == [1, 2, 1, 2]
    assert tay.kind is not None and tay.kind.code == "chi_bo_truc_thuoc"
    assert dong.valid_from == tay.valid_from == xa.valid_from == date(2025, 7, 1)  # text, serial
    assert tay.note == "Ghi chú\ncó hai dòng" and root.note == "Cấp tỉnh"
    assert xa.search_key == organisation_search_key(xa.name, xa.short_name, xa.code)
    with db.read() as s:
        den = {(o, c, mm) for o, c, mm in s.execute(select(
            m.OrgDenominator.organisation_id, m.OrgDenominator.party_cells,
            m.OrgDenominator.party_members).where(m.OrgDenominator.as_of == DAY))}
        assert (xa.id, 12, 1234) in den and (tay.id, 1, 30) in den and len(den) == 4
        groups = dict(s.execute(select(m.OrgGroupMember.organisation_id, m.OrgGroup.name)
                                .join(m.OrgGroup)).all())
        assert groups == {xa.id: corpus.GROUPS[0][0], ban.id: corpus.GROUPS[1][0]}
        audit = s.execute(select(m.AuditEntry).where(m.AuditEntry.entity == "organisations")
                          ).scalars().all()
        assert len(audit) == 1 and audit[0].action == "bulk" and "ds.xlsx" in audit[0].summary
    # bulk-written timestamps read back like the ORM's: aware UTC, the time of the import
    assert xa.created_at.tzinfo is not None and xa.created_at == xa.updated_at
    assert abs(xa.created_at - audit[0].at) < timedelta(minutes=1)

    again = plan_org_import(db, path, as_of=DAY)
    assert again.is_empty and again.unchanged == 5 and again.problems == ()
    assert plan_org_import(db, path, as_of=date(2027, 1, 1)).is_empty


def test_headers_without_accents_upper_case_1904_hidden_first_sheet(
        db: Database, tmp_path: Path) -> None:
    add_groups(db)
    path = corpus.office_list(tmp_path / "mac.xlsx", corpus.small_tree_rows(),
                              headers=corpus.HEADERS_PLAIN_UPPER, epoch1904=True,
                              hidden_first=True, title_rows=False)
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.problems == () and plan.header_rows == (1, 1)
    assert plan.sheet == "Danh sách" and any("trang tính ẩn" in w for w in plan.warnings)
    apply_org_import(db, plan)
    orgs = orgs_by_code(db)
    assert orgs["B01"].valid_from == date(2025, 3, 1)  # a real date in a 1904 workbook
    # the bare serial 45839 counts from 1904 in this workbook
    assert orgs["X001.02"].valid_from == date(2029, 7, 2)


def test_two_row_header_numbering_row_headings_and_totals(db: Database, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐẢNG BỘ"])
    ws.merge_cells("A1:F1")
    ws.append(["STT", "Tên tổ chức đảng", "Mã", "Trực thuộc", "Số lượng", None])
    ws.append([None, None, None, None, "Số chi bộ", "Số đảng viên (người)"])
    ws.merge_cells("E2:F2")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    ws.append([1, "Tỉnh ủy Hà Sơn", "TU"])
    ws.append(["I", "KHỐI XÃ, PHƯỜNG"])
    ws.append([2, "Đảng bộ phường Bắc", "P01", "TU", 3, 90])
    ws.append(["II. KHỐI CƠ QUAN"])
    ws.merge_cells(f"A{ws.max_row}:F{ws.max_row}")
    ws.append([3, "Đảng bộ Khối cơ quan", "K01", "TU", 10, 300])
    ws.append([None, "Tổng cộng", None, None, 13, 390])
    path = tmp_path / "hai-dong.xlsx"
    wb.save(path)
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.problems == ()
    assert plan.header_rows == (2, 3)
    assert [c.field for c in plan.columns] == ["stt", "name", "code", "parent", "cells",
                                               "members"]
    assert [c.name for c in plan.creates] == ["Tỉnh ủy Hà Sơn", "Đảng bộ phường Bắc",
                                              "Đảng bộ Khối cơ quan"]
    assert [(s.row, s.reason) for s in plan.skipped] == [
        (4, "dòng đánh số cột"), (6, "tiêu đề mục"), (8, "tiêu đề mục"), (10, "dòng tổng cộng")]


def test_unknown_columns_are_listed_and_can_be_mapped(db: Database, tmp_path: Path) -> None:
    rows = [[1, "Tỉnh ủy Hà Sơn", "TU", None, "x"], [2, "Chi bộ A", "A1", "TU", "17"]]
    path = tmp_path / "cot.xlsx"
    path.write_bytes(corpus.xlsx_bytes(
        rows, headers=("STT", "Tên đơn vị", "Mã", "Cấp trên", "Tổng số ĐV hiện có")))
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.unmapped_headers == ("Tổng số ĐV hiện có",)
    assert any("Tổng số ĐV hiện có" in w for w in plan.warnings)
    assert plan.denominators == ()
    for mapping in ({"E": "members"}, {"tong so dv hien co": "members"}):
        mapped = plan_org_import(db, path, as_of=DAY, column_map=mapping)
        assert mapped.unmapped_headers == ()
        assert mapped.problems == (mapped.problems[0],)  # "x" is not a number
        assert mapped.problems[0].cell == "E2" and "chỉ được nhập chữ số" in str(
            mapped.problems[0])
    ignored = plan_org_import(db, path, as_of=DAY, column_map={"Mã": None})
    assert [c.name for c in ignored.creates] == ["Tỉnh ủy Hà Sơn"]
    assert ignored.problems[0].cell == "D3" and "«TU»" in ignored.problems[0].message


def test_changes_field_by_field_history_and_moves(db: Database, tmp_path: Path) -> None:
    add_groups(db)
    apply_org_import(db, plan_org_import(
        db, corpus.office_list(tmp_path / "a.xlsx", corpus.small_tree_rows()),
        as_of=date(2026, 1, 1)))
    rows = corpus.small_tree_rows()
    rows[1][1] = "Đảng bộ xã Hòa Bình Mới"  # rename
    rows[3][4] = "B01"  # move "Chi bộ thôn Tây" under the board
    rows[3][7] = 33  # more members
    rows[4][5] = "Đảng bộ trực thuộc"  # kind
    rows.append([6, "Chi bộ cơ quan Ban", "", "B01.01", "B01", "Chi bộ trực thuộc", 1, 9,
                 None, None, None])
    path = corpus.office_list(tmp_path / "b.xlsx", rows)
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.problems == ()
    assert [c.name for c in plan.creates] == ["Chi bộ cơ quan Ban"]
    changes = {u.name: {(c.field, c.before, c.after) for c in u.changes} for u in plan.updates}
    assert changes == {
        "Đảng bộ xã Hòa Bình": {("name", "Đảng bộ xã Hòa Bình", "Đảng bộ xã Hòa Bình Mới")},
        "Chi bộ thôn Tây": {("parent", "Đảng bộ xã Hòa Bình",
                             "Ban Tuyên giáo và Dân vận Tỉnh ủy")},
        "Ban Tuyên giáo và Dân vận Tỉnh ủy": {("kind", "Ban, sở, ngành",
                                               "Đảng bộ trực thuộc")},
    }
    assert [(d.name, d.members_before, d.members) for d in plan.denominators] == [
        ("Chi bộ thôn Tây", 30, 33), ("Chi bộ cơ quan Ban", None, 9)]
    assert plan.unchanged == 2
    before = orgs_by_code(db)
    apply_org_import(db, plan)
    after = orgs_by_code(db)
    tay, ban = after["X001.02"], after["B01"]
    assert (tay.parent_id, tay.depth, tay.top_id) == (ban.id, 2, ban.id)
    assert tay.sort_order == 1 and after["B01.01"].sort_order == 2
    assert after["X001"].version == before["X001"].version + 1
    assert after["X001"].search_key == organisation_search_key(
        "Đảng bộ xã Hòa Bình Mới", "xã Hòa Bình", "X001")
    with db.read() as s:
        history = {(h.organisation_id, h.name, h.valid_to, h.reason) for h in
                   s.scalars(select(m.OrgHistory))}
    assert history == {
        (after["X001"].id, "Đảng bộ xã Hòa Bình", date(2026, 11, 29), "rename"),
        (tay.id, "Chi bộ thôn Tây", date(2026, 11, 29), "move"),
        (ban.id, "Ban Tuyên giáo và Dân vận Tỉnh ủy", date(2026, 11, 29), "kind"),
    }
    assert plan_org_import(db, path, as_of=DAY).is_empty


def test_moving_a_subtree_refreshes_depth_and_top(db: Database, tmp_path: Path) -> None:
    add_groups(db)
    apply_org_import(db, plan_org_import(
        db, corpus.office_list(tmp_path / "a.xlsx", corpus.small_tree_rows()), as_of=DAY))
    rows = [[2, "Đảng bộ xã Hòa Bình", None, "X001", "B01"]]  # the commune under the board
    path = tmp_path / "move.xlsx"
    path.write_bytes(corpus.xlsx_bytes(rows, headers=("STT", "Tên", "Tên viết tắt", "Mã",
                                                      "Cấp trên")))
    apply_org_import(db, plan_org_import(db, path, as_of=DAY))
    orgs = orgs_by_code(db)
    assert (orgs["X001"].depth, orgs["X001"].top_id) == (2, orgs["B01"].id)
    assert {(orgs[c].depth, orgs[c].top_id) for c in ("X001.01", "X001.02")} == {
        (3, orgs["B01"].id)}


def test_rows_without_parent_column_match_existing_by_name(db: Database, tmp_path: Path) -> None:
    add_groups(db)
    apply_org_import(db, plan_org_import(
        db, corpus.office_list(tmp_path / "a.xlsx", corpus.small_tree_rows()), as_of=DAY))
    path = tmp_path / "so-lieu.xlsx"
    path.write_bytes(corpus.xlsx_bytes([["CHI BỘ THÔN  ĐÔNG", "40"]],
                                       headers=("Tên đơn vị", "Số đảng viên")))
    plan = plan_org_import(db, path, as_of=date(2026, 12, 31))
    assert plan.creates == () and plan.updates == ()
    assert [(d.name, d.cells, d.members) for d in plan.denominators] == [
        ("CHI BỘ THÔN  ĐÔNG".replace("  ", " "), 1, 40)]  # cells carried over


def test_changed_since_planning_is_a_conflict(db: Database, tmp_path: Path) -> None:
    add_groups(db)
    plan = plan_org_import(
        db, corpus.office_list(tmp_path / "a.xlsx", corpus.small_tree_rows()), as_of=DAY)
    with db.transaction() as s:
        s.add(m.Organisation(name="Đảng bộ mới thêm", code="NEW"))
    with pytest.raises(ConflictError, match="xem trước lại"):
        apply_org_import(db, plan)
    assert set(orgs_by_code(db)) == {"NEW"}


def test_new_ids_leave_the_sequence_usable(db: Database, tmp_path: Path) -> None:
    add_groups(db)
    result = apply_org_import(db, plan_org_import(
        db, corpus.office_list(tmp_path / "a.xlsx", corpus.small_tree_rows()), as_of=DAY))
    with db.transaction() as s:  # an ORM insert after the import must not collide
        org = m.Organisation(name="Chi bộ thêm tay", code="MANUAL")
        s.add(org)
        s.flush()
        assert org.id not in result.new_ids
