"""Legacy TCVN3 (ABC) and VNI-Windows text: detection and conversion, checked against references."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from desktop.domain.legacy_vn import (
    _TCVN3,
    LegacyEncoding,
    convert_legacy,
    detect_legacy,
)

# Real strings as offices typed them (the brief's samples, and place names from public
# converters' documentation: "B¶o Th¾ng", "M­êng Kh­¬ng" with its soft hyphens = ư).
TCVN3_SAMPLES = [
    ("§¶ng bé x· Phó Léc", "Đảng bộ xã Phú Lộc"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),
    ("B¸t X¸t", "Bát Xát"),
    ("Chi bé th«n §«ng", "Chi bộ thôn Đông"),
    ("Thñ tôc", "Thủ tục"),
    ("TØNH ñY", "TỈNH ỦY"),  # .VnTimeH: capitals typed on the lowercase codes
]
VNI_SAMPLES = [
    ("Ñaûng boä xaõ Phuù Loäc", "Đảng bộ xã Phú Lộc"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("ñöôøng", "đường"),
    ("Tænh uûy", "Tỉnh ủy"),
    ("Nghò quyeát cuûa Tænh uûy", "Nghị quyết của Tỉnh ủy"),
    ("Hoäi nghò tröïc tuyeán", "Hội nghị trực tuyến"),
    ("ÑAÛNG BOÄ", "ĐẢNG BỘ"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_tcvn3_detected_and_converted(legacy: str, unicode: str) -> None:
    guess = detect_legacy(legacy)
    assert guess is not None and guess.encoding is LegacyEncoding.TCVN3
    assert guess.converted == unicode
    assert convert_legacy(legacy, "tcvn3") == unicode


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_vni_detected_and_converted(legacy: str, unicode: str) -> None:
    guess = detect_legacy(legacy)
    assert guess is not None and guess.encoding is LegacyEncoding.VNI
    assert guess.converted == unicode
    assert unicodedata.is_normalized("NFC", guess.converted)


@pytest.mark.parametrize(
    "text",
    [
        "Đảng bộ xã Phú Lộc",
        "Hà Nội",
        "café",
        "Kế hoạch 12-KH/ĐU",
        "Hội nghị",
        "",
        "abc 123",
        "Bí thư",
        "Ông Bà",
        "“Trích dẫn” – gạch ngang…",
    ],
)
def test_unicode_and_ascii_text_left_alone(text: str) -> None:
    assert detect_legacy(text) is None


def test_text_without_a_telltale_character_is_not_guessed() -> None:
    """ "Nghò quyeát" (VNI) and "bé" (TCVN3 for "bộ") are made of letters Unicode text uses
    too: nothing tells them apart, so nothing is offered (the caller never forces it)."""
    assert detect_legacy("Nghò quyeát") is None
    assert detect_legacy("bé") is None


def test_vni_full_alphabet() -> None:
    """Every VNI letter sequence (reference: the VNI-Windows keyboard table, in the order
    base, sắc, huyền, hỏi, ngã, nặng) gives the Unicode letter."""
    vni = (
        "a aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë e eù eø eû eõ eï eâ eá eà "
        "eå eã eä o où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï u uù uø uû uõ uï ö "
        "öù öø öû öõ öï i í ì æ ó ò y yù yø yû yõ î ñ"
    )
    uni = (
        "a á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ o ó ò ỏ õ ọ ô ố ồ "
        "ổ ỗ ộ ơ ớ ờ ở ỡ ợ u ú ù ủ ũ ụ ư ứ ừ ử ữ ự i í ì ỉ ĩ ị y ý ỳ ỷ ỹ ỵ đ"
    )
    assert convert_legacy(vni, "vni").split() == uni.split()
    assert convert_legacy(vni.upper(), "vni").split() == uni.upper().split()


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv not installed")
def test_tcvn3_table_matches_glibc_tcvn5712() -> None:
    """Bytes 0xA1..0xFF as Windows-1252 text read through our table equal glibc's
    TCVN5712-1 decoder (the reference implementation of TCVN 5712:1993)."""
    checked = 0
    for byte in range(0xA1, 0x100):
        ours = unicodedata.normalize("NFC", bytes([byte]).decode("cp1252").translate(_TCVN3))
        ref = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
            input=bytes([byte]),
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        assert ours == unicodedata.normalize("NFC", ref), hex(byte)
        checked += 1
    assert checked == 95
