"""The generated forms are up to date: compiling each forms/*.ui gives the committed file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.ui import build_forms

UI_FILES = sorted(build_forms.FORMS_DIR.glob("*.ui"))
_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.M)


def _normalised(text: str) -> str:
    return _VERSION_LINE.sub("## Created by: Qt User Interface Compiler", text)


def test_there_are_forms() -> None:
    names = {p.stem for p in UI_FILES}
    assert {"main_window", "settings_page"} <= names


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_compiled_form_is_current(ui_file: Path, tmp_path: Path) -> None:
    committed = build_forms.generated_path(ui_file)
    assert committed.is_file(), f"run python -m desktop.ui.build_forms ({committed} missing)"
    fresh = tmp_path / committed.name
    build_forms.compile_form(ui_file, fresh)
    assert _normalised(fresh.read_text(encoding="utf-8")) == _normalised(
        committed.read_text(encoding="utf-8")
    ), f"{committed.name} is stale: run python -m desktop.ui.build_forms"


def test_no_generated_form_without_its_ui_file() -> None:
    generated = {p.name for p in build_forms.GENERATED_DIR.glob("ui_*.py")}
    assert generated == {build_forms.generated_path(p).name for p in UI_FILES}
