"""Turning ``documents add`` / ``documents import-docx`` options into a DocumentInput.

The options a clerk types (``--type CT --number 15 --symbol CT/TU --date 05/02/2026 …``) and,
for an import, the draft read from the .docx, become one
:class:`~desktop.services.document_register.DocumentInput`; the "Nơi nhận" block (a text file,
or the draft's lines) is matched with :mod:`desktop.services.recipients`. Nothing here writes.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.common import date_arg, positive
from desktop.domain.enums import Confidentiality, DeadlineKind, Scope, Urgency
from desktop.domain.errors import ValidationError
from desktop.domain.text import fold

MAX_RECIPIENT_FILE = 1024 * 1024
_REPORT_KINDS = {DeadlineKind.FIRST_REPORT.value, DeadlineKind.PERIODIC.value}


@dataclass
class Recipients:
    """The recipient lines to write, and those kept as text only (printed, not tracked)."""

    lines: list[Any] = field(default_factory=list)  # RecipientLineInput
    untracked: list[tuple[str, str]] = field(default_factory=list)  # (line, why)


def deadline_arg(text: str) -> tuple[str, date]:
    """``KIND:DATE`` — e.g. ``hoc_tap:05/03/2026`` or ``bao_cao_lan_dau:15/04/2026``."""
    kinds = [k.value for k in DeadlineKind]
    kind_text, sep, date_text = text.partition(":")
    kind = fold(kind_text).replace(" ", "_")
    if not sep or kind not in kinds:
        raise argparse.ArgumentTypeError(
            f"«{text}» phải có dạng LOẠI:NGÀY, ví dụ hoc_tap:05/03/2026; LOẠI là một trong "
            f"{', '.join(kinds)}")
    return kind, date_arg(date_text)


def add_document_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    """The options of ``add``; for ``import-docx`` the same ones override the draft."""
    p.add_argument("--type", required=required, metavar="LOẠI",
                   help="loại văn bản: CT, NQ, KL, KH, HD, CTr, CV…")
    p.add_argument("--number", required=required, metavar="SỐ",
                   help="số văn bản, ví dụ 15 hoặc 05 (hoặc cả số và ký hiệu: 15-CT/TU)")
    p.add_argument("--symbol", metavar="KÝ_HIỆU", help="ký hiệu, ví dụ CT/TU hoặc QĐ-UBND")
    p.add_argument("--date", type=date_arg, required=required, metavar="NGÀY",
                   help="ngày ban hành (dd/mm/yyyy)")
    p.add_argument("--excerpt", required=required, metavar="TRÍCH_YẾU", help="trích yếu")
    p.add_argument("--body", metavar="KÝ_HIỆU_CQ",
                   help="cơ quan ban hành theo ký hiệu (TU, BTGDVTU, UBND…); mặc định lấy từ "
                   "phần cuối của ký hiệu văn bản")
    p.add_argument("--signer-authority", metavar="THẨM_QUYỀN", help="ví dụ «T/M BAN THƯỜNG VỤ»")
    p.add_argument("--signer-title", metavar="CHỨC_VỤ", help="ví dụ «PHÓ BÍ THƯ THƯỜNG TRỰC»")
    p.add_argument("--signer-name", metavar="HỌ_TÊN", help="người ký")
    p.add_argument("--scope", choices=[s.value for s in Scope],
                   help="phạm vi phổ biến (chi_bo: phổ biến đến chi bộ)")
    p.add_argument("--urgency", choices=[u.value for u in Urgency], help="độ khẩn")
    p.add_argument("--confidentiality", choices=[c.value for c in Confidentiality],
                   help="độ mật")
    p.add_argument("--parent", metavar="SỐ_KÝ_HIỆU",
                   help='văn bản cấp trên mà văn bản này triển khai, ví dụ "12-CT/TU"')
    p.add_argument("--deadline", action="append", type=deadline_arg, default=[],
                   metavar="LOẠI:NGÀY", help="hạn, ví dụ hoc_tap:05/03/2026 (ghi nhiều lần)")
    p.add_argument("--report-level", type=positive, metavar="CẤP",
                   help="các hạn báo cáo chỉ áp dụng cho đơn vị ở cấp này (1 = cấp trực thuộc)")
    p.add_argument("--recipients-group", action="append", default=[], metavar="TÊN_NHÓM",
                   help='nhóm nơi nhận, ví dụ "Các đảng bộ trực thuộc Tỉnh ủy" (ghi nhiều lần)')
    p.add_argument("--recipients-text", metavar="TỆP",
                   help="tệp văn bản chứa khối «Nơi nhận:» dán từ văn bản")
    p.add_argument("--note", metavar="GHI_CHÚ", help="ghi chú")
    p.add_argument("--json", action="store_true", help="in dạng JSON")


def read_recipient_file(path: str) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"Không đọc được tệp nơi nhận «{path}» ({exc.strerror or exc}). Kiểm tra đường dẫn.",
            "recipient_lines") from exc
    if len(data) > MAX_RECIPIENT_FILE:
        raise ValidationError(
            f"Tệp nơi nhận «{p.name}» quá lớn (hơn 1 MB): chỉ dán khối «Nơi nhận:» vào tệp.",
            "recipient_lines")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    raise ValidationError(
        f"Tệp nơi nhận «{p.name}» không phải văn bản Unicode (UTF-8). Mở tệp trong Notepad, "
        "chọn Lưu thành… với mã hóa UTF-8 rồi thử lại.", "recipient_lines")


def _recipients_module() -> Any:
    try:
        from desktop.services import recipients
    except ImportError as exc:  # pragma: no cover - only while the module is missing
        raise ValidationError(
            "Bản chương trình này chưa có chức năng đọc khối «Nơi nhận». Dùng --recipients-group "
            "để ghi từng nhóm nơi nhận.", "recipient_lines") from exc
    return recipients


def match_lines(db: Any, lines: list[str], as_of: date, into: Recipients) -> None:
    """Match "Nơi nhận" lines; unmatched ones are kept as text lines and listed."""
    from desktop.services.document_register import RecipientLineInput

    if not lines:
        return
    for match in _recipients_module().match_recipient_lines(db, lines, as_of=as_of):
        into.lines.append(RecipientLineInput(match.text, match.group_id, match.organisation_id))
        if match.kind == "text":
            into.untracked.append((match.text or match.label, match.reason))


def add_groups(db: Any, names: list[str], into: Recipients) -> None:
    from desktop.services.document_lookup import find_group
    from desktop.services.document_register import RecipientLineInput

    present = {line.group_id for line in into.lines if line.group_id is not None}
    for name in names:
        group = find_group(db, name)
        if group.id not in present:
            into.lines.append(RecipientLineInput(f"- {group.name};", group_id=group.id))
            present.add(group.id)


def split_number(number: str, symbol: str | None) -> tuple[str, str]:
    """``--number 15-CT/TU`` (and no ``--symbol``) is read as number and symbol together."""
    from desktop.services.document_numbers import parse_number_symbol

    if symbol or not number or number.strip().isdigit():
        return number, symbol or ""
    regime = "party" if re.match(r"^\D*\d+\s*[-\u2013]", number) else "state"
    return parse_number_symbol(number, regime)


def body_for(db: Any, body: str | None, symbol: str) -> Any:
    """The issuing body named by ``--body``, else by the end of the symbol ("TU" of "CT/TU")."""
    from desktop.services.document_lookup import find_issuing_body
    from desktop.services.document_numbers import symbol_body_part

    if body:
        return find_issuing_body(db, body)
    part = symbol_body_part(symbol, "party") if "/" in symbol else symbol_body_part(symbol,
                                                                                     "state")
    if not part:
        raise ValidationError(
            "Chưa rõ cơ quan ban hành: ghi --body (ví dụ --body TU) hoặc ghi ký hiệu đủ hai "
            "phần (ví dụ CT/TU).", "issuing_body_id")
    return find_issuing_body(db, part)


def build_input(db: Any, args: argparse.Namespace, draft: Any = None,
                recipients: Recipients | None = None) -> tuple[Any, Recipients]:
    """The DocumentInput of the options (over the draft's values when importing)."""
    from desktop.services.document_register import DeadlineInput, DocumentInput
    from desktop.services.documents import find_document

    def pick(option: Any, drafted: str | None = None) -> Any:
        return option if option not in (None, "") else (drafted or "")

    number, symbol = split_number(pick(args.number, draft and draft.number),
                                  pick(args.symbol, draft and draft.symbol))
    body = body_for(db, args.body or (draft.issuing_body_symbol if draft else None), symbol)
    issue_date = args.date or (draft.issue_date if draft else None)
    if issue_date is None:
        raise ValidationError("Chưa có ngày ban hành: ghi --date dd/mm/yyyy.", "issue_date")
    explicit_signer = any((args.signer_authority, args.signer_title, args.signer_name))
    drafted_signer = draft is not None and any(
        (draft.signer_authority, draft.signer_title, draft.signer_name))
    if explicit_signer or drafted_signer:
        signer = (pick(args.signer_authority, draft and draft.signer_authority),
                  pick(args.signer_title, draft and draft.signer_title),
                  pick(args.signer_name, draft and draft.signer_name))
    else:  # the issuing body's usual signer
        signer = (body.signer_authority, body.signer_title, body.signer_name)
    recipients = recipients or Recipients()
    if args.recipients_text:
        text = read_recipient_file(args.recipients_text)
        lines = _recipients_module().split_recipient_block(text)
        if not lines:
            raise ValidationError(
                f"Tệp «{args.recipients_text}» không có dòng nơi nhận nào (các dòng bắt đầu "
                "bằng «- »).", "recipient_lines")
        match_lines(db, lines, issue_date, recipients)
    add_groups(db, args.recipients_group, recipients)
    deadlines = tuple(
        DeadlineInput(kind, due, depth=args.report_level if kind in _REPORT_KINDS else None)
        for kind, due in args.deadline
    )
    parent_id = find_document(db, args.parent).id if args.parent else None
    inp = DocumentInput(
        type_code=pick(args.type, draft and draft.type_code), number=number, symbol=symbol,
        issue_date=issue_date, issuing_body_id=body.id,
        excerpt=pick(args.excerpt, draft and draft.excerpt),
        signer_authority=signer[0], signer_title=signer[1], signer_name=signer[2],
        urgency=args.urgency or "thuong", confidentiality=args.confidentiality or "thuong",
        scope=args.scope or getattr(draft, "scope", "") or "cap_truc_thuoc",
        parent_id=parent_id, note=args.note or "",
        deadlines=deadlines, recipient_lines=tuple(recipients.lines),
    )
    return inp, recipients
