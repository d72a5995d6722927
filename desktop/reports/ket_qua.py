"""Writer of "Báo cáo kết quả học tập, quán triệt và triển khai thực hiện" one document.

Pure: :func:`build_ket_qua` takes the figures (:class:`KetQuaData`, filled by
:mod:`desktop.services.report_ket_qua`), a format profile and a template, and returns the
.docx bytes; the service writes them atomically. No Qt, no database.

The template (``resources/templates/ket-qua.docx``, or the clerk's edited copy) holds the
wording with ``{{ … }}`` placeholders (:data:`PLACEHOLDERS`) and four blocks the program builds:
``{{ khoi_tieu_de }}`` (header table of page 1), ``{{ gach_duoi_trich_yeu }}`` ("-----" or a
rule, per profile), ``{{ khoi_ky }}`` (Nơi nhận + signature) and ``{{ phu_luc }}`` (the
"Biểu tổng hợp" appendix on its own landscape pages, numbered from 1). Paragraphs of style
``VB_heading1`` are numbered I, II, … in the profile's way ("I- " Party, "I. " State);
:attr:`KetQuaData.sections` replaces the text under a heading with the clerk's own. The steps
the outputs share (template, header, signature, appendix heading, saving) are those of
:mod:`~desktop.reports.official`; :attr:`KetQuaData.head` gives them the letterhead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int, format_percent, format_ratio, percent
from desktop.reports.blocks import (
    Column,
    Progress,
    appendix_section,
    paragraph,
    replace_marker,
    style_of,
    table_slot,
    table_xml,
)
from desktop.reports.docx_base import safe, safe_block, style_id
from desktop.reports.official import (
    Letterhead,
    appendix_heading,
    fill_head,
    fill_signature,
    number_text,
    open_template,
    save,
)
from desktop.reports.profiles import OfficeValues, Profile

__all__ = [
    "APPENDIX_COLUMNS",
    "BLOCKS",
    "OUTPUT",
    "PLACEHOLDERS",
    "AppendixRow",
    "KetQuaData",
    "PendingOrg",
    "build_ket_qua",
    "placeholder_values",
]

OUTPUT = "ket-qua"
BLOCKS = ("khoi_tieu_de", "gach_duoi_trich_yeu", "khoi_ky", "phu_luc")
#: The placeholders of the text, with what each one prints (documented in the README).
PLACEHOLDERS = {
    "van_ban": "the document cited: «Chỉ thị số 15-CT/TU, ngày 10/01/2026»",
    "van_ban_hoa": "the same, upper case (for titles)",
    "trich_yeu_van_ban": "the document's excerpt: «về việc …»",
    "don_vi": "the issuing office as named in a sentence",
    "so_bao_cao": "this report's number and symbol: «15-BC/BTGDVTU» (blank when unnumbered)",
    "ngay_bao_cao": "the report's date, dd/mm/yyyy",
    "ngay_so_lieu": "the day the figures are counted to, dd/mm/yyyy",
    "so_don_vi": "how many organisations must report: «45»",
    "don_vi_da_hoc_tap": "«43/45 đơn vị»",
    "don_vi_da_bao_cao": "«38/45 đơn vị»",
    "so_don_vi_chua_bao_cao": "«7»",
    "chi_bo": "«412/430 chi bộ, đạt 95,81%»",
    "dang_vien": "«35.599/35.900 đảng viên, đạt 99,16%»",
    "quan_chung": "«5.806» (lượt quần chúng)",
    "hinh_thuc": "the forms used: «hội nghị trực tiếp, sinh hoạt chi bộ»",
}

APPENDIX_COLUMNS = (  # 252 mm: the landscape A4 width inside the profile's margins
    Column("STT", 12, "center"),
    Column("Đơn vị", 54),
    Column("Tổng số", 15, "right", "Chi bộ"),
    Column("Đã tổ chức", 16, "right", "Chi bộ"),
    Column("Tỷ lệ", 16, "right", "Chi bộ"),
    Column("Tổng số", 18, "right", "Đảng viên"),
    Column("Tham gia", 18, "right", "Đảng viên"),
    Column("Tỷ lệ", 17, "right", "Đảng viên"),
    Column("Quần chúng tham gia", 18, "right"),
    Column("Hình thức", 28, "center"),
    Column("Thời gian", 24, "center"),
    Column("Ghi chú", 16),
)
PENDING_COLUMNS = (Column("STT", 12, "center"), Column("Đơn vị", 140), Column("Tình trạng", 60))


@dataclass(frozen=True, slots=True)
class AppendixRow:
    """One organisation of the appendix (or the "Tổng cộng" row)."""

    name: str
    cells_total: int | None = None
    cells_held: int | None = None
    members_total: int | None = None
    members_attending: int | None = None
    non_members: int | None = None
    form: str = ""
    period: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class PendingOrg:
    """An organisation that must report and has not (no accepted report)."""

    name: str
    status: str


@dataclass(frozen=True)
class KetQuaData:
    """Everything printed in the report; plain values, filled by the service."""

    office: OfficeValues
    report_date: date
    as_of: date
    number: str  # "" leaves the number blank for the records clerk
    type_symbol: str  # "BC"
    document_title: str  # "Chỉ thị số 15-CT/TU, ngày 10/01/2026"
    document_excerpt: str
    must_report: int
    studied: int
    reported: int
    cells_held: int
    cells_total: int
    members_attending: int
    members_total: int
    non_members: int
    forms: tuple[str, ...]
    rows: Sequence[AppendixRow]
    totals: AppendixRow
    pending: Sequence[PendingOrg]
    recipients: tuple[str, ...]
    sections: Mapping[int, str] = field(default_factory=dict)

    @property
    def head(self) -> Letterhead:
        """What the header, the signature and the appendix note print, as every output
        holds it."""
        return Letterhead(self.office, self.report_date, self.number, self.type_symbol,
                          self.recipients)


@lru_cache(maxsize=65_536)  # party-cell ratios repeat a lot (9/10, 12/12…)
def _ratio(part: int | None, total: int | None) -> str:
    if part is None and total is None:
        return ""
    return format_percent(percent(part, total)) if total else ""


def placeholder_values(data: KetQuaData, profile: Profile) -> dict[str, str]:
    """The text of each placeholder (cleaned: NFC, no control characters)."""
    title = safe(data.document_title)
    values = {
        "van_ban": title,
        "van_ban_hoa": title.upper(),
        "trich_yeu_van_ban": safe(data.document_excerpt),
        "don_vi": safe(data.office.name_in_text),
        "so_bao_cao": number_text(profile, data.head) if safe(data.number) else "",
        "ngay_bao_cao": format_date(data.report_date),
        "ngay_so_lieu": format_date(data.as_of),
        "so_don_vi": format_int(data.must_report),
        "don_vi_da_hoc_tap": f"{format_int(data.studied)}/{format_int(data.must_report)} đơn vị",
        "don_vi_da_bao_cao": f"{format_int(data.reported)}/{format_int(data.must_report)} đơn vị",
        "so_don_vi_chua_bao_cao": format_int(len(data.pending)),
        "chi_bo": format_ratio(data.cells_held, data.cells_total, "chi bộ"),
        "dang_vien": format_ratio(data.members_attending, data.members_total, "đảng viên"),
        "quan_chung": format_int(data.non_members),
        # no form reported yet: the sentence still reads ("với các hình thức: chưa có đơn vị
        # báo cáo. Kết quả: …"), never "hình thức: . Kết quả"
        "hinh_thuc": ", ".join(safe(f).lower() for f in data.forms if safe(f))
        or "chưa có đơn vị báo cáo",
    }
    assert set(values) == set(PLACEHOLDERS)
    return values


@lru_cache(maxsize=4096)
def _safe_repeated(text: str) -> str:
    """:func:`safe` for the few values many rows share (forms, dates, empty notes)."""
    return safe(text)


def _appendix_cells(row: AppendixRow, index: str) -> list[str]:
    return [
        index, safe(row.name), format_int(row.cells_total), format_int(row.cells_held),
        _ratio(row.cells_held, row.cells_total), format_int(row.members_total),
        format_int(row.members_attending), _ratio(row.members_attending, row.members_total),
        format_int(row.non_members), _safe_repeated(row.form), _safe_repeated(row.period),
        _safe_repeated(row.note) if len(row.note) < 40 else safe(row.note),
    ]


def _override_sections(doc: Any, overrides: Mapping[int, str], stop: Any) -> None:
    """Put the clerk's text (:attr:`KetQuaData.sections`) in place of the template's under
    the ``VB_heading1`` paragraphs before ``stop`` (the signature block), counted 1, 2… as
    :func:`~desktop.reports.blocks.number_headings` numbers them."""
    if not overrides:
        return
    body = doc.element.body
    heading = style_id("heading1")
    paragraphs = [el for el in body if el.tag == qn("w:p")]
    end = paragraphs.index(stop) if stop in paragraphs else len(paragraphs)
    paragraphs = paragraphs[:end]
    heads = [p for p in paragraphs if style_of(p) == heading]
    for n, head in enumerate(heads, start=1):
        if n not in overrides:
            continue
        nxt = heads[n] if n < len(heads) else None
        for p in paragraphs[paragraphs.index(head) + 1:]:
            if p is nxt:
                break
            body.remove(p)
        anchor = head
        for line in safe_block(overrides[n]):
            new = paragraph(line, "body")
            anchor.addnext(new)
            anchor = new


def build_ket_qua(data: KetQuaData, profile: Profile, template: Path,
                  progress: Progress | None = None) -> bytes:
    """The report as .docx bytes (see the module docstring)."""
    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang điền mẫu…")
    doc, markers = open_template(template, OUTPUT, placeholder_values(data, profile), BLOCKS,
                                 profile)
    fill_head(doc, markers, profile, data.head)
    _override_sections(doc, data.sections, markers["khoi_ky"])
    fill_signature(doc, markers, profile, data.head)
    report(0.1, "Đang lập biểu tổng hợp…")
    tables = _appendix(doc, profile, data, markers["phu_luc"], report)
    return save(doc, tables, report, at=0.85)


def _appendix(doc: Any, profile: Profile, data: KetQuaData, marker: Any,
              report: Progress) -> list[str]:
    """The appendix section; returns the tables' XML, spliced in after saving."""
    appendix_section(doc, profile, marker)
    title = safe(data.document_title).upper()
    elements = appendix_heading(profile, data.head, "Báo cáo",
                                f"BIỂU TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT {title}", data.as_of)
    rows = [_appendix_cells(r, str(i)) for i, r in enumerate(data.rows, start=1)]
    rows.append(_appendix_cells(data.totals, ""))
    tables = [table_xml(APPENDIX_COLUMNS, rows, bold_last=True,
                        progress=lambda f, m: report(0.1 + 0.7 * f, m),
                        label="Đang lập biểu tổng hợp…")]
    elements.append(table_slot(0))
    elements.append(paragraph("", "body"))
    elements.append(paragraph("DANH SÁCH CÁC ĐƠN VỊ CHƯA BÁO CÁO", "appendix_title",
                              keep_next=True))
    if data.pending:
        pending = [[str(i), safe(p.name), safe(p.status)]
                   for i, p in enumerate(data.pending, start=1)]
        tables.append(table_xml(PENDING_COLUMNS, pending))
        elements.append(table_slot(1))
    else:
        elements.append(paragraph("Tất cả các đơn vị đã báo cáo.", "appendix_note"))
    replace_marker(marker, elements)
    return tables
