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
