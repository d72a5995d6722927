"""The dated party-cell and member counts of one organisation, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.services.org_types import DenominatorEntry
from desktop.ui.models.org_list_model import ModelIndex
from desktop.ui.models.titled_row_model import TitledRowListModel


class DenominatorModel(TitledRowListModel[DenominatorEntry]):
    """One row per dated figure (as :func:`denominator_history` returns them)."""

    DATE, CELLS, MEMBERS, NOTE = range(4)
    COUNT = 4

    def row_of_date(self, day: object) -> int:
        return next((i for i, r in enumerate(self._rows) if r.as_of == day), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self._row(index)
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return format_date(entry.as_of)
            if column == self.CELLS:
                return format_int(entry.party_cells)
            if column == self.MEMBERS:
                return format_int(entry.party_members)
            return entry.note.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and entry.note:
            return entry.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CELLS, self.MEMBERS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def titles(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("DenominatorModel", "As of"),
            QCoreApplication.translate("DenominatorModel", "Party cells"),
            QCoreApplication.translate("DenominatorModel", "Party members"),
            QCoreApplication.translate("DenominatorModel", "Note"),
        )
