"""Number and symbol rules of both regimes: what clerks type, what is refused and why."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ValidationError
from desktop.services.document_numbers import (
    format_number_symbol,
    normalise_number,
    normalise_symbol,
    parse_number_symbol,
    symbol_body_part,
)

PARSED = [
    # (typed, regime, number, symbol)
    ("15-CT/TU", "party", "15", "CT/TU"),
    ("Số 15-CT/TU", "party", "15", "CT/TU"),
    ("15 - CT/TU", "party", "15", "CT/TU"),
    ("  số 15 - ct / tu ", "party", "15", "CT/TU"),
    ("SỐ 05-HD/BTGDVTU", "party", "05", "HD/BTGDVTU"),
    ("So 15-ct/tu", "party", "15", "CT/TU"),
    ("15\u2013CT\u2215TU", "party", "15", "CT/TU"),  # en dash and division slash from Word
    ("Số\u00a015-BC/ĐU", "party", "15", "BC/ĐU"),  # NBSP after "Số", Đ kept
    ("số: 15/QĐ-UBND", "state", "15", "QĐ-UBND"),
    ("15/qđ-ubnd", "state", "15", "QĐ-UBND"),
    ("Số: 123 / CV - UBND", "state", "123", "CV-UBND"),
    ("Sô\u0301 7-CT/TU", "party", "7", "CT/TU"),  # decomposed (NFD) "Số"
]


@pytest.mark.parametrize(("typed", "regime", "number", "symbol"), PARSED)
def test_parse_accepts_what_clerks_type(typed: str, regime: str, number: str,
                                        symbol: str) -> None:
    assert parse_number_symbol(typed, regime) == (number, symbol)


REFUSED = [
    # (typed, regime, field, words the message must contain)
    ("", "party", "number", ["Chưa nhập số và ký hiệu", "15-CT/TU"]),
    ("CT/TU", "party", "number", ["không bắt đầu bằng số", "15-CT/TU"]),
    ("15", "party", "symbol", ["còn thiếu ký hiệu", "«-»"]),
    ("15/CT-TU", "party", "symbol", ["kiểu văn bản hành chính", "15-CT/TU"]),
    ("15-QĐ-UBND", "state", "symbol", ["kiểu văn bản của Đảng", "15/QĐ-UBND"]),
    ("15-CT-TU", "party", "symbol", ["dùng dấu «-»", "CT/TU"]),
    ("15-CTTU", "party", "symbol", ["thiếu dấu «/»"]),
    ("15-/TU", "party", "symbol", ["thiếu chữ viết tắt của loại văn bản"]),
    ("15-CT/", "party", "symbol", ["thiếu ký hiệu cơ quan ban hành"]),
    ("15-CT/TU/VP", "party", "symbol", ["chỉ gồm hai phần"]),
    ("15-CT/T U", "party", "symbol", ["ký tự không hợp lệ"]),
    ("15 CT TU", "party", "symbol", ["Sau số «15» phải là dấu «-»"]),
    ("0-CT/TU", "party", "number", ["bắt đầu từ 01"]),
    ("1234567-CT/TU", "party", "number", ["dài quá 6 chữ số"]),
    ("15/QĐ/UBND", "state", "symbol", ["dùng dấu «/»", "QĐ-UBND"]),
    ("15/QĐ-UBND-VX", "state", "symbol", ["chỉ gồm hai phần"]),
]


@pytest.mark.parametrize(("typed", "regime", "field", "words"), REFUSED)
def test_parse_refuses_with_a_reason_and_an_example(typed: str, regime: str, field: str,
                                                    words: list[str]) -> None:
    with pytest.raises(ValidationError) as info:
        parse_number_symbol(typed, regime)
    assert info.value.field == field
    for word in words:
        assert word in info.value.message, info.value.message
    assert "Ví dụ đúng" in info.value.message


@pytest.mark.parametrize(("number", "expected"), [("15", "15"), ("05", "05"), (" 7 ", "7"),
                                                  ("Số 15", "15"), ("001", "001")])
def test_number_keeps_leading_zeros(number: str, expected: str) -> None:
    assert normalise_number(number, "party") == expected


@pytest.mark.parametrize(("number", "words"), [
    ("", "Chưa nhập số"),
    ("15a", "chỉ gồm chữ số"),
    ("mười lăm", "chỉ gồm chữ số"),
    ("15-CT/TU", "Ô «Số» chỉ ghi phần số"),
    ("00", "bắt đầu từ 01"),
    ("１５", "chỉ gồm chữ số"),  # full-width digits are not ASCII digits
])
def test_number_refusals(number: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_number(number, "state")
    assert info.value.field == "number" and words in info.value.message
    assert "15/QĐ-UBND" in info.value.message


def _symbol(symbol: str, regime: str = "party", code: str = "CT", name: str = "Chỉ thị",
            body: str = "TU", body_name: str = "TỈNH ỦY HÀ SƠN") -> str:
    return normalise_symbol(symbol, regime, type_code=code, type_name=name, body_symbol=body,
                            body_name=body_name)


def test_symbol_takes_the_canonical_spelling() -> None:
    assert _symbol("ct/tu") == "CT/TU"
    assert _symbol("CT / TU") == "CT/TU"
    assert _symbol("ctr/tu", code="CTr", name="Chương trình") == "CTr/TU"
    assert _symbol("qđi/tu", code="QĐi", name="Quy định") == "QĐi/TU"
    assert _symbol("hd/btgdvtu", code="HD", name="Hướng dẫn", body="BTGDVTU") == "HD/BTGDVTU"
    assert _symbol("qđ-ubnd", "state", code="QĐ", name="Quyết định", body="UBND") == "QĐ-UBND"


def test_symbol_must_match_type_and_issuing_body() -> None:
    with pytest.raises(ValidationError) as info:
        _symbol("NQ/TU")
    assert info.value.field == "symbol"
    assert "Chỉ thị viết tắt là «CT»" in info.value.message
    assert "phải là CT/TU" in info.value.message
    with pytest.raises(ValidationError) as info:
        _symbol("CT/BTGTU")
    assert "ký hiệu của cơ quan ban hành (TỈNH ỦY HÀ SƠN: «TU»)" in info.value.message
    assert "đã ghi «BTGTU»" in info.value.message
    with pytest.raises(ValidationError) as info:
        _symbol("15-CT/TU")
    assert "không ghi số văn bản" in info.value.message
    with pytest.raises(ValidationError) as info:
        _symbol("CT-TU")
    assert "dùng dấu «-»" in info.value.message
    with pytest.raises(ValidationError) as info:
        _symbol("QĐ/UBND", "state", code="QĐ", name="Quyết định", body="UBND")
    assert "QĐ-UBND" in info.value.message
    with pytest.raises(ValidationError) as info:
        _symbol("", "state", code="QĐ", name="Quyết định", body="UBND")
    assert "Chưa nhập ký hiệu" in info.value.message


def test_formatting_per_regime() -> None:
    assert format_number_symbol("15", "CT/TU", "party") == "15-CT/TU"
    assert format_number_symbol("15", "CT/TU", "party", prefix=True) == "Số 15-CT/TU"
    assert format_number_symbol("15", "QĐ-UBND", "state") == "15/QĐ-UBND"
    assert format_number_symbol("15", "QĐ-UBND", "state", prefix=True) == "Số: 15/QĐ-UBND"
    assert format_number_symbol("", "CT/TU", "party") == "CT/TU"
    for _typed, regime, number, symbol in PARSED:
        assert parse_number_symbol(format_number_symbol(number, symbol, regime), regime) == (
            number, symbol)


def test_body_part_of_a_symbol() -> None:
    assert symbol_body_part("CT/TU", "party") == "TU"
    assert symbol_body_part("QĐ-UBND", "state") == "UBND"
    assert symbol_body_part("CT", "party") == ""
