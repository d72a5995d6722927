"""The "Nơi nhận" groups panel of the "Đơn vị" page: create, rename, reorder, members."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services import org_groups
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.dialogs.group_dialog import GroupDialog

from . import orgs_support
from .conftest import type_text
from .orgs_support import find, open_page

# the fixtures, found by pytest under these names
orgs_template = orgs_support.orgs_template
orgs_db = orgs_support.orgs_db


def test_create_a_group_and_add_members(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    qtbot.keyClick(page.tree, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Nơi nhận" tab
    panel = page.groups_panel
    assert page.side.currentIndex() == 1 and panel.isVisible()
    assert panel.groups_model.rowCount() == 4
    assert panel.groups_model.index(0, 2).data() == "16"
    assert panel.members_model.rowCount() == 16  # the first group is selected

    panel.new_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, GroupDialog)
    type_text(dialog.name, "Các đảng bộ phường")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert panel.groups_model.rowCount() == 5
    group = panel.current_group()
    assert group is not None and group.name == "Các đảng bộ phường"
    assert panel.members_model.rowCount() == 0

    # a name already used is refused under the field
    panel.new_button.click()
    type_text(panel.dialog.name, "Các đảng bộ phường")
    panel.dialog.save()
    assert panel.dialog.isVisible() and "Đã có nhóm" in panel.dialog.name_error.text()
    panel.dialog.reject()

    # add the organisation selected in the tree, then two more through the search
    ward = find(orgs_db, "Đảng bộ phường Hà Sơn")
    page.select_org(ward.id)
    panel.add_selected_button.click()
    assert [panel.members_model.row_at(r).name
            for r in range(panel.members_model.rowCount())] == ["Đảng bộ phường Hà Sơn"]
    panel.open_picker()
    picker = panel.picker
    assert picker is not None
    type_text(picker.picker.search, "dang bo phuong")
    qtbot.waitUntil(lambda: picker.picker.results_model.rowCount() == 3)
    picker.picker.results.selectAll()
    qtbot.keyClick(picker.picker.results, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert panel.members_model.rowCount() == 3
    assert panel.groups_model.index(panel.groups_model.row_of(group.id), 2).data() == "3"
    assert "Các đảng bộ phường" in page.detail_panel.values["groups"].text()

    # remove one with Delete
    panel.members.selectRow(0)
    page.activateWindow()  # back from the search window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    panel.members.setFocus()
    qtbot.keyClick(panel.members, Qt.Key.Key_Delete)
    assert panel.members_model.rowCount() == 2
    stored = org_groups.group_members(orgs_db, group.id)
    assert len(stored) == 2


def test_reorder_rename_and_delete_groups(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    page.side.setCurrentIndex(1)
    panel = page.groups_panel
    names = [g.name for g in org_groups.list_groups(orgs_db)]
    panel.groups.selectRow(1)
    panel.groups.setFocus()
    qtbot.keyClick(panel.groups, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [g.name for g in org_groups.list_groups(orgs_db)] == [names[1], names[0],
                                                                  *names[2:]]
    assert panel.current_group() is not None and panel.current_group().name == names[1]
    panel.rename_button.click()
    dialog = panel.dialog
    assert dialog is not None and dialog.name.text() == names[1]
    dialog.name.setText("Các ban, sở, ngành tỉnh")
    dialog.save()
    assert panel.groups_model.index(0, 0).data() == "Các ban, sở, ngành tỉnh"
    # a group used by a document's "Nơi nhận" cannot be deleted; an unused one can
    used = panel.current_group()
    message.set_next_answer(QMessageBox.StandardButton.Yes)
    panel.delete_group()
    still = [g.id for g in org_groups.list_groups(orgs_db)]
    if used is not None and used.id in still:
        assert "Nơi nhận" in message.history[-1].text
    panel.new_button.click()
    panel.dialog.name.setText("Nhóm tạm")
    panel.dialog.save()
    count = panel.groups_model.rowCount()
    message.set_next_answer(QMessageBox.StandardButton.Yes)
    panel.delete_group()
    assert panel.groups_model.rowCount() == count - 1
    assert "Nhóm tạm" not in [g.name for g in org_groups.list_groups(orgs_db)]
