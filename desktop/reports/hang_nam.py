"""Writer of the annual report of the monitoring office ("Báo cáo kết quả theo dõi … năm",
``hang-nam``): every document of a year with its figures.

Pure: :func:`build_hang_nam` takes :class:`HangNamData` (filled by
:mod:`desktop.services.report_hang_nam` from the statistics of :mod:`desktop.services.stats`),
a profile and the template, and returns .docx bytes. Blocks of the template:
``{{ khoi_tieu_de }}``, ``{{ gach_duoi_trich_yeu }}``, ``{{ cac_van_ban }}`` (one numbered
item per document: its title, then one paragraph of figures), ``{{ khoi_ky }}`` and
``{{ phu_luc }}`` (the summary table documents × figures on landscape pages, numbered from 1,
with a "Tổng cộng" row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int, format_percent, format_ratio, percent
from desktop.reports.blocks import (
    Column,
    Progress,
    appendix_section,
    paragraph,
    replace_marker,
    table_slot,
    table_xml,
)
from desktop.reports.docx_base import safe
from desktop.reports.official import (
    Letterhead,
    appendix_heading,
    fill_head,
    fill_signature,
    number_text,
    open_template,
    save,
)
from desktop.reports.profiles import Profile

__all__ = [
    "BLOCKS",
    "OUTPUT",
    "PLACEHOLDERS",
    "SUMMARY_COLUMNS",
    "DocumentFigures",
    "HangNamData",
    "build_hang_nam",
    "figures_sentence",
    "placeholder_values",
]

OUTPUT = "hang-nam"
BLOCKS = ("khoi_tieu_de", "gach_duoi_trich_yeu", "cac_van_ban", "khoi_ky", "phu_luc")
PLACEHOLDERS = {
    "ky_bao_cao": "the period: «năm 2026» or «từ ngày 01/01/2026 đến ngày 30/06/2026»",
    "don_vi": "the office as named in a sentence",
    "so_bao_cao": "this report's number and symbol (blank when unnumbered)",
    "ngay_bao_cao": "the report's date, dd/mm/yyyy",
    "ngay_so_lieu": "the day the figures are counted to, dd/mm/yyyy",
    "so_van_ban": "how many documents were followed: «5»",
    "luot_don_vi": "organisations that received them, summed over the documents: «1.182»",
    "da_nhan": "«1.150/1.182 lượt đơn vị, đạt 97,29%»",
    "da_hoc_tap": "«1.020/1.182 lượt đơn vị, đạt 86,29%»",
    "da_bao_cao": "«180/225 lượt đơn vị, đạt 80%» (of those that must report)",
    "qua_han": "«45» (lượt đơn vị overdue)",
    "chi_bo": "«1.648/1.720 lượt chi bộ, đạt 95,81%»",
    "dang_vien": "«35.599/35.900 lượt đảng viên, đạt 99,16%»",
}

SUMMARY_COLUMNS = (  # 252 mm: landscape A4 inside the profile's margins
    Column("STT", 11, "center"),
    Column("Văn bản", 75),
    Column("Nhận văn bản", 18, "right", "Số đơn vị"),
    Column("Đã nhận", 17, "right", "Số đơn vị"),
    Column("Đã học tập", 18, "right", "Số đơn vị"),
    Column("Đã có kế hoạch", 18, "right", "Số đơn vị"),
    Column("Phải báo cáo", 18, "right", "Số đơn vị"),
    Column("Đã báo cáo", 18, "right", "Số đơn vị"),
    Column("Quá hạn", 17, "right", "Số đơn vị"),
    Column("Chi bộ", 21, "right", "Tỷ lệ học tập"),
    Column("Đảng viên", 21, "right", "Tỷ lệ học tập"),
)


@dataclass(frozen=True, slots=True)
class DocumentFigures:
    """One document of the year and its figures (the definitions of the statistics)."""

    title: str  # "Chỉ thị số 15-CT/TU, ngày 10/01/2026"
    excerpt: str = ""
    recipients: int = 0
    received: int = 0
    studied: int = 0
    planned: int = 0
    must_report: int = 0
    reported: int = 0
    overdue: int = 0
    cells_held: int = 0
    cells_total: int = 0
    members_attending: int = 0
    members_total: int = 0


@dataclass(frozen=True)
class HangNamData:
    head: Letterhead
    period: str  # "năm 2026"
    as_of: date
    documents: Sequence[DocumentFigures]

    @property
    def totals(self) -> DocumentFigures:
        sums: dict[str, Any] = {
            f.name: sum(getattr(d, f.name) for d in self.documents)
            for f in fields(DocumentFigures)
            if f.name not in ("title", "excerpt")
        }
        return DocumentFigures("Tổng cộng", **sums)


def placeholder_values(data: HangNamData, profile: Profile) -> dict[str, str]:
    t = data.totals
    values = {
        "ky_bao_cao": safe(data.period),
        "don_vi": safe(data.head.office.name_in_text),
        "so_bao_cao": number_text(profile, data.head) if safe(data.head.number) else "",
        "ngay_bao_cao": format_date(data.head.issued),
        "ngay_so_lieu": format_date(data.as_of),
        "so_van_ban": format_int(len(data.documents)),
        "luot_don_vi": format_int(t.recipients),
        "da_nhan": format_ratio(t.received, t.recipients, "lượt đơn vị"),
        "da_hoc_tap": format_ratio(t.studied, t.recipients, "lượt đơn vị"),
        "da_bao_cao": format_ratio(t.reported, t.must_report, "lượt đơn vị"),
        "qua_han": format_int(t.overdue),
        "chi_bo": format_ratio(t.cells_held, t.cells_total, "lượt chi bộ"),
        "dang_vien": format_ratio(t.members_attending, t.members_total, "lượt đảng viên"),
    }
    assert set(values) == set(PLACEHOLDERS)
    return values


def figures_sentence(d: DocumentFigures) -> str:
    """The paragraph of figures printed under a document's title."""
    parts = [
        f"Gửi đến {format_int(d.recipients)} đơn vị; đã nhận: "
        f"{format_ratio(d.received, d.recipients, 'đơn vị')}",
        f"đã tổ chức học tập, quán triệt: {format_ratio(d.studied, d.recipients, 'đơn vị')}",
        f"đã xây dựng kế hoạch: {format_ratio(d.planned, d.recipients, 'đơn vị')}",
        f"đã báo cáo: {format_ratio(d.reported, d.must_report, 'đơn vị')} phải báo cáo",
        f"còn {format_int(d.overdue)} đơn vị quá hạn",
    ]
    text = "; ".join(parts) + "."
    if d.cells_total or d.members_total:
        cells = format_ratio(d.cells_held, d.cells_total, "chi bộ")
        members = format_ratio(d.members_attending, d.members_total, "đảng viên")
        text += f" Kết quả học tập, quán triệt: {cells}; {members}."
    return text


def _rate(part: int, total: int) -> str:
    return format_percent(percent(part, total)) if total else ""


def _summary_cells(d: DocumentFigures, index: str) -> list[str]:
    title = safe(d.title) + (f" {safe(d.excerpt)}" if safe(d.excerpt) else "")
    return [
        index,
        title,
        *(
            format_int(v)
            for v in (
                d.recipients,
                d.received,
                d.studied,
                d.planned,
                d.must_report,
                d.reported,
                d.overdue,
            )
        ),
        _rate(d.cells_held, d.cells_total),
        _rate(d.members_attending, d.members_total),
    ]


def build_hang_nam(
    data: HangNamData, profile: Profile, template: Path, progress: Progress | None = None
) -> bytes:
    """The annual report as .docx bytes (see the module docstring)."""
    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang điền mẫu…")
    doc, markers = open_template(
        template, OUTPUT, placeholder_values(data, profile), BLOCKS, profile
    )
    fill_head(doc, markers, profile, data.head)
    items = []
    for n, d in enumerate(data.documents, start=1):
        excerpt = f" {safe(d.excerpt)}" if safe(d.excerpt) else ""
        items.append(paragraph(f"{n}. {safe(d.title)}{excerpt}", "heading2"))
        items.append(paragraph(figures_sentence(d), "body"))
    if not items:
        items.append(paragraph("Trong kỳ không có văn bản nào được theo dõi.", "body"))
    replace_marker(markers["cac_van_ban"], items)
    fill_signature(doc, markers, profile, data.head)
    report(0.5, "Đang lập biểu tổng hợp…")
    marker = markers["phu_luc"]
    appendix_section(doc, profile, marker)
    rows = [_summary_cells(d, str(i)) for i, d in enumerate(data.documents, start=1)]
    rows.append(_summary_cells(data.totals, ""))
    table = table_xml(SUMMARY_COLUMNS, rows, bold_last=True)
    title = f"BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC VĂN BẢN {safe(data.period).upper()}"
    heading = appendix_heading(profile, data.head, "Báo cáo", title, data.as_of)
    replace_marker(marker, [*heading, table_slot(0), paragraph("", "table_cell")])
    return save(doc, [table], report)
