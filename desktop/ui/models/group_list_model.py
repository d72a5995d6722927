"""The "Nơi nhận" groups as a table: name, short name and how many organisations are in each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from desktop.domain.numbers import format_int
from desktop.services.org_types import GroupDTO
from desktop.ui.models.org_list_model import ModelIndex

#: The group's database id.
GroupIdRole = Qt.ItemDataRole.UserRole + 1


class GroupListModel(QAbstractTableModel):
    """Groups in their display order (the order documents list them in "Nơi nhận")."""

    NAME, SHORT, MEMBERS = range(3)
    COUNT = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupDTO] = []

    def set_rows(self, rows: Sequence[GroupDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> GroupDTO:
        return self._rows[row]

    def row_of(self, group_id: int) -> int:
        return next((i for i, g in enumerate(self._rows) if g.id == group_id), -1)

    def group_ids(self) -> list[int]:
        return [g.id for g in self._rows]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COUNT

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        group = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return group.name
            if column == self.SHORT:
                return group.short_name
            return format_int(group.active_members)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.MEMBERS:
            ended = group.members - group.active_members
            if ended:
                return QCoreApplication.translate(
                    "GroupListModel", "{count} more that have ended (kept for past documents)"
                ).format(count=format_int(ended))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == GroupIdRole:
            return group.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("GroupListModel", "Group"),
            QCoreApplication.translate("GroupListModel", "Short name"),
            QCoreApplication.translate("GroupListModel", "Organisations"),
        )
        return titles[section] if 0 <= section < len(titles) else None
