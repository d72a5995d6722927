"""A database URL becomes a configured engine; SQLite connections get the safety settings.

Accepted targets (``--db`` or ``THEODOI_DB``): a path to a SQLite file, a ``sqlite:///`` URL,
or a ``postgresql+psycopg://`` URL for the office's shared server. Every SQLite connection runs
with foreign keys on, a busy timeout, WAL on a local disk, ``synchronous=FULL`` and real
transactions (SQLAlchemy's pysqlite "BEGIN" recipe: the driver's own implicit transaction
handling is switched off and SQLAlchemy emits BEGIN itself, so SAVEPOINT and reads are
transactional too).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from desktop import config
from desktop.domain.errors import DatabaseError

#: ``PRAGMA application_id`` of our SQLite files ("TDCT"), so a random .db is never taken for ours.
APPLICATION_ID = 0x54444354
BUSY_TIMEOUT_MS = 5000
#: Execution option marking a connection that will write (SQLite: BEGIN IMMEDIATE).
WRITE_OPTION = "theodoi_write"


def resolve_url(target: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db``/``THEODOI_DB``/the default into a SQLAlchemy URL string."""
    if target is None or str(target) == "":
        target = os.environ.get(config.DB_ENV_VAR) or config.default_db_path()
    text = str(target)
    if "://" in text:
        url = make_url(text)
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseError(
                f"Không hỗ trợ loại cơ sở dữ liệu «{url.get_backend_name()}». "
                "Dùng một tệp SQLite hoặc địa chỉ postgresql+psycopg://người_dùng@máy_chủ/tên_csdl."
            )
        if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path.as_posix()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    db = parsed.database
    if not db or db == ":memory:" or db.startswith("file::memory:"):
        return None
    return Path(db)


_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs"}
_DRIVE_REMOTE = 4  # GetDriveTypeW


def is_network_path(path: Path, mounts: str | None = None) -> bool:
    """True when ``path`` lies on a network share (UNC path, mapped network drive, NFS/SMB mount).

    ``mounts`` (the text of /proc/mounts) can be injected by tests.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if os.name == "nt":  # pragma: no cover - exercised on Windows
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE)
        return False
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    best, best_fs = "", ""
    resolved = Path(text).as_posix()
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_fs = point, parts[2]
    return best_fs in _NETWORK_FS


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(
    target: str | os.PathLike[str] | None = None, *, read_only: bool = False, **kwargs: Any
) -> Engine:
    """Create the engine for ``target`` (see :func:`resolve_url`).

    ``read_only``: every connection refuses writes (SQLite ``query_only``, PostgreSQL
    ``default_transaction_read_only``) — a second program on a locked file.
    """
    url = resolve_url(target)
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url, read_only=read_only, **kwargs)
    kwargs.setdefault("pool_pre_ping", True)
    # The grid's and the statistics' queries are short and run often: PostgreSQL's JIT
    # compilation costs more (~20 ms a query, measured) than it saves at these volumes.
    connect_args = kwargs.pop("connect_args", {})
    options = "-c jit=off" + (" -c default_transaction_read_only=on" if read_only else "")
    connect_args.setdefault("options", options)
    return create_engine(url, connect_args=connect_args, **kwargs)


def _sqlite_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"Không tạo được thư mục dữ liệu «{path.parent}» ({exc.strerror}). "
                "Chọn một thư mục khác mà bạn có quyền ghi."
            ) from exc
    connect_args = kwargs.pop("connect_args", {})
    connect_args.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    # WAL needs shared memory that network file systems do not provide reliably.
    use_wal = (
        path is not None
        and os.environ.get("THEODOI_SQLITE_JOURNAL", "wal").lower() == "wal"
        and not is_network_path(path)
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if use_wal and not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A write transaction takes the write lock at once (waiting up to busy_timeout): a
        # deferred one that read first could not be upgraded after another writer committed.
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def describe(engine: Engine) -> str:
    """A human description of where the data is, without a password."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None:
        return str(path)
    return engine.url.render_as_string(hide_password=True)
