"""Choosing one or several organisations: the lazy tree, or the matches of a search.

:class:`OrgPicker` is a search box (accents not needed, no completer) over a stack of the
organisation tree (read node by node, as on the page) and a flat list of matches; Up/Down in
the search box move through whichever is shown, Enter or a double click takes the highlighted
organisation. :class:`OrgPickerDialog` wraps it with "Chọn" / "Hủy". Used to choose a new
parent, the organisations of a merge and the members of a "Nơi nhận" group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.ui.models.org_list_model import OrgListModel
from desktop.ui.models.org_tree_model import OrgColumns, OrgTreeModel
from desktop.ui.widgets.screen_fit import resize_to_fit
from desktop.ui.widgets.search_box import SearchBox

PICKER_LIMIT = 200


class OrgPicker(QWidget):
    """The tree while the search box is empty, the matches while it has text."""

    activated = Signal(object)  # OrgNode: Enter or a double click

    def __init__(self, db: Database, as_of: date | None = None, *, many: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.as_of = as_of or date.today()
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Name, short name or code (accents not needed)"))
        self.search_label = QLabel(self.tr("&Find:"))
        self.search_label.setBuddy(self.search)
        mode = (QAbstractItemView.SelectionMode.ExtendedSelection if many
                else QAbstractItemView.SelectionMode.SingleSelection)
        self.tree_model = OrgTreeModel(self._children, self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.results_model = OrgListModel(self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.verticalHeader().hide()
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setTabKeyNavigation(False)
        self.results.setWordWrap(False)
        for view in (self.tree, self.results):
            view.setSelectionMode(mode)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.activated.connect(self._activated)
            header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(OrgColumns.NAME, QHeaderView.ResizeMode.Stretch)
            header.resizeSection(OrgColumns.KIND, 170)
            for column in (OrgColumns.CELLS, OrgColumns.MEMBERS):
                view.setColumnHidden(column, True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.results)
        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.tree_model.fetchMore(QModelIndex())
        if self.tree_model.rowCount() == 1:  # one Tỉnh ủy: show what is under it
            self.tree_model.fetchMore(self.tree_model.index(0, 0))
            self.tree.expand(self.tree_model.index(0, 0))
        self.search.search_changed.connect(self.filter)
        self.search.installEventFilter(self)
        self.setFocusProxy(self.search)

    def _children(self, parent_id: int | None) -> Sequence[OrgNode]:
        return organisations.children(self._db, parent_id, self.as_of)

    @property
    def view(self) -> QAbstractItemView:
        return self.tree if self.stack.currentWidget() is self.tree else self.results

    def filter(self, text: str) -> None:
        if not text:
            self.stack.setCurrentWidget(self.tree)
            return
        rows = organisations.search(self._db, text, self.as_of, limit=PICKER_LIMIT)
        self.results_model.set_rows(rows)
        self.stack.setCurrentWidget(self.results)
        if rows:
            self.results.setCurrentIndex(self.results_model.index(0, 0))

    def chosen(self) -> list[OrgNode]:
        """The selected organisations (the current one when nothing is selected)."""
        view = self.view
        rows = [i for i in view.selectionModel().selectedIndexes() if i.column() == 0]
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().siblingAtColumn(0)]
        return [org for org in (self._org(i) for i in rows) if org is not None]

    def _org(self, index: QModelIndex) -> OrgNode | None:
        if index.model() is self.tree_model:
            return self.tree_model.org(index)
        return self.results_model.row_at(index.row()) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        org = self._org(index.siblingAtColumn(0))
        if org is not None:
            self.activated.emit(org)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Up/Down in the search box move through the list or tree, as in a combo box.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                               Qt.Key.Key_PageDown):
                view = self.view
                if not view.currentIndex().isValid() and view.model().rowCount():
                    view.setCurrentIndex(view.model().index(0, 0))
                    return True
                QApplication.sendEvent(view, QKeyEvent(event.type(), event.key(),
                                                       event.modifiers()))
                return True
        return super().eventFilter(watched, event)


class OrgPickerDialog(QDialog):
    """A picker in a window; :attr:`chosen` holds the organisations taken."""

    def __init__(self, db: Database, title: str, as_of: date | None = None, *,
                 many: bool = False, accept_if: Callable[[list[OrgNode]], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen: list[OrgNode] = []
        self._accept_if = accept_if
        self.picker = OrgPicker(db, as_of, many=many)
        self.picker.activated.connect(lambda _org: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Choose"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 680, 480)
    def accept(self) -> None:
        chosen = self.picker.chosen()
        if not chosen or (self._accept_if is not None and not self._accept_if(chosen)):
            return
        self.chosen = chosen
        super().accept()
