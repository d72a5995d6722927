"""Backups: verified copies, thinning with an injected clock, restore round-trip, pg_dump."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.errors import DatabaseError
from desktop.services import backup
from desktop.services.database import Database
from desktop.store import backup as store
from desktop.store import models as m
from desktop.store.engine import make_engine


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _add_org(db: Database, name: str) -> None:
    with db.transaction() as s:
        s.add(m.Organisation(name=name))


def _names(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(m.Organisation.name).order_by(m.Organisation.id)))


def test_backup_is_a_verified_copy_beside_the_database(
    sqlite_db: Database, sqlite_path: Path
) -> None:
    _add_org(sqlite_db, "Đảng bộ xã Tân An")
    result = backup.make_backup(sqlite_db, "manual")
    assert result.path.parent == sqlite_path.parent / "backups"
    assert result.path.name.startswith("theodoi-") and "thu-cong" in result.path.name
    assert store.verify_sqlite(result.path, {"0002"}) == "0002"
    con = sqlite3.connect(result.path)
    assert con.execute("SELECT name FROM organisations").fetchall() == [("Đảng bộ xã Tân An",)]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    assert not list(result.path.parent.glob(store.TMP_PREFIX + "*"))


def test_changed_since_last_backup_follows_the_audit_log(sqlite_db: Database) -> None:
    assert backup.changed_since_last_backup(sqlite_db)  # no backup yet
    backup.make_backup(sqlite_db)
    assert not backup.changed_since_last_backup(sqlite_db)
    assert backup.backup_if_changed(sqlite_db) is None
    _add_org(sqlite_db, "Chi bộ thôn 1")
    assert backup.changed_since_last_backup(sqlite_db)
    assert backup.backup_if_changed(sqlite_db, "exit") is not None
    assert len(backup.list_backups(sqlite_db)) == 2


def test_chosen_folder_is_stored_in_the_database(sqlite_db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb" / "SaoLuu"
    backup.set_backup_folder(sqlite_db, usb)
    assert backup.backup_folder(sqlite_db) == usb
    result = backup.make_backup(sqlite_db)
    assert result.path.parent == usb
    backup.set_backup_folder(sqlite_db, None)
    assert backup.backup_folder(sqlite_db) == backup.default_folder(sqlite_db)


def test_thinning_rule_keeps_recent_daily_weekly_monthly() -> None:
    """A backup every 6 hours for 400 days, by an injected clock (the pure rule)."""
    start = datetime(2025, 10, 1, 8, 0)
    found = [
        store.BackupFile(Path(f"{i}.sqlite3"), "theodoi", start + timedelta(hours=6 * i), "dinh-ky")
        for i in range(1600)
    ]
    keep = store.thin(found, recent=10, daily=7, weekly=5, monthly=12)
    times = sorted((b.taken for b in found if b.path in keep), reverse=True)
    newest = found[-1].taken
    assert times[:10] == [newest - timedelta(hours=6 * i) for i in range(10)]
    assert {(newest - timedelta(days=d)).date() for d in range(7)} <= {t.date() for t in times}
    assert len({tuple(t.isocalendar())[:2] for t in times}) >= 5
    assert len({(t.year, t.month) for t in times}) == 12
    assert len(times) <= 10 + 7 + 5 + 12


def test_thinning_removes_files_after_each_backup(sqlite_db: Database) -> None:
    clock = [datetime(2026, 1, 1, 8, 0)]
    for _ in range(40):  # one every 2 days
        backup.make_backup(sqlite_db, "auto", now=lambda: clock[0])
        clock[0] += timedelta(days=2)
    kept = backup.list_backups(sqlite_db)
    expected = store.thin(
        [
            store.BackupFile(
                Path(str(i)), "t", datetime(2026, 1, 1, 8) + timedelta(days=2 * i), "x"
            )
            for i in range(40)
        ],
        **backup.KEEP,
    )
    assert len(kept) == len(expected) < 40
    assert kept[0].taken == datetime(2026, 1, 1, 8) + timedelta(days=78)


def test_a_corrupt_database_never_rotates_good_backups_away(
    sqlite_db: Database, sqlite_path: Path
) -> None:
    clock = [datetime(2026, 1, 1, 8, 0)]
    for _ in range(12):
        backup.make_backup(sqlite_db, "auto", now=lambda: clock[0])
        clock[0] += timedelta(hours=1)
    before = sorted(p.name for p in (sqlite_path.parent / "backups").iterdir())
    sqlite_db.close()
    _corrupt_page(sqlite_path, 3)
    damaged = Database(make_engine(str(sqlite_path)))
    with pytest.raises(DatabaseError, match="hỏng"):
        backup.make_backup(damaged, "auto", now=lambda: clock[0])
    damaged.close()
    assert sorted(p.name for p in (sqlite_path.parent / "backups").iterdir()) == before


def _corrupt_page(path: Path, page: int) -> None:
    con = sqlite3.connect(path)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xff" * 64)


def test_restore_brings_back_exactly_the_backed_up_data(
    sqlite_db: Database, sqlite_path: Path
) -> None:
    _add_org(sqlite_db, "Trước sao lưu")
    saved = backup.make_backup(sqlite_db).path
    expected = _dump(saved)
    _add_org(sqlite_db, "Sau sao lưu")
    with sqlite_db.transaction() as s:
        s.scalars(select(m.Organisation)).first().note = "sửa sau sao lưu"
    result = backup.restore(sqlite_db, saved)
    assert _dump(sqlite_path) == expected
    # the state before the restore was kept, verified
    assert "truoc-khoi-phuc" in result.previous.name
    kept = sqlite3.connect(result.previous)
    assert (
        kept.execute("SELECT count(*) FROM organisations WHERE name = 'Sau sao lưu'").fetchone()[0]
        == 1
    )
    kept.close()
    reopened = Database.open(str(sqlite_path))
    try:
        assert _names(reopened) == ["Trước sao lưu"]
    finally:
        reopened.close()


def test_restore_refuses_a_bad_file_and_changes_nothing(
    sqlite_db: Database, sqlite_path: Path, tmp_path: Path
) -> None:
    _add_org(sqlite_db, "Giữ nguyên")
    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(b"not a database" * 300)
    before = _dump(sqlite_path)
    with pytest.raises(DatabaseError):
        backup.restore(sqlite_db, bad)
    assert _dump(sqlite_path) == before


def test_restore_of_a_damaged_database_keeps_it_aside(
    sqlite_db: Database, sqlite_path: Path
) -> None:
    _add_org(sqlite_db, "Trong bản sao")
    saved = backup.make_backup(sqlite_db).path
    sqlite_db.close()
    _corrupt_page(sqlite_path, 2)
    damaged_bytes = sqlite_path.read_bytes()
    result = backup.restore_file(sqlite_path, saved, folder=saved.parent)
    assert "-hong-" in result.previous.name and result.previous.read_bytes() == damaged_bytes
    assert _dump(sqlite_path) == _dump(saved)


def test_import_takes_a_backup_first(sqlite_db: Database, sqlite_path: Path) -> None:
    """The hook in org_import_apply: a verified copy of the data as it was before the import."""
    from desktop.services import org_import_apply

    _add_org(sqlite_db, "Có từ trước")
    with sqlite_db.transaction() as s:
        path = backup.before_session(s, "import")
        s.add(m.Organisation(name="Nhập mới"))
    assert path is not None and "truoc-nhap" in path.name
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM organisations")] == ["Có từ trước"]
    con.close()
    assert "before_session" in Path(org_import_apply.__file__).read_text(encoding="utf-8")


def test_a_full_disk_during_backup_leaves_no_partial_file(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "_fsync_file", full)
    with pytest.raises(DatabaseError, match="Không ghi được bản sao lưu"):
        backup.make_backup(sqlite_db)
    folder = backup.backup_folder(sqlite_db)
    assert not list(folder.iterdir())


@pytest.mark.postgres
def test_pg_dump_backup_and_restore(pg_db: Database, tmp_path: Path) -> None:
    assert shutil.which("pg_dump"), "pg_dump is installed on this machine"
    _add_org(pg_db, "Trên máy chủ")
    result = backup.make_backup(pg_db, to=tmp_path)
    assert result.path.suffix == ".pgdump" and result.path.stat().st_size > 0
    url = pg_db.engine.url.render_as_string(hide_password=False)
    _add_org(pg_db, "Sau sao lưu")
    backup.restore(pg_db, result.path)
    again = Database.open(url)
    try:
        assert _names(again) == ["Trên máy chủ"]
    finally:
        again.close()


def test_without_pg_dump_the_clerk_is_told_why() -> None:
    from unittest import mock

    with (
        mock.patch.object(store, "pg_tool", return_value=None),
        pytest.raises(DatabaseError, match="pg_dump"),
    ):
        store.pg_dump("postgresql+psycopg://x@localhost/y", Path("/tmp/never.pgdump"))
