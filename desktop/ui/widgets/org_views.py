"""Small building blocks of the "Đơn vị" page: its search box, its tables and the note that
says the page shows another day than today."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop.ui.models.org_list_model import OrgListModel
from desktop.ui.models.org_tree_model import OrgColumns
from desktop.ui.widgets.search_box import SearchBox

PAST_BACKGROUND = QColor("#fff4ce")
SEARCH_DEBOUNCE_MS = 150


class OrgSearchBox(SearchBox):
    """The page's search box: a shorter pause before searching (a query takes < 20 ms)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)


def org_table(model: OrgListModel) -> QTableView:
    """A read-only, row-selecting table of organisations with the tree's column widths."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    size_org_columns(view.horizontalHeader())
    return view


def size_org_columns(header: QHeaderView) -> None:
    header.setStretchLastSection(False)
    header.setSectionResizeMode(OrgColumns.NAME, QHeaderView.ResizeMode.Stretch)
    for column, width in ((OrgColumns.KIND, 190), (OrgColumns.CELLS, 80),
                          (OrgColumns.MEMBERS, 100), (OrgColumns.CODE, 80)):
        header.resizeSection(column, width)


def past_note() -> QLabel:
    """A yellow label, hidden while the page shows today."""
    label = QLabel()
    label.setAutoFillBackground(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, PAST_BACKGROUND)
    label.setPalette(palette)
    label.setMargin(4)
    label.hide()
    return label
