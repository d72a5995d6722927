"""The two blocks of an official document laid out side by side: the header and the closing.

* :func:`header_columns` — the left column (superior and issuing body, "*", number, công văn
  excerpt) and the right column (regime heading, place and date) of the header: from the
  2-column table official documents use, or, when there is none, from the lines above the
  type title split at their tabs (text boxes count as lines).
* :func:`closing_block` — the "Nơi nhận:" list (left) and the signature (right): the two cells
  of a closing table, lines split at tabs, or the plain sequence "Nơi nhận:", "- …;" lines,
  then "T/M …", title, name (as in the sample directive).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.text import fold
from desktop.services import docx_fields as f
from desktop.services.docx_lines import BODY, CELL, HEADER, TEXTBOX, Line
from desktop.services.recipients import split_recipient_block

_BULLETS = ("-", "–", "—", "+", "•", "*")
_TERMINATORS = (";", ",", ".")
_FALLBACK_LINES = 25


@dataclass(frozen=True)
class Header:
    table: int  # index of the header table, -1 when the header is not a table
    left: list[tuple[str, Line]]  # (text, the line it comes from)
    right: list[tuple[str, Line]]


def header_columns(lines: list[Line], before: int) -> Header:
    """The header's two columns, looked for in the lines before index ``before`` (the type
    title)."""
    tables: list[int] = []
    for line in lines[:before]:
        if line.where in (CELL, HEADER) and line.table >= 0 and line.table not in tables:
            tables.append(line.table)
    for t in tables[:2]:
        cells = [x for x in lines if x.table == t and x.text]
        if not any(f.parse_number(x.text) or f.regime_heading(x.text) or
                   f.parse_date_line(x.text) for x in cells):
            continue
        cols = sorted({x.col for x in cells})
        if len(cols) < 2:
            continue
        return Header(t, [(x.text, x) for x in cells if x.col == cols[0]],
                      [(x.text, x) for x in cells if x.col == cols[-1]])
    return _header_without_table(lines)


def _header_without_table(lines: list[Line]) -> Header:
    """Above the title: tab-separated columns, text boxes, or lines one under the other. Only
    lines in capitals count as the issuing body, only "V/v …" or italic lines as a công văn
    excerpt."""
    left: list[tuple[str, Line]] = []
    right: list[tuple[str, Line]] = []
    seen_number = False
    count = 0
    for line in lines:
        if not line.text or line.where == CELL:
            continue
        count += 1
        folded = fold(line.text)
        if (count > _FALLBACK_LINES or f.type_for_title(line.text)
                or folded.startswith(("kinh gui", "noi nhan")) or line.align == "justify"
                or len(line.text) > 150):
            break
        segments = [s for s in line.segments if s]
        if len(line.segments) >= 2:
            if line.segments[0]:
                left.append((line.segments[0], line))
            right.append((line.segments[-1], line))
            continue
        text = segments[0] if segments else line.text
        if f.regime_heading(text) or f.parse_date_line(text) or line.align == "right":
            right.append((text, line))
        elif f.parse_number(text):
            seen_number = True
            left.append((text, line))
        elif (not seen_number and f.is_caps(text)) or f.is_rule(text) or (
            seen_number and (folded.startswith(("v v ", "ve viec ")) or line.italic)
        ):
            left.append((text, line))
    return Header(-1, left, right)


@dataclass(frozen=True)
class Closing:
    found_heading: bool
    recipients: list[str]
    authority: str
    title: str
    name: str


def closing_block(lines: list[Line], start: int) -> Closing:
    noi = _last(lines, start, lambda s: fold(s).startswith("noi nhan"))
    auth = _last(lines, start, lambda s: bool(f.AUTHORITY.match(s)))
    recipients: list[str] = []
    signature: list[str] = []
    if noi is not None:
        line = lines[noi]
        if line.where in (CELL, HEADER) and line.table >= 0:
            recipients, signature = _from_table(lines, noi)
        else:
            recipients, signature = _from_body(lines, noi)
    if not signature and auth is not None:
        signature = _signature_stream(lines, auth, noi)
    authority, title, name = _signature(signature)
    block = split_recipient_block("\n".join(recipients)) if recipients else []
    return Closing(noi is not None, block, authority, title, name)


def _last(lines: list[Line], start: int, test: Callable[[str], bool]) -> int | None:
    """Index of the last line from ``start`` with a segment passing ``test``."""
    for i in range(len(lines) - 1, start - 1, -1):
        if any(s and test(s) for s in lines[i].segments):
            return i
    return None


def _from_table(lines: list[Line], noi: int) -> tuple[list[str], list[str]]:
    """"Nơi nhận" in one cell of a closing table, the signature in the other."""
    at = lines[noi]
    first = next(s for s in at.segments if s and fold(s).startswith("noi nhan"))
    recipients = [f.strip_heading(first, "noi nhan")]
    recipients += [x.text for x in lines[noi + 1:]
                   if (x.table, x.row, x.col) == (at.table, at.row, at.col)]
    others = [x for x in lines if x.table == at.table and x.col != at.col]
    same_row = [x.text for x in others if x.row == at.row]
    return recipients, same_row if any(same_row) else [x.text for x in others]


def _from_body(lines: list[Line], noi: int) -> tuple[list[str], list[str]]:
    """"Nơi nhận:" and its list down the left, the signature to the right (after tabs) or
    below the list."""
    at = lines[noi]
    segments = list(at.segments)
    recipients = [f.strip_heading(segments[0], "noi nhan")] if segments[0] else []
    signature = [segments[-1]] if len(segments) >= 2 else []
    in_list = True
    for line in lines[noi + 1:]:
        if line.where not in (BODY, TEXTBOX):
            break
        segs = line.segments
        if not segs:
            continue
        if len(segs) >= 2:
            if segs[0] and in_list:
                recipients.append(segs[0])
            signature.append(segs[-1])
            continue
        text = segs[0]
        open_entry = bool(recipients) and not recipients[-1].endswith(_TERMINATORS)
        if in_list and (text.startswith(_BULLETS) or open_entry) and line.align != "right":
            recipients.append(text)
            if text.endswith(".") and fold(text.lstrip("".join(_BULLETS))).startswith("luu"):
                in_list = False
        else:
            in_list = False
            signature.append(text)
    return recipients, signature


def _signature_stream(lines: list[Line], auth: int, noi: int | None) -> list[str]:
    at = lines[auth]
    if at.where in (CELL, HEADER) and at.table >= 0:
        return [x.text for x in lines[auth:]
                if (x.table, x.row, x.col) == (at.table, at.row, at.col)]
    end = noi if noi is not None and noi > auth else len(lines)
    stream = []
    for line in lines[auth:end]:
        if line.where not in (BODY, TEXTBOX):
            break
        if line.segments:
            stream.append(line.segments[-1])
    return stream


def _signature(texts: list[str]) -> tuple[str, str, str]:
    """(authority, title, name) from the lines of a signature block."""
    texts = [t for t in texts if t and not (t.startswith("(") and t.endswith(")"))]
    i = 0
    authority: list[str] = []
    while i < len(texts) and not f.AUTHORITY.match(texts[i]):
        i += 1
    if i < len(texts):
        while i < len(texts) and f.AUTHORITY.match(texts[i]):
            authority.append(texts[i])
            i += 1
    else:
        i = next((k for k, t in enumerate(texts) if f.is_caps(t) and not f.is_rule(t)),
                 len(texts))
    title: list[str] = []
    while i < len(texts) and f.is_caps(texts[i]) and len(title) < 2:
        title.append(texts[i])
        i += 1
    name = next((t for t in reversed(texts[i:]) if f.looks_like_name(t)), "")
    return "\n".join(authority), " ".join(title), name
