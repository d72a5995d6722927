"""``theodoi-cli``: the headless commands, built only on services (never on the UI).

Exit codes: 0 done, 1 input refused (the message says why and what to do), 2 usage error.
Messages are in Vietnamese; ``--json`` output is for scripts and keeps codes and ISO dates.
Each command group lives in its own module with a ``register(subparsers)`` function that sets
``handler`` on its parsers; a handler takes ``(db, args)`` and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop.cli import base, documents, forms, orgs, reports, safety, tracking
from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Parser,
    install_argparse_translation,
)
from desktop.domain.errors import AppError

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main"]

COMMAND_MODULES = (base, documents, orgs, tracking, reports, forms, safety)


def build_parser() -> argparse.ArgumentParser:
    install_argparse_translation()
    parser = Parser(
        prog="theodoi-cli",
        description="Theo dõi Chỉ thị — các lệnh không cần giao diện.",
    )
    parser.add_argument(
        "--db",
        metavar="TỆP_HOẶC_URL",
        help="tệp SQLite hoặc postgresql+psycopg://… (mặc định: biến THEODOI_DB, "
        "nếu không có thì tệp dữ liệu của người dùng)",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)
    sub.required = True
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # Windows consoles: print Vietnamese, never crash on it
            reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    from desktop.services.database import Database

    try:
        if getattr(args, "without_db", False):  # restore: the current file may be unreadable
            return int(args.handler(None, args))
        db = Database.open(args.db)
        try:
            return int(args.handler(db, args))
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
