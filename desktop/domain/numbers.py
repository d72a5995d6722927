"""Numbers as Vietnamese officials write them: "35.599/35.900 đảng viên, đạt 99,16%".

Pure Python (no Qt). Thousands are separated with "." and decimals with ",". Percentages are
rounded half up (not to even) on their decimal representation, so 0.125 → "0,13%" and
1.005 → "1,01%", as a clerk rounding by hand would.

Trailing zeros of a percentage: a value whose shown decimals are all zero is written without
them ("100%", "50%"); otherwise all *decimals* digits are kept ("95,80%", not "95,8%"), so the
column of a statistics table lines up.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "MAX_INT",
    "NumberParseError",
    "format_int",
    "format_percent",
    "format_ratio",
    "parse_int",
    "percent",
]

MAX_INT = 2**63 - 1
"""The largest whole number accepted by :func:`parse_int` (a 64-bit database integer)."""


class NumberParseError(ValueError):
    """A typed number that cannot be read; the message (Vietnamese) says why and how to fix it.

    ``text`` is the input as typed and ``reason`` the short explanation.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        if text.strip():
            message = f"Số không hợp lệ: «{text.strip()}» — {reason}."
        else:
            message = f"{reason}."
        super().__init__(message)


def _group_thousands(digits: str) -> str:
    """'35599' → '35.599' (digits only, no sign)."""
    return f"{int(digits):,}".replace(",", ".")


def format_int(n: int | None) -> str:
    """35599 → "35.599", -1234 → "-1.234", ``None`` → ""."""
    if n is None:
        return ""
    return f"{int(n):,}".replace(",", ".")


def format_percent(value: float | None, decimals: int = 2) -> str:
    """99.1643 → "99,16%", 95.8 → "95,80%", 100 → "100%", ``None`` → "".

    Rounded half up to *decimals* places; all-zero decimals are dropped ("100%"), otherwise
    every decimal place is kept. A value that rounds to zero is "0%" (never "-0%").

    :raises ValueError: for NaN or infinity (a bug upstream, never a figure to print).
    """
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"Tỉ lệ phần trăm không hợp lệ: {value!r}")
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        return "0%"
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = sign + _group_thousands(whole)
    if fraction.strip("0"):
        text += "," + fraction
    return text + "%"


def percent(part: int | float | None, total: int | float | None) -> float | None:
    """*part* as a percentage of *total* (35599, 35900 → 99.164…); ``None`` when *total* is
    0 or ``None`` or *part* is ``None``."""
    if not total or part is None:
        return None
    return part * 100 / total


def format_ratio(
    part: int | None,
    total: int | None,
    unit: str = "",
    *,
    decimals: int = 2,
) -> str:
    """Part of a total with its rate: "35.599/35.900 đảng viên, đạt 99,16%".

    Without a unit: "35.599/35.900, đạt 99,16%". When *total* is 0 or ``None`` only the part is
    given ("35.599 đảng viên"); when *part* is ``None`` the result is "".
    """
    if part is None:
        return ""
    unit = unit.strip()
    suffix = f" {unit}" if unit else ""
    ratio = percent(part, total)
    if ratio is None:
        return f"{format_int(part)}{suffix}"
    return f"{format_int(part)}/{format_int(total)}{suffix}, đạt {format_percent(ratio, decimals)}"


_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2010": "-", "\u2011": "-"})
_GROUPED = re.compile(r"\d{1,3}(?:[.\s]\d{3})+", re.ASCII)
_PLAIN = re.compile(r"\d+", re.ASCII)


def parse_int(text: str | None, *, allow_negative: bool = False) -> int:
    """Read a whole number typed in a Vietnamese form.

    Accepts "1234", "1.234", "1 234", "1.234.567" (dot or space between groups of three) and a
    leading "+" or "-" (a negative only when *allow_negative*). Rejects "1,5" and "1,234": in
    Vietnamese the comma is the decimal separator, so these are not whole numbers (and reading
    "1,234" as one thousand would silently be wrong by a factor of a thousand).

    :raises NumberParseError: with a Vietnamese message saying why and how to fix it.
    """
    raw = "" if text is None else str(text)
    s = unicodedata.normalize("NFKC", raw).translate(_MINUS_SIGNS).strip()
    if not s:
        raise NumberParseError(raw, "Chưa nhập số")
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:].lstrip()
    if "," in s:
        raise NumberParseError(
            raw,
            "ô này chỉ nhận số nguyên; dấu phẩy là dấu thập phân. "
            "Hàng nghìn viết bằng dấu chấm, ví dụ 1.234",
        )
    if _PLAIN.fullmatch(s):
        digits = s
    elif _GROUPED.fullmatch(s):
        digits = re.sub(r"[.\s]", "", s)
    elif re.fullmatch(r"[\d.\s]+", s, re.ASCII) and any(c.isdigit() for c in s):
        raise NumberParseError(
            raw,
            "dấu chấm (hoặc dấu cách) chỉ dùng để tách từng nhóm 3 chữ số, ví dụ 1.234 hoặc "
            "35.599; ô này chỉ nhận số nguyên",
        )
    else:
        raise NumberParseError(raw, "chỉ được nhập chữ số, ví dụ 1.234")
    if len(digits.lstrip("0")) > 19 or int(digits) > MAX_INT:
        raise NumberParseError(raw, "số quá lớn")
    value = sign * int(digits)
    if value < 0 and not allow_negative:
        raise NumberParseError(raw, "không được nhập số âm")
    return value
