"""The Word plumbing shared by every official output: styles, page set-up, fonts, tables.

Pure (python-docx + lxml, no Qt, no database). Everything a writer needs that python-docx does
not expose — the four font slots, theme fonts removed, borderless fixed-width tables with
their grid, repeated header rows, rows that cannot split, a PAGE field, page numbering that
restarts, mirrored margins — lives here, driven by a :class:`~desktop.reports.profiles.Profile`.

Paragraph styles are named ``VB_<element>`` (``VB_body``, ``VB_title``…, one per element of
the profile): the templates use them and :func:`apply_profile` sets them from the profile, so
the layout numbers always come from the profile, never from the template.

Text goes through :func:`safe` / :func:`safe_block` (``desktop.domain.text``) before it reaches
the XML: NFC, no control characters, no U+FFFE/U+FFFF.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from desktop.domain.text import clean_line, clean_text
from desktop.reports.profiles import ELEMENTS, ElementStyle, Profile

__all__ = [
    "ALIGN",
    "DXA_PER_MM",
    "EXTRA_ELEMENTS",
    "STYLE_PREFIX",
    "apply_extra_styles",
    "apply_profile",
    "borderless_table",
    "dxa",
    "extra_element",
    "mark_header_row",
    "paragraph_xml",
    "restart_numbering",
    "safe",
    "safe_block",
    "set_landscape",
    "set_page",
    "set_page_number_header",
    "style_id",
]

STYLE_PREFIX = "VB_"
DXA_PER_MM = 1440 / 25.4
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def safe(text: str | None) -> str:
    """One line of text as it may enter the XML: NFC, no control characters, no U+FFFF."""
    return clean_line(text)


def safe_block(text: str | None) -> list[str]:
    """Multi-line text as paragraphs: cleaned (:func:`safe`), blank lines dropped."""
    return [line for line in (clean_line(x) for x in clean_text(text).split("\n")) if line]


def dxa(mm: float) -> int:
    """Millimetres as twentieths of a point (the unit of table widths)."""
    return round(mm * DXA_PER_MM)


def style_id(element: str) -> str:
    return f"{STYLE_PREFIX}{element}"


# ------------------------------------------------------------------------------- fonts, styles


def _set_fonts(rpr: Any, font: str) -> None:
    """All four font slots on ``rpr`` (an ``w:rPr``), theme references removed."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for slot in _FONT_SLOTS:
        rfonts.set(qn(slot), font)


def _strip_theme_fonts(root: Any) -> None:
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)


def _style_paragraph(style: Any, el: ElementStyle, profile: Profile, element: str) -> None:
    font = style.font
    font.size = Pt(el.size)
    font.bold = el.bold
    font.italic = el.italic
    font.underline = el.underline
    font.all_caps = False  # caps are typed, so copying the text keeps them
    font.name = profile.page.font
    _set_fonts(style.element.get_or_add_rPr(), profile.page.font)
    pf = style.paragraph_format
    pf.alignment = ALIGN[el.align]
    pf.space_before = Pt(el.space_before)
    pf.space_after = Pt(el.space_after)
    pf.first_line_indent = None
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.widow_control = True
    if element in ("body", "heading1", "heading2"):
        body = profile.body
        pf.space_before = Pt(max(el.space_before, body.space_before_pt))
        pf.space_after = Pt(max(el.space_after, body.space_after_pt))
        pf.first_line_indent = Mm(body.first_line_indent_mm)
        if body.line_spacing == "exact":
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(body.line_spacing_value)
        else:
            pf.line_spacing = body.line_spacing_value
    if element in ("heading1", "heading2"):
        pf.keep_with_next = True


def apply_profile(doc: Any, profile: Profile) -> None:
    """Set the document's defaults, the ``VB_*`` styles and the first section from ``profile``.

    Times New Roman (the profile's font) on all four slots of the document defaults and of
    every style, theme fonts removed everywhere (styles and runs), A4 and the margins of the
    profile, mirrored margins when it asks for them, a different first page (no number on
    page 1) and a centred PAGE field in the header of the other pages.
    """
    font = profile.page.font
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_fonts(rpr, font)
    _strip_theme_fonts(styles_el)
    _strip_theme_fonts(doc.element)
    # Word 2010's copy of the styles (python-docx's default template has one) keeps theme
    # fonts; Word 2013 and later neither write nor need it.
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(r_id)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER,
                          WD_STYLE_TYPE.TABLE):
            _set_fonts(style.element.get_or_add_rPr(), font)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(profile.element("body").size)
    normal.font.name = font
    names = {s.name for s in doc.styles}
    for element in ELEMENTS:
        name = style_id(element)
        style = (doc.styles[name] if name in names
                 else doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
        style.base_style = normal
        _style_paragraph(style, profile.element(element), profile, element)
    section = doc.sections[0]
    set_page(section, profile, landscape=False)
    set_page_number_header(section, profile)
    settings = doc.settings.element
    mirror = settings.find(qn("w:mirrorMargins"))
    if profile.page.mirror_margins and mirror is None:
        settings.insert(0, OxmlElement("w:mirrorMargins"))
    elif not profile.page.mirror_margins and mirror is not None:
        settings.remove(mirror)


#: Elements of the công văn that the shipped profiles do not name yet (official-format.md §2.2,
#: §3.6, §3.9, §4): the excerpt under the number (Party 12 italic; State 12–13 upright, 6 pt
#: below the number) and the "Kính gửi:" line. A profile that defines ``[elements.<name>]``
#: takes precedence over these defaults.
EXTRA_ELEMENTS: dict[str, dict[str, ElementStyle]] = {
    "party": {"letter_excerpt": ElementStyle(12, italic=True, align="center"),
              "salutation": ElementStyle(14, align="center", space_before=12,
                                         space_after=6)},
    "state": {"letter_excerpt": ElementStyle(12, align="center", space_before=6),
              "salutation": ElementStyle(14, align="center", space_before=12,
                                         space_after=6)},
}


def extra_element(profile: Profile, name: str) -> ElementStyle:
    """The style of an element outside :data:`~desktop.reports.profiles.ELEMENTS`: the
    profile's own when it has one, else the regime's default of :data:`EXTRA_ELEMENTS`."""
    return profile.elements.get(name) or EXTRA_ELEMENTS[profile.regime][name]


def apply_extra_styles(doc: Any, profile: Profile, names: tuple[str, ...]) -> None:
    """The ``VB_<name>`` paragraph styles of extra elements (:func:`extra_element`), set like
    those of :func:`apply_profile`."""
    names_in_doc = {s.name for s in doc.styles}
    for name in names:
        sid = style_id(name)
        style = (doc.styles[sid] if sid in names_in_doc
                 else doc.styles.add_style(sid, WD_STYLE_TYPE.PARAGRAPH))
        style.base_style = doc.styles["Normal"]
        _style_paragraph(style, extra_element(profile, name), profile, name)


def set_page(section: Any, profile: Profile, *, landscape: bool) -> None:
    page = profile.page
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Mm(page.width_mm), Mm(page.height_mm)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = Mm(page.top_mm)
    section.bottom_margin = Mm(page.bottom_mm)
    section.left_margin = Mm(page.left_mm)
    section.right_margin = Mm(page.right_mm)
    section.header_distance = Mm(page.header_distance_mm)
    section.footer_distance = Mm(page.footer_distance_mm)
    section.gutter = Mm(0)


def set_landscape(section: Any, profile: Profile) -> None:
    set_page(section, profile, landscape=True)


def set_page_number_header(section: Any, profile: Profile) -> None:
    """No number on the section's first page; a centred PAGE field on the others."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    for p in list(header.paragraphs)[1:]:
        p._p.getparent().remove(p._p)
    paragraph = header.paragraphs[0]
    for child in list(paragraph._p):
        if child.tag != qn("w:pPr"):
            paragraph._p.remove(child)
    paragraph._p.get_or_add_pPr().style = style_id("page_number")
    paragraph.alignment = ALIGN["center"]
    size = int(profile.element("page_number").size * 2)
    font = escape(profile.page.font, {'"': "&quot;"})
    rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
           f'w:cs="{font}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')
    for xml in (f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:instrText xml:space="preserve"> PAGE '
                "</w:instrText></w:r>",
                f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:t>2</w:t></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


def restart_numbering(section: Any, start: int = 1) -> None:
    """``<w:pgNumType w:start="1"/>`` in the section's properties, in schema order."""
    sect_pr = section._sectPr
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is not None:
        sect_pr.remove(existing)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), str(start))
    # CT_SectPr knows the order of its children (pgNumType goes before cols, titlePg…)
    sect_pr.insert_element_before(
        pg, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
        "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
        "w:sectPrChange",
    )


# ------------------------------------------------------------------------------- tables


def borderless_table(doc: Any, widths_mm: tuple[float, ...]) -> Any:
    """A one-row table without borders, fixed layout, zero cell margins, top-aligned cells,
    its widths in the grid (``w:gridCol``, what LibreOffice reads) and in every cell
    (``w:tcW``, what Word reads)."""
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    for tag in ("w:tblStyle", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblW",
                "w:tblLook"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    total = sum(dxa(w) for w in widths_mm)
    tbl_pr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{total}" w:type="dxa"/>'))
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>'
        + "".join(f'<w:{side} w:val="nil"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))
    tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    tbl_pr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}>'
        + "".join(f'<w:{side} w:w="0" w:type="dxa"/>'
                  for side in ("top", "left", "bottom", "right"))
        + "</w:tblCellMar>"))
    _order_tbl_pr(tbl_pr)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
        tc_pr = cell._tc.get_or_add_tcPr()
        tc_pr.append(parse_xml(f'<w:vAlign {nsdecls("w")} w:val="top"/>'))
    return table


_TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                 "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                 "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


def _order_tbl_pr(tbl_pr: Any) -> None:
    """Children of ``w:tblPr`` in schema order (Word refuses some files otherwise)."""
    rank = {qn(f"w:{name}"): i for i, name in enumerate(_TBL_PR_ORDER)}
    children = sorted(tbl_pr, key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        tbl_pr.remove(child)
        tbl_pr.append(child)


def mark_header_row(row: Any) -> None:
    """Repeat ``row`` at the top of every page and never split it."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        if tr_pr.find(qn(tag)) is None:
            tr_pr.append(OxmlElement(tag))


def paragraph_xml(text: str, element: str, *, align: str | None = None,
                  keep_next: bool = False) -> str:
    """One ``w:p`` of an element's style, as a string (``text`` already :func:`safe`)."""
    ppr = f'<w:pStyle w:val="{style_id(element)}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if align:
        ppr += f'<w:jc w:val="{_JC[align]}"/>'
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"
