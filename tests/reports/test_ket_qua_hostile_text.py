"""Text that would break python-docx or Word — every C0 control character, DEL, C1, U+FFFE,
U+FFFF, decomposed (NFD) Vietnamese, XML specials — in organisation names, the tracking note,
the office's values and the clerk's section text: the report is written, opens, and holds
clean NFC text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from docx import Document
from sqlalchemy import text

from desktop.services.report_ket_qua import KetQuaOptions, export_ket_qua

from . import conformance as cf
from . import report_support as rs

HOSTILE = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\ufffe\uffff"
NFD_NAME = unicodedata.normalize("NFD", "Đảng bộ xã Hòa Thuận")


def test_hostile_text_exports_cleanly(tmp_path: Path) -> None:
    db = rs.demo_db(tmp_path / "demo.sqlite3", orgs=120)
    doc_id = rs.document_id(db, "01-CT/TU")
    with db.engine.begin() as con:  # straight into the tables, past the services' cleaning
        org_ids = [r[0] for r in con.execute(
            text("SELECT organisation_id FROM tracking WHERE document_id = :d ORDER BY id"),
            {"d": doc_id})]
        for i, org_id in enumerate(org_ids):
            con.execute(text("UPDATE organisations SET name = :n WHERE id = :i"),
                        {"n": f"{NFD_NAME}{HOSTILE}<&>\"' {i}", "i": org_id})
        con.execute(text("UPDATE tracking SET note = :n WHERE document_id = :d"),
                    {"n": f"ghi{HOSTILE}chú {NFD_NAME}", "d": doc_id})
        con.execute(text("UPDATE issuing_bodies SET place_name = :p WHERE is_own_office"),
                    {"p": unicodedata.normalize("NFD", "Hà Sơn") + "\x01\uffff"})
    options = KetQuaOptions(
        signer_name=unicodedata.normalize("NFD", "Phạm Thị Thanh Hương") + "\x0b\x1f",
        recipients=(f"Thường trực{HOSTILE} Tỉnh ủy (b/c);", NFD_NAME + ";"),
        sections={2: f"Đoạn một{HOSTILE}\n\n{NFD_NAME} <b>&amp;</b>\nĐoạn\x0bba"},
    )
    path = tmp_path / "hostile.docx"
    export_ket_qua(db, doc_id, path, options)
    db.close()

    doc = Document(str(path))  # opens
    cf.check_clean_xml(path)
    body = rs.all_text(doc)
    nfc = unicodedata.normalize("NFC", NFD_NAME)
    assert f"{nfc} <&>\"' 0" in body  # XML specials kept as text, escaped in the file
    assert "Hà Sơn, ngày" in body
    assert "Phạm Thị Thanh Hương" in body
    assert f"- {nfc}." in body and "- Thường trực Tỉnh ủy (b/c);" in body
    paragraphs = [p.text for p in doc.paragraphs]
    heading = next(i for i, p in enumerate(paragraphs) if p.startswith("II- "))
    # line breaks (LF, VT — Word's manual break —, FF…) start new paragraphs; blank ones go
    assert paragraphs[heading + 1:heading + 5] == [
        "Đoạn một", f"{nfc} <b>&amp;</b>", "Đoạn", "ba"]
    assert paragraphs[heading + 5].startswith("III- ")
    assert f"ghi chú {nfc}" in body
