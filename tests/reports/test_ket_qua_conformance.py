"""The "Báo cáo kết quả" read back with python-docx and checked against its format profile:
paper, margins, fonts on all four slots, no theme fonts, each element's style, the borderless
header table and its widths, page numbering, the landscape appendix, repeated header rows,
rows that cannot split, Vietnamese numbers, NFC — for the Party and the State profiles."""

from __future__ import annotations

import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from desktop.reports.docx_base import ALIGN, dxa, style_id
from desktop.reports.profiles import load_profile
from desktop.services.report_ket_qua import KetQuaOptions, export_ket_qua, gather_ket_qua
from desktop.services.stats import document_stats

from . import conformance as cf
from . import report_support as rs

THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def mm(length) -> float:  # type: ignore[no-untyped-def]
    """A length in millimetres to 0.1 mm (Word stores twips: 210 mm is 11906 twips)."""
    return round(length.mm, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("kq")
    db = rs.demo_db(folder / "demo.sqlite3")
    yield db, folder
    db.close()


@pytest.fixture(scope="module", params=["party-36", "state-30"])
def written(request: pytest.FixtureRequest, demo):  # type: ignore[no-untyped-def]
    db, folder = demo
    doc_id = rs.document_id(db, "01-CT/TU")
    path = folder / f"{request.param}.docx"
    options = KetQuaOptions(report_date=date(2026, 11, 30), number="7", profile=request.param)
    export_ket_qua(db, doc_id, path, options)
    data, _ = gather_ket_qua(db, doc_id, options)
    return load_profile(request.param), path, Document(str(path)), data


def test_page_setup_of_the_report_and_the_appendix(written) -> None:  # type: ignore[no-untyped-def]
    profile, _, doc, _ = written
    first, last = doc.sections[0], doc.sections[-1]
    page = profile.page
    assert len(doc.sections) == 2
    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert first.orientation == WD_ORIENT.PORTRAIT
    for section in (first, last):
        assert mm(section.top_margin) == page.top_mm
        assert mm(section.bottom_margin) == page.bottom_mm
        assert mm(section.left_margin) == page.left_mm
        assert mm(section.right_margin) == page.right_mm
        assert mm(section.header_distance) == page.header_distance_mm
        assert section.different_first_page_header_footer  # no number on the first page
    assert last.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(last.page_width), mm(last.page_height)) == (297, 210)
    pg = last._sectPr.find(qn("w:pgNumType"))
    assert pg is not None and pg.get(qn("w:start")) == "1"
    assert first._sectPr.find(qn("w:pgNumType")) is None
    assert doc.settings.element.find(qn("w:mirrorMargins")) is None


def test_page_numbers_from_page_two_centred(written) -> None:  # type: ignore[no-untyped-def]
    profile, _, doc, _ = written
    section = doc.sections[0]
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    paragraph = section.header.paragraphs[0]
    assert paragraph.alignment == ALIGN["center"]
    assert paragraph.style.name == style_id("page_number")
    assert "PAGE" not in section.first_page_header._element.xml


def test_fonts_styles_and_clean_text(written) -> None:  # type: ignore[no-untyped-def]
    profile, path, doc, _ = written
    cf.check_fonts_and_styles(doc, path, profile)
    cf.check_clean_xml(path)
    body = doc.styles[style_id("body")].paragraph_format
    assert mm(body.first_line_indent) == profile.body.first_line_indent_mm
    assert body.space_after == Pt(profile.body.space_after_pt)
    if profile.body.line_spacing == "exact":
        assert body.line_spacing == Pt(profile.body.line_spacing_value)
    else:
        assert body.line_spacing == pytest.approx(profile.body.line_spacing_value)
    # the paragraphs really use the styles
    used = {p.style.name for p in doc.paragraphs}
    assert {style_id("type_title"), style_id("excerpt"), style_id("body"),
            style_id("heading1"), style_id("appendix_title")} <= used


def test_header_block_is_a_borderless_table_with_the_profile_widths(written) -> None:  # type: ignore[no-untyped-def]
    profile, _, doc, _ = written
    table = doc.tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [dxa(profile.header.left_mm), dxa(profile.header.right_mm)]
    cells = table.rows[0].cells
    assert [mm(c.width) for c in cells] == [profile.header.left_mm, profile.header.right_mm]
    left = [p.text for p in cells[0].paragraphs if p.text]
    right = [p.text for p in cells[1].paragraphs if p.text]
    assert left[0] == "TỈNH ỦY HÀ SƠN"
    assert left[1:3] == ["BAN TUYÊN GIÁO VÀ", "DÂN VẬN"]
    assert right[0] == profile.header.title
    assert right[-1] == "Hà Sơn, ngày 30 tháng 11 năm 2026"
    if profile.regime == "party":
        assert "*" in left and left[-1] == "Số 07-BC/BTGDVTU"
    else:
        assert right[1] == "Độc lập - Tự do - Hạnh phúc" and left[-1] == "Số: 07/BC-BTGDVTU"
    styles = {p.text: p.style.name for p in cells[0].paragraphs + cells[1].paragraphs}
    assert styles[profile.header.title] == style_id("title")
    assert styles["TỈNH ỦY HÀ SƠN"] == style_id("superior")


def test_signature_block_stays_with_the_last_paragraph(written) -> None:  # type: ignore[no-untyped-def]
    profile, _, doc, _ = written
    table = doc.tables[1]
    assert table._tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    left, right = table.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines[-1].endswith(".") and all(x.endswith(";") for x in lines[:-1])
    assert right.paragraphs[0].text == "K/T TRƯỞNG BAN"
    assert right.paragraphs[-1].text == "Phạm Thị Thanh Hương"
    body = doc.element.body
    before = table._tbl.getprevious()
    assert before.tag == qn("w:p") and before.pPr.keepNext_val is True
    text = "".join(t.text for t in before.iter(qn("w:t")))
    assert text.endswith(profile.rules.text_end)
    assert body.index(table._tbl) < body.index(doc.tables[2]._tbl)


def test_appendix_table_repeats_its_header_and_rows_do_not_split(written) -> None:  # type: ignore[no-untyped-def]
    profile, _, doc, data = written
    table = doc.tables[2]
    rows = table._tbl.findall(qn("w:tr"))
    header = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert len(header) == 2 and rows[:2] == header
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    assert len(rows) == 2 + len(data.rows) + 1
    total = [c.text for c in table.rows[-1].cells]
    assert total[1] == "Tổng cộng"
    grid = sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol")))
    landscape_width = 297 - profile.page.left_mm - profile.page.right_mm
    assert abs(grid - dxa(landscape_width)) <= 5


def _dot(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _pct(part: int, total: int) -> str:
    value = (Decimal(part) * 100 / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{value}".replace(".", ",")
    return text.removesuffix(",00") + "%"


def test_figures_as_officials_write_them(written, demo) -> None:  # type: ignore[no-untyped-def]
    _, _, doc, _ = written
    db, _ = demo
    t = document_stats(db, rs.document_id(db, "01-CT/TU"), date(2026, 11, 30)).totals
    text = rs.all_text(doc).replace("\n", " ")
    assert t.members_total >= 1000  # so that the thousands separator shows
    assert (f"{_dot(t.cells_held)}/{_dot(t.cells_total)} chi bộ, đạt "
            f"{_pct(t.cells_held, t.cells_total)}") in text
    assert (f"{_dot(t.members_attending)}/{_dot(t.members_total)} đảng viên, đạt "
            f"{_pct(t.members_attending, t.members_total)}") in text
    # the appendix's "Tổng cộng" row equals the figures of section I
    total = [c.text for c in doc.tables[2].rows[-1].cells]
    assert total[2:8] == [_dot(t.cells_total), _dot(t.cells_held),
                          _pct(t.cells_held, t.cells_total), _dot(t.members_total),
                          _dot(t.members_attending),
                          _pct(t.members_attending, t.members_total)]


def test_blank_number_keeps_room_for_the_records_clerk(demo) -> None:  # type: ignore[no-untyped-def]
    db, folder = demo
    path = folder / "blank.docx"
    export_ket_qua(db, rs.document_id(db, "01-CT/TU"), path, KetQuaOptions(number=""))
    left = Document(str(path)).tables[0].rows[0].cells[0]
    assert left.paragraphs[-1].text == "Số       -BC/BTGDVTU"
    # and in the appendix's "(Kèm theo Báo cáo số …)", where the clerk writes it a second time
    notes = [p.text for p in Document(str(path)).paragraphs if p.text.startswith("(Kèm theo")]
    assert notes and notes[0].startswith("(Kèm theo Báo cáo số       -BC/BTGDVTU, ngày ")


def test_a_document_nobody_has_studied_yet_still_reads_well(demo) -> None:  # type: ignore[no-untyped-def]
    """No form reported: "với các hình thức: chưa có đơn vị báo cáo. Kết quả: …", never an
    empty list before the full stop."""
    db, folder = demo
    path = folder / "none-yet.docx"
    export_ket_qua(db, rs.document_id(db, "10-KH/TU"), path,
                   KetQuaOptions(report_date=date(2026, 11, 30)))
    text = rs.all_text(Document(str(path)))
    assert "hình thức: chưa có đơn vị báo cáo. Kết quả:" in text
    assert ": ." not in text


def test_appendix_totals_equal_the_stats_on_both_backends(db) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.demo import create_demo

    create_demo(db, orgs=200, documents=3, today=rs.TODAY)
    for doc_id in (rs.document_id(db, s) for s in ("01-CT/TU", "06-KL/TU")):
        data, profile = gather_ket_qua(db, doc_id, KetQuaOptions(report_date=rs.TODAY))
        stats = document_stats(db, doc_id, rs.TODAY)
        assert profile.id == "party-36"
        t = data.totals
        assert (t.cells_held, t.cells_total, t.members_attending, t.members_total) == (
            stats.totals.cells_held, stats.totals.cells_total,
            stats.totals.members_attending, stats.totals.members_total)
        assert data.must_report == stats.totals.must_report
        assert data.reported + len(data.pending) == data.must_report
        assert data.office.name_in_text == "Ban Tuyên giáo và Dân vận Tỉnh ủy Hà Sơn"


def test_progress_is_reported_and_the_bytes_are_a_docx(demo) -> None:  # type: ignore[no-untyped-def]
    db, folder = demo
    seen: list[float] = []
    export_ket_qua(db, rs.document_id(db, "06-KL/TU"), folder / "p.docx",
                   progress=lambda f, _m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    Document(io.BytesIO(Path(folder / "p.docx").read_bytes()))


def test_a_report_open_in_word_is_not_overwritten(demo, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:  # type: ignore[no-untyped-def]
    import errno
    import os

    from desktop.services.org_export import ExportFileError

    db, _ = demo
    path = tmp_path / "bc.docx"
    path.write_bytes(b"old contents")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(src),
                              None, str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportFileError, match="đang mở trong Word") as info:
        export_ket_qua(db, rs.document_id(db, "01-CT/TU"), path)
    assert "Thử lại" in info.value.message
    assert path.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bc.docx"]
