"""Đơn vị: the organisation tree (read lazily, node by node) and a search over all of it."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.numbers import format_int
from desktop.services import organisations
from desktop.services.database import Database
from desktop.ui.models.org_list_model import OrgListModel
from desktop.ui.models.org_tree_model import ChildrenLoader, OrgColumns, OrgTreeModel
from desktop.ui.pages.page import Page
from desktop.ui.widgets.search_box import SearchBox

SEARCH_LIMIT = 200


class OrganisationsPage(Page):
    """The tree while browsing; a flat list of matches while the search box has text."""

    settings_key = "organisations_page"

    def __init__(
        self, db: Database, parent: QWidget | None = None, loader: ChildrenLoader | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Name, short name or code (accents not needed)"))
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.status)

        self.tree_model = OrgTreeModel(loader or (lambda pid: organisations.children(db, pid)),
                                       self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)  # cheap layout however many nodes are open
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self._size_columns(self.tree.header())

        self.results_model = OrgListModel(self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        self.results.verticalHeader().hide()
        self._size_columns(self.results.horizontalHeader())

        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.results)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.search.search_changed.connect(self._search)
        self._search("")

    @staticmethod
    def _size_columns(header: QHeaderView) -> None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OrgColumns.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OrgColumns.KIND, 190), (OrgColumns.CELLS, 80),
                              (OrgColumns.MEMBERS, 100), (OrgColumns.CODE, 110)):
            header.resizeSection(column, width)

    @property
    def searching(self) -> bool:
        return self.stack.currentWidget() is self.results

    def _search(self, text: str) -> None:
        if not text:
            self.stack.setCurrentWidget(self.tree)
            self.results_model.set_rows([])
            self.status.setText(self.tr("Click ▸ to open an organisation"))
            return
        rows = organisations.search(self._db, text, limit=SEARCH_LIMIT)
        self.results_model.set_rows(rows)
        self.stack.setCurrentWidget(self.results)
        if len(rows) >= SEARCH_LIMIT:
            self.status.setText(
                self.tr("First {count} matches; type more to narrow down").format(
                    count=format_int(len(rows)))
            )
        else:
            self.status.setText(self.tr("{count} found").format(count=format_int(len(rows))))

    def save_state(self, settings: QSettings) -> None:
        self._save_widget(settings, "tree_header", self.tree.header())

    def restore_state(self, settings: QSettings) -> None:
        self._restore_widget(settings, "tree_header", self.tree.header())
