"""Bulk actions on a selection of the grid: one transaction, one undo step, and a summary.

Actions: :class:`MarkReceived` (a date and, optionally, the channel), :class:`SetSession` (a
study date and, optionally, the form), :class:`MarkReported` (a report received on a date,
with its number), :class:`ClearFields`. Rows the action does not apply to are left as they are
and listed with the reason — nothing already entered is overwritten:

- mark received: rows already received (whatever the date), rows sent after that date;
- set session: rows already holding a session date, rows not yet received or received after
  that date, rows whose recorded end of sessions is before it;
- mark reported: rows that do not have to report (another level reports), rows whose report
  deadlines are all answered by an accepted report;
- clear: rows where those fields are already empty.

A row changed by someone else since the selection was read (``expected_versions``) rolls the
WHOLE action back and :class:`~desktop.domain.errors.ConflictError` names it. Writing is
set-based (``UPDATE … WHERE id IN (…) AND version = …``, reports and audit rows through Core
inserts), one audit row per changed row: 5,000 rows commit well under a second on SQLite
(``tests/benchmarks/bench_tracking.py``). :func:`summary_text` gives the clerk's summary,
"Đã cập nhật 37 dòng; 2 dòng không đổi vì đã ghi ngày nhận từ trước."
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.enums import AuditAction, ReportStatus
from desktop.domain.errors import ValidationError
from desktop.domain.numbers import format_int
from desktop.services.calendar import calendar_in
from desktop.services.database import Database
from desktop.services.tracking_deadlines import load_terms_many, row_start
from desktop.services.tracking_fields import REPORT_FIELDS, ROW_FIELDS, coerce, coerce_all
from desktop.services.tracking_status import must_report_at
from desktop.services.tracking_write import (
    R,
    RowChange,
    T,
    Undo,
    audit_rows,
    chunks,
    doc_ref,
    load_rows,
    missing,
    stale,
    write_changes,
)
from desktop.store.models import utcnow

__all__ = [
    "BulkAction",
    "BulkResult",
    "ClearFields",
    "MarkReceived",
    "MarkReported",
    "SetSession",
    "Unchanged",
    "bulk_update",
    "summary_text",
]

_RETURNED = ReportStatus.RETURNED.value


@dataclass(frozen=True)
class MarkReceived:
    day: date | str
    channel: str | None = None


@dataclass(frozen=True)
class SetSession:
    day: date | str
    form: str | None = None


@dataclass(frozen=True)
class MarkReported:
    received_date: date | str
    number: str = ""


@dataclass(frozen=True)
class ClearFields:
    fields: tuple[str, ...]


BulkAction = MarkReceived | SetSession | MarkReported | ClearFields


class Unchanged(NamedTuple):
    """A selected row the action left alone: why (``reason``, specific) and under which
    heading the summary counts it (``category``)."""

    tracking_id: int
    org_name: str
    reason: str
    category: str


@dataclass(frozen=True)
class BulkResult:
    updated: int
    unchanged: list[Unchanged]
    undo: Undo
    updated_ids: tuple[int, ...] = ()

    @property
    def summary(self) -> str:
        return summary_text(self)


def summary_text(result: BulkResult) -> str:
    """"Đã cập nhật 37 dòng; 2 dòng không đổi vì đã ghi ngày nhận từ trước." (several reasons
    are listed with their counts)."""
    text = f"Đã cập nhật {format_int(result.updated)} dòng"
    if not result.unchanged:
        return text + "."
    counts = Counter(u.category for u in result.unchanged)
    n = format_int(len(result.unchanged))
    if len(counts) == 1:
        return f"{text}; {n} dòng không đổi vì {next(iter(counts))}."
    parts = ", ".join(f"{format_int(c)} dòng {cat}" for cat, c in counts.most_common())
    return f"{text}; {n} dòng không đổi: {parts}."


def _day(value: date | str, key: str, fields: Mapping[str, Any], today: date) -> date:
    day = coerce(key, value, "Thao tác hàng loạt", fields)
    if day is None:
        raise ValidationError(f"Thao tác hàng loạt: {fields[key].label} — chưa nhập.", key)
    if day > today:
        raise ValidationError(
            f"Thao tác hàng loạt: {fields[key].label} — ngày {format_date(day)} chưa tới (hôm "
            f"nay là {format_date(today)}). Chỉ ghi việc đã diễn ra.", key)
    return day


def _plan_fields(action: MarkReceived | SetSession | ClearFields, rows: Mapping[int, Any],
                 today: date) -> tuple[dict[int, dict[str, Any]], list[Unchanged]]:
    """Per row, the changes the action makes, and the rows it leaves alone."""
    changes: dict[int, dict[str, Any]] = {}
    skipped: list[Unchanged] = []

    def skip(row: Mapping[str, Any], reason: str, category: str) -> None:
        skipped.append(Unchanged(row["id"], row["org_name"], reason, category))

    if isinstance(action, MarkReceived):
        day = _day(action.day, "received_date", ROW_FIELDS, today)
        extra = coerce_all({"sent_channel": action.channel}, "Thao tác hàng loạt") \
            if action.channel else {}
        for tid, row in rows.items():
            if row["received_date"] is not None:
                skip(row, f"đã nhận ngày {format_date(row['received_date'])}",
                     "đã ghi ngày nhận từ trước")
            elif row["sent_date"] is not None and row["sent_date"] > day:
                skip(row, f"gửi ngày {format_date(row['sent_date'])}, sau ngày nhận này",
                     "ngày gửi sau ngày nhận")
            else:
                changes[tid] = {"received_date": day, **extra}
    elif isinstance(action, SetSession):
        day = _day(action.day, "study_date", ROW_FIELDS, today)
        extra = coerce_all({"study_form": action.form}, "Thao tác hàng loạt") \
            if action.form else {}
        for tid, row in rows.items():
            if row["study_date"] is not None:
                skip(row, f"đã học tập ngày {format_date(row['study_date'])}",
                     "đã ghi ngày học tập từ trước")
            elif row["received_date"] is None:
                skip(row, "chưa ghi ngày nhận văn bản", "chưa ghi ngày nhận văn bản")
            elif row["received_date"] > day:
                skip(row, f"nhận ngày {format_date(row['received_date'])}, sau ngày học tập này",
                     "ngày nhận sau ngày học tập")
            elif row["study_end_date"] is not None and row["study_end_date"] < day:
                skip(row, f"đã ghi ngày kết thúc học tập {format_date(row['study_end_date'])}, "
                     "trước ngày này", "ngày kết thúc học tập trước ngày này")
            else:
                changes[tid] = {"study_date": day, **extra}
    else:
        unknown = [f for f in action.fields if f not in ROW_FIELDS]
        if unknown or not action.fields:
            raise ValidationError(
                f"Thao tác xóa: không có ô «{', '.join(unknown)}». Chọn trong: "
                f"{', '.join(ROW_FIELDS)}.", "fields")
        for tid, row in rows.items():
            filled = {f: None if ROW_FIELDS[f].kind in ("date", "int") else ""
                      for f in action.fields if row[f] not in (None, "")}
            if filled:
                changes[tid] = filled
            else:
                skip(row, "các ô này đã trống", "các ô cần xóa đã trống")
    return changes, skipped


def _answered(s: Session, ids: list[int]) -> dict[int, set[int | None]]:
    found: dict[int, set[int | None]] = defaultdict(set)
    for chunk in chunks(ids):
        for tid, deadline, status in s.execute(
            select(R.c.tracking_id, R.c.deadline_id, R.c.status)
            .where(R.c.tracking_id.in_(chunk))
        ):
            if status != _RETURNED:
                found[tid].add(deadline)
    return found


def _mark_reported(db: Database, s: Session, action: MarkReported, rows: Mapping[int, Any],
                   today: date) -> tuple[list[dict[str, Any]], list[Unchanged]]:
    got = _day(action.received_date, "received_date", REPORT_FIELDS, today)
    number = coerce("number", action.number, "Thao tác hàng loạt", REPORT_FIELDS)
    cal = calendar_in(s)
    terms = load_terms_many(s, {row["document_id"] for row in rows.values()}, today, cal)
    answered = _answered(s, sorted(rows))
    now = utcnow()
    reports: list[dict[str, Any]] = []
    skipped: list[Unchanged] = []
    for tid, row in rows.items():
        tm = terms[row["document_id"]]
        done = answered.get(tid, set())
        first = tm.reports[0] if tm.reports else None
        rule = next((r for r in tm.reports if not tm.answers(r, done)), None)
        owed = rule or first
        if not must_report_at(owed, row["org_depth"]):
            assert owed is not None
            skipped.append(Unchanged(tid, row["org_name"],
                                     f"chỉ các đơn vị cấp {owed.depth} phải báo cáo",
                                     "không phải báo cáo văn bản này"))
            continue
        if rule is None and done:
            skipped.append(Unchanged(tid, row["org_name"], "đã có báo cáo được chấp nhận cho "
                                     "mọi hạn báo cáo", "đã báo cáo từ trước"))
            continue
        if row["issue_date"] is not None and got < row["issue_date"]:
            raise ValidationError(
                f"Thao tác hàng loạt: ngày nhận báo cáo {format_date(got)} trước ngày ban hành "
                f"văn bản ({format_date(row['issue_date'])}). Kiểm tra lại ngày.",
                "received_date")
        due_rule = rule or first
        start = row_start(row["received_date"], row["sent_date"], tm.issue_date)
        due = tm.due(due_rule, start) if due_rule is not None else None
        late = due is not None and cal.working_days_between(due, got) > 0
        reports.append({
            "tracking_id": tid, "document_id": row["document_id"],
            "deadline_id": rule.id if rule is not None else None, "period": "",
            "number": number, "report_date": None, "received_date": got,
            "status": ReportStatus.LATE.value if late else ReportStatus.ON_TIME.value,
            "note": "", "version": 1, "created_at": now, "updated_at": now,
        })
    return reports, skipped


def _bump_guarded(s: Session, rows: Mapping[int, Any], ids: list[int]) -> None:
    """Move the versions of rows that got a report, guarded by the versions read."""
    by_version: dict[int, list[int]] = defaultdict(list)
    for tid in ids:
        by_version[rows[tid]["version"]].append(tid)
    now = utcnow()
    for version, group in by_version.items():
        for chunk in chunks(group):
            done = s.execute(update(T).where(T.c.id.in_(chunk), T.c.version == version)
                             .values(version=T.c.version + 1, updated_at=now))
            if done.rowcount != len(chunk):
                current = dict(s.execute(select(T.c.id, T.c.version)
                                         .where(T.c.id.in_(chunk))).all())
                bad = next(i for i in chunk if current.get(i) != version)
                if bad not in current:
                    raise missing(bad)
                raise stale({**rows[bad], "version": current[bad]}, version)


def _describe(action: BulkAction) -> str:
    if isinstance(action, MarkReceived):
        return f"Đánh dấu đã nhận ngày {format_date(coerce('received_date', action.day, ''))}"
    if isinstance(action, SetSession):
        return f"Ghi ngày học tập {format_date(coerce('study_date', action.day, ''))}"
    if isinstance(action, MarkReported):
        got = coerce("received_date", action.received_date, "", REPORT_FIELDS)
        return f"Ghi nhận báo cáo ngày {format_date(got)}"
    return "Xóa " + ", ".join(ROW_FIELDS[f].label.lower() for f in action.fields
                              if f in ROW_FIELDS)


def bulk_update(db: Database, tracking_ids: Sequence[int], action: BulkAction,
                expected_versions: Mapping[int, int], *,
                today: date | None = None) -> BulkResult:
    """Apply ``action`` to the selected rows, all or nothing (see the module docstring)."""
    day = today or date.today()
    ids = list(dict.fromkeys(tracking_ids))
    with db.transaction() as s:
        rows = load_rows(s, ids)
        for tid in ids:
            if tid not in rows:
                raise missing(tid)
            expected = expected_versions.get(tid)
            if expected is None or rows[tid]["version"] != expected:
                raise stale(rows[tid], expected if expected is not None else 0)
        ordered = {tid: rows[tid] for tid in ids}
        if isinstance(action, MarkReported):
            reports, skipped = _mark_reported(db, s, action, ordered, day)
            description = _describe(action)
            created: list[dict[str, Any]] = []
            if reports:
                new_ids = s.scalars(insert(R).returning(R.c.id, sort_by_parameter_order=True),
                                    reports).all()
                created = [{**rep, "id": rid} for rep, rid in zip(reports, new_ids, strict=True)]
                _bump_guarded(s, rows, [rep["tracking_id"] for rep in created])
                audit_rows(db, s, "tracking_reports", AuditAction.CREATE, [
                    (rep["id"], None, rep,
                     f"{description}: báo cáo của «{rows[rep['tracking_id']]['org_name']}», "
                     f"văn bản {doc_ref(rows[rep['tracking_id']])}")
                    for rep in created])
            undo = Undo(description, delete_reports=tuple(created))
            updated = tuple(rep["tracking_id"] for rep in created)
        else:
            changes, skipped = _plan_fields(action, ordered, day)
            description = _describe(action)
            steps = write_changes(db, s, [RowChange(tid, ch, rows[tid]["version"])
                                          for tid, ch in changes.items()], day,
                                  what=description, rows=rows)
            undo = Undo(description, changes=tuple(steps))
            updated = tuple(step.tracking_id for step in steps)
    return BulkResult(len(updated), skipped, undo, updated)
