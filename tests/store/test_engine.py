"""Every SQLite connection gets the safety settings; URLs resolve the way the README says."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.domain.errors import DatabaseError
from desktop.store.engine import BUSY_TIMEOUT_MS, make_engine, resolve_url


def test_sqlite_connection_has_safety_settings(sqlite_path: Path) -> None:
    engine = make_engine(str(sqlite_path))
    with engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
    engine.dispose()


def test_orphan_foreign_key_is_refused(sqlite_path: Path) -> None:
    engine = make_engine(str(sqlite_path))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO org_denominators (organisation_id, as_of, note, version, created_at,"
            " updated_at) VALUES (999, '2026-01-01', '', 1, '2026-01-01', '2026-01-01')"
        ))
    engine.dispose()


def test_transactions_are_real_and_roll_back(sqlite_path: Path) -> None:
    """SQLAlchemy emits BEGIN itself: a failing block leaves nothing behind, SAVEPOINT works."""
    engine = make_engine(str(sqlite_path))
    with pytest.raises(RuntimeError), engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('a', '1')"))
        raise RuntimeError("boom")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('b', '1')"))
        nested = conn.begin_nested()
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('c', '1')"))
        nested.rollback()
    with engine.connect() as conn:
        keys = [r[0] for r in conn.execute(text("SELECT key FROM settings ORDER BY key"))]
    assert keys == ["b"]
    engine.dispose()


def test_write_waits_for_a_short_lock(sqlite_path: Path) -> None:
    """Another program holding the write lock for a moment delays the write; nothing fails."""
    holder = sqlite3.connect(sqlite_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")

    def release() -> None:
        time.sleep(1.0)
        holder.execute("COMMIT")

    thread = threading.Thread(target=release)
    thread.start()
    engine = make_engine(str(sqlite_path))
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('mine', '1')"))
    waited = time.perf_counter() - started
    thread.join()
    holder.close()
    assert 0.5 < waited < BUSY_TIMEOUT_MS / 1000
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM settings")).scalar() == 2
    engine.dispose()


def test_resolve_url_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "Tài liệu" / "dữ liệu.sqlite3"
    assert resolve_url(str(path)) == f"sqlite:///{path.as_posix()}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("THEODOI_DB", str(path))
    assert resolve_url(None) == f"sqlite:///{path.as_posix()}"
    monkeypatch.delenv("THEODOI_DB")
    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path / "data"))
    assert resolve_url(None).endswith("/data/theodoi.sqlite3")
    with pytest.raises(DatabaseError, match="Không hỗ trợ"):
        resolve_url("mysql://u@h/db")


def test_vietnamese_path_is_created(tmp_path: Path) -> None:
    path = tmp_path / "Nguyễn Văn A" / "Tài liệu" / "theodoi.sqlite3"
    engine = make_engine(str(path))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    engine.dispose()
    assert path.exists()


MOUNTS = """\
/dev/vda / ext4 rw 0 0
server:/export /mnt/share nfs4 rw 0 0
//nas/docs /mnt/nas cifs rw 0 0
/dev/vdb /mnt/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/thu/theodoi.sqlite3", False),
        ("/mnt/share/theodoi.sqlite3", True),
        ("/mnt/nas/Tài liệu/theodoi.sqlite3", True),
        ("/mnt/share/local/theodoi.sqlite3", False),  # a local disk mounted inside a share
        ("/mnt/sharex/theodoi.sqlite3", False),
        ("//server/share/theodoi.sqlite3", True),
        ("\\\\server\\share\\theodoi.sqlite3", True),
    ],
)
def test_network_paths_are_recognised(path: str, network: bool) -> None:
    from desktop.store.engine import is_network_path

    assert is_network_path(Path(path), mounts=MOUNTS) is network


@pytest.mark.postgres
def test_postgres_connections_run_without_jit(pg_url: str) -> None:
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW jit").scalar() == "off"
    engine.dispose()
