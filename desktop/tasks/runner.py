"""One runner for background work: database tasks serialised on a single worker thread.

Modelled on Anki's ``taskman.py``/``progress.py`` and Orange3's ``TaskState``:

- every task runs on one ``ThreadPoolExecutor(max_workers=1)`` thread, so database work is
  serialised and never runs on the GUI thread;
- the result (or the error) comes back to the GUI thread through a queued Qt signal, and the
  caller's ``on_done``/``on_error``/``on_cancelled`` callback runs there;
- a task reports progress through a :class:`TaskState` token (fraction, message) and reads its
  cancel flag there; :meth:`TaskState.progress` raises :class:`TaskCancelled` once the clerk
  pressed "Hủy", so any service that accepts a ``progress(fraction, message)`` callback becomes
  cancellable (its transaction rolls back);
- a busy cursor appears after ~300 ms and a progress dialog with a cancel button after ~600 ms,
  so quick tasks cause no flicker. One timer polls the tokens while tasks are pending, so a task
  that reports progress thousands of times never floods the event loop.

No ``QThread`` subclass per task, no ``processEvents()`` loops.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")

CURSOR_DELAY_MS = 300
DIALOG_DELAY_MS = 600
TICK_MS = 50
_STEPS = 1000


class TaskCancelled(Exception):
    """Raised inside a task when its cancel flag is set (the clerk pressed "Hủy")."""


class TaskState:
    """The progress token a task receives: it writes progress, it reads the cancel flag.

    Thread-safe: the worker writes ``fraction``/``message``, the GUI thread reads them and sets
    the cancel flag.
    """

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._fraction: float | None = None
        self._message = ""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check_cancelled(self) -> None:
        """Raise :class:`TaskCancelled` when cancellation was asked for."""
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, fraction: float | None, message: str = "") -> None:
        """Report progress (0..1, or None when unknown); raises when the task was cancelled."""
        self.check_cancelled()
        with self._lock:
            self._fraction = None if fraction is None else min(max(float(fraction), 0.0), 1.0)
            if message:
                self._message = message

    def snapshot(self) -> tuple[float | None, str]:
        with self._lock:
            return self._fraction, self._message


class Task(Generic[T]):
    """A submitted task: its token, its callbacks and, once finished, its result or error."""

    def __init__(
        self,
        fn: Callable[[TaskState], T],
        label: str,
        show_progress: bool,
        parent: QWidget | None,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        self.fn = fn
        self.label = label
        self.show_progress = show_progress
        self.parent = parent
        self.on_done = on_done
        self.on_error = on_error
        self.on_cancelled = on_cancelled
        self.state = TaskState()
        self.result: T | None = None
        self.error: BaseException | None = None
        self.finished = False
        self.future: Future[None] | None = None
        self.started_at = time.monotonic()
        self.cursor_shown = False
        self.dialog: QProgressDialog | None = None

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, TaskCancelled)

    def cancel(self) -> None:
        self.state.cancel()


class _Job:
    """What the worker thread holds of a task: the function and its outcome, nothing of the GUI.

    The worker thread may release its references after the GUI thread has finished with the
    task; if it held the Task (callbacks, parent widget, progress dialog) or a closure over a
    widget, the last reference could go — and a Qt object be deleted — on the wrong thread.
    The GUI thread clears ``fn`` as soon as the job is delivered, so the worker's last
    reference is only ever to this small object.
    """

    __slots__ = ("error", "fn", "result", "state")

    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState) -> None:
        self.fn: Callable[[TaskState], Any] | None = fn
        self.state = state
        self.result: Any = None
        self.error: BaseException | None = None


class _Bridge(QObject):
    """Lives in the GUI thread; the worker emits through it (queued across threads)."""

    delivered = Signal(object)


class TaskRunner(QObject):
    """Runs tasks one after another on a worker thread; callbacks run in the GUI thread."""

    task_finished = Signal(object)  # the Task, after its callback ran

    def __init__(
        self,
        error_handler: Callable[[BaseException, QWidget | None], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="theodoi-db")
        self._bridge = _Bridge(self)
        self._bridge.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._pending: list[Task[Any]] = []
        self._jobs: dict[_Job, Task[Any]] = {}
        self._error_handler = error_handler
        # One timer for the delayed cursor, the delayed dialogs and their progress. (Not one
        # single-shot timer per task: a deleted timer whose slot held the last reference to
        # this runner would delete the runner, and so itself, a second time.)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._closed = False

    # ------------------------------------------------------------------ public

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def closed(self) -> bool:
        """After :meth:`shutdown`: :meth:`run` refuses new tasks."""
        return self._closed

    def set_error_handler(
        self, handler: Callable[[BaseException, QWidget | None], None] | None
    ) -> None:
        self._error_handler = handler

    def run(
        self,
        fn: Callable[[TaskState], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        label: str = "",
        show_progress: bool = True,
        parent: QWidget | None = None,
    ) -> Task[T]:
        """Queue ``fn(state)`` on the worker thread; the callbacks run in the GUI thread."""
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        task: Task[T] = Task(fn, label, show_progress, parent, on_done, on_error, on_cancelled)
        self._pending.append(task)
        if not self._tick.isActive():
            self._tick.start()
        job = _Job(fn, task.state)
        self._jobs[job] = task
        task.future = self._executor.submit(self._work, job)
        return task

    def shutdown(self) -> None:
        """Cancel what is queued or running and wait for the worker to stop."""
        self._closed = True
        for task in list(self._pending):
            task.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._tick.stop()
        for task in list(self._pending):
            self._cleanup(task)
        self._pending.clear()
        for job in self._jobs:
            job.fn = None
        self._jobs.clear()

    # ------------------------------------------------------------------ worker side

    def _work(self, job: _Job) -> None:
        try:
            job.state.check_cancelled()
            assert job.fn is not None
            job.result = job.fn(job.state)
        except BaseException as exc:  # handed to the GUI thread, never lost
            job.error = exc
        self._bridge.delivered.emit(job)

    # ------------------------------------------------------------------ GUI side

    def _deliver(self, job: _Job) -> None:
        task = self._jobs.pop(job, None)
        job.fn = None  # released here, in the GUI thread
        if task is None or task not in self._pending:  # shut down meanwhile
            return
        task.result, task.error = job.result, job.error
        job.result = job.error = None
        self._pending.remove(task)
        task.finished = True
        self._cleanup(task)
        if task.error is None and task.state.cancelled:
            task.error = TaskCancelled()  # finished anyway, but the clerk no longer wants it
        try:
            if task.error is None:
                if task.on_done is not None:
                    task.on_done(task.result)
            elif isinstance(task.error, TaskCancelled):
                log.info("task cancelled: %s", task.label or task.fn)
                if task.on_cancelled is not None:
                    task.on_cancelled()
            else:
                self._report_error(task)
        finally:
            self.task_finished.emit(task)

    def _report_error(self, task: Task[Any]) -> None:
        error = task.error
        assert error is not None
        if task.on_error is not None:
            task.on_error(error)
            return
        from desktop.domain.errors import AppError

        if not isinstance(error, AppError):
            log.error("task failed: %s", task.label, exc_info=error)
        if self._error_handler is not None:
            self._error_handler(error, task.parent)
        else:
            log.error("unhandled task error: %s", error)

    def _on_tick(self) -> None:
        if not self._pending:
            self._tick.stop()
            return
        now = time.monotonic()
        for task in list(self._pending):
            elapsed_ms = (now - task.started_at) * 1000
            if not task.cursor_shown and elapsed_ms >= CURSOR_DELAY_MS:
                task.cursor_shown = True
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            if task.show_progress and elapsed_ms >= DIALOG_DELAY_MS and not task.state.cancelled:
                if task.dialog is None:
                    self._show_dialog(task)
                self._update_dialog(task)

    def _show_dialog(self, task: Task[Any]) -> None:
        parent = task.parent if task.parent is not None else QApplication.activeWindow()
        dialog = QProgressDialog(
            task.label or self.tr("Working…"), self.tr("Cancel"), 0, _STEPS, parent
        )
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self._dialog_cancelled)
        task.dialog = dialog
        dialog.show()

    def _dialog_cancelled(self) -> None:
        # QProgressDialog hides itself on cancel; the busy cursor stays until the task stops.
        for task in self._pending:
            if task.dialog is not None and task.dialog is self.sender():
                log.info("cancel requested: %s", task.label)
                task.cancel()

    def _update_dialog(self, task: Task[Any]) -> None:
        dialog = task.dialog
        if dialog is None:
            return
        fraction, message = task.state.snapshot()
        if fraction is None:
            dialog.setRange(0, 0)  # busy indicator
        else:
            dialog.setRange(0, _STEPS)
            dialog.setValue(round(fraction * _STEPS))
        if message:
            dialog.setLabelText(message)

    def _cleanup(self, task: Task[Any]) -> None:
        if task.cursor_shown:
            task.cursor_shown = False
            QApplication.restoreOverrideCursor()
        if task.dialog is not None:
            dialog, task.dialog = task.dialog, None
            dialog.hide()
            dialog.deleteLater()
