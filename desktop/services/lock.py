"""One writer per SQLite file: a lock file beside the database saying who holds it.

``theodoi.sqlite3.lock`` holds JSON (user, computer, pid, time, program version). It is created
atomically with ``O_CREAT | O_EXCL``, so of two programs starting at the same moment exactly one
gets it; the other opens the database read-only and can say who holds it.

Stale locks (a program that was killed or lost power never removed its lock):
- same computer: stale when its process no longer exists;
- another computer: stale when older than :data:`OTHER_HOST_STALE` (12 h). The database may not
  live on a network share (``locations``), so a lock from another computer normally means the
  file was carried over on a USB drive after a crash; a 12 h bound covers a working day without
  ever taking over from a program that could still be writing.
Taking over is guarded by a second O_EXCL file (``.lock.takeover``) so two programs never both
replace the same stale lock. Locks are counted per process: opening the same file twice in one
program (the CLI inside tests, a second window) shares the one lock.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

OTHER_HOST_STALE = timedelta(hours=12)
_TAKEOVER_STALE_S = 30.0
#: A lock file without readable contents: its writer needs microseconds between creating and
#: writing it, so one still empty after 2 s belongs to a program killed in between.
_EMPTY_STALE_S = 2.0
LOCK_SUFFIX = ".lock"
PROGRAM_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a database."""

    user: str
    computer: str
    pid: int
    time: str  # ISO 8601, UTC
    version: str = PROGRAM_VERSION

    @property
    def since(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.time)
        except ValueError:
            return None

    def describe(self) -> str:
        """ "người dùng «an» trên máy «VP-01» (từ 08:15 ngày 30/11/2026)"."""
        since = self.since
        when = ""
        if since is not None:
            local = since.astimezone()
            when = f" (từ {local:%H:%M} ngày {local:%d/%m/%Y})"
        return f"người dùng «{self.user}» trên máy «{self.computer}»{when}"


class ProcessProbe(Protocol):
    """The questions a lock asks the operating system (injectable in tests)."""

    def hostname(self) -> str: ...

    def alive(self, pid: int) -> bool: ...


class SystemProbe:
    def hostname(self) -> str:
        return socket.gethostname()

    def alive(self, pid: int) -> bool:
        return pid_alive(pid)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return code.value == 259  # STILL_ACTIVE
            return True
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "khong-ro"


@dataclass(frozen=True, slots=True)
class LockResult:
    """The outcome of :func:`acquire`: ours, or held by ``holder``."""

    owned: bool
    holder: LockInfo | None
    path: Path


_held: dict[Path, int] = {}


def read_lock(path: Path) -> LockInfo | None:
    """The lock's contents; None when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            str(data["user"]),
            str(data["computer"]),
            int(data["pid"]),
            str(data["time"]),
            str(data.get("version", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(info: LockInfo | None, probe: ProcessProbe, now: datetime, mtime: float) -> bool:
    if info is None:  # half-written (killed between create and write) or garbage
        return now.timestamp() - mtime > _EMPTY_STALE_S
    if info.computer == probe.hostname():
        return not probe.alive(info.pid)
    since = info.since
    return since is None or now - since > OTHER_HOST_STALE


def acquire(
    db_path: Path,
    *,
    probe: ProcessProbe | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    pid: int | None = None,
) -> LockResult:
    """Take the lock of ``db_path`` or report who holds it; a stale lock is taken over."""
    probe = probe or SystemProbe()
    pid = os.getpid() if pid is None else pid
    path = lock_path(db_path)
    key = path.resolve()
    if key in _held:
        _held[key] += 1
        return LockResult(True, None, path)
    deadline = time.monotonic() + _EMPTY_STALE_S + 1.0
    while time.monotonic() < deadline:
        mine = LockInfo(_user(), probe.hostname(), pid, now().isoformat())
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            pass
        except FileNotFoundError:  # a new database in a folder not made yet
            path.parent.mkdir(parents=True, exist_ok=True)
            continue
        except PermissionError:  # a read-only folder (a CD, a write-protected stick)
            return LockResult(False, None, path)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(mine), fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            _held[key] = 1
            return LockResult(True, None, path)
        info = read_lock(path)
        if info is not None and info.pid == pid and info.computer == probe.hostname():
            _held[key] = 1  # our own lock from before (same process)
            return LockResult(True, None, path)
        try:
            mtime = path.stat().st_mtime
        except FileNotFoundError:
            continue
        if not is_stale(info, probe, now(), mtime):
            if info is None:  # being written right now, or left empty: look again shortly
                time.sleep(0.05)
                continue
            return LockResult(False, info, path)
        _take_over(path, info, probe, now)
        time.sleep(0.01)
    return LockResult(False, read_lock(path), path)


def _take_over(
    path: Path, seen: LockInfo | None, probe: ProcessProbe, now: Callable[[], datetime]
) -> None:
    """Remove a stale lock, unless someone else is doing the same or it changed meanwhile."""
    guard = path.with_name(path.name + ".takeover")
    try:
        fd = os.open(guard, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        with contextlib.suppress(OSError):
            if time.time() - guard.stat().st_mtime > _TAKEOVER_STALE_S:
                guard.unlink()
        return
    os.close(fd)
    try:
        current = read_lock(path)
        if current == seen:
            log.warning("taking over a stale database lock (pid %s)", seen.pid if seen else "?")
            path.unlink(missing_ok=True)
    finally:
        guard.unlink(missing_ok=True)


def release(db_path: Path) -> None:
    """Give the lock back when the last user in this process closes the database."""
    path = lock_path(db_path)
    key = path.resolve()
    count = _held.get(key, 0)
    if count > 1:
        _held[key] = count - 1
        return
    _held.pop(key, None)
    if count:
        info = read_lock(path)
        if info is None or info.pid == os.getpid():
            path.unlink(missing_ok=True)


def held_here(db_path: Path) -> bool:
    return lock_path(db_path).resolve() in _held
