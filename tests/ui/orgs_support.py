"""Shared by the tests of the "Đơn vị" page and its dialogs: a 400-organisation demo province
(2 documents, as of 30/11/2026), opening the page, keys, and walking a dialog's tab order.

Import the fixtures into a test module (``from .orgs_support import orgs_db``) so pytest
finds them there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.dto import OrgNode
from desktop.tasks.runner import TaskRunner
from desktop.ui.pages.organisations_page import OrganisationsPage

from .conftest import DEMO_TODAY


@pytest.fixture(scope="session")
def orgs_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("orgs400") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    try:
        create_demo(db, orgs=400, documents=2, today=DEMO_TODAY)
    finally:
        db.close()  # checkpoints the WAL: the file alone is the whole database
    return path


@pytest.fixture
def orgs_db(orgs_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "orgs.sqlite3"
    shutil.copyfile(orgs_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    yield db
    db.close()


def open_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> OrganisationsPage:
    page = OrganisationsPage(db, runner)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def find(db: Database, name: str) -> OrgNode:
    """The one organisation called exactly ``name`` today."""
    found = [n for n in organisations.search(db, name) if n.name == name]
    assert len(found) == 1, (name, found)
    return found[0]


def child_names(page: OrganisationsPage, parent_id: int) -> list[str]:
    model = page.tree_model
    index = model.index_of(parent_id)
    return [model.index(r, 0, index).data() for r in range(model.rowCount(index))]


def root_index(page: OrganisationsPage) -> QModelIndex:
    return page.tree_model.index(0, 0)


def tab_walk(dialog: QDialog, start: QWidget, steps: int = 40) -> list[QWidget]:
    """The widgets focus visits from ``start`` with Tab, until it comes back round."""
    dialog.show()
    start.setFocus()
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        if widget is None or (seen and widget is seen[0]):
            break
        seen.append(widget)
        dialog.focusNextChild()
        QApplication.processEvents()
    return seen


def button_texts(widgets: list[QWidget]) -> list[str]:
    return [w.text() for w in widgets if isinstance(w, QAbstractButton)]
