"""Row status and days overdue: the Python and SQL definitions agree on every demo row, and
deadlines in working days (after issue, after receipt) give the expected answers across Tết."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.services import stats
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import list_documents
from desktop.services.tracking_deadlines import load_terms, set_deadline_working_days
from desktop.services.tracking_edit import ReportInput, record_report, update_report
from desktop.services.tracking_filters import GridQuery
from desktop.services.tracking_grid import (
    SortSpec,
    TrackingFilter,
    fetch_rows,
    grid_summary,
    row_ids,
)
from desktop.services.tracking_status import RowStatus
from desktop.store import models as m

TODAY = date(2026, 11, 30)


def _sql_states(db: Database, document_id: int, day: date) -> dict[int, tuple[str, int, bool]]:
    with db.read() as s:
        q = GridQuery(s, load_terms(s, document_id, day))
        stmt = q.base(q.t.id, q.sql.status, q.sql.days_overdue, q.sql.must_report)
        return {tid: (st, days, bool(must)) for tid, st, days, must in s.execute(stmt)}


def _working_day_rules(db: Database) -> None:
    """Make two demo deadlines working-day ones, so both kinds are exercised."""
    docs = {d.number_symbol: d.id for d in list_documents(db)}
    with db.read() as s:
        rules = {(dl.document_id, dl.kind): dl.id for dl in s.scalars(select(m.Deadline))}
    set_deadline_working_days(db, rules[(docs["01-CT/TU"], "bao_cao_lan_dau")], 15, "receipt")
    set_deadline_working_days(db, rules[(docs["06-KL/TU"], "hoc_tap")], 20, "issue")


@pytest.mark.parametrize("working_days", [False, True])
def test_python_and_sql_agree_on_every_row(db: Database, working_days: bool) -> None:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    if working_days:
        _working_day_rules(db)
    seen: set[str] = set()
    for day in (TODAY, date(2026, 6, 1), date(2026, 3, 2), date(2026, 4, 6)):
        for doc in list_documents(db):
            ids = row_ids(db, doc.id, as_of=day)
            rows = fetch_rows(db, ids, day)
            assert len(rows) == len(ids) > 0
            sql = _sql_states(db, doc.id, day)
            python = {r.id: (r.status, r.days_overdue, r.must_report) for r in rows}
            assert python == sql
            seen |= {r.status for r in rows}
            # the filters built on the same expressions
            overdue = set(row_ids(db, doc.id, TrackingFilter(overdue_only=True), as_of=day))
            assert overdue == {r.id for r in rows if r.overdue}
            for status in RowStatus:
                got = row_ids(db, doc.id, TrackingFilter(statuses=frozenset({status.value})),
                              as_of=day)
                assert set(got) == {r.id for r in rows if r.status == status.value}
            # ... and the statistics
            summary = grid_summary(db, doc.id, as_of=day)
            assert summary.overdue == stats.document_stats(db, doc.id, day).totals.overdue
            assert summary.total == len(rows) == sum(summary.by_status.values())
    assert {"chua_nhan", "da_nhan", "da_quan_triet", "da_co_ke_hoach",
            "da_bao_cao_dung_han"} <= seen


def _scenario(db: Database) -> dict[str, int]:
    """Issued Thursday 05/02/2026 (just before Tết): study by Friday 13/02; first report 10
    working days after receipt, from the committees (depth 1) only."""
    ids: dict[str, int] = {}
    with db.transaction() as s:
        ct = s.scalar(select(m.DocumentType.id).where(m.DocumentType.code == "CT"))
        root = m.Organisation(name="Tỉnh ủy Hà Sơn", depth=0)
        s.add(root)
        s.flush()
        for key, name, depth in (("a", "Đảng bộ xã An Phú", 1), ("b", "Đảng bộ xã Bình Minh", 1),
                                 ("c", "Đảng bộ xã Cát Tiên", 1), ("d", "Đảng bộ xã Đông Hà", 1),
                                 ("cell", "Chi bộ thôn Một", 2)):
            org = m.Organisation(name=name, depth=depth,
                                 parent_id=root.id if depth == 1 else ids["a_org"])
            s.add(org)
            s.flush()
            org.top_id = org.id if depth == 1 else ids["a_org"]
            ids[f"{key}_org"] = org.id
        doc = m.Document(type_id=ct, number="15", symbol="CT/TU", issue_date=date(2026, 2, 5),
                         excerpt="về việc thử hạn tính theo ngày làm việc")
        s.add(doc)
        s.flush()
        ids["doc"] = doc.id
        study = m.Deadline(document_id=doc.id, kind="hoc_tap", due_date=date(2026, 2, 13))
        first = m.Deadline(document_id=doc.id, kind="bao_cao_lan_dau",
                           due_date=date(2026, 2, 26), depth=1)
        s.add_all([study, first])
        s.flush()
        ids["first"], ids["study"] = first.id, study.id
        rows = {
            "a": {"received_date": date(2026, 2, 6), "study_date": date(2026, 2, 12)},
            "b": {"received_date": date(2026, 2, 12), "study_date": date(2026, 2, 12)},
            "c": {"sent_date": date(2026, 2, 9)},
            "d": {},
            "cell": {"received_date": date(2026, 2, 9)},
        }
        for key, values in rows.items():
            t = m.Tracking(document_id=doc.id, organisation_id=ids[f"{key}_org"], **values)
            s.add(t)
            s.flush()
            ids[key] = t.id
    set_deadline_working_days(db, ids["first"], 10, "receipt")
    return ids


def _state(db: Database, tid: int, day: date) -> tuple[str, int]:
    [row] = fetch_rows(db, [tid], day)
    return row.status, row.days_overdue


def test_working_days_across_tet(db: Database) -> None:
    ids = _scenario(db)
    with db.read() as s:
        first = s.get(m.Deadline, ids["first"])
        assert first is not None and first.due_date == date(2026, 2, 26)  # from the issue
    # Saturday after Tết: a working day has not gone by since Friday 13/02, nobody is late
    assert _state(db, ids["d"], date(2026, 2, 21)) == ("chua_nhan", 0)
    # Monday 23/02: one working day late for study
    assert _state(db, ids["d"], date(2026, 2, 23)) == ("chua_nhan", 1)
    assert _state(db, ids["cell"], date(2026, 2, 23)) == ("da_nhan", 1)
    assert _state(db, ids["a"], date(2026, 2, 23)) == ("da_quan_triet", 0)
    # the first report: received 06/02 → due 27/02; received 12/02 → due 05/03;
    # sent 09/02, never logged as received → due 02/03; nothing → from the issue, 26/02
    [a] = fetch_rows(db, [ids["a"]], date(2026, 3, 2))
    assert (a.due_date, a.days_overdue, a.late_for) == (date(2026, 2, 27), 1, ids["first"])
    [b] = fetch_rows(db, [ids["b"]], date(2026, 3, 2))
    assert (b.due_date, b.days_overdue) == (date(2026, 3, 5), 0)
    day = date(2026, 3, 6)
    assert {k: _state(db, ids[k], day)[1] for k in ("a", "b", "c", "d", "cell")} == {
        "a": 5, "b": 1, "c": 10, "d": 10, "cell": 10}  # c, d, cell: not studied since 13/02
    # the cell does not report: only its study lateness counts
    [cell] = fetch_rows(db, [ids["cell"]], day)
    assert (cell.must_report, cell.late_for, cell.due_date) == (False, ids["study"],
                                                                date(2026, 2, 13))
    overdue = set(row_ids(db, ids["doc"], TrackingFilter(overdue_only=True), as_of=day))
    assert overdue == {ids[k] for k in ("a", "b", "c", "d", "cell")}
    assert stats.document_stats(db, ids["doc"], day).totals.overdue == 5
    order = row_ids(db, ids["doc"], sort=SortSpec("days_overdue", descending=True), as_of=day)
    # ties in the organisation order: the cell sits under An Phú
    assert order == [ids[k] for k in ("cell", "c", "d", "a", "b")]


def test_a_returned_report_reopens_the_row(db: Database) -> None:
    ids = _scenario(db)
    day = date(2026, 3, 6)
    [a] = fetch_rows(db, [ids["a"]], day)
    done = record_report(db, ids["a"], ReportInput(received_date="25/02/2026",
                                                   number="03-BC/ĐU"), a.version, today=day)
    row = done.row
    assert (row.status, row.days_overdue, row.report_status) == (
        RowStatus.REPORTED_ON_TIME.value, 0, "dung_han")
    assert row.report_deadline_id == ids["first"]  # the deadline it answers, filled in
    returned = update_report(db, done.report_id, {"status": "tra_lai"}, row.report_version or 0,
                             today=day)
    assert (returned.row.status, returned.row.days_overdue) == (RowStatus.RETURNED.value, 5)
    assert returned.row.status_label == "Trả lại, yêu cầu bổ sung"
    assert ids["a"] in row_ids(db, ids["doc"], TrackingFilter(overdue_only=True), as_of=day)
    assert stats.document_stats(db, ids["doc"], day).totals.reported == 0
    # resubmitted after the deadline: reported, late (judged in working days)
    again = record_report(db, ids["a"], ReportInput(received_date="03/03/2026"),
                          returned.row.version, today=day)
    assert (again.row.status, again.row.days_overdue) == (RowStatus.REPORTED_LATE.value, 0)


def test_deadline_rules_are_checked(db: Database) -> None:
    ids = _scenario(db)
    with pytest.raises(ValidationError, match="từ 1 đến 1000"):
        set_deadline_working_days(db, ids["first"], 0, "receipt")
    with pytest.raises(ValidationError, match="ngày ban hành"):
        set_deadline_working_days(db, ids["first"], 5, "tomorrow")
    rule = set_deadline_working_days(db, ids["first"], None)
    assert (rule.working_days, rule.counted_from, rule.due_date) == (None, None,
                                                                     date(2026, 2, 26))
    # a plain date again: the first report is due 26/02 for every row
    [b] = fetch_rows(db, [ids["b"]], date(2026, 3, 2))
    assert (b.due_date, b.days_overdue) == (date(2026, 2, 26), 2)
