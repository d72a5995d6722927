"""Data-safety commands: backup, restore, audit verify (``check`` is in ``base``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, EXIT_REFUSED


def register(sub: Any) -> None:
    backup = sub.add_parser("backup", help="sao lưu dữ liệu ngay (bản sao được kiểm tra lại)")
    backup.add_argument(
        "--to",
        metavar="THƯ_MỤC",
        type=Path,
        help="thư mục chứa bản sao lưu (mặc định: thư mục sao lưu đã chọn)",
    )
    backup.set_defaults(handler=_cmd_backup)

    restore = sub.add_parser(
        "restore", help="khôi phục dữ liệu từ một bản sao lưu (trạng thái hiện tại được giữ lại)"
    )
    restore.add_argument("file", metavar="TỆP", type=Path, help="tệp sao lưu (.sqlite3)")
    restore.set_defaults(handler=_cmd_restore, without_db=True)

    audit = sub.add_parser("audit", help="nhật ký thay đổi")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="LỆNH", parser_class=type(audit))
    audit_sub.required = True
    audit_sub.add_parser("verify", help="kiểm tra chuỗi nhật ký không bị sửa, xóa").set_defaults(
        handler=_cmd_audit_verify
    )


def _cmd_backup(db: Any, args: argparse.Namespace) -> int:
    from desktop.services import backup

    result = backup.make_backup(db, "manual", to=args.to)
    print(f"Đã sao lưu và kiểm tra lại: {result.path}")
    if result.removed:
        print(
            f"Đã xóa {len(result.removed)} bản sao lưu cũ (giữ bản gần đây, theo ngày, "
            "tuần, tháng)."
        )
    return EXIT_OK


def _cmd_restore(_db: Any, args: argparse.Namespace) -> int:
    """Runs without opening the database first: the current file may be the damaged one."""
    from desktop.services import backup
    from desktop.store.backup import PG_SUFFIX
    from desktop.store.engine import resolve_url, sqlite_path

    source: Path = args.file
    if not source.is_file():
        print(f"Lỗi: không có tệp «{source}».")
        return EXIT_REFUSED
    url = resolve_url(args.db)
    path = sqlite_path(url)
    if path is None:
        if source.suffix != PG_SUFFIX:
            print("Lỗi: dữ liệu trên máy chủ PostgreSQL chỉ khôi phục được từ tệp .pgdump.")
            return EXIT_REFUSED
        from desktop.services.database import Database

        result = backup.restore(Database.open(url), source)
    else:
        result = backup.restore_file(path, source, folder=backup.backup_folder_of_file(path))
    print(f"Đã khôi phục dữ liệu từ «{source.name}».")
    print(f"Trạng thái trước khi khôi phục được giữ ở: {result.previous}")
    return EXIT_OK


def _cmd_audit_verify(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.audit import verify

    verdict = verify(db)
    if verdict.ok:
        print(f"Nhật ký thay đổi toàn vẹn: {verdict.message}.")
        return EXIT_OK
    print(verdict.message)
    return EXIT_REFUSED
