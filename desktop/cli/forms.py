"""Excel exchange with organisations: ``forms export|import`` and ``export-stats``.

``forms export --document "15-CT/TU" --out THƯ_MỤC [--group NHÓM] [--all-levels]`` writes one
collection form per organisation. ``forms import TỆP_HOẶC_THƯ_MỤC... [--document …] [--dry-run]
[--json] [--take-file-values] [--confirm-matches] [--convert-legacy | --keep-legacy]`` previews
every file and, unless ``--dry-run``, applies them in one transaction; when any file is refused
(or needs a confirmation not given) every problem is listed and the command exits 1 with
nothing written. ``export-stats --document … --out TỆP.xlsx`` or ``--year YYYY`` writes a
statistics workbook.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli.common import EXIT_OK, EXIT_REFUSED, Parser, date_arg

_SHOWN = 30


def register(sub: Any) -> None:
    forms = sub.add_parser("forms", help="phiếu báo cáo Excel gửi đơn vị và nhận lại")
    forms_sub = forms.add_subparsers(dest="action", metavar="VIỆC", parser_class=Parser)
    forms_sub.required = True
    exp = forms_sub.add_parser("export", help="xuất mỗi đơn vị một phiếu báo cáo (.xlsx)")
    exp.add_argument("--document", required=True, metavar="SỐ_KÝ_HIỆU", help='ví dụ "15-CT/TU"')
    exp.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục lưu các phiếu")
    exp.add_argument("--group", metavar="NHÓM", help="chỉ các đơn vị của một nhóm nơi nhận")
    exp.add_argument(
        "--all-levels", action="store_true", help="mọi nơi nhận, không chỉ các đơn vị phải báo cáo"
    )
    exp.set_defaults(handler=_cmd_export)

    imp = forms_sub.add_parser("import", help="nhập các phiếu đơn vị gửi lại")
    imp.add_argument("paths", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC")
    imp.add_argument(
        "--document",
        metavar="SỐ_KÝ_HIỆU",
        help="chỉ nhận phiếu của văn bản này (từ chối phiếu văn bản khác)",
    )
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp.add_argument(
        "--take-file-values",
        action="store_true",
        help="số liệu khác với số đã nhập: lấy số trong phiếu (mặc định giữ số cũ)",
    )
    imp.add_argument(
        "--confirm-matches",
        action="store_true",
        help="xác nhận các phiếu không có thông tin ẩn đã ghép theo tên/mã đơn vị",
    )
    legacy = imp.add_mutually_exclusive_group()
    legacy.add_argument(
        "--convert-legacy",
        action="store_true",
        help="chữ gõ bằng bảng mã TCVN3/VNI: chuyển sang Unicode",
    )
    legacy.add_argument(
        "--keep-legacy", action="store_true", help="chữ gõ bằng bảng mã TCVN3/VNI: giữ nguyên"
    )
    imp.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    imp.set_defaults(handler=_cmd_import)

    stats = sub.add_parser("export-stats", help="xuất biểu thống kê ra tệp Excel")
    which = stats.add_mutually_exclusive_group(required=True)
    which.add_argument("--document", metavar="SỐ_KÝ_HIỆU", help="biểu của một văn bản")
    which.add_argument("--year", type=int, metavar="NĂM", help="biểu các văn bản của một năm")
    stats.add_argument("--out", required=True, metavar="TỆP.xlsx")
    stats.add_argument("--as-of", type=date_arg, help="tính đến ngày (dd/mm/yyyy)")
    stats.set_defaults(handler=_cmd_stats)


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _cmd_export(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.numbers import format_int
    from desktop.services.documents import find_document
    from desktop.services.forms_export import export_forms

    doc = find_document(db, args.document)
    result = export_forms(db, doc.id, args.out, group=args.group, all_levels=args.all_levels)
    print(
        f"Đã xuất {format_int(len(result.files))} phiếu báo cáo của văn bản {result.document} "
        f"vào «{result.folder}» — {_seconds(result.seconds)} giây."
    )
    return EXIT_OK


def _shown(value: Any) -> str:
    from desktop.services.tracking_write import shown

    return shown(value)


def _file_json(f: Any) -> dict[str, Any]:
    def iso(v: Any) -> Any:
        return v.isoformat() if hasattr(v, "isoformat") else v

    return {
        "file": str(f.path),
        "status": f.status.value,
        "reason": f.reason,
        "document_id": f.document_id,
        "document": f.document,
        "organisation_id": f.organisation_id,
        "organisation": f.org_name,
        "tracking_id": f.tracking_id,
        "sheet": f.sheet,
        "sha256": f.sha256,
        "changes": [
            {
                "field": c.field,
                "cell": c.cell,
                "before": iso(c.before),
                "after": iso(c.after),
                "conflict": c.conflict,
            }
            for c in f.changes
        ],
        "unchanged": f.unchanged,
        "problems": [
            {"sheet": p.sheet, "cell": p.cell, "field": p.field, "message": p.message}
            for p in f.problems
        ],
        "warnings": list(f.warnings),
        "legacy": [
            {
                "cell": x.cell,
                "encoding": x.encoding,
                "original": x.original,
                "converted": x.converted,
            }
            for x in f.legacy
        ],
    }


def _print_plan(plan: Any) -> None:
    from desktop.domain.numbers import format_int as n

    print(
        f"Đọc {n(len(plan.files))} tệp: nhận {n(len(plan.accepted))}, cần xác nhận "
        f"{n(len(plan.to_confirm))}, từ chối {n(len(plan.refused))}."
    )
    for f in plan.files:
        head = f"[{f.status.label}] {f.name}"
        if f.org_name:
            head += f" — {f.org_name}"
        print(head)
        if f.reason and f.status.value != "refused":
            print(f"    {f.reason}")
        for w in f.warnings:
            print(f"    Lưu ý: {w}")
        if f.status.value == "refused":
            continue
        for c in f.changes[:_SHOWN]:
            mark = "≠" if c.conflict else "+"
            print(
                f"    {mark} {c.cell} {c.label}: {_shown(c.before)} → {_shown(c.after)}"
                + ("  (khác số đã nhập)" if c.conflict else "")
            )
        if not f.changes:
            print("    Không có gì thay đổi.")


def _cmd_import(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.numbers import format_int as n
    from desktop.services.documents import find_document
    from desktop.services.forms_import import apply_forms_import, plan_forms_import

    document_id = find_document(db, args.document).id if args.document else None
    legacy = "convert" if args.convert_legacy else "keep" if args.keep_legacy else "ask"
    plan = plan_forms_import(
        db, args.paths, document_id=document_id, today=args.today, legacy=legacy
    )
    problems = plan.problems()
    if plan.to_confirm and not args.confirm_matches:
        problems += [
            f"«{f.name}»: {f.reason} (thêm --confirm-matches để xác nhận)" for f in plan.to_confirm
        ]
    if args.json:
        print(
            json.dumps(
                {
                    "files": [_file_json(f) for f in plan.files],
                    "problems": problems,
                    "written": False,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        _print_plan(plan)
    if problems:
        if not args.json:
            print(
                f"Có {n(len(problems))} lỗi, chưa ghi gì vào cơ sở dữ liệu. Sửa các tệp (hoặc "
                "bỏ ra khỏi thư mục) rồi nhập lại:",
                file=sys.stderr,
            )
            for p in problems:
                print(f"  {p}", file=sys.stderr)
        return EXIT_REFUSED
    if plan.conflicts and not args.json:
        keep = "lấy số trong phiếu" if args.take_file_values else "giữ số đã nhập"
        print(
            f"{n(len(plan.conflicts))} số liệu khác với số đã nhập: {keep}"
            + ("" if args.take_file_values else " (--take-file-values để lấy số trong phiếu)")
            + "."
        )
    if args.dry_run:
        if not args.json:
            print("Chạy thử (--dry-run): chưa ghi gì.")
        return EXIT_OK
    confirmed = [f.path for f in plan.to_confirm] if args.confirm_matches else []
    result = apply_forms_import(
        db, plan, take_file_values=args.take_file_values, confirmed=confirmed
    )
    if not args.json:
        print(
            f"Đã nhập {n(result.files)} phiếu: {n(result.rows_changed)} dòng theo dõi, "
            f"{n(result.values_written)} số liệu."
        )
    return EXIT_OK


def _cmd_stats(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.numbers import format_int as n
    from desktop.services.documents import find_document
    from desktop.services.stats_export import export_document_stats, export_year_stats

    if args.document:
        doc = find_document(db, args.document)
        result = export_document_stats(db, doc.id, args.out, as_of=args.as_of)
        what = f"văn bản {doc.number_symbol}: {result.sheets} trang tính, {n(result.lines)} dòng"
    else:
        result = export_year_stats(db, args.year, args.out, as_of=args.as_of)
        what = f"năm {args.year}: {n(result.lines)} văn bản"
    print(f"Đã xuất biểu thống kê {what} ra «{result.path}» — {_seconds(result.seconds)} giây.")
    return EXIT_OK
