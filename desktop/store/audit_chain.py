"""The audit log's hash chain and its append-only guard (store level: SQL, no services).

Every ``audit_log`` row is *sealed* once, in the transaction that wrote it: it gets the next
chain position ``seq``, the previous row's hash ``prev_hash`` and its own ``row_hash`` = SHA-256
of its content and ``prev_hash``. Rows may be inserted by any code path (ORM objects, Core bulk
inserts); :func:`seal`, run just before commit, picks up whatever is unsealed (a partial index
keeps that query cheap), so no writer has to know about the chain. Bulk writers that insert
thousands of rows call :func:`append` instead, which inserts them already sealed: the same
chain, without reading every row back and updating it a second time.

Concurrency: SQLite write transactions start with ``BEGIN IMMEDIATE``, so only one writer can
seal at a time. On PostgreSQL two clerks can commit at once; sealing takes a transaction-level
advisory lock first, so chain positions are handed out strictly one transaction after the other
(ids from the sequence may interleave between transactions; ``seq`` never does).

Append-only: triggers refuse DELETE, and UPDATE except the one-time sealing of a row's three
chain columns. On PostgreSQL the app role additionally gets only SELECT/INSERT and UPDATE of the
chain columns (README, "Data safety").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, literal_column, text

#: Arbitrary constant key of the PostgreSQL advisory lock that serialises sealing.
PG_SEAL_LOCK = 0x54444354_0001
_CONTENT = ("at", "actor", "action", "entity", "entity_id", "before", "after", "summary")
_SEAL_BATCH = 500

SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.row_hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
  OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity
  OR NEW.entity_id IS NOT OLD.entity_id OR NEW.before IS NOT OLD.before
  OR NEW.after IS NOT OLD.after OR NEW.summary IS NOT OLD.summary
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "DROP TRIGGER IF EXISTS audit_log_no_update",
)

POSTGRES_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' OR OLD.row_hash IS NOT NULL
     OR (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.entity, NEW.entity_id, NEW.before,
         NEW.after, NEW.summary)
        IS DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.action, OLD.entity, OLD.entity_id,
         OLD.before, OLD.after, OLD.summary) THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
    """CREATE OR REPLACE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate()""",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "DROP FUNCTION IF EXISTS audit_log_append_only()",
    "DROP FUNCTION IF EXISTS audit_log_no_truncate()",
)


def install_triggers(conn: Connection) -> None:
    for sql in SQLITE_TRIGGERS if conn.dialect.name == "sqlite" else POSTGRES_TRIGGERS:
        conn.exec_driver_sql(sql)


def drop_triggers(conn: Connection) -> None:
    for sql in SQLITE_DROP if conn.dialect.name == "sqlite" else POSTGRES_DROP:
        conn.exec_driver_sql(sql)


def _at_text(value: Any) -> str:
    if isinstance(value, str):  # SQLite through a plain text() query
        value = datetime.fromisoformat(value)
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%f")


def row_hash(seq: int, row: Any, prev_hash: str) -> str:
    """The hash of one row's content, its chain position and the previous row's hash."""
    payload = [seq, prev_hash, _at_text(row.at)] + [getattr(row, name) for name in _CONTENT[1:]]
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


_COLUMNS = "id, seq, prev_hash, row_hash, " + ", ".join(_CONTENT)


def last_seal(conn: Connection) -> tuple[int, str]:
    row = conn.execute(
        text("SELECT seq, row_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1")
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def seal(conn: Connection) -> int:
    """Seal every unsealed row (in id order) in the current transaction; returns how many."""
    unsealed = (
        conn.execute(text("SELECT id FROM audit_log WHERE row_hash IS NULL ORDER BY id"))
        .scalars()
        .all()
    )
    if not unsealed:
        return 0
    if conn.dialect.name == "postgresql":
        _lock(conn)
        # Rows another clerk sealed while we waited are not ours to seal again.
        unsealed = (
            conn.execute(text("SELECT id FROM audit_log WHERE row_hash IS NULL ORDER BY id"))
            .scalars()
            .all()
        )
    seq, prev = last_seal(conn)
    stmt = text(
        "UPDATE audit_log SET seq = :seq, prev_hash = :prev, row_hash = :hash WHERE id = :id"
    )
    done = 0
    for start in range(0, len(unsealed), _SEAL_BATCH):
        chunk = unsealed[start : start + _SEAL_BATCH]
        rows = conn.execute(
            text(f"SELECT {_COLUMNS} FROM audit_log WHERE id IN :ids ORDER BY id").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": chunk},
        ).all()
        params = []
        for row in rows:
            seq += 1
            digest = row_hash(seq, row, prev)
            params.append({"seq": seq, "prev": prev, "hash": digest, "id": row.id})
            prev = digest
        conn.execute(stmt, params)
        done += len(params)
    return done


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_SEAL_LOCK})


@dataclass(frozen=True, slots=True)
class _Content:
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: str | None
    after: str | None
    summary: str


def append(conn: Connection, table: Table, at: datetime, rows: list[dict[str, Any]]) -> None:
    """Insert audit rows already sealed, in one statement, at the end of the chain.

    ``at`` is the naive UTC time of the whole write; each row gives ``actor``, ``action``,
    ``entity``, ``entity_id``, ``before``, ``after`` (JSON text or None) and ``summary`` exactly
    as they are to be stored. Rows this transaction wrote before are sealed first, so the chain
    keeps the order of writing. On PostgreSQL the sealing lock is then held to commit, as
    :func:`seal` holds it.
    """
    if not rows:
        return
    seal(conn)
    _lock(conn)
    seq, prev = last_seal(conn)
    params = []
    for row in rows:
        seq += 1
        digest = row_hash(seq, _Content(at=at, **row), prev)
        params.append({**row, "seq": seq, "prev_hash": prev, "row_hash": digest})
        prev = digest
    # the time as a literal in storage form (naive UTC): converting it for each of thousands
    # of rows costs more than the insert
    stamp = literal_column(f"'{at:%Y-%m-%d %H:%M:%S.%f}'")
    conn.execute(insert(table).values(at=stamp), params)


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first row where the chain does not hold."""

    id: int
    seq: int | None
    reason: str


def iter_rows(conn: Connection, batch: int = 2000) -> Iterator[Any]:
    """Every audit row in chain order, sealed rows first, then any unsealed ones."""
    last = 0
    while True:
        rows = conn.execute(
            text(f"SELECT {_COLUMNS} FROM audit_log WHERE seq > :last ORDER BY seq LIMIT :n"),
            {"last": last, "n": batch},
        ).all()
        if not rows:
            break
        yield from rows
        last = rows[-1].seq
    yield from conn.execute(
        text(f"SELECT {_COLUMNS} FROM audit_log WHERE seq IS NULL ORDER BY id")
    ).all()


def verify_rows(rows: Iterable[Any]) -> tuple[int, ChainBreak | None]:
    """Walk the chain; (rows checked, the first break or None)."""
    prev, expected_seq, count = "", 1, 0
    for row in rows:
        count += 1
        if row.seq is None or row.row_hash is None:
            return count, ChainBreak(row.id, None, "unsealed")
        if row.seq != expected_seq:
            return count, ChainBreak(row.id, row.seq, "gap")
        if (row.prev_hash or "") != prev:
            return count, ChainBreak(row.id, row.seq, "prev_hash")
        if row_hash(row.seq, row, prev) != row.row_hash:
            return count, ChainBreak(row.id, row.seq, "content")
        prev = row.row_hash
        expected_seq += 1
    return count, None
