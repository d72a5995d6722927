"""Helpers of the tracking grid tests: open the page on a document, press keys, read rows back."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QEventLoop, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.documents import find_document
from desktop.services.tracking_grid import TrackingRowDTO, fetch_rows
from desktop.tasks.runner import TaskRunner
from desktop.ui.pages.tracking_grid_panel import TrackingGridPanel
from desktop.ui.pages.tracking_page import TrackingPage
from tests.ui.conftest import DEMO_TODAY

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_grid(qtbot: QtBot, db: Database, runner: TaskRunner,
              document: str = "05-KL/TU") -> tuple[TrackingPage, TrackingGridPanel]:
    page = TrackingPage(db, runner, today=DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.page_shown()
    grid = page.grid
    grid.open_document(find_document(db, document).id)
    settle(qtbot, grid)
    grid.view.setFocus()
    return page, grid


def settle(qtbot: QtBot, grid: TrackingGridPanel) -> None:
    """Wait for the grid's rows (they are queried on the TaskRunner)."""
    qtbot.waitUntil(lambda: not grid.loading)


def focused(default: QWidget) -> QWidget:
    """Where keys go: the grid's open editor (even when, under a loaded test run, another
    window is the active one), else the application's focus widget (a dialog), else the grid."""
    from PySide6.QtWidgets import QAbstractItemView

    editing = isinstance(default, QAbstractItemView) and \
        default.state() == QAbstractItemView.State.EditingState
    inside = default.window().focusWidget()
    if editing and inside is not None and default.isAncestorOf(inside):
        return inside
    return QApplication.focusWidget() or default


def press(grid: TrackingGridPanel, key: Qt.Key, modifiers: Qt.KeyboardModifier =
          Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """One key press + release on whatever has the focus (the grid or its open editor)."""
    window = grid.window()
    if QApplication.activeModalWidget() is None and QApplication.activeWindow() is not window:
        # shortcuts fire only in the active window; a long test run may have left another
        # test's window active
        window.activateWindow()
        deadline = time.monotonic() + 2.0  # activation is asynchronous on some platforms
        while QApplication.activeWindow() is not window and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    target = focused(grid.view)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))
    QApplication.processEvents()


def type_keys(grid: TrackingGridPanel, text: str) -> None:
    """Type ``text`` one character at a time on the focused widget (non-ASCII: Key_unknown)."""
    for ch in text:
        if ch == "\b":
            press(grid, Key.Key_Backspace)
            continue
        key = Qt.Key(ord(ch.upper())) if ch.isascii() else Key.Key_unknown
        press(grid, key, text=ch)


def row(db: Database, tracking_id: int) -> TrackingRowDTO:
    return fetch_rows(db, [tracking_id], DEMO_TODAY)[0]


def go(grid: TrackingGridPanel, row_number: int, key: str) -> int:
    """Put the cursor on ``row_number``, column ``key``; the row's tracking id."""
    index = grid.model.index(row_number, grid.model.column_of(key))
    grid.view.setCurrentIndex(index)
    grid.view.setFocus()
    return grid.model.ids()[row_number]


def current_key(grid: TrackingGridPanel) -> str:
    return grid.model.columns[grid.view.currentIndex().column()].key
