"""Bulk actions on a selection: atomic with a stale row, rows left alone with a reason, the
clerk's summary, one audit row per changed row, and one undo step."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.domain.errors import ConflictError, ValidationError
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import find_document
from desktop.services.tracking_bulk import (
    BulkResult,
    ClearFields,
    MarkReceived,
    MarkReported,
    SetSession,
    Unchanged,
    bulk_update,
    summary_text,
)
from desktop.services.tracking_edit import apply_undo, update_row
from desktop.services.tracking_grid import TrackingFilter, fetch_rows, row_ids
from tests.services.tracking_support import audit_count, dump

TODAY = date(2026, 11, 30)
@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    return db


def selection(db: Database, ref: str, **flt: Any) -> list[Any]:
    doc = find_document(db, ref).id
    return fetch_rows(db, row_ids(db, doc, TrackingFilter(**flt), as_of=TODAY), TODAY)


def test_mark_received_skips_rows_already_received(demo: Database) -> None:
    db = demo
    rows = selection(db, "10-KH/TU")
    before = {r.id: r for r in rows}
    start, audits = dump(db), audit_count(db)
    result = bulk_update(db, list(before), MarkReceived("30/11/2026", "dien_tu"),
                         {r.id: r.version for r in rows}, today=TODAY)
    received = [r for r in rows if r.received_date is not None]
    assert result.updated == len(rows) - len(received) > 0
    assert [u.tracking_id for u in result.unchanged] == [r.id for r in received]
    assert result.unchanged[0].reason.startswith("đã nhận ngày ")
    assert result.summary == (f"Đã cập nhật {result.updated} dòng; {len(received)} dòng không "
                              "đổi vì đã ghi ngày nhận từ trước.")
    assert audit_count(db) == audits + result.updated
    after = {r.id: r for r in fetch_rows(db, list(before), TODAY)}
    for tid in result.updated_ids:
        assert (after[tid].received_date, after[tid].sent_channel) == (TODAY, "dien_tu")
        assert after[tid].version == before[tid].version + 1
    for r in received:  # left exactly as they were
        assert after[r.id] == before[r.id]
    # one undo step
    apply_undo(db, result.undo, today=TODAY)
    assert dump(db) == start


def test_a_stale_row_rolls_back_the_whole_bulk(demo: Database) -> None:
    db = demo
    rows = selection(db, "01-CT/TU")[:40]
    versions = {r.id: r.version for r in rows}
    for r in (rows[7], rows[30]):  # someone else edits two of them meanwhile
        update_row(db, r.id, {"note": "sửa ở máy khác"}, r.version, today=TODAY)
    start, audits = dump(db), audit_count(db)
    with pytest.raises(ConflictError) as err:
        bulk_update(db, list(versions), ClearFields(("note", "study_form")), versions,
                    today=TODAY)
    assert f"«{rows[7].org_name}» vừa được người khác sửa" in err.value.message
    assert "chưa có gì bị thay đổi" in err.value.message
    assert dump(db) == start and audit_count(db) == audits


def test_set_session_and_clear(demo: Database) -> None:
    db = demo
    rows = selection(db, "06-KL/TU")
    start = dump(db)
    versions = {r.id: r.version for r in rows}
    session = bulk_update(db, list(versions), SetSession("27/11/2026", "sinh_hoat_chi_bo"),
                          versions, today=TODAY)
    studied = sum(1 for r in rows if r.study_date is not None)
    assert session.updated == len(rows) - studied - sum(
        1 for r in rows if r.study_date is None and (r.received_date is None
                                                     or r.received_date > date(2026, 11, 27)))
    assert {u.category for u in session.unchanged} <= {
        "đã ghi ngày học tập từ trước", "chưa ghi ngày nhận văn bản", "ngày nhận sau ngày học tập"}
    now = {r.id: r for r in fetch_rows(db, list(versions), TODAY)}
    assert all(now[i].study_form == "sinh_hoat_chi_bo" for i in session.updated_ids)
    cleared = bulk_update(db, list(session.updated_ids), ClearFields(("study_date",
                                                                      "study_form")),
                          {i: now[i].version for i in session.updated_ids}, today=TODAY)
    assert cleared.updated == session.updated and not cleared.unchanged
    apply_undo(db, cleared.undo, today=TODAY)
    apply_undo(db, session.undo, today=TODAY)
    assert dump(db) == start


def test_mark_reported(demo: Database) -> None:
    db = demo
    rows = selection(db, "06-KL/TU")
    start, audits = dump(db), audit_count(db)
    versions = {r.id: r.version for r in rows}
    result = bulk_update(db, list(versions), MarkReported("20/11/2026", "05-BC"), versions,
                         today=TODAY)
    owed = [r for r in rows if r.depth == 1 and r.report_count == 0]
    assert result.updated == len(owed) == 1
    categories = {u.category for u in result.unchanged}
    assert categories == {"không phải báo cáo văn bản này", "đã báo cáo từ trước"}
    assert audit_count(db) == audits + 1
    [row] = fetch_rows(db, list(result.updated_ids), TODAY)
    assert (row.report_number, row.report_received_date, row.report_status) == (
        "05-BC", date(2026, 11, 20), "qua_han")
    assert "dòng không phải báo cáo văn bản này" in result.summary
    redo = apply_undo(db, result.undo, today=TODAY)
    assert dump(db) == start
    apply_undo(db, redo.undo, today=TODAY)
    assert fetch_rows(db, list(result.updated_ids), TODAY)[0].report_count == 1


def test_the_action_itself_is_checked(demo: Database) -> None:
    db = demo
    rows = selection(db, "10-KH/TU")
    versions = {r.id: r.version for r in rows}
    start = dump(db)
    with pytest.raises(ValidationError, match="chưa tới"):
        bulk_update(db, list(versions), MarkReceived("01/12/2026"), versions, today=TODAY)
    with pytest.raises(ValidationError, match="trước ngày ban hành văn bản"):
        bulk_update(db, list(versions), MarkReceived("29/11/2026"), versions, today=TODAY)
    with pytest.raises(ValidationError, match="không có lựa chọn «fax»"):
        bulk_update(db, list(versions), MarkReceived("30/11/2026", "fax"), versions,
                    today=TODAY)
    with pytest.raises(ValidationError, match="không có ô «colour»"):
        bulk_update(db, list(versions), ClearFields(("colour",)), versions, today=TODAY)
    assert dump(db) == start


def test_summary_with_several_reasons() -> None:
    result = BulkResult(37, [Unchanged(1, "A", "x", "đã ghi ngày nhận từ trước"),
                             Unchanged(2, "B", "y", "ngày gửi sau ngày nhận"),
                             Unchanged(3, "C", "z", "đã ghi ngày nhận từ trước")],
                        undo=None)  # type: ignore[arg-type]
    assert summary_text(result) == ("Đã cập nhật 37 dòng; 3 dòng không đổi: 2 dòng đã ghi ngày "
                                    "nhận từ trước, 1 dòng ngày gửi sau ngày nhận.")
    assert summary_text(BulkResult(1_234, [], undo=None)) == \
        "Đã cập nhật 1.234 dòng."  # type: ignore[arg-type]
