"""The task runner: one worker thread, results in the GUI thread, delayed busy UI, cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.errors import NotFoundError
from desktop.tasks import runner as runner_module
from desktop.tasks.runner import TaskCancelled, TaskRunner, TaskState


def test_result_comes_back_in_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: dict[str, object] = {}

    def work(state: TaskState) -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.current_thread()

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run(work, on_done=done)
    assert seen["value"] == 42
    assert seen["callback"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()
    assert not runner.busy


def test_tasks_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    running = 0
    most = 0
    order: list[int] = []
    lock = threading.Lock()

    def make(i: int):  # type: ignore[no-untyped-def]
        def work(state: TaskState) -> int:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            time.sleep(0.01)
            with lock:
                running -= 1
            return i
        return work

    for i in range(6):
        runner.run(make(i), on_done=order.append, show_progress=False)
    qtbot.waitUntil(lambda: len(order) == 6, timeout=5000)
    assert order == list(range(6))
    assert most == 1


def test_errors_go_to_on_error_or_the_error_handler(qtbot: QtBot) -> None:
    handled: list[BaseException] = []
    task_runner = TaskRunner(error_handler=lambda exc, parent: handled.append(exc))
    try:
        errors: list[BaseException] = []

        def fail(state: TaskState) -> None:
            raise NotFoundError("Không có văn bản mã số #9.")

        task_runner.run(fail, on_error=errors.append)
        task_runner.run(fail)
        qtbot.waitUntil(lambda: len(errors) == 1 and len(handled) == 1, timeout=5000)
        assert isinstance(errors[0], NotFoundError)
        assert isinstance(handled[0], NotFoundError)
    finally:
        task_runner.shutdown()


def test_quick_tasks_show_neither_cursor_nor_dialog(qtbot: QtBot, runner: TaskRunner) -> None:
    done: list[int] = []
    runner.run(lambda state: 1, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(runner_module.DIALOG_DELAY_MS + 100)
    assert QApplication.overrideCursor() is None
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]


def test_slow_task_gets_busy_cursor_then_a_dialog_whose_cancel_stops_it(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "CURSOR_DELAY_MS", 50)
    monkeypatch.setattr(runner_module, "DIALOG_DELAY_MS", 100)
    started = threading.Event()
    cancelled: list[bool] = []

    def slow(state: TaskState) -> None:
        started.set()
        for i in range(1000):
            state.progress(i / 1000, f"Bước {i}")
            time.sleep(0.005)

    task = runner.run(slow, on_cancelled=lambda: cancelled.append(True), label="Đang làm…")
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is not None, timeout=2000)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=2000)
    dialog = task.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=2000)  # progress arrives by polling
    assert dialog.labelText().startswith("Bước")
    cancel = [b for b in dialog.findChildren(QPushButton)]
    assert cancel and cancel[0].text() == "Hủy"
    cancel[0].click()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert task.cancelled
    assert QApplication.overrideCursor() is None
    assert not runner.busy


def test_state_progress_raises_once_cancelled() -> None:
    state = TaskState()
    state.progress(0.5, "nửa chừng")
    assert state.snapshot() == (0.5, "nửa chừng")
    state.cancel()
    with pytest.raises(TaskCancelled):
        state.progress(0.6)


def test_shutdown_cancels_what_is_running(qtbot: QtBot) -> None:
    task_runner = TaskRunner()
    seen: list[str] = []

    def wait_for_cancel(state: TaskState) -> None:
        while not state.cancelled:
            time.sleep(0.005)
        seen.append("stopped")

    task_runner.run(wait_for_cancel, show_progress=False)
    task_runner.run(lambda state: seen.append("never"), show_progress=False)
    time.sleep(0.05)
    task_runner.shutdown()
    assert seen == ["stopped"]
    with pytest.raises(RuntimeError):
        task_runner.run(lambda state: None)


def test_a_task_cancelled_too_late_to_stop_is_still_reported_as_cancelled(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    release = threading.Event()
    outcome: list[str] = []

    def stubborn(state: TaskState) -> int:  # never looks at the cancel flag
        release.wait(5)
        return 1

    task = runner.run(stubborn, on_done=lambda v: outcome.append("done"),
                      on_cancelled=lambda: outcome.append("cancelled"), show_progress=False)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]


def test_the_worker_never_holds_the_last_reference_to_gui_objects(qtbot: QtBot) -> None:
    """A widget reachable only through a task's callbacks is released in the GUI thread.

    The worker thread lets go of its work item only after it returns; if it still held the task
    (callbacks, parent widget) at that moment, a Qt object could be deleted on the wrong thread
    (a crash seen in the dashboard tests). Here the worker lingers after delivering: the task and
    the closure over the widget must already be gone while it does.
    """
    import gc
    import weakref

    class LingeringRunner(TaskRunner):
        def _work(self, job):  # type: ignore[no-untyped-def]
            super()._work(job)
            released.wait(5)  # still inside the worker's work item

    released = threading.Event()
    task_runner = LingeringRunner()
    try:
        button = QPushButton("x")
        button_ref = weakref.ref(button)
        task = task_runner.run(lambda _state, b=button: b.objectName(),
                               on_done=button.setObjectName)
        task_ref = weakref.ref(task)
        del task, button
        qtbot.waitUntil(lambda: not task_runner.busy, timeout=5000)
        gc.collect()
        assert task_ref() is None, "the worker thread still holds the task"
        assert button_ref() is None, "the worker thread still holds the widget"
    finally:
        released.set()
        task_runner.shutdown()
