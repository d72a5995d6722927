"""Tests for desktop.domain.dates: tolerant day-first parsing and official date lines."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.dates import (
    DateParseError,
    format_date,
    official_date_line,
    official_date_phrase,
    parse_date,
)

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/02/2026", date(2026, 2, 5)),
        ("5/2/2026", date(2026, 2, 5)),
        ("5/2", date(2026, 2, 5)),
        ("05/02", date(2026, 2, 5)),
        ("5-2-26", date(2026, 2, 5)),
        ("5-2-2026", date(2026, 2, 5)),
        ("5.2.2026", date(2026, 2, 5)),
        ("5.2.26", date(2026, 2, 5)),
        ("5.2.2026.", date(2026, 2, 5)),
        ("5/2/26", date(2026, 2, 5)),
        ("5/2/00", date(2000, 2, 5)),
        ("5/2/99", date(2099, 2, 5)),
        ("05022026", date(2026, 2, 5)),
        ("050226", date(2026, 2, 5)),
        ("0502", date(2026, 2, 5)),
        ("2026-02-05", date(2026, 2, 5)),
        ("2026-2-5", date(2026, 2, 5)),
        ("  05/02/2026  ", date(2026, 2, 5)),
        ("\t5/2/2026\n", date(2026, 2, 5)),
        ("\u00a05/2/2026\u00a0", date(2026, 2, 5)),
        ("5 / 2 / 2026", date(2026, 2, 5)),
        ("5 2 2026", date(2026, 2, 5)),
        ("5/2-2026", date(2026, 2, 5)),
        ("０５/０２/２０２６", date(2026, 2, 5)),  # full-width digits
        ("31/12/2026", date(2026, 12, 31)),
        ("1/1/2026", date(2026, 1, 1)),
        ("29/02/2024", date(2024, 2, 29)),
        ("29/2/24", date(2024, 2, 29)),
        ("29/02/2000", date(2000, 2, 29)),  # divisible by 400: leap
        ("31/01/2026", date(2026, 1, 31)),
        ("30/04/2026", date(2026, 4, 30)),
        ("31/03/2026", date(2026, 3, 31)),
        ("01/01/1900", date(1900, 1, 1)),
        ("31/12/2100", date(2100, 12, 31)),
        ("ngày 05 tháng 02 năm 2026", date(2026, 2, 5)),
        ("Ngày 5 tháng 2 năm 2026", date(2026, 2, 5)),
        ("ngày 15 tháng 3", date(2026, 3, 15)),
        ("15 tháng 3, năm 2026", date(2026, 3, 15)),
    ],
)
def test_parse_date_ok(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("5/2", 2024, date(2024, 2, 5)),
        ("29/2", 2024, date(2024, 2, 29)),
        ("0502", 2025, date(2025, 2, 5)),
        ("5/2/2026", 2024, date(2026, 2, 5)),  # an explicit year wins
        ("5/2", None, date(2026, 2, 5)),  # today's year
    ],
)
def test_parse_date_default_year(text: str, default_year: int | None, expected: date) -> None:
    assert parse_date(text, default_year=default_year, today=TODAY) == expected


def test_parse_date_without_year_uses_current_year() -> None:
    assert parse_date("1/1") == date(date.today().year, 1, 1)


def test_parse_date_29_feb_without_year_in_non_leap_default() -> None:
    with pytest.raises(DateParseError, match="tháng 2 năm 2026 chỉ có 28 ngày"):
        parse_date("29/2", today=TODAY)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Chưa nhập ngày"),
        ("   ", "Chưa nhập ngày"),
        (None, "Chưa nhập ngày"),
        ("29/02/2026", "tháng 2 năm 2026 chỉ có 28 ngày"),
        ("29/02/2100", "tháng 2 năm 2100 chỉ có 28 ngày"),  # divisible by 100: not leap
        ("30/02/2024", "tháng 2 năm 2024 chỉ có 29 ngày"),
        ("31/02/2026", "tháng 2 năm 2026 chỉ có 28 ngày"),
        ("31/04/2026", "tháng 4 năm 2026 chỉ có 30 ngày"),
        ("31/06/2026", "tháng 6 năm 2026 chỉ có 30 ngày"),
        ("31/09/2026", "tháng 9 năm 2026 chỉ có 30 ngày"),
        ("31/11/2026", "tháng 11 năm 2026 chỉ có 30 ngày"),
        ("32/01/2026", "tháng 1 năm 2026 chỉ có 31 ngày"),
        ("00/01/2026", "không có ngày 0"),
        ("13/13/2026", "không có tháng 13"),
        ("5/0/2026", "không có tháng 0"),
        ("5/13", "không có tháng 13"),
        ("5/2/1899", "năm 1899 nằm ngoài khoảng 1900–2100"),
        ("5/2/2101", "năm 2101 nằm ngoài khoảng 1900–2100"),
        ("5/2/202", "năm phải viết đủ 4 chữ số"),
        ("5/2/20266", "năm phải viết đủ 4 chữ số"),
        ("abc", "không đọc được"),
        ("5/2/2026/1", "không đọc được"),
        ("5//2", "không đọc được"),
        ("hôm qua", "không đọc được"),
        ("2026/02/05", "không đọc được"),
        ("12345", "không đọc được"),
        ("5/2/2026 10:30", "không đọc được"),
        ("-5/2/2026", "không đọc được"),
        ("5,2,2026", "không đọc được"),
        ("2026-02-30", "tháng 2 năm 2026 chỉ có 28 ngày"),
        ("2026-13-01", "không có tháng 13"),
    ],
)
def test_parse_date_errors(text: str | None, fragment: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text, today=TODAY)  # type: ignore[arg-type]
    message = str(info.value)
    assert fragment in message
    assert "ví dụ 05/02/2026" in message
    assert isinstance(info.value, ValueError)


def test_date_parse_error_message_format() -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(" 31/02/2026 ", today=TODAY)
    assert str(info.value) == (
        "Ngày không hợp lệ: «31/02/2026» — tháng 2 năm 2026 chỉ có 28 ngày. "
        "Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026."
    )
    assert info.value.text == " 31/02/2026 "
    assert info.value.reason == "tháng 2 năm 2026 chỉ có 28 ngày"


def test_date_parse_error_empty_message() -> None:
    with pytest.raises(DateParseError) as info:
        parse_date("")
    assert str(info.value) == "Chưa nhập ngày. Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026."


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 2, 5), "05/02/2026"),
        (date(2026, 12, 31), "31/12/2026"),
        (date(1900, 1, 1), "01/01/1900"),
        (datetime(2026, 3, 15, 10, 30), "15/03/2026"),
        (None, ""),
    ],
)
def test_format_date(d: date | None, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    "d", [date(2026, 2, 5), date(2024, 2, 29), date(2026, 12, 31), date(2000, 1, 1)]
)
def test_format_then_parse_round_trip(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(official_date_phrase(d)) == d


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 3), "ngày 03 tháng 01 năm 2026"),
        (date(2026, 1, 31), "ngày 31 tháng 01 năm 2026"),
        (date(2026, 2, 10), "ngày 10 tháng 02 năm 2026"),
        (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (date(2018, 4, 3), "ngày 03 tháng 4 năm 2018"),
        (date(2026, 9, 9), "ngày 09 tháng 9 năm 2026"),
        (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
        (date(2026, 11, 30), "ngày 30 tháng 11 năm 2026"),
        (date(2026, 12, 5), "ngày 05 tháng 12 năm 2026"),
        (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    ],
)
def test_official_date_phrase(d: date, expected: str) -> None:
    assert official_date_phrase(d) == expected


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [1, 9, 10, 28])
def test_official_date_padding_rule(day: int, month: int) -> None:
    phrase = official_date_phrase(date(2026, month, day))
    _, day_text, _, month_text, _, year_text = phrase.split()
    assert day_text == f"{day:02d}"
    assert month_text == (f"{month:02d}" if month in (1, 2) else str(month))
    assert year_text == "2026"


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        ("Quảng Trị", date(2026, 2, 5), "Quảng Trị, ngày 05 tháng 02 năm 2026"),
        ("Hạ Long", date(2018, 4, 3), "Hạ Long, ngày 03 tháng 4 năm 2018"),
        ("  Quảng  Trị ", date(2026, 3, 15), "Quảng Trị, ngày 15 tháng 3 năm 2026"),
        ("Hà Nội", date(2026, 12, 5), "Hà Nội, ngày 05 tháng 12 năm 2026"),
        ("", date(2026, 1, 3), "Ngày 03 tháng 01 năm 2026"),
    ],
)
def test_official_date_line(place: str, d: date, expected: str) -> None:
    assert official_date_line(place, d) == expected
