"""The commands of the "Đơn vị" page: a toolbar, the context menus and their shortcuts.

| Command | Shortcut |
|---|---|
| Thêm đơn vị (under the selected one) | Ctrl+N |
| Sửa | F2, Enter, double click |
| Đổi tên… | Ctrl+R |
| Chuyển đơn vị cấp trên… | Ctrl+M |
| Sáp nhập… | Ctrl+Shift+M |
| Giải thể… | Ctrl+Delete |
| Số chi bộ, đảng viên… | Ctrl+K |
| Danh sách (flat list) / cây | Ctrl+L |
| Hiện trong cây (from a search or the list) | Ctrl+Enter |
| Tìm | Ctrl+F |

Each command opens its dialog without blocking (``open()``); every dialog edits the current
version of the organisation (read again when the dialog opens) and, once saved, the page
re-reads what the change touched (:meth:`OrganisationsPage.refresh_after`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from desktop.domain.errors import AppError
from desktop.services import organisations
from desktop.services.dto import OrgNode
from desktop.services.org_detail import organisation_detail
from desktop.services.org_types import OrgDetail
from desktop.ui.dialogs import message
from desktop.ui.dialogs.org_files import OrgFiles

if TYPE_CHECKING:
    from desktop.ui.pages.organisations_page import OrganisationsPage


class OrgPageActions(QObject):
    """Creates the page's actions, opens the dialogs, refreshes the page after a save."""

    def __init__(self, page: OrganisationsPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: QDialog | None = None

        def action(text: str, shortcut: str | QKeySequence.StandardKey, slot: object,
                   tip: str = "") -> QAction:
            act = QAction(text, page)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{tip or text.replace('&', '')} ({act.shortcut().toString()})")
            act.triggered.connect(slot)
            page.addAction(act)
            return act

        self.add_action = action(self.tr("&New organisation"), "Ctrl+N", self.add,
                                 self.tr("New organisation under the selected one"))
        self.edit_action = action(self.tr("&Edit"), "F2", self.edit)
        self.rename_action = action(self.tr("Re&name…"), "Ctrl+R", self.rename)
        self.move_action = action(self.tr("M&ove to another parent…"), "Ctrl+M", self.move)
        self.move_action.setIconText(self.tr("Move…"))  # the toolbar's shorter label
        self.merge_action = action(self.tr("Mer&ge…"), "Ctrl+Shift+M", self.merge)
        self.dissolve_action = action(self.tr("D&issolve…"), "Ctrl+Del", self.dissolve)
        self.figures_action = action(self.tr("Party &cells and members…"), "Ctrl+K",
                                     self.figures)
        self.show_in_tree_action = action(self.tr("Show in &tree"), "Ctrl+Return",
                                          page.show_in_tree)
        self.list_action = action(self.tr("&List"), "Ctrl+L", self._toggle_list,
                                  self.tr("Every organisation in one sortable list"))
        self.list_action.setCheckable(True)
        self.find_action = action(self.tr("Find"), QKeySequence.StandardKey.Find, self._find)
        self.files = OrgFiles(page._db, page.runner, page, lambda: page.as_of)
        self.files.imported.connect(lambda _result: page.reload_all())
        self.editing = [self.add_action, self.edit_action, self.rename_action,
                        self.move_action, self.merge_action, self.dissolve_action,
                        self.figures_action]
        toolbar = page.toolbar
        toolbar.addActions(self.editing)
        toolbar.addSeparator()
        toolbar.addAction(self.list_action)
        toolbar.addSeparator()
        toolbar.addActions(self.files.actions())
        for view in (page.tree, page.results, page.flat):
            view.addActions([*self.editing, self.show_in_tree_action])
            view.activated.connect(self._activated)

    def update_enabled(self, org: OrgNode | None) -> None:
        for act in self.editing[1:]:
            act.setEnabled(org is not None)
        self.show_in_tree_action.setEnabled(org is not None and self.page.view is not
                                            self.page.tree)

    # ------------------------------------------------------------------ helpers

    def _current(self) -> tuple[OrgNode, OrgDetail] | None:
        """The selected organisation and its current (today's) version, read again now."""
        org = self.page.current_org()
        if org is None:
            return None
        try:
            return org, organisation_detail(self.page._db, org.id)
        except AppError as exc:
            message.warning(self.page, exc.message)
            self.page.refresh_after([org.id])
            return None

    def _open(self, dialog: QDialog, signal_name: str, affected: set[int | None],
              select: int | None) -> QDialog:
        def saved(result: object) -> None:
            ids = set(affected)
            if isinstance(result, OrgDetail):
                ids |= {result.id, result.parent_id}
                target = result.id if select is None else select
            else:
                target = select
            merged = getattr(dialog, "source_ids", None)
            if callable(merged):
                ids |= set(merged())
            self.page.refresh_after(ids, target)

        getattr(dialog, signal_name).connect(saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _activated(self, _index: QModelIndex) -> None:
        self.edit()

    def _toggle_list(self) -> None:
        self.page.set_flat_mode(self.list_action.isChecked())
        self.update_enabled(self.page.current_org())

    def _find(self) -> None:
        self.page.search.setFocus()
        self.page.search.selectAll()

    # ------------------------------------------------------------------ commands

    def add(self) -> None:
        from desktop.ui.dialogs.org_dialog import OrgDialog

        org = self.page.current_org()
        siblings = organisations.children(self.page._db, org.id if org else None,
                                          self.page.as_of)
        kinds = Counter(n.kind for n in siblings if n.kind)  # as its future siblings are
        dialog = OrgDialog(self.page._db, parent_id=org.id if org else None,
                           parent_name=org.name if org else "",
                           default_kind=kinds.most_common(1)[0][0] if kinds else "",
                           as_of=self.page.as_of, parent=self.page)
        self._open(dialog, "saved", {org.id if org else None}, None)

    def edit(self) -> None:
        from desktop.ui.dialogs.org_dialog import OrgDialog

        current = self._current()
        if current is not None:
            org, detail = current
            self._open(OrgDialog(self.page._db, detail=detail, as_of=self.page.as_of,
                                 parent=self.page), "saved", {org.id}, org.id)

    def rename(self) -> None:
        from desktop.ui.dialogs.org_change_dialog import RenameDialog

        current = self._current()
        if current is not None:
            org, detail = current
            self._open(RenameDialog(self.page._db, detail, self.page.as_of, self.page),
                       "saved", {org.id}, org.id)

    def move(self) -> None:
        from desktop.ui.dialogs.org_change_dialog import MoveDialog

        current = self._current()
        if current is not None:
            org, detail = current
            self._open(MoveDialog(self.page._db, detail, self.page.as_of, self.page), "saved",
                       {org.id, org.parent_id, detail.parent_id}, org.id)

    def merge(self) -> None:
        from desktop.ui.dialogs.org_merge_dialog import MergeDialog

        current = self._current()
        if current is not None:
            org, detail = current
            self._open(MergeDialog(self.page._db, detail, self.page.as_of, self.page),
                       "saved", {org.id, org.parent_id}, None)

    def dissolve(self) -> None:
        from desktop.ui.dialogs.org_change_dialog import DissolveDialog

        current = self._current()
        if current is not None:
            org, detail = current
            self._open(DissolveDialog(self.page._db, detail, self.page.as_of, self.page),
                       "saved", {org.id, org.parent_id}, org.parent_id)

    def figures(self) -> None:
        from desktop.ui.dialogs.denominators_dialog import DenominatorsDialog

        current = self._current()
        if current is not None:
            org, detail = current
            self._open(DenominatorsDialog(self.page._db, detail, self.page.as_of, self.page),
                       "changed", {org.id}, org.id)
