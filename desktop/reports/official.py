"""The steps every templated official output shares: fill the template, set the profile,
put the header, the separator and the signature, head an appendix, save with the big tables
spliced in.

Pure (no Qt, no database). The outputs (:mod:`~desktop.reports.ket_qua`,
:mod:`~desktop.reports.don_doc`, :mod:`~desktop.reports.hang_nam`,
:mod:`~desktop.reports.registers`) call :func:`open_template`, then :func:`fill_head` /
:func:`fill_signature` for the blocks they have, build their own blocks (an appendix starts
with :func:`appendix_heading`), and :func:`save`. The header's number line comes from
:func:`number_text`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from desktop.domain.dates import format_date, official_date_line
from desktop.reports.blocks import (
    Progress,
    close_text,
    find_markers,
    header_block,
    letter_header_block,
    number_headings,
    number_line,
    paragraph,
    register_header_block,
    replace_marker,
    separator,
    signature_block,
    splice_tables,
    style_of,
    text_of,
)
from desktop.reports.docx_base import apply_extra_styles, apply_profile, safe, style_id
from desktop.reports.profiles import OfficeValues, Profile
from desktop.reports.templates import render_template

__all__ = [
    "Letterhead",
    "appendix_heading",
    "fill_head",
    "fill_signature",
    "number_text",
    "open_template",
    "save",
]


@dataclass(frozen=True)
class Letterhead:
    """What the header and the signature of an output print."""

    office: OfficeValues
    issued: date  # the date line
    number: str  # digits, or "" for the records clerk to write in
    type_symbol: str  # "BC", "CV"
    recipients: tuple[str, ...] = ()


def number_text(profile: Profile, head: Letterhead) -> str:
    """ "15-CV/BTGDVTU" (the number line without "Số"), or the blank form when unnumbered."""
    line = number_line(profile, head.number, head.type_symbol, head.office.symbol,
                       head.office.drafting_unit)
    return line[len(profile.rules.number_prefix) :]


def open_template(
    template: Path,
    output: str,
    values: Mapping[str, str],
    blocks: Sequence[str],
    profile: Profile,
    extra_styles: tuple[str, ...] = (),
) -> tuple[Any, dict[str, Any]]:
    """The filled template with the profile's styles, and its block markers by name."""
    doc = render_template(template, output, values, blocks)
    apply_profile(doc, profile)
    if extra_styles:
        apply_extra_styles(doc, profile, extra_styles)
    return doc, find_markers(doc, blocks)


def fill_head(
    doc: Any, markers: dict[str, Any], profile: Profile, head: Letterhead, *, kind: str = "report"
) -> None:
    """``khoi_tieu_de`` (and ``gach_duoi_trich_yeu`` when the template has it).

    ``kind`` is "report" (number line), "letter" (number line, then the template's
    ``VB_letter_excerpt`` paragraphs that follow the placeholder, moved under it) or
    "register" (no number line).
    """
    office = head.office
    date_line = official_date_line(safe(office.place_name), head.issued)
    marker = markers["khoi_tieu_de"]
    number = number_line(profile, head.number, head.type_symbol, office.symbol,
                         office.drafting_unit)
    if kind == "register":
        table = register_header_block(doc, profile, office, date_line)
    elif kind == "letter":
        excerpt = []
        nxt = marker.getnext()
        while (
            nxt is not None and nxt.tag == qn("w:p") and style_of(nxt) == style_id("letter_excerpt")
        ):
            excerpt.append(text_of(nxt))
            following = nxt.getnext()
            nxt.getparent().remove(nxt)
            nxt = following
        table = letter_header_block(doc, profile, office, number, date_line, "\n".join(excerpt))
    else:
        table = header_block(doc, profile, office, number, date_line)
    replace_marker(marker, [table._tbl])
    if "gach_duoi_trich_yeu" in markers:
        replace_marker(markers["gach_duoi_trich_yeu"], [separator(profile)])


def fill_signature(doc: Any, markers: dict[str, Any], profile: Profile, head: Letterhead) -> None:
    """Number the headings, end the text the profile's way and put ``khoi_ky`` (Nơi nhận
    and signature, kept with the last paragraph)."""
    number_headings(doc, profile)
    marker = markers["khoi_ky"]
    close_text(marker, profile)
    replace_marker(marker, [signature_block(doc, profile, head.office, head.recipients)._tbl])


def appendix_heading(
    profile: Profile, head: Letterhead, kind: str, title: str, as_of: date, *, label: bool = True
) -> list[Any]:
    """The paragraphs above an appendix or an attached list: the profile's label ("Phụ lục")
    when ``label``, the title, what it is attached to ("(Kèm theo <kind> số …, ngày … của …)",
    ``kind`` "Báo cáo" / "Công văn") and the day the figures are counted to."""
    # the parts are clean already; cleaning the whole line would fold a blank number's
    # spaces, the room the records clerk writes the number in
    note = (
        f"(Kèm theo {kind} số {number_text(profile, head)}, ngày "
        f"{format_date(head.issued)} của {safe(head.office.name_in_text)})"
    )
    lines = [
        paragraph(title, "appendix_title"),
        paragraph(note, "appendix_note", clean=False),
        paragraph(f"(Số liệu tính đến ngày {format_date(as_of)})", "appendix_note"),
    ]
    if label:
        lines.insert(0, paragraph(profile.rules.appendix_label.format(n="").strip(),
                                  "appendix_label"))
    return lines


def save(
    doc: Any, tables: Sequence[str] = (), progress: Progress | None = None, at: float = 0.9
) -> bytes:
    """The document's bytes, with the tables (:func:`~desktop.reports.blocks.table_xml`)
    spliced into their slots. ``progress`` (the writer's) hears "saving" at ``at`` and
    "done" at the end, the last two steps of every output."""
    if progress is not None:
        progress(at, "Đang lưu tệp…")
    buffer = io.BytesIO()
    doc.save(buffer)
    content = splice_tables(buffer.getvalue(), tables)
    if progress is not None:
        progress(1.0, "Xong.")
    return content
