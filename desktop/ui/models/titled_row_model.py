"""A :class:`~.row_list_model.RowListModel` whose column titles come from one method."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt

from desktop.ui.models.row_list_model import RowListModel

R = TypeVar("R")


class TitledRowListModel(RowListModel[R]):
    """Horizontal header titles from :meth:`titles`, translated each time they are asked for
    (so a language switch shows at once); no vertical header text."""

    def titles(self) -> tuple[str, ...]:  # pragma: no cover - overridden
        return ()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None
