"""A demo province and the "Báo cáo kết quả" written from it, shared by the report tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import list_documents

TODAY = date(2026, 11, 30)


def demo_db(path: Path, orgs: int = 300, documents: int = 3) -> Database:
    db = Database.open(str(path), actor="kiem-thu")
    create_demo(db, orgs=orgs, documents=documents, today=TODAY)
    return db


def document_id(db: Database, number_symbol: str) -> int:
    return next(d.id for d in list_documents(db) if d.number_symbol == number_symbol)


def all_text(doc) -> str:  # type: ignore[no-untyped-def]
    """Every w:t of the body (paragraphs and tables, in order), joined by newlines."""
    from docx.oxml.ns import qn

    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                     for p in doc.element.body.iter(qn("w:p")))


def make_late(db: Database, number_symbol: str, n: int = 3) -> int:
    """Take back the reports of ``n`` organisations (straight in the table), so that they are
    late with their report on the document; returns the document's id."""
    from sqlalchemy import text

    doc_id = document_id(db, number_symbol)
    with db.engine.begin() as con:
        ids = [r[0] for r in con.execute(text(
            "SELECT DISTINCT tracking_id FROM tracking_reports WHERE document_id = :d "
            "ORDER BY tracking_id LIMIT :n"), {"d": doc_id, "n": n})]
        con.execute(text("DELETE FROM tracking_reports WHERE tracking_id IN "
                         f"({','.join(map(str, ids))})"))
    return doc_id
