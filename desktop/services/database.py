"""The services' handle on a database: sessions, transactions, the actor, and the audit trail.

Every service call opens its own transaction through :meth:`Database.transaction` and returns
plain dataclasses, so no ORM object outlives its session and no lazy load fires in the GUI.

Auditing is done here, once, for every business write: an ``after_flush`` hook turns each new,
changed and deleted row of an audited model into exactly one ``audit_log`` row holding the actor,
the time and the row before and after (JSON). Bulk writes that bypass the ORM (demo generation,
imports) call :meth:`Database.audit_bulk` themselves. Just before each commit every new audit
row is sealed into the hash chain (``desktop.store.audit_chain``), whichever way it was written.

Opening (:meth:`Database.open`): a SQLite file must live where SQLite can protect it
(``locations``) and is held by one program at a time (``lock``); a second program gets a
read-only ``Database`` (:attr:`Database.read_only`, :attr:`Database.holder`) whose every
write raises :class:`ReadOnlyError`.
"""

from __future__ import annotations

import errno
import getpass
import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, event, insert, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ConflictError, DatabaseError, DatabaseLockedError
from desktop.store import audit_chain, models
from desktop.store.engine import WRITE_OPTION, describe, make_engine, resolve_url, sqlite_path
from desktop.store.schema import open_database

log = logging.getLogger(__name__)

#: Models whose writes are business writes (everything but the audit log itself).
_NOT_AUDITED = (models.AuditEntry,)
_DISK_FULL = (
    "Ổ đĩa chứa dữ liệu đã đầy nên không ghi được; chưa có gì bị thay đổi. "
    "Hãy xóa bớt tệp không cần thiết (hoặc rút ra rồi cắm lại ổ USB) rồi thử lại."
)
_CHECK_WAIT_S = 120.0
_SKIP_COLUMNS = {"search_key", "number_key", "created_at", "updated_at"}


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service accounts, some containers)
        return "khong-ro"


class ReadOnlyError(DatabaseError):
    """A write on a database this program opened read-only (another program holds it)."""


class Database:
    """An open, migrated database and the way services talk to it."""

    def __init__(
        self,
        engine: Engine,
        actor: str | None = None,
        *,
        read_only: bool = False,
        holder: Any = None,
        location_warning: str = "",
    ) -> None:
        self.engine = engine
        self.actor = actor or _default_actor()
        #: True when another program holds the file: every write raises ReadOnlyError.
        self.read_only = read_only
        #: Who holds the file when read-only (a ``lock.LockInfo``), else None.
        self.holder = holder
        #: A warning about where the file lives (a removable drive), or "".
        self.location_warning = location_warning
        #: True when the integrity check found the file damaged (then also read-only).
        self.damaged = False
        self._locked_path: Any = None
        # Cleared while the start-up integrity check runs in the background: writes wait.
        self._writes_ready = threading.Event()
        self._writes_ready.set()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        event.listen(self._writers, "after_flush", self._audit_flush)
        event.listen(self._writers, "before_commit", _seal_audit)

    @classmethod
    def open(
        cls, target: str | None = None, actor: str | None = None, *, single_writer: bool = True
    ) -> Database:
        """Open (and migrate) ``target``; a SQLite file is checked for its place and locked.

        ``single_writer``: take the file's lock, or open read-only when another program holds
        it. Off only for tools that must read a file whatever its state.
        """
        url = resolve_url(target)
        path = sqlite_path(url)
        if path is None or not single_writer:
            return cls(open_database(url), actor)
        from desktop.services import locations, lock

        warning = locations.check_sqlite_location(path)
        taken = lock.acquire(path)
        if not taken.owned:
            return cls._open_read_only(url, actor, taken.holder, warning)
        try:
            db = cls(open_database(url), actor, location_warning=warning)
        except BaseException:
            lock.release(path)
            raise
        db._locked_path = path
        return db

    @classmethod
    def _open_read_only(cls, url: str, actor: str | None, holder: Any, warning: str) -> Database:
        from desktop.store.migrations import HEAD
        from desktop.store.schema import check_is_ours, current_revision

        engine = make_engine(url, read_only=True)
        try:
            check_is_ours(engine)
            revision = current_revision(engine)
            if revision != HEAD:
                who = holder.describe() if holder is not None else "một chương trình khác"
                raise DatabaseError(
                    f"Tệp dữ liệu đang được {who} mở và cần nâng cấp lên phiên bản mới, việc chỉ "
                    "làm được khi không ai khác đang mở. Hãy đóng chương trình ở máy kia rồi thử "
                    "lại."
                )
        except BaseException:
            engine.dispose()
            raise
        log.info("database opened read-only: another program holds its lock")
        return cls(engine, actor, read_only=True, holder=holder, location_warning=warning)

    @property
    def location(self) -> str:
        return describe(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()
        if self._locked_path is not None:
            from desktop.services import lock

            lock.release(self._locked_path)
            self._locked_path = None

    def hold_writes(self) -> None:
        """Make writes wait (the integrity check at start is still running)."""
        self._writes_ready.clear()

    def release_writes(self, *, damaged: bool = False) -> None:
        """Let writes go on — or, when the check found damage, refuse them from now on."""
        if damaged:
            self.read_only = True
            self.damaged = True
        self._writes_ready.set()

    def read_only_message(self) -> str:
        if self.damaged:
            return (
                "Tệp dữ liệu bị hỏng nên chương trình không ghi thêm gì vào đó. Hãy khôi phục "
                "từ bản sao lưu (Cài đặt → Khôi phục…); chưa có gì bị thay đổi."
            )
        who = self.holder.describe() if self.holder is not None else "một chương trình khác"
        return (
            f"Dữ liệu đang mở ở chế độ chỉ đọc vì {who} đang mở tệp này để ghi; "
            "chưa có gì bị thay đổi. Hãy nhờ người đó đóng chương trình rồi mở lại để sửa."
        )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, rolled back on any error."""
        if not self._writes_ready.is_set():
            self._writes_ready.wait(_CHECK_WAIT_S)
        if self.read_only:
            raise ReadOnlyError(self.read_only_message())
        session = self._writers()
        try:
            with session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError(
                "Dữ liệu này vừa được người khác sửa. Hãy tải lại để xem bản mới nhất rồi sửa lại."
            ) from exc
        except OperationalError as exc:
            text = str(exc).lower()
            if "readonly" in text or "read-only" in text or "query_only" in text:
                raise ReadOnlyError(self.read_only_message()) from exc
            if "locked" in text:
                raise DatabaseLockedError(
                    "Cơ sở dữ liệu đang bị một chương trình khác giữ quá lâu. "
                    "Chờ một lát rồi thử lại; chưa có gì bị thay đổi."
                ) from exc
            if "disk is full" in text or "no space" in text:
                raise DatabaseError(_DISK_FULL) from exc
            raise
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise DatabaseError(_DISK_FULL) from exc
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; its objects stay readable (detached, loaded) afterwards."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    # ----------------------------------------------------------------- audit

    def audit_bulk(self, session: Session, entity: str, summary: str, after: Any = None) -> None:
        """One audit row for a write done in bulk outside the ORM."""
        session.add(
            models.AuditEntry(
                actor=self.actor,
                action=AuditAction.BULK.value,
                entity=entity,
                entity_id=None,
                before=None,
                after=_dumps(after) if after is not None else None,
                summary=summary[:300],
            )
        )

    def _audit_flush(self, session: Session, _ctx: Any) -> None:
        # after_flush: primary keys of new rows are known while new/dirty/deleted and the
        # attribute history still show the pre-flush state; rows go in through Core.
        entries: list[dict[str, Any]] = []
        for obj in list(session.new):
            if not isinstance(obj, _NOT_AUDITED):
                entries.append(self._entry(AuditAction.CREATE, obj, None, _row(obj)))
        for obj in list(session.dirty):
            if isinstance(obj, _NOT_AUDITED) or not session.is_modified(obj):
                continue
            before, after = _changes(obj)
            if before or after:
                entries.append(self._entry(AuditAction.UPDATE, obj, before, after))
        for obj in list(session.deleted):
            if not isinstance(obj, _NOT_AUDITED):
                entries.append(self._entry(AuditAction.DELETE, obj, _row(obj), None))
        if entries:
            session.connection().execute(insert(models.AuditEntry.__table__), entries)

    def _entry(
        self, action: AuditAction, obj: Any, before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> dict[str, Any]:
        ident = inspect(obj).mapper.primary_key_from_instance(obj)
        entity_id = ident[0] if len(ident) == 1 and isinstance(ident[0], int) else None
        return {
            "at": models.utcnow(),
            "actor": self.actor,
            "action": action.value,
            "entity": obj.__tablename__,
            "entity_id": entity_id,
            "before": _dumps(before) if before is not None else None,
            "after": _dumps(after) if after is not None else None,
            "summary": "",
        }


def _seal_audit(session: Session) -> None:
    # before_commit runs before the final flush: flush first so every audit row this
    # transaction writes (ORM or Core) is there to join the chain.
    session.flush()
    audit_chain.seal(session.connection())


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _row(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {
        attr.key: _jsonable(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _SKIP_COLUMNS
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP_COLUMNS or attr.key == "version":
            continue
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            before[attr.key] = _jsonable(hist.deleted[0]) if hist.deleted else None
            after[attr.key] = _jsonable(hist.added[0]) if hist.added else None
    return before, after


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
