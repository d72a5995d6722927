"""The Vietnamese translation is complete and in step with the sources, and it loads.

lupdate is run over the sources into a temporary .ts; every message it finds must be in the
committed .ts, translated and finished, and the committed .ts must hold nothing else (refresh it
with ``python -m desktop.ui.build_forms --lupdate``, translate with Qt Linguist).
"""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop.ui import build_forms, i18n

TS = build_forms.TRANSLATIONS_DIR / "theodoi_vi.ts"
Key = tuple[str, str, str]  # context, source, disambiguation comment


def messages(path: Path) -> dict[Key, ET.Element]:
    root = ET.parse(path).getroot()
    found: dict[Key, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    fresh = tmp_path_factory.mktemp("lupdate") / "theodoi_vi.ts"
    build_forms.run_lupdate(fresh, quiet=True)
    return messages(fresh)


def test_every_source_message_is_in_the_committed_ts(
    source_messages: dict[Key, ET.Element],
) -> None:
    committed = messages(TS)
    missing = sorted(set(source_messages) - set(committed))
    assert not missing, f"not in {TS.name} (run build_forms --lupdate and translate): {missing}"
    stale = sorted(set(committed) - set(source_messages))
    assert not stale, f"no longer in the sources (run build_forms --lupdate): {stale}"
    assert len(source_messages) > 50


def test_every_message_is_translated_and_finished() -> None:
    problems = []
    for key, message in messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished") or not (translation.text or "").strip():
            problems.append((key, kind))
    assert problems == []


def test_placeholders_and_access_keys_survive_translation() -> None:
    for (context, source, _), message in messages(TS).items():
        translation = message.findtext("translation") or ""
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation)), (
            context, source)
        if re.search(r"&\w", source):
            assert re.search(r"&\w", translation), (context, source, "lost its access key")


def test_compiled_translation_translates(tmp_path: Path) -> None:
    ts = tmp_path / TS.name
    shutil.copyfile(TS, ts)
    qm = tmp_path / "theodoi_vi.qm"
    assert i18n.compile_ts(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "Documents") == "Văn bản"
    assert translator.translate("MainWindow", "Organisations") == "Đơn vị"
    assert translator.translate("MessageBox", "&Yes") == "&Có"


def test_startup_compiles_a_missing_or_stale_qm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copyfile(TS, folder / TS.name)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    qm = i18n.compiled_qm("vi")
    assert qm == folder / "theodoi_vi.qm" and qm.is_file()
    assert i18n.compiled_qm("vi") == qm  # fresh: reused
    # the .ts changed and the install folder is read-only: compiled into the cache instead
    stat = qm.stat()
    os.utime(qm, (stat.st_atime, stat.st_mtime - 10))
    monkeypatch.setattr(i18n, "_writable", lambda folder: False)
    monkeypatch.setattr(i18n, "_cache_dir", lambda: tmp_path / "cache")
    cached = i18n.compiled_qm("vi")
    assert cached == tmp_path / "cache" / "theodoi_vi.qm"
    assert cached.is_file()
    assert i18n.compiled_qm("vi") == cached
