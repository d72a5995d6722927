"""Fixtures of the GUI tests: a demo database, isolated QSettings, the runner, typing helpers.

The Vietnamese translation is installed once for the session, so the tests see what a clerk
sees. Message boxes never block: the wrapper runs non-interactive and records what it was asked
to show.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop import config
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner
from desktop.ui import i18n
from desktop.ui.dialogs import message

DEMO_TODAY = date(2026, 11, 30)


def make_demo(db: Database, progress=None):  # type: ignore[no-untyped-def]
    from desktop.services.demo import create_demo

    return create_demo(db, orgs=300, documents=4, today=DEMO_TODAY, progress=progress)


@pytest.fixture(scope="session")
def demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    try:
        make_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    yield db
    db.close()


@pytest.fixture(scope="session", autouse=True)
def vietnamese_ui(qapp: QApplication) -> Iterator[None]:
    qapp.setOrganizationName(config.ORG_NAME)
    qapp.setApplicationName(config.APP_NAME)
    translators = i18n.install(qapp, "vi")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings() in the code under test reads and writes an INI file in a temp folder."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def quiet_message_boxes() -> Iterator[list[message.ShownMessage]]:
    message.reset()
    message.set_interactive(False)
    yield message.history
    message.reset()
    message.set_interactive(True)


@pytest.fixture(autouse=True)
def no_dialog_left_open() -> Iterator[None]:
    """A window-modal dialog a test left open would take the next tests' key presses (their
    shortcuts never fire): close what is still shown after each test."""
    yield
    from PySide6.QtWidgets import QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` one key event per character (QTest.keyClicks aborts on non-ASCII)."""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isprintable() else int(Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
