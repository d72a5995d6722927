"""The document register: create, edit, delete and read one tracked document.

Inputs are frozen dataclasses (:class:`DocumentInput` with its :class:`DeadlineInput` and
:class:`RecipientLineInput` items); the result is a :class:`DocumentDetail` (both defined in
:mod:`~desktop.services.document_dto` and exported from here). Checking lives in
:mod:`~desktop.services.document_validation` (fields, number and symbol per regime, duplicates),
the number rules in :mod:`~desktop.services.document_numbers`.

Editing is optimistic: the caller passes the ``version`` it read; a stale one raises
:class:`~desktop.domain.errors.ConflictError` and nothing changes. Deadlines and recipient lines
are replaced as given; a deadline that stays (same kind, matched by date then by order) keeps its
id, so the reports answering it stay linked, and a deadline that reports answer cannot be
removed. A deadline is a date or "N working days after the issue / after each organisation's
receipt"; the latter's ``due_date`` is counted from the issue date, again on every edit.
Recipients are turned into tracking rows by
:func:`~desktop.services.tracking_setup.sync_tracking` — on creation through
:func:`create_and_track` in the same transaction; after an edit the caller runs it (it may find
organisations that are no longer recipients but hold data, which the clerk decides about).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import DeadlineKind
from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services.attachments import attachments_of, remove_files
from desktop.services.database import Database
from desktop.services.document_dto import (
    DeadlineInput,
    DeadlineRow,
    DocumentDetail,
    DocumentInput,
    DocumentRef,
    RecipientLineInput,
    RecipientLineRow,
)
from desktop.services.document_numbers import format_number_symbol
from desktop.services.document_validation import (
    CheckedDeadline,
    CheckedDocument,
    check_document,
    check_duplicate,
)
from desktop.services.tracking_setup import SyncResult, data_entered, sync_tracking_in
from desktop.store import models as m
from desktop.store.models import utcnow

__all__ = [
    "DeadlineInput",
    "DeadlineRow",
    "DocumentDetail",
    "DocumentInput",
    "DocumentRef",
    "RecipientLineInput",
    "RecipientLineRow",
    "create_and_track",
    "create_document",
    "delete_document",
    "get_document",
    "update_document",
]


def _regime_of(doc: m.Document) -> str:
    return doc.issuing_body.regime if doc.issuing_body is not None else "party"


def _ref(doc: m.Document) -> DocumentRef:
    return DocumentRef(doc.id, doc.type.code, doc.type.name,
                       format_number_symbol(doc.number, doc.symbol, _regime_of(doc)),
                       doc.issue_date, doc.excerpt)


def _detail(s: Session, doc: m.Document) -> DocumentDetail:
    body = doc.issuing_body
    line, group, org = m.DocumentRecipientLine, m.OrgGroup, m.Organisation
    lines = s.execute(
        select(line.id, line.position, line.text, line.group_id, line.organisation_id,
               func.coalesce(group.name, org.name, ""))
        .outerjoin(group, group.id == line.group_id)
        .outerjoin(org, org.id == line.organisation_id)
        .where(line.document_id == doc.id)
        .order_by(line.position, line.id)
    ).all()
    children = s.scalars(
        select(m.Document).where(m.Document.parent_id == doc.id)
        .order_by(m.Document.issue_date, m.Document.id)
    ).unique()
    parent = s.get(m.Document, doc.parent_id) if doc.parent_id is not None else None
    tracking = s.scalar(select(func.count()).select_from(m.Tracking)
                        .where(m.Tracking.document_id == doc.id))
    return DocumentDetail(
        id=doc.id, type_code=doc.type.code, type_name=doc.type.name, number=doc.number,
        symbol=doc.symbol, regime=_regime_of(doc), issue_date=doc.issue_date,
        issuing_body_id=doc.issuing_body_id,
        issuing_body=" ".join(body.name.split()) if body else "",
        issuing_body_symbol=body.symbol if body else "", excerpt=doc.excerpt,
        signer_authority=doc.signer_authority, signer_title=doc.signer_title,
        signer_name=doc.signer_name, urgency=doc.urgency, confidentiality=doc.confidentiality,
        scope=doc.scope, parent_id=doc.parent_id, note=doc.note, version=doc.version,
        parent=_ref(parent) if parent is not None else None,
        deadlines=tuple(
            DeadlineRow(d.id, d.kind, d.due_date, d.label, d.period, d.depth, d.working_days,
                        d.counted_from)
            for d in sorted(doc.deadlines, key=lambda d: (d.due_date, d.id))
        ),
        recipient_lines=tuple(RecipientLineRow(*row) for row in lines),
        attachments=tuple(attachments_of(s, doc.id)),
        children=tuple(_ref(c) for c in children),
        tracking_rows=int(tracking or 0),
    )


def _load(s: Session, document_id: int) -> m.Document:
    doc = s.get(m.Document, document_id)
    if doc is None:
        raise NotFoundError(f"Không có văn bản mã số #{document_id}; có thể nó vừa bị xóa.")
    return doc


def get_document(db: Database, document_id: int) -> DocumentDetail:
    with db.read() as s:
        return _detail(s, _load(s, document_id))


# --------------------------------------------------------------------------- writing


def _apply(doc: m.Document, c: CheckedDocument) -> None:
    for name in ("type_id", "number", "symbol", "issue_date", "issuing_body_id", "excerpt",
                 "signer_authority", "signer_title", "signer_name", "urgency",
                 "confidentiality", "scope", "parent_id", "note"):
        if getattr(doc, name) != getattr(c, name):
            setattr(doc, name, getattr(c, name))


def _write_lines(s: Session, doc: m.Document, c: CheckedDocument) -> None:
    old = list(s.scalars(select(m.DocumentRecipientLine)
                         .where(m.DocumentRecipientLine.document_id == doc.id)))
    current = [(r.text, r.group_id, r.organisation_id) for r in sorted(old,
                                                                       key=lambda r: r.position)]
    if current == [(x.text, x.group_id, x.organisation_id) for x in c.lines]:
        return
    for r in old:
        s.delete(r)
    s.add_all(m.DocumentRecipientLine(document_id=doc.id, position=i, text=x.text,
                                      group_id=x.group_id, organisation_id=x.organisation_id)
              for i, x in enumerate(c.lines, 1))


_DEADLINE_FIELDS = ("kind", "due_date", "label", "period", "depth", "working_days",
                    "counted_from")


def _pair_deadlines(
    old: list[m.Deadline], new: tuple[CheckedDeadline, ...]
) -> tuple[list[tuple[m.Deadline, CheckedDeadline]], list[m.Deadline], list[CheckedDeadline]]:
    """(kept pairs, old ones to remove, new ones to add): same kind and date first, then same
    kind in date order."""
    old_left = sorted(old, key=lambda d: (d.due_date, d.id))
    new_left = list(new)
    pairs = []
    for n in list(new_left):
        match = next((o for o in old_left if o.kind == n.kind and o.due_date == n.due_date), None)
        if match is not None:
            pairs.append((match, n))
            old_left.remove(match)
            new_left.remove(n)
    for n in list(new_left):
        match = next((o for o in old_left if o.kind == n.kind), None)
        if match is not None:
            pairs.append((match, n))
            old_left.remove(match)
            new_left.remove(n)
    return pairs, old_left, new_left


def _write_deadlines(s: Session, doc: m.Document, c: CheckedDocument, ref: str) -> None:
    pairs, removed, added = _pair_deadlines(list(doc.deadlines), c.deadlines)
    for old in removed:
        answered = s.scalar(select(func.count()).select_from(m.TrackingReport)
                            .where(m.TrackingReport.deadline_id == old.id))
        if answered:
            raise ValidationError(
                f"Không bỏ được {DeadlineKind(old.kind).label.lower()} ngày "
                f"{old.due_date:%d/%m/%Y} của văn bản {ref}: đã có {answered} báo cáo trả lời "
                "hạn này. Hãy sửa ngày của hạn thay vì xóa.", "deadlines")
        doc.deadlines.remove(old)
    for old, new in pairs:
        for name in _DEADLINE_FIELDS:
            if getattr(old, name) != getattr(new, name):
                setattr(old, name, getattr(new, name))
    for new in added:
        doc.deadlines.append(m.Deadline(**{name: getattr(new, name)
                                           for name in _DEADLINE_FIELDS}))


def _create(s: Session, inp: DocumentInput) -> m.Document:
    c = check_document(s, inp)
    check_duplicate(s, c)
    doc = m.Document()
    _apply(doc, c)
    s.add(doc)
    s.flush()
    _write_deadlines(s, doc, c, c.number_symbol)
    _write_lines(s, doc, c)
    s.flush()
    return doc


def create_document(db: Database, inp: DocumentInput) -> DocumentDetail:
    """Check and write a new document with its deadlines and recipient lines."""
    with db.transaction() as s:
        doc = _create(s, inp)
        return _detail(s, doc)


def create_and_track(db: Database, inp: DocumentInput) -> tuple[DocumentDetail, SyncResult]:
    """:func:`create_document` and its tracking rows, in one transaction."""
    with db.transaction() as s:
        doc = _create(s, inp)
        result = sync_tracking_in(db, s, doc.id)
        return _detail(s, doc), result


def _check_version(doc: m.Document, expected_version: int) -> None:
    if doc.version != expected_version:
        raise ConflictError(
            f"Văn bản {doc.number}-{doc.symbol} vừa được người khác sửa (bản {doc.version}, "
            f"bạn đang sửa bản {expected_version}). Hãy tải lại để xem bản mới nhất rồi sửa "
            "lại; chưa có gì bị thay đổi.")


def update_document(
    db: Database, document_id: int, inp: DocumentInput, expected_version: int
) -> DocumentDetail:
    """Rewrite a document as ``inp``; ``expected_version`` is the version that was read."""
    with db.transaction() as s:
        doc = _load(s, document_id)
        _check_version(doc, expected_version)
        c = check_document(s, inp, document_id)
        check_duplicate(s, c, document_id)
        with s.no_autoflush:  # one UPDATE of the document row, one version step
            _apply(doc, c)
            doc.updated_at = utcnow()  # the version moves even when only deadlines/lines change
            _write_deadlines(s, doc, c, c.number_symbol)
            _write_lines(s, doc, c)
        s.flush()
        return _detail(s, doc)


def _tracking_data_summary(s: Session, document_id: int) -> list[str]:
    t = m.Tracking
    with_data = s.scalar(select(func.count()).select_from(t)
                         .where(t.document_id == document_id, data_entered()))
    reports = s.scalar(select(func.count()).select_from(m.TrackingReport)
                       .where(m.TrackingReport.document_id == document_id))
    reminders = s.scalar(select(func.count()).select_from(m.Reminder)
                         .join(t, t.id == m.Reminder.tracking_id)
                         .where(t.document_id == document_id))
    parts = []
    if with_data:
        parts.append(f"{with_data} đơn vị đã được nhập ngày nhận, học tập, kế hoạch hoặc ghi chú")
    if reports:
        parts.append(f"{reports} báo cáo")
    if reminders:
        parts.append(f"{reminders} lần đôn đốc")
    return parts


def delete_document(db: Database, document_id: int, expected_version: int) -> None:
    """Delete a document that nobody has entered tracking data for, with its attachments."""
    with db.transaction() as s:
        doc = _load(s, document_id)
        _check_version(doc, expected_version)
        ref = format_number_symbol(doc.number, doc.symbol, _regime_of(doc))
        children = list(s.scalars(select(m.Document).where(m.Document.parent_id == doc.id)))
        if children:
            names = ", ".join(_ref(c).number_symbol for c in children)
            raise ValidationError(
                f"Không xóa được văn bản {ref}: có {len(children)} văn bản triển khai gắn với "
                f"nó ({names}). Bỏ liên kết hoặc xóa các văn bản đó trước.", "document")
        parts = _tracking_data_summary(s, document_id)
        if parts:
            raise ValidationError(
                f"Không xóa được văn bản {ref}: đã có dữ liệu theo dõi — {'; '.join(parts)}. "
                "Xóa văn bản sẽ mất các dữ liệu này; nếu văn bản nhập nhầm số hay ngày, hãy sửa "
                "văn bản thay vì xóa.", "document")
        files = [a.rel_path for a in attachments_of(s, document_id)]
        rows = s.execute(m.Tracking.__table__.delete()
                         .where(m.Tracking.__table__.c.document_id == document_id)).rowcount
        if rows:
            db.audit_bulk(s, "tracking", f"Xóa {rows} dòng theo dõi (chưa có dữ liệu) của văn "
                          f"bản {ref} cùng với văn bản")
        s.delete(doc)
    remove_files(db, files)
