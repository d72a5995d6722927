"""Cài đặt: where the data lives, the lists, and the language saved for the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.services import vocab
from desktop.services.database import Database
from desktop.ui import i18n
from desktop.ui.pages.settings_page import SettingsPage


def test_shows_the_database_and_the_lists(qtbot: QtBot, demo_db: Database) -> None:
    page = SettingsPage(demo_db)
    qtbot.addWidget(page)
    page.page_shown()
    assert page.ui.locationValue.text() == demo_db.location
    assert page.ui.backendValue.text() == "Tệp SQLite trên máy này"
    assert page.ui.revisionValue.text()
    assert "đơn vị" in page.ui.contentsValue.text()
    kinds = vocab.org_kinds(demo_db)
    assert kinds and page.ui.kindsList.count() == len(kinds)
    assert page.ui.typesList.count() == len(vocab.document_types(demo_db))
    assert page.ui.dataGroup.title() == "Nơi lưu dữ liệu"


def test_language_is_saved_for_the_next_start(qtbot: QtBot, demo_db: Database) -> None:
    page = SettingsPage(demo_db)
    qtbot.addWidget(page)
    assert page.ui.languageCombo.currentData() == "vi"
    page.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("en"))
    assert QSettings().value(i18n.LANGUAGE_KEY) == "en"
    assert i18n.saved_language() == "en"
    assert page.ui.languageNote.text() == "Đã lưu. Lần mở chương trình sau sẽ dùng English."
    again = SettingsPage(demo_db)
    qtbot.addWidget(again)
    assert again.ui.languageCombo.currentData() == "en"


def test_first_run_is_detected(sqlite_db: Database, demo_db: Database) -> None:
    assert vocab.is_empty(sqlite_db)
    assert not vocab.is_empty(demo_db)
    info = vocab.database_info(demo_db)
    assert info.organisations > 0 and info.documents == 4 and not info.is_empty
