"""Editing tracking rows on both backends: checks named in Vietnamese, stale versions refused
with nothing written, one audit row per change, and undo/redo round trips."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.errors import ConflictError, ValidationError
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import find_document
from desktop.services.tracking_edit import (
    ReportInput,
    RowChange,
    apply_changes,
    apply_undo,
    delete_report,
    delete_rows,
    record_report,
    restore_rows,
    update_report,
    update_row,
)
from desktop.services.tracking_grid import TrackingFilter, fetch_rows, row_ids
from desktop.store import models as m
from tests.services.tracking_support import audit_count, dump

TODAY = date(2026, 11, 30)
@pytest.fixture
def demo(db: Database) -> int:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    return find_document(db, "01-CT/TU").id


def rows_of(db: Database, doc: int, **flt: Any) -> list[Any]:
    return fetch_rows(db, row_ids(db, doc, TrackingFilter(**flt), as_of=TODAY), TODAY)


def test_update_row_and_undo(db: Database, demo: int) -> None:
    row = rows_of(db, demo, depth=1)[0]
    start, audits = dump(db), audit_count(db)
    result = update_row(db, row.id, {"members_attending": "1.234", "members_total": 1500,
                                     "note": " Đã họp chi bộ\x00 ", "study_form": "Hội nghị "
                                     "trực tuyến"}, row.version, today=TODAY)
    new = result.row
    assert (new.members_attending, new.members_total, new.note, new.study_form) == (
        1234, 1500, "Đã họp chi bộ", "truc_tuyen")
    assert new.version == row.version + 1
    assert new.members_percent == pytest.approx(1234 * 100 / 1500)
    assert audit_count(db) == audits + 1
    with db.read() as s:
        entry = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc())).first()
    assert entry is not None and (entry.entity, entry.entity_id, entry.action) == (
        "tracking", row.id, "update")
    assert '"members_attending": 1234' in (entry.after or "") and row.org_name in entry.summary
    after = dump(db)
    # undo: the previous values, guarded by what was written
    undone = apply_undo(db, result.undo, today=TODAY)
    assert dump(db) == start
    assert undone.row.members_attending == row.members_attending
    redone = apply_undo(db, undone.undo, today=TODAY)
    assert dump(db) == after and redone.row.note == "Đã họp chi bộ"
    assert audit_count(db) == audits + 3


def test_a_no_op_change_writes_nothing(db: Database, demo: int) -> None:
    row = rows_of(db, demo)[0]
    audits = audit_count(db)
    result = update_row(db, row.id, {"note": row.note, "received_date": row.received_date},
                        row.version, today=TODAY)
    assert result.row.version == row.version and result.undo.empty
    assert audit_count(db) == audits


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"received_date": "10/01/2026"}, "received_date", "trước ngày ban hành văn bản (20/01/2026)"),
    ({"study_date": "05/12/2026"}, "study_date", "chưa tới (hôm nay là 30/11/2026)"),
    ({"received_date": "31/02/2026"}, "received_date", "tháng 2 năm 2026 chỉ có 28 ngày"),
    ({"cells_held": 5, "cells_total": 3}, "cells_total", "không thể vượt tổng số chi bộ"),
    ({"members_attending": "1.200", "members_total": "1.000"}, "members_total",
     "số đảng viên tham gia (1.200) lớn hơn tổng số đảng viên (1.000)"),
    ({"non_members": -1}, "non_members", "không được là số âm"),
    ({"study_sessions": "1,5"}, "study_sessions", "dấu phẩy là dấu thập phân"),
    ({"sent_channel": "fax"}, "sent_channel", "không có lựa chọn «fax»"),
    ({"plan_number": "x" * 61}, "plan_number", "tối đa 60"),
    ({"sent_date": "10/03/2026", "received_date": "05/03/2026"}, "received_date",
     "ngày gửi (10/03/2026) sau ngày nhận (05/03/2026)"),
    ({"colour": "đỏ"}, "colour", "không có ô «colour»"),
])
def test_invalid_input_is_refused_naming_the_field(
    db: Database, demo: int, changes: dict[str, Any], field: str, message: str
) -> None:
    row = rows_of(db, demo, depth=1)[0]
    start, audits = dump(db), audit_count(db)
    with pytest.raises(ValidationError) as err:
        update_row(db, row.id, changes, row.version, today=TODAY)
    assert err.value.field == field
    assert message in err.value.message and f"«{row.org_name}»" in err.value.message
    assert dump(db) == start and audit_count(db) == audits


def test_a_stale_row_is_not_overwritten(db: Database, demo: int) -> None:
    row = rows_of(db, demo)[0]
    update_row(db, row.id, {"note": "clerk A"}, row.version, today=TODAY)
    start, audits = dump(db), audit_count(db)
    with pytest.raises(ConflictError, match=f"«{row.org_name}» vừa được người khác sửa"):
        update_row(db, row.id, {"note": "clerk B"}, row.version, today=TODAY)
    assert dump(db) == start and audit_count(db) == audits


def test_apply_changes_is_all_or_nothing(db: Database, demo: int) -> None:
    a, b = rows_of(db, demo, depth=1)[:2]
    start = dump(db)
    with pytest.raises(ValidationError, match=f"«{b.org_name}»"):
        apply_changes(db, [(a.id, {"note": "ok"}, a.version),
                           (b.id, {"cells_held": 10**9}, b.version)], today=TODAY)
    assert dump(db) == start
    result = apply_changes(db, [(a.id, {"note": "một"}, a.version),
                                RowChange(b.id, {"note": "hai"}, b.version)], today=TODAY)
    assert [r.note for r in result.rows] == ["một", "hai"]
    apply_undo(db, result.undo, today=TODAY)
    assert dump(db) == start


def test_undo_refuses_when_the_row_changed_since(db: Database, demo: int) -> None:
    row = rows_of(db, demo)[0]
    mine = update_row(db, row.id, {"note": "của tôi"}, row.version, today=TODAY)
    update_row(db, row.id, {"note": "của người khác"}, mine.row.version, today=TODAY)
    start = dump(db)
    with pytest.raises(ConflictError, match="ghi chú bây giờ là «của người khác»"):
        apply_undo(db, mine.undo, today=TODAY)
    assert dump(db) == start


def test_reports_record_correct_delete_and_undo(db: Database, demo: int) -> None:
    doc = find_document(db, "06-KL/TU").id
    row = next(r for r in rows_of(db, doc, depth=1) if r.report_count == 0)
    assert row.overdue
    start, audits = dump(db), audit_count(db)
    done = record_report(db, row.id, ReportInput(received_date="05/11/2026", number="07-BC/ĐU",
                                                 report_date="03/11/2026"), row.version,
                         today=TODAY)
    assert audit_count(db) == audits + 1  # the report's; the row's version moves silently
    assert (done.row.report_number, done.row.report_count, done.row.version) == (
        "07-BC/ĐU", 1, row.version + 1)
    assert done.row.report_status == "qua_han"  # the first report was due in May
    assert done.row.status == "da_bao_cao_qua_han"
    with pytest.raises(ConflictError):  # the row moved on: recording twice is caught
        record_report(db, row.id, ReportInput(received_date="05/11/2026"), row.version,
                      today=TODAY)
    fixed = update_report(db, done.report_id, {"number": "08-BC/ĐU"},
                          done.row.report_version or 0, today=TODAY)
    assert fixed.row.report_number == "08-BC/ĐU"
    with pytest.raises(ValidationError, match="trước ngày của báo cáo"):
        update_report(db, done.report_id, {"received_date": "01/11/2026"},
                      fixed.row.report_version or 0, today=TODAY)
    gone = delete_report(db, done.report_id, fixed.row.report_version or 0, today=TODAY)
    assert gone.row.report_count == 0
    back = apply_undo(db, gone.undo, today=TODAY)
    assert back.row.report_number == "08-BC/ĐU"
    apply_undo(db, fixed.undo, today=TODAY)
    apply_undo(db, done.undo, today=TODAY)
    assert dump(db) == start


def test_delete_and_restore_rows(db: Database, demo: int) -> None:
    with db.read() as s:
        reminded = s.scalar(select(m.Reminder.tracking_id).join(m.Tracking)
                            .where(m.Tracking.document_id == demo))
    rows = rows_of(db, demo)
    chosen = [r for r in rows if r.id == reminded] + [r for r in rows if r.report_count
                                                      and r.id != reminded][:1] \
        + [r for r in rows if r.depth > 1][:1]
    start, audits = dump(db), audit_count(db)
    versions = {r.id: r.version for r in chosen}
    result = delete_rows(db, list(versions), versions)
    assert result.deleted == 3 and audit_count(db) == audits + 3
    assert sum(len(sn.reports) for sn in result.snapshot) >= 2
    assert sum(len(sn.reminders) for sn in result.snapshot) >= 1
    assert not fetch_rows(db, list(versions), TODAY)
    restored = restore_rows(db, result.snapshot, today=TODAY)
    assert dump(db) == start and {r.id for r in restored.rows} == set(versions)
    assert [r.version for r in restored.rows] == [versions[r.id] for r in restored.rows]
    # the same through the undo stack: redo the deletion, undo it again
    again = apply_undo(db, restored.undo, today=TODAY)
    assert not fetch_rows(db, list(versions), TODAY)
    apply_undo(db, again.undo, today=TODAY)
    assert dump(db) == start


def test_deleting_a_stale_row_deletes_nothing(db: Database, demo: int) -> None:
    a, b = rows_of(db, demo)[:2]
    update_row(db, b.id, {"note": "mới"}, b.version, today=TODAY)
    start = dump(db)
    with pytest.raises(ConflictError, match=f"«{b.org_name}»"):
        delete_rows(db, [a.id, b.id], {a.id: a.version, b.id: b.version})
    assert dump(db) == start
