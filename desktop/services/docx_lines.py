"""The visible lines of a Word document, in reading order, with the formatting that matters.

Official documents put the header block and the signature block in borderless tables, break
lines inside a paragraph with Shift+Enter, align columns with tabs, and sometimes use text
boxes. :func:`read_lines` flattens all of that into :class:`Line` objects, one per visual
line (a paragraph split at its line breaks), each knowing whether it is bold, italic,
underlined, how it is aligned and where it sits (body, table cell, text box, page header).

Works on the python-docx object model and its XML (lxml) only; python-docx is imported by the
caller (:mod:`desktop.services.docx_package`), never at module import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.domain.text import clean_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_TAB_RUN = re.compile(r"\t+")

BODY, CELL, TEXTBOX, HEADER = "body", "cell", "textbox", "header"


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of text."""

    text: str  # clean (NFC, single spaces); tabs became spaces
    # the line split at its tab runs, each clean and non-empty — except a leading "" when the
    # line starts with a tab (a signature column reached with tabs: "\t\tTrần Văn A")
    segments: tuple[str, ...]
    bold: bool
    italic: bool
    underline: bool
    align: str  # "center" | "left" | "right" | "justify" | "" (inherited, unknown)
    where: str  # BODY | CELL | TEXTBOX | HEADER
    table: int = -1  # ordinal of the top-level table (or text box) it sits in
    row: int = -1
    col: int = -1
    para: int = 0  # ordinal of its paragraph in the whole document

    @property
    def blank(self) -> bool:
        return not self.text


_ALIGN = {0: "left", 1: "center", 2: "right", 3: "justify", 4: "justify", 5: "justify",
          7: "justify", 8: "justify", 9: "justify"}


def read_lines(document: Any) -> list[Line]:
    """Every visual line: the first section's page header, then the body in order."""
    from docx.text.paragraph import Paragraph

    reader = _Reader(Paragraph)
    section = document.sections[0] if len(document.sections) else None
    if section is not None:
        for header in (section.first_page_header, section.header):
            if not header.is_linked_to_previous:
                reader.walk(header._element, HEADER, -1, -1, -1, header)
    reader.walk(document.element.body, BODY, -1, -1, -1, document)
    return reader.lines


class _Reader:
    def __init__(self, paragraph_class: Any) -> None:
        self.Paragraph = paragraph_class
        self.lines: list[Line] = []
        self.tables = 0
        self.boxes = 0
        self.paras = 0
        self._seen_boxes: set[Any] = set()
        from lxml import etree

        self._boxes = etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)]",
                                  namespaces=_NS)

    def walk(self, element: Any, where: str, table: int, row: int, col: int,
             parent: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, where, table, row, col, parent)
            elif tag == W + "tbl":
                self.table(child, where, table, parent)
            elif tag in (W + "sdt", W + "customXml", W + "smartTag"):
                content = child.find(W + "sdtContent")
                self.walk(content if content is not None else child, where, table, row, col,
                          parent)

    def table(self, tbl: Any, where: str, outer: int, parent: Any) -> None:
        if outer >= 0:  # a nested table reads as part of its outer cell
            for r, tr in enumerate(tbl.iterchildren(W + "tr")):
                for c, tc in enumerate(tr.iterchildren(W + "tc")):
                    self.walk(tc, CELL, outer, r, c, parent)
            return
        index = self.tables
        self.tables += 1
        cell_where = CELL if where == BODY else where
        for r, tr in enumerate(tbl.iterchildren(W + "tr")):
            for c, tc in enumerate(tr.iterchildren(W + "tc")):
                self.walk(tc, cell_where, index, r, c, parent)

    def paragraph(self, p: Any, where: str, table: int, row: int, col: int,
                  parent: Any) -> None:
        para = self.Paragraph(p, parent)
        self.paras += 1
        for text, bold, italic, underline in _visual_lines(para):
            segments = _segments(text)
            self.lines.append(Line(clean_line(text), segments, bold, italic, underline,
                                   _alignment(para), where, table, row, col, self.paras))
        for box in self._boxes(p):
            if box in self._seen_boxes:  # nested boxes are found from every ancestor
                continue
            self._seen_boxes.add(box)
            self.boxes += 1
            self.walk(box, TEXTBOX, 10_000 + self.boxes, 0, 0, parent)


def _segments(text: str) -> tuple[str, ...]:
    parts = [clean_line(x) for x in _TAB_RUN.split(text)]
    kept = [x for x in parts if x]
    if kept and not parts[0] and len(parts) > 1:
        return ("", *kept)
    return tuple(kept)


def _visual_lines(para: Any) -> Iterator[tuple[str, bool, bool, bool]]:
    """(text, bold, italic, underline) of each line of a paragraph (split at line breaks).

    A line counts as bold (italic, underlined) when every visible character of it is."""
    style = para.style
    texts: list[str] = []
    counts = [0, 0, 0, 0]  # visible, bold, italic, underlined characters

    def flush() -> tuple[str, bool, bool, bool]:
        visible = counts[0]
        line = ("".join(texts), visible > 0 and counts[1] == visible,
                visible > 0 and counts[2] == visible, visible > 0 and counts[3] == visible)
        texts.clear()
        counts[:] = [0, 0, 0, 0]
        return line

    for run in _runs(para):
        flags = (_flag(run, style, "bold"), _flag(run, style, "italic"),
                 _flag(run, style, "underline"))
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                yield flush()
            texts.append(piece)
            visible = sum(1 for ch in piece if not ch.isspace())
            counts[0] += visible
            for k, flag in enumerate(flags, 1):
                if flag:
                    counts[k] += visible
    yield flush()


def _runs(para: Any) -> Iterator[Any]:
    for item in para.iter_inner_content():
        if hasattr(item, "runs") and not hasattr(item, "bold"):  # a hyperlink
            yield from item.runs
        else:
            yield item


def _flag(run: Any, para_style: Any, name: str) -> bool:
    """The effective bold/italic/underline of a run: direct, character style, paragraph
    style (each followed up its base styles)."""
    value = getattr(run.font, name)
    if value is None and run.style is not None:
        value = _style_value(run.style, lambda s: getattr(s.font, name))
    if value is None and para_style is not None:
        value = _style_value(para_style, lambda s: getattr(s.font, name))
    return bool(value)


def _style_value(style: Any, get: Any) -> Any:
    seen = 0
    while style is not None and seen < 10:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
        seen += 1
    return None


def _alignment(para: Any) -> str:
    value = para.alignment
    if value is None and para.style is not None:
        value = _style_value(para.style, lambda s: s.paragraph_format.alignment)
    if value is None:
        return ""
    return _ALIGN.get(int(value), "")
