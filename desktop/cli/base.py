"""General commands: init, demo, stats, check [--full]."""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from typing import Any

from desktop.cli.common import EXIT_OK, EXIT_REFUSED, date_arg, positive


def register(sub: Any) -> None:
    sub.add_parser("init", help="tạo hoặc nâng cấp cơ sở dữ liệu").set_defaults(handler=_cmd_init)

    demo = sub.add_parser("demo", help="tạo dữ liệu mẫu của một tỉnh giả định")
    demo.add_argument("--orgs", type=positive, default=3000, help="số đơn vị (mặc định 3000)")
    demo.add_argument("--documents", type=positive, default=5, help="số văn bản (mặc định 5)")
    demo.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên")
    demo.add_argument("--today", type=date_arg, help="coi hôm nay là ngày này (dd/mm/yyyy)")
    demo.set_defaults(handler=_cmd_demo)

    stats = sub.add_parser("stats", help="số liệu tiến độ của văn bản")
    stats.add_argument("--document", metavar="SỐ_KÝ_HIỆU", help='ví dụ "15-CT/TU"')
    stats.add_argument("--as-of", type=date_arg, help="tính đến ngày (dd/mm/yyyy)")
    stats.add_argument("--json", action="store_true", help="in dạng JSON")
    stats.set_defaults(handler=_cmd_stats)

    check = sub.add_parser("check", help="kiểm tra tính toàn vẹn của dữ liệu")
    check.add_argument("--full", action="store_true",
                       help="kiểm tra kỹ: cả chỉ mục (integrity_check) và chuỗi nhật ký thay đổi")
    check.set_defaults(handler=_cmd_check)


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

    results = check(db, full=args.full)
    for r in results:
        print(f"[{'ĐẠT' if r.ok else 'LỖI'}] {r.name}: {r.detail}")
    bad = [r for r in results if not r.ok]
    if bad:
        print(f"Có {len(bad)} mục không đạt. Hãy sao lưu tệp dữ liệu và liên hệ người quản trị.")
        return EXIT_REFUSED
    print("Dữ liệu toàn vẹn.")
    return EXIT_OK
