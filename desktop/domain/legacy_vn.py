"""Vietnamese typed in the legacy TCVN3 (ABC) and VNI-Windows encodings: detect and convert.

Before Unicode, Vietnamese offices typed with 8-bit fonts: ``.VnTime`` (TCVN3, also called ABC:
the standard TCVN 5712:1993, its VN3 subset) and ``VNI-Times`` (VNI-Windows). Excel stores what
was typed as the Windows-1252 characters of those bytes, so "Đảng bộ xã Phú Lộc" arrives as
``§¶ng bé x· Phó Léc`` (TCVN3) or ``Ñaûng boä xaõ Phuù Loäc`` (VNI). Many communes still keep
old templates in those fonts, and their forms come back that way.

- TCVN3 is one byte per letter: bytes 0xA1–0xFF hold the lowercase letters with their tones and
  the seven uppercase base letters Ă Â Ê Ô Ơ Ư Đ (uppercase toned letters are typed with the
  ``.VnTimeH`` fonts on the *lowercase* codes). The table :data:`_TCVN3_BYTES` is the byte →
  letter mapping of TCVN 5712:1993 for that range, checked byte for byte against glibc's
  ``TCVN5712-1`` converter by ``tests/domain/test_legacy_vn.py``. 0x80–0x9F are left alone: VN3
  does not use them, and Windows puts curly quotes and dashes there.
- VNI writes a base letter followed by modifier characters: ``aù`` á, ``aâ`` â, ``aá`` ấ,
  ``aê`` ă, ``aé`` ắ, ``oâ`` ô, ``ô`` ơ, ``ö`` ư, ``ñ`` đ, ``í ì æ ó ò`` for i with tones, ``î``
  ỵ (uppercase alike). :func:`_vni_decode` composes them with Unicode combining marks and NFC.

:func:`detect_legacy` says whether a text *looks* legacy: it must contain characters that no
Unicode Vietnamese text uses (``§ ¶ · ¸ ¹ µ « ¬ ® ¾ ä ï ñ ö û ü õ``…) and no letter that only
Unicode has (ơ, ư, ạ…); the encoding chosen is the one whose conversion leaves none of those
characters (VNI first: its modifiers must follow a vowel, which a TCVN3 text almost never
satisfies everywhere). A text made only of letters both readings share ("bé" is TCVN3 for
"bộ") cannot be told apart and is left alone: the caller offers the conversion, never forces it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["LegacyEncoding", "LegacyGuess", "convert_legacy", "detect_legacy"]


class LegacyEncoding(StrEnum):
    TCVN3 = "tcvn3"
    VNI = "vni"

    @property
    def label(self) -> str:
        return "TCVN3 (ABC)" if self is LegacyEncoding.TCVN3 else "VNI-Windows"


@dataclass(frozen=True, slots=True)
class LegacyGuess:
    """A text that looks typed in a legacy encoding, and what it says in Unicode."""

    encoding: LegacyEncoding
    original: str
    converted: str


# TCVN 5712:1993 (VN3), bytes 0xA1..0xFF, in byte order ("~" marks the five combining tone
# marks at 0xB0..0xB4, listed separately below).
_TCVN3_BYTES = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ"  # A1..AF
    "~~~~~àảãáạẲằẳẵắẴ"  # B0..BF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0..CF
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0..DF
    "Ổỏõóọồổỗốộờởỡớợù"  # E0..EF
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # F0..FF
)
_TCVN3_MARKS = {0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323"}


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: Windows passes them through
        return chr(byte)


def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for offset, letter in enumerate(_TCVN3_BYTES):
        byte = 0xA1 + offset
        table[ord(_cp1252(byte))] = _TCVN3_MARKS.get(byte, letter)
    return table


_TCVN3 = _tcvn3_table()

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN, _STROKE = "\u0302", "\u0306", "\u031b", ""
_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_HATS = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_BREVES = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# Single VNI characters that are whole letters (lowercase; uppercase by str.upper()).
_VNI_LETTERS = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_table() -> tuple[dict[str, str], dict[str, str]]:
    """(pairs: base + modifier → letter, singles: one character → letter), both cases."""
    pairs: dict[str, str] = {}
    singles: dict[str, str] = {}
    for vni, letter in _VNI_LETTERS.items():
        singles[vni] = letter
        singles[vni.upper()] = letter.upper()
    bases_tone = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}
    for base_vni, base in bases_tone.items():
        for mod, mark in _TONES.items():
            if base == "y" and mark == _DOT:
                continue  # ỵ is the single character î
            pairs[base_vni + mod] = _compose(base, mark)
    for base in "aeo":
        for mod, mark in _HATS.items():
            pairs[base + mod] = _compose(base, _CIRCUMFLEX, mark)
    for mod, mark in _BREVES.items():
        pairs["a" + mod] = _compose("a", _BREVE, mark)
    both: dict[str, str] = {}
    for key, letter in pairs.items():
        base, mod = key[0], key[1]
        for b in {base, base.upper()}:
            for md in {mod, mod.upper()}:
                both[b + md] = letter.upper() if b.isupper() else letter
    return both, singles


_VNI_PAIRS, _VNI_SINGLES = _vni_table()


def _vni_decode(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _VNI_PAIRS:
            out.append(_VNI_PAIRS[pair])
            i += 2
            continue
        ch = text[i]
        out.append(_VNI_SINGLES.get(ch, ch))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _upper_words(text: str) -> str:
    """.VnTimeH letters come back lowercase: uppercase them inside an all-capitals word (one
    whose ASCII letters are all capitals, and not only its first: "Hà" stays title case)."""
    words = text.split(" ")
    for k, word in enumerate(words):
        ascii_at = [(i, c) for i, c in enumerate(word) if c.isascii() and c.isalpha()]
        if (
            ascii_at
            and all(c.isupper() for _i, c in ascii_at)
            and any(i > 0 for i, _c in ascii_at)
            and any(c.islower() for c in word)
        ):
            words[k] = word.upper()
    return " ".join(words)


def _tcvn3_decode(text: str) -> str:
    decoded = unicodedata.normalize("NFC", text.translate(_TCVN3))
    return _upper_words(decoded)


_DECODERS = {LegacyEncoding.VNI: _vni_decode, LegacyEncoding.TCVN3: _tcvn3_decode}

# Latin-1 letters Vietnamese Unicode text uses (everything else in U+00A1..U+00FF is suspect).
_VIETNAMESE_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_SUSPECT = frozenset(
    ch for ch in map(chr, range(0xA1, 0x100)) if ch not in _VIETNAMESE_LATIN1
) | frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ") - frozenset("‘’“”–—…•")


def _is_unicode_only_vietnamese(ch: str) -> bool:
    cp = ord(ch)
    return 0x1EA0 <= cp <= 0x1EF9 or ch in "ĂăĐđĨĩŨũƠơƯư"


def _suspects(text: str) -> int:
    return sum(1 for ch in text if ch in _SUSPECT)


_TONE_MARKS = frozenset((_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT))


def _implausible_words(text: str) -> int:
    """Words that cannot be Vietnamese syllables: two tone marks, or đ not at the start."""
    bad = 0
    for word in _WORD.findall(text):
        marks = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONE_MARKS)
        if marks > 1 or any(ch in "đĐ" for ch in word[1:]):
            bad += 1
    return bad


_WORD = re.compile(r"[^\W\d_]+")


def detect_legacy(text: str | None) -> LegacyGuess | None:
    """A :class:`LegacyGuess` when ``text`` looks typed in TCVN3 or VNI, else ``None``."""
    if not text or text.isascii():
        return None
    if _suspects(text) == 0 or any(_is_unicode_only_vietnamese(ch) for ch in text):
        return None
    best: tuple[int, LegacyGuess] | None = None
    for encoding in (LegacyEncoding.VNI, LegacyEncoding.TCVN3):
        converted = _DECODERS[encoding](text)
        if converted == text or _suspects(converted):
            continue
        score = _implausible_words(converted)
        if best is None or score < best[0]:
            best = (score, LegacyGuess(encoding, text, converted))
    return best[1] if best is not None else None


def convert_legacy(text: str, encoding: LegacyEncoding | str) -> str:
    """``text`` read as ``encoding`` (TCVN3 or VNI), in Unicode NFC."""
    return _DECODERS[LegacyEncoding(encoding)](text)
