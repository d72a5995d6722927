"""Nơi nhận: the recipient groups, their order, and the organisations in each.

The groups (with how many organisations each has on the page's date) are listed in the order
documents print them in "Nơi nhận"; they are created, renamed, deleted and moved up or down
here. Under them, the members of the selected group (alive on that date): "Thêm đơn vị đang
chọn" adds what is selected in the tree or list of the page, "Thêm đơn vị…" opens a search,
"Bỏ khỏi nhóm" (Delete) removes. Each change passes the group's version, so two clerks editing
one list cannot silently overwrite each other. Read on first show, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, ConflictError
from desktop.domain.numbers import format_int
from desktop.services import org_groups
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.org_types import GroupDTO
from desktop.ui.dialogs import message
from desktop.ui.dialogs.group_dialog import GroupDialog
from desktop.ui.models.group_list_model import GroupListModel
from desktop.ui.models.org_list_model import OrgListModel
from desktop.ui.models.org_tree_model import OrgColumns
from desktop.ui.widgets.org_picker import OrgPickerDialog


def _table(model: GroupListModel | OrgListModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(False)
    return view


class GroupsPanel(QWidget):
    """Groups above, members of the selected group below."""

    changed = Signal()  # a group or a membership changed

    def __init__(self, db: Database, selected_orgs: Callable[[], list[OrgNode]],
                 as_of: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._selected_orgs = selected_orgs
        self.as_of = as_of or date.today()
        self._loaded = False
        self.dialog: GroupDialog | None = None
        self.picker: OrgPickerDialog | None = None

        self.groups_model = GroupListModel(self)
        self.groups = _table(self.groups_model)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.groups.horizontalHeader()
        header.setSectionResizeMode(GroupListModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(GroupListModel.SHORT, 150)
        header.resizeSection(GroupListModel.MEMBERS, 80)
        self.new_button = QPushButton(self.tr("&New group…"))
        self.rename_button = QPushButton(self.tr("Rena&me…"))
        self.delete_button = QPushButton(self.tr("Delete gro&up"))
        self.up_button = QPushButton(self.tr("Move u&p"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.up_button.setToolTip("Ctrl+↑")
        self.down_button.setToolTip("Ctrl+↓")

        self.members_label = QLabel()
        self.members_model = OrgListModel(self)
        self.members = _table(self.members_model)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members.horizontalHeader().setSectionResizeMode(OrgColumns.NAME,
                                                             QHeaderView.ResizeMode.Stretch)
        self.members.horizontalHeader().resizeSection(OrgColumns.KIND, 170)
        for column in (OrgColumns.CELLS, OrgColumns.MEMBERS, OrgColumns.CODE):
            self.members.setColumnHidden(column, True)
        self.add_selected_button = QPushButton(self.tr("Add the &selected organisation"))
        self.add_search_button = QPushButton(self.tr("&Add organisations…"))
        self.remove_button = QPushButton(self.tr("&Remove from group"))
        self.remove_button.setToolTip("Delete")

        group_buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button,
                       self.up_button, self.down_button):
            group_buttons.addWidget(button)
        group_buttons.addStretch(1)
        member_buttons = QHBoxLayout()
        for button in (self.add_selected_button, self.add_search_button, self.remove_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.groups, 1)
        top_layout.addLayout(group_buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.members_label)
        bottom_layout.addWidget(self.members, 1)
        bottom_layout.addLayout(member_buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.new_button.clicked.connect(self.new_group)
        self.rename_button.clicked.connect(self.rename_group)
        self.delete_button.clicked.connect(self.delete_group)
        self.up_button.clicked.connect(lambda: self.move_group(-1))
        self.down_button.clicked.connect(lambda: self.move_group(1))
        self.add_selected_button.clicked.connect(self.add_selected)
        self.add_search_button.clicked.connect(self.open_picker)
        self.remove_button.clicked.connect(self.remove_members)
        self.groups.selectionModel().selectionChanged.connect(self._group_changed)
        self.groups.activated.connect(lambda _index: self.rename_group())
        for keys, widget, slot in (
            (QKeySequence("Ctrl+Up"), self.groups, lambda: self.move_group(-1)),
            (QKeySequence("Ctrl+Down"), self.groups, lambda: self.move_group(1)),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.members, self.remove_members),
        ):
            shortcut = QShortcut(keys, widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # (the keyword is ignored)
            shortcut.activated.connect(slot)
        self._update_buttons()

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def set_as_of(self, day: date) -> None:
        self.as_of = day
        if self._loaded:
            self.reload()

    def current_group(self) -> GroupDTO | None:
        rows = self.groups.selectionModel().selectedRows()
        return self.groups_model.row_at(rows[0].row()) if rows else None

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (
            g.id if (g := self.current_group()) else None)
        self._loaded = True
        self.groups_model.set_rows(org_groups.list_groups(self._db, self.as_of))
        row = self.groups_model.row_of(keep) if keep is not None else -1
        if row < 0 and self.groups_model.rowCount():
            row = 0
        if row >= 0:
            self.groups.selectRow(row)
        else:
            self._show_members(None)

    def _group_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_members(self.current_group())

    def _show_members(self, group: GroupDTO | None) -> None:
        if group is None:
            self.members_model.set_rows([])
            self.members_label.setText(self.tr("Choose a group to see its organisations."))
        else:
            rows = org_groups.group_members(self._db, group.id, self.as_of)
            self.members_model.set_rows(rows)
            self.members_label.setText(self.tr("Organisations in “{group}”: {count}").format(
                group=group.name, count=format_int(len(rows))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_group = self.current_group() is not None
        for button in (self.rename_button, self.delete_button, self.up_button,
                       self.down_button, self.add_selected_button, self.add_search_button,
                       self.remove_button):
            button.setEnabled(has_group)

    # ------------------------------------------------------------------ groups

    def new_group(self) -> None:
        self._open_dialog(GroupDialog(self._db, parent=self))

    def rename_group(self) -> None:
        group = self.current_group()
        if group is not None:
            self._open_dialog(GroupDialog(self._db, group, parent=self))

    def _open_dialog(self, dialog: GroupDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda g: self._after_change(g.id))
        dialog.open()

    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        answer = message.question(
            self, self.tr("Delete the group “{group}”?").format(group=group.name),
            informative=self.tr("The organisations stay; only the group and its list go."))
        if answer == message.Button.Yes:
            self._call(lambda: org_groups.delete_group(self._db, group.id, group.version))

    def move_group(self, step: int) -> None:
        group = self.current_group()
        if group is None:
            return
        ids = self.groups_model.group_ids()
        row = ids.index(group.id)
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self._call(lambda: org_groups.reorder_groups(self._db, ids), select=group.id)

    # ------------------------------------------------------------------ members

    def add_selected(self) -> None:
        orgs = self._selected_orgs()
        if not orgs:
            message.information(self, self.tr("First select an organisation in the tree or "
                                              "the list on the left."))
            return
        self.add_members([o.id for o in orgs])

    def open_picker(self) -> None:
        self.picker = OrgPickerDialog(self._db, self.tr("Add organisations to the group"),
                                      self.as_of, many=True, parent=self)
        self.picker.accepted.connect(
            lambda: self.add_members([o.id for o in self.picker.chosen] if self.picker else []))
        self.picker.open()

    def add_members(self, org_ids: list[int]) -> None:
        group = self.current_group()
        if group is not None and org_ids:
            self._call(lambda: org_groups.add_members(self._db, group.id, org_ids,
                                                      group.version), select=group.id)

    def remove_members(self) -> None:
        group = self.current_group()
        rows = self.members.selectionModel().selectedRows()
        if group is None or not rows:
            return
        ids = [self.members_model.row_at(r.row()).id for r in rows]
        self._call(lambda: org_groups.remove_members(self._db, group.id, ids, group.version),
                   select=group.id)

    # ------------------------------------------------------------------ common

    def _call(self, action: Callable[[], object], select: int | None = None) -> None:
        try:
            action()
        except ConflictError as exc:
            message.warning(self, exc.message)
            self.reload(select)
            return
        except AppError as exc:
            message.warning(self, exc.message)
            return
        self._after_change(select)

    def _after_change(self, select: int | None) -> None:
        self.reload(select)
        self.changed.emit()
