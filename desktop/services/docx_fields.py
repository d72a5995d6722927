"""Recognising the fixed elements of an official document in its text lines (pure functions).

The number line ("Số 15-CT/TU", "Số: 12/QĐ-UBND"), the place and date line ("Hà Sơn, ngày 05
tháng 02 năm 2026"), the heading of each regime ("ĐẢNG CỘNG SẢN VIỆT NAM" / "CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM"), the type title ("CHỈ THỊ", "QUYẾT ĐỊNH"…), separator rules, the
signer's authority ("T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH") and names, as written in
``official-format.md`` for both regimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import Regime
from desktop.domain.text import fold

#: Document types: code (as in the ``document_types`` list) and name.
DOCUMENT_TYPES: tuple[tuple[str, str], ...] = (
    ("CT", "Chỉ thị"), ("NQ", "Nghị quyết"), ("KL", "Kết luận"), ("QĐi", "Quy định"),
    ("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("HD", "Hướng dẫn"), ("CTr", "Chương trình"),
    ("BC", "Báo cáo"), ("TB", "Thông báo"), ("TTr", "Tờ trình"), ("TT", "Thông tri"),
    ("QC", "Quy chế"), ("ĐA", "Đề án"), ("PA", "Phương án"), ("BB", "Biên bản"),
    ("GM", "Giấy mời"), ("CV", "Công văn"),
)
CONG_VAN = ("CV", "Công văn")
_BY_TITLE = {fold(name).replace(" ", ""): (code, name) for code, name in DOCUMENT_TYPES
             if code != "CV"}
_BY_CODE = {code: (code, name) for code, name in DOCUMENT_TYPES}
_BY_CODE["QyĐ"] = _BY_CODE["QĐi"]  # the State abbreviation of "Quy định" (NĐ 30)

_NUMBER = re.compile(r"^Số\s*[:.]?\s*(?P<n>\d*)\s*(?P<sep>[-/])\s*(?P<sym>\S.*)$",
                     re.IGNORECASE)
_DATE = re.compile(
    r"(?P<place>[^,]*?)\s*,?\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?"
    r"[\s.…_]*năm\s*(?P<y>\d{4})?",
    re.IGNORECASE,
)
AUTHORITY = re.compile(r"^(?:T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s*\S")
_RULE = re.compile(r"^[\s*\-_–—=─━~·.]+$")
_PARTY = "dang cong san viet nam"
_STATE = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")
_MARKS = ("khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat")


@dataclass(frozen=True, slots=True)
class NumberLine:
    number: str  # "15", "05", or "" when left blank for the văn thư
    symbol: str  # "CT/TU", "QĐ-UBND"
    type_abbr: str  # "CT", "QĐ", "" (State công văn: no type in the symbol)
    body_symbol: str  # "TU", "UBND"
    regime: str


def parse_number(text: str) -> NumberLine | None:
    """The number line, or None. Party "Số 15-CT/TU"; State "Số: 15/QĐ-UBND",
    "Số: 1234/SNV-VP" (a State công văn has no type in its symbol)."""
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    symbol = re.sub(r"\s+", "", m["sym"]).rstrip(".")
    if not re.search(r"[^\W\d_]", symbol):
        return None
    if m["sep"] == "-":  # Party: number-TYPE/BODY
        type_abbr, _, body = symbol.partition("/")
        return NumberLine(m["n"], symbol, type_abbr, body, Regime.PARTY.value)
    groups = symbol.split("/")[-1].split("-")  # State: number/[year/]TYPE-BODY[-UNIT]
    if type_for_abbr(groups[0]) is not None and len(groups) > 1:
        return NumberLine(m["n"], symbol, groups[0], "-".join(groups[1:]),
                          Regime.STATE.value)
    return NumberLine(m["n"], symbol, "", groups[0], Regime.STATE.value)


def type_for_abbr(abbr: str) -> tuple[str, str] | None:
    """(code, name) of a type abbreviation of a symbol ("CT", "QĐ", "QyĐ"), or None."""
    found = _BY_CODE.get(abbr)
    if found is None:
        found = next((v for k, v in _BY_CODE.items() if k.casefold() == abbr.casefold()), None)
    return found


def type_for_title(text: str) -> tuple[str, str] | None:
    """(code, name) when ``text`` is a type title ("CHỈ THỊ", also letter-spaced)."""
    if not text or len(text) > 40 or text != text.upper():
        return None
    return _BY_TITLE.get(fold(text).replace(" ", ""))


@dataclass(frozen=True, slots=True)
class DateLine:
    place: str
    day: int | None
    month: int | None
    year: int | None

    def to_date(self) -> date | None:
        if self.day is None or self.month is None or self.year is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


def parse_date_line(text: str) -> DateLine | None:
    """"Hà Sơn, ngày 05 tháng 02 năm 2026" (day or month may be blank in a draft)."""
    m = _DATE.search(text)
    if not m or not (m["y"] or m["m"] or m["d"]):
        return None
    place = m["place"].strip(" ,")
    if len(place) > 60 or not place and m.start() > 0:
        return None

    def num(s: str | None) -> int | None:
        return int(s) if s else None

    return DateLine(place, num(m["d"]), num(m["m"]), num(m["y"]))


def regime_heading(text: str) -> str:
    """"party" / "state" when ``text`` is that regime's heading line, else ""."""
    f = fold(text)
    if f == _PARTY:
        return Regime.PARTY.value
    if f in _STATE:
        return Regime.STATE.value
    return ""


def is_rule(text: str) -> bool:
    """A separator drawn with characters: "*", "-----", "______"."""
    return bool(text) and bool(_RULE.match(text))


def is_mark(text: str) -> bool:
    """An urgency or confidentiality mark under the number ("KHẨN", "MẬT")."""
    return fold(text) in _MARKS


def is_caps(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text)) and text == text.upper()


def looks_like_name(text: str) -> bool:
    """A signer's name: 2-7 capitalised words, no digits or punctuation marks."""
    words = text.split()
    if not 2 <= len(words) <= 7 or re.search(r"[\d/:;()\[\]]", text):
        return False
    if text == text.upper():
        return False
    return all(w[0].isupper() for w in words)


def strip_heading(text: str, folded_heading: str) -> str:
    """``text`` without its leading heading ("Nơi nhận:", "Kính gửi:")."""
    words = len(folded_heading.split())
    rest = text.split(None, words)
    tail = rest[words] if len(rest) > words else ""
    return tail.lstrip(" :").strip()
