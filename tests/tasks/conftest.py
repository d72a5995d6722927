"""The task runner's tests: pytest-qt's ``qapp``, offscreen, with the Vietnamese translation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.tasks.runner import TaskRunner
from desktop.ui import i18n


@pytest.fixture(scope="session", autouse=True)
def vietnamese_tasks(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "vi")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()
