"""Vietnamese text helpers: input cleaning, search folding, name matching and sorting.

Pure Python (no Qt, no SQLAlchemy). Everything a clerk types, imports or pastes passes through
:func:`clean_line` (single-line fields) or :func:`clean_text` (multi-line notes) before it is
stored, so the database holds NFC text without control characters or XML-illegal code points
(which would otherwise break python-docx / openpyxl exports).

Search ignores case and accents through a stored folded column: store ``fold(name)`` next to the
name and query it with ``column.like(search_pattern(query), escape=LIKE_ESCAPE)``. SQLite's own
``LIKE``/``lower()`` fold ASCII only, so the folding has to happen here.

Organisation names from imports are matched on :func:`canonical_name`, which also unifies the old
and new tone placement ("Hoà"/"Hòa", "Thuỷ"/"Thủy"), which NFC alone does not.

:func:`vi_sort_key` is the reference Vietnamese collation. On the Qt side ``QCollator`` with the
``vi_VN`` locale is an alternative for sorting views, but this function is the reference that
reports and tests rely on (it does not depend on the ICU build shipped with Qt).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

__all__ = [
    "LIKE_ESCAPE",
    "canonical_name",
    "clean_line",
    "clean_text",
    "fold",
    "search_pattern",
    "vi_sort_key",
    "vi_sorted",
]

T = TypeVar("T")

LIKE_ESCAPE = "\\"
"""Escape character for the patterns returned by :func:`search_pattern`."""

# --------------------------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------------------------

# Control characters that are whitespace (tab, LF, VT — Word's manual line break —, FF, CR,
# the information separators U+001C–U+001F, NEL) and the Unicode line/paragraph separators.
_WHITESPACE_CONTROLS = frozenset(
    [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0x2028, 0x2029]
)
# Code points that never belong in stored text: C0, DEL, C1, lone surrogates, U+FFFE/U+FFFF
# (XML-illegal), plus the invisible BOM / zero-width no-break space U+FEFF and the zero-width
# space U+200B that Excel and web pages leave at the start of cells.
_REMOVED = (
    list(range(0x00, 0x20))
    + list(range(0x7F, 0xA0))
    + list(range(0xD800, 0xE000))
    + [0xFFFE, 0xFFFF, 0xFEFF, 0x200B, 0x2028, 0x2029]
)

_LINE_TABLE: dict[int, str | None] = {
    cp: (" " if cp in _WHITESPACE_CONTROLS else None) for cp in _REMOVED
}

# In notes, tabs and newlines survive; the other line-breaking controls become newlines.
_TEXT_TABLE: dict[int, str | None] = {cp: None for cp in _REMOVED}
_TEXT_TABLE.update({0x09: "\t", 0x0A: "\n", 0x0B: "\n", 0x0C: "\n", 0x85: "\n"})
_TEXT_TABLE.update({0x2028: "\n", 0x2029: "\n"})

_WHITESPACE_RUN = re.compile(r"\s+")  # Unicode-aware: includes NBSP U+00A0, U+202F, U+3000 …
# Anything clean_line would change besides normalisation: a removed code point, whitespace
# other than a plain space, two spaces, a space at either end.
_LINE_DIRTY = re.compile(
    r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b\u2028\u2029\ufeff\ufffe\uffff]|[^\S ]|  |^ | $"
)
_TRAILING_SPACE = re.compile(r"[^\S\n]+(?=\n)")
_NEWLINES = re.compile(r"\r\n?")


def clean_line(s: str | None) -> str:
    """Clean a single-line field.

    ``None`` gives ``""``. Control characters, lone surrogates and U+FFFE/U+FFFF are removed;
    tabs, line breaks and other whitespace controls become spaces; every run of whitespace
    (including the no-break space U+00A0) becomes one space; the result is NFC and stripped.
    """
    if not s:
        return ""
    if _LINE_DIRTY.search(s) is None and unicodedata.is_normalized("NFC", s):
        return s  # already clean: the common case of stored text (one scan, no copies)
    s = unicodedata.normalize("NFC", s.translate(_LINE_TABLE))
    return _WHITESPACE_RUN.sub(" ", s).strip()


def clean_text(s: str | None) -> str:
    """Clean a multi-line note.

    ``None`` gives ``""``. Line endings ``\\r\\n`` and ``\\r`` become ``\\n`` (so do VT — Word's
    manual line break —, FF, NEL and U+2028/U+2029); tabs are kept; every other control
    character, lone surrogate and U+FFFE/U+FFFF is removed. Trailing whitespace is stripped from
    each line and the whole text is stripped. The result is NFC.
    """
    if not s:
        return ""
    s = _NEWLINES.sub("\n", s).translate(_TEXT_TABLE)
    s = unicodedata.normalize("NFC", s)
    return _TRAILING_SPACE.sub("", s).strip()


# --------------------------------------------------------------------------------------------
# Folding and search
# --------------------------------------------------------------------------------------------

_COMBINING_BLOCKS = (
    (0x0300, 0x0370),  # Combining Diacritical Marks (all Vietnamese tone and vowel marks)
    (0x1AB0, 0x1B00),  # … Extended
    (0x1DC0, 0x1E00),  # … Supplement
    (0x20D0, 0x2100),  # … for Symbols
    (0xFE20, 0xFE30),  # Combining Half Marks
)
_FOLD_TABLE: dict[int, str | None] = {
    cp: None for lo, hi in _COMBINING_BLOCKS for cp in range(lo, hi)
}
# đ/Đ and its look-alikes (Icelandic eth Ð/ð, African D Ɖ/ɖ) carry no decomposition.
_FOLD_TABLE.update({ord(c): "d" for c in "đĐÐðƉɖ"})
_NON_ALNUM_RUN = re.compile(r"[\W_]+")


def fold(s: str | None) -> str:
    """Return the accent- and case-insensitive search key of *s*.

    Case-folds, decomposes (NFD), drops combining marks, maps đ/Đ (and the look-alikes Ð/ð) to
    ``d`` and replaces every run of characters that are not letters or digits with one space::

        fold("Đảng ủy") == "dang uy"; fold("15-CT/TU") == fold("15 ct tu") == "15 ct tu"
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFD", s.casefold()).translate(_FOLD_TABLE)
    return _NON_ALNUM_RUN.sub(" ", s).strip()


def search_pattern(query: str | None) -> str:
    """Return the ``LIKE`` pattern that finds *query* anywhere in a folded column.

    The query is folded like the column, LIKE wildcards (``%``, ``_``) and the escape character
    are escaped with :data:`LIKE_ESCAPE`, and the key is wrapped in ``%``. An empty (or
    punctuation-only) query gives ``"%"``, which matches every row. Use it as
    ``column.like(search_pattern(q), escape=LIKE_ESCAPE)``.
    """
    key = fold(query)
    if not key:
        return "%"
    key = (
        key.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{key}%"


# --------------------------------------------------------------------------------------------
# Canonical organisation names
# --------------------------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (NFD)
# A syllable-final "oa", "oe" or "uy" (plain vowels, tone on either one, nothing after but a
# non-letter). With a final consonant or a third vowel ("hoàn", "ngoài", "khuya") the tone
# position is fixed by the spelling rules, so those are left alone.
_TONE_PAIR = re.compile(
    rf"(?:(o)([{_TONE_MARKS}]?)([ae])|(u)([{_TONE_MARKS}]?)(y))([{_TONE_MARKS}]?)"
    rf"(?![^\W\d_]|[\u0300-\u036f])"
)
_ETH_TO_DJE = str.maketrans({"Ð": "đ", "ð": "đ", "Đ": "đ"})


def _new_style_tone(m: re.Match[str]) -> str:
    if m.group(1):
        first, tone1, second = m.group(1), m.group(2), m.group(3)
    else:
        first, tone1, second = m.group(4), m.group(5), m.group(6)
    tone2 = m.group(7)
    if tone1 and tone2:  # a typo with two tone marks: leave it as typed
        return m.group(0)
    if first == "u" and m.start() > 0 and m.string[m.start() - 1] == "q":
        return first + second + (tone1 or tone2)  # in "qu" the u is a consonant: "quý"
    return first + (tone1 or tone2) + second


def canonical_name(s: str | None) -> str:
    """Return the form on which organisation names are matched (e.g. during an import).

    :func:`clean_line`, case-folded, with the look-alike Ð/ð mapped to đ, and the old and new
    tone placement of a syllable-final ``oa``/``oe``/``uy`` unified on the first vowel
    ("Hoà"/"Hòa" → "hòa", "Thuỷ"/"Thủy" → "thủy", "Khoẻ"/"Khỏe" → "khỏe"; after "q" the tone
    goes on the y: "qúy" → "quý"). The result is NFC; it is a matching key, not a display form.
    """
    s = clean_line(s).casefold().translate(_ETH_TO_DJE)
    if not s:
        return ""
    s = _TONE_PAIR.sub(_new_style_tone, unicodedata.normalize("NFD", s))
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------------
# Vietnamese collation
# --------------------------------------------------------------------------------------------

_ALPHABET = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)  # fmt: skip
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Secondary weights: no tone < huyền < hỏi < ngã < sắc < nặng; other marks after the tones.
_TONE_WEIGHT = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_OTHER_MARK_WEIGHT = 6
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)

_GROUP_SEPARATOR = 0  # spaces and punctuation: before digits
_GROUP_DIGITS = 1
_GROUP_LETTER = 2
_GROUP_OTHER_LETTER = 3

_CollationElement = tuple[tuple[int, int], int, int]
_char_cache: dict[str, _CollationElement] = {}
_TOKENS = re.compile(r"\d+|.", re.DOTALL)


def _char_element(ch: str) -> _CollationElement:
    """(primary, secondary, tertiary) weights of one NFC character (cached)."""
    element = _char_cache.get(ch)
    if element is not None:
        return element
    lower = ch.lower()
    tertiary = 0 if lower == ch else 1  # lower case before upper case
    if lower in ("đ", "ð"):
        element = ((_GROUP_LETTER, _LETTER_RANK["đ"]), 0, tertiary)
    else:
        decomposed = unicodedata.normalize("NFD", lower)
        base, marks = decomposed[0], decomposed[1:]
        letter = base + "".join(m for m in marks if m in _VOWEL_MARKS)
        letter = unicodedata.normalize("NFC", letter)
        secondary = 0
        for mark in marks:
            if mark in _TONE_WEIGHT:
                secondary = secondary * 8 + _TONE_WEIGHT[mark]
            elif mark not in _VOWEL_MARKS:
                secondary = secondary * 8 + _OTHER_MARK_WEIGHT
        if letter in _LETTER_RANK:
            primary = (_GROUP_LETTER, _LETTER_RANK[letter])
        elif base in _LETTER_RANK:  # a Latin letter with a non-Vietnamese vowel mark
            primary = (_GROUP_LETTER, _LETTER_RANK[base])
            secondary = secondary * 8 + _OTHER_MARK_WEIGHT
        elif ch.isalpha():
            primary = (_GROUP_OTHER_LETTER, ord(unicodedata.normalize("NFC", decomposed)[0]))
        else:
            primary = (_GROUP_SEPARATOR, ord(ch))
        element = (primary, secondary, tertiary)
    if len(_char_cache) < 10_000:
        _char_cache[ch] = element
    return element


def vi_sort_key(s: str | None) -> tuple[Any, ...]:
    """Return a sort key that orders strings as a Vietnamese dictionary does.

    * Primary level, case-insensitive: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t
      u ư v (w) x y (z); spaces and punctuation sort before digits, digits before letters; a
      run of digits compares by its numeric value ("Tổ 2" < "Tổ 10"); letters of other
      scripts come last.
    * Secondary level, tones: none < huyền < hỏi < ngã < sắc < nặng
      (Ha < Hà < Hả < Hã < Há < Hạ).
    * Tertiary level: lower case before upper case; then the NFC text itself, so the order is
      total and deterministic.

    NFC and NFD input give the same key. ``None`` sorts like ``""``.
    """
    s = unicodedata.normalize("NFC", s or "")
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for token in _TOKENS.findall(s):
        if token.isdecimal():
            primary.append((_GROUP_DIGITS, int(token)))
            secondary.append(len(token))  # "02" after "2"
            tertiary.append(0)
        else:
            p, sec, ter = _char_element(token)
            primary.append(p)
            secondary.append(sec)
            tertiary.append(ter)
    return (tuple(primary), tuple(secondary), tuple(tertiary), s)


def vi_sorted(
    iterable: Iterable[T],
    key: Callable[[T], str | None] | None = None,
    *,
    reverse: bool = False,
) -> list[T]:
    """Return the items sorted in Vietnamese order (see :func:`vi_sort_key`).

    *key*, when given, extracts the text to sort on from each item.
    """
    if key is None:
        return sorted(iterable, key=vi_sort_key, reverse=reverse)  # type: ignore[arg-type]
    return sorted(iterable, key=lambda item: vi_sort_key(key(item)), reverse=reverse)
