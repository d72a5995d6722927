"""The công văn đôn đốc (one letter and one per organisation), the annual report and the two
registers through LibreOffice: pages, page numbers, header lines, the signature on the page of
the last paragraph, the figures in the text (pdftotext). One conversion for the module; skips
without LibreOffice, fails in CI (``pdf_support.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.report_ket_qua import KetQuaOptions, gather_ket_qua
from desktop.services.report_outputs import ReportRequest, export
from desktop.services.stats import document_stats

from . import pdf_support as pdf
from . import report_support as rs

LATE = 3


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pdf.require_soffice()
    folder = tmp_path_factory.mktemp("outputs-pdf")
    db = rs.demo_db(folder / "demo.sqlite3")
    doc_id = rs.make_late(db, "06-KL/TU", LATE)
    day = dict(report_date=rs.TODAY)
    requests = {
        "don-doc": ReportRequest("don-doc", document_id=doc_id, number="7", **day),
        "per-org": ReportRequest("don-doc", document_id=doc_id, letters="per-org", **day),
        "hang-nam": ReportRequest("hang-nam", year=2026, **day),
        "so-theo-doi": ReportRequest("so-theo-doi", document_id=doc_id, **day),
        "so-van-ban-di": ReportRequest("so-van-ban-di", period_start=date(2026, 1, 1),
                                       period_end=date(2026, 12, 31), **day),
    }
    files = [export(db, r, folder / f"{k}.docx").paths[0] for k, r in requests.items()]
    data, _ = gather_ket_qua(db, doc_id, KetQuaOptions(report_date=rs.TODAY))
    stats = document_stats(db, doc_id, rs.TODAY).totals
    db.close()
    pdfs = pdf.to_pdf(files, folder / "pdf", folder / "lo-profile")
    pages = {k: pdf.pages_text(p) for k, p in zip(requests, pdfs, strict=True)}
    for key, path in zip(requests, pdfs, strict=True):
        assert pdf.page_count(path) == len(pages[key])
    return pages, data, stats


def _numbers(pages: list[str]) -> list[str | None]:
    tops = [pdf.lines_of(p)[0] for p in pages]
    return [top if top.isdigit() else None for top in tops]


def _header_ok(page: str) -> None:
    first = pdf.lines_of(page)
    for line in ("ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY HÀ SƠN", "BAN TUYÊN GIÁO VÀ", "DÂN VẬN"):
        assert line in first, (line, first[:12])


def test_don_doc_letter_then_its_list(converted) -> None:  # type: ignore[no-untyped-def]
    pages, data, _ = converted
    letter = pages["don-doc"]
    assert len(letter) == 2 and _numbers(letter) == [None, None]  # the list restarts at 1
    _header_ok(letter[0])
    flat = " ".join(pdf.lines_of(letter[0]))
    assert "Số 07-CV/BTGDVTU" in flat and "Kính gửi: Các đơn vị có tên trong danh sách" in flat
    assert f"{data.reported}/{data.must_report} đơn vị" in flat
    for text in ("Nơi nhận:", "K/T TRƯỞNG BAN", "Phạm Thị Thanh Hương", "Quá thời hạn trên"):
        assert text in letter[0], text  # the signature on the page of the last paragraph
    assert "DANH SÁCH CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO" in letter[1]
    for org in data.pending[:LATE]:
        assert org.name in letter[1]


def test_one_page_per_organisation(converted) -> None:  # type: ignore[no-untyped-def]
    pages, data, _ = converted
    letters = pages["per-org"]
    assert len(letters) == LATE and _numbers(letters) == [None] * LATE
    for page, org in zip(letters, data.pending[:LATE], strict=True):
        _header_ok(page)
        assert f"Kính gửi: {org.name}." in " ".join(pdf.lines_of(page))
        assert "Phạm Thị Thanh Hương" in page


def test_annual_report_and_its_summary(converted) -> None:  # type: ignore[no-untyped-def]
    pages, _, _ = converted
    report = pages["hang-nam"]
    _header_ok(report[0])
    appendix = next(i for i, p in enumerate(report) if "BIỂU TỔNG HỢP KẾT QUẢ" in p)
    assert appendix == len(report) - 1 == 2
    assert _numbers(report) == [None, "2", None]
    last = next(i for i, p in enumerate(report) if "Trên đây là báo cáo" in p)
    assert "Nơi nhận:" in report[last] and "Phạm Thị Thanh Hương" in report[last]
    assert "Tổng cộng" in report[appendix] and "06-KL/TU" in report[appendix]


def test_tracking_register_pages_repeat_the_header(converted) -> None:  # type: ignore[no-untyped-def]
    pages, _, stats = converted
    register = pages["so-theo-doi"]
    assert len(register) >= 2
    assert _numbers(register)[:3] == [None, "2", "3"]
    assert "SỔ THEO DÕI" in register[0]
    for page in register[1:]:
        assert "Tình trạng" in page and "Đơn vị" in page  # the header rows repeated
    assert f"{stats.recipients}" in register[-1]  # the last line's number
    flat = " ".join(register)
    assert "Đảng bộ phường Hà Sơn" in flat


def test_outgoing_register(converted) -> None:  # type: ignore[no-untyped-def]
    pages, _, _ = converted
    register = pages["so-van-ban-di"]
    assert len(register) == 1
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in register[0] and "07-CV/BTGDVTU" in register[0]
