"""A read-only table of whole rows, as the import previews show them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(model: Any, stretch: int, widths: tuple[int, ...] = (), *,
                    alternate: bool = False) -> QTableView:
    """A table of ``model`` that selects whole rows and edits nothing; column ``stretch`` takes
    the spare width, the others start at ``widths`` (0: as wide as the header says). Tab
    leaves the table (it does not walk its cells)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(alternate)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate(widths):
        if width and column != stretch:
            header.resizeSection(column, width)
    return view


__all__ = ["read_only_table"]
