"""Hostile text — every C0 control character, DEL, C1, U+FFFE, U+FFFF, decomposed (NFD)
Vietnamese, XML specials — in organisation names, tracking notes, the office's values, the
signer and the "Nơi nhận" lines: every output of the registry is written, opens, and holds
clean NFC text (the per-organisation letters too, whose names are put in after rendering)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from docx import Document
from sqlalchemy import text

from desktop.services.report_outputs import ReportRequest, export

from . import conformance as cf
from . import report_support as rs

HOSTILE = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\ufffe\uffff"
NFD_NAME = unicodedata.normalize("NFD", "Đảng bộ xã Hòa Thuận")
NFC_NAME = unicodedata.normalize("NFC", NFD_NAME)


def test_hostile_text_in_every_output(tmp_path: Path) -> None:
    db = rs.demo_db(tmp_path / "demo.sqlite3", orgs=120)
    doc_id = rs.make_late(db, "06-KL/TU", 2)
    with db.engine.begin() as con:  # straight into the tables, past the services' cleaning
        org_ids = [r[0] for r in con.execute(
            text("SELECT organisation_id FROM tracking WHERE document_id = :d ORDER BY id"),
            {"d": doc_id})]
        for i, org_id in enumerate(org_ids):
            con.execute(text("UPDATE organisations SET name = :n WHERE id = :i"),
                        {"n": f"{NFD_NAME}{HOSTILE}<&>\"' {i}", "i": org_id})
        con.execute(text("UPDATE tracking SET note = :n"), {"n": f"ghi{HOSTILE}chú"})
        con.execute(text("UPDATE issuing_bodies SET place_name = :p WHERE is_own_office"),
                    {"p": unicodedata.normalize("NFD", "Hà Sơn") + "\x01\uffff"})
    common = dict(report_date=rs.TODAY, number="5",
                  signer_name=unicodedata.normalize("NFD", "Phạm Thị Thanh Hương") + "\x0b",
                  recipients=(f"Thường trực{HOSTILE} Tỉnh ủy (b/c);", NFD_NAME + ";"))
    requests = {
        "dd.docx": ReportRequest("don-doc", document_id=doc_id, **common),
        "po.docx": ReportRequest("don-doc", document_id=doc_id, letters="per-org", **common),
        "files": ReportRequest("don-doc", document_id=doc_id, letters="per-org-files",
                               **common),
        "hn.docx": ReportRequest("hang-nam", year=2026, **common),
        "std.docx": ReportRequest("so-theo-doi", document_id=doc_id, **common),
        "svbd.docx": ReportRequest("so-van-ban-di", period_start=date(2026, 1, 1),
                                   period_end=date(2026, 12, 31), **common),
    }
    paths = []
    for name, request in requests.items():
        paths += export(db, request, tmp_path / name).paths
    db.close()
    assert len(paths) == 7
    for path in paths:
        cf.check_clean_xml(path)
        body = rs.all_text(Document(str(path)))  # opens
        assert "Hà Sơn, ngày" in body and "\ufffd" not in body
    letters = rs.all_text(Document(str(tmp_path / "po.docx")))
    assert f"Kính gửi: {NFC_NAME} <&>\"' " in letters
    assert f"- {NFC_NAME}." in letters and "- Thường trực Tỉnh ủy (b/c);" in letters
    register = rs.all_text(Document(str(tmp_path / "std.docx")))
    assert f"{NFC_NAME} <&>\"' 0" in register
    files = sorted(p.name for p in (tmp_path / "files").iterdir())
    assert all(n.isascii() and n.startswith("CongVanDonDoc_06-KL-TU_") for n in files)
    assert any("Dang-bo-xa-Hoa-Thuan" in n for n in files)
