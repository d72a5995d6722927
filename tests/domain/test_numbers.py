"""Tests for desktop.domain.numbers: Vietnamese number and percentage formats, parsing."""

from __future__ import annotations

import math

import pytest

from desktop.domain.numbers import (
    MAX_INT,
    NumberParseError,
    format_int,
    format_percent,
    format_ratio,
    parse_int,
    percent,
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (None, ""),
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1234, "1.234"),
        (35599, "35.599"),
        (35900, "35.900"),
        (100000, "100.000"),
        (1234567, "1.234.567"),
        (-1, "-1"),
        (-999, "-999"),
        (-1234, "-1.234"),
        (-1234567, "-1.234.567"),
        (MAX_INT, "9.223.372.036.854.775.807"),
    ],
)
def test_format_int(n: int | None, expected: str) -> None:
    assert format_int(n) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (None, 2, ""),
        (99.1643, 2, "99,16%"),
        (99.165, 2, "99,17%"),  # half up, not to even
        (95.8, 2, "95,80%"),  # non-zero decimals keep their full width
        (95.81, 2, "95,81%"),
        (100, 2, "100%"),  # all-zero decimals are dropped
        (100.0, 2, "100%"),
        (99.999, 2, "100%"),
        (99.995, 2, "100%"),
        (99.994, 2, "99,99%"),
        (50, 2, "50%"),
        (0, 2, "0%"),
        (0.0, 2, "0%"),
        (0.004, 2, "0%"),
        (0.005, 2, "0,01%"),
        (0.125, 2, "0,13%"),  # banker's rounding would give 0,12
        (0.375, 2, "0,38%"),
        (2.5, 0, "3%"),  # banker's rounding would give 2
        (3.5, 0, "4%"),
        (1.005, 2, "1,01%"),  # binary 1.00499… must not round down
        (2.675, 2, "2,68%"),
        (12.345, 1, "12,3%"),
        (12.35, 1, "12,4%"),
        (12.0, 1, "12%"),
        (33.333333, 3, "33,333%"),
        (66.6666, 2, "66,67%"),
        (1234.5, 2, "1.234,50%"),
        (-5.25, 2, "-5,25%"),
        (-0.001, 2, "0%"),  # never "-0%"
        (-2.5, 0, "-3%"),  # half away from zero
    ],
)
def test_format_percent(value: float | None, decimals: int, expected: str) -> None:
    assert format_percent(value, decimals) == expected


def test_format_percent_default_decimals() -> None:
    assert format_percent(99.1643) == "99,16%"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_format_percent_rejects_nan_and_infinity(bad: float) -> None:
    with pytest.raises(ValueError):
        format_percent(bad)


@pytest.mark.parametrize(
    ("part", "total", "expected"),
    [
        (35599, 35900, 35599 * 100 / 35900),
        (1, 2, 50.0),
        (0, 10, 0.0),
        (10, 10, 100.0),
        (3, 0, None),
        (3, None, None),
        (None, 10, None),
        (None, None, None),
    ],
)
def test_percent(part: int | None, total: int | None, expected: float | None) -> None:
    assert percent(part, total) == expected


@pytest.mark.parametrize(
    ("part", "total", "unit", "expected"),
    [
        (35599, 35900, "đảng viên", "35.599/35.900 đảng viên, đạt 99,16%"),
        (35599, 35900, "", "35.599/35.900, đạt 99,16%"),
        (35599, 35900, "  đảng viên ", "35.599/35.900 đảng viên, đạt 99,16%"),
        (120, 120, "tổ chức đảng", "120/120 tổ chức đảng, đạt 100%"),
        (0, 120, "chi bộ", "0/120 chi bộ, đạt 0%"),
        (1916, 2000, "đảng viên", "1.916/2.000 đảng viên, đạt 95,80%"),
        (35599, 0, "đảng viên", "35.599 đảng viên"),
        (35599, None, "đảng viên", "35.599 đảng viên"),
        (35599, None, "", "35.599"),
        (None, 100, "đảng viên", ""),
    ],
)
def test_format_ratio(part: int | None, total: int | None, unit: str, expected: str) -> None:
    assert format_ratio(part, total, unit) == expected


def test_format_ratio_decimals() -> None:
    assert format_ratio(1, 3, "chi bộ", decimals=1) == "1/3 chi bộ, đạt 33,3%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("7", 7),
        ("007", 7),
        ("1234", 1234),
        ("1.234", 1234),
        ("1 234", 1234),
        ("1\u00a0234", 1234),  # no-break space
        ("1\u202f234", 1234),  # narrow no-break space
        ("35.599", 35599),
        ("1.234.567", 1234567),
        ("1 234 567", 1234567),
        ("1.234 567", 1234567),
        ("100.000", 100000),
        ("  42  ", 42),
        ("+42", 42),
        ("１２３", 123),  # full-width digits
        ("9.223.372.036.854.775.807", MAX_INT),
    ],
)
def test_parse_int_ok(text: str, expected: int) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-5", -5),
        ("- 5", -5),
        ("-1.234", -1234),
        ("\u22121.234", -1234),  # Unicode minus sign
        ("-0", 0),
    ],
)
def test_parse_int_negative_allowed(text: str, expected: int) -> None:
    assert parse_int(text, allow_negative=True) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Chưa nhập số"),
        ("   ", "Chưa nhập số"),
        (None, "Chưa nhập số"),
        ("1,5", "dấu phẩy là dấu thập phân"),
        ("1,234", "dấu phẩy là dấu thập phân"),
        ("5,00", "dấu phẩy là dấu thập phân"),
        ("12.34", "nhóm 3 chữ số"),
        ("1.2345", "nhóm 3 chữ số"),
        ("1234.567", "nhóm 3 chữ số"),
        ("1..234", "nhóm 3 chữ số"),
        (".234", "nhóm 3 chữ số"),
        ("1.234.", "nhóm 3 chữ số"),
        ("1  234", "nhóm 3 chữ số"),
        ("12 34", "nhóm 3 chữ số"),
        ("abc", "chỉ được nhập chữ số"),
        ("12a", "chỉ được nhập chữ số"),
        ("1e3", "chỉ được nhập chữ số"),
        ("5%", "chỉ được nhập chữ số"),
        ("+", "chỉ được nhập chữ số"),
        ("-", "chỉ được nhập chữ số"),
        ("--5", "chỉ được nhập chữ số"),
        ("-5", "không được nhập số âm"),
        ("-1.234", "không được nhập số âm"),
        ("9223372036854775808", "số quá lớn"),
        ("1" * 5000, "số quá lớn"),
    ],
)
def test_parse_int_errors(text: str | None, fragment: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_int(text)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_number_parse_error_message_format() -> None:
    with pytest.raises(NumberParseError) as info:
        parse_int(" 1,5 ")
    assert str(info.value).startswith("Số không hợp lệ: «1,5» — ô này chỉ nhận số nguyên")
    assert info.value.text == " 1,5 "


@pytest.mark.parametrize("n", [0, 1, 999, 1000, 35599, 1234567, MAX_INT])
def test_format_then_parse_round_trip(n: int) -> None:
    assert parse_int(format_int(n)) == n
    assert parse_int(format_int(-n), allow_negative=True) == -n
