"""Progress of every document at a glance: documents × workflow stages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from desktop.domain.dates import format_date
from desktop.services.dto import DocumentStats
from desktop.ui.models.document_table_model import DocumentIdRole
from desktop.ui.models.group_stats_model import ALARM_COLOR
from desktop.ui.models.stage_columns import STAGES

ModelIndex = QModelIndex | QPersistentModelIndex

#: The share (0..1) a stage cell shows, for the progress-bar delegate; None for plain cells.
FractionRole = Qt.ItemDataRole.UserRole + 2


class ProgressOverviewModel(QAbstractTableModel):
    """One row per document: number, date, excerpt, then the counts of each stage."""

    NUMBER, DATE, EXCERPT = range(3)
    FIRST_STAGE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentStats] = []

    def set_stats(self, rows: Sequence[DocumentStats]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def stats_at(self, row: int) -> DocumentStats:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_STAGE + len(STAGES)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if self.FIRST_STAGE <= section < self.columnCount():
            stage = STAGES[section - self.FIRST_STAGE]
            if role == Qt.ItemDataRole.DisplayRole:
                return stage.short_title
            if role == Qt.ItemDataRole.ToolTipRole:
                return stage.title
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.NUMBER:
            return self.tr("Number, symbol")
        if section == self.DATE:
            return self.tr("Date")
        if section == self.EXCERPT:
            return self.tr("Excerpt")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        st = self._rows[index.row()]
        col = index.column()
        stage = STAGES[col - self.FIRST_STAGE] if col >= self.FIRST_STAGE else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NUMBER:
                return st.number_symbol
            if col == self.DATE:
                return format_date(st.issue_date)
            if col == self.EXCERPT:
                return st.excerpt
            if stage is not None:
                return stage.ratio_text(st.totals)
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.EXCERPT:
            return st.excerpt
        elif role == Qt.ItemDataRole.TextAlignmentRole and stage is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ForegroundRole and stage is not None:
            if stage.alarm and stage.part(st.totals) > 0:
                return QBrush(ALARM_COLOR)
        elif role == FractionRole and stage is not None and stage.key != "recipients":
            return stage.fraction(st.totals)
        elif role == DocumentIdRole:
            return st.document_id
        return None
