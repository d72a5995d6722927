"""Writer of the reminder letter ("Công văn đôn đốc", ``don-doc``) to the organisations late
with their report on a document.

Pure: the service (:mod:`desktop.services.report_don_doc`) fills :class:`DonDocData`; the
writer returns .docx bytes. Two templates, both in the công văn form (official-format.md §2.2,
§5, §8: the excerpt under the number, "Kính gửi:", no type title):

- ``don-doc.docx`` — one letter to all of them, with the counts ("đã nhận được báo cáo của
  38/45 đơn vị") and ``{{ danh_sach }}``: the attached list of late organisations (STT, đơn
  vị, hạn báo cáo, số ngày quá hạn, tình trạng) on its own pages, numbered from 1
  (:func:`build_don_doc`);
- ``don-doc-don-vi.docx`` — one letter per organisation (:func:`build_letters`): either one
  file with a section per letter (each starting on a new page, its numbering restarting, no
  number on its first page) or one file per organisation.

Paragraphs of style ``VB_letter_excerpt`` right after ``{{ khoi_tieu_de }}`` are the excerpt
printed under the number ("về việc đôn đốc …" Party, "V/v đôn đốc …" State).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.reports.blocks import (
    Column,
    Progress,
    attachment_section,
    paragraph,
    replace_document_xml,
    replace_marker,
    restart_numbering,
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
    "BLOCKS_PER_ORG",
    "EXTRA_STYLES",
    "LATE_COLUMNS",
    "OUTPUT",
    "OUTPUT_PER_ORG",
    "PLACEHOLDERS",
    "PLACEHOLDERS_PER_ORG",
    "DonDocData",
    "LateOrg",
    "build_don_doc",
    "build_letters",
    "placeholder_values",
]

OUTPUT = "don-doc"
OUTPUT_PER_ORG = "don-doc-don-vi"
BLOCKS = ("khoi_tieu_de", "khoi_ky", "danh_sach")
BLOCKS_PER_ORG = ("khoi_tieu_de", "khoi_ky")
EXTRA_STYLES = ("letter_excerpt", "salutation")
#: Party công văn write the excerpt "về việc …" (HD 36 example, official-format.md §2.2 item 5);
#: State ones "V/v …" (NĐ 30 §3.6).
_VE_VIEC = {"party": "về việc", "state": "V/v"}
PLACEHOLDERS = {
    "ve_viec": "«về việc» (Party) or «V/v» (State), starting the excerpt under the number",
    "van_ban": "the document: «Chỉ thị số 15-CT/TU, ngày 10/01/2026»",
    "trich_yeu_van_ban": "the document's excerpt",
    "don_vi": "the office as named in a sentence",
    "so_cong_van": "this letter's number and symbol: «15-CV/BTGDVTU» (blank when unnumbered)",
    "ngay_cong_van": "the letter's date, dd/mm/yyyy",
    "ngay_so_lieu": "the day the figures are counted to, dd/mm/yyyy",
    "kinh_gui": "who it is addressed to",
    "han_bao_cao": "the report deadline that has passed, dd/mm/yyyy",
    "han_moi": "the new deadline asked for, dd/mm/yyyy",
    "so_don_vi": "how many organisations must report: «45»",
    "don_vi_da_bao_cao": "«38/45 đơn vị»",
    "so_don_vi_chua_bao_cao": "how many are late: «07»",
}
PLACEHOLDERS_PER_ORG = {
    **PLACEHOLDERS,
    "kinh_gui": "the organisation the letter is addressed to",
    "han_bao_cao": "that organisation's report deadline, dd/mm/yyyy",
    "so_ngay_qua_han": "working days that organisation is late: «12»",
}
LATE_COLUMNS = (  # 165 mm: portrait A4 inside the profile's margins
    Column("STT", 12, "center"),
    Column("Đơn vị", 83),
    Column("Hạn báo cáo", 24, "center"),
    Column("Số ngày quá hạn", 22, "center"),
    Column("Tình trạng", 24, "center"),
)
# per-organisation values, rendered as tokens and replaced in each letter's XML
_TOKENS = {
    "kinh_gui": "\u27e6org\u27e7",
    "han_bao_cao": "\u27e6due\u27e7",
    "so_ngay_qua_han": "\u27e6days\u27e7",
}


@dataclass(frozen=True, slots=True)
class LateOrg:
    """An organisation that must report and is late with it."""

    name: str
    due: date | None  # the report deadline it is late for
    days_overdue: int  # working days
    status: str = ""  # where the row stands ("Đã quán triệt"…)


@dataclass(frozen=True)
class DonDocData:
    head: Letterhead  # type_symbol "CV"
    document_title: str
    document_excerpt: str
    as_of: date
    must_report: int
    reported: int
    late: Sequence[LateOrg]
    deadline: date | None  # the (governing) report deadline that has passed
    new_deadline: date
    addressee: str = "Các đơn vị có tên trong danh sách kèm theo"


def _count(n: int) -> str:
    """ "07" below ten, as offices write a count of units in a letter."""
    return f"{n:02d}" if 0 <= n < 10 else format_int(n)


def placeholder_values(data: DonDocData, profile: Profile) -> dict[str, str]:
    head = data.head
    values = {
        "ve_viec": _VE_VIEC[profile.regime],
        "van_ban": safe(data.document_title),
        "trich_yeu_van_ban": safe(data.document_excerpt),
        "don_vi": safe(head.office.name_in_text),
        "so_cong_van": number_text(profile, head) if safe(head.number) else "",
        "ngay_cong_van": format_date(head.issued),
        "ngay_so_lieu": format_date(data.as_of),
        "kinh_gui": safe(data.addressee),
        "han_bao_cao": format_date(data.deadline),
        "han_moi": format_date(data.new_deadline),
        "so_don_vi": format_int(data.must_report),
        "don_vi_da_bao_cao": f"{format_int(data.reported)}/{format_int(data.must_report)} đơn vị",
        "so_don_vi_chua_bao_cao": _count(len(data.late)),
    }
    assert set(values) == set(PLACEHOLDERS)
    return values


def _late_cells(org: LateOrg, index: int) -> list[str]:
    return [
        str(index),
        safe(org.name),
        format_date(org.due),
        format_int(org.days_overdue),
        safe(org.status),
    ]


def build_don_doc(
    data: DonDocData, profile: Profile, template: Path, progress: Progress | None = None
) -> bytes:
    """One letter to every late organisation, with the attached list."""
    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang điền mẫu…")
    doc, markers = open_template(
        template, OUTPUT, placeholder_values(data, profile), BLOCKS, profile, EXTRA_STYLES
    )
    fill_head(doc, markers, profile, data.head, kind="letter")
    fill_signature(doc, markers, profile, data.head)
    marker = markers["danh_sach"]
    attachment_section(doc, profile, marker, landscape=False)
    rows = [_late_cells(org, i) for i, org in enumerate(data.late, start=1)]
    table = table_xml(
        LATE_COLUMNS,
        rows,
        progress=lambda f, m: report(0.2 + 0.6 * f, m),
        label="Đang lập danh sách…",
    )
    heading = appendix_heading(
        profile, data.head, "Công văn", "DANH SÁCH CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO", data.as_of,
        label=False,
    )
    replace_marker(marker, [*heading, table_slot(0), paragraph("", "table_cell")])
    return save(doc, [table], report)


def build_letters(
    data: DonDocData,
    profile: Profile,
    template: Path,
    *,
    one_file: bool,
    progress: Progress | None = None,
) -> list[bytes]:
    """One letter per late organisation: a single file (``one_file``: a section per letter)
    or one file each, in the order of ``data.late``."""
    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang điền mẫu…")
    values = {**placeholder_values(replace(data, addressee=""), profile), **_TOKENS}
    doc, markers = open_template(
        template, OUTPUT_PER_ORG, values, BLOCKS_PER_ORG, profile, EXTRA_STYLES
    )
    fill_head(doc, markers, profile, data.head, kind="letter")
    fill_signature(doc, markers, profile, data.head)
    restart_numbering(doc.sections[0], 1)
    base = save(doc)
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    letters = [_letter_xml(xml, org) for org in data.late]
    report(0.5, "Đang ghép các công văn…")
    if one_file:
        out = [replace_document_xml(base, _join_letters(xml, letters))]
    else:
        out = []
        for n, letter in enumerate(letters):
            out.append(replace_document_xml(base, letter))
            report(0.5 + 0.5 * n / max(len(letters), 1), "Đang ghi từng công văn…")
    report(1.0, "Xong.")
    return out


def _letter_xml(xml: str, org: LateOrg) -> str:
    values = {
        "kinh_gui": safe(org.name),
        "han_bao_cao": format_date(org.due),
        "so_ngay_qua_han": format_int(org.days_overdue),
    }
    for key, token in _TOKENS.items():
        xml = xml.replace(token, escape(values[key]))
    return xml


_BODY = re.compile(r"(<w:body>)(.*)(<w:sectPr\b.*</w:sectPr>)(\s*</w:body>)", re.DOTALL)


def _join_letters(xml: str, letters: Sequence[str]) -> str:
    """One document.xml with every letter's body, each ending its own section (a page break,
    numbering restarting at 1, no number on its first page: the final section's properties,
    repeated in a tiny paragraph after each letter but the last)."""
    m = _BODY.search(xml)
    assert m is not None, "document.xml without a body"
    sect = m.group(3)
    brk = (
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" '
        'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
        f"{sect}</w:pPr></w:p>"
    )
    bodies = []
    for letter in letters:
        lm = _BODY.search(letter)
        assert lm is not None
        bodies.append(lm.group(2))
    return xml[: m.start(2)] + brk.join(bodies) + xml[m.start(3) :]
