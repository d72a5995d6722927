"""Refused imports: every problem names its cell and reason, and nothing is written — the
SQLite file is byte-for-byte the same afterwards.

Soundness of the byte comparison: every connection is closed (engine disposed) and the WAL is
checkpointed into the main file (``PRAGMA wal_checkpoint(TRUNCATE)``) before each hash, so the
main file holds every committed transaction; a rolled-back write leaves no committed frame and
so no trace, which is exactly "nothing written". On PostgreSQL the same tests compare a dump of
every table's rows in primary-key order.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select

from desktop.domain.errors import ConflictError
from desktop.services.database import Database
from desktop.services.org_import import ImportProblemsError, apply_org_import, plan_org_import
from desktop.services.workbook_safety import WorkbookError
from desktop.store import models as m

_spec = importlib.util.spec_from_file_location(
    "workbook_corpus", Path(__file__).resolve().parents[1] / "fixtures/workbooks/corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

DAY = date(2026, 11, 30)


def settled_sha256(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(db: Database) -> str:
    """Every row of every table, in key order (the same on both backends)."""
    meta = MetaData()
    meta.reflect(db.engine)
    h = hashlib.sha256()
    with db.read() as s:
        for table in sorted(meta.sorted_tables, key=lambda t: t.name):
            order = list(table.primary_key.columns) or list(table.columns)
            for row in s.execute(select(table).order_by(*order)):
                h.update(repr(tuple(row)).encode("utf-8"))
    return h.hexdigest()


def seed(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        for i, (name, short) in enumerate(corpus.GROUPS, 1):
            s.add(m.OrgGroup(name=name, short_name=short, sort_order=i))
    path = corpus.office_list(tmp_path / "seed.xlsx", corpus.small_tree_rows())
    apply_org_import(db, plan_org_import(db, path, as_of=DAY))


def refuse(db: Database, path: Path) -> list[str]:
    """Plan and try to apply: the problems as printed, or the refusal's problems."""
    try:
        plan = plan_org_import(db, path, as_of=DAY)
    except WorkbookError as exc:
        return [str(p) for p in exc.problems]
    assert plan.problems, "expected problems"
    with pytest.raises(ImportProblemsError) as info:
        apply_org_import(db, plan)
    assert info.value.problems == plan.problems
    return [str(p) for p in plan.problems]


@pytest.mark.parametrize("name", sorted(corpus.REFUSED) + sorted(corpus.PROBLEMS))
def test_bad_workbook_leaves_the_database_file_unchanged(
        sqlite_path: Path, tmp_path: Path, name: str) -> None:
    db = Database.open(str(sqlite_path), actor="kiem-thu")
    seed(db, tmp_path)
    db.close()
    before = settled_sha256(sqlite_path)
    if name in corpus.REFUSED:
        build, expected = corpus.REFUSED[name]
        cell = None
    else:
        build, cell, expected = corpus.PROBLEMS[name]
    path = build(tmp_path / f"{name}.xlsx")
    db = Database.open(str(sqlite_path), actor="kiem-thu")
    started = time.perf_counter()
    try:
        problems = refuse(db, path)
    finally:
        db.close()
    assert time.perf_counter() - started < 2.0
    assert any(expected in p for p in problems), problems
    if cell is not None:
        assert any(p.startswith(f"'Danh sách'!{cell}: ") and expected in p for p in problems)
    assert settled_sha256(sqlite_path) == before


def write_rows(path: Path, rows: list[list[object]]) -> Path:
    path.write_bytes(corpus.xlsx_bytes(rows))
    return path


def test_each_problem_names_cell_and_reason(db: Database, tmp_path: Path) -> None:
    seed(db, tmp_path)
    before = dump(db)
    rows: list[list[object]] = [
        # STT, name, short, code, parent, kind, cells, members, group, from, note
        [1, "Chi bộ mới", "", "N1", "Không có đơn vị này"],                    # row 2: E2
        [2, "Vòng A", "", "VA", "VB"],                                          # row 3: E3
        [3, "Vòng B", "", "VB", "VA"],                                          # row 4: E4
        [4, "Chi bộ trùng mã", "", "N1", "TU"],                                 # row 5: D5
        [5, "Chi bộ thôn Đông", "", "X001.02", "X001"],  # renames thôn Tây: row 6: B6
        [6, "Chi bộ âm", "", "N6", "TU", None, 1, -3],                          # row 7: H7
        [7, "Chi bộ đảo cột", "", "N7", "TU", None, 50, 12],                    # row 8: G8
        [8, "Chi bộ chữ", "", "N8", "TU", None, "mười", 12],                    # row 9: G9
        [9, "Chi bộ ngày", "", "N9", "TU", None, None, None, None, "32/13/2025"],  # J10
        [10, "Chi bộ loại lạ", "", "N10", "TU", "Hợp tác xã"],                  # row 11: F11
        [11, "Chi bộ nhóm lạ", "", "N11", "TU", None, None, None, "Nhóm X"],    # row 12: new group
        [12, None, "", "N12", "TU", None, 1, 5],                                # row 13: B13
        [13, "Chi bộ lặp", "", "", "TU"],                                       # row 14
        [14, "Chi bộ lặp", "", "", "TU"],                                       # row 15: B15
        [15, "Chi bộ cha mơ hồ", "", "N15", "Chi bộ lặp"],                      # row 16: E16
        [16, "Chi bộ thập phân", "", "N16", "TU", None, None, "12,5"],          # row 17: H17
    ]
    problems = refuse(db, write_rows(tmp_path / "loi.xlsx", rows))
    expected = {
        "E2": "Không tìm thấy đơn vị cấp trên «Không có đơn vị này»",
        "E3": "Vòng lặp cấp trên: Vòng A → Vòng B → Vòng A",
        "E4": "Vòng lặp cấp trên",
        "D5": "Mã «N1» trùng với mã ở dòng 2",
        "B6": "Đã có đơn vị «Chi bộ thôn Đông» (mã X001.01) cùng tên",
        "H7": "không được âm",
        "G8": "Số chi bộ (50) lớn hơn số đảng viên (12)",
        "G9": "chỉ được nhập chữ số",
        "J10": "không có tháng 13",
        "F11": "Loại «Hợp tác xã» không có trong danh mục. Các loại: Tỉnh ủy; Đảng bộ trực thuộc",
        "B13": "Thiếu tên đơn vị",
        "B15": "Dòng này lặp lại dòng 14",
        "E16": "Có 2 dòng tên «Chi bộ lặp» (dòng 14, 15); ghi mã đơn vị cấp trên",
        "H17": "dấu phẩy là dấu thập phân",
    }
    for cell, text in expected.items():
        assert any(p.startswith(f"Sheet1!{cell}: ") and text in p for p in problems), (
            cell, problems)
    assert dump(db) == before


def test_unknown_group_is_created_with_the_import(db: Database, tmp_path: Path) -> None:
    """A fresh install has no groups: the file's "Nhóm" column defines them (shown first)."""
    path = write_rows(tmp_path / "g.xlsx", [
        [1, "Tỉnh ủy Hà Sơn", "", "TU"],
        [2, "Đảng bộ xã An Phú", "", "X01", "TU", None, None, None, "Các đảng bộ trực thuộc"],
        [3, "Đảng bộ xã Bình Minh", "", "X02", "TU", None, None, None, "cac dang bo truc thuoc"],
    ])
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.problems == ()
    assert plan.new_groups == ("Các đảng bộ trực thuộc",)  # one group, however it was typed
    assert "nhóm nơi nhận mới 1" in plan.summary()
    apply_org_import(db, plan)
    with db.read() as s:
        [group] = s.scalars(select(m.OrgGroup)).all()
        members = s.scalars(select(m.OrgGroupMember.organisation_id)
                            .where(m.OrgGroupMember.group_id == group.id)).all()
    assert group.name == "Các đảng bộ trực thuộc" and len(members) == 2
    assert plan_org_import(db, path, as_of=DAY).is_empty


def test_parent_that_has_ended_and_code_of_ended_org(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        s.add(m.Organisation(name="Đảng bộ huyện Cũ", code="H01", valid_to=date(2025, 6, 30)))
    parent = write_rows(tmp_path / "e1.xlsx", [[1, "Chi bộ X", "", "C1", "H01"]])
    assert refuse(db, parent) == [
        "Sheet1!E2: Đơn vị cấp trên «Đảng bộ huyện Cũ» (mã H01) đã kết thúc hoạt động (ngày cuối "
        "30/06/2025). Chọn đơn vị đang hoạt động."]
    code = write_rows(tmp_path / "e2.xlsx", [[1, "Đảng bộ huyện Cũ", "", "h01"]])
    assert refuse(db, code) == [
        "Sheet1!D2: Mã «h01» là của «Đảng bộ huyện Cũ», đã kết thúc hoạt động (ngày cuối "
        "30/06/2025). Dùng mã khác hoặc để trống."]


def test_moving_under_own_descendant_is_refused(db: Database, tmp_path: Path) -> None:
    seed(db, tmp_path)
    before = dump(db)
    path = write_rows(tmp_path / "c.xlsx", [[1, "Đảng bộ xã Hòa Bình", "", "X001", "X001.01"]])
    problems = refuse(db, path)
    assert problems == ["Sheet1!E2: Không thể chuyển «Đảng bộ xã Hòa Bình» vào dưới một đơn vị "
                        "trực thuộc chính nó."]
    assert dump(db) == before


def test_control_characters_are_removed_and_reported(db: Database, tmp_path: Path) -> None:
    path = corpus.control_characters(tmp_path / "cc.xlsx")
    plan = plan_org_import(db, path, as_of=DAY)
    assert [str(p) for p in plan.problems] == ["Sheet1!B4: Thiếu tên đơn vị. Điền tên hoặc xóa "
                                               "dòng này."]
    assert [c.name for c in plan.creates] == ["Tỉnh ủy Hà Sơn", "Chi bộ thôn Đông"]
    assert any(w.startswith("Sheet1!B3: đã bỏ các ký tự điều khiển") for w in plan.warnings)


def test_a_row_edited_meanwhile_is_caught_even_past_the_fingerprint(
        db: Database, tmp_path: Path) -> None:
    """The version check is the second lock (PostgreSQL reads committed rows as it goes)."""
    import dataclasses

    from desktop.services.org_import_plan import fingerprint

    seed(db, tmp_path)
    rows = corpus.small_tree_rows()
    rows[1][1] = "Đảng bộ xã Hòa Bình Mới"
    plan = plan_org_import(db, corpus.office_list(tmp_path / "b.xlsx", rows), as_of=DAY)
    assert len(plan.updates) == 1
    with db.transaction() as s:
        org = s.scalars(select(m.Organisation).where(m.Organisation.code == "X001")).one()
        org.note = "sửa tay trong lúc xem trước"
    with db.read() as s:
        stale = dataclasses.replace(plan, fingerprint=fingerprint(s))
    before = dump(db)
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        apply_org_import(db, stale)
    assert dump(db) == before


def test_no_header_row_and_no_name_column(db: Database, tmp_path: Path) -> None:
    nothing = tmp_path / "trong.xlsx"
    nothing.write_bytes(corpus.xlsx_bytes([["a", "b"]], headers=("Cột 1", "Cột 2")))
    with pytest.raises(WorkbookError, match="Không tìm thấy dòng tiêu đề cột"):
        plan_org_import(db, nothing, as_of=DAY)
    no_name = tmp_path / "khong-ten.xlsx"
    no_name.write_bytes(corpus.xlsx_bytes([[1, "TU", 5]], headers=("STT", "Mã", "Đảng viên")))
    plan = plan_org_import(db, no_name, as_of=DAY)
    assert [c.field for c in plan.columns] == ["stt", "code", "members"]
    assert [str(p) for p in plan.problems] == [
        "Sheet1!A1: Chưa có cột «Tên đơn vị» (hoặc «Tên tổ chức đảng»). Hãy chọn cột nào là "
        "tên đơn vị."]
    mapped = plan_org_import(db, no_name, as_of=DAY, column_map={"Mã": "name"})
    assert mapped.problems == () and [c.name for c in mapped.creates] == ["TU"]
