"""The audit trail as clerks and inspectors read it: chain verification and document history.

:func:`verify` walks the hash chain (``desktop.store.audit_chain``) and names the first row where
it breaks — a row changed, removed or inserted behind the program's back. (Rows removed from the
very end leave no trace in a chain without a key kept elsewhere; the count in a printed history
or a backup shows those.) :func:`document_history` lists the audit rows of one document and of
everything hanging from it (deadlines, attachments, recipients, tracking rows, reports) with
readable Vietnamese summaries.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, text

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.services.database import Database
from desktop.store import audit_chain
from desktop.store import models as m


@dataclass(frozen=True, slots=True)
class AuditVerdict:
    ok: bool
    checked: int
    break_id: int | None
    message: str


_REASONS = {
    "unsealed": "chưa được niêm phong (ghi vào ngoài chương trình?)",
    "gap": "thiếu dòng ngay trước nó (có dòng đã bị xóa)",
    "prev_hash": "không nối với dòng trước (có dòng bị xóa hoặc chèn)",
    "content": "nội dung đã bị sửa sau khi ghi",
}


def verify(db: Database) -> AuditVerdict:
    """Walk the whole chain; reports the first row where it breaks."""
    with db.engine.connect() as conn:
        count, broken = audit_chain.verify_rows(audit_chain.iter_rows(conn))
    if broken is None:
        return AuditVerdict(True, count, None, f"{count} dòng, chuỗi liền mạch")
    where = f"dòng số {broken.id}" + (f" (vị trí {broken.seq})" if broken.seq else "")
    return AuditVerdict(
        False,
        count,
        broken.id,
        f"Chuỗi nhật ký bị đứt tại {where}: {_REASONS[broken.reason]}. "
        "Dữ liệu đã bị sửa ngoài chương trình; hãy báo người quản trị và so với bản sao lưu.",
    )


# --------------------------------------------------------------------------- history


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    at: datetime
    actor: str
    action: str  # "Tạo" / "Sửa" / "Xóa" / "Hàng loạt"
    what: str  # "Văn bản", "Dòng theo dõi #12"…
    detail: str  # readable Vietnamese


_ACTIONS = {"create": "Tạo", "update": "Sửa", "delete": "Xóa", "bulk": "Hàng loạt"}
_ENTITIES = {
    "documents": "Văn bản",
    "deadlines": "Hạn",
    "attachments": "Tệp đính kèm",
    "document_recipient_lines": "Nơi nhận",
    "tracking": "Dòng theo dõi",
    "tracking_reports": "Báo cáo",
    "reminders": "Nhắc việc",
}
_FIELDS = {
    "number": "Số",
    "symbol": "Ký hiệu",
    "excerpt": "Trích yếu",
    "issue_date": "Ngày ban hành",
    "due_date": "Hạn",
    "kind": "Loại",
    "received_date": "Ngày nhận",
    "channel": "Hình thức gửi",
    "study_date": "Ngày học tập, quán triệt",
    "study_form": "Hình thức học tập",
    "cells_held": "Số chi bộ đã tổ chức",
    "cells_total": "Tổng số chi bộ",
    "members_attending": "Số đảng viên tham gia",
    "members_total": "Tổng số đảng viên",
    "plan_date": "Ngày có kế hoạch",
    "plan_status": "Kế hoạch",
    "sent_date": "Ngày gửi báo cáo",
    "report_date": "Ngày báo cáo",
    "note": "Ghi chú",
    "text": "Dòng",
    "file_name": "Tệp",
    "name": "Tên",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HISTORY_LIMIT = 5000


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, str) and _ISO_DATE.match(value):
        return format_date(datetime.strptime(value, "%Y-%m-%d").date())
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value)


def _describe(row: Any) -> str:
    if row.summary:
        return str(row.summary)
    before = json.loads(row.before) if row.before else {}
    after = json.loads(row.after) if row.after else {}
    keys = [k for k in (after or before) if k in _FIELDS]
    if row.action == "update":
        parts = [f"{_FIELDS[k]}: {_show(before.get(k))} → {_show(after.get(k))}" for k in keys]
    else:
        parts = [f"{_FIELDS[k]}: {_show((after or before).get(k))}" for k in keys]
        parts = [p for p in parts if not p.endswith("(trống)")]
    return "; ".join(parts[:8]) or "—"


def document_history(db: Database, document_id: int) -> list[HistoryEntry]:
    """Every audit row of the document and its dependants, oldest first."""
    from desktop.services.document_numbers import format_number_symbol

    a = m.AuditEntry
    with db.read() as s:
        doc = s.get(m.Document, document_id)
        if doc is None:
            raise NotFoundError("Văn bản này không còn trong dữ liệu; hãy tải lại danh sách.")
        regime = doc.issuing_body.regime if doc.issuing_body else "party"
        ref = format_number_symbol(doc.number or "", doc.symbol or "", regime)
        owned = [
            a.entity_id.in_(select(table.c.id).where(table.c.document_id == document_id))
            & (a.entity == name)
            for name, table in (
                ("deadlines", m.Deadline.__table__),
                ("attachments", m.Attachment.__table__),
                ("document_recipient_lines", m.DocumentRecipientLine.__table__),
                ("tracking", m.Tracking.__table__),
                ("tracking_reports", m.TrackingReport.__table__),
            )
        ]
        mention = [
            a.before.like(f'%"document_id": {document_id},%'),
            a.before.like(f'%"document_id": {document_id}}}%'),
            a.after.like(f'%"document_id": {document_id},%'),
            a.after.like(f'%"document_id": {document_id}}}%'),
        ]
        rows = s.execute(
            select(
                a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.before, a.after, a.summary
            )
            .where(
                or_(
                    (a.entity == "documents") & (a.entity_id == document_id),
                    *owned,
                    *mention,
                    a.entity_id.is_(None) & a.summary.like(f"%{ref}%") if ref else text("0=1"),
                )
            )
            .order_by(a.id)
            .limit(_HISTORY_LIMIT)
        ).all()
    return [
        HistoryEntry(
            row.id,
            row.at,
            row.actor,
            _ACTIONS.get(row.action, row.action),
            _ENTITIES.get(row.entity, row.entity)
            + (f" #{row.entity_id}" if row.entity_id and row.entity != "documents" else ""),
            _describe(row),
        )
        for row in rows
    ]
