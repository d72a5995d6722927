"""What read-only openpyxl cannot see in a worksheet: merged ranges, uncached formulas.

``openpyxl`` in read-only mode (the only mode bounded enough for untrusted files) drops the
``<mergeCells>`` block and, with ``data_only``, shows a formula whose result was never saved as
an empty cell. :func:`scan_sheet_xml` finds both by scanning the inflated worksheet part once,
in chunks of :data:`SCAN_CHUNK` bytes, with regular expressions — no XML parsing, so no entity
can expand and the cost is a few milliseconds per megabyte. A chunk is cut after its last
``</row>`` so a cell never straddles two chunks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO

SCAN_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SheetScan:
    """What read-only openpyxl cannot see: merged ranges and formulas without cached values."""

    #: (min_col, min_row, max_col, max_row), 1-based, and the range as written ("A1:H1")
    merged: tuple[tuple[int, int, int, int, str], ...] = ()
    #: cells ("C17") holding a formula whose result was never saved
    uncached_formulas: tuple[str, ...] = ()
    formulas: int = 0


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_MERGE = re.compile(rb"<" + _NS + rb"mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3}\d{1,7}"
                    rb"(?::[A-Za-z]{1,3}\d{1,7})?)\"")
_FORMULA = re.compile(rb"<" + _NS + rb"f[\s>/]")
_CELL_OPEN = re.compile(rb"<" + _NS + rb"c\s([^>]*)>\s*\Z")
_CELL_END = re.compile(rb"</" + _NS + rb"c>")
_ATTR_R = re.compile(rb"\br=\"([A-Za-z]{1,3}\d{1,7})\"")
_ATTR_T = re.compile(rb"\bt=\"(\w+)\"")
_VALUE = re.compile(rb"<" + _NS + rb"v>([^<]+)</")
_ROW_END = re.compile(rb"</" + _NS + rb"row>")
_MAX_LISTED = 1000


def scan_sheet_xml(stream: IO[bytes]) -> SheetScan:
    """Scan a worksheet part once, in chunks, for merged ranges and uncached formulas."""
    from openpyxl.utils.cell import range_boundaries

    merged: list[tuple[int, int, int, int, str]] = []
    uncached: list[str] = []
    formulas = 0
    tail = b""
    while True:
        chunk = stream.read(SCAN_CHUNK)
        buf = tail + chunk
        if not chunk:
            cut = len(buf)
        else:
            ends = [m.end() for m in _ROW_END.finditer(buf, max(0, len(buf) - SCAN_CHUNK))]
            cut = ends[-1] if ends else buf.rfind(b">") + 1
            if cut <= 0 or len(buf) - cut > 8 * SCAN_CHUNK:
                cut = len(buf)  # a monstrous row: bound the memory, accept a missed formula
        seg, tail = buf[:cut], buf[cut:]
        for m in _MERGE.finditer(seg):
            ref = m.group(1).decode("ascii").upper()
            if ":" in ref and len(merged) < _MAX_LISTED:
                min_col, min_row, max_col, max_row = range_boundaries(ref)
                merged.append((min_col, min_row, max_col, max_row, ref))  # type: ignore[arg-type]
        for m in _FORMULA.finditer(seg):
            formulas += 1
            ref = _uncached_formula_cell(seg, m.start())
            if ref and len(uncached) < _MAX_LISTED:
                uncached.append(ref)
        if not chunk:
            break
    return SheetScan(tuple(merged), tuple(uncached), formulas)


def _uncached_formula_cell(seg: bytes, pos: int) -> str | None:
    start = seg.rfind(b"<", 0, pos)
    opening = _CELL_OPEN.match(seg, start, pos) if start >= 0 else None
    end = _CELL_END.search(seg, pos)
    if opening is None or end is None:
        return None
    attrs = opening.group(1)
    body = seg[pos:end.start()]
    if _VALUE.search(body):
        return None
    kind = _ATTR_T.search(attrs)
    if kind and kind.group(1) == b"str" and b"<v" in body:
        return None  # a formula whose cached result is the empty string
    ref = _ATTR_R.search(attrs)
    return ref.group(1).decode("ascii").upper() if ref else "?"
