"""Automatic, verified, thinned backups and restore (the policy; the mechanics are in
``desktop.store.backup``).

When: before every migration (``desktop.store.schema``), before imports and restores
(:func:`before`, one line in each import service), on exit and at most every 30 minutes while the
data changes (:func:`backup_if_changed`, called by a timer in the GUI) and on demand.

Where: ``backups/`` beside the database, or the folder the clerk chose. The choice is stored in
the database's ``settings`` table (key :data:`FOLDER_SETTING`), not in QSettings: the command line
(``theodoi-cli backup``) must find the same folder without Qt, and the choice belongs to the data
file (the USB stick for *this* office's file), not to the Windows account.

Changed since the last backup: the newest audit row id (every business write leaves one) is
compared with the one inside the newest backup — one indexed lookup on each side.

Thinning after each verified backup: the 10 newest, then the newest of each of the last 7 days,
5 weeks and 12 months. A backup that fails (a damaged database cannot be copied and verified)
raises before anything is thinned, so a corrupt database never rotates good backups away.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import config
from desktop.domain.errors import DatabaseError
from desktop.services.database import Database
from desktop.store import backup as store
from desktop.store import models as m
from desktop.store.engine import sqlite_path
from desktop.store.schema import known_revisions

log = logging.getLogger(__name__)

FOLDER_SETTING = "backup.folder"
AUTO_INTERVAL = timedelta(minutes=30)
KEEP = {"recent": 10, "daily": 7, "weekly": 5, "monthly": 12}

#: Reasons, as they appear in file names.
REASONS = {
    "import": "truoc-nhap",
    "restore": "truoc-khoi-phuc",
    "exit": "khi-thoat",
    "auto": "dinh-ky",
    "manual": "thu-cong",
}

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    #: The state before the restore: a verified backup, or the damaged file kept aside.
    previous: Path


def _db_file(db: Database) -> Path | None:
    return sqlite_path(db.engine.url.render_as_string(hide_password=False))


def _stem(db: Database) -> str:
    path = _db_file(db)
    return path.stem if path is not None else (db.engine.url.database or "theodoi")


def default_folder(db: Database) -> Path:
    path = _db_file(db)
    return (path.parent if path is not None else config.data_dir()) / "backups"


def backup_folder(db: Database) -> Path:
    """The folder the clerk chose, or ``backups/`` beside the database."""
    with db.read() as s:
        chosen = s.scalar(select(m.Setting.value).where(m.Setting.key == FOLDER_SETTING))
    return Path(chosen) if chosen else default_folder(db)


def set_backup_folder(db: Database, folder: Path | None) -> None:
    """Choose where backups go (None: back to the default); the folder must be writable."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = store.temp_path(folder)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise DatabaseError(
                f"Không ghi được vào thư mục «{folder}» ({exc.strerror}). "
                "Chọn một thư mục khác (ví dụ trên ổ USB đã cắm) rồi thử lại."
            ) from exc
    with db.transaction() as s:
        row = s.get(m.Setting, FOLDER_SETTING)
        if folder is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(m.Setting(key=FOLDER_SETTING, value=str(folder)))
        else:
            row.value = str(folder)


def list_backups(db: Database, folder: Path | None = None) -> list[store.BackupFile]:
    return store.list_backups(folder or backup_folder(db), _stem(db))


def make_backup(
    db: Database,
    reason: str = "manual",
    *,
    to: Path | None = None,
    now: Clock = datetime.now,
    thin: bool = True,
) -> BackupResult:
    """Write one verified backup (and thin the folder). Raises DatabaseError when it fails."""
    folder = to or backup_folder(db)
    label = REASONS.get(reason, reason)
    path = _db_file(db)
    if path is None and db.dialect == "sqlite":
        raise DatabaseError("Cơ sở dữ liệu trong bộ nhớ không sao lưu được.")
    suffix = store.SQLITE_SUFFIX if path is not None else store.PG_SUFFIX
    dest = _free_name(folder, _stem(db), now(), label, suffix)
    try:
        if path is not None:
            store.copy_sqlite(path, dest, known_revisions())
        else:
            mark = _audit_mark(db)
            store.pg_dump(db.engine.url.render_as_string(hide_password=False), dest)
            _pg_marks[id(db)] = mark
    except OSError as exc:
        raise DatabaseError(
            f"Không ghi được bản sao lưu vào «{folder}» ({exc.strerror}). Kiểm tra ổ đĩa "
            "(còn chỗ trống, ổ USB còn cắm) hoặc chọn thư mục sao lưu khác."
        ) from exc
    log.info("backup written: %s", dest.name)
    removed = _thin(folder, _stem(db)) if thin else ()
    return BackupResult(dest, removed)


def _free_name(folder: Path, stem: str, taken: datetime, label: str, suffix: str) -> Path:
    dest = folder / store.backup_name(stem, taken, label, suffix)
    n = 1
    while dest.exists():
        n += 1
        dest = folder / store.backup_name(stem, taken, f"{label}-{n}", suffix)
    return dest


def _thin(folder: Path, stem: str) -> tuple[Path, ...]:
    found = store.list_backups(folder, stem)
    keep = store.thin(found, **KEEP)
    removed = []
    for b in found:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                log.warning("could not remove old backup %s", b.path.name)
    return tuple(removed)


def before(db: Database, what: str) -> BackupResult | None:
    """The one-line hook before a risky write: ``backup.before(db, "import")``.

    SQLite only (a server is backed up by its own schedule; a pg_dump before every import would
    take minutes); nothing when the data has not changed since the newest backup. A failed
    backup raises: the import does not start without its safety copy.
    """
    if db.read_only or _db_file(db) is None or not changed_since_last_backup(db):
        return None
    return make_backup(db, what)


def before_session(s: Session, what: str) -> Path | None:
    """The same hook for code already inside a write transaction (``s``): the copy is taken
    from a separate connection, so it holds the data as it was before this transaction."""
    path = sqlite_path(s.get_bind().engine.url.render_as_string(hide_password=False))
    if path is None:
        return None
    chosen = s.scalar(select(m.Setting.value).where(m.Setting.key == FOLDER_SETTING))
    folder = Path(chosen) if chosen else path.parent / "backups"
    found = store.list_backups(folder, path.stem)
    if found and found[0].path.suffix == store.SQLITE_SUFFIX:
        mark = int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)
        try:
            if _file_mark(found[0].path) == mark:
                return None
        except (OSError, sqlite3.Error):
            pass
    dest = _free_name(folder, path.stem, datetime.now(), REASONS.get(what, what), ".sqlite3")
    try:
        store.copy_sqlite(path, dest, known_revisions())
    except OSError as exc:
        raise DatabaseError(
            f"Không ghi được bản sao lưu trước khi nhập vào «{folder}» ({exc.strerror}); "
            "chưa nhập gì. Kiểm tra ổ đĩa hoặc chọn thư mục sao lưu khác."
        ) from exc
    _thin(folder, path.stem)
    return dest


# --------------------------------------------------------------------------- changes


def _audit_mark(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)


_file_marks: dict[tuple[str, int], int] = {}
_pg_marks: dict[int, int] = {}


def _file_mark(path: Path) -> int:
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _file_marks:
        con = sqlite3.connect(store.readonly_uri(path), uri=True)
        try:
            _file_marks[key] = int(con.execute("SELECT max(id) FROM audit_log").fetchone()[0] or 0)
        finally:
            con.close()
    return _file_marks[key]


def changed_since_last_backup(db: Database, folder: Path | None = None) -> bool:
    """Whether anything was written since the newest backup in ``folder`` (cheap)."""
    if _db_file(db) is None:  # a server: compare with what this program last dumped
        return _pg_marks.get(id(db)) != _audit_mark(db)
    found = list_backups(db, folder)
    if not found:
        return True
    newest = found[0].path
    if newest.suffix != store.SQLITE_SUFFIX:
        return True
    try:
        return _audit_mark(db) != _file_mark(newest)
    except (OSError, sqlite3.Error):
        return True


def backup_if_changed(
    db: Database, reason: str = "auto", *, now: Clock = datetime.now
) -> BackupResult | None:
    """The periodic/exit backup: only when the data changed since the newest backup."""
    if db.read_only or not changed_since_last_backup(db):
        return None
    return make_backup(db, reason, now=now)


# --------------------------------------------------------------------------- restore


def set_aside(path: Path, now: Clock = datetime.now) -> Path:
    """Rename a damaged database (and its WAL files) with a timestamp; returns the new name."""
    stamp = now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-hong-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.stem}-hong-{stamp}-{n}{path.suffix}")
    os.replace(path, aside)
    for ext in ("-wal", "-shm"):
        extra = path.with_name(path.name + ext)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + ext))
    log.warning("damaged database kept aside as %s", aside.name)
    return aside


def restore_file(
    db_path: Path,
    source: Path,
    *,
    folder: Path | None = None,
    now: Clock = datetime.now,
) -> RestoreResult:
    """Replace the SQLite file ``db_path`` with the backup ``source``.

    Every connection to ``db_path`` must be closed (``Database.close``). Order: check the
    backup; keep the current state (a verified backup, or the damaged file renamed aside);
    copy the backup to a temporary file beside the database, check the copy; remove the old
    WAL files; rename the copy over the database. A failure before the last rename leaves the
    database as it was.
    """
    from desktop.services import lock

    known = known_revisions()
    store.verify_sqlite(source, known)
    taken = lock.acquire(db_path)
    if not taken.owned:
        who = taken.holder.describe() if taken.holder else "một chương trình khác"
        raise DatabaseError(
            f"Không khôi phục được: tệp dữ liệu đang được {who} mở. Hãy đóng chương trình đó "
            "rồi thử lại."
        )
    try:
        folder = folder or db_path.parent / "backups"
        previous = _keep_current(db_path, folder, known, now)
        tmp = store.temp_path(db_path.parent, store.SQLITE_SUFFIX)
        try:
            shutil.copyfile(source, tmp)
            store.verify_sqlite(tmp, known)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            for ext in ("-wal", "-shm"):
                db_path.with_name(db_path.name + ext).unlink(missing_ok=True)
            os.replace(tmp, db_path)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        lock.release(db_path)
    log.info("database restored from %s", source.name)
    return RestoreResult(source, previous)


def _keep_current(db_path: Path, folder: Path, known: set[str], now: Clock) -> Path:
    if not db_path.exists():
        return db_path
    dest = _free_name(folder, db_path.stem, now(), REASONS["restore"], store.SQLITE_SUFFIX)
    try:
        store.copy_sqlite(db_path, dest, known)
        return dest
    except DatabaseError:
        return set_aside(db_path, now)


def restore(db: Database, source: Path, *, now: Clock = datetime.now) -> RestoreResult:
    """Restore the open SQLite database ``db`` from ``source``; ``db`` is closed afterwards
    (open it again to use the restored data). PostgreSQL: ``pg_restore`` of a ``.pgdump``."""
    path = _db_file(db)
    if db.read_only:
        raise DatabaseError(db.read_only_message())
    if path is None:
        url = db.engine.url.render_as_string(hide_password=False)
        previous = make_backup(db, "restore", now=now).path
        db.close()
        store.pg_restore(url, source)
        return RestoreResult(source, previous)
    folder = backup_folder(db)
    from desktop.services import lock

    lock.acquire(path)  # keep the file ours between closing and restoring
    try:
        db.close()
        return restore_file(path, source, folder=folder, now=now)
    finally:
        lock.release(path)


def newest_good_backup(folder: Path, stem: str) -> Path | None:
    """The newest backup in ``folder`` that passes the check (for recovery at start)."""
    known = known_revisions()
    for b in store.list_backups(folder, stem):
        if b.path.suffix != store.SQLITE_SUFFIX:
            continue
        try:
            store.verify_sqlite(b.path, known)
        except DatabaseError:
            continue
        return b.path
    return None


def backup_folder_of_file(db_path: Path) -> Path:
    """The backup folder of a database that cannot be opened (read its setting read-only)."""
    try:
        con = sqlite3.connect(store.readonly_uri(db_path), uri=True)
        try:
            row = con.execute(
                "SELECT value FROM settings WHERE key = ?", (FOLDER_SETTING,)
            ).fetchone()
        finally:
            con.close()
        if row and row[0]:
            return Path(row[0])
    except sqlite3.Error:
        pass
    return db_path.parent / "backups"


def sweep_temporary_files(*folders: Path) -> int:
    """Remove our own temporary files (:data:`desktop.store.backup.TMP_PREFIX`) left by a
    killed program; returns how many. Called at start while this program holds the lock."""
    removed = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for leftover in folder.glob(store.TMP_PREFIX + "*"):
            try:
                leftover.unlink()
                removed += 1
            except OSError:
                pass
    return removed
