"""Commands on the document register: ``theodoi-cli documents …``."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from desktop.cli.common import EXIT_OK, Parser


def register(sub: Any) -> None:
    docs = sub.add_parser("documents", help="văn bản")
    docs_sub = docs.add_subparsers(dest="action", metavar="VIỆC", parser_class=Parser)
    docs_sub.required = True
    dl = docs_sub.add_parser("list", help="liệt kê văn bản")
    dl.add_argument("--search", help="tìm theo số, ký hiệu, trích yếu (không cần dấu)")
    dl.add_argument("--json", action="store_true", help="in dạng JSON")
    dl.set_defaults(handler=_cmd_list)


def _cmd_list(db: Any, args: argparse.Namespace) -> int:
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
