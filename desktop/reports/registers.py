"""Writers of the two registers printed as a table: the tracking register of a document
("Sổ theo dõi", ``so-theo-doi``) and the outgoing register for a period ("Sổ đăng ký văn bản
đi", ``so-van-ban-di``).

Pure: :func:`build_register` takes the lines (filled by :mod:`desktop.services.report_registers`),
a profile and the template, and returns .docx bytes. The whole document is landscape; the
template holds the title lines with placeholders and two blocks: ``{{ khoi_tieu_de }}`` (the
header without a number line) and ``{{ bang }}`` (the table: header rows repeated on every
page, rows that never split; written as XML text, :func:`~desktop.reports.blocks.table_xml`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.reports.blocks import (
    Column,
    Progress,
    paragraph,
    replace_marker,
    table_slot,
    table_xml,
)
from desktop.reports.docx_base import safe, set_landscape
from desktop.reports.official import Letterhead, fill_head, open_template, save
from desktop.reports.profiles import Profile

__all__ = [
    "BLOCKS",
    "OUTGOING_COLUMNS",
    "PLACEHOLDERS",
    "TRACKING_COLUMNS",
    "OutgoingLine",
    "RegisterData",
    "TrackingLine",
    "build_register",
]

BLOCKS = ("khoi_tieu_de", "bang")
#: The placeholders of each register's template, with what each prints.
PLACEHOLDERS = {
    "so-theo-doi": {
        "van_ban": "the document: «Chỉ thị số 15-CT/TU, ngày 10/01/2026»",
        "van_ban_hoa": "the same, upper case",
        "trich_yeu_van_ban": "the document's excerpt",
        "don_vi": "the office as named in a sentence",
        "ngay_so_lieu": "the day the register is printed as of, dd/mm/yyyy",
        "so_don_vi": "how many organisations received it: «45»",
        "tong_hop": "«đã nhận 40/45, đã học tập 38/45, … quá hạn 7»",
    },
    "so-van-ban-di": {
        "don_vi": "the office as named in a sentence",
        "tu_ngay": "the first day of the period, dd/mm/yyyy",
        "den_ngay": "the last day, dd/mm/yyyy",
        "so_van_ban": "how many entries: «12»",
    },
}

TRACKING_COLUMNS = (  # 252 mm: landscape A4 inside the profile's margins
    Column("STT", 11, "center"),
    Column("Đơn vị", 48),
    Column("Ngày nhận", 24, "center"),  # "25/03/2026" needs 23 mm at 12 pt
    Column("Ngày", 24, "center", "Học tập, quán triệt"),
    Column("Hình thức", 24, "center", "Học tập, quán triệt"),
    Column("Chi bộ", 16, "right", "Học tập, quán triệt"),
    Column("Đảng viên", 20, "right", "Học tập, quán triệt"),
    Column("Kế hoạch", 27, "center"),
    Column("Báo cáo", 27, "center"),
    Column("Tình trạng", 31, "center"),
)
OUTGOING_COLUMNS = (
    Column("STT", 11, "center"),
    Column("Số, ký hiệu", 36, "center"),  # "07-CV/BTGDVTU" on one line
    Column("Ngày tháng", 24, "center"),
    Column("Tên loại và trích yếu nội dung", 77),
    Column("Nơi nhận", 50),
    Column("Văn bản được theo dõi", 30, "center"),
    Column("Ghi chú", 24),
)


@dataclass(frozen=True, slots=True)
class TrackingLine:
    """One organisation of the tracking register."""

    name: str
    received: date | None = None
    study_date: date | None = None
    study_end: date | None = None
    form: str = ""
    cells_held: int | None = None
    cells_total: int | None = None
    members_attending: int | None = None
    members_total: int | None = None
    plan: str = ""  # "05-KH/ĐU, 12/02/2026"
    report: str = ""  # "03-BC/ĐU, 20/03/2026"
    status: str = ""
    days_overdue: int = 0


@dataclass(frozen=True, slots=True)
class OutgoingLine:
    """One entry of the outgoing register."""

    number_symbol: str
    issued: date
    type_name: str
    excerpt: str
    recipients: str = ""
    related: str = ""  # the tracked document it answers, "15-CT/TU"
    note: str = ""


@dataclass(frozen=True)
class RegisterData:
    output: str  # "so-theo-doi" or "so-van-ban-di"
    head: Letterhead
    values: Mapping[str, str]  # the placeholders (cleaned here)
    lines: Sequence[TrackingLine] | Sequence[OutgoingLine]


def _part(part: int | None, total: int | None) -> str:
    if part is None and total is None:
        return ""
    return f"{format_int(part or 0)}/{format_int(total or 0)}"


def _tracking_cells(line: TrackingLine, index: int) -> list[str]:
    period = format_date(line.study_date)
    if line.study_end is not None and line.study_end != line.study_date:
        period += f" - {format_date(line.study_end)}"
    status = safe(line.status)
    if line.days_overdue > 0:
        status += f"; quá hạn {format_int(line.days_overdue)} ngày"
    return [
        str(index),
        safe(line.name),
        format_date(line.received),
        period,
        safe(line.form),
        _part(line.cells_held, line.cells_total),
        _part(line.members_attending, line.members_total),
        safe(line.plan),
        safe(line.report),
        status,
    ]


def _outgoing_cells(line: OutgoingLine, index: int) -> list[str]:
    title = " ".join(x for x in (safe(line.type_name), safe(line.excerpt)) if x)
    return [
        str(index),
        safe(line.number_symbol),
        format_date(line.issued),
        title,
        safe(line.recipients),
        safe(line.related),
        safe(line.note),
    ]


def build_register(
    data: RegisterData, profile: Profile, template: Path, progress: Progress | None = None
) -> bytes:
    """The register as .docx bytes (see the module docstring)."""
    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang điền mẫu…")
    values = {k: safe(v) for k, v in data.values.items()}
    doc, markers = open_template(template, data.output, values, BLOCKS, profile)
    set_landscape(doc.sections[0], profile)
    fill_head(doc, markers, profile, data.head, kind="register")
    if data.output == "so-theo-doi":
        columns = TRACKING_COLUMNS
        rows = [_tracking_cells(x, i) for i, x in enumerate(data.lines, 1)]  # type: ignore[arg-type]
    else:
        columns = OUTGOING_COLUMNS
        rows = [_outgoing_cells(x, i) for i, x in enumerate(data.lines, 1)]  # type: ignore[arg-type]
    table = table_xml(
        columns, rows, progress=lambda f, m: report(0.1 + 0.8 * f, m), label="Đang lập bảng…"
    )
    # Word wants a paragraph between a table and the end of the section
    replace_marker(markers["bang"], [table_slot(0), paragraph("", "table_cell")])
    return save(doc, [table], report)
