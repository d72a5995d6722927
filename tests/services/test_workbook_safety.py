"""Untrusted workbooks: every bad file of the corpus is refused cleanly, fast, with a reason."""

from __future__ import annotations

import importlib.util
import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.services import workbook_safety as ws
from desktop.services.workbook_safety import (
    WorkbookError,
    WorkbookProblem,
    check_workbook_file,
    open_workbook,
    scan_sheet_xml,
)
from desktop.services.workbook_scan import SCAN_CHUNK

_spec = importlib.util.spec_from_file_location(
    "workbook_corpus", Path(__file__).resolve().parents[1] / "fixtures/workbooks/corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def test_defusedxml_guards_openpyxl() -> None:
    import defusedxml  # noqa: F401

    assert openpyxl.DEFUSEDXML is True


def _read_all(path: Path) -> list[tuple[int, tuple[object, ...]]]:
    with open_workbook(path) as wb:
        sheet = wb.choose_sheet()
        wb.scan_sheet(sheet)
        return list(wb.iter_rows(sheet))


@pytest.mark.parametrize("name", sorted(corpus.REFUSED))
def test_bad_file_refused_fast_with_reason(tmp_path: Path, name: str) -> None:
    build, expected = corpus.REFUSED[name]
    path = build(tmp_path / f"{name}.xlsx")
    started = time.perf_counter()
    with pytest.raises(WorkbookError) as info:
        _read_all(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{name} took {elapsed:.2f} s"
    assert expected in info.value.message, info.value.message
    assert info.value.problems and all(p.message for p in info.value.problems)


def test_zip_bomb_refused_before_inflating(tmp_path: Path) -> None:
    path = corpus.zip_bomb(tmp_path / "bom.xlsx")
    assert path.stat().st_size < 200_000  # 64 MiB inside
    started = time.perf_counter()
    with pytest.raises(WorkbookError, match="bom nén"):
        check_workbook_file(path)
    assert time.perf_counter() - started < 0.1


def test_dtd_in_any_part_refused_even_after_a_comment_and_bom(tmp_path: Path) -> None:
    doctype = "<!DOCTYPE x [<!ENTITY a 'b'>]><x/>"
    for i, text in enumerate((
        '\ufeff<?xml version="1.0"?><!-- ghi chú -->' + doctype,
        '<?xml version="1.0" encoding="UTF-16"?>' + doctype,
    )):
        data = text.encode("utf-16" if i else "utf-8")
        path = corpus.raw_workbook(tmp_path / f"dtd{i}.xlsx",
                                   corpus.sheet_xml({1: ["Tên đơn vị"]}),
                                   extra={"docProps/app.xml": data})
        with pytest.raises(WorkbookError, match="DTD"):
            check_workbook_file(path)


@pytest.mark.parametrize("name", ["billion_laughs", "xxe"])
def test_defusedxml_is_the_second_lock(tmp_path: Path, name: str) -> None:
    """Even past the pre-scan (opened directly), entity declarations are refused, fast."""
    path = getattr(corpus, name)(tmp_path / f"{name}.xlsx")
    started = time.perf_counter()
    with pytest.raises(WorkbookError, match="thực thể XML"):
        with ws.SafeWorkbook(ws.WorkbookInfo(path, path.stat().st_size, 0, 0, False)) as wb:
            list(wb.iter_rows(wb.choose_sheet()))
    assert time.perf_counter() - started < 1.0


def test_giant_declared_dimension_is_not_trusted(tmp_path: Path) -> None:
    path = corpus.giant_dimension(tmp_path / "dim.xlsx")
    started = time.perf_counter()
    rows = _read_all(path)
    assert time.perf_counter() - started < 1.0
    assert [n for n, _ in rows] == [1, 2, 3]


def test_rows_after_a_long_gap_are_still_read(tmp_path: Path) -> None:
    rows = {1: ["Tên đơn vị"], 2: ["A"], 5000: ["B"]}
    path = corpus.raw_workbook(tmp_path / "gap.xlsx", corpus.sheet_xml(rows))
    assert [(n, v[0]) for n, v in _read_all(path)] == [(1, "Tên đơn vị"), (2, "A"), (5000, "B")]


def test_row_cap_names_the_cell(tmp_path: Path) -> None:
    path = corpus.row_beyond_cap(tmp_path / "cap.xlsx", row=ws.MAX_ROWS + 1)
    with pytest.raises(WorkbookError) as info:
        _read_all(path)
    assert info.value.problems[0].cell == f"A{ws.MAX_ROWS + 1}"
    assert "'Danh sách'!A100001" in str(info.value.problems[0])


def test_macros_are_ignored_not_run_or_kept(tmp_path: Path) -> None:
    path = corpus.xlsm(tmp_path / "macro.xlsm")
    info = check_workbook_file(path)
    assert info.has_macros
    with open_workbook(path) as wb:
        assert getattr(wb.wb, "vba_archive", None) is None
        assert [v[1] for _, v in wb.iter_rows(wb.choose_sheet())][1] == "Tỉnh ủy Hà Sơn"


def test_first_visible_sheet_and_sheet_by_name(tmp_path: Path) -> None:
    path = corpus.office_list(tmp_path / "an.xlsx", corpus.small_tree_rows(), hidden_first=True,
                              extra_sheets=["Tổng hợp"])
    with open_workbook(path) as wb:
        assert wb.sheet_titles() == [("Ghi chú ẩn", False), ("Danh sách", True),
                                     ("Tổng hợp", True)]
        assert wb.choose_sheet().title == "Danh sách"
        assert wb.choose_sheet("tong hop").title == "Tổng hợp"
        with pytest.raises(WorkbookError, match="«Danh sách», «Tổng hợp»"):
            wb.choose_sheet("Không có")


def test_scan_finds_merges_and_uncached_formulas(tmp_path: Path) -> None:
    import xlsxwriter

    path = corpus.formula_without_cache(tmp_path / "f.xlsx")
    with open_workbook(path) as wb:
        scan = wb.scan_sheet(wb.choose_sheet())
    assert scan.uncached_formulas == ("H6",)
    assert {m[4] for m in scan.merged} == {"A1:K1", "A2:K2"}
    # Excel and xlsxwriter keep a result: not flagged; nor is a cached empty string.
    other = tmp_path / "cached.xlsx"
    book = xlsxwriter.Workbook(other)
    sheet = book.add_worksheet()
    sheet.write_formula("B2", "=1+2", None, 3)
    book.close()
    with open_workbook(other) as wb:
        assert wb.scan_sheet(wb.choose_sheet()).uncached_formulas == ()
    xml = (b'<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>IF(1,"","")</f><v></v></c>'
           b'<x:c r="B1"><x:f>1+1</x:f></x:c></row></sheetData></worksheet>')
    assert scan_sheet_xml(io.BytesIO(xml)).uncached_formulas == ("B1",)


def test_scan_across_chunk_boundaries() -> None:
    filler = b'<row r="1"><c r="A1"><v>1</v></c></row>' * (SCAN_CHUNK // 40)
    cell = b'<row r="99"><c r="C99"><f>SUM(A1:A2)</f></c></row>'
    for cut in range(0, len(cell), 7):  # put the chunk boundary inside the formula cell
        pad = b" " * (SCAN_CHUNK - len(filler) % SCAN_CHUNK - cut)
        xml = (b"<worksheet><sheetData>" + filler + pad + cell + b"</sheetData>"
               b'<mergeCells><mergeCell ref="B2:B9"/></mergeCells></worksheet>')
        scan = scan_sheet_xml(io.BytesIO(xml))
        assert scan.uncached_formulas == ("C99",), cut
        assert [m[4] for m in scan.merged] == ["B2:B9"]


def test_problem_location_as_excel_writes_it() -> None:
    assert str(WorkbookProblem("Sheet1", "C17", "x", "sai")) == "Sheet1!C17: sai"
    assert WorkbookProblem("Danh sách", "C17").location == "'Danh sách'!C17"
    assert WorkbookProblem("O'Neil", "A1").location == "'O''Neil'!A1"
    assert str(WorkbookProblem(message="tệp hỏng")) == "tệp hỏng"
    error = WorkbookError([WorkbookProblem("S", "A1", "", "một"),
                           WorkbookProblem("S", "A2", "", "hai")])
    assert error.message == "S!A1: một (và 1 lỗi khác)"


def test_corrupt_member_is_named_as_such(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    good.write_bytes(corpus.xlsx_bytes([[1, "Tỉnh ủy Hà Sơn"]] * 20))
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A  # flip the sheet's compressed bytes: inflating or the CRC fails
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(bytes(data))
    with pytest.raises(WorkbookError, match="bị hỏng"):
        _read_all(bad)
