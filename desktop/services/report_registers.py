"""Use cases: print the tracking register of a document ("Sổ theo dõi", ``so-theo-doi``) and
the outgoing register of a period ("Sổ đăng ký văn bản đi", ``so-van-ban-di``) as Word tables.

The tracking register has one line per recipient, in the order of the organisation list,
with the grid's own columns and definitions (:func:`~desktop.services.tracking_grid.
fetch_rows_in`: receipt, study, plan, latest report, status and days overdue), read in one
transaction with the document's statistics. The outgoing register lists the own office's
entries of ``outgoing_register`` issued in the period, by date and number.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.dates import format_date
from desktop.domain.enums import PlanStatus, Regime, StudyForm
from desktop.domain.numbers import format_int
from desktop.reports.registers import OutgoingLine, RegisterData, TrackingLine, build_register
from desktop.reports.templates import template_for
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.report_common import Office, document_citation, office_for, write_docx
from desktop.services.report_outputs import Progress, ReportRequest, ReportResult
from desktop.services.stats import document_stats_in
from desktop.services.tracking_deadlines import load_terms
from desktop.services.tracking_filters import GridQuery, SortSpec, TrackingFilter
from desktop.services.tracking_grid import TrackingRowDTO, fetch_rows_in
from desktop.store import models as m

__all__ = ["export", "gather", "preview"]

_FORMS = {f.value: f.label for f in StudyForm}


def _tracking_line(row: TrackingRowDTO) -> TrackingLine:
    plan = ""
    if row.plan_date is not None or row.plan_status == PlanStatus.ISSUED.value:
        plan = (
            ", ".join(p for p in (row.plan_number, format_date(row.plan_date)) if p)
            or PlanStatus.ISSUED.label
        )
    report = ""
    if row.report_id is not None:
        report = ", ".join(
            p
            for p in (row.report_number, format_date(row.report_received_date or row.report_date))
            if p
        )
    return TrackingLine(
        row.org_name,
        row.received_date,
        row.study_date,
        row.study_end_date,
        _FORMS.get(row.study_form, row.study_form),
        row.cells_held,
        row.cells_total,
        row.members_attending,
        row.members_total,
        plan,
        report,
        row.status_label,
        row.days_overdue,
    )


def _so_theo_doi(s: Any, request: ReportRequest, office: Office) -> RegisterData:
    assert request.document_id is not None
    as_of = request.figures_day
    cited = document_citation(s, request.document_id)
    title, excerpt = cited.title, cited.excerpt
    terms = load_terms(s, cited.document_id, as_of)
    ids = list(
        s.connection().execute(GridQuery(s, terms).ids(TrackingFilter(), SortSpec("org"))).scalars()
    )
    lines = [_tracking_line(r) for r in fetch_rows_in(s, ids, as_of)]
    t = document_stats_in(s, cited.document_id, as_of).totals
    n = format_int(t.recipients)
    summary = (
        f"đã nhận {format_int(t.received)}/{n}, đã học tập, quán triệt "
        f"{format_int(t.discussed)}/{n}, đã có kế hoạch {format_int(t.planned)}/{n}, "
        f"đã báo cáo {format_int(t.reported)}/{n}, quá hạn {format_int(t.overdue)}"
    )
    values = {
        "van_ban": title,
        "van_ban_hoa": title.upper(),
        "trich_yeu_van_ban": excerpt,
        "don_vi": office.values.name_in_text,
        "ngay_so_lieu": format_date(as_of),
        "so_don_vi": n,
        "tong_hop": summary,
    }
    head = office.letterhead(request.day, "", "", ())
    return RegisterData("so-theo-doi", head, values, lines)


def _regime(symbol: str) -> str:
    """How a stored symbol was numbered: "CV/BTGDVTU" Party (15-CV/…), "QĐ-UBND" State."""
    return Regime.PARTY.value if "/" in symbol else Regime.STATE.value


def _so_van_ban_di(s: Any, request: ReportRequest, office: Office) -> RegisterData:
    start, end = request.period_start, request.period_end
    assert start is not None and end is not None
    e, dt, d = m.OutgoingEntry, m.DocumentType, m.Document
    rows = s.execute(
        select(
            e.number,
            e.symbol,
            e.issue_date,
            dt.name,
            e.excerpt,
            e.recipients,
            e.note,
            d.number.label("doc_number"),
            d.symbol.label("doc_symbol"),
        )
        .join(dt, dt.id == e.type_id)
        .outerjoin(d, d.id == e.document_id)
        .where(e.issuing_body_id == office.body_id, e.issue_date >= start, e.issue_date <= end)
        .order_by(e.issue_date, dt.sort_order, e.number, e.id)
    ).all()
    zero_pad = office.profile.rules.number_zero_pad
    lines = [
        OutgoingLine(
            format_number_symbol(str(r.number).zfill(zero_pad), r.symbol, _regime(r.symbol)),
            r.issue_date,
            r.name,
            r.excerpt,
            " ".join(r.recipients.split()),
            format_number_symbol(r.doc_number, r.doc_symbol, _regime(r.doc_symbol))
            if r.doc_symbol
            else "",
            r.note,
        )
        for r in rows
    ]
    values = {
        "don_vi": office.values.name_in_text,
        "tu_ngay": format_date(start),
        "den_ngay": format_date(end),
        "so_van_ban": format_int(len(lines)),
    }
    head = office.letterhead(request.day, "", "", ())
    return RegisterData("so-van-ban-di", head, values, lines)


def gather(db: Database, request: ReportRequest) -> tuple[RegisterData, Office]:
    """Everything the register prints, read in one transaction."""
    with db.read() as s:
        office = office_for(s, request)
        build = _so_theo_doi if request.output == "so-theo-doi" else _so_van_ban_di
        return build(s, request, office), office


def preview(db: Database, request: ReportRequest) -> list[str]:
    data, office = gather(db, request)
    v = data.values
    if data.output == "so-theo-doi":
        return [
            f"{v['van_ban']}: {v['so_don_vi']} đơn vị trong sổ, số liệu tính đến ngày "
            f"{v['ngay_so_lieu']}.",
            f"{v['tong_hop'][:1].upper()}{v['tong_hop'][1:]}.",
            f"Thể thức {office.profile.id}, khổ ngang.",
        ]
    lines = [f"{v['so_van_ban']} văn bản đi từ ngày {v['tu_ngay']} đến ngày {v['den_ngay']}."]
    lines += [
        f"{x.number_symbol}, ngày {format_date(x.issued)}: {x.type_name} {x.excerpt}"
        for x in list(data.lines)[:5]
    ]  # type: ignore[union-attr]
    return lines


def export(db: Database, request: ReportRequest, path: Path, progress: Progress) -> ReportResult:
    started = time.perf_counter()
    progress(0.0, "Đang đọc số liệu…")
    data, office = gather(db, request)
    template = template_for(request.output)
    content = build_register(
        data, office.profile, template.path, lambda f, msg: progress(0.1 + 0.85 * f, msg)
    )
    write_docx(path, content)
    progress(1.0, "Đã ghi tệp.")
    what = (
        "sổ theo dõi " + data.values["van_ban"]
        if data.output == "so-theo-doi"
        else f"sổ văn bản đi từ {data.values['tu_ngay']} đến {data.values['den_ngay']}"
    )
    summary = (
        f"Đã ghi {what} vào {path}: {format_int(len(data.lines))} dòng "
        f"(thể thức {office.profile.id})."
    )
    return ReportResult((path,), summary, time.perf_counter() - started)
