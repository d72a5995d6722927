"""Statistics workbooks from the database: per document, per year.

The figures are those of :mod:`desktop.services.stats` (the same definitions as the screen, the
command line and the Word report): the summary sheet is :func:`~desktop.services.stats.
document_stats` line for line, and each group sheet lists the group's recipients with the
flags the statistics count, so its totals line equals the group's statistics (a test reads the
workbook back and compares). Attendance figures appear only on the lines of organisations that
must report (the level of the report deadline): their lines already hold the compiled figures of
their party cells, and listing the cells' own figures too would count them twice.

The workbook is written by :mod:`desktop.reports.stats_workbook` and saved through a temporary
file (:func:`desktop.services.org_export.write_atomically`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.domain.dates import format_date
from desktop.domain.enums import PlanStatus, ReportStatus, StudyForm
from desktop.domain.errors import ValidationError
from desktop.reports.stats_workbook import (
    DocumentBook,
    GroupSheet,
    OrgLine,
    SummaryLine,
    YearBook,
    YearLine,
    build_document_book,
    build_year_book,
)
from desktop.services.database import Database
from desktop.services.documents import list_documents
from desktop.services.dto import DocumentStats, StageCounts
from desktop.services.org_export import write_atomically
from desktop.services.stats import all_stats, document_stats
from desktop.store import models as m

__all__ = [
    "StatsExportResult",
    "document_book",
    "export_document_stats",
    "export_year_stats",
    "year_book",
]

_NOTE = (
    "Tỉ lệ đã báo cáo tính trên số đơn vị nhận văn bản. Số chi bộ, đảng viên chỉ cộng ở "
    "các đơn vị phải báo cáo (số liệu của chi bộ đã gộp trong báo cáo của đảng bộ cấp "
    "trên), nên không bị tính trùng."
)


@dataclass(frozen=True)
class StatsExportResult:
    path: Path
    sheets: int
    lines: int
    seconds: float


def _counts(c: StageCounts) -> dict[str, int]:
    return {k: int(v) for k, v in asdict(c).items()}


def _groups_of_tops(db: Database, tops: set[int]) -> tuple[dict[int, list[int]], dict[int, str]]:
    g, gm = m.OrgGroup, m.OrgGroupMember
    membership: dict[int, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    with db.read() as s:
        for org_id, gid, name in s.execute(
            select(gm.organisation_id, g.id, g.name)
            .join(g, g.id == gm.group_id)
            .order_by(g.sort_order, g.id)
        ):
            if org_id in tops:
                membership[org_id].append(gid)
                names[gid] = name
    return membership, names


def _lines(db: Database, document_id: int, day: date) -> list[tuple[int | None, OrgLine]]:
    """(top-level organisation id, line) of every recipient, in the organisation list's order
    (as the grid and the Word appendix: each top-level organisation in its place, its units
    under it), read in one Core query with the statistics' own status expressions."""
    from desktop.services.tracking_deadlines import load_terms
    from desktop.services.tracking_filters import GridQuery, SortSpec
    from desktop.services.tracking_status import RowStatus

    r = m.TrackingReport
    with db.read() as s:
        query = GridQuery(s, load_terms(s, document_id, day))
        t, o, sql = query.t, query.o, query.sql
        accepted = select(r.tracking_id).where(
            r.document_id == document_id, r.status != ReportStatus.RETURNED.value).distinct()
        reported = set(s.connection().execute(accepted).scalars())
        stmt = query.base(
            t.id, o.top_id, o.name, o.code, t.received_date, t.study_date, t.study_form,
            t.plan_number, t.plan_date, t.plan_status, sql.days_overdue, sql.status,
            sql.must_report, t.cells_held, t.cells_total, t.members_attending, t.members_total,
        ).order_by(*query.order_by(SortSpec()))
        rows = s.connection().execute(stmt).all()
    labels = {st.value: st.label for st in RowStatus}
    forms = {f.value: f.label for f in StudyForm}
    issued = PlanStatus.ISSUED.value
    out = []
    for (tid, top_id, name, code, received, studied, form, plan_number, plan_date,
         plan_status, overdue, status, must, held, cells, attending, members) in rows:
        plan = ""
        if plan_date is not None or plan_status == issued:
            plan = (", ".join(p for p in (plan_number, format_date(plan_date)) if p)
                    or PlanStatus.ISSUED.label)
        out.append((top_id, OrgLine(
            name=name, code=code or "", received_date=received, study_date=studied,
            study_form=forms.get(form, form or ""), plan=plan, reported=tid in reported,
            overdue_days=int(overdue or 0), status=labels.get(status, status),
            cells_held=held if must else None, cells_total=cells if must else None,
            members_attending=attending if must else None,
            members_total=members if must else None,
        )))
    return out


def document_book(db: Database, document_id: int, as_of: date | None = None) -> DocumentBook:
    """The data of a document's statistics workbook (no file)."""
    day = as_of or date.today()
    stats = document_stats(db, document_id, day)
    lines = _lines(db, document_id, day)
    membership, names = _groups_of_tops(db, {top for top, _line in lines if top is not None})
    by_group: dict[int | None, list[OrgLine]] = defaultdict(list)
    for top_id, line in lines:
        for gid in membership.get(top_id, [None]) if top_id is not None else [None]:
            by_group[gid].append(line)
    sheets = [GroupSheet(g.name, by_group.get(g.group_id, []), _NOTE) for g in stats.groups]
    return DocumentBook(
        title=f"KẾT QUẢ HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI VĂN BẢN SỐ {stats.number_symbol}",
        subtitle=_subtitle(stats),
        summary=[SummaryLine(g.name, _counts(g.counts)) for g in stats.groups],
        groups=sheets,
        note=_NOTE,
    )


def _subtitle(stats: DocumentStats) -> str:
    issued = f" ngày {format_date(stats.issue_date)}" if stats.issue_date else ""
    excerpt = f" {stats.excerpt}" if stats.excerpt else ""
    return f"(Văn bản{issued}{excerpt}; số liệu tính đến ngày {format_date(stats.as_of)})"


def export_document_stats(
    db: Database, document_id: int, path: str | Path, *, as_of: date | None = None
) -> StatsExportResult:
    started = time.perf_counter()
    book = document_book(db, document_id, as_of)
    path = Path(path)
    write_atomically(path, build_document_book(book))
    lines = sum(len(g.lines) for g in book.groups)
    return StatsExportResult(path, 1 + len(book.groups), lines, time.perf_counter() - started)


def year_book(db: Database, year: int, as_of: date | None = None) -> YearBook:
    day = as_of or date.today()
    wanted = {d.id for d in list_documents(db, year=year)}
    if not wanted:
        raise ValidationError(f"Không có văn bản nào ban hành năm {year}.", "year")
    stats = [st for st in all_stats(db, day) if st.document_id in wanted]
    stats.sort(key=lambda st: (st.issue_date or date.min, st.number_symbol))
    return YearBook(
        title=f"TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC VĂN BẢN NĂM {year}",
        subtitle=f"(số liệu tính đến ngày {format_date(day)})",
        lines=[
            YearLine(st.number_symbol, st.issue_date, st.excerpt, _counts(st.totals))
            for st in stats
        ],
    )


def export_year_stats(
    db: Database, year: int, path: str | Path, *, as_of: date | None = None
) -> StatsExportResult:
    started = time.perf_counter()
    book = year_book(db, year, as_of)
    path = Path(path)
    write_atomically(path, build_year_book(book))
    return StatsExportResult(path, 1, len(book.lines), time.perf_counter() - started)
