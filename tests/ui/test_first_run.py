"""An empty database opens on the welcome page; "Tạo dữ liệu mẫu" fills it in the background."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.documents_page import DocumentsPage

from .conftest import make_demo


def test_empty_database_shows_the_welcome_page_and_sample_data_replaces_it(
    qtbot: QtBot, sqlite_db: Database, runner: TaskRunner
) -> None:
    threads: list[str] = []

    def builder(db, progress):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return make_demo(db, progress)

    window = MainWindow(sqlite_db, runner, demo_builder=builder)
    qtbot.addWidget(window)
    window.show()
    assert window.welcome is not None
    assert window.ui.pages.currentWidget() is window.welcome
    assert not window.ui.navigation.isVisible()
    assert not window.ui.actionDocuments.isEnabled()
    # Alt+D: the menus keep Alt+T (Tệp), Alt+S (Sửa) and Alt+X (Xem) for themselves
    assert window.welcome.demo_button.text() == "Tạo &dữ liệu mẫu"
    assert window._pages == {}

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.welcome is None, timeout=20_000)
    assert threads and threads[0].startswith("theodoi-db")  # not the GUI thread
    assert window.current_key == "documents"
    assert window.ui.navigation.isVisible()
    page = window.page("documents")
    assert isinstance(page, DocumentsPage)
    assert page.model.rowCount() == 4


def test_a_failing_demo_is_explained_and_the_button_comes_back(
    qtbot: QtBot, sqlite_db: Database, runner: TaskRunner
) -> None:
    from desktop.domain.errors import ValidationError

    def builder(db, progress):  # type: ignore[no-untyped-def]
        raise ValidationError("Cơ sở dữ liệu đã có dữ liệu.")

    window = MainWindow(sqlite_db, runner, demo_builder=builder)
    qtbot.addWidget(window)
    window.show()
    assert window.welcome is not None
    window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: bool(message.history))
    assert message.history[-1].text == "Cơ sở dữ liệu đã có dữ liệu."
    assert window.welcome.demo_button.isEnabled()
    assert window.welcome.status.text() == "Chưa tạo được dữ liệu mẫu."
