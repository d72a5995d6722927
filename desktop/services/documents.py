"""Reading the document register (its editing comes with the registers issue)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.text import LIKE_ESCAPE, fold, search_pattern
from desktop.services.database import Database
from desktop.services.dto import DocumentRow
from desktop.store import models as m


def _row(doc: m.Document) -> DocumentRow:
    body = doc.issuing_body
    return DocumentRow(
        id=doc.id,
        type_code=doc.type.code,
        type_name=doc.type.name,
        number=doc.number,
        symbol=doc.symbol,
        issue_date=doc.issue_date,
        excerpt=doc.excerpt,
        issuing_body=body.name.replace("\n", " ") if body else "",
        scope=doc.scope,
        parent_id=doc.parent_id,
        regime=body.regime if body else "party",
    )


def list_documents(
    db: Database,
    search: str | None = None,
    *,
    type_code: str | None = None,
    year: int | None = None,
    issuing_body_id: int | None = None,
    parent_id: int | None = None,
) -> list[DocumentRow]:
    """Documents, newest first; ``search`` ignores case, accents and punctuation.

    The filters narrow the list to one document type (its code, e.g. "CT"), one year of issue,
    one issuing body, or the documents issued under one parent document.
    """
    doc = m.Document
    stmt = select(doc).order_by(doc.issue_date.desc(), doc.id.desc())
    if search and fold(search):
        stmt = stmt.where(doc.search_key.like(search_pattern(search), escape=LIKE_ESCAPE))
    if type_code:
        stmt = stmt.join(m.DocumentType, m.DocumentType.id == doc.type_id).where(
            m.DocumentType.code == type_code)
    if year is not None:
        stmt = stmt.where(doc.issue_date >= date(year, 1, 1), doc.issue_date <= date(year, 12, 31))
    if issuing_body_id is not None:
        stmt = stmt.where(doc.issuing_body_id == issuing_body_id)
    if parent_id is not None:
        stmt = stmt.where(doc.parent_id == parent_id)
    with db.read() as s:
        return [_row(d) for d in s.scalars(stmt).unique()]


def find_document(db: Database, reference: str) -> DocumentRow:
    """The document written as "15-CT/TU" (or "15 ct tu", or its database id "#12")."""
    with db.read() as s:
        if reference.startswith("#") and reference[1:].isdigit():
            doc = s.get(m.Document, int(reference[1:]))
            if doc is None:
                raise NotFoundError(f"Không có văn bản mã số {reference}.")
            return _row(doc)
        key = fold(reference)
        if not key:
            raise ValidationError("Chưa nhập số, ký hiệu văn bản (ví dụ 15-CT/TU).", "document")
        docs = list(s.scalars(select(m.Document).where(m.Document.number_key == key)).unique())
    if not docs:
        raise NotFoundError(
            f"Không tìm thấy văn bản «{reference}». Xem danh sách bằng lệnh "
            "«theodoi-cli documents list» và ghi đúng số, ký hiệu (ví dụ 15-CT/TU)."
        )
    if len(docs) > 1:
        listed = "; ".join(f"#{d.id} ngày {d.issue_date:%d/%m/%Y}" for d in docs if d.issue_date)
        raise ValidationError(
            f"Có {len(docs)} văn bản cùng số, ký hiệu «{reference}» ({listed}). "
            "Ghi mã số của văn bản, ví dụ #12.",
            "document",
        )
    return _row(docs[0])
