"""Verified copies of a database: SQLite online backup, pg_dump, and the thinning rule.

Pure storage mechanics; the policy (when, where, how many) is in ``desktop.services.backup``.
A copy is first written to a temporary file in the destination folder (:data:`TMP_PREFIX`, swept
at start), reopened read-only and checked — ``quick_check``, our ``application_id``, a schema
revision this program knows — and only then renamed to its final name, so a backup folder never
holds a half-written or unchecked copy under a backup's name.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from desktop.domain.errors import DatabaseError
from desktop.store.engine import APPLICATION_ID

#: Prefix of every temporary file the program writes beside a database or a backup.
TMP_PREFIX = ".theodoi-tmp-"
SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".pgdump"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)"
    r"(?P<suffix>\.sqlite3|\.pgdump)$"
)


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup in a folder, as told by its name."""

    path: Path
    stem: str
    taken: datetime  # local time of the copy, from the name
    reason: str


def backup_name(stem: str, taken: datetime, reason: str, suffix: str = SQLITE_SUFFIX) -> str:
    return f"{stem}-{taken.strftime(_STAMP)}-{reason}{suffix}"


def parse_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return BackupFile(path, match["stem"], taken, match["reason"])


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (of the database named ``stem``), newest first."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := parse_name(p)) is not None]
    if stem is not None:
        found = [b for b in found if b.stem == stem]
    return sorted(found, key=lambda b: (b.taken, _mtime(b.path)), reverse=True)


def _mtime(path: Path) -> int:
    """Orders two backups of the same second (names have seconds only)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def readonly_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def verify_sqlite(path: Path, known_revisions: Iterable[str]) -> str:
    """Check a copy (read-only): quick_check, application_id, known revision. Returns it."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Không mở được bản sao «{path.name}» ({exc}).") from exc
    try:
        quick = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        if quick != ["ok"]:
            raise DatabaseError(f"Bản sao «{path.name}» bị hỏng ({'; '.join(quick[:3])}).")
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise DatabaseError(f"«{path.name}» không phải dữ liệu của Theo dõi Chỉ thị.")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"Bản sao «{path.name}» bị hỏng ({exc}).") from exc
    finally:
        con.close()
    revision = row[0] if row else ""
    if revision not in set(known_revisions):
        raise DatabaseError(
            f"Bản sao «{path.name}» có lược đồ «{revision}» mà phiên bản chương trình này "
            "không biết."
        )
    return str(revision)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def temp_path(folder: Path, suffix: str = "") -> Path:
    return folder / f"{TMP_PREFIX}{uuid.uuid4().hex}{suffix}"


def copy_sqlite(source: Path, dest: Path, known_revisions: Iterable[str]) -> str:
    """Copy ``source`` (a live database is fine) to ``dest`` and verify it; returns its revision.

    Uses the online backup API: a consistent snapshot even while another connection writes,
    including what is still in the WAL file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(dest.parent, SQLITE_SUFFIX)
    try:
        src = sqlite3.connect(readonly_uri(source), uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                # A backup is a single self-contained file: no WAL beside it.
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                f"Không sao lưu được «{source.name}»: tệp dữ liệu bị hỏng ({exc})."
            ) from exc
        finally:
            src.close()
        revision = verify_sqlite(tmp, known_revisions)
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
        return revision
    finally:
        tmp.unlink(missing_ok=True)


def thin(
    backups: Sequence[BackupFile],
    *,
    recent: int = 10,
    daily: int = 7,
    weekly: int = 5,
    monthly: int = 12,
) -> set[Path]:
    """Which backups to keep: the ``recent`` newest, then the newest of each of the last
    ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have backups."""
    ordered = sorted(backups, key=lambda b: (b.taken, b.path.name), reverse=True)
    keep = {b.path for b in ordered[:recent]}
    rules = (
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    )
    for count, bucket in rules:
        seen: list[object] = []
        for b in ordered:
            key = bucket(b.taken)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(b.path)
    return keep


# --------------------------------------------------------------------------- PostgreSQL


def pg_tool(name: str) -> str | None:
    return shutil.which(name)


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string without the password, and the environment carrying it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


PG_MISSING = (
    "Không tìm thấy chương trình pg_dump trên máy này nên chưa sao lưu được dữ liệu trên máy "
    "chủ PostgreSQL. Hãy cài «PostgreSQL command line tools» (cùng phiên bản với máy chủ) và "
    "thêm thư mục bin của nó vào PATH, hoặc nhờ người quản trị máy chủ sao lưu bằng pg_dump."
)


def pg_dump(url: str, dest: Path, timeout: float = 3600) -> None:
    """``pg_dump -Fc`` into ``dest`` (via a temporary file), then ``pg_restore --list`` it."""
    exe, lister = pg_tool("pg_dump"), pg_tool("pg_restore")
    if exe is None or lister is None:
        raise DatabaseError(PG_MISSING)
    conninfo, env = _libpq(url)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(dest.parent, PG_SUFFIX)
    try:
        done = subprocess.run(
            [exe, "-Fc", "--no-owner", "-f", str(tmp), "-d", conninfo],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise DatabaseError(f"pg_dump không sao lưu được dữ liệu: {done.stderr.strip()[:300]}")
        listed = subprocess.run(
            [lister, "--list", str(tmp)], capture_output=True, text=True, timeout=timeout
        )
        if listed.returncode != 0 or "alembic_version" not in listed.stdout:
            raise DatabaseError("Bản sao lưu pg_dump không đọc lại được; chưa lưu bản này.")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def pg_restore(url: str, source: Path, timeout: float = 3600) -> None:
    """Replace the server database's contents with ``source`` in one transaction."""
    exe = pg_tool("pg_restore")
    if exe is None:
        raise DatabaseError(PG_MISSING.replace("pg_dump", "pg_restore", 1))
    conninfo, env = _libpq(url)
    done = subprocess.run(
        [
            exe,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "-d",
            conninfo,
            str(source),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise DatabaseError(
            f"pg_restore không khôi phục được (dữ liệu trên máy chủ không đổi): "
            f"{done.stderr.strip()[:300]}"
        )
