"""The blocks the program builds into a template: header, signature, appendix sections.

Each block is laid out from the profile (widths, styles, punctuation); the text it holds is
cleaned with :func:`~desktop.reports.docx_base.safe`. Large tables are written as one XML
string and parsed once (lxml), about fifty times faster than python-docx's ``add_row`` at
20,000 rows (``tests/benchmarks/bench_word_report.py``).
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from desktop.reports.docx_base import (
    borderless_table,
    dxa,
    mark_header_row,
    paragraph_xml,
    restart_numbering,
    safe,
    set_landscape,
    set_page,
    style_id,
)
from desktop.reports.profiles import OfficeValues, Profile

__all__ = [
    "Column",
    "Progress",
    "add_paragraph",
    "header_block",
    "insert_section_break",
    "number_line",
    "recipient_lines",
    "roman",
    "rule_paragraph",
    "signature_block",
    "table_xml",
]

Progress = Callable[[float, str], None]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TRAILING_PUNCT = re.compile(r"[\s;,.]+$")


def roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


LETTER = "CV"


def symbol_pattern(profile: Profile, type_symbol: str, unit: str = "") -> str:
    """The pattern of a number and symbol. A State công văn has no type abbreviation: the
    body's, then the drafting unit's ("Số: 1234/SNV-VP", NĐ 30 Phụ lục III); every other
    document follows the profile ("15-BC/BTGDVTU", "05/BC-UBND")."""
    if profile.regime == "state" and type_symbol == LETTER:
        return "{number}/{body}" + (f"-{unit}" if unit else "")
    return profile.rules.number_pattern


def number_line(profile: Profile, number: str, type_symbol: str, body_symbol: str,
                unit: str = "") -> str:
    """"Số 15-BC/BTGDVTU" (Party) / "Số: 15/BC-UBND" (State; a công văn "Số: 15/UBND-VP");
    a blank number keeps spaces for the records clerk to write it in."""
    rules = profile.rules
    number = safe(number)
    if number.isdigit() and len(number) < rules.number_zero_pad:
        number = number.zfill(rules.number_zero_pad)
    text = symbol_pattern(profile, type_symbol, safe(unit)).format(
        number=number or rules.blank_number, type=type_symbol, body=body_symbol)
    return rules.number_prefix + text


def recipient_lines(profile: Profile, office: OfficeValues, lines: Sequence[str]) -> list[str]:
    """"- X;" lines with the office's (or the profile's) punctuation, the last one ending
    with ".". Punctuation the clerk typed at the line ends is replaced."""
    mid = office.recipient_line_end or profile.rules.recipient_line_end
    last = office.recipient_last_end or profile.rules.recipient_last_end
    cleaned = [_TRAILING_PUNCT.sub("", safe(line).lstrip("-–• ").strip()) for line in lines]
    cleaned = [c for c in cleaned if c]
    return [f"- {c}{last if i == len(cleaned) - 1 else mid}" for i, c in enumerate(cleaned)]


# ------------------------------------------------------------------------------- paragraphs


def add_paragraph(container: Any, text: str, element: str) -> Any:
    """A paragraph of an element's style at the end of ``container`` (document or cell)."""
    paragraph = container.add_paragraph(safe(text))
    paragraph._p.get_or_add_pPr().style = style_id(element)
    return paragraph


def rule_paragraph(length_mm: float, width_mm: float, element: str) -> Any:
    """An empty paragraph whose bottom border is a solid rule ``length_mm`` long, centred in
    ``width_mm`` (the indents set its length); 2 pt high so it sits right under the text."""
    side = max(0, dxa((width_mm - length_mm) / 2))
    return parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id(element)}"/>'
        '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="0" w:line="40" w:lineRule="exact"/>'
        f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/>'
        '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>'
    )


def _fill_cell(cell: Any, items: list[tuple[str, str]]) -> None:
    """Paragraphs (text, element) in a cell; the cell's empty first paragraph is reused."""
    first = True
    for text, element in items:
        if element == "__rule__":
            cell._tc.append(copy.deepcopy(text))  # type: ignore[arg-type]
            first = False
            continue
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if text:  # the number line keeps the spaces left for the records clerk
            paragraph.add_run(text if element == "number" else safe(text))
        paragraph._p.get_or_add_pPr().style = style_id(element)


# ------------------------------------------------------------------------------- blocks

_CAPS_MM_PER_PT = 3.1 / 14  # average width of a bold capital (Times) per point of size


def wrap_caps(line: str, width_mm: float, size: float) -> list[str]:
    """A name in capitals split in two when it would not fit the column, the way offices
    write it: after "VÀ" when there is one ("BAN TUYÊN GIÁO VÀ / DÂN VẬN"), else where the
    two halves are most even. Names the office typed on several lines are left alone."""
    if len(line) * _CAPS_MM_PER_PT * size <= width_mm - 2:
        return [line]
    words = line.split(" ")
    if "VÀ" in words[1:-1]:
        at = len(words) - 1 - words[::-1].index("VÀ")
        return [" ".join(words[:at + 1]), " ".join(words[at + 1:])]
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i]))
                                                       - len(" ".join(words[i:]))),
               default=0)
    return [" ".join(words[:best]), " ".join(words[best:])] if best else [line]


def header_block(doc: Any, profile: Profile, office: OfficeValues, number: str,
                 date_line: str) -> Any:
    """The two-column borderless header of page 1 (``official-format.md`` §2.2, §3.2–3.5)."""
    h = profile.header
    table = borderless_table(doc, (h.left_mm, h.right_mm))
    left, right = table.rows[0].cells
    items: list[tuple[Any, str]] = []
    if office.superior_name:
        items.append((office.superior_name, "superior"))
    size = profile.element("issuer").size
    items += [(line, "issuer") for name in office.name_lines
              for line in wrap_caps(safe(name), h.left_mm, size)]
    if h.issuer_mark == "*":
        items.append(("*", "issuer_mark"))
    else:
        items.append((rule_paragraph(h.issuer_rule_mm, h.left_mm, "issuer_mark"), "__rule__"))
    items.append((number, "number"))
    _fill_cell(left, items)
    right_items: list[tuple[Any, str]] = [(h.title, "title")]
    if h.motto:
        right_items.append((h.motto, "motto"))
    rule = rule_paragraph(h.rule_length_mm, h.right_mm, "title")
    right_items.append((rule, "__rule__"))
    right_items.append(("", "date_line"))
    right_items.append((date_line, "date_line"))
    _fill_cell(right, right_items)
    return table


def signature_block(doc: Any, profile: Profile, office: OfficeValues,
                    recipients: Sequence[str]) -> Any:
    """Nơi nhận (left) and the signature (right) in one row that cannot split."""
    f = profile.footer
    table = borderless_table(doc, (f.left_mm, f.right_mm))
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = row.cells
    lines = recipient_lines(profile, office, recipients)
    _fill_cell(left, [("Nơi nhận:", "recipients_label")] + [(x, "recipients") for x in lines])
    items: list[tuple[Any, str]] = []
    if office.signer_authority:
        items.append((office.signer_authority, "authority"))
    if office.signer_title:
        items.append((office.signer_title, "signer_title"))
    items += [("", "signer_title")] * f.signature_blank_lines
    items.append((office.signer_name, "signer_name"))
    _fill_cell(right, items)
    for p in left.paragraphs + right.paragraphs:
        p.paragraph_format.keep_with_next = True
    return table


def insert_section_break(doc: Any, before: Any) -> Any:
    """End the current section just before the element ``before``: the content above keeps
    the first section's properties (portrait, its headers); the content from ``before`` on is
    the last section, which is returned."""
    body = doc.element.body
    final = body.sectPr
    p = OxmlElement("w:p")
    p.get_or_add_pPr().append(copy.deepcopy(final))
    before.addprevious(p)
    return doc.sections[-1]


def appendix_section(doc: Any, profile: Profile, marker: Any) -> Any:
    """The appendix's own section from ``marker`` on: landscape (when the profile says so),
    numbering restarting at 1, no number on its first page."""
    section = insert_section_break(doc, marker)
    if profile.page.landscape_appendix:
        set_landscape(section, profile)
    restart_numbering(section, 1)
    section.different_first_page_header_footer = True
    return section


# ------------------------------------------------------------------------------- big tables


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width_mm: float
    align: str = "left"  # of the data cells
    group: str = ""  # a title spanning consecutive columns in a first header row


def _cell(text: str, width: int, element: str, align: str, extra: str = "") -> str:
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}'
            '<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id(element)}"/>'
            f'<w:jc w:val="{ {"left": "left", "center": "center", "right": "right"}[align]}"/>'
            f"</w:pPr>{run}</w:p></w:tc>")


def _escape(text: str) -> str:
    """XML text escaping without a function call per character class when nothing needs it
    (most cells are digits and names)."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def table_xml(columns: Sequence[Column], rows: Sequence[Sequence[str]],
              bold_last: bool = False, progress: Progress | None = None,
              label: str = "") -> str:
    """A bordered, fixed-width table as a ``w:tbl`` string (no namespace declaration: it is
    spliced into ``word/document.xml``, see :func:`splice_tables`): header row(s) repeated
    on every page, no row split across pages. ``rows`` hold cleaned text
    (:func:`~desktop.reports.docx_base.safe`)."""
    widths = [dxa(c.width_mm) for c in columns]
    grouped = any(c.group for c in columns)
    header_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    parts = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblBorders>'
        + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
        '<w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    ]
    if grouped:
        first, second = [header_pr], [header_pr]
        i = 0
        while i < len(columns):
            c = columns[i]
            if c.group:
                j = i
                while j < len(columns) and columns[j].group == c.group:
                    j += 1
                span = j - i
                first.append(_cell(c.group, sum(widths[i:j]), "table_header", "center",
                                   f'<w:gridSpan w:val="{span}"/>'))
                second += [_cell(columns[k].title, widths[k], "table_header", "center")
                           for k in range(i, j)]
                i = j
            else:
                first.append(_cell(c.title, widths[i], "table_header", "center",
                                   '<w:vMerge w:val="restart"/>'))
                second.append(_cell("", widths[i], "table_header", "center", "<w:vMerge/>"))
                i += 1
        parts += ["<w:tr>", *first, "</w:tr><w:tr>", *second, "</w:tr>"]
    else:
        parts.append("<w:tr>" + header_pr + "".join(
            _cell(c.title, w, "table_header", "center") for c, w in zip(columns, widths,
                                                                        strict=True))
            + "</w:tr>")
    # the cell openings are formatted once; only the text changes per row
    before = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
              f'<w:pStyle w:val="{style_id("table_cell")}"/><w:jc w:val="{c.align}"/></w:pPr>'
              for w, c in zip(widths, columns, strict=True)]
    empty = [f"{head}</w:p></w:tc>" for head in before]
    total = len(rows)
    step = max(1, total // 20)
    last_index = total - 1
    row_start = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    for n, row in enumerate(rows):
        bold = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold_last and n == last_index else ""
        cells = [
            f'{head}<w:r>{bold}<w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p></w:tc>'
            if text else blank
            for head, blank, text in zip(before, empty, row, strict=True)
        ]
        parts.append(row_start + "".join(cells) + "</w:tr>")
        if progress is not None and n % step == 0:
            progress(n / max(total, 1), label)
    parts.append("</w:tbl>")
    return "".join(parts)


_SPLICE = "\u27e6TABLE:{}\u27e7"


def table_slot(index: int) -> Any:
    """A placeholder paragraph for the table spliced in by :func:`splice_tables`."""
    return parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>{_SPLICE.format(index)}</w:t></w:r></w:p>')


def splice_tables(docx: bytes, tables: Sequence[str]) -> bytes:
    """Put the table strings in place of their slots in ``word/document.xml``.

    Building a 20,000-row table as lxml elements and moving it into the document costs
    seconds (every node is re-homed); as text it is one string join, and the XML is parsed
    by nobody until Word opens the file.
    """
    if not tables:
        return docx
    source = zipfile.ZipFile(io.BytesIO(docx))
    xml = source.read("word/document.xml").decode("utf-8")
    pieces = []
    for index, table in enumerate(tables):
        slot = f"<w:p><w:r><w:t>{_SPLICE.format(index)}</w:t></w:r></w:p>"
        if xml.count(slot) != 1:
            raise ValueError(f"table slot {index} not found exactly once")
        before, xml = xml.split(slot)
        pieces += [before, table]
    pieces.append(xml)
    source.close()
    return replace_document_xml(docx, "".join(pieces))


def replace_document_xml(docx: bytes, xml: str) -> bytes:
    """The .docx with ``word/document.xml`` replaced by ``xml`` (the other parts copied)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            data = (xml.encode("utf-8") if info.filename == "word/document.xml"
                    else source.read(info.filename))
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


def header_rows_marked(table_el: Any) -> int:
    """How many rows of a table element repeat as header (for tests and checks)."""
    return sum(1 for tr in table_el.iter(qn("w:tr"))
               if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None)


def paragraph(text: str, element: str, *, clean: bool = True, **kwargs: Any) -> Any:
    """A ``w:p`` element of an element's style (``text`` is cleaned here unless ``clean`` is
    False: text built of parts cleaned one by one, with spaces that must stay)."""
    xml = paragraph_xml(safe(text) if clean else text, element, **kwargs)
    return parse_xml(xml.replace("<w:p>", f'<w:p {nsdecls("w")}>', 1))


__all__ += ["appendix_section", "header_rows_marked", "mark_header_row", "paragraph",
            "splice_tables", "table_slot", "wrap_caps"]


# ------------------------------------------------------------------------------- shared by the
# outputs built on a template (through desktop.reports.official)


def find_markers(doc: Any, names: Sequence[str]) -> dict[str, Any]:
    """The paragraphs holding the rendered block placeholders (``⟦name⟧``), by name."""
    from desktop.reports.templates import BLOCK_MARK

    marks = {BLOCK_MARK.format(n): n for n in names}
    found = {}
    for p in doc.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        if text in marks:
            found[marks[text]] = p
    return found


def replace_marker(marker: Any, elements: Sequence[Any]) -> None:
    """Put ``elements`` where the marker paragraph is, and remove it."""
    for el in elements:
        marker.addprevious(el)
    marker.getparent().remove(marker)


def separator(profile: Profile) -> Any:
    """What goes under the excerpt: "-----" (Party) or a rule a third of the line (State)."""
    sep = profile.rules.excerpt_separator
    if sep == "rule":
        width = profile.page.usable_width_mm
        return rule_paragraph(width / 3, width, "separator")
    return paragraph(sep, "separator")


def style_of(p: Any) -> str:
    """The paragraph style id of a ``w:p`` element ("" when none)."""
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return style.get(qn("w:val")) if style is not None else ""


def text_of(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _set_text(p: Any, text: str) -> None:
    """The paragraph's text in its first run (the others removed), keeping the run's format."""
    runs = p.findall(qn("w:r"))
    if not runs:
        p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{escape(text)}'
                           "</w:t></w:r>"))
        return
    for r in runs[1:]:
        p.remove(r)
    texts = runs[0].findall(qn("w:t"))
    for t in texts[1:]:
        runs[0].remove(t)
    texts[0].text = text
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def number_headings(doc: Any, profile: Profile) -> None:
    """Number the ``VB_heading1`` paragraphs I, II… the profile's way ("I- " / "I. ")."""
    heading = style_id("heading1")
    heads = [p for p in doc.element.body if p.tag == qn("w:p") and style_of(p) == heading]
    for n, head in enumerate(heads, start=1):
        title = text_of(head).strip()
        _set_text(head, profile.rules.section_numbering.format(roman=roman(n), title=title))


def close_text(before: Any, profile: Profile) -> None:
    """The last paragraph of text before ``before`` (the signature block) ends the profile's
    way ("." Party, "./." State) and is kept on the page of the signature."""
    p = before.getprevious()
    while p is not None and (p.tag != qn("w:p") or not text_of(p).strip()):
        p = p.getprevious()
    if p is None:
        return
    end = profile.rules.text_end
    texts = p.findall(f"{qn('w:r')}/{qn('w:t')}")
    if end != "." and texts and texts[-1].text:
        last = texts[-1].text.rstrip()
        if last.endswith(".") and not last.endswith(end):
            texts[-1].text = last[:-1] + end
    p.get_or_add_pPr().keepNext_val = True


def letter_header_block(doc: Any, profile: Profile, office: OfficeValues, number: str,
                        date_line: str, excerpt: str) -> Any:
    """The header of a công văn: :func:`header_block` with the excerpt ("về việc …" / "V/v …")
    under the number in the left column (official-format.md §2.2 item 5, §3.6)."""
    table = header_block(doc, profile, office, number, date_line)
    left = table.rows[0].cells[0]
    for line in (x for x in excerpt.split("\n") if x.strip()):
        left._tc.append(paragraph(line, "letter_excerpt"))
    return table


def register_header_block(doc: Any, profile: Profile, office: OfficeValues,
                          date_line: str) -> Any:
    """The header of a printed register: :func:`header_block` without a number line."""
    table = header_block(doc, profile, office, "", date_line)
    left = table.rows[0].cells[0]
    last = left.paragraphs[-1]
    if not last.text:
        last._p.getparent().remove(last._p)
    return table


def attachment_section(doc: Any, profile: Profile, marker: Any, *,
                       landscape: bool) -> Any:
    """A section of its own from ``marker`` on (a list attached to a letter, a letter of a
    batch): a new page, numbering restarting at 1, no number on its first page; landscape or
    portrait as asked. The returned section keeps the page number header."""
    section = insert_section_break(doc, marker)
    if landscape:
        set_landscape(section, profile)
    else:
        set_page(section, profile, landscape=False)
    restart_numbering(section, 1)
    section.different_first_page_header_footer = True
    return section


__all__ += ["attachment_section", "close_text", "find_markers", "letter_header_block",
            "number_headings", "register_header_block", "replace_document_xml", "replace_marker",
            "separator",
            "style_of", "text_of"]
