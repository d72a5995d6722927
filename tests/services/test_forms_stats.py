"""Statistics workbooks read back with openpyxl: every total and rate equals ``stats.py``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import select, update

from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.stats import all_stats, document_stats
from desktop.services.stats_export import export_document_stats, export_year_stats
from desktop.store import models as m

TODAY = date(2026, 11, 30)
KEYS = (
    "recipients",
    "received",
    "discussed",
    "planned",
    "reported",
    "overdue",
    "cells_held",
    "cells_total",
    "members_attending",
    "members_total",
)


def _rate(part: int, total: int) -> float | None:
    return part / total if total else None


def test_document_workbook_equals_the_statistics(db: Database, tmp_path: Path) -> None:
    create_demo(db, orgs=300, documents=3, today=TODAY, seed=5)
    hostile = ['=HYPERLINK("http://x","bấm")', "+1 Đảng bộ", "-2 Chi bộ", "@x Chi bộ"]
    with db.transaction() as s:
        ids = list(
            s.scalars(
                select(m.Organisation.id)
                .where(m.Organisation.depth == 1)
                .order_by(m.Organisation.id)
                .limit(4)
            )
        )
        for oid, name in zip(ids, hostile, strict=True):
            s.execute(update(m.Organisation).where(m.Organisation.id == oid).values(name=name))
    with db.read() as s:
        doc_id = s.scalar(select(m.Document.id).order_by(m.Document.issue_date))
    result = export_document_stats(db, doc_id, tmp_path / "bieu.xlsx", as_of=TODAY)
    st = document_stats(db, doc_id, TODAY)
    wb = openpyxl.load_workbook(result.path, data_only=True)
    assert wb.sheetnames[0] == "Tổng hợp" and len(wb.sheetnames) == 1 + len(st.groups)
    summary = list(wb["Tổng hợp"].iter_rows(min_row=5, values_only=True))
    for line, group in zip(summary, st.groups, strict=False):
        assert line[1] == group.name
        assert list(line[2:12]) == [getattr(group.counts, k) for k in KEYS]
    total = summary[len(st.groups)]
    assert total[1] == "Tổng cộng"
    assert list(total[2:12]) == [getattr(st.totals, k) for k in KEYS]
    assert total[12] == _rate(st.totals.reported, st.totals.recipients)
    assert total[13] == _rate(st.totals.members_attending, st.totals.members_total)
    for group, title in zip(st.groups, wb.sheetnames[1:], strict=True):
        rows = list(wb[title].iter_rows(min_row=5, values_only=True))
        line = next(r for r in rows if isinstance(r[1], str) and r[1].startswith("Tổng cộng"))
        c = group.counts
        assert line[1] == f"Tổng cộng ({c.recipients:,} đơn vị)".replace(",", ".")
        assert (line[3], line[4], line[6], line[7], line[8]) == (
            c.received,
            c.discussed,
            c.planned,
            c.reported,
            c.overdue,
        )
        assert list(line[10:14]) == [
            c.cells_held,
            c.cells_total,
            c.members_attending,
            c.members_total,
        ]
    # formulas are kept as formulas, with cached values (checked above); names stay text
    raw = openpyxl.load_workbook(result.path)
    assert str(raw["Tổng hợp"].cell(5 + len(st.groups), 3).value).startswith("=SUM(")
    names = {
        c.value: c.data_type
        for ws in raw.worksheets[1:]
        for c in ws["B"]
        if isinstance(c.value, str)
    }
    for name in hostile:
        assert names.get(name) == "s", name
    ws = raw.worksheets[1]
    assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9 and ws["K5"].number_format == "#,##0"


def test_year_workbook_equals_the_statistics(db: Database, tmp_path: Path) -> None:
    create_demo(db, orgs=200, documents=4, today=TODAY, seed=6)
    result = export_year_stats(db, 2026, tmp_path / "nam.xlsx", as_of=TODAY)
    stats = {
        st.number_symbol: st
        for st in all_stats(db, TODAY)
        if st.issue_date and st.issue_date.year == 2026
    }
    rows = list(
        openpyxl.load_workbook(result.path, data_only=True).active.iter_rows(
            min_row=5, values_only=True
        )
    )
    lines = rows[: len(stats)]
    assert {r[1] for r in lines} == set(stats)
    for r in lines:
        assert list(r[4:14]) == [getattr(stats[r[1]].totals, k) for k in KEYS]
    total = rows[len(stats)]
    assert total[1] == "Tổng cộng"
    for i, k in enumerate(KEYS):
        assert total[4 + i] == sum(getattr(st.totals, k) for st in stats.values())
