"""Tests for desktop.domain.text: cleaning, folding, search patterns, names and sorting."""

from __future__ import annotations

import random
import re
import sqlite3
import time
import unicodedata

import pytest

from desktop.domain.text import (
    LIKE_ESCAPE,
    canonical_name,
    clean_line,
    clean_text,
    fold,
    search_pattern,
    vi_sort_key,
    vi_sorted,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
VI_UPPER = VI_LOWER.upper()
VI_LETTERS = VI_LOWER + VI_UPPER
TONES = {"huyền": "\u0300", "hỏi": "\u0309", "ngã": "\u0303", "sắc": "\u0301", "nặng": "\u0323"}
# Every C0 control, DEL, every C1 control, U+FFFE/U+FFFF, two lone surrogates.
BAD_CHARS = (
    [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\ufffe", "\uffff", "\ud800", "\udfff"]
)
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


# --------------------------------------------------------------------------------------------
# The alphabet itself
# --------------------------------------------------------------------------------------------


def test_vietnamese_letter_inventory_is_complete() -> None:
    assert len(VI_LETTERS) == 134
    assert len(set(VI_LETTERS)) == 134
    generated = set()
    for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]:
        for tone in ["", *TONES.values()]:
            letter = nfc(vowel + tone)
            if not letter.isascii():
                generated.add(letter)
                generated.add(letter.upper())
    generated |= {"đ", "Đ"}
    assert generated == set(VI_LETTERS)
    assert all(len(nfc(c)) == 1 for c in VI_LETTERS)


# --------------------------------------------------------------------------------------------
# clean_line
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("Hà Nội", "Hà Nội"),
        ("  Hà   Nội  ", "Hà Nội"),
        ("Hà\tNội", "Hà Nội"),
        ("Hà\nNội", "Hà Nội"),
        ("Hà\r\nNội", "Hà Nội"),
        ("Hà\rNội", "Hà Nội"),
        ("Hà\x0bNội", "Hà Nội"),  # Word's manual line break
        ("Hà\x0cNội", "Hà Nội"),
        ("Hà\u0085Nội", "Hà Nội"),
        ("Hà\u2028Nội", "Hà Nội"),
        ("Hà\u00a0Nội", "Hà Nội"),
        ("Hà\u00a0\u00a0 \tNội", "Hà Nội"),
        ("Hà\u202fNội", "Hà Nội"),
        ("Hà\u3000Nội", "Hà Nội"),
        ("\u00a0Hà Nội\u00a0", "Hà Nội"),
        ("Hà\x00Nội", "HàNội"),
        ("Hà\x07\x08Nội", "HàNội"),
        ("Hà\x1bNội", "HàNội"),
        ("Hà\x7fNội", "HàNội"),
        ("Hà\x9fNội", "HàNội"),
        ("Hà\uffffNội", "HàNội"),
        ("Hà\ufffeNội", "HàNội"),
        ("Hà\ud800Nội", "HàNội"),
        ("\ufeffHà Nội", "Hà Nội"),  # BOM from CSV / Excel
        ("Hà\u200bNội", "HàNội"),
        (nfd("Đảng ủy xã Hoà Bình"), "Đảng ủy xã Hoà Bình"),
        ("15-CT/TU", "15-CT/TU"),
        ('=HYPERLINK("x")', '=HYPERLINK("x")'),
    ],
)
def test_clean_line(raw: str | None, expected: str) -> None:
    result = clean_line(raw)
    assert result == expected
    assert result == nfc(result)


@pytest.mark.parametrize("bad", BAD_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_clean_line_removes_every_control_and_xml_illegal_char(bad: str) -> None:
    result = clean_line(f"Chi bộ{bad}{bad}số 1{bad}")
    assert not CONTROL.search(result)
    assert not XML_ILLEGAL.search(result)
    assert result in ("Chi bộsố 1", "Chi bộ số 1")
    assert result.encode("utf-8")  # no lone surrogate left


def test_clean_line_corpus_of_every_bad_char_at_once() -> None:
    dirty = "".join(BAD_CHARS).join(["  Quảng", "Trị  "])
    result = clean_line(dirty)
    assert result == "Quảng Trị"


@pytest.mark.parametrize("letter", list(VI_LETTERS))
def test_clean_line_nfd_input_gives_nfc_output(letter: str) -> None:
    assert clean_line(nfd(f"x{letter}x")) == f"x{letter}x"


def test_clean_line_is_idempotent() -> None:
    samples = ["  a\tb ", nfd("Thuỷ  Điện"), "x\x00y\uffff", "\u00a0"]
    for s in samples:
        once = clean_line(s)
        assert clean_line(once) == once


# --------------------------------------------------------------------------------------------
# clean_text
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        (" \n \n ", ""),
        ("dòng 1\ndòng 2", "dòng 1\ndòng 2"),
        ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),
        ("dòng 1\rdòng 2", "dòng 1\ndòng 2"),
        ("dòng 1\r\n\r\ndòng 2", "dòng 1\n\ndòng 2"),
        ("dòng 1   \ndòng 2\t \n", "dòng 1\ndòng 2"),
        ("dòng 1\u00a0\ndòng 2", "dòng 1\ndòng 2"),
        ("\tthụt lề\tcột", "thụt lề\tcột"),  # the whole text is stripped
        ("a\n\tb", "a\n\tb"),  # tabs inside are kept
        ("a  b", "a  b"),  # inner spaces are kept in notes
        ("a\x0bb", "a\nb"),  # Word's manual line break
        ("a\x0cb", "a\nb"),
        ("a\u2029b", "a\nb"),
        ("a\x00b\x1bc\x7fd\x9fe\uffff\ud800f", "abcdef"),
        ("\n\n  nội dung  \n\n", "nội dung"),
        (nfd("Ghi chú:\nĐã quán triệt"), "Ghi chú:\nĐã quán triệt"),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "bad", [c for c in BAD_CHARS if c not in "\t\n\r\x0b\x0c\x85"], ids=lambda c: f"U+{ord(c):04X}"
)
def test_clean_text_removes_control_and_xml_illegal_chars(bad: str) -> None:
    result = clean_text(f"dòng{bad}1\ndòng 2")
    assert result in ("dòng1\ndòng 2", "dòng\n1\ndòng 2")
    assert not XML_ILLEGAL.search(result)


def test_clean_text_every_bad_char_at_once_keeps_lines() -> None:
    result = clean_text("a" + "".join(BAD_CHARS) + "b\nc")
    assert not XML_ILLEGAL.search(result)
    assert "\r" not in result
    assert result.startswith("a") and result.endswith("b\nc")


# --------------------------------------------------------------------------------------------
# fold
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Hà Nội", "ha noi"),
        ("HÀ NỘI", "ha noi"),
        ("Đảng ủy", "dang uy"),
        ("ĐẢNG ỦY", "dang uy"),
        ("Ðảng ủy", "dang uy"),  # U+00D0 look-alike
        ("ðảng", "dang"),
        ("15-CT/TU", "15 ct tu"),
        ("15 ct tu", "15 ct tu"),
        ("Số 15-CT/TU, ngày 05/02/2026", "so 15 ct tu ngay 05 02 2026"),
        ("  --Chi bộ__số 1--  ", "chi bo so 1"),
        ("Thuỷ", "thuy"),
        ("Thủy", "thuy"),
        ("Quảng Trị", "quang tri"),
        ("Đắk Lắk", "dak lak"),
        ("Ủy ban MTTQ Việt Nam", "uy ban mttq viet nam"),
        ("Hội LHPN", "hoi lhpn"),
        ("a%b_c\\d", "a b c d"),
        ("İ", "i"),
        ("Straße", "strasse"),
        ("Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet"),
    ],
)
def test_fold(raw: str | None, expected: str) -> None:
    assert fold(raw) == expected


@pytest.mark.parametrize("letter", list(VI_LETTERS))
def test_fold_every_vietnamese_letter_gives_plain_ascii(letter: str) -> None:
    folded = fold(letter)
    assert folded.isascii()
    assert len(folded) == 1
    assert folded in "aeiouyd"
    assert fold(nfd(letter)) == folded
    base = "d" if letter in "đĐ" else nfd(letter.lower())[0]
    assert folded == base


def test_fold_whole_alphabet_and_nfd() -> None:
    assert fold(VI_LETTERS).isascii()
    assert fold(VI_LETTERS) == fold(nfd(VI_LETTERS))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ha noi", "Hà Nội"),
        ("Ha Noi", "Thành ủy Hà Nội"),
        ("dang uy", "Đảng ủy xã Hòa Bình"),
        ("dang uy", "ĐẢNG ỦY"),
        ("đảng ủy", "Đảng ủy khối"),
        ("15 ct tu", "Chỉ thị 15-CT/TU"),
        ("15-ct-tu", "15-CT/TU"),
        ("hoa binh", "Xã Hoà Bình"),
        ("hoa binh", "Xã Hòa Bình"),
        ("thuy", "Thủy điện"),
        ("chi bo", nfd("Chi bộ Khu phố 3")),
        ("", "anything"),
    ],
)
def test_search_finds_folded(query: str, name: str) -> None:
    assert fold(query) in fold(name)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ha noi", "Hà Tĩnh"),
        ("15 ct tu", "150-CT/TU"),
        ("dang uy", "Đoàn thanh niên"),
    ],
)
def test_search_does_not_find_unrelated(query: str, name: str) -> None:
    assert fold(query) not in fold(name)


def test_fold_is_idempotent() -> None:
    for s in ["Đảng ủy", "15-CT/TU", VI_LETTERS, "a  b"]:
        assert fold(fold(s)) == fold(s)


def test_fold_speed_20000_names() -> None:
    rng = random.Random(7)
    words = ["Đảng", "ủy", "xã", "Hòa", "Bình", "Chi", "bộ", "Thôn", "Quảng", "Trị", "Phường"]
    names = [" ".join(rng.choices(words, k=5)) + f" {i}" for i in range(20_000)]
    fold(names[0])  # warm up
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for name in names:
            fold(name)
        best = min(best, time.perf_counter() - start)
    assert best < 0.5, f"fold took {best:.3f} s for 20,000 names"


# --------------------------------------------------------------------------------------------
# search_pattern
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "%"),
        (None, "%"),
        ("   ", "%"),
        ("--/", "%"),
        ("%", "%"),
        ("_", "%"),
        ("Hà Nội", "%ha noi%"),
        ("15-CT/TU", "%15 ct tu%"),
        ("Đảng  ủy", "%dang uy%"),
        ("50%", "%50%"),
    ],
)
def test_search_pattern(query: str | None, expected: str) -> None:
    assert search_pattern(query) == expected


def test_like_escape_constant() -> None:
    assert LIKE_ESCAPE == "\\"


@pytest.mark.parametrize(
    ("query", "names", "found"),
    [
        ("ha noi", ["Hà Nội", "Hà Tĩnh", "Thành phố Hà Nội"], ["Hà Nội", "Thành phố Hà Nội"]),
        ("dang uy", ["Đảng ủy xã", "Đoàn xã", "ĐẢNG ỦY"], ["Đảng ủy xã", "ĐẢNG ỦY"]),
        ("15 ct tu", ["15-CT/TU", "150-CT/TU", "Số 15-CT/TU"], ["15-CT/TU", "Số 15-CT/TU"]),
        ("a_b", ["a b", "axb", "a_b"], ["a b", "a_b"]),
        ("", ["x", "y"], ["x", "y"]),
    ],
)
def test_search_pattern_in_sqlite(query: str, names: list[str], found: list[str]) -> None:
    con = sqlite3.connect(":memory:")
    con.execute("create table org (name text, name_folded text)")
    con.executemany("insert into org values (?, ?)", [(n, fold(n)) for n in names])
    rows = con.execute(
        f"select name from org where name_folded like ? escape '{LIKE_ESCAPE}' order by rowid",
        (search_pattern(query),),
    ).fetchall()
    assert [r[0] for r in rows] == found


# --------------------------------------------------------------------------------------------
# canonical_name
# --------------------------------------------------------------------------------------------


def _families() -> list[tuple[str, str, str]]:
    """(old style, new style, expected) for every oa/oe/uy word-final pair and every tone."""
    cases = []
    for prefix, first, second in [
        ("h", "o", "a"),
        ("th", "o", "a"),
        ("", "o", "a"),
        ("x", "o", "e"),
        ("kh", "o", "e"),
        ("th", "u", "y"),
        ("t", "u", "y"),
        ("", "u", "y"),
    ]:
        for tone in TONES.values():
            old = nfc(prefix + first + second + tone)
            new = nfc(prefix + first + tone + second)
            cases.append((old, new, new))
    return cases


@pytest.mark.parametrize(("old", "new", "expected"), _families())
def test_canonical_name_unifies_tone_placement(old: str, new: str, expected: str) -> None:
    assert canonical_name(old) == canonical_name(new) == expected
    assert canonical_name(old.upper()) == expected
    assert canonical_name(old.capitalize()) == expected
    assert canonical_name(nfd(old)) == expected
    assert canonical_name(f"Xã {old} Bình") == f"xã {expected} bình"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Thuỷ điện", "Thủy điện"),
        ("Sức khoẻ", "Sức khỏe"),
        ("Văn hoá", "Văn hóa"),
        ("Uỷ ban", "Ủy ban"),
        ("Tuỳ", "Tùy"),
        ("Quý", "Qúy"),
        ("Quỳ Hợp", "Qùy Hợp"),
        ("Đảng uỷ  xã\tHoà  Bình", "ĐẢNG ỦY XÃ HÒA BÌNH"),
        ("Ðảng ủy", "Đảng ủy"),
        (nfd("Đảng uỷ xã Hoà Bình"), "Đảng ủy xã Hòa Bình"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("xoè", "xòe"),
    ],
)
def test_canonical_name_matches_spellings(a: str, b: str) -> None:
    assert canonical_name(a) == canonical_name(b)
    assert canonical_name(a) == nfc(canonical_name(a))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("  ", ""),
        ("Hòa Bình", "hòa bình"),
        ("Hoàng", "hoàng"),  # final consonant: tone placement is fixed
        ("Hoàn Kiếm", "hoàn kiếm"),
        ("Ngoài", "ngoài"),  # three vowels
        ("Khuya", "khuya"),
        ("Khuỷu", "khuỷu"),
        ("Thuyết", "thuyết"),
        ("Quý", "quý"),
        ("Qúy", "quý"),
        ("Của", "của"),  # "ua" is not an old/new pair
        ("Quà", "quà"),
        ("Mùa", "mùa"),
        ("Huế", "huế"),
        ("Hoa", "hoa"),
        ("Thủy", "thủy"),
        ("Hoà", "hòa"),
    ],
)
def test_canonical_name_values(raw: str | None, expected: str) -> None:
    assert canonical_name(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hòa Bình", "Hóa Bình"), ("Thủy", "Thúy"), ("Hoàng", "Hoáng"), ("Chi bộ 1", "Chi bộ 2")],
)
def test_canonical_name_keeps_different_names_apart(a: str, b: str) -> None:
    assert canonical_name(a) != canonical_name(b)


# --------------------------------------------------------------------------------------------
# vi_sort_key / vi_sorted
# --------------------------------------------------------------------------------------------

REFERENCE_ORDER = [
    "3 Tháng 2",
    "An",
    "An Bình",
    "An Dương",
    "Anh",
    "Ăn",
    "Ân",
    "Ấp Bắc",
    "Ba",
    "Bà",
    "Bá",
    "Bạc",
    "Bình",
    "Ca",
    "Cà Mau",
    "Chi bộ",
    "Cô",
    "Cơ",
    "Dầu Tiếng",
    "Dương",  # d before đ
    "Đà Nẵng",
    "Đảng ủy",
    "Đắk Lắk",
    "Đông",
    "E",
    "Ê",
    "Facebook",
    "Gia Lai",
    "Hà Giang",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hoàng",
    "Huế",
    "Hưng Yên",
    "Jazz",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Nam Định",
    "Ninh Bình",
    "Ô Môn",
    "Ơn",
    "Phú Thọ",
    "Quảng Bình",
    "Quảng Ngãi",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thanh Hóa",
    "Tuyên Quang",
    "Uông Bí",
    "Ủy ban",
    "Ưu tiên",
    "Vĩnh Long",
    "Wifi",
    "Xuân",
    "Yên Bái",
    "Zalo",
]

TONE_ORDER = ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]


@pytest.mark.parametrize("seed", range(5))
def test_vi_sorted_reference_order(seed: int) -> None:
    shuffled = REFERENCE_ORDER[:]
    random.Random(seed).shuffle(shuffled)
    assert vi_sorted(shuffled) == REFERENCE_ORDER


@pytest.mark.parametrize("seed", range(5))
def test_vi_sorted_reference_order_nfd(seed: int) -> None:
    shuffled = [nfd(s) for s in REFERENCE_ORDER]
    random.Random(seed).shuffle(shuffled)
    assert [nfc(s) for s in vi_sorted(shuffled)] == REFERENCE_ORDER


@pytest.mark.parametrize("seed", range(5))
def test_vi_sorted_mixed_nfc_nfd(seed: int) -> None:
    rng = random.Random(seed)
    mixed = [nfd(s) if rng.random() < 0.5 else s for s in REFERENCE_ORDER]
    rng.shuffle(mixed)
    assert [nfc(s) for s in vi_sorted(mixed)] == REFERENCE_ORDER


@pytest.mark.parametrize(
    "ordered",
    [
        TONE_ORDER,
        ["ha", "hà", "hả", "hã", "há", "hạ"],
        ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ"],
        ["o", "ò", "ỏ", "õ", "ó", "ọ", "ô", "ồ", "ổ", "ỗ", "ố", "ộ", "ơ", "ờ", "ở", "ỡ", "ớ", "ợ"],
        ["u", "ù", "ủ", "ũ", "ú", "ụ", "ư", "ừ", "ử", "ữ", "ứ", "ự", "v"],
        ["e", "è", "ẻ", "ẽ", "é", "ẹ", "ê", "ề", "ể", "ễ", "ế", "ệ", "f", "g"],
        ["i", "ì", "ỉ", "ĩ", "í", "ị", "k", "y", "ỳ", "ỷ", "ỹ", "ý", "ỵ", "z"],
        ["d", "D", "dz", "đ", "Đ", "đa", "e"],
        ["Ha", "Hà", "Hạ", "Hai", "Hài", "Hải", "Hãi", "Hái", "Hại"],  # tone after letters
        ["Hạ", "Hac"],  # the primary difference wins over the tone
        ["an", "An", "AN", "ăn", "Ăn"],  # lower case before upper case
        ["Tổ 1", "Tổ 2", "Tổ 9", "Tổ 10", "Tổ 11", "Tổ 100"],  # digit runs by value
        ["1", "2", "10", "A", "a1", "aa"],  # digits before letters
        ["", " ", "-", "0", "a"],  # separators before digits
        ["Chi bộ", "Chi bộ 1", "Chi bộ A", "Chi bộ Â"],
    ],
)
def test_vi_sorted_orders(ordered: list[str]) -> None:
    for seed in range(3):
        shuffled = ordered[:]
        random.Random(seed).shuffle(shuffled)
        assert vi_sorted(shuffled) == ordered
    assert vi_sorted(reversed(ordered)) == ordered


def test_tone_order_keys_strictly_increase() -> None:
    keys = [vi_sort_key(s) for s in TONE_ORDER]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("s", REFERENCE_ORDER + TONE_ORDER + list(VI_LETTERS))
def test_vi_sort_key_same_for_nfd(s: str) -> None:
    assert vi_sort_key(nfd(s)) == vi_sort_key(s)


def test_vi_sort_key_primary_level_is_case_and_tone_insensitive() -> None:
    assert vi_sort_key("HÀ NỘI")[0] == vi_sort_key("ha nội")[0] == vi_sort_key("Há Nồi")[0]
    assert vi_sort_key("Ha")[0] != vi_sort_key("Hă")[0]
    assert vi_sort_key("d")[0] != vi_sort_key("đ")[0]


def test_vi_sort_key_none_is_empty() -> None:
    assert vi_sort_key(None) == vi_sort_key("")


def test_vi_sorted_with_key_and_reverse() -> None:
    rows = [{"name": n} for n in ["Đà Nẵng", "Dương", "An"]]
    assert [r["name"] for r in vi_sorted(rows, key=lambda r: r["name"])] == [
        "An",
        "Dương",
        "Đà Nẵng",
    ]
    assert vi_sorted(["Ăn", "An", "Ân"], reverse=True) == ["Ân", "Ăn", "An"]


def test_vi_sorted_other_scripts_after_vietnamese_letters() -> None:
    assert vi_sorted(["Москва", "Zalo", "Ăn", "北京", "1"]) == ["1", "Ăn", "Zalo", "Москва", "北京"]


def test_clean_line_fast_path_agrees_with_the_full_cleaning() -> None:
    """Already-clean text is returned as it is; for every other string the result is the
    full cleaning's (random strings over the characters that need cleaning)."""
    import random
    import re
    import unicodedata

    from desktop.domain import text as t

    def full(s: str) -> str:
        s = unicodedata.normalize("NFC", s.translate(t._LINE_TABLE))
        return re.sub(r"\s+", " ", s).strip()

    alphabet = ("aĐđơ ư\u0300\u0301\t\n\r\x00\x0b\x1f\x7f\x85\xa0\u200b\u2028\u3000"
                "\ufeff\ufffe\uffff\ud800 ")
    rng = random.Random(20261130)
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert t.clean_line(s) == full(s), ascii(s)
