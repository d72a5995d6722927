"""Đơn vị: the organisation tree (read lazily) or a sortable flat list, as of a chosen date.

Left: the tree (only what the clerk opens is read), or with "Danh sách" (Ctrl+L) every
organisation in one list sorted in Vietnamese order by any column; while the search box has
text, the matches (accents not needed; in list mode the list is filtered). "Tính đến ngày"
re-reads everything as it stood that day: past names and parents, figures of that date.
Right: the selected organisation's details and history, and the "Nơi nhận" groups.

The editing commands live in :class:`~desktop.ui.pages.org_page_actions.OrgPageActions`;
after a change they call :meth:`OrganisationsPage.refresh_after`, which re-reads only the
organisations concerned and the children of their parents, keeping the rest of the opened tree,
and selects the organisation the change was about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.errors import AppError
from desktop.domain.numbers import format_int
from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.org_detail import organisation_detail
from desktop.services.ui_queries_orgs import nodes_by_id, org_path
from desktop.tasks.runner import TaskRunner
from desktop.ui.models.org_list_model import OrgListModel
from desktop.ui.models.org_tree_model import ChildrenLoader, OrgColumns, OrgTreeModel
from desktop.ui.pages.org_page_actions import OrgPageActions
from desktop.ui.pages.page import Page
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.groups_panel import GroupsPanel
from desktop.ui.widgets.org_detail_panel import OrgDetailPanel
from desktop.ui.widgets.org_views import OrgSearchBox, org_table, past_note, size_org_columns

SEARCH_LIMIT = 200


class OrganisationsPage(Page):
    """The tree or the flat list, the search, the date, the details and the groups."""

    settings_key = "organisations_page"

    def __init__(
        self, db: Database, runner: TaskRunner | None = None, parent: QWidget | None = None,
        loader: ChildrenLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.runner = runner if runner is not None else TaskRunner(parent=self)
        self.as_of = date.today()
        self.flat_mode = False
        self._keep_id: int | None = None  # selected before switching between tree and list
        self._flat_generation = 0
        self.flat_loading = False

        self.search = OrgSearchBox()
        self.search.setPlaceholderText(self.tr("Name, short name or code (accents not needed)"))
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.as_of_edit = DateEdit(required=True)
        self.as_of_edit.set_date(self.as_of)
        self.as_of_edit.setMaximumWidth(130)
        as_of_label = QLabel(self.tr("As of d&ate:"))
        as_of_label.setBuddy(self.as_of_edit)
        self.today_button = QPushButton(self.tr("Toda&y"))
        self.today_button.setAutoDefault(False)
        self.past_note = past_note()  # says loudly that the page shows another day
        self.status = QLabel()
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(as_of_label, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.as_of_edit, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.past_note, 0, Qt.AlignmentFlag.AlignTop)

        self.tree_model = OrgTreeModel(loader or self._children, self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree_model.fetchMore(QModelIndex())  # the roots now, not at the first layout
        self.tree.setUniformRowHeights(True)  # cheap layout however many nodes are open
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setExpandsOnDoubleClick(False)  # a double click edits, as Enter does
        size_org_columns(self.tree.header())
        self.results_model = OrgListModel(self)
        self.results = org_table(self.results_model)
        self.flat_model = OrgListModel(self)
        self.flat = org_table(self.flat_model)
        self.flat.setSortingEnabled(True)
        self.flat.sortByColumn(OrgColumns.NAME, Qt.SortOrder.AscendingOrder)
        self.results.setSortingEnabled(True)
        self.stack = QStackedWidget()
        for view in (self.tree, self.results, self.flat):
            self.stack.addWidget(view)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail_panel = OrgDetailPanel()
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(self.detail_panel)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.groups_panel = GroupsPanel(db, self.selected_orgs, self.as_of)
        groups_scroll = QScrollArea()  # a narrow window scrolls the buttons, not the page
        groups_scroll.setWidget(self.groups_panel)
        groups_scroll.setWidgetResizable(True)
        groups_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.side = QTabWidget()
        self.side.addTab(detail_scroll, self.tr("&Details"))
        self.side.addTab(groups_scroll, self.tr("Reci&pient groups"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stack, 1)
        left_layout.addWidget(self.status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_ = OrgPageActions(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.search.search_changed.connect(self._search)
        self.as_of_edit.edit.editingFinished.connect(self._as_of_entered)
        self.today_button.clicked.connect(lambda: self.set_as_of(date.today()))
        self.groups_panel.changed.connect(self._show_detail)
        self._search("")

    def _children(self, parent_id: int | None) -> Sequence[OrgNode]:
        return organisations.children(self._db, parent_id, self.as_of)

    # ------------------------------------------------------------------ what is shown

    @property
    def searching(self) -> bool:
        return self.stack.currentWidget() is self.results

    @property
    def view(self) -> QAbstractItemView:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def work_widget(self) -> QWidget | None:
        return self.view

    def set_flat_mode(self, flat: bool) -> None:
        """The sortable list of every organisation (True) or the tree (False); the selected
        organisation stays selected."""
        if flat == self.flat_mode:
            return
        keep = self.current_org()
        self.flat_mode = flat
        self._keep_id = keep.id if keep else None
        self._search(self.search.search_text())
        if not flat:
            self.select_org(self._keep_id)
            self._selection_changed()

    def _search(self, text: str) -> None:
        if self.flat_mode:
            self.stack.setCurrentWidget(self.flat)
            self.load_flat(text)
            return
        if not text:
            self.stack.setCurrentWidget(self.tree)
            self.results_model.set_rows([])
            self.status.setText(self.tr("Click ▸ to open an organisation"))
            self._selection_changed()
            return
        rows = organisations.search(self._db, text, self.as_of, limit=SEARCH_LIMIT)
        self.results_model.set_rows(rows)
        self.stack.setCurrentWidget(self.results)
        if len(rows) >= SEARCH_LIMIT:
            self.status.setText(
                self.tr("First {count} matches; type more to narrow down").format(
                    count=format_int(len(rows)))
            )
        else:
            self.status.setText(self.tr("{count} found").format(count=format_int(len(rows))))
        if rows:
            self.results.selectRow(0)
        self._selection_changed()

    def load_flat(self, text: str | None = None) -> None:
        """(Re)read the flat list on the worker thread; a newer request wins."""
        text = self.search.search_text() if text is None else text
        self._flat_generation += 1
        generation, db, day = self._flat_generation, self._db, self.as_of
        self.flat_loading = True
        self.status.setText(self.tr("Reading the list…"))
        current = self.current_org()
        keep = current.id if current else self._keep_id

        def done(rows: list[OrgNode]) -> None:
            if generation != self._flat_generation:
                return
            self.flat_loading = False
            self.flat_model.set_rows(rows)
            self.status.setText(self.tr("{count} organisations").format(
                count=format_int(len(rows))))
            self.select_org(keep, expand=False)
            self._selection_changed()

        self.runner.run(lambda _state: organisations.flat_list(db, day, search=text or None),
                        on_done=done, show_progress=False, label=self.tr("Reading the list…"))

    # ------------------------------------------------------------------ the date

    def _as_of_entered(self) -> None:
        day = self.as_of_edit.date()
        if day is not None and day != self.as_of:
            self.set_as_of(day)

    def set_as_of(self, day: date) -> None:
        """Show everything as it stood on ``day`` (the opened nodes stay open)."""
        if self.as_of_edit.date() != day:
            self.as_of_edit.set_date(day)
        if day == self.as_of:
            return
        keep = self.current_org()
        expanded = self._expanded_ids()
        self.as_of = day
        self.tree_model.reload()
        self.tree_model.fetchMore(QModelIndex())
        for org_id in expanded:
            index = self.tree_model.index_of(org_id)
            if index.isValid():
                self.tree_model.fetchMore(index)
                self.tree.expand(index)
        self.groups_panel.set_as_of(day)
        past = day != date.today()
        self.past_note.setText(self.tr("As it stood on {day}").format(day=format_date(day))
                               if past else "")
        self.past_note.setVisible(past)
        self._search(self.search.search_text())
        if not self.flat_mode:
            self.select_org(keep.id if keep else None, expand=False)
        self._show_detail()

    def _expanded_ids(self) -> list[int]:
        found: list[int] = []
        todo = [QModelIndex()]
        while todo:
            parent = todo.pop(0)
            for row in range(self.tree_model.rowCount(parent)):
                index = self.tree_model.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    org = self.tree_model.org(index)
                    if org is not None:
                        found.append(org.id)
                    todo.append(index)
        return found

    # ------------------------------------------------------------------ selection

    def current_org(self) -> OrgNode | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            rows = self.view.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self._org_at(index.siblingAtColumn(0))

    def selected_orgs(self) -> list[OrgNode]:
        rows = self.view.selectionModel().selectedRows()
        orgs = [self._org_at(i) for i in rows]
        return [o for o in orgs if o is not None]

    def _org_at(self, index: QModelIndex) -> OrgNode | None:
        if not index.isValid():
            return None
        if index.model() is self.tree_model:
            return self.tree_model.org(index)
        model = self.results_model if index.model() is self.results_model else self.flat_model
        return model.row_at(index.row())

    def _selection_changed(self, _selected: QItemSelection | None = None,
                           _deselected: QItemSelection | None = None) -> None:
        self._show_detail()
        self.actions_.update_enabled(self.current_org())

    def _show_detail(self) -> None:
        org = self.current_org()
        try:
            detail = organisation_detail(self._db, org.id, self.as_of) if org else None
        except AppError:
            detail = None
        self.detail_panel.show_detail(detail)

    def select_org(self, org_id: int | None, *, expand: bool = True) -> None:
        """Select ``org_id`` in the view shown (in the tree, opening its ancestors)."""
        if org_id is None:
            return
        view = self.view
        if view is self.tree:
            index = self.tree_model.index_of(org_id)
            if not index.isValid() and expand:
                index = self.tree_model.load_path(org_path(self._db, org_id, self.as_of))
            if not index.isValid():
                return
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
        else:
            model = self.results_model if view is self.results else self.flat_model
            row = model.row_of(org_id)
            if row < 0:
                return
            index = model.index(row, 0)
        view.selectionModel().setCurrentIndex(
            index, view.selectionModel().SelectionFlag.ClearAndSelect
            | view.selectionModel().SelectionFlag.Rows)
        view.scrollTo(index)

    def show_in_tree(self) -> None:
        """Leave the search or the list and select the current organisation in the tree."""
        org = self.current_org()
        self.search.clear()
        self.flat_mode = False
        self.actions_.list_action.setChecked(False)
        self._search("")  # at once, not after the pause
        if org is not None:
            self.select_org(org.id)
            self.tree.setFocus()

    # ------------------------------------------------------------------ after an edit

    def refresh_after(self, org_ids: Iterable[int | None], select: int | None = None) -> None:
        """Re-read the organisations an edit touched (their rows and, when opened, their
        children), and the children of the parents they left or joined; then select
        ``select``. Nothing else of the opened tree is read again."""
        ids = {i for i in org_ids if i is not None}
        model = self.tree_model
        nodes = nodes_by_id(self._db, ids, self.as_of)
        parents: list[int | None] = []
        for org_id in ids:
            shown, before = model.parent_id_of(org_id)
            after = nodes.get(org_id)
            if shown and (after is None or after.parent_id != before):
                parents.append(before)  # it left (moved, merged, ended)
            if after is not None and (not shown or after.parent_id != before):
                parents.append(after.parent_id)  # it arrived (created, moved)
        for parent_id in dict.fromkeys([*parents, *ids]):
            model.reload_children(parent_id)
        counted = {p for p in parents if p is not None} - ids
        model.update_orgs([*nodes.values(),
                           *nodes_by_id(self._db, counted, self.as_of).values()])
        if self.flat_mode:
            self.load_flat()
        elif self.searching:
            self._search(self.search.search_text())
        if select is not None and not self.flat_mode:
            self.select_org(select)
        self.groups_panel.set_as_of(self.as_of)
        self._selection_changed()

    def reload_all(self) -> None:
        """Everything again (after an import)."""
        keep = self.current_org()
        self.tree_model.reload()
        self.tree_model.fetchMore(QModelIndex())
        self._search(self.search.search_text())
        self.groups_panel.set_as_of(self.as_of)
        if keep is not None and not self.flat_mode:
            self.select_org(keep.id)
        self._selection_changed()

    # ------------------------------------------------------------------ layout memory

    def save_state(self, settings: QSettings) -> None:
        self._save_widget(settings, "tree_header", self.tree.header())
        self._save_widget(settings, "splitter", self.splitter)

    def restore_state(self, settings: QSettings) -> None:
        self._restore_widget(settings, "tree_header", self.tree.header())
        if not self._restore_widget(settings, "splitter", self.splitter):
            self.splitter.setSizes([620, 420])
