"""The write path under row edits, bulk actions, reports, deletions and undo.

Writes go through SQLAlchemy Core so that a bulk edit of thousands of rows is a few set-based
``UPDATE tracking … WHERE id IN (…) AND version = …`` statements; the audit trail is written
here too, **one audit row per changed row** (``audit_log`` through one Core insert), with the
row's fields before and after. Every guard is checked against the rows as read in the same
transaction (on SQLite the write transaction holds the lock from its start; on PostgreSQL the
``version = …`` in each UPDATE catches a concurrent writer, and a short count rolls back).

Undo is data (:class:`Undo`): every operation returns the inverse operation, whose guards are
the *values it wrote* rather than a version — an undo stack applies its steps in reverse order
and each of them moves the row's version on, so only the values say whether someone else
changed the row in between. :func:`desktop.services.tracking_edit.apply_undo` applies one and
returns the redo.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.enums import AuditAction
from desktop.domain.errors import ConflictError
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.tracking_fields import ROW_FIELDS, check_row, coerce_all
from desktop.store import audit_chain
from desktop.store import models as m
from desktop.store.models import utcnow

__all__ = [
    "ReportChange",
    "RowChange",
    "RowSnapshot",
    "Undo",
    "audit_rows",
    "bump_rows",
    "chunks",
    "load_rows",
    "shown",
    "who",
    "write_changes",
]

CHUNK = 5000  # ids per IN (…)
_SET_BASED = 50  # rows sharing new values from which one UPDATE … IN (…) beats executemany
T = m.Tracking.__table__
R = m.TrackingReport.__table__
REPORT_VALUES = ("deadline_id", "period", "number", "report_date", "received_date", "status",
                 "note")


@dataclass(frozen=True)
class RowChange:
    """Set ``changes`` on a row, if it is still at ``expected_version`` — or, for an undo
    step, if its fields still hold the values in ``expected``."""

    tracking_id: int
    changes: Mapping[str, Any]
    expected_version: int | None = None
    expected: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ReportChange:
    """Set ``changes`` on a report whose fields still hold ``expected``."""

    report_id: int
    changes: Mapping[str, Any]
    expected: Mapping[str, Any]


@dataclass(frozen=True)
class RowSnapshot:
    """A tracking row with its reports and reminders, as deleted (to put it back)."""

    row: Mapping[str, Any]
    reports: tuple[Mapping[str, Any], ...] = ()
    reminders: tuple[Mapping[str, Any], ...] = ()

    @property
    def tracking_id(self) -> int:
        return int(self.row["id"])


@dataclass(frozen=True)
class Undo:
    """The inverse of an operation, applied by ``tracking_edit.apply_undo`` in one transaction
    (which returns the redo). ``description`` is the undo stack's text."""

    description: str = ""
    changes: tuple[RowChange, ...] = ()
    report_changes: tuple[ReportChange, ...] = ()
    create_reports: tuple[Mapping[str, Any], ...] = ()  # report rows to put back
    delete_reports: tuple[Mapping[str, Any], ...] = ()  # report rows to remove
    restore_rows: tuple[RowSnapshot, ...] = ()
    delete_rows: tuple[RowSnapshot, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.changes or self.report_changes or self.create_reports
                    or self.delete_reports or self.restore_rows or self.delete_rows)


def chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def who(row: Mapping[str, Any]) -> str:
    return f"Dòng «{row['org_name']}»"


def shown(value: Any) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def load_rows(s: Session, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Tracking rows by id, with their organisation's name and their document's issue date
    and number (for messages and audit summaries)."""
    o, d, b = m.Organisation, m.Document, m.IssuingBody
    out: dict[int, dict[str, Any]] = {}
    conn = s.connection()  # Core rows: no ORM result processing
    for chunk in chunks(sorted(set(ids))):
        for row in conn.execute(
            select(*T.c, o.name.label("org_name"), o.depth.label("org_depth"),
                   d.issue_date.label("issue_date"), d.number.label("doc_number"),
                   d.symbol.label("doc_symbol"), b.regime.label("doc_regime"))
            .join(o, o.id == T.c.organisation_id).join(d, d.id == T.c.document_id)
            .outerjoin(b, b.id == d.issuing_body_id)
            .where(T.c.id.in_(chunk))
        ).mappings():
            out[row["id"]] = dict(row)
    return out


def doc_ref(row: Mapping[str, Any]) -> str:
    return format_number_symbol(row["doc_number"], row["doc_symbol"],
                                row["doc_regime"] or "party")


def missing(tracking_id: int) -> ConflictError:
    return ConflictError(
        f"Dòng theo dõi #{tracking_id} không còn nữa (có thể vừa bị người khác xóa). Hãy tải "
        "lại danh sách; chưa có gì bị thay đổi.")


def stale(row: Mapping[str, Any], expected_version: int) -> ConflictError:
    return ConflictError(
        f"{who(row)} vừa được người khác sửa (bản {row['version']}, bạn đang sửa bản "
        f"{expected_version}). Hãy tải lại dòng này để xem số liệu mới nhất rồi nhập lại; chưa "
        "có gì bị thay đổi.")


def changed_since(what: str, label: str, now: Any, expected: Any) -> ConflictError:
    return ConflictError(
        f"{what} đã được sửa tiếp sau thao tác này ({label} bây giờ là «{shown(now)}», không "
        f"còn là «{shown(expected)}»), nên không hoàn tác hay làm lại được. Chưa có gì bị thay "
        "đổi; hãy tải lại rồi sửa trực tiếp.")


def check_guard(row: Mapping[str, Any], item: RowChange) -> None:
    if item.expected is not None:
        for key, value in item.expected.items():
            if row[key] != value:
                raise changed_since(who(row), ROW_FIELDS[key].label.lower(), row[key], value)
    elif item.expected_version is not None and row["version"] != item.expected_version:
        raise stale(row, item.expected_version)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)


def audit_rows(db: Database, s: Session, entity: str, action: AuditAction,
               entries: Sequence[tuple[int | None, Any, Any, str]]) -> None:
    """One audit row per (entity id, before, after, summary), in one Core insert."""
    if not entries:
        return
    s.flush()  # audit rows the ORM still holds come first in the chain, as they were written
    audit_chain.append(s.connection(), m.AuditEntry.__table__,
                       utcnow().replace(tzinfo=None), [
        {"actor": db.actor, "action": action.value, "entity": entity,
         "entity_id": entity_id, "before": _dumps(before) if before is not None else None,
         "after": _dumps(after) if after is not None else None, "summary": summary[:300]}
        for entity_id, before, after, summary in entries
    ])


def bump_rows(s: Session, ids: Iterable[int]) -> None:
    """Move the rows' versions on (a report of theirs changed): a clerk who loaded a row
    before is told it changed instead of recording the same report twice."""
    now = utcnow()
    for chunk in chunks(sorted(set(ids))):
        s.execute(update(T).where(T.c.id.in_(chunk))
                  .values(version=T.c.version + 1, updated_at=now))


def _merge(items: Sequence[RowChange]) -> list[RowChange]:
    """Several changes of one row in one call: applied in order, guarded by the first."""
    merged: dict[int, RowChange] = {}
    for item in items:
        first = merged.get(item.tracking_id)
        if first is None:
            merged[item.tracking_id] = item
        else:
            merged[item.tracking_id] = RowChange(item.tracking_id,
                                                 {**first.changes, **item.changes},
                                                 first.expected_version, first.expected)
    return list(merged.values())


def _short(s: Session, rows: Mapping[int, Mapping[str, Any]], pairs: list[tuple[int, int]]
           ) -> ConflictError:
    """The error for an UPDATE that matched fewer rows than read: which one changed."""
    current = dict(s.execute(select(T.c.id, T.c.version)
                             .where(T.c.id.in_([tid for tid, _v in pairs]))).all())
    bad, version = next((tid, v) for tid, v in pairs if current.get(tid) != v)
    if bad not in current:
        return missing(bad)
    return stale({**rows[bad], "version": current[bad]}, version)


def _update(s: Session, rows: Mapping[int, Mapping[str, Any]],
            planned: list[tuple[int, dict[str, Any], dict[str, Any], int]]) -> None:
    """Write the planned rows, guarded by the versions read: rows sharing the same new
    values (a bulk action) in ``UPDATE … WHERE id IN (…) AND version = …``, the others (an
    undo restoring each row's own values) in one executemany per set of columns."""
    now = utcnow()
    same: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for tid, _before, after, version in planned:
        same[(tuple(sorted(after.items())), version)].append(tid)
    singles: dict[tuple[str, ...], list[tuple[int, dict[str, Any], int]]] = defaultdict(list)
    for (values, version), ids in same.items():
        if len(ids) < _SET_BASED:
            for tid in ids:
                singles[tuple(k for k, _v in values)].append((tid, dict(values), version))
            continue
        for chunk in chunks(ids):
            done = s.execute(update(T).where(T.c.id.in_(chunk), T.c.version == version)
                             .values(**dict(values), version=T.c.version + 1, updated_at=now))
            if done.rowcount != len(chunk):
                raise _short(s, rows, [(tid, version) for tid in chunk])
    for keys, items in singles.items():
        stmt = update(T).where(T.c.id == bindparam("_id"), T.c.version == bindparam("_v")) \
            .values({**{k: bindparam(f"_new_{k}") for k in keys},
                     "version": T.c.version + 1, "updated_at": now})
        params = [{"_id": tid, "_v": version, **{f"_new_{k}": v for k, v in values.items()}}
                  for tid, values, version in items]
        done = s.execute(stmt, params)
        if done.rowcount != len(params):
            raise _short(s, rows, [(tid, version) for tid, _values, version in items])


def write_changes(
    db: Database, s: Session, items: Sequence[RowChange], today: date, *,
    validate: bool = True, what: str = "Sửa", rows: dict[int, dict[str, Any]] | None = None,
) -> list[RowChange]:
    """Apply field changes to tracking rows; returns the undo steps of the rows that changed.

    Guards and checks come first, for every row: a stale or missing row, or an invalid value,
    raises before anything is written (and the caller's transaction rolls back whatever it
    did before). Rows are then written by :func:`_update`.
    """
    items = _merge(items)
    rows = rows if rows is not None else load_rows(s, [i.tracking_id for i in items])
    planned: list[tuple[int, dict[str, Any], dict[str, Any], int]] = []
    for item in items:
        row = rows.get(item.tracking_id)
        if row is None:
            raise missing(item.tracking_id)
        check_guard(row, item)
        new = coerce_all(item.changes, who(row))
        effective = {k: v for k, v in new.items() if row[k] != v}
        if not effective:
            continue
        if validate:
            check_row({**row, **effective}, set(effective), row["issue_date"], today, who(row))
        planned.append((item.tracking_id, {k: row[k] for k in effective}, effective,
                        row["version"]))
    _update(s, rows, planned)
    audit_rows(db, s, "tracking", AuditAction.UPDATE, [
        (tid, before, after,
         f"{what} dòng theo dõi «{rows[tid]['org_name']}», văn bản {doc_ref(rows[tid])}: "
         + ", ".join(ROW_FIELDS[k].label.lower() for k in after))
        for tid, before, after, _v in planned
    ])
    return [RowChange(tid, before, version + 1, after) for tid, before, after, version in planned]
