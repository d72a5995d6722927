"""How the document commands print a document: Vietnamese text for people, JSON for scripts."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.enums import Confidentiality, Scope, Urgency
from desktop.domain.numbers import format_int


def _label(enum: Any, value: str) -> str:
    try:
        return str(enum(value).label)
    except ValueError:
        return value


def _iso(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_iso)


def detail_json(d: Any) -> dict[str, Any]:
    out = asdict(d)
    out["number_symbol"] = d.number_symbol
    for line, row in zip(out["recipient_lines"], d.recipient_lines, strict=True):
        line["kind"] = row.kind
    return out


def sync_json(r: Any) -> dict[str, Any]:
    return {"added": r.added, "kept": r.kept, "removed": r.removed,
            "recipients": r.recipients, "orphaned": [asdict(o) for o in r.orphaned],
            "inactive": list(r.inactive)}


def title(d: Any) -> str:
    """"Chỉ thị số 15-CT/TU ngày 05/02/2026"."""
    return f"{d.type_name} số {d.number_symbol} ngày {format_date(d.issue_date)}"


def print_detail(d: Any) -> None:
    print(f"{title(d)} (mã #{d.id}, bản {d.version})")
    print(f"  Cơ quan ban hành: {d.issuing_body} ({d.issuing_body_symbol})")
    print(f"  Trích yếu: {d.excerpt}")
    signer = " / ".join(x for x in (d.signer_authority, d.signer_title, d.signer_name) if x)
    if signer:
        print(f"  Người ký: {signer}")
    print(f"  Phạm vi: {_label(Scope, d.scope)}")
    marks = [x for x in (_label(Urgency, d.urgency), _label(Confidentiality, d.confidentiality))
             if x]
    if marks:
        print(f"  Dấu: {', '.join(marks)}")
    if d.parent is not None:
        print(f"  Triển khai văn bản: {d.parent.type_name} số {d.parent.number_symbol}")
    if d.note:
        print(f"  Ghi chú: {d.note}")
    if d.deadlines:
        print("  Các hạn:")
        for dl in d.deadlines:
            level = f" (đơn vị cấp {dl.depth})" if dl.depth else ""
            label = f" — {dl.label}" if dl.label else ""
            print(f"    {format_date(dl.due_date)}  {dl.kind_label}{level}{label}")
    if d.recipient_lines:
        print("  Nơi nhận:")
        for line in d.recipient_lines:
            if line.kind == "text":
                note = "chỉ in, không theo dõi"
            else:
                what = "nhóm" if line.kind == "group" else "đơn vị"
                note = f"{what}: {line.target_name}"
            print(f"    {line.text or '  (cùng dòng trên)'}   [{note}]")
    for att in d.attachments:
        print(f"  Tệp đính kèm: {att.original_name} ({format_int(att.size)} byte)"
              + (f" — {att.description}" if att.description else ""))
    for child in d.children:
        print(f"  Văn bản triển khai: {child.type_name} số {child.number_symbol} ngày "
              f"{format_date(child.issue_date)}")
    print(f"  Theo dõi: {format_int(d.tracking_rows)} đơn vị nhận văn bản")


def print_recipient_notes(untracked: list[tuple[str, str]]) -> None:
    if not untracked:
        return
    print(f"  {len(untracked)} dòng nơi nhận không khớp nhóm hay đơn vị nào (giữ nguyên để in, "
          "không theo dõi):")
    for line, why in untracked:
        print(f"    {line}" + (f"  — {why}" if why else ""))


def print_sync(r: Any, scope: str) -> None:
    reach = " (đến từng chi bộ)" if scope in ("chi_bo", "dang_vien") else ""
    print(f"  Theo dõi: {format_int(r.recipients)} đơn vị nhận văn bản{reach}; "
          f"đã tạo {format_int(r.added)} dòng theo dõi.")
    if r.inactive:
        print(f"  Không theo dõi (không còn hoạt động vào ngày ban hành): {', '.join(r.inactive)}")
    if r.orphaned:
        print(f"  {len(r.orphaned)} đơn vị không còn trong nơi nhận nhưng đã có dữ liệu theo dõi, "
              "được giữ lại: " + ", ".join(o.name for o in r.orphaned))
