"""Reports an organisation sent back: record, correct, delete — each undoable.

:func:`record_report` fills in what the clerk leaves out: the deadline the report answers (the
earliest report deadline the row has not yet answered with an accepted report) and whether it
came on time (``qua_han`` when a working day or more went by between that deadline's effective
date for the row and the day the report was received). A report marked ``tra_lai`` ("trả lại,
yêu cầu bổ sung") answers nothing, so the row is overdue again once the deadline has passed.

Each call writes exactly one audit row (the report's) and moves the tracking row's version on,
so a clerk who loaded the row earlier is told it changed instead of recording the report
twice; ``expected_version`` is the tracking row's version for :func:`record_report`, the
report's own for :func:`update_report` and :func:`delete_report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction, ReportStatus
from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services.calendar import calendar_in
from desktop.services.database import Database
from desktop.services.tracking_deadlines import load_terms, row_start
from desktop.services.tracking_fields import REPORT_FIELDS, check_report, coerce, coerce_all
from desktop.services.tracking_grid import TrackingRowDTO, fetch_rows_in
from desktop.services.tracking_write import (
    REPORT_VALUES,
    R,
    ReportChange,
    Undo,
    audit_rows,
    bump_rows,
    changed_since,
    chunks,
    doc_ref,
    load_rows,
    missing,
    stale,
    who,
)
from desktop.store.models import utcnow

__all__ = [
    "ReportInput",
    "ReportResult",
    "delete_report",
    "delete_report_rows",
    "insert_report_rows",
    "load_reports",
    "record_report",
    "record_report_in",
    "update_report",
    "write_report_changes",
]

_RETURNED = ReportStatus.RETURNED.value


@dataclass(frozen=True)
class ReportInput:
    """A report as the clerk enters it; ``status`` and ``deadline_id`` may be left to the
    program (see the module docstring). Dates and numbers may be typed text."""

    received_date: date | str | None = None  # the day the office received it (required)
    number: str = ""  # "12-BC/ĐU"
    report_date: date | str | None = None  # the date written on the report
    period: str = ""
    status: str | None = None  # dung_han | qua_han | tra_lai; None: computed
    deadline_id: int | None = None  # None: the earliest deadline not yet answered
    note: str = ""


@dataclass(frozen=True)
class ReportResult:
    row: TrackingRowDTO
    report_id: int
    undo: Undo


def load_reports(s: Session, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in s.execute(select(R).where(R.c.id.in_(chunk))).mappings():
            out[row["id"]] = dict(row)
    return out


def _report_who(report: Mapping[str, Any], row: Mapping[str, Any]) -> str:
    number = f" số {report['number']}" if report.get("number") else ""
    return f"Báo cáo{number} của «{row['org_name']}»"


def _summary(verb: str, report: Mapping[str, Any], row: Mapping[str, Any]) -> str:
    return f"{verb} {_report_who(report, row).lower()}, văn bản {doc_ref(row)}"


def insert_report_rows(db: Database, s: Session, reports: list[dict[str, Any]],
                       rows: Mapping[int, Mapping[str, Any]], verb: str) -> list[int]:
    """Insert reports (with their own ids when put back by an undo); one audit row each."""
    ids = []
    for rep in reports:
        values = {k: v for k, v in rep.items() if k in R.c}
        if "id" in values:
            s.execute(insert(R).values(**values))
            ids.append(values["id"])
        else:
            ids.append(s.execute(insert(R).values(**values).returning(R.c.id)).scalar_one())
    audit_rows(db, s, "tracking_reports", AuditAction.CREATE, [
        (rid, None, {k: v for k, v in rep.items() if k in R.c},
         _summary(verb, rep, rows[rep["tracking_id"]]))
        for rid, rep in zip(ids, reports, strict=True)
    ])
    bump_rows(s, [rep["tracking_id"] for rep in reports])
    return ids


def delete_report_rows(db: Database, s: Session, reports: list[dict[str, Any]],
                       rows: Mapping[int, Mapping[str, Any]], verb: str) -> None:
    for chunk in chunks([rep["id"] for rep in reports]):
        s.execute(delete(R).where(R.c.id.in_(chunk)))
    audit_rows(db, s, "tracking_reports", AuditAction.DELETE, [
        (rep["id"], rep, None, _summary(verb, rep, rows[rep["tracking_id"]])) for rep in reports
    ])
    bump_rows(s, [rep["tracking_id"] for rep in reports])


def write_report_changes(
    db: Database, s: Session, changes: list[ReportChange]
) -> list[ReportChange]:
    """Undo/redo of report corrections: guarded by values; returns the inverse steps."""
    reports = load_reports(s, [c.report_id for c in changes])
    rows = load_rows(s, [rep["tracking_id"] for rep in reports.values()])
    inverse = []
    for change in changes:
        rep = reports.get(change.report_id)
        if rep is None:
            raise ConflictError(f"Báo cáo #{change.report_id} không còn nữa; chưa có gì bị thay "
                                "đổi. Hãy tải lại.")
        for key, value in change.expected.items():
            if rep[key] != value:
                raise changed_since(_report_who(rep, rows[rep["tracking_id"]]),
                                    REPORT_FIELDS[key].label.lower(), rep[key], value)
        s.execute(update(R).where(R.c.id == rep["id"])
                  .values(**change.changes, version=R.c.version + 1, updated_at=utcnow()))
        inverse.append(ReportChange(rep["id"], {k: rep[k] for k in change.changes},
                                    dict(change.changes)))
    audit_rows(db, s, "tracking_reports", AuditAction.UPDATE, [
        (c.report_id, c.changes, c.expected,
         _summary("Hoàn tác sửa", reports[c.report_id], rows[reports[c.report_id]["tracking_id"]]))
        for c in inverse
    ])
    bump_rows(s, [rep["tracking_id"] for rep in reports.values()])
    return inverse


def _answered(s: Session, tracking_id: int, skip: int | None = None) -> set[int | None]:
    return {d for rid, d, st in s.execute(
        select(R.c.id, R.c.deadline_id, R.c.status).where(R.c.tracking_id == tracking_id))
        if st != _RETURNED and rid != skip}


def _complete(s: Session, row: Mapping[str, Any], values: dict[str, Any], today: date,
              skip: int | None = None) -> None:
    """Fill in the deadline (when ``deadline_id`` is absent) and the status (when it is None)
    the clerk left out; check a deadline given."""
    terms = load_terms(s, row["document_id"], today, calendar_in(s))
    if "deadline_id" not in values:
        answered = _answered(s, row["id"], skip)
        rule = next((r for r in terms.reports if not terms.answers(r, answered)), None)
        values["deadline_id"] = rule.id if rule is not None else None
    elif values["deadline_id"] is not None:
        rule = next((r for r in terms.reports if r.id == values["deadline_id"]), None)
        if rule is None:
            raise ValidationError(
                f"{who(row)}: hạn báo cáo #{values['deadline_id']} không phải là hạn báo cáo "
                f"của văn bản {doc_ref(row)}. Chọn một hạn báo cáo của văn bản này.",
                "deadline_id")
    else:  # a report without a deadline answers the first one
        rule = None
    if values.get("status") is None:
        rule = rule or (terms.reports[0] if terms.reports else None)
        start = row_start(row["received_date"], row["sent_date"], terms.issue_date)
        due = terms.due(rule, start) if rule is not None else None
        got = values.get("received_date")
        late = due is not None and got is not None and \
            terms.calendar.working_days_between(due, got) > 0
        values["status"] = ReportStatus.LATE.value if late else ReportStatus.ON_TIME.value


def record_report_in(db: Database, s: Session, row: Mapping[str, Any], inp: ReportInput,
                     day: date) -> dict[str, Any]:
    """:func:`record_report` in the caller's transaction, for a row already read and checked;
    returns the report as written."""
    given = {f.name: getattr(inp, f.name) for f in fields(inp)}
    values = coerce_all({k: v for k, v in given.items() if k != "status"}, who(row),
                        REPORT_FIELDS)
    values["status"] = coerce("status", inp.status, who(row), REPORT_FIELDS) or None
    if values["received_date"] is None:
        raise ValidationError(
            f"{who(row)}: {REPORT_FIELDS['received_date'].label} — chưa nhập. Ghi ngày văn "
            "phòng nhận được báo cáo (ví dụ 05/02/2026).", "received_date")
    check_report(values, {k for k, v in values.items() if v is not None}, row["issue_date"],
                 day, who(row))
    if inp.deadline_id is None:
        del values["deadline_id"]
    _complete(s, row, values, day)
    now = utcnow()
    report = {**values, "tracking_id": row["id"], "document_id": row["document_id"],
              "version": 1, "created_at": now, "updated_at": now}
    [report_id] = insert_report_rows(db, s, [report], {row["id"]: row}, "Ghi nhận")
    return {**report, "id": report_id}


def record_report(db: Database, tracking_id: int, inp: ReportInput, expected_version: int,
                  *, today: date | None = None) -> ReportResult:
    """Record a report that came back for a row (see the module docstring)."""
    day = today or date.today()
    with db.transaction() as s:
        row = load_rows(s, [tracking_id]).get(tracking_id)
        if row is None:
            raise missing(tracking_id)
        if row["version"] != expected_version:
            raise stale(row, expected_version)
        created = record_report_in(db, s, row, inp, day)
        dto = fetch_rows_in(s, [tracking_id], day)[0]
    return ReportResult(dto, created["id"], Undo(f"Ghi nhận báo cáo của {row['org_name']}",
                                                 delete_reports=(created,)))


def _load_report(s: Session, report_id: int, expected_version: int | None
                 ) -> tuple[dict[str, Any], dict[str, Any]]:
    rep = load_reports(s, [report_id]).get(report_id)
    if rep is None:
        raise NotFoundError(f"Không có báo cáo #{report_id}; có thể nó vừa bị xóa. Hãy tải lại.")
    row = load_rows(s, [rep["tracking_id"]])[rep["tracking_id"]]
    if expected_version is not None and rep["version"] != expected_version:
        raise ConflictError(
            f"{_report_who(rep, row)} vừa được người khác sửa (bản {rep['version']}, bạn đang "
            f"sửa bản {expected_version}). Hãy tải lại rồi sửa lại; chưa có gì bị thay đổi.")
    return rep, row


def update_report(db: Database, report_id: int, changes: Mapping[str, Any],
                  expected_version: int, *, today: date | None = None) -> ReportResult:
    """Correct a report's fields (``status=None`` recomputes it, as does a new date)."""
    day = today or date.today()
    with db.transaction() as s:
        rep, row = _load_report(s, report_id, expected_version)
        values = coerce_all({k: v for k, v in changes.items() if k != "status"},
                            _report_who(rep, row), REPORT_FIELDS)
        if "status" in changes:
            values["status"] = coerce("status", changes["status"], who(row), REPORT_FIELDS) or None
        merged = {**rep, **values}
        check_report(merged, set(values), row["issue_date"], day, _report_who(rep, row))
        # the status follows a new date or deadline, unless the clerk sets it or it was
        # returned (a returned report stays returned until the clerk says otherwise)
        recompute = values.get("status", "") is None or (
            "status" not in changes and rep["status"] != _RETURNED
            and bool({"received_date", "deadline_id"} & set(values)))
        if recompute or "deadline_id" in values:
            probe = {"deadline_id": merged["deadline_id"],
                     "received_date": merged["received_date"],
                     "status": None if recompute else merged["status"]}
            _complete(s, row, probe, day, skip=report_id)
            values["status"] = probe["status"]
        effective = {k: v for k, v in values.items() if rep[k] != v}
        undo = Undo(f"Sửa báo cáo của {row['org_name']}")
        if effective:
            s.execute(update(R).where(R.c.id == report_id, R.c.version == rep["version"])
                      .values(**effective, version=R.c.version + 1, updated_at=utcnow()))
            audit_rows(db, s, "tracking_reports", AuditAction.UPDATE, [
                (report_id, {k: rep[k] for k in effective}, effective,
                 _summary("Sửa", rep, row))])
            bump_rows(s, [row["id"]])
            undo = Undo(undo.description, report_changes=(
                ReportChange(report_id, {k: rep[k] for k in effective}, effective),))
        dto = fetch_rows_in(s, [row["id"]], day)[0]
    return ReportResult(dto, report_id, undo)


def delete_report(db: Database, report_id: int, expected_version: int,
                  *, today: date | None = None) -> ReportResult:
    """Delete a report (entered by mistake); the undo puts it back as it was."""
    day = today or date.today()
    with db.transaction() as s:
        rep, row = _load_report(s, report_id, expected_version)
        delete_report_rows(db, s, [rep], {row["id"]: row}, "Xóa")
        dto = fetch_rows_in(s, [row["id"]], day)[0]
    return ReportResult(dto, report_id, Undo(f"Xóa báo cáo của {row['org_name']}",
                                             create_reports=(rep,)))


def report_values(rep: Mapping[str, Any]) -> dict[str, Any]:
    """The fields an undo checks before removing a report it had put back."""
    return {k: rep[k] for k in REPORT_VALUES}
