"""Number and symbol (số và ký hiệu) of a document: reading what clerks type, checking, printing.

Two regimes (``official-format.md`` §1):

- Party (HD 36-HD/VPTW): ``Số 15-CT/TU`` — the number, a hyphen, the type abbreviation, a slash,
  the issuing body's symbol; no colon after "Số".
- State (NĐ 30/2020): ``Số: 15/QĐ-UBND`` — the number, a slash, the type abbreviation, a hyphen,
  the issuing body's symbol.

The number is digits only and kept as typed ("05" stays "05": offices zero-pad the first
numbers of a term or year). The symbol is stored without the number ("CT/TU", "QĐ-UBND"), with
the type abbreviation and the body symbol in their canonical spelling (``document_types.code``
and ``issuing_bodies.symbol``: "ctr/tu" becomes "CTr/TU").

Pure Python: every check raises :class:`~desktop.domain.errors.ValidationError` naming the field
("number" or "symbol"), what is wrong, and an example in the document's regime.
"""

from __future__ import annotations

import re

from desktop.domain.enums import Regime
from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_line

__all__ = [
    "EXAMPLES",
    "MAX_NUMBER_DIGITS",
    "format_number_symbol",
    "normalise_number",
    "normalise_symbol",
    "parse_number_symbol",
    "symbol_body_part",
]

#: A correct number and symbol in each regime, quoted in every message.
EXAMPLES = {Regime.PARTY.value: "15-CT/TU", Regime.STATE.value: "15/QĐ-UBND"}
_SYMBOL_EXAMPLES = {Regime.PARTY.value: "CT/TU", Regime.STATE.value: "QĐ-UBND"}
_REGIME_NAMES = {Regime.PARTY.value: "văn bản của Đảng", Regime.STATE.value: "văn bản hành chính"}
#: (between number and symbol, between type and body) in each regime.
_SEPARATORS = {Regime.PARTY.value: ("-", "/"), Regime.STATE.value: ("/", "-")}
MAX_NUMBER_DIGITS = 6

# Dashes Word and web pages put where a clerk meant a hyphen.
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})
_SLASHES = str.maketrans({c: "/" for c in "\u2044\u2215\uff0f"})
_PREFIX = re.compile(r"^s[ốo]\s*[:.]?\s*(?=\d)", re.IGNORECASE)
_AROUND_SEPARATOR = re.compile(r"\s*([-/])\s*")
_SYMBOL_PART = re.compile(r"^[^\W_]+$")  # letters and digits (Đ, QĐi, CTr, BTGDVTU…)


def _regime(regime: str) -> str:
    value = str(regime)
    if value not in _SEPARATORS:
        raise ValueError(f"unknown regime {regime!r}")
    return value


def _hint(regime: str) -> str:
    return f"Ví dụ đúng ({_REGIME_NAMES[regime]}): {EXAMPLES[regime]}."


def _tidy(text: str | None) -> str:
    """NFC, one line, dashes and slashes unified, no "Số"/"số:" prefix, no spaces at separators."""
    s = clean_line(text).translate(_DASHES).translate(_SLASHES)
    s = _PREFIX.sub("", s)
    return _AROUND_SEPARATOR.sub(r"\1", s).strip()


def parse_number_symbol(text: str | None, regime: str) -> tuple[str, str]:
    """Split what a clerk typed into (number, symbol).

    Accepts "15-CT/TU", "Số 15-CT/TU", "15 - CT/TU", "số: 15/QĐ-UBND", in any letter case; the
    symbol comes back upper-cased (use :func:`normalise_symbol` for the canonical spelling of a
    known type and body, e.g. "CTr").
    """
    regime = _regime(regime)
    raw = clean_line(text)
    s = _tidy(text)
    if not s:
        raise ValidationError(
            f"Chưa nhập số và ký hiệu văn bản. {_hint(regime)}", "number")
    number_sep, _ = _SEPARATORS[regime]
    m = re.match(r"^(\d+)(.*)$", s)
    if m is None:
        raise ValidationError(
            f"«{raw}» không bắt đầu bằng số văn bản (chữ số). {_hint(regime)}", "number")
    number, rest = m.group(1), m.group(2)
    if not rest:
        raise ValidationError(
            f"«{raw}» mới có số, còn thiếu ký hiệu (sau số ghi «{number_sep}» rồi ký hiệu). "
            f"{_hint(regime)}", "symbol")
    if rest[0] != number_sep:
        other = Regime.STATE.value if regime == Regime.PARTY.value else Regime.PARTY.value
        if rest[0] == _SEPARATORS[other][0]:
            raise ValidationError(
                f"«{raw}» ghi theo kiểu {_REGIME_NAMES[other]} ({EXAMPLES[other]}); "
                f"{_REGIME_NAMES[regime]} ghi «{number_sep}» ngay sau số. {_hint(regime)}",
                "symbol")
        raise ValidationError(
            f"Sau số «{number}» phải là dấu «{number_sep}» rồi đến ký hiệu; đã ghi «{raw}». "
            f"{_hint(regime)}", "symbol")
    number = normalise_number(number, regime)
    symbol = rest[1:].upper()
    _check_shape(symbol, regime, raw)
    return number, symbol


def normalise_number(number: str | None, regime: str) -> str:
    """The number as typed (digits, leading zeros kept), or a ValidationError on field "number"."""
    regime = _regime(regime)
    raw = clean_line(number)
    s = _tidy(number)
    if not s:
        raise ValidationError(f"Chưa nhập số văn bản. {_hint(regime)}", "number")
    if not s.isascii() or not s.isdigit():
        if re.match(r"^\d+\s*[-/]", s):
            raise ValidationError(
                f"Ô «Số» chỉ ghi phần số (ví dụ 15); ký hiệu ghi ở ô «Ký hiệu» — đã ghi «{raw}». "
                f"{_hint(regime)}", "number")
        raise ValidationError(
            f"Số văn bản chỉ gồm chữ số (ví dụ 15 hoặc 05); đã ghi «{raw}». {_hint(regime)}",
            "number")
    if len(s) > MAX_NUMBER_DIGITS:
        raise ValidationError(
            f"Số văn bản «{raw}» dài quá {MAX_NUMBER_DIGITS} chữ số. {_hint(regime)}", "number")
    if int(s) == 0:
        raise ValidationError(
            f"Số văn bản bắt đầu từ 01, không có số «{raw}». {_hint(regime)}", "number")
    return s


def _check_shape(symbol: str, regime: str, shown: str) -> None:
    """Two non-empty parts of letters/digits joined by the regime's separator."""
    _, sep = _SEPARATORS[regime]
    other_sep = "-" if sep == "/" else "/"
    example = _SYMBOL_EXAMPLES[regime]
    if sep not in symbol:
        if other_sep in symbol:
            raise ValidationError(
                f"Ký hiệu «{shown}» dùng dấu «{other_sep}»; {_REGIME_NAMES[regime]} ghi loại "
                f"văn bản, dấu «{sep}», rồi ký hiệu cơ quan: {example}. {_hint(regime)}",
                "symbol")
        raise ValidationError(
            f"Ký hiệu «{shown}» thiếu dấu «{sep}» giữa loại văn bản và cơ quan ban hành "
            f"(ví dụ {example}). {_hint(regime)}", "symbol")
    type_part, body_part = symbol.split(sep, 1)
    if not type_part:
        raise ValidationError(
            f"Ký hiệu «{shown}» thiếu chữ viết tắt của loại văn bản trước dấu «{sep}» "
            f"(ví dụ {example}). {_hint(regime)}", "symbol")
    if not body_part:
        raise ValidationError(
            f"Ký hiệu «{shown}» thiếu ký hiệu cơ quan ban hành sau dấu «{sep}» "
            f"(ví dụ {example}). {_hint(regime)}", "symbol")
    if sep in body_part or other_sep in body_part or other_sep in type_part:
        raise ValidationError(
            f"Ký hiệu «{shown}» chỉ gồm hai phần: chữ viết tắt loại văn bản và ký hiệu cơ quan "
            f"ban hành (ví dụ {example}). {_hint(regime)}", "symbol")
    for part in (type_part, body_part):
        if not _SYMBOL_PART.match(part):
            raise ValidationError(
                f"Ký hiệu «{shown}» có ký tự không hợp lệ trong «{part}» (chỉ dùng chữ cái và "
                f"chữ số, không dấu cách). {_hint(regime)}", "symbol")


def symbol_body_part(symbol: str, regime: str) -> str:
    """The issuing body part of a symbol ("TU" of "CT/TU", "UBND" of "QĐ-UBND"), or ""."""
    _, sep = _SEPARATORS[_regime(regime)]
    s = _tidy(symbol)
    return s.split(sep, 1)[1] if sep in s else ""


def normalise_symbol(
    symbol: str | None,
    regime: str,
    *,
    type_code: str,
    type_name: str,
    body_symbol: str,
    body_name: str,
) -> str:
    """Check ``symbol`` against the document's type and issuing body; return its canonical form.

    The type abbreviation must be ``type_code`` (the abbreviation of ``type_name``) and the part
    after the separator the issuing body's own ``body_symbol``; letter case is ignored.
    """
    regime = _regime(regime)
    raw = clean_line(symbol)
    s = _tidy(symbol)
    if not s:
        raise ValidationError(
            f"Chưa nhập ký hiệu văn bản (ví dụ {_SYMBOL_EXAMPLES[regime]}). {_hint(regime)}",
            "symbol")
    if re.match(r"^\d+\s*[-/]", s):
        raise ValidationError(
            f"Ô «Ký hiệu» không ghi số văn bản: số ghi ở ô «Số», ký hiệu chỉ là "
            f"{_SYMBOL_EXAMPLES[regime]} — đã ghi «{raw}». {_hint(regime)}", "symbol")
    _check_shape(s, regime, raw)
    _, sep = _SEPARATORS[regime]
    type_part, body_part = s.split(sep, 1)
    expected = f"{type_code}{sep}{body_symbol}"
    if type_part.casefold() != type_code.casefold():
        raise ValidationError(
            f"Ký hiệu «{raw}» không khớp loại văn bản: {type_name} viết tắt là «{type_code}», "
            f"nên ký hiệu phải là {expected}. Sửa ký hiệu hoặc chọn đúng loại văn bản.",
            "symbol")
    if body_part.casefold() != body_symbol.casefold():
        body = clean_line(body_name.replace("\n", " "))
        raise ValidationError(
            f"Ký hiệu «{raw}»: phần sau dấu «{sep}» phải là ký hiệu của cơ quan ban hành "
            f"({body}: «{body_symbol}»), đã ghi «{body_part}». Ký hiệu đúng là {expected}; "
            "nếu văn bản do cơ quan khác ban hành, hãy chọn đúng cơ quan ban hành.",
            "symbol")
    return expected


def format_number_symbol(number: str, symbol: str, regime: str, *, prefix: bool = False) -> str:
    """"15-CT/TU" / "15/QĐ-UBND"; with ``prefix``: "Số 15-CT/TU" / "Số: 15/QĐ-UBND"."""
    regime = _regime(regime)
    number_sep, _ = _SEPARATORS[regime]
    body = f"{number}{number_sep}{symbol}" if number and symbol else (number or symbol)
    if not prefix:
        return body
    return f"Số {body}" if regime == Regime.PARTY.value else f"Số: {body}"
