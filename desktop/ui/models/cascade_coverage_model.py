"""How far a document reached, level by level of the organisation tree (one row per level,
then the total): recipients, received, studied, planned, reported, party cells and members.

Figures come from :func:`desktop.services.cascade.cascade_coverage`; shares are of the
recipients at that level ("12/16 (75%)"), party cells and members as held/total. The total row
is the document's own totals (:func:`desktop.services.stats.document_stats`), not the sum of
the levels: a grassroots committee's attendance already includes its party cells', and only
the organisations a report deadline binds must report.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services.cascade import CascadeCoverage, LevelCoverage
from desktop.services.dto import StageCounts

ModelIndex = QModelIndex | QPersistentModelIndex


def format_ratio(part: int, total: int) -> str:
    """"12/16 (75%)", as the progress bars write it; the part alone without a total."""
    share = percent(part, total)
    if share is None:
        return format_int(part)
    return f"{format_int(part)}/{format_int(total)} ({format_percent(share)})"


class CascadeCoverageModel(QAbstractTableModel):
    """Rows: the levels of :class:`CascadeCoverage` and a "Tổng cộng" row."""

    LEVEL, RECIPIENTS, RECEIVED, DISCUSSED, PLANNED, REPORTED, CELLS, MEMBERS = range(8)
    COLUMNS = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._levels: list[LevelCoverage] = []
        self._total: LevelCoverage | None = None
        self._must_report = 0

    def set_coverage(self, coverage: CascadeCoverage | None) -> None:
        self.beginResetModel()
        self._levels = list(coverage.levels) if coverage is not None else []
        self._total = None
        if coverage is not None and self._levels:
            t: StageCounts = coverage.totals
            self._total = LevelCoverage(
                0, t.recipients, 0, t.received, t.discussed, t.planned, t.reported,
                t.cells_held, t.cells_total, t.members_attending, t.members_total)
            self._must_report = t.must_report or t.recipients
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._levels) + (1 if self._total is not None else 0)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Level"), self.tr("Recipients"), self.tr("Received"),
                  self.tr("Studied"), self.tr("Planned"), self.tr("Reported"),
                  self.tr("Party cells studied"), self.tr("Members attending"))
        return titles[section] if 0 <= section < len(titles) else None

    def _row(self, row: int) -> LevelCoverage:
        return self._levels[row] if row < len(self._levels) else self._total  # type: ignore[return-value]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        c = self._row(index.row())
        col = index.column()
        total_row = c is self._total
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LEVEL:
                if total_row:
                    return self.tr("Total")
                return (self.tr("Directly subordinate") if c.depth == 1
                        else self.tr("Level {depth}").format(depth=c.depth))
            if col == self.RECIPIENTS:
                return format_int(c.recipients)
            if col == self.REPORTED:  # levels a deadline does not bind need not report
                return (format_ratio(c.reported, self._must_report) if total_row
                        else format_int(c.reported))
            part = {self.RECEIVED: c.received, self.DISCUSSED: c.discussed,
                    self.PLANNED: c.planned}.get(col)
            if part is not None:
                return format_ratio(part, c.recipients)
            if col == self.CELLS:
                return format_ratio(c.cells_held, c.cells_total) if c.cells_total else ""
            if col == self.MEMBERS:
                return (format_ratio(c.members_attending, c.members_total)
                        if c.members_total else "")
        elif role == Qt.ItemDataRole.TextAlignmentRole and col != self.LEVEL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.FontRole and total_row:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
