"""A flat table of plain rows (service dataclasses): the part every such model repeats."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject

from desktop.ui.models.org_list_model import ModelIndex

R = TypeVar("R")


class RowListModel(QAbstractTableModel, Generic[R]):
    """Rows replaced as a whole by :meth:`set_rows`; subclasses set ``COUNT`` and ``data``."""

    COUNT = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def _row(self, index: ModelIndex) -> R | None:
        """The row behind ``index``, or None for an invalid one."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COUNT

    def data(self, index: ModelIndex, role: int = 0) -> Any:  # pragma: no cover - overridden
        return None
