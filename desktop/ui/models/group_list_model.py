"""The "Nơi nhận" groups as a table: name, short name and how many organisations are in each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.domain.numbers import format_int
from desktop.services.org_types import GroupDTO
from desktop.ui.models.org_list_model import ModelIndex
from desktop.ui.models.titled_row_model import TitledRowListModel

#: The group's database id.
GroupIdRole = Qt.ItemDataRole.UserRole + 1


class GroupListModel(TitledRowListModel[GroupDTO]):
    """Groups in their display order (the order documents list them in "Nơi nhận")."""

    NAME, SHORT, MEMBERS = range(3)
    COUNT = 3

    def row_of(self, group_id: int) -> int:
        return next((i for i, g in enumerate(self._rows) if g.id == group_id), -1)

    def group_ids(self) -> list[int]:
        return [g.id for g in self._rows]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self._row(index)
        if group is None:
            return None
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

    def titles(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("GroupListModel", "Group"),
            QCoreApplication.translate("GroupListModel", "Short name"),
            QCoreApplication.translate("GroupListModel", "Organisations"),
        )
