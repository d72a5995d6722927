"""Format profiles: the shipped ones load with the values of official-format.md, and a broken
one is refused with a message naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.reports.profiles import (
    ProfileError,
    available_profiles,
    formats_dir,
    load_profile,
    load_profile_file,
)


def test_shipped_profiles() -> None:
    assert available_profiles() == ["party-2026", "party-36", "state-30"]
    party, state = load_profile("party-36"), load_profile("state-30")
    assert (party.page.top_mm, party.page.bottom_mm, party.page.left_mm,
            party.page.right_mm) == (20, 20, 30, 15)
    assert party.page.font == state.page.font == "Times New Roman"
    assert party.element("title").size == 15 and party.element("title").bold
    assert not party.element("signer_title").bold and state.element("signer_title").bold
    assert party.element("recipients_label").underline
    assert state.element("recipients_label").bold and state.element("recipients_label").italic
    assert (party.element("recipients").size, state.element("recipients").size) == (12, 11)
    assert party.rules.number_prefix == "Số " and state.rules.number_prefix == "Số: "
    assert party.header.left_mm + party.header.right_mm == party.page.usable_width_mm
    assert party.body.line_spacing == "exact" and party.body.line_spacing_value == 18
    successor = load_profile("party-2026")
    assert successor.elements == party.elements and successor.page == party.page
    text = (formats_dir() / "party-2026.toml").read_text(encoding="utf-8")
    assert "NOT CONFIRMED" in text and "copy of party-36" in text


def test_unknown_profile() -> None:
    with pytest.raises(ProfileError, match="party-36, state-30"):
        load_profile("party-99")


@pytest.mark.parametrize(("before", "after", "key"), [
    ("size = 15\n", 'size = "mười lăm"\n', "elements.title.size"),
    ('align = "justify"', 'align = "giữa"', "elements.body.align"),
    ("left_mm = 30", "left_mm = -30", "page.left_mm"),
    ("[elements.excerpt]", "[elements.excerpt_typo]", "elements.excerpt"),
    ("right_mm = 97", "right_mm = 140", "header.left_mm"),
    ('number_pattern = "{number}-{type}/{body}"', 'number_pattern = "{number}"',
     "rules.number_pattern"),
    ("mirror_margins = false", "mirror_margins = 0", "page.mirror_margins"),
])
def test_broken_profile_names_file_and_key(tmp_path: Path, before: str, after: str,
                                           key: str) -> None:
    src = (formats_dir() / "party-36.toml").read_text(encoding="utf-8")
    assert before in src
    path = tmp_path / "hong.toml"
    path.write_text(src.replace(before, after, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile_file(path)
    assert "hong.toml" in info.value.message and f"«{key}»" in info.value.message


def test_profile_that_is_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("[page\nwidth_mm = ", encoding="utf-8")
    with pytest.raises(ProfileError, match="x.toml.*TOML"):
        load_profile_file(path)
