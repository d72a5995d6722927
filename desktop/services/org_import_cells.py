"""Organisation import: one cell, as openpyxl hands it over, to a clean typed value.

Each reader returns the value (``None`` for an empty cell) or raises :class:`CellProblem` with
the Vietnamese reason; the caller adds the cell's address. Text is NFC without control
characters (Excel's ``_x0001_`` escapes, which openpyxl leaves in place, are decoded first so
the characters they stand for are removed too); a fast path returns text that is already clean
as it is (20,000 rows × 11 cells). Numbers are whole and not negative ("1.234" via
``parse_int``); dates are real dates, serials in the workbook's epoch (1900 or 1904), or text
typed day first.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import Any

from openpyxl.utils.datetime import from_excel

from desktop.domain.dates import MAX_YEAR, MIN_YEAR, DateParseError, format_date, parse_date
from desktop.domain.numbers import NumberParseError, parse_int
from desktop.domain.text import clean_line, clean_text

#: Error values a cell shows when its formula failed (read as text with ``data_only``).
ERRORS = frozenset({"#REF!", "#VALUE!", "#N/A", "#NAME?", "#DIV/0!", "#NULL!", "#NUM!",
                    "#SPILL!", "#CALC!", "#GETTING_DATA"})
_XESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class CellProblem(ValueError):
    """The cell's value cannot be used; ``str()`` is the reason in Vietnamese."""


def unescape(text: str) -> str:
    """OOXML escapes characters XML cannot hold as ``_xHHHH_`` (openpyxl leaves them)."""
    if "_x" not in text:
        return text
    return _XESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def is_clean(text: str) -> bool:
    """True when ``clean_line`` (and ``clean_text``) would return ``text`` unchanged."""
    return (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
            and "_x" not in text and unicodedata.is_normalized("NFC", text))


def _formula_error(text: str) -> CellProblem:
    return CellProblem(f"Ô có lỗi công thức {text}. Sửa ô này rồi nhập lại.")


def read_text(value: Any, limit: int) -> tuple[str | None, bool]:
    """(single-line text or None, whether control characters were removed)."""
    if value is None:
        return None, False
    removed = False
    if value.__class__ is str and value[0] != "#" and is_clean(value):
        text = value
    elif isinstance(value, str):
        if value.strip() in ERRORS:
            raise _formula_error(value.strip())
        text = unescape(value)
        removed = _CONTROL.search(text) is not None
        text = clean_line(text)
    elif isinstance(value, datetime | date):
        text = format_date(value.date() if isinstance(value, datetime) else value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = clean_line(str(value))
    if len(text) > limit:
        raise CellProblem(f"Quá dài ({len(text)} ký tự; tối đa {limit}).")
    return text or None, removed


def read_note(value: Any) -> str | None:
    """Multi-line text (line breaks kept)."""
    if value is None:
        return None
    text = value if value.__class__ is str else str(value)
    if not is_clean(text):
        text = clean_text(unescape(text))
    return text or None


def read_int(value: Any, label: str) -> int | None:
    """A whole number, not negative: 12, 12.0, "1.234"."""
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, datetime | date | time):
        raise CellProblem(f"{label} phải là số nguyên, ô này không phải số.")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellProblem(f"{label} phải là số nguyên (ô ghi {value}).")
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise CellProblem(f"{label} không được âm (ô ghi {value}).")
        return value
    text = str(value).strip()
    if text in ERRORS:
        raise _formula_error(text)
    try:
        return parse_int(text)
    except NumberParseError as exc:
        raise CellProblem(f"{label}: {exc}") from None


def read_date(value: Any, label: str, epoch: datetime) -> date | None:
    """A real date, a serial number in the workbook's ``epoch``, or dd/mm/yyyy text."""
    if value is None:
        return None
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            converted = from_excel(value, epoch) if value >= 1 else None
        except (OverflowError, ValueError):
            converted = None
        if not isinstance(converted, datetime):
            raise CellProblem(f"{label}: «{value}» không phải là ngày. Nhập theo dạng "
                              "ngày/tháng/năm, ví dụ 01/07/2025.")
        result = converted.date()
    else:
        text = str(value).strip()
        if text in ERRORS:
            raise _formula_error(text)
        try:
            result = parse_date(unescape(text))
        except DateParseError as exc:
            raise CellProblem(f"{label}: {exc}") from None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise CellProblem(f"{label}: năm {result.year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.")
    return result
