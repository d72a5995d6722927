"""``theodoi-cli``: the headless commands, built only on services (never on the UI).

Exit codes: 0 done, 1 input refused (the message says why and what to do), 2 usage error.
Messages are in Vietnamese; ``--json`` output is for scripts and keeps codes and ISO dates.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any, NoReturn

from desktop.domain.errors import AppError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

# argparse prints its own messages in English; these are the ones a clerk can meet.
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "còn thiếu: %s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s chưa rõ, có thể là %(matches)s",
}


def _install_argparse_translation() -> None:
    argparse._ = lambda message: _ARGPARSE_VI.get(message, message)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: lỗi: {message}\n")


def _date_arg(text: str) -> date:
    from desktop.domain.dates import DateParseError, parse_date

    try:
        return parse_date(text)
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"«{text}» không phải là số nguyên dương")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    _install_argparse_translation()
    parser = _Parser(
        prog="theodoi-cli",
        description="Theo dõi Chỉ thị — các lệnh không cần giao diện.",
    )
    parser.add_argument(
        "--db",
        metavar="TỆP_HOẶC_URL",
        help="tệp SQLite hoặc postgresql+psycopg://… (mặc định: biến THEODOI_DB, "
        "nếu không có thì tệp dữ liệu của người dùng)",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    sub.required = True

    sub.add_parser("init", help="tạo hoặc nâng cấp cơ sở dữ liệu")

    demo = sub.add_parser("demo", help="tạo dữ liệu mẫu của một tỉnh giả định")
    demo.add_argument("--orgs", type=_positive, default=3000, help="số đơn vị (mặc định 3000)")
    demo.add_argument("--documents", type=_positive, default=5, help="số văn bản (mặc định 5)")
    demo.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên")
    demo.add_argument("--today", type=_date_arg, help="coi hôm nay là ngày này (dd/mm/yyyy)")

    docs = sub.add_parser("documents", help="văn bản")
    docs_sub = docs.add_subparsers(dest="action", metavar="VIỆC", parser_class=_Parser)
    docs_sub.required = True
    dl = docs_sub.add_parser("list", help="liệt kê văn bản")
    dl.add_argument("--search", help="tìm theo số, ký hiệu, trích yếu (không cần dấu)")
    dl.add_argument("--json", action="store_true", help="in dạng JSON")

    stats = sub.add_parser("stats", help="số liệu tiến độ của văn bản")
    stats.add_argument("--document", metavar="SỐ_KÝ_HIỆU", help='ví dụ "15-CT/TU"')
    stats.add_argument("--as-of", type=_date_arg, help="tính đến ngày (dd/mm/yyyy)")
    stats.add_argument("--json", action="store_true", help="in dạng JSON")

    sub.add_parser("check", help="kiểm tra tính toàn vẹn của dữ liệu")
    return parser


# ----------------------------------------------------------------------------- commands


def _cmd_init(db: Any, args: argparse.Namespace) -> int:
    from desktop.store.schema import current_revision

    print(f"Cơ sở dữ liệu sẵn sàng: {db.location} (lược đồ {current_revision(db.engine)}).")
    return EXIT_OK


def _cmd_demo(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.numbers import format_int
    from desktop.services.demo import create_demo

    started = time.perf_counter()
    summary = create_demo(db, orgs=args.orgs, documents=args.documents, seed=args.seed,
                          today=args.today)
    print(
        f"Đã tạo dữ liệu mẫu trong {db.location}: {format_int(summary.organisations)} đơn vị "
        f"({format_int(summary.party_cells)} chi bộ), {format_int(summary.documents)} văn bản, "
        f"{format_int(summary.tracking_rows)} dòng theo dõi, "
        f"{format_int(summary.reports)} báo cáo — {time.perf_counter() - started:.1f} giây."
    )
    return EXIT_OK


def _cmd_documents(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.dates import format_date
    from desktop.services.documents import list_documents

    rows = list_documents(db, args.search)
    if args.json:
        out = [
            {**asdict(r), "number_symbol": r.number_symbol,
             "issue_date": r.issue_date.isoformat() if r.issue_date else None}
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("Chưa có văn bản nào." if not args.search else "Không có văn bản nào khớp.")
        return EXIT_OK
    width = max(len(r.number_symbol) for r in rows)
    for r in rows:
        print(f"{r.number_symbol:<{width}}  {format_date(r.issue_date):<10}  "
              f"{r.type_name} {r.excerpt}")
    print(f"— {len(rows)} văn bản")
    return EXIT_OK


def _stats_json(st: Any) -> dict[str, Any]:
    return {
        "document_id": st.document_id,
        "document": st.number_symbol,
        "excerpt": st.excerpt,
        "issue_date": st.issue_date.isoformat() if st.issue_date else None,
        "as_of": st.as_of.isoformat(),
        "totals": asdict(st.totals),
        "groups": [{"group_id": g.group_id, "name": g.name, **asdict(g.counts)}
                   for g in st.groups],
    }


_STAT_COLUMNS = (
    ("recipients", "Nhận VB"),
    ("received", "Đã nhận"),
    ("discussed", "Quán triệt"),
    ("planned", "Kế hoạch"),
    ("reported", "Báo cáo"),
    ("overdue", "Quá hạn"),
)


def _print_stats(st: Any) -> None:
    from desktop.domain.dates import format_date
    from desktop.domain.numbers import format_int, format_percent, percent

    print(f"{st.number_symbol} ngày {format_date(st.issue_date)} — {st.excerpt}")
    print(f"(tính đến ngày {format_date(st.as_of)})")
    name_w = max([len("Tổng cộng")] + [len(g.name) for g in st.groups])
    header = f"  {'Nhóm đơn vị':<{name_w}}" + "".join(f"{h:>12}" for _, h in _STAT_COLUMNS)
    print(header)
    for label, counts in [(g.name, g.counts) for g in st.groups] + [("Tổng cộng", st.totals)]:
        cells = "".join(f"{format_int(getattr(counts, k)):>12}" for k, _ in _STAT_COLUMNS)
        print(f"  {label:<{name_w}}{cells}")
    t = st.totals
    if t.recipients:
        print(
            f"  Đã báo cáo {format_int(t.reported)}/{format_int(t.recipients)} đơn vị, đạt "
            f"{format_percent(percent(t.reported, t.recipients))}."
        )
    print()


def _cmd_stats(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.documents import find_document
    from desktop.services.stats import all_stats, document_stats

    if args.document:
        results = [document_stats(db, find_document(db, args.document).id, args.as_of)]
    else:
        results = all_stats(db, args.as_of)
    if args.json:
        print(json.dumps([_stats_json(r) for r in results], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not results:
        print("Chưa có văn bản nào.")
    for st in results:
        _print_stats(st)
    return EXIT_OK


def _cmd_check(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.integrity import check

    results = check(db)
    for r in results:
        print(f"[{'ĐẠT' if r.ok else 'LỖI'}] {r.name}: {r.detail}")
    bad = [r for r in results if not r.ok]
    if bad:
        print(f"Có {len(bad)} mục không đạt. Hãy sao lưu tệp dữ liệu và liên hệ người quản trị.")
        return EXIT_REFUSED
    print("Dữ liệu toàn vẹn.")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "documents": _cmd_documents,
    "stats": _cmd_stats,
    "check": _cmd_check,
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # Windows consoles: print Vietnamese, never crash on it
            reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    from desktop.services.database import Database

    try:
        db = Database.open(args.db)
        try:
            return _COMMANDS[args.command](db, args)
        finally:
            db.close()
    except AppError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # output piped into `head` or a closed pager: not an error
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
