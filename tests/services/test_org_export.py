"""Exporting the organisation tree: layout for printing, text never a formula, atomic writes,
and the round trips export → import (same database: nothing to do; empty database: same tree).
"""

from __future__ import annotations

import errno
import os
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.org_export import HEADERS, TITLE, ExportFileError, export_orgs
from desktop.services.org_import import apply_org_import, plan_org_import
from desktop.store import models as m

DAY = date(2026, 11, 30)


def cells(path: Path) -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(path)
    try:
        return [tuple(r) for r in wb.active.iter_rows(values_only=True)]
    finally:
        wb.close()


def test_layout_for_printing_and_depth_first_order(db: Database, tmp_path: Path) -> None:
    create_demo(db, orgs=120, documents=0, today=DAY)
    path = tmp_path / "Danh sách đơn vị.xlsx"
    result = export_orgs(db, path, as_of=DAY)
    assert result.organisations == organisations.count(db, DAY)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws["A1"].value == TITLE and "A1:K1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == "(tính đến ngày 30/11/2026)"
    assert tuple(c.value for c in ws[4]) == HEADERS and ws["A4"].font.b
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage  # one page wide, as many tall as needed
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.column_dimensions["C"].width > 40
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=5)]
    assert len(rows) == result.organisations and [r[0] for r in rows] == list(
        range(1, len(rows) + 1))
    seen: set[str] = set()
    for r in rows:  # parents before children, by code
        assert r[4] is None or r[4] in seen, r
        seen.add(r[1])
    indents = {r[1]: ws.cell(5 + k, 3).alignment.indent for k, r in enumerate(rows)}
    assert indents["TU"] == 0 and max(indents.values()) == 3
    assert isinstance(rows[1][9], date) or rows[1][9] is None
    wb.close()


def test_text_that_looks_like_a_formula_stays_text(db: Database, tmp_path: Path) -> None:
    names = ['=HYPERLINK("http://x.example","bấm vào")', "+1", "-2", "@x", "=1+1"]
    with db.transaction() as s:
        root = m.Organisation(name="Tỉnh ủy Hà Sơn", code="TU")
        s.add(root)
        s.flush()
        for i, name in enumerate(names):
            s.add(m.Organisation(name=name, short_name=name, code=f"={i}", parent_id=root.id,
                                 depth=1, note=name))
    path = tmp_path / "ds.xlsx"
    export_orgs(db, path, as_of=DAY)
    with zipfile.ZipFile(path) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    wb = openpyxl.load_workbook(path)
    got = [(r[2].value, r[2].data_type, r[1].value) for r in wb.active.iter_rows(min_row=6)]
    assert sorted(got) == sorted((n, "s", f"={i}") for i, n in enumerate(names))
    wb.close()
    assert plan_org_import(db, path, as_of=DAY).is_empty  # and it reads back as text


def test_a_past_day_shows_the_names_and_parents_of_that_day(db: Database,
                                                              tmp_path: Path) -> None:
    with db.transaction() as s:
        root = m.Organisation(name="Tỉnh ủy Hà Sơn", code="TU")
        s.add(root)
        s.flush()
        old_parent = m.Organisation(name="Đảng bộ huyện Cũ", code="H01", parent_id=root.id,
                                    depth=1, valid_to=date(2025, 6, 30))
        board = m.Organisation(name="Ban Tuyên giáo và Dân vận Tỉnh ủy", code="B01",
                               parent_id=root.id, depth=1, sort_order=2)
        s.add_all([old_parent, board])
        s.flush()
        # as the editing services keep it: the state before the rename and move of 01/7/2025
        s.add(m.OrgHistory(organisation_id=board.id, valid_from=None,
                           valid_to=date(2025, 6, 30), name="Ban Tuyên giáo Tỉnh ủy",
                           short_name="", parent_id=old_parent.id, kind_id=None,
                           reason="rename+move"))
    now = tmp_path / "nay.xlsx"
    export_orgs(db, now, as_of=DAY)
    assert [(r[1], r[2], r[4]) for r in cells(now)[4:]] == [
        ("TU", "Tỉnh ủy Hà Sơn", None), ("B01", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "TU")]
    then = tmp_path / "truoc.xlsx"
    export_orgs(db, then, as_of=date(2025, 1, 1))
    assert [(r[1], r[2], r[4]) for r in cells(then)[4:]] == [
        ("TU", "Tỉnh ủy Hà Sơn", None), ("H01", "Đảng bộ huyện Cũ", "TU"),
        ("B01", "Ban Tuyên giáo Tỉnh ủy", "H01")]


def test_round_trip_into_the_same_database_plans_nothing(db: Database, tmp_path: Path) -> None:
    create_demo(db, orgs=300, documents=0, today=DAY)
    path = tmp_path / "ds.xlsx"
    export_orgs(db, path, as_of=DAY)
    plan = plan_org_import(db, path, as_of=DAY)
    assert plan.problems == () and plan.is_empty
    assert plan.unchanged == organisations.count(db, DAY)


def test_round_trip_into_an_empty_database_rebuilds_the_tree(db: Database,
                                                              tmp_path: Path) -> None:
    source = Database.open(str(tmp_path / "nguon.sqlite3"), actor="kiem-thu")
    try:
        create_demo(source, orgs=300, documents=0, today=DAY)
        first = tmp_path / "nguon.xlsx"
        export_orgs(source, first, as_of=DAY)
    finally:
        source.close()
    # The groups come with the file (its "Nhóm" column): created by the import.
    plan = plan_org_import(db, first, as_of=DAY)
    assert plan.problems == ()
    apply_org_import(db, plan)
    second = tmp_path / "dich.xlsx"
    export_orgs(db, second, as_of=DAY)
    assert cells(second) == cells(first)
    assert plan_org_import(db, first, as_of=DAY).is_empty


def test_file_open_in_excel_keeps_the_old_file(db: Database, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xuat"
    folder.mkdir()
    path = folder / "ds.xlsx"
    path.write_bytes(b"old contents")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(src),
                              None, str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportFileError, match="đang mở trong Excel") as info:
        export_orgs(db, path, as_of=DAY)
    assert "Thử lại" in info.value.message and "tên khác" in info.value.message
    assert path.read_bytes() == b"old contents"
    assert sorted(p.name for p in folder.iterdir()) == ["ds.xlsx"]


def test_disk_full_keeps_the_old_file(db: Database, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xuat"
    folder.mkdir()
    path = folder / "ds.xlsx"
    path.write_bytes(b"old contents")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportFileError, match="Ổ đĩa đầy"):
        export_orgs(db, path, as_of=DAY)
    assert path.read_bytes() == b"old contents"
    assert sorted(p.name for p in folder.iterdir()) == ["ds.xlsx"]


def test_export_replaces_an_existing_file(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "xuat"
    folder.mkdir()
    path = folder / "ds.xlsx"
    path.write_bytes(b"old contents")
    assert export_orgs(db, path, as_of=DAY).organisations == 0
    assert cells(path)[3] == HEADERS
    assert sorted(p.name for p in folder.iterdir()) == ["ds.xlsx"]
