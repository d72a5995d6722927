"""Tests for desktop.services.docx_import: issued documents written with python-docx at test
time (Party and State regimes, header and closing tables, tabs, text boxes, NFD text, soft
line breaks) read back field by field, and broken or hostile files refused in Vietnamese."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from desktop.domain.errors import ValidationError
from desktop.services.docx_import import DocxDraft, read_docx
from desktop.services.docx_package import MAX_DOCX_BYTES

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

SAMPLE_RECIPIENTS = [
    "- Ban Tuyên giáo Trung ương (HN + T79);",
    "- Các Ban xây dựng Đảng Tỉnh ủy;",
    "- Các BCS Đảng; Đảng đoàn; BTV Tỉnh Đoàn;",
    "- Các đ/c UVBCH Đảng bộ tỉnh;",
    "- Các đảng bộ trực thuộc Tỉnh ủy;",
    "- Các ban, sở, ngành, đoàn thể CT-XH của tỉnh;",
    "- Hội Nhà báo tỉnh, Công an tỉnh;",
    "- Các cơ quan báo chí của tỉnh;",
    "- LĐVP, PTH;",
    "- Lưu Văn phòng Tỉnh ủy.",
]
EXCERPT_LINES = [
    "về việc định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội",
    "cho cán bộ, đảng viên, đoàn viên, hội viên",
    "các đoàn thể chính trị - xã hội trên địa bàn tỉnh",
]

# ------------------------------------------------------------------------------ builders

Spec = tuple[str, str]  # (text, flags: any of "b", "i", "u")


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _fill(container, specs: list[Spec], align=CENTER, first_in_cell: bool = True) -> None:  # type: ignore[no-untyped-def]
    for n, (text, flags) in enumerate(specs):
        p = container.paragraphs[0] if first_in_cell and n == 0 else container.add_paragraph()
        p.alignment = align
        if text:
            run = p.add_run(text)  # "\n" becomes a line break (Shift+Enter)
            run.bold, run.italic, run.underline = "b" in flags, "i" in flags, "u" in flags


def _para(doc, text: str, flags: str = "", align=JUSTIFY) -> None:  # type: ignore[no-untyped-def]
    _fill(doc, [(text, flags)], align=align, first_in_cell=False)


def _two_columns(doc, left: list[Spec], right: list[Spec], left_align=CENTER) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    _fill(table.cell(0, 0), left, align=left_align)
    _fill(table.cell(0, 1), right)


def party_header(doc, number: str = "Số 15-CT/TU", body: tuple[str, ...] = ("TỈNH ỦY HÀ SƠN",),  # type: ignore[no-untyped-def]
                 extra_left: list[Spec] | None = None,
                 date_line: str = "Hà Sơn, ngày 05 tháng 02 năm 2026") -> None:
    left: list[Spec] = [(body[0], "" if len(body) > 1 else "b")]
    left += [(b, "b") for b in body[1:]]
    left += [("*", ""), (number, "")] + (extra_left or [])
    _two_columns(doc, left, [("ĐẢNG CỘNG SẢN VIỆT NAM", "b"), ("", ""), (date_line, "i")])


def sample_body(doc) -> None:  # type: ignore[no-untyped-def]
    _para(doc, "")
    _para(doc, "CHỈ THỊ", "b", CENTER)
    for line in EXCERPT_LINES:
        _para(doc, line, "b", CENTER)
    _para(doc, "-----", "", CENTER)
    _para(doc, "Việc ứng dụng công nghệ thông tin, nhất là sự ra đời và phát triển của "
               "internet đã và đang mang lại những tiện ích vô cùng to lớn…")
    _para(doc, "1. Các cấp ủy Đảng, chính quyền, trước hết là bí thư các chi, đảng bộ cơ sở…",
          "b")
    _para(doc, "4.3. Giao Ban Tuyên giáo Tỉnh ủy theo dõi việc thực hiện; định kỳ hàng năm "
               "báo cáo Ban Thường vụ Tỉnh ủy.", "b")
    _para(doc, "Chỉ thị này được phổ biến đến chi bộ.")


SIGNATURE: list[Spec] = [("T/M BAN THƯỜNG VỤ", "b"), ("PHÓ BÍ THƯ THƯỜNG TRỰC", ""), ("", ""),
                         ("", ""), ("", ""), ("Trần Tuệ Hiền", "b")]


def directive(path: Path, closing: str) -> Path:
    """A Party directive modelled on the sample, its closing as a table or as paragraphs."""
    doc = Document()
    party_header(doc)
    sample_body(doc)
    recipients: list[Spec] = [("Nơi nhận:", "u")] + [(r, "") for r in SAMPLE_RECIPIENTS]
    if closing == "table":
        _two_columns(doc, recipients, SIGNATURE, left_align=WD_ALIGN_PARAGRAPH.LEFT)
    else:  # as the sample text: the list, then the signature under it
        _para(doc, "")
        for text, flags in recipients:
            _para(doc, text, flags, WD_ALIGN_PARAGRAPH.LEFT)
        _para(doc, "")
        for text, flags in SIGNATURE[:2] + [("He www", "")] + SIGNATURE[2:]:
            _para(doc, text, flags, CENTER)
    doc.save(str(path))
    return path


def _assert_directive(draft: DocxDraft) -> None:
    assert draft == DocxDraft(
        type_code="CT", type_name="Chỉ thị", number="15", symbol="CT/TU",
        issue_date=date(2026, 2, 5), place="Hà Sơn", issuing_body_symbol="TU",
        issuing_body_lines=["TỈNH ỦY HÀ SƠN"], excerpt=" ".join(EXCERPT_LINES),
        signer_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Trần Tuệ Hiền", recipient_lines=SAMPLE_RECIPIENTS, warnings=[],
        regime="party", addressees=[], scope="chi_bo",  # "…được phổ biến đến chi bộ."
    )


# ------------------------------------------------------------------------------ documents


@pytest.mark.parametrize("closing", ["table", "paragraphs"])
def test_party_directive_modelled_on_the_sample(tmp_path: Path, closing: str) -> None:
    _assert_directive(read_docx(directive(tmp_path / "ct.docx", closing)))


def test_state_decision_with_motto_soft_breaks_and_two_authority_lines(tmp_path: Path) -> None:
    doc = Document()
    _two_columns(
        doc,
        [("ỦY BAN NHÂN DÂN\nTỈNH HÀ SƠN", "b"), ("", ""), ("Số: 12/QĐ-UBND", "")],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"), ("Độc lập - Tự do - Hạnh phúc", "b"),
         ("", ""), ("Hà Sơn, ngày 05 tháng 01 năm 2026", "i")],
    )
    _para(doc, "QUYẾT ĐỊNH", "b", CENTER)
    _para(doc, "Về việc ban hành Kế hoạch thực hiện Chỉ thị số 15-CT/TU", "b", CENTER)
    _para(doc, "của Ban Thường vụ Tỉnh ủy", "b", CENTER)
    _para(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "b", CENTER)
    _para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", "i")
    _para(doc, "QUYẾT ĐỊNH:", "b", CENTER)
    _para(doc, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …", "b")
    _two_columns(
        doc,
        [("Nơi nhận:", "bi"), ("- Như trên;", ""), ("- Thường trực Tỉnh ủy (b/c);", ""),
         ("- Lưu: VT, VX.", "")],
        [("TM. ỦY BAN NHÂN DÂN", "b"), ("KT. CHỦ TỊCH", "b"), ("PHÓ CHỦ TỊCH", "b"),
         ("(Đã ký)", "i"), ("", ""), ("Trịnh Xuân Hòa", "b")],
        left_align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    doc.save(str(tmp_path / "qd.docx"))
    draft = read_docx(tmp_path / "qd.docx")
    assert draft == DocxDraft(
        type_code="QĐ", type_name="Quyết định", number="12", symbol="QĐ-UBND",
        issue_date=date(2026, 1, 5), place="Hà Sơn", issuing_body_symbol="UBND",
        issuing_body_lines=["ỦY BAN NHÂN DÂN", "TỈNH HÀ SƠN"],
        excerpt="Về việc ban hành Kế hoạch thực hiện Chỉ thị số 15-CT/TU của Ban Thường vụ "
                "Tỉnh ủy",
        signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH",
        signer_name="Trịnh Xuân Hòa",
        recipient_lines=["- Như trên;", "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT, VX."],
        warnings=[], regime="state", addressees=[],
    )


def test_party_cong_van_with_excerpt_under_the_number_and_a_tabbed_closing(
    tmp_path: Path,
) -> None:
    doc = Document()
    party_header(
        doc, number="Số 234-CV/BTGDVTU", body=("TỈNH ỦY HÀ SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN"),
        extra_left=[("V/v đôn đốc báo cáo kết quả học tập,", "i"),
                    ("quán triệt Chỉ thị số 15-CT/TU", "i")],
        date_line="Hà Sơn, ngày 10 tháng 3 năm 2026")
    _para(doc, "")
    _para(doc, "Kính gửi: Các đảng ủy trực thuộc Tỉnh ủy", "", CENTER)
    _para(doc, "Thực hiện Chỉ thị số 15-CT/TU, ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy …")
    _para(doc, "Nơi nhận:\t\t\tK/T TRƯỞNG BAN", "", WD_ALIGN_PARAGRAPH.LEFT)
    _para(doc, "- Như trên;\t\t\tPHÓ TRƯỞNG BAN", "", WD_ALIGN_PARAGRAPH.LEFT)
    _para(doc, "- Thường trực Tỉnh ủy (b/c);", "", WD_ALIGN_PARAGRAPH.LEFT)
    _para(doc, "- Lưu Văn phòng Ban.", "", WD_ALIGN_PARAGRAPH.LEFT)
    _para(doc, "", "", WD_ALIGN_PARAGRAPH.LEFT)
    _para(doc, "\t\t\tPhạm Thị Thanh Hương", "b", WD_ALIGN_PARAGRAPH.LEFT)
    doc.save(str(tmp_path / "cv.docx"))
    draft = read_docx(tmp_path / "cv.docx")
    assert (draft.type_code, draft.type_name, draft.number, draft.symbol) == (
        "CV", "Công văn", "234", "CV/BTGDVTU")
    assert draft.issuing_body_symbol == "BTGDVTU"
    assert draft.issuing_body_lines == ["TỈNH ỦY HÀ SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    assert draft.excerpt == ("V/v đôn đốc báo cáo kết quả học tập, quán triệt Chỉ thị số "
                             "15-CT/TU")
    assert (draft.issue_date, draft.place) == (date(2026, 3, 10), "Hà Sơn")
    assert draft.addressees == ["Các đảng ủy trực thuộc Tỉnh ủy"]
    assert draft.recipient_lines == ["- Như trên;", "- Thường trực Tỉnh ủy (b/c);",
                                     "- Lưu Văn phòng Ban."]
    assert (draft.signer_authority, draft.signer_title, draft.signer_name) == (
        "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phạm Thị Thanh Hương")
    assert draft.warnings == []


def test_state_cong_van_has_no_type_in_its_symbol(tmp_path: Path) -> None:
    doc = Document()
    _two_columns(
        doc,
        [("UBND TỈNH HÀ SƠN", ""), ("SỞ NỘI VỤ", "b"), ("", ""), ("Số: 1234/SNV-VP", ""),
         ("V/v đôn đốc báo cáo", "")],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"), ("Độc lập - Tự do - Hạnh phúc", "b"),
         ("Hà Sơn, ngày 29 tháng 6 năm 2026", "i")],
    )
    _para(doc, "Kính gửi:", "", CENTER)
    _para(doc, "- Các sở, ban, ngành;", "", CENTER)
    _para(doc, "- Ủy ban nhân dân các xã, phường.", "", CENTER)
    _two_columns(doc, [("Nơi nhận:", "bi"), ("- Như trên;", ""), ("- Lưu: VT, VP.", "")],
                 [("KT. GIÁM ĐỐC", "b"), ("PHÓ GIÁM ĐỐC", "b"), ("", ""),
                  ("Nguyễn Văn An", "b")])
    doc.save(str(tmp_path / "cv-state.docx"))
    draft = read_docx(tmp_path / "cv-state.docx")
    assert (draft.type_code, draft.number, draft.symbol, draft.issuing_body_symbol) == (
        "CV", "1234", "SNV-VP", "SNV")
    assert draft.issuing_body_lines == ["UBND TỈNH HÀ SƠN", "SỞ NỘI VỤ"]
    assert draft.excerpt == "V/v đôn đốc báo cáo"
    assert draft.issue_date == date(2026, 6, 29)
    assert draft.regime == "state"
    assert draft.addressees == ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
    assert (draft.signer_authority, draft.signer_title, draft.signer_name) == (
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An")
    assert draft.warnings == []


def test_nfd_text_and_soft_line_breaks_come_back_as_clean_nfc(tmp_path: Path) -> None:
    def nfd(s: str) -> str:
        return unicodedata.normalize("NFD", s)

    doc = Document()
    _two_columns(
        doc,
        [(nfd("TỈNH ỦY HÀ SƠN\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\nSố 07-KH/BTGDVTU"), "")],
        [(nfd("ĐẢNG CỘNG SẢN VIỆT NAM"), "b"),
         (nfd("Hà Sơn,\u00a0 ngày  09 tháng 02 năm 2026"), "i")],
    )
    _para(doc, nfd("KẾ HOẠCH\nhọc tập, quán triệt và triển khai thực hiện\nChỉ thị số 15-CT/TU"),
          "b", CENTER)
    _para(doc, "-----", "", CENTER)
    _para(doc, nfd("I- MỤC ĐÍCH, YÊU CẦU"), "b")
    _two_columns(doc, [(nfd("Nơi nhận:\n- Thường trực Tỉnh ủy (b/c),\n- Các đảng bộ trực "
                            "thuộc\nTỉnh ủy,\n- Lưu Văn phòng Ban."), "u")],
                 [(nfd("TRƯỞNG BAN\n\n\n\nHoàng Văn Nam"), "b")])
    doc.save(str(tmp_path / "kh.docx"))
    draft = read_docx(tmp_path / "kh.docx")
    assert (draft.type_code, draft.number, draft.symbol) == ("KH", "07", "KH/BTGDVTU")
    assert draft.issuing_body_lines == ["TỈNH ỦY HÀ SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    assert draft.excerpt == ("học tập, quán triệt và triển khai thực hiện Chỉ thị số "
                             "15-CT/TU")
    assert (draft.place, draft.issue_date) == ("Hà Sơn", date(2026, 2, 9))
    assert draft.recipient_lines == ["- Thường trực Tỉnh ủy (b/c),",
                                     "- Các đảng bộ trực thuộc Tỉnh ủy,",
                                     "- Lưu Văn phòng Ban."]
    assert (draft.signer_authority, draft.signer_title, draft.signer_name) == (
        "", "TRƯỞNG BAN", "Hoàng Văn Nam")
    for value in (draft.excerpt, draft.place, draft.signer_name, *draft.issuing_body_lines,
                  *draft.recipient_lines):
        assert unicodedata.is_normalized("NFC", value), value
    assert draft.warnings == []


def _text_box(paragraph, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>"
                   for t in lines)
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        f'<v:shape style="width:200pt;height:80pt"><v:textbox><w:txbxContent>{body}'
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))


def test_header_drawn_in_text_boxes_and_a_blank_number(tmp_path: Path) -> None:
    doc = Document()
    anchor = doc.add_paragraph()
    _text_box(anchor, ["TỈNH ỦY HÀ SƠN", "*", "Số      -TB/TU"])
    _text_box(anchor, ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Sơn, ngày    tháng 02 năm 2026"])
    _para(doc, "THÔNG BÁO", "b", CENTER)
    _para(doc, "kết luận của Thường trực Tỉnh ủy", "b", CENTER)
    _para(doc, "Ngày …, Thường trực Tỉnh ủy đã họp …")
    doc.save(str(tmp_path / "tb.docx"))
    draft = read_docx(tmp_path / "tb.docx")
    assert (draft.type_code, draft.number, draft.symbol, draft.regime) == (
        "TB", "", "TB/TU", "party")
    assert draft.issuing_body_lines == ["TỈNH ỦY HÀ SƠN"]
    assert draft.excerpt == "kết luận của Thường trực Tỉnh ủy"
    assert (draft.place, draft.issue_date) == ("Hà Sơn", None)
    assert draft.warnings == [
        "Văn bản chưa ghi số (chỗ số trước «TB/TU» để trống) — nhập số khi văn thư đã cấp số.",
        "Ngày ban hành chưa ghi đủ hoặc không hợp lệ (ngày … tháng 2 năm 2026) — nhập tay "
        "ngày ban hành.",
        "Không tìm thấy mục «Nơi nhận:» — nhập các nơi nhận bằng tay.",
        "Không tìm thấy khối chữ ký (thẩm quyền, chức vụ, họ tên người ký) — nhập tay.",
    ]


def test_an_odd_document_gives_warnings_not_an_error(tmp_path: Path) -> None:
    doc = Document()
    _para(doc, "Biên bản họp chi bộ tháng 3 (bản nháp, chưa có thể thức).")
    doc.save(str(tmp_path / "odd.docx"))
    draft = read_docx(tmp_path / "odd.docx")
    assert (draft.type_code, draft.number, draft.issue_date, draft.recipient_lines) == (
        "", "", None, [])
    assert draft.warnings == [
        "Không tìm thấy tên loại văn bản (CHỈ THỊ, KẾ HOẠCH, …) và không suy ra được từ ký "
        "hiệu — chọn loại văn bản bằng tay.",
        "Không tìm thấy dòng số, ký hiệu (ví dụ «Số 15-CT/TU» hoặc «Số: 12/QĐ-UBND») — "
        "nhập tay số và ký hiệu.",
        "Không tìm thấy dòng địa danh, ngày tháng (ví dụ «Hà Sơn, ngày 05 tháng 02 năm "
        "2026») — nhập tay ngày ban hành.",
        "Không tìm thấy tên cơ quan ban hành ở đầu văn bản — kiểm tra lại.",
        "Không tìm thấy trích yếu của văn bản — nhập tay.",
        "Không tìm thấy mục «Nơi nhận:» — nhập các nơi nhận bằng tay.",
        "Không tìm thấy khối chữ ký (thẩm quyền, chức vụ, họ tên người ký) — nhập tay.",
        "Không xác định được văn bản của Đảng hay văn bản hành chính (thiếu tiêu đề «ĐẢNG "
        "CỘNG SẢN VIỆT NAM» hoặc Quốc hiệu).",
    ]


def test_title_and_symbol_that_disagree_are_flagged(tmp_path: Path) -> None:
    doc = Document()
    party_header(doc, number="Số 16-KH/TU")
    sample_body(doc)
    doc.save(str(tmp_path / "mismatch.docx"))
    draft = read_docx(tmp_path / "mismatch.docx")
    assert draft.type_code == "CT"
    assert "Tên loại «CHỈ THỊ» khác loại trong ký hiệu «KH/TU» — kiểm tra lại." in draft.warnings


# ------------------------------------------------------------------------------ broken files


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _docx_with(tmp_path: Path, replace: dict[str, bytes]) -> Path:
    source = directive(tmp_path / "src.docx", "table")
    with zipfile.ZipFile(source) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members.update(replace)
    return _zip(tmp_path / "changed.docx", members)


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000


@pytest.mark.parametrize(("make", "expected"), [
    (lambda d: _write(d / "cu.doc", OLE2), "là tệp Word 97-2003 (.doc) hoặc tệp Word có đặt mật "
     "khẩu"),
    (lambda d: _write(d / "rac.docx", bytes(range(256)) * 40), "không phải tệp Word .docx"),
    (lambda d: _write(d / "rong.docx", b""), "rỗng (0 byte)"),
    (lambda d: _write(d / "van-ban.docx", b"%PDF-1.7\n..."), "là tệp PDF"),
    (lambda d: _write(d / "van-ban.doc", b"{\\rtf1\\ansi ...}"), "là tệp RTF"),
    (lambda d: _write(d / "web.doc", b"<html><body>x</body></html>"), "là trang web"),
    (lambda d: _zip(d / "nen.docx", {"hello.txt": b"xin chao"}), "là tệp nén nhưng không phải "
     "văn bản Word (thiếu phần word/document.xml)"),
    (lambda d: _zip(d / "bang.docx", {"[Content_Types].xml": b"<Types/>",
                                      "xl/workbook.xml": b"<workbook/>"}),
     "là bảng tính Excel"),
    (lambda d: _zip(d / "bom.docx", {"[Content_Types].xml": b"<Types/>",
                                     "word/document.xml": b"\0" * (20 * 1024 * 1024)}),
     "có cấu trúc bất thường (nén quá mức)"),
    (lambda d: _docx_with(d, {"word/document.xml": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        b'"&lol;&lol;&lol;&lol;">]><w:document>&lol2;</w:document>')}),
     "khai báo DTD/ENTITY trong XML"),
    (lambda d: _docx_with(d, {"word/document.xml": (
        b'<?xml version="1.0"?>' + b"<!--" + b"x" * 70_000 + b"-->"
        b'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document>&e;</w:document>')}),
     "khai báo DTD/ENTITY trong XML"),
    (lambda d: _docx_with(d, {"word/document.xml": b"<w:document><w:body><w:p>"}),
     "bị hỏng hoặc không phải văn bản Word .docx hợp lệ"),
    (lambda d: _docx_with(d, {"[Content_Types].xml": (
        b'<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-'
        b'word.document.macroEnabled.main+xml"/></Types>')}), "là văn bản Word có macro"),
])
def test_broken_or_foreign_files_are_refused_with_what_to_do(tmp_path: Path, make,  # type: ignore[no-untyped-def]
                                                             expected: str) -> None:
    path = make(tmp_path)
    with pytest.raises(ValidationError) as err:
        read_docx(path)
    message = str(err.value)
    assert f"«{path.name}»" in message
    assert expected in message
    assert err.value.field == "path"


def test_truncated_missing_huge_and_empty_documents(tmp_path: Path) -> None:
    whole = directive(tmp_path / "ct.docx", "table").read_bytes()
    cut = _write(tmp_path / "cut.docx", whole[: len(whole) // 2])
    with pytest.raises(ValidationError, match="bị hỏng hoặc chưa tải về đầy đủ"):
        read_docx(cut)
    with pytest.raises(ValidationError, match="không tồn tại"):
        read_docx(tmp_path / "khong-co.docx")
    with pytest.raises(ValidationError, match="là một thư mục"):
        read_docx(tmp_path)
    huge = tmp_path / "lon.docx"
    with huge.open("wb") as f:
        f.write(whole[:4])
        f.truncate(MAX_DOCX_BYTES + 1)  # sparse: nothing is really written
    with pytest.raises(ValidationError, match=r"quá lớn \(30,0 MB, tối đa 30,0 MB\)"):
        read_docx(huge)
    Document().save(str(tmp_path / "trong.docx"))
    with pytest.raises(ValidationError, match="không có chữ nào"):
        read_docx(tmp_path / "trong.docx")


def test_python_docx_is_not_imported_until_a_file_is_read() -> None:
    code = ("import sys, desktop.services.docx_import, desktop.services.recipients; "
            "print('docx' in sys.modules, 'lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]
