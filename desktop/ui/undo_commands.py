"""Undo steps of the tracking grid: each holds a service :class:`Undo` and applies it.

The operation itself (a cell edit, a bulk action, a deletion) has already been written when the
command is pushed, so the first :meth:`redo` does nothing. :meth:`undo` and later :meth:`redo`
call :func:`desktop.services.tracking_edit.apply_undo`, which returns the inverse step. If the
rows were changed elsewhere in between, the service refuses (nothing written): the clerk is told
why, the command is made obsolete (the stack drops it) and the grid reloads.

Big steps (more than :data:`ASYNC_ROWS` rows, e.g. undoing a bulk update of 5,000 rows) are
applied on the TaskRunner so the window never freezes; ``busy(True/False)`` brackets them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoCommand

from desktop.domain.errors import AppError
from desktop.services.database import Database
from desktop.services.tracking_edit import EditResult, Undo, apply_undo
from desktop.tasks.runner import TaskRunner

ASYNC_ROWS = 500

Refresh = Callable[[EditResult, bool], None]  # (result, row set changed)
Failed = Callable[[AppError], None]


class TrackingUndoCommand(QUndoCommand):
    """One undoable step of the grid (an edit, a bulk action or a deletion)."""

    def __init__(self, db: Database, undo: Undo, today: date | None, refresh: Refresh,
                 failed: Failed, text: str = "", runner: TaskRunner | None = None,
                 busy: Callable[[bool], None] | None = None) -> None:
        super().__init__(text or undo.description)
        self._runner = runner
        self._busy = busy
        self._db = db
        self._undo: Undo | None = undo
        self._redo: Undo | None = None
        self._today = today
        self._refresh = refresh
        self._failed = failed
        self._first = True

    @staticmethod
    def _rows_change(step: Undo) -> bool:
        return bool(step.restore_rows or step.delete_rows)

    @staticmethod
    def _size(step: Undo) -> int:
        return (len(step.changes) + len(step.restore_rows) + len(step.delete_rows)
                + len(step.create_reports) + len(step.delete_reports))

    def _apply(self, step: Undo, redo: bool) -> Undo | None:
        if self._runner is not None and self._size(step) > ASYNC_ROWS:
            self._apply_later(step, redo)
            return None
        try:
            result = apply_undo(self._db, step, today=self._today)
        except AppError as exc:
            self.setObsolete(True)
            self._failed(exc)
            return None
        self._refresh(result, self._rows_change(step))
        return result.undo

    def _apply_later(self, step: Undo, redo: bool) -> None:
        assert self._runner is not None
        db, today = self._db, self._today
        if self._busy is not None:
            self._busy(True)

        def done(result: EditResult) -> None:
            if redo:
                self._undo = result.undo
            else:
                self._redo = result.undo
            if self._busy is not None:
                self._busy(False)
            self._refresh(result, self._rows_change(step))

        def failed(exc: BaseException) -> None:
            if self._busy is not None:
                self._busy(False)
            self.setObsolete(True)
            if isinstance(exc, AppError):
                self._failed(exc)
            else:
                raise exc

        self._runner.run(lambda _state: apply_undo(db, step, today=today), on_done=done,
                         on_error=failed, label=step.description)

    def undo(self) -> None:
        if self._undo is not None:
            step, self._undo = self._undo, None
            self._redo = self._apply(step, redo=False)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if self._redo is not None:
            step, self._redo = self._redo, None
            self._undo = self._apply(step, redo=True)
