"""Deadlines in working days through the document register, on SQLite and PostgreSQL: created
and edited with the document ("10 ngày làm việc kể từ ngày nhận"), read back for the dialog,
refused with a message naming the row, and followed by the status and days overdue of the
tracking rows.

Issued Thursday 05/02/2026, just before Tết (off 14/02–22/02): 10 working days after the issue
is Thursday 26/02; 10 working days after a receipt on Thursday 12/02 is Thursday 05/03.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.document_register import (
    DeadlineInput,
    DocumentInput,
    RecipientLineInput,
    create_and_track,
    create_document,
    get_document,
    update_document,
)
from desktop.services.tracking_deadlines import FROM_ISSUE, FROM_RECEIPT
from desktop.services.tracking_edit import update_row
from desktop.services.tracking_grid import fetch_rows, row_ids
from desktop.store import models as m

TODAY = date(2026, 11, 30)
ISSUE = date(2026, 2, 5)
COMMITTEES = "Các đảng bộ trực thuộc Tỉnh ủy"


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    return db


def directive(db: Database, *deadlines: DeadlineInput) -> DocumentInput:
    with db.read() as s:
        body = s.scalar(select(m.IssuingBody.id).where(m.IssuingBody.symbol == "TU"))
        group = s.scalar(select(m.OrgGroup.id).where(m.OrgGroup.name == COMMITTEES))
    return DocumentInput(
        type_code="CT", number="15", symbol="CT/TU", issue_date=ISSUE, issuing_body_id=body,
        excerpt="về việc thử hạn tính theo ngày làm việc", scope="chi_bo",
        deadlines=deadlines,
        recipient_lines=(RecipientLineInput(f"- {COMMITTEES};", group_id=group),),
    )


STUDY = DeadlineInput("hoc_tap", date(2026, 2, 13))
FIRST = DeadlineInput("bao_cao_lan_dau", None, depth=1, working_days=10,
                      counted_from=FROM_RECEIPT)
PERIODIC = DeadlineInput("bao_cao_dinh_ky", None, period="2026", working_days=15)


def stored(db: Database, document_id: int) -> list[tuple[str, date, int | None, str | None]]:
    with db.read() as s:
        rows = s.execute(select(m.Deadline.kind, m.Deadline.due_date, m.Deadline.working_days,
                                m.Deadline.counted_from)
                         .where(m.Deadline.document_id == document_id)
                         .order_by(m.Deadline.due_date)).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_created_and_edited_with_the_document(demo: Database) -> None:
    detail, _ = create_and_track(demo, directive(demo, STUDY, FIRST, PERIODIC))
    assert stored(demo, detail.id) == [
        ("hoc_tap", date(2026, 2, 13), None, None),
        ("bao_cao_lan_dau", date(2026, 2, 26), 10, "receipt"),  # counted from the issue
        ("bao_cao_dinh_ky", date(2026, 3, 5), 15, "issue"),
    ]
    read = get_document(demo, detail.id)
    assert read == detail
    assert [(d.working_days, d.counted_from, d.from_receipt) for d in read.deadlines] == [
        (None, None, False), (10, "receipt", True), (15, "issue", False)]
    # what the dialog edits: the rule, not just a date
    assert read.to_input().deadlines == (
        STUDY, replace(FIRST, due_date=date(2026, 2, 26)),
        replace(PERIODIC, due_date=date(2026, 3, 5)))
    # saving it back unchanged changes nothing
    same = update_document(demo, detail.id, read.to_input(), read.version)
    assert same.deadlines == read.deadlines

    # edit: issued a day later, first report 12 working days after receipt, periodic a date
    ids = {d.kind: d.id for d in read.deadlines}
    edited = replace(read.to_input(), issue_date=date(2026, 2, 6), deadlines=(
        STUDY, replace(FIRST, working_days=12),
        DeadlineInput("bao_cao_dinh_ky", date(2026, 12, 15), period="2026")))
    after = update_document(demo, detail.id, edited, same.version)
    assert stored(demo, detail.id) == [
        ("hoc_tap", date(2026, 2, 13), None, None),
        ("bao_cao_lan_dau", date(2026, 3, 3), 12, "receipt"),  # from Friday 06/02
        ("bao_cao_dinh_ky", date(2026, 12, 15), None, None),
    ]
    assert {d.kind: d.id for d in after.deadlines} == ids  # the same deadlines, kept
    # and back to working days from the issue: the date is computed again
    again = update_document(demo, detail.id, replace(edited, deadlines=(
        STUDY, FIRST, replace(PERIODIC, due_date=date(2030, 1, 1)))), after.version)
    assert [(d.due_date, d.working_days, d.counted_from) for d in again.deadlines][2] == (
        date(2026, 3, 6), 15, "issue")  # from 06/02; a stale date given is ignored


def _refused(db: Database, *deadlines: DeadlineInput) -> ValidationError:
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(m.Deadline))
    with pytest.raises(ValidationError) as info:
        create_document(db, directive(db, *deadlines))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Deadline)) == before
    assert info.value.field == "deadlines"
    return info.value


def test_refused_with_the_row_named(demo: Database) -> None:
    assert _refused(demo, STUDY, replace(FIRST, working_days=0)).message == (
        "Hạn thứ 2 (hạn báo cáo lần đầu): số ngày làm việc phải là số nguyên từ 1 đến 1000 (đã "
        "ghi «0»).")
    assert "từ 1 đến 1000 (đã ghi «1001»)" in _refused(
        demo, replace(FIRST, working_days=1001)).message
    assert _refused(demo, STUDY, replace(FIRST, working_days=None,
                                         due_date=date(2026, 3, 1))).message.startswith(
        "Hạn thứ 2 (hạn báo cáo lần đầu): hạn tính từ ngày đơn vị nhận phải ghi số ngày làm "
        "việc (ví dụ 10 ngày làm việc kể từ ngày nhận).")
    assert _refused(demo, replace(PERIODIC, counted_from="tomorrow")).message.startswith(
        "Hạn thứ 1 (hạn báo cáo định kỳ): hạn chỉ tính từ ngày ban hành (issue) hoặc từ ngày "
        "đơn vị nhận (receipt), không phải «tomorrow».")
    assert _refused(demo, FIRST, FIRST).message == (
        "Hạn báo cáo lần đầu 10 ngày làm việc kể từ ngày đơn vị nhận được ghi hai lần; bỏ bớt "
        "một dòng.")
    # the same number of days from the issue and from receipt are two deadlines, not one
    detail = create_document(demo, directive(demo, FIRST, replace(FIRST, counted_from=FROM_ISSUE)))
    assert len(detail.deadlines) == 2


def test_tracking_rows_follow_the_rule(demo: Database) -> None:
    detail, _ = create_and_track(demo, directive(demo, STUDY, FIRST))
    first_id = next(d.id for d in detail.deadlines if d.kind == "bao_cao_lan_dau")
    ids = row_ids(demo, detail.id, as_of=TODAY)
    rows = [r for r in fetch_rows(demo, ids, TODAY) if r.depth == 1]
    early, late, never = rows[0], rows[1], rows[2]
    for row, received in ((early, date(2026, 2, 6)), (late, date(2026, 2, 12))):
        update_row(demo, row.id, {"received_date": received, "study_date": date(2026, 2, 12)},
                   row.version, today=TODAY)
    update_row(demo, never.id, {"study_date": date(2026, 2, 12)}, never.version, today=TODAY)

    def state(row_id: int, day: date) -> tuple[str, int, date | None]:
        [row] = fetch_rows(demo, [row_id], day)
        return row.status, row.days_overdue, row.due_date

    day = date(2026, 3, 2)  # Monday
    assert state(early.id, day) == ("da_quan_triet", 1, date(2026, 2, 27))  # 10 after 06/02
    assert state(late.id, day) == ("da_quan_triet", 0, date(2026, 3, 5))  # 10 after 12/02
    # never logged as received: counted from the issue (sent date unknown), due 26/02
    assert state(never.id, day)[1:] == (2, date(2026, 2, 26))
    [row] = fetch_rows(demo, [early.id], day)
    assert row.late_for == first_id

    # the clerk makes it 12 working days: every row's date moves with it
    now = get_document(demo, detail.id)
    update_document(demo, detail.id, replace(now.to_input(), deadlines=(
        STUDY, replace(FIRST, working_days=12))), now.version)
    assert state(early.id, day) == ("da_quan_triet", 0, date(2026, 3, 3))
    assert state(late.id, date(2026, 3, 11)) == ("da_quan_triet", 2, date(2026, 3, 9))
