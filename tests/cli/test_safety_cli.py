"""``theodoi-cli backup / restore / check --full / audit verify`` on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, main
from desktop.services.database import Database
from desktop.store import audit_chain
from desktop.store import models as m


def _add(path: Path, name: str) -> None:
    db = Database.open(str(path))
    with db.transaction() as s:
        s.add(m.Organisation(name=name))
    db.close()


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM organisations ORDER BY id")]
    finally:
        con.close()


def test_backup_restore_round_trip(
    sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(sqlite_path, "Trước")
    usb = tmp_path / "usb"
    assert main(["--db", str(sqlite_path), "backup", "--to", str(usb)]) == EXIT_OK
    out = capsys.readouterr().out
    [saved] = list(usb.glob("theodoi-*-thu-cong.sqlite3"))
    assert str(saved) in out and "kiểm tra lại" in out
    _add(sqlite_path, "Sau")
    assert main(["--db", str(sqlite_path), "restore", str(saved)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out and "truoc-khoi-phuc" in out
    assert _names(sqlite_path) == ["Trước"]


def test_restore_works_on_a_database_that_cannot_be_opened(
    sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(sqlite_path, "Trong bản sao")
    assert main(["--db", str(sqlite_path), "backup"]) == EXIT_OK
    [saved] = list((sqlite_path.parent / "backups").glob("*-thu-cong.sqlite3"))
    sqlite_path.write_bytes(b"\x00" * 4096)  # destroyed
    for extra in ("-wal", "-shm"):
        sqlite_path.with_name(sqlite_path.name + extra).unlink(missing_ok=True)
    assert main(["--db", str(sqlite_path), "restore", str(saved)]) == EXIT_OK
    assert _names(sqlite_path) == ["Trong bản sao"]
    assert list(sqlite_path.parent.glob("theodoi-hong-*.sqlite3"))


def test_check_full_and_audit_verify_report_a_broken_chain(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(sqlite_path, "Một")
    _add(sqlite_path, "Hai")
    assert main(["--db", str(sqlite_path), "check", "--full"]) == EXIT_OK
    assert "Nhật ký thay đổi: 2 dòng" in capsys.readouterr().out
    assert main(["--db", str(sqlite_path), "audit", "verify"]) == EXIT_OK
    capsys.readouterr()
    db = Database.open(str(sqlite_path))
    with db.engine.begin() as conn:
        audit_chain.drop_triggers(conn)
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 1")
    db.close()
    assert main(["--db", str(sqlite_path), "audit", "verify"]) == EXIT_REFUSED
    assert "đứt tại dòng số 1" in capsys.readouterr().out
    assert main(["--db", str(sqlite_path), "check", "--full"]) == EXIT_REFUSED
    assert "[LỖI] Nhật ký thay đổi" in capsys.readouterr().out
