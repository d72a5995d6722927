"""The grid's data: ids filtered and sorted in SQL, rows fetched in batches in the order asked,
counts for the filter bar — on both backends, on the demo province."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.domain.text import fold
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import find_document
from desktop.services.tracking_filters import SORT_KEYS
from desktop.services.tracking_grid import (
    UNGROUPED,
    SortSpec,
    TrackingFilter,
    fetch_rows,
    grid_summary,
    row_ids,
)
from desktop.store import models as m

TODAY = date(2026, 11, 30)


@pytest.fixture
def doc(db: Database) -> int:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    return find_document(db, "01-CT/TU").id


def rows(db: Database, doc: int, sort: SortSpec | None = None, **flt: Any) -> list[Any]:
    return fetch_rows(db, row_ids(db, doc, TrackingFilter(**flt), sort, TODAY), TODAY)


def test_filters(db: Database, doc: int) -> None:
    everything = rows(db, doc)
    assert len(everything) == 391
    found = rows(db, doc, search="TAN AN")  # accent- and case-insensitive
    assert found and all("tan an" in fold(r.org_name) for r in found)
    codes = [r.org_code for r in rows(db, doc, search="x001")]  # X001 and its cells X001.nn
    assert codes[0] == "X001" and all((c or "").startswith("X001") for c in codes)
    assert {r.depth for r in rows(db, doc, depth=2)} == {2}
    cells = rows(db, doc, kind="chi_bo_truc_thuoc")
    assert len(cells) == 325 and {r.kind for r in cells} == {"chi_bo_truc_thuoc"}
    with db.read() as s:
        groups = dict(s.execute(select(m.OrgGroup.name, m.OrgGroup.id)).all())
    press = rows(db, doc, group_id=groups["Các cơ quan báo chí của tỉnh"])
    assert [r.group_name for r in press] == ["Các cơ quan báo chí của tỉnh"]
    committees = rows(db, doc, group_id=groups["Các đảng bộ trực thuộc Tỉnh ủy"])
    assert {r.id for r in committees} == {
        r.id for r in everything if r.group_name == "Các đảng bộ trực thuộc Tỉnh ủy"}
    assert len(committees) > 300
    assert rows(db, doc, group_id=UNGROUPED) == []
    top = everything[0].top_id
    assert {r.top_id for r in rows(db, doc, top_id=top)} == {top}
    late = rows(db, doc, overdue_only=True, depth=1)
    assert all(r.overdue and r.depth == 1 for r in late)
    combined = rows(db, doc, statuses=frozenset({"da_quan_triet", "da_nhan"}), depth=2,
                    search="chi bo")
    assert combined and all(r.status in ("da_quan_triet", "da_nhan") for r in combined)


def test_every_sort_key_on_both_backends(db: Database, doc: int) -> None:
    everything = rows(db, doc)
    for key in SORT_KEYS:
        for descending in (False, True):
            ids = row_ids(db, doc, sort=SortSpec(key, descending), as_of=TODAY)
            assert sorted(ids) == sorted(r.id for r in everything), key


def test_sorting_puts_empty_cells_last_both_ways(db: Database, doc: int) -> None:
    for descending in (False, True):
        got = rows(db, doc, SortSpec("plan_date", descending))
        dates = [r.plan_date for r in got]
        filled = [d for d in dates if d is not None]
        assert dates == filled + [None] * (len(dates) - len(filled))
        assert filled == sorted(filled, reverse=descending)
    late = rows(db, doc, SortSpec("days_overdue", True))
    days = [r.days_overdue for r in late]
    assert days == sorted(days, reverse=True) and days[0] > 0
    by_status = [r.status for r in rows(db, doc, SortSpec("status"))]
    order = ["chua_nhan", "da_nhan", "da_quan_triet", "da_co_ke_hoach", "tra_lai",
             "da_bao_cao_qua_han", "da_bao_cao_dung_han"]
    assert by_status == sorted(by_status, key=order.index)
    # the default order keeps each top-level organisation's subtree together
    tops = [r.top_id for r in rows(db, doc)]
    assert tops == sorted(tops, key=tops.index)


def test_fetch_rows_in_the_order_given(db: Database, doc: int) -> None:
    ids = row_ids(db, doc, as_of=TODAY)
    picked = [ids[5], ids[0], ids[100], 999_999, ids[5]]
    got = fetch_rows(db, picked, TODAY)
    assert [r.id for r in got] == [ids[5], ids[0], ids[100]]  # unknown and repeated ids: once
    row = next(r for r in fetch_rows(db, ids, TODAY) if r.members_total and r.report_count)
    assert row.issue_date == date(2026, 1, 20)
    assert row.group_name and row.top_name and row.org_name
    assert row.members_percent == pytest.approx(100 * (row.members_attending or 0)
                                                / row.members_total)
    assert row.report_id is not None and row.report_version == 1


def test_summary_counts(db: Database, doc: int) -> None:
    summary = grid_summary(db, doc, as_of=TODAY)
    everything = rows(db, doc)
    assert summary.total == len(everything)
    assert summary.overdue == sum(r.overdue for r in everything)
    cells = grid_summary(db, doc, TrackingFilter(depth=2, statuses=frozenset({"da_nhan"})),
                         as_of=TODAY)  # the status part does not narrow the counts
    assert cells.total == sum(1 for r in everything if r.depth == 2)
    assert cells.by_status["da_quan_triet"] == sum(
        1 for r in everything if r.depth == 2 and r.status == "da_quan_triet")


def test_filter_and_sort_values_are_checked() -> None:
    with pytest.raises(ValidationError, match="Không có tình trạng «xong»"):
        TrackingFilter(statuses=frozenset({"xong"}))
    with pytest.raises(ValidationError, match="Không sắp xếp được theo «colour»"):
        SortSpec("colour")
    flt = TrackingFilter(statuses=frozenset({"da_nhan"}), overdue_only=True, depth=1,
                         search="tân")
    assert TrackingFilter.from_dict(flt.to_dict()) == flt
    assert TrackingFilter.from_dict({"search": "x", "unknown": 1}).search == "x"
