"""Commands on the document register: ``theodoi-cli documents list|show|add|import-docx``.

``add`` and ``import-docx`` check everything first and write the document, its deadlines,
recipient lines and tracking rows in one transaction: a refusal exits 1 with the reason in
Vietnamese and nothing written. Option parsing lives in :mod:`desktop.cli.document_input`,
printing in :mod:`desktop.cli.document_output`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from desktop.cli import document_output as out
from desktop.cli.common import EXIT_OK, EXIT_REFUSED, Parser, positive
from desktop.cli.document_input import Recipients, add_document_options, build_input, match_lines


def register(sub: Any) -> None:
    docs = sub.add_parser("documents", help="văn bản")
    docs_sub = docs.add_subparsers(dest="action", metavar="VIỆC", parser_class=Parser)
    docs_sub.required = True

    dl = docs_sub.add_parser("list", help="liệt kê văn bản")
    dl.add_argument("--search", help="tìm theo số, ký hiệu, trích yếu (không cần dấu)")
    dl.add_argument("--type", metavar="LOẠI", help="chỉ một loại văn bản, ví dụ CT")
    dl.add_argument("--year", type=positive, metavar="NĂM", help="chỉ văn bản ban hành năm này")
    dl.add_argument("--body", metavar="KÝ_HIỆU_CQ", help="chỉ văn bản của cơ quan này, ví dụ TU")
    dl.add_argument("--parent", metavar="SỐ_KÝ_HIỆU",
                    help='chỉ các văn bản triển khai văn bản này, ví dụ "12-CT/TU"')
    dl.add_argument("--json", action="store_true", help="in dạng JSON")
    dl.set_defaults(handler=_cmd_list)

    show = docs_sub.add_parser("show", help="xem một văn bản")
    show.add_argument("document", metavar="SỐ_KÝ_HIỆU", help='ví dụ "15-CT/TU" hoặc mã số "#12"')
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    show.set_defaults(handler=_cmd_show)

    add = docs_sub.add_parser(
        "add", help="thêm văn bản và tạo các dòng theo dõi cho nơi nhận",
        description="Thêm văn bản, ví dụ: documents add --type CT --number 15 --symbol CT/TU "
        '--date 05/02/2026 --excerpt "về …" --scope chi_bo --recipients-group '
        '"Các đảng bộ trực thuộc Tỉnh ủy"')
    add_document_options(add, required=True)
    add.set_defaults(handler=_cmd_add)

    imp = docs_sub.add_parser(
        "import-docx", help="đọc văn bản đã ban hành (.docx) và thêm vào sổ",
        description="Đọc số, ký hiệu, ngày, trích yếu, người ký và nơi nhận từ tệp .docx. Các "
        "tùy chọn như của lệnh add (nếu ghi) thay cho giá trị đọc được.")
    imp.add_argument("file", metavar="TỆP.docx", help="văn bản đã ban hành")
    imp.add_argument("--dry-run", action="store_true", help="chỉ đọc và kiểm tra, không ghi")
    add_document_options(imp, required=False)
    imp.set_defaults(handler=_cmd_import_docx)


def _cmd_list(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.dates import format_date
    from desktop.services.document_lookup import find_issuing_body
    from desktop.services.document_validation import find_type
    from desktop.services.documents import find_document, list_documents

    type_code = None
    if args.type:
        with db.read() as s:
            type_code = find_type(s, args.type).code
    rows = list_documents(
        db, args.search, type_code=type_code, year=args.year,
        issuing_body_id=find_issuing_body(db, args.body).id if args.body else None,
        parent_id=find_document(db, args.parent).id if args.parent else None,
    )
    if args.json:
        listed = [
            {**asdict(r), "number_symbol": r.number_symbol,
             "issue_date": r.issue_date.isoformat() if r.issue_date else None}
            for r in rows
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return EXIT_OK
    filtered = args.search or args.type or args.year or args.body or args.parent
    if not rows:
        print("Không có văn bản nào khớp." if filtered else "Chưa có văn bản nào.")
        return EXIT_OK
    width = max(len(r.number_symbol) for r in rows)
    for r in rows:
        print(f"{r.number_symbol:<{width}}  {format_date(r.issue_date):<10}  "
              f"{r.type_name} {r.excerpt}")
    print(f"— {len(rows)} văn bản")
    return EXIT_OK


def _cmd_show(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.document_register import get_document
    from desktop.services.documents import find_document

    detail = get_document(db, find_document(db, args.document).id)
    if args.json:
        print(out.dumps(out.detail_json(detail)))
    else:
        out.print_detail(detail)
    return EXIT_OK


def _create(db: Any, inp: Any, recipients: Recipients, as_json: bool,
            extra: dict[str, Any] | None = None) -> int:
    from desktop.services.document_register import create_and_track

    detail, sync = create_and_track(db, inp)
    if as_json:
        print(out.dumps({**(extra or {}), "document": out.detail_json(detail),
                         "tracking": out.sync_json(sync),
                         "untracked_lines": [{"text": t, "reason": r}
                                             for t, r in recipients.untracked]}))
        return EXIT_OK
    print(f"Đã thêm {out.title(detail)} (mã #{detail.id}) — {detail.issuing_body}.")
    print(f"  Trích yếu: {detail.excerpt}")
    groups = sum(1 for line in detail.recipient_lines if line.kind == "group")
    orgs = sum(1 for line in detail.recipient_lines if line.kind == "organisation")
    texts = sum(1 for line in detail.recipient_lines if line.kind == "text")
    print(f"  Nơi nhận: {groups} nhóm, {orgs} đơn vị, {texts} dòng chỉ in.")
    out.print_recipient_notes(recipients.untracked)
    if detail.deadlines:
        print("  Các hạn: " + "; ".join(
            f"{dl.kind_label} {dl.due_date:%d/%m/%Y}" for dl in detail.deadlines))
    out.print_sync(sync, detail.scope)
    return EXIT_OK


def _cmd_add(db: Any, args: argparse.Namespace) -> int:
    inp, recipients = build_input(db, args)
    return _create(db, inp, recipients, args.json)


def _draft_json(draft: Any) -> dict[str, Any]:
    data = asdict(draft)
    data["issue_date"] = draft.issue_date.isoformat() if draft.issue_date else None
    return data


def _cmd_import_docx(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.errors import AppError, ValidationError
    from desktop.services.document_validation import validate_document

    try:
        from desktop.services.docx_import import read_docx
    except ImportError as exc:  # pragma: no cover - only while the module is missing
        raise ValidationError(
            "Bản chương trình này chưa có chức năng đọc tệp .docx. Dùng lệnh «documents add».",
            "file") from exc
    draft = read_docx(args.file)
    recipients = Recipients()
    issue_date = args.date or draft.issue_date
    if issue_date is not None:
        match_lines(db, list(draft.recipient_lines), issue_date, recipients)
    inp, recipients = build_input(db, args, draft, recipients)
    if not args.dry_run:
        return _create(db, inp, recipients, args.json, {"draft": _draft_json(draft)})
    problem = None
    try:
        validate_document(db, inp)
    except AppError as exc:
        problem = exc.message
    if args.json:
        print(out.dumps({"draft": _draft_json(draft), "input": asdict(inp), "problem": problem,
                         "untracked_lines": [{"text": t, "reason": r}
                                             for t, r in recipients.untracked]}))
    else:
        _print_draft(draft, inp, recipients, problem)
    return EXIT_REFUSED if problem else EXIT_OK


def _print_draft(draft: Any, inp: Any, recipients: Recipients, problem: str | None) -> None:
    from desktop.domain.dates import format_date

    print(f"Đọc được từ tệp (chưa ghi gì): {draft.type_name or inp.type_code} số "
          f"{inp.number}{'-' if '/' in inp.symbol else '/'}{inp.symbol} ngày "
          f"{format_date(inp.issue_date)}")
    print(f"  Trích yếu: {inp.excerpt}")
    signer = " / ".join(x for x in (inp.signer_authority, inp.signer_title, inp.signer_name) if x)
    if signer:
        print(f"  Người ký: {signer}")
    if inp.recipient_lines:
        print("  Nơi nhận:")
        for line in inp.recipient_lines:
            tracked = line.group_id is not None or line.organisation_id is not None
            if line.text:
                print(f"    {line.text}" + ("" if tracked else "   [chỉ in, không theo dõi]"))
    out.print_recipient_notes(recipients.untracked)
    for warning in draft.warnings:
        print(f"  Lưu ý: {warning}")
    if problem:
        print(f"Không thêm được: {problem}")
    else:
        print("Hợp lệ. Chạy lại lệnh không có --dry-run để thêm văn bản vào sổ.")
