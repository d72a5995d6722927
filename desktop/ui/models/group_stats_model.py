"""Coverage of one document per group of organisations ("Nơi nhận"), with a total row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.services.dto import DocumentStats, StageCounts
from desktop.ui.models.stage_columns import ATTENDANCE, STAGES, StageColumn

ModelIndex = QModelIndex | QPersistentModelIndex

ALARM_COLOR = QColor(178, 34, 34)


class GroupStatsModel(QAbstractTableModel):
    """Rows: the document's groups, then "Tổng cộng". Columns: the group, then the stages.

    With ``with_percent`` the cells read "35.599 (99,16%)" and the attendance columns (party
    cells, members) are added — the figures the Word report prints.
    """

    def __init__(
        self, with_percent: bool = False, short_titles: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._with_percent = with_percent
        self._short_titles = short_titles
        self._columns: tuple[StageColumn, ...] = STAGES + (ATTENDANCE if with_percent else ())
        self._rows: list[tuple[str, StageCounts]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_stats(self, stats: DocumentStats | None) -> None:
        self.beginResetModel()
        if stats is None:
            self._rows = []
        else:
            self._rows = [(g.name, g.counts) for g in stats.groups]
            self._rows.append((self.tr("Total"), stats.totals))
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self._columns):
            return None
        column = self._columns[section - 1] if section > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column is None:
                return self.tr("Group of organisations")
            return column.short_title if self._short_titles else column.title
        if role == Qt.ItemDataRole.ToolTipRole and column is not None:
            return column.title
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, counts = self._rows[index.row()]
        col = index.column()
        column = self._columns[col - 1] if col > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column is None:
                return name
            return column.ratio_text(counts) if self._with_percent else column.count_text(counts)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._rows) - 1:
            return self._bold
        if (role == Qt.ItemDataRole.ForegroundRole and column is not None and column.alarm
                and column.part(counts) > 0):
            return QBrush(ALARM_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column is None:
            return name
        return None
