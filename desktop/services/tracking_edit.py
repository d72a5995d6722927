"""Editing the tracking grid: one row's fields, several rows at once, deletions, and undo.

- :func:`update_row` / :func:`apply_changes` — checked and written in one transaction
  (:mod:`~desktop.services.tracking_fields` says what is refused and why); a row changed by
  someone else since it was read (``expected_version``) raises
  :class:`~desktop.domain.errors.ConflictError` naming the organisation, and nothing is written;
- reports: :func:`record_report`, :func:`update_report`, :func:`delete_report` (in
  :mod:`~desktop.services.tracking_reports`, exported here);
- :func:`delete_rows` / :func:`restore_rows` — a deleted row (with its reports and reminders)
  can be put back as it was, so the UI undoes deletions instead of asking for confirmation;
- every result carries an :class:`~desktop.services.tracking_write.Undo`; :func:`apply_undo`
  applies one atomically and returns the redo — a ``QUndoCommand`` holds the pair and calls
  ``apply_undo`` in both directions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ConflictError, DatabaseError, ValidationError
from desktop.services.database import Database
from desktop.services.tracking_fields import REPORT_FIELDS, ROW_FIELDS
from desktop.services.tracking_grid import TrackingRowDTO, fetch_rows_in
from desktop.services.tracking_reports import (
    ReportInput,
    ReportResult,
    delete_report,
    delete_report_rows,
    insert_report_rows,
    load_reports,
    record_report,
    record_report_in,
    report_values,
    update_report,
    write_report_changes,
)
from desktop.services.tracking_write import (
    REPORT_VALUES,
    ReportChange,
    RowChange,
    RowSnapshot,
    T,
    Undo,
    audit_rows,
    changed_since,
    chunks,
    doc_ref,
    load_rows,
    missing,
    stale,
    who,
    write_changes,
)
from desktop.store import models as m

__all__ = [
    "DeleteResult",
    "EditResult",
    "ReportChange",
    "ReportInput",
    "ReportResult",
    "RowChange",
    "RowSnapshot",
    "Undo",
    "apply_changes",
    "apply_undo",
    "delete_report",
    "delete_rows",
    "record_report",
    "restore_rows",
    "update_report",
    "update_row",
]

_ROW_EXTRA = ("org_name", "org_depth", "issue_date", "doc_number", "doc_symbol", "doc_regime")


@dataclass(frozen=True)
class EditResult:
    """The rows as they are now (for the grid to show) and the undo of what was done."""

    rows: list[TrackingRowDTO]
    undo: Undo

    @property
    def row(self) -> TrackingRowDTO:
        return self.rows[0]


@dataclass(frozen=True)
class DeleteResult:
    deleted: int
    snapshot: tuple[RowSnapshot, ...]  # what restore_rows needs
    undo: Undo


def _as_change(item: RowChange | tuple[int, Mapping[str, Any], int]) -> RowChange:
    if isinstance(item, RowChange):
        return item
    tracking_id, changes, expected_version = item
    return RowChange(tracking_id, changes, expected_version)


def apply_changes(
    db: Database, items: Iterable[RowChange | tuple[int, Mapping[str, Any], int]],
    *, today: date | None = None, description: str = "Sửa dữ liệu theo dõi",
) -> EditResult:
    """Apply ``(tracking_id, changes, expected_version)`` to several rows, all or nothing."""
    day = today or date.today()
    changes = [_as_change(i) for i in items]
    with db.transaction() as s:
        undo = write_changes(db, s, changes, day)
        rows = fetch_rows_in(s, [c.tracking_id for c in changes], day)
    return EditResult(rows, Undo(description, changes=tuple(undo)))


def update_row(db: Database, tracking_id: int, changes: Mapping[str, Any],
               expected_version: int, *, report: ReportInput | None = None,
               today: date | None = None) -> EditResult:
    """Change fields of one row — and record a report with them, when given, in the same
    transaction; ``result.row`` is the row as stored, ``result.undo`` undoes both."""
    day = today or date.today()
    labels = ", ".join(ROW_FIELDS[k].label.lower() for k in changes if k in ROW_FIELDS)
    description = f"Sửa {labels}" if labels else "Sửa dòng theo dõi"
    with db.transaction() as s:
        steps = write_changes(db, s, [RowChange(tracking_id, changes, expected_version)], day)
        created: tuple[Mapping[str, Any], ...] = ()
        if report is not None:
            row = load_rows(s, [tracking_id])[tracking_id]
            created = (record_report_in(db, s, row, report, day),)
            description = f"{description}; ghi nhận báo cáo" if labels else "Ghi nhận báo cáo"
        rows = fetch_rows_in(s, [tracking_id], day)
    return EditResult(rows, Undo(description, changes=tuple(steps), delete_reports=created))


# --------------------------------------------------------------------------- delete / restore


def _snapshots(s: Session, rows: Mapping[int, Mapping[str, Any]]) -> list[RowSnapshot]:
    ids = sorted(rows)
    reports: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    reminders: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    rt, mt = m.TrackingReport.__table__, m.Reminder.__table__
    for chunk in chunks(ids):
        for rep in s.execute(select(rt).where(rt.c.tracking_id.in_(chunk))
                             .order_by(rt.c.id)).mappings():
            reports[rep["tracking_id"]].append(dict(rep))
        for rem in s.execute(select(mt).where(mt.c.tracking_id.in_(chunk))
                             .order_by(mt.c.id)).mappings():
            reminders[rem["tracking_id"]].append(dict(rem))
    return [RowSnapshot(dict(rows[i]), tuple(reports[i]), tuple(reminders[i])) for i in ids]


def _refuse_attachments(s: Session, rows: Mapping[int, Mapping[str, Any]]) -> None:
    a = m.Attachment
    for chunk in chunks(sorted(rows)):
        found = s.execute(select(a.tracking_id, func.count()).where(a.tracking_id.in_(chunk))
                          .group_by(a.tracking_id)).first()
        if found is not None:
            raise ValidationError(
                f"{who(rows[found[0]])} có {found[1]} tệp đính kèm nên không xóa được dòng. "
                "Xóa các tệp đính kèm của dòng trước (nếu thật sự không cần), rồi xóa dòng.",
                "tracking")


def _delete(db: Database, s: Session, snaps: Sequence[RowSnapshot], verb: str) -> None:
    for chunk in chunks([sn.tracking_id for sn in snaps]):
        s.execute(delete(T).where(T.c.id.in_(chunk)))  # reports, reminders: ON DELETE CASCADE
    audit_rows(db, s, "tracking", AuditAction.DELETE, [
        (sn.tracking_id, {"row": _stored(sn.row), "reports": sn.reports,
                          "reminders": sn.reminders}, None,
         f"{verb} dòng theo dõi «{sn.row['org_name']}», văn bản {doc_ref(sn.row)}"
         + (f" (cùng {len(sn.reports)} báo cáo)" if sn.reports else ""))
        for sn in snaps
    ])


def _stored(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in _ROW_EXTRA}


def delete_rows(db: Database, tracking_ids: Sequence[int],
                expected_versions: Mapping[int, int]) -> DeleteResult:
    """Delete rows (with their reports and reminders); refused for rows with attachments."""
    with db.transaction() as s:
        rows = load_rows(s, tracking_ids)
        for tid in tracking_ids:
            if tid not in rows:
                raise missing(tid)
            expected = expected_versions.get(tid)
            if expected is None or rows[tid]["version"] != expected:
                raise stale(rows[tid], expected if expected is not None else 0)
        _refuse_attachments(s, rows)
        snaps = _snapshots(s, rows)
        _delete(db, s, snaps, "Xóa")
    snapshot = tuple(snaps)
    return DeleteResult(len(snaps), snapshot,
                        Undo(f"Xóa {len(snaps)} dòng theo dõi", restore_rows=snapshot))


def _restore(db: Database, s: Session, snaps: Sequence[RowSnapshot]) -> None:
    t = m.Tracking
    for sn in snaps:
        row = sn.row
        taken = s.scalar(select(exists().where(
            (t.id == row["id"]) | ((t.document_id == row["document_id"])
                                   & (t.organisation_id == row["organisation_id"])))))
        if taken:
            raise ConflictError(
                f"Không đặt lại được dòng «{row['org_name']}»: văn bản {doc_ref(row)} đã có lại "
                "một dòng theo dõi cho đơn vị này (có thể do đồng bộ nơi nhận). Chưa có gì bị "
                "thay đổi; hãy tải lại.")
    try:
        s.execute(insert(T), [_stored(sn.row) for sn in snaps])
        reports = [dict(r) for sn in snaps for r in sn.reports]
        if reports:
            s.execute(insert(m.TrackingReport.__table__), reports)
        reminders = [dict(r) for sn in snaps for r in sn.reminders]
        if reminders:
            s.execute(insert(m.Reminder.__table__), reminders)
        s.flush()
    except IntegrityError as exc:
        raise DatabaseError(
            "Không đặt lại được các dòng đã xóa: dữ liệu liên quan (đơn vị, văn bản hoặc sổ văn "
            "bản đi) đã thay đổi từ khi xóa. Chưa có gì bị thay đổi.") from exc
    audit_rows(db, s, "tracking", AuditAction.CREATE, [
        (sn.tracking_id, None, {"row": _stored(sn.row), "reports": sn.reports,
                                "reminders": sn.reminders},
         f"Đặt lại dòng theo dõi «{sn.row['org_name']}», văn bản {doc_ref(sn.row)}")
        for sn in snaps
    ])


def restore_rows(db: Database, snapshot: Sequence[RowSnapshot], *,
                 today: date | None = None) -> EditResult:
    """Put deleted rows back exactly as they were (ids, versions, reports, reminders)."""
    day = today or date.today()
    with db.transaction() as s:
        _restore(db, s, snapshot)
        rows = fetch_rows_in(s, [sn.tracking_id for sn in snapshot], day)
    return EditResult(rows, Undo(f"Xóa {len(snapshot)} dòng theo dõi",
                                 delete_rows=tuple(snapshot)))


# --------------------------------------------------------------------------- undo / redo


def _check_unchanged(s: Session, snaps: Sequence[RowSnapshot]) -> dict[int, dict[str, Any]]:
    rows = load_rows(s, [sn.tracking_id for sn in snaps])
    for sn in snaps:
        row = rows.get(sn.tracking_id)
        if row is None:
            raise missing(sn.tracking_id)
        for key in ROW_FIELDS:
            if row[key] != sn.row[key]:
                raise changed_since(who(row), ROW_FIELDS[key].label.lower(), row[key],
                                    sn.row[key])
    return rows


def apply_undo(db: Database, undo: Undo, *, today: date | None = None) -> EditResult:
    """Apply an undo (or redo) step in one transaction; the result's ``undo`` is its inverse.

    Each part is guarded by the values the original operation wrote: if someone changed the
    row or report since, ConflictError says what changed and nothing is written."""
    day = today or date.today()
    touched: list[int] = []
    with db.transaction() as s:
        if undo.restore_rows:
            _restore(db, s, undo.restore_rows)
            touched += [sn.tracking_id for sn in undo.restore_rows]
        if undo.create_reports:
            reports = [dict(r) for r in undo.create_reports]
            rows = load_rows(s, {r["tracking_id"] for r in reports})
            for r in reports:
                if r["tracking_id"] not in rows:
                    raise missing(r["tracking_id"])
            insert_report_rows(db, s, reports, rows, "Đặt lại")
            touched += [r["tracking_id"] for r in reports]
        inverse_changes = write_changes(db, s, list(undo.changes), day, validate=False,
                                        what="Hoàn tác/làm lại")
        touched += [c.tracking_id for c in undo.changes]
        inverse_report_changes = write_report_changes(db, s, list(undo.report_changes)) \
            if undo.report_changes else []
        removed: list[dict[str, Any]] = []
        if undo.delete_reports:
            current = load_reports(s, [r["id"] for r in undo.delete_reports])
            rows = load_rows(s, {r["tracking_id"] for r in current.values()})
            for want in undo.delete_reports:
                rep = current.get(want["id"])
                if rep is None:
                    raise ConflictError(f"Báo cáo #{want['id']} không còn nữa; chưa có gì bị "
                                        "thay đổi. Hãy tải lại.")
                for key in REPORT_VALUES:
                    if rep[key] != want[key]:
                        owner = rows[rep["tracking_id"]]["org_name"]
                        raise changed_since(f"Báo cáo của «{owner}»",
                                            REPORT_FIELDS[key].label.lower(), rep[key], want[key])
                removed.append(rep)
            delete_report_rows(db, s, removed, rows, "Xóa")
            touched += [r["tracking_id"] for r in removed]
        deleted: list[RowSnapshot] = []
        if undo.delete_rows:
            rows = _check_unchanged(s, undo.delete_rows)
            _refuse_attachments(s, rows)
            deleted = _snapshots(s, rows)
            _delete(db, s, deleted, "Xóa")
        gone = {sn.tracking_id for sn in deleted}
        dtos = fetch_rows_in(s, [i for i in dict.fromkeys(touched) if i not in gone], day)
    redo = Undo(undo.description, changes=tuple(inverse_changes),
                report_changes=tuple(inverse_report_changes),
                create_reports=tuple(removed),
                delete_reports=tuple({**r, **report_values(r)} for r in undo.create_reports),
                restore_rows=tuple(deleted), delete_rows=tuple(undo.restore_rows))
    return EditResult(dtos, redo)
