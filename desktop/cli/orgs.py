"""Commands on the organisation list: ``theodoi-cli orgs import|export``.

``orgs import FILE.xlsx [--sheet TÊN] [--dry-run] [--as-of dd/mm/yyyy] [--map CỘT=TRƯỜNG]``
previews the import, prints a Vietnamese summary and, unless ``--dry-run``, applies it in one
transaction. Any problem is printed as ``Sheet!C17: reason`` and the command exits 1 with
nothing written. ``orgs export FILE.xlsx [--as-of …]`` writes the tree in the same layout.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Parser, date_arg

_SHOWN = 50  # changes listed one by one before "… và N đơn vị khác"
_PROBLEMS_SHOWN = 30


def register(sub: Any) -> None:
    orgs = sub.add_parser("orgs", help="danh sách đơn vị (tổ chức đảng)")
    orgs_sub = orgs.add_subparsers(dest="action", metavar="VIỆC", parser_class=Parser)
    orgs_sub.required = True
    imp = orgs_sub.add_parser("import", help="nhập danh sách đơn vị từ tệp Excel (.xlsx)")
    imp.add_argument("file", metavar="TỆP.xlsx")
    imp.add_argument("--sheet", metavar="TÊN", help="tên trang tính (mặc định: trang đầu tiên "
                                                    "đang hiện)")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument("--as-of", type=date_arg, metavar="NGÀY",
                     help="ngày của số chi bộ, số đảng viên (dd/mm/yyyy, mặc định hôm nay)")
    imp.add_argument("--map", action="append", default=[], metavar="CỘT=TRƯỜNG",
                     help="ghép cột: CỘT là chữ cột (E) hoặc tiêu đề; TRƯỜNG là name, "
                          "short_name, code, parent, kind, cells, members, group, valid_from, "
                          "note hoặc để trống để bỏ qua cột")
    imp.set_defaults(handler=_cmd_import)
    exp = orgs_sub.add_parser("export", help="xuất danh sách đơn vị ra tệp Excel (.xlsx)")
    exp.add_argument("file", metavar="TỆP.xlsx")
    exp.add_argument("--as-of", type=date_arg, metavar="NGÀY",
                     help="tính đến ngày (dd/mm/yyyy, mặc định hôm nay)")
    exp.set_defaults(handler=_cmd_export)


def _column_map(items: list[str]) -> dict[str, str | None] | None:
    out: dict[str, str | None] = {}
    for item in items:
        column, sep, target = item.partition("=")
        if not sep or not column.strip():
            print(f"theodoi-cli: lỗi: --map cần dạng CỘT=TRƯỜNG (đã nhập «{item}»)",
                  file=sys.stderr)
            return None
        out[column.strip()] = target.strip() or None
    return out


def _print_problems(title: str, problems: Any) -> None:
    print(title, file=sys.stderr)
    for p in problems[:_PROBLEMS_SHOWN]:
        print(f"  {p}", file=sys.stderr)
    if len(problems) > _PROBLEMS_SHOWN:
        rest = f"{len(problems) - _PROBLEMS_SHOWN:,}".replace(",", ".")
        print(f"  … và {rest} lỗi khác.", file=sys.stderr)


def _cmd_import(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.dates import format_date
    from desktop.domain.numbers import format_int as n
    from desktop.services.org_import import apply_org_import, plan_org_import
    from desktop.services.org_import_plan import describe_denominator
    from desktop.services.workbook_safety import WorkbookError

    column_map = _column_map(args.map)
    if column_map is None:
        return EXIT_USAGE
    try:
        plan = plan_org_import(db, args.file, sheet=args.sheet, as_of=args.as_of,
                               column_map=column_map)
    except WorkbookError as exc:
        _print_problems("Không nhập được, chưa ghi gì vào cơ sở dữ liệu:", exc.problems)
        return EXIT_REFUSED
    first, last = plan.header_rows
    header = f"dòng {first}" if first == last else f"dòng {first}–{last}"
    print(f"Tệp «{plan.path.name}», trang tính «{plan.sheet}»: tiêu đề cột ở {header}, "
          f"đọc {n(plan.rows_read)} đơn vị (đến dòng {n(plan.last_row)}).")
    for warning in plan.warnings:
        print(f"Lưu ý: {warning}")
    if plan.problems:
        _print_problems(f"Có {n(len(plan.problems))} lỗi, chưa ghi gì vào cơ sở dữ liệu. Sửa "
                        "tệp rồi nhập lại:", plan.problems)
        return EXIT_REFUSED
    print(f"Tạo mới: {n(len(plan.creates))} đơn vị")
    for c in plan.creates[:_SHOWN]:
        under = f" (thuộc «{c.parent}»)" if c.parent else " (cấp cao nhất)"
        print(f"  + dòng {c.row}: {c.name}{under}")
    _more(len(plan.creates))
    if plan.new_groups:
        print(f"Nhóm nơi nhận mới: {n(len(plan.new_groups))} — "
              + "; ".join(f"«{g}»" for g in plan.new_groups))
    print(f"Cập nhật: {n(len(plan.updates))} đơn vị")
    for u in plan.updates[:_SHOWN]:
        fields = "; ".join(f"{c.label}: «{c.before}» → «{c.after}»" for c in u.changes)
        print(f"  ~ dòng {u.row}, {u.name}: {fields}")
    _more(len(plan.updates))
    print(f"Không đổi: {n(plan.unchanged)} đơn vị")
    print(f"Chỉ số đơn vị mới (tính đến {format_date(plan.as_of)}): "
          f"{n(len(plan.denominators))} đơn vị")
    for d in plan.denominators[:_SHOWN]:
        before = describe_denominator(d.cells_before, d.members_before)
        print(f"  # dòng {d.row}, {d.name}: {before} → "
              f"{describe_denominator(d.cells, d.members)}")
    _more(len(plan.denominators))
    if plan.skipped:
        print(f"Bỏ qua {n(len(plan.skipped))} dòng: " + ", ".join(
            f"{s.row} ({s.reason})" for s in plan.skipped[:20]))
    if plan.is_empty:
        print("Không có gì thay đổi.")
        return EXIT_OK
    if args.dry_run:
        print("Chạy thử (--dry-run): chưa ghi gì.")
        return EXIT_OK
    result = apply_org_import(db, plan)
    print(f"Đã nhập xong: {plan.summary()} — {_seconds(result.seconds)} giây.")
    return EXIT_OK


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _more(total: int) -> None:
    if total > _SHOWN:
        print(f"  … và {total - _SHOWN:,} đơn vị khác".replace(",", "."))


def _cmd_export(db: Any, args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.domain.dates import format_date
    from desktop.domain.numbers import format_int
    from desktop.services.org_export import export_orgs

    day = args.as_of or date.today()
    result = export_orgs(db, args.file, as_of=day)
    print(f"Đã xuất {format_int(result.organisations)} đơn vị (tính đến {format_date(day)}) ra "
          f"«{result.path}» — {_seconds(result.seconds)} giây.")
    return EXIT_OK
