"""Shared by the dashboard and matrix tests: a 400-organisation, 6-document demo province.

Import the fixtures into a test module (``from .dashboard_support import dash_db``) so pytest
finds them there; the demo is built once per session (cached here across modules).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.tasks.runner import TaskRunner

from .conftest import DEMO_TODAY

_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def dash_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if "demo" not in _BUILT:
        path = tmp_path_factory.mktemp("dash") / "demo.sqlite3"
        shutil.copyfile(sqlite_template, path)
        db = Database.open(str(path), actor="kiem-thu")
        try:
            create_demo(db, orgs=400, documents=6, today=DEMO_TODAY)
        finally:
            db.close()
        _BUILT["demo"] = path
    return _BUILT["demo"]


@pytest.fixture
def dash_db(dash_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "dash.sqlite3"
    shutil.copyfile(dash_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    yield db
    db.close()


@pytest.fixture
def keep(runner: TaskRunner) -> Iterator[list[QWidget]]:
    """Widgets kept alive until the runner has stopped.

    The worker thread drops its reference to a finished task (and so to the callbacks and the
    parent widget it holds) a moment after handing the result over; a top-level widget whose
    last reference went with it would be deleted on the worker thread. Tests append their
    top-level widgets here so they outlive the worker.
    """
    widgets: list[QWidget] = []
    yield widgets
    runner.shutdown()
    widgets.clear()
