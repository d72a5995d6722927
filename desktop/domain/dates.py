"""Dates as Vietnamese officials type and print them.

Pure Python (no Qt). Dates are shown ``dd/mm/yyyy`` (:func:`format_date`), typed day first and
parsed tolerantly (:func:`parse_date`), and printed in the header of an official document as
"Quảng Trị, ngày 05 tháng 02 năm 2026" (:func:`official_date_line`): the day is zero-padded
below 10 and the month only for January and February (``official-format.md`` §2.3).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "DateParseError",
    "format_date",
    "official_date_line",
    "official_date_phrase",
    "parse_date",
]

MIN_YEAR = 1900
MAX_YEAR = 2100

_HINT = "Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026."


class DateParseError(ValueError):
    """A typed date that cannot be read; the message (Vietnamese) says why and how to fix it.

    ``text`` is the input as typed and ``reason`` the short explanation without the hint.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        if text.strip():
            message = f"Ngày không hợp lệ: «{text.strip()}» — {reason}. {_HINT}"
        else:
            message = f"{reason}. {_HINT}"
        super().__init__(message)


_SEP = r"(?:\s*[/.\-]\s*|\s+)"
_DAY_FIRST = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d+))?\.?", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_COMPACT = re.compile(r"\d{4}|\d{6}|\d{8}", re.ASCII)
# "ngày 05 tháng 02 năm 2026", as printed by official_date_phrase (also without "ngày").
_PHRASE = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})(?:\s*,?\s*năm\s*(\d+))?\.?", re.IGNORECASE
)


def parse_date(
    text: str | None,
    *,
    default_year: int | None = None,
    today: date | None = None,
) -> date:
    """Read a date typed day first, as a Vietnamese clerk types it.

    Accepted (surrounding spaces are ignored)::

        5/2  05/02/2026  5-2-26  5.2.2026  5 2 2026  05022026  050226  0502
        2026-02-05 (ISO)  ngày 05 tháng 02 năm 2026

    A missing year is *default_year*, or the year of *today* (default: the current date). A
    two-digit year ``yy`` means ``2000 + yy``. Years must lie in 1900–2100.

    :raises DateParseError: with a Vietnamese message naming the problem (empty input, text
        that is not a date, month outside 1–12, a day the month does not have — including
        29/02 in a non-leap year —, a year out of range).
    """
    raw = "" if text is None else str(text)
    s = unicodedata.normalize("NFKC", raw).strip()
    if not s:
        raise DateParseError(raw, "Chưa nhập ngày")

    if m := _ISO.fullmatch(s):
        year_text, month_text, day_text = m.groups()
    elif m := (_DAY_FIRST.fullmatch(s) or _PHRASE.fullmatch(s)):
        day_text, month_text, year_text = m.groups()
    elif _COMPACT.fullmatch(s):
        day_text, month_text, year_text = s[:2], s[2:4], (s[4:] or None)
    else:
        raise DateParseError(raw, "không đọc được ngày, tháng, năm")

    day, month = int(day_text), int(month_text)
    if year_text is None:
        year = default_year if default_year is not None else (today or date.today()).year
    elif len(year_text) == 2:
        year = 2000 + int(year_text)
    elif len(year_text) == 4:
        year = int(year_text)
    else:
        raise DateParseError(raw, "năm phải viết đủ 4 chữ số (hoặc 2 chữ số cuối)")

    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError(raw, f"năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    if not 1 <= month <= 12:
        raise DateParseError(raw, f"không có tháng {month} (tháng phải từ 1 đến 12)")
    days_in_month = calendar.monthrange(year, month)[1]
    if day < 1:
        raise DateParseError(raw, "không có ngày 0 (ngày phải từ 1 trở lên)")
    if day > days_in_month:
        raise DateParseError(raw, f"tháng {month} năm {year} chỉ có {days_in_month} ngày")
    return date(year, month, day)


def format_date(d: date | None) -> str:
    """``dd/mm/yyyy`` as shown on screen ("05/02/2026"); ``None`` gives ``""``."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def official_date_phrase(d: date) -> str:
    """The date part of the line: "ngày 05 tháng 02 năm 2026".

    The day is zero-padded below 10, the month only for January and February.
    """
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def official_date_line(place: str, d: date) -> str:
    """The place-and-date line of an official document: "Quảng Trị, ngày 05 tháng 02 năm 2026".

    Without a place (empty or blank) the line is just the phrase with a capital:
    "Ngày 05 tháng 02 năm 2026".
    """
    place = " ".join((place or "").split())
    phrase = official_date_phrase(d)
    if not place:
        return phrase[0].upper() + phrase[1:]
    return f"{place}, {phrase}"
