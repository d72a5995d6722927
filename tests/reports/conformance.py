"""Checks every official output must pass, read back with python-docx against its profile
(shared by the tests of each output): page set-up of each section, the four font slots and no
theme fonts, the ``VB_*`` styles, the borderless header table, page numbers, tables whose
header rows repeat and whose rows never split, NFC text without XML-illegal characters."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from desktop.reports.docx_base import ALIGN, dxa, style_id
from desktop.reports.profiles import ELEMENTS, Profile

THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
ILLEGAL = {chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {"\ufffe", "\uffff"}


def mm(length: Any) -> float:
    return round(length.mm, 1)


def check_sections(doc: Any, profile: Profile, landscape: list[bool],
                   restarts: list[bool]) -> None:
    """One entry per section: its orientation and whether its numbering restarts at 1; every
    section A4 with the profile's margins and no number on its first page."""
    page = profile.page
    assert len(doc.sections) == len(landscape)
    for section, wide, restart in zip(doc.sections, landscape, restarts, strict=True):
        size = (mm(section.page_width), mm(section.page_height))
        assert size == ((297, 210) if wide else (210, 297))
        assert section.orientation == (WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT)
        assert (mm(section.top_margin), mm(section.bottom_margin)) == (page.top_mm,
                                                                       page.bottom_mm)
        assert (mm(section.left_margin), mm(section.right_margin)) == (page.left_mm,
                                                                       page.right_mm)
        assert mm(section.header_distance) == page.header_distance_mm
        assert section.different_first_page_header_footer
        pg = section._sectPr.find(qn("w:pgNumType"))
        assert (pg is not None and pg.get(qn("w:start")) == "1") == restart
    header = doc.sections[0].header
    assert "PAGE" in header._element.xml and header.paragraphs[0].alignment == ALIGN["center"]
    assert "PAGE" not in doc.sections[0].first_page_header._element.xml


def check_fonts_and_styles(doc: Any, path: Path, profile: Profile,
                           extra: tuple[str, ...] = ()) -> None:
    rfonts = doc.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {rfonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        profile.page.font}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and not name.startswith("word/theme"):
                xml = z.read(name).decode("utf-8")
                assert not [a for a in THEME_ATTRS if f"w:{a}=" in xml], name
    from desktop.reports.docx_base import extra_element

    for element in ELEMENTS + extra:
        want = (profile.element(element) if element in ELEMENTS
                else extra_element(profile, element))
        style = doc.styles[style_id(element)]
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            profile.page.font}, element
        assert style.font.size == Pt(want.size), element
        assert bool(style.font.bold) == want.bold, element
        assert bool(style.font.italic) == want.italic, element
        assert bool(style.font.underline) == want.underline, element
        assert style.paragraph_format.alignment == ALIGN[want.align], element


def check_header_table(table: Any, profile: Profile) -> tuple[list[str], list[str]]:
    """The borderless header with the profile's widths (grid and cells); its two columns'
    lines."""
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [dxa(profile.header.left_mm), dxa(profile.header.right_mm)]
    cells = table.rows[0].cells
    assert [mm(c.width) for c in cells] == [profile.header.left_mm, profile.header.right_mm]
    left = [p.text for p in cells[0].paragraphs if p.text]
    right = [p.text for p in cells[1].paragraphs if p.text]
    assert right[0] == profile.header.title
    assert cells[1].paragraphs[0].style.name == style_id("title")
    return left, right


def check_data_table(table: Any, header_rows: int, rows: int) -> list[list[str]]:
    """Header rows repeated on every page, no row split; the data rows' texts."""
    trs = table._tbl.findall(qn("w:tr"))
    marked = [r for r in trs if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert marked == trs[:header_rows]
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in trs)
    assert len(trs) == header_rows + rows
    return [[c.text for c in row.cells] for row in table.rows[header_rows:]]


def check_signature(table: Any, profile: Profile) -> list[str]:
    """Nơi nhận + signature in one row that cannot split, right after a kept paragraph."""
    assert table._tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    left, right = table.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines[-1].endswith(".") and all(x.endswith(";") for x in lines[:-1])
    before = table._tbl.getprevious()
    assert before.tag == qn("w:p") and before.pPr.keepNext_val is True
    assert "".join(t.text for t in before.iter(qn("w:t"))).endswith(profile.rules.text_end)
    return [p.text for p in right.paragraphs if p.text]


def check_clean_xml(path: Path) -> None:
    """Every XML part NFC, without characters XML 1.0 forbids."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                assert unicodedata.is_normalized("NFC", xml), name
                assert not ILLEGAL & set(xml), name
