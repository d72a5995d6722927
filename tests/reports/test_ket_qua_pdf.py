"""The "Báo cáo kết quả" through LibreOffice: what a printed page shows (pdftotext).

One conversion per module (both profiles in one soffice call). Skips without LibreOffice,
fails in CI (``tests/reports/pdf_support.py``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.numbers import format_ratio
from desktop.services.report_ket_qua import KetQuaOptions, export_ket_qua
from desktop.services.stats import document_stats

from . import pdf_support as pdf
from . import report_support as rs


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pdf.require_soffice()
    folder = tmp_path_factory.mktemp("kq-pdf")
    db = rs.demo_db(folder / "demo.sqlite3")
    doc_id = rs.document_id(db, "01-CT/TU")
    files = []
    for profile in ("party-36", "state-30"):
        path = folder / f"{profile}.docx"
        export_ket_qua(db, doc_id, path, KetQuaOptions(report_date=date(2026, 11, 30),
                                                       number="7", profile=profile))
        files.append(path)
    stats = document_stats(db, doc_id, date(2026, 11, 30)).totals
    db.close()
    pdfs = pdf.to_pdf(files, folder / "pdf", folder / "lo-profile")
    return dict(zip(("party-36", "state-30"), pdfs, strict=True)), stats


@pytest.mark.parametrize("profile", ["party-36", "state-30"])
def test_pages_header_lines_signature_and_figures(converted, profile: str) -> None:  # type: ignore[no-untyped-def]
    pdfs, stats = converted
    path: Path = pdfs[profile]
    pages = pdf.pages_text(path)
    assert pdf.page_count(path) == len(pages)
    first = pdf.lines_of(pages[0])
    title = "ĐẢNG CỘNG SẢN VIỆT NAM" if profile == "party-36" else \
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert title in first  # on one line, not wrapped
    for line in ("TỈNH ỦY HÀ SƠN", "BAN TUYÊN GIÁO VÀ", "DÂN VẬN"):
        assert line in first, (line, first[:12])
    # the report is two pages, then the appendix (its own numbering) on landscape pages
    appendix = next(i for i, p in enumerate(pages) if "BIỂU TỔNG HỢP KẾT QUẢ" in p)
    assert appendix == 2
    assert len(pages) == 4
    tops = [pdf.lines_of(p)[0] for p in pages]  # the page number, when shown, is the top line
    numbers = [top if top.isdigit() else None for top in tops]
    assert numbers == [None, "2", None, "2"]
    # the signature block is on the page of the last paragraph
    last = next(i for i, p in enumerate(pages) if "Trên đây là báo cáo" in p)
    for text in ("Nơi nhận:", "K/T TRƯỞNG BAN", "Phạm Thị Thanh Hương"):
        assert text in pages[last], text
    flat = " ".join(" ".join(pdf.lines_of(p)) for p in pages[:2])
    assert format_ratio(stats.cells_held, stats.cells_total, "chi bộ") in flat
    members = format_ratio(stats.members_attending, stats.members_total, "đảng viên")
    assert members in flat or members.replace(" đảng", "\nđảng") in " ".join(pages[:2])
    assert "Tổng cộng" in pages[appendix] + pages[appendix + 1]
    assert "DANH SÁCH CÁC ĐƠN VỊ CHƯA BÁO CÁO" in "".join(pages[appendix:])
