"""Use case: the annual report of the monitoring office (``hang-nam``) — every document issued
in the year (or in ``period_start``…``period_end``) with the figures of
:mod:`desktop.services.stats`, read in one transaction, written by
:func:`desktop.reports.hang_nam.build_hang_nam`.

Settings read: ``report.hang_nam.recipients`` ("Nơi nhận", one a line; default per regime).
Its number, when ``None``, is that of the office's "BC" entry in the outgoing register dated
the report's day and tied to no document.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.domain.dates import format_date
from desktop.domain.errors import ValidationError
from desktop.domain.numbers import format_int
from desktop.reports.hang_nam import DocumentFigures, HangNamData, build_hang_nam
from desktop.reports.hang_nam import placeholder_values as _values
from desktop.reports.templates import template_for
from desktop.services.database import Database
from desktop.services.report_common import (
    Office,
    document_citation,
    office_for,
    recipients_setting,
    report_number,
    write_docx,
)
from desktop.services.report_outputs import Progress, ReportRequest, ReportResult
from desktop.services.stats import document_stats_in
from desktop.store import models as m

__all__ = ["export", "gather", "period_of", "preview"]

_RECIPIENTS = {
    "party": ("Thường trực Tỉnh ủy (b/c)", "Lãnh đạo Ban", "Lưu Văn phòng Ban"),
    "state": ("Như trên", "Lưu: VT"),
}


def period_of(request: ReportRequest) -> tuple[date, date, str]:
    """The first and last day of issue, and how the text names the period."""
    if request.period_start is not None:
        start = request.period_start
        end = request.period_end or date(start.year, 12, 31)
        if (start, end) == (date(start.year, 1, 1), date(start.year, 12, 31)):
            return start, end, f"năm {start.year}"
        return start, end, f"từ ngày {format_date(start)} đến ngày {format_date(end)}"
    year = request.year or request.day.year
    return date(year, 1, 1), date(year, 12, 31), f"năm {year}"


def gather(db: Database, request: ReportRequest) -> tuple[HangNamData, Office]:
    start, end, period = period_of(request)
    as_of = request.figures_day
    with db.read() as s:
        office = office_for(s, request)
        d = m.Document
        ids = s.scalars(
            select(d.id)
            .where(d.issue_date >= start, d.issue_date <= end)
            .order_by(d.issue_date, d.id)
        ).all()
        if not ids:
            raise ValidationError(
                f"Không có văn bản nào ban hành {period} để báo cáo. Chọn năm khác.", "year"
            )
        documents = []
        for doc_id in ids:
            cited = document_citation(s, doc_id)
            t = document_stats_in(s, doc_id, as_of).totals
            documents.append(
                DocumentFigures(
                    cited.title,
                    cited.excerpt,
                    t.recipients,
                    t.received,
                    t.discussed,
                    t.planned,
                    t.must_report,
                    t.reported,
                    t.overdue,
                    t.cells_held,
                    t.cells_total,
                    t.members_attending,
                    t.members_total,
                )
            )
        number = report_number(s, office, request.number, "BC", None, request.day)
        recipients = recipients_setting(
            s, "report.hang_nam.recipients", _RECIPIENTS, office.profile.regime, request.recipients
        )
    head = office.letterhead(request.day, number, "BC", recipients)
    return HangNamData(head, period, as_of, documents), office


def preview(db: Database, request: ReportRequest) -> list[str]:
    data, office = gather(db, request)
    v = _values(data, office.profile)
    return [
        f"{v['so_van_ban']} văn bản ban hành {v['ky_bao_cao']}, số liệu tính đến ngày "
        f"{v['ngay_so_lieu']}; số báo cáo: {v['so_bao_cao'] or 'để trống cho văn thư'}.",
        f"Đã nhận: {v['da_nhan']}; đã học tập, quán triệt: {v['da_hoc_tap']}.",
        f"Đã báo cáo: {v['da_bao_cao']}; quá hạn: {v['qua_han']} lượt đơn vị.",
        f"Chi bộ: {v['chi_bo'] or '0'}; đảng viên: {v['dang_vien'] or '0'}.",
    ]


def export(db: Database, request: ReportRequest, path: Path, progress: Progress) -> ReportResult:
    started = time.perf_counter()
    progress(0.0, "Đang đọc số liệu…")
    data, office = gather(db, request)
    template = template_for("hang-nam")
    content = build_hang_nam(
        data, office.profile, template.path, lambda f, msg: progress(0.1 + 0.85 * f, msg)
    )
    write_docx(path, content)
    progress(1.0, "Đã ghi tệp.")
    summary = (
        f"Đã ghi báo cáo {data.period} vào {path}: "
        f"{format_int(len(data.documents))} văn bản (thể thức {office.profile.id})."
    )
    return ReportResult((path,), summary, time.perf_counter() - started)
