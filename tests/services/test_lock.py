"""One writer per SQLite file: a second program opens read-only and is told who holds it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services import lock
from desktop.services.database import Database, ReadOnlyError
from desktop.store import models as m

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _count(path: Path) -> int:
    db = Database.open(str(path), single_writer=False)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(m.Organisation)) or 0)
    finally:
        db.close()


def _write_lock(path: Path, **fields: object) -> None:
    info = {
        "user": "an",
        "computer": "VP-01",
        "pid": 1,
        "time": datetime.now(UTC).isoformat(),
        "version": "0.1.0",
    }
    info.update(fields)
    lock.lock_path(path).write_text(json.dumps(info), encoding="utf-8")


def test_lock_file_says_who_holds_the_database(sqlite_db: Database, sqlite_path: Path) -> None:
    info = lock.read_lock(lock.lock_path(sqlite_path))
    assert info is not None and info.pid == os.getpid()
    assert info.computer and info.user and info.version
    sqlite_db.close()
    assert not lock.lock_path(sqlite_path).exists()


def test_a_live_holder_makes_the_second_program_read_only(sqlite_path: Path) -> None:
    """pid 1 is alive on this computer: the file is held by another program."""
    import socket

    _write_lock(sqlite_path, computer=socket.gethostname(), pid=1)
    db = Database.open(str(sqlite_path))
    try:
        assert db.read_only and db.holder.user == "an"
        with pytest.raises(ReadOnlyError, match="chỉ đọc") as info, db.transaction() as s:
            s.add(m.Organisation(name="Không được ghi"))
        assert "«an»" in info.value.message
        # the engine itself refuses writes too (query_only)
        with pytest.raises(Exception, match="readonly"), db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('x', 'y')")
    finally:
        db.close()
    assert _count(sqlite_path) == 0
    assert lock.read_lock(lock.lock_path(sqlite_path)).pid == 1  # not ours to remove


def test_a_stale_lock_of_a_dead_process_is_taken_over(sqlite_path: Path) -> None:
    import socket

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _write_lock(sqlite_path, computer=socket.gethostname(), pid=dead.pid)
    db = Database.open(str(sqlite_path))
    try:
        assert not db.read_only
        with db.transaction() as s:
            s.add(m.Organisation(name="Ghi được"))
        assert lock.read_lock(lock.lock_path(sqlite_path)).pid == os.getpid()
    finally:
        db.close()


class Probe:
    def __init__(self, host: str = "may-nay", alive: bool = True) -> None:
        self.host, self.is_alive = host, alive

    def hostname(self) -> str:
        return self.host

    def alive(self, pid: int) -> bool:
        return self.is_alive


def test_another_computers_lock_is_stale_after_12_hours(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    _write_lock(db, computer="may-khac", time=(now - timedelta(hours=11)).isoformat())
    held = lock.acquire(db, probe=Probe(), now=lambda: now, pid=4242)
    assert not held.owned and held.holder.computer == "may-khac"
    assert "may-khac" in held.holder.describe()
    later = now + timedelta(hours=2)
    taken = lock.acquire(db, probe=Probe(), now=lambda: later, pid=4242)
    assert taken.owned
    assert lock.read_lock(lock.lock_path(db)).pid == 4242
    lock._held.clear()


def test_a_lock_left_empty_by_a_kill_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    path = lock.lock_path(db)
    path.write_text("", encoding="utf-8")
    old = time.time() - 10
    os.utime(path, (old, old))
    assert lock.acquire(db, probe=Probe(), pid=77).owned
    lock._held.clear()


def test_a_second_cli_process_cannot_write(sqlite_db: Database, sqlite_path: Path) -> None:
    """This test process holds the file; ``theodoi-cli`` in another process is refused."""
    env = {k: v for k, v in os.environ.items() if k != "THEODOI_DB"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CLI,
            "--db",
            str(sqlite_path),
            "demo",
            "--orgs",
            "40",
            "--documents",
            "1",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "chỉ đọc" in done.stderr
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Organisation)) == 0
    # reading still works for the second program
    done = subprocess.run(
        [sys.executable, "-c", CLI, "--db", str(sqlite_path), "documents", "list"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
