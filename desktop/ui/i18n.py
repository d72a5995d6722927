"""Translations: Vietnamese is the default, English is the source language.

The ``.ts`` file in ``resources/translations`` is the source of truth (edited with Qt Linguist,
refreshed with ``python -m desktop.ui.build_forms --lupdate``). The compiled ``.qm`` is build
output and not kept in git: at start-up it is compiled with ``lrelease`` when it is missing or
older than the ``.ts`` — beside the ``.ts`` when that folder is writable, otherwise in the user's
cache folder. Qt ships no Vietnamese translation of its own dialogs (``qtbase_vi.qm``); it is
loaded if a future Qt has one, and :mod:`desktop.ui.dialogs.message` translates the standard
buttons meanwhile.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    QTranslator,
)

from desktop import config

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
SOURCE_LANGUAGE = "en"


def saved_language() -> str:
    value = QSettings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(code: str) -> None:
    if code in LANGUAGES:
        QSettings().setValue(LANGUAGE_KEY, code)


def translations_dir() -> Path:
    return config.resources_dir() / "translations"


def ts_file(language: str) -> Path:
    return translations_dir() / f"theodoi_{language}.ts"


def _fresh(qm: Path, ts: Path) -> bool:
    try:
        return qm.stat().st_mtime >= ts.stat().st_mtime
    except OSError:
        return False


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _cache_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location or tempfile.gettempdir()) / "translations"


def lrelease_executable() -> Path | None:
    """Qt's ``lrelease``: the binary inside the PySide6 package, or a wrapper on the PATH."""
    import PySide6

    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [
        Path(PySide6.__file__).resolve().parent / f"lrelease{exe}",
        Path(sys.executable).parent / f"pyside6-lrelease{exe}",
    ]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            candidates.append(Path(found))
    return next((c for c in candidates if c.is_file()), None)


def compile_ts(ts: Path, qm: Path) -> bool:
    """Run lrelease (into a temporary file first, so a half-written .qm never exists)."""
    tool = lrelease_executable()
    if tool is None:
        log.warning("lrelease not found; cannot compile %s", ts)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".qm", dir=qm.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        done = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True, text=True, timeout=60, check=False,
        )
        if done.returncode != 0 or tmp.stat().st_size == 0:
            log.warning("lrelease failed for %s: %s", ts, done.stderr.strip())
            return False
        os.replace(tmp, qm)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease could not run for %s: %s", ts, exc)
        return False
    finally:
        tmp.unlink(missing_ok=True)


def compiled_qm(language: str) -> Path | None:
    """The up-to-date ``.qm`` of ``language``, compiling it first when needed."""
    ts = ts_file(language)
    beside = ts.with_suffix(".qm")
    if not ts.is_file():  # an installed build ships only the .qm
        return beside if beside.is_file() else None
    if _fresh(beside, ts):
        return beside
    cached = _cache_dir() / beside.name
    if _fresh(cached, ts):
        return cached
    targets = [beside, cached] if _writable(ts.parent) else [cached]
    for target in targets:
        if compile_ts(ts, target):
            return target
    # Better a slightly old translation than none.
    return next((p for p in (beside, cached) if p.is_file()), None)


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translators for ``language`` into ``app``; English needs none."""
    if language == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    qm = compiled_qm(language)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation loaded for %s (looked for %s)", language, qm)
    return installed
