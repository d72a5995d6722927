"""Editing the tree from the "Đơn vị" page by keyboard: create, rename, move, merge, dissolve,
figures; each change refreshes the touched nodes and keeps the selection."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services import org_editing, organisations
from desktop.services.database import Database
from desktop.services.org_denominators import denominator_history
from desktop.services.org_detail import organisation_detail
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs.denominators_dialog import DenominatorsDialog
from desktop.ui.dialogs.org_change_dialog import DissolveDialog, MoveDialog, RenameDialog
from desktop.ui.dialogs.org_dialog import OrgDialog
from desktop.ui.dialogs.org_merge_dialog import MergeDialog

from . import orgs_support
from .conftest import type_text
from .orgs_support import child_names, find, open_page

# the fixtures, found by pytest under these names
orgs_template = orgs_support.orgs_template
orgs_db = orgs_support.orgs_db

CTRL = Qt.KeyboardModifier.ControlModifier


def test_create_an_organisation_by_keyboard(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    other = find(orgs_db, "Đảng bộ phường Đông Thành")
    page.tree_model.load_path([1, other.id, organisations.children(orgs_db, other.id)[0].id])
    asked: list[int | None] = []
    loader = page.tree_model._loader
    page.tree_model._loader = lambda pid: asked.append(pid) or loader(pid)
    parent = find(orgs_db, "Đảng bộ phường Hà Sơn")
    page.select_org(parent.id)
    page.tree.setFocus()
    open_before = page.tree_model.is_loaded(parent.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL)
    dialog = page.actions_.dialog
    assert isinstance(dialog, OrgDialog) and dialog.isVisible()
    assert dialog.parent_display.text() == "Đảng bộ phường Hà Sơn"
    type_text(dialog.name, "Chi bộ khu phố Mới")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    type_text(dialog.short_name, "KP Mới")
    qtbot.keyClick(dialog.short_name, Qt.Key.Key_Return)  # Enter = Lưu
    assert not dialog.isVisible()
    created = find(orgs_db, "Chi bộ khu phố Mới")
    assert created.parent_id == parent.id and created.short_name == "KP Mới"
    # the parent was opened (or refreshed) and the new one is selected
    assert "Chi bộ khu phố Mới" in child_names(page, parent.id)
    assert page.current_org() is not None and page.current_org().id == created.id
    assert page.detail_panel.title.text() == "Chi bộ khu phố Mới"
    assert open_before is False or page.tree_model.is_loaded(parent.id)
    # only the parent was read again: the rest of the opened tree stayed as it was
    assert None not in asked and 1 not in asked and other.id not in asked
    assert page.tree_model.is_loaded(other.id) and page.tree_model.is_loaded(1)

    # an empty name is refused under the field, the dialog stays open
    page.actions_.add()
    dialog = page.actions_.dialog
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.name_error.isVisible()
    assert "Chưa nhập tên đơn vị" in dialog.name_error.text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_rename_with_a_date_shows_the_old_name_before_it(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    org = find(orgs_db, "Đảng bộ xã Tân An")
    page.select_org(org.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_R, CTRL)
    dialog = page.actions_.dialog
    assert isinstance(dialog, RenameDialog)
    dialog.name.clear()
    type_text(dialog.name, "Đảng bộ xã Tân An Hòa")
    dialog.on.edit.clear()
    type_text(dialog.on.edit, "1/9/2026")
    qtbot.keyClick(dialog.on.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.current_org() is not None and page.current_org().name == "Đảng bộ xã Tân An Hòa"
    index = page.tree_model.index_of(org.id)
    assert index.data() == "Đảng bộ xã Tân An Hòa"
    # as of a day before the renaming the old name is shown, in the tree and the details
    page.as_of_edit.edit.clear()
    type_text(page.as_of_edit.edit, "31/8/2026")
    qtbot.keyClick(page.as_of_edit.edit, Qt.Key.Key_Return)
    assert page.as_of == date(2026, 8, 31)
    assert page.tree_model.index_of(org.id).data() == "Đảng bộ xã Tân An"
    assert page.current_org() is not None and page.current_org().id == org.id
    assert page.detail_panel.title.text() == "Đảng bộ xã Tân An"
    assert page.detail_panel.values["current_name"].text() == "Đảng bộ xã Tân An Hòa"
    page.set_as_of(date(2026, 11, 30))
    assert page.detail_panel.history.topLevelItemCount() == 1
    assert page.detail_panel.history.topLevelItem(0).text(2) == "Đảng bộ xã Tân An"
    assert page.detail_panel.history.topLevelItem(0).text(4) == "Đổi tên"


def test_move_updates_the_tree_and_a_cycle_is_refused(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    old_parent = find(orgs_db, "Đảng bộ phường Hà Sơn")
    new_parent = find(orgs_db, "Đảng bộ phường Tây Thành")
    cell = organisations.children(orgs_db, old_parent.id)[0]
    page.select_org(new_parent.id)  # open the new parent's children too
    page.tree_model.fetchMore(page.tree_model.index_of(new_parent.id))
    before_new = len(child_names(page, new_parent.id))
    page.select_org(cell.id)
    before_old = len(child_names(page, old_parent.id))
    qtbot.keyClick(page.tree, Qt.Key.Key_M, CTRL)
    dialog = page.actions_.dialog
    assert isinstance(dialog, MoveDialog)
    type_text(dialog.picker.search, "phuong tay thanh")
    qtbot.waitUntil(lambda: dialog.picker.results_model.rowCount() > 0)
    dialog.picker.results.selectRow(dialog.picker.results_model.row_of(new_parent.id))
    qtbot.keyClick(dialog.on.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(child_names(page, old_parent.id)) == before_old - 1
    assert len(child_names(page, new_parent.id)) == before_new + 1
    assert cell.name in child_names(page, new_parent.id)
    assert page.current_org() is not None and page.current_org().id == cell.id
    assert page.tree_model.index_of(new_parent.id).siblingAtColumn(0).data() == new_parent.name

    # moving the ward under one of its own party cells is refused, with the reason inline
    page.select_org(new_parent.id)
    page.actions_.move()
    dialog = page.actions_.dialog
    type_text(dialog.picker.search, cell.name)
    qtbot.waitUntil(lambda: dialog.picker.results_model.row_of(cell.id) >= 0)
    dialog.picker.results.selectRow(dialog.picker.results_model.row_of(cell.id))
    dialog.save()
    assert dialog.isVisible()
    assert "vòng lặp" in dialog.parent_error.text() and dialog.parent_error.isVisible()
    dialog.reject()
    assert organisation_detail(orgs_db, new_parent.id).parent_id == new_parent.parent_id


def test_merge_two_party_cells(qtbot: QtBot, orgs_db: Database, runner: TaskRunner) -> None:
    page = open_page(qtbot, orgs_db, runner)
    ward = find(orgs_db, "Đảng bộ phường Đông Thành")
    source, target = organisations.children(orgs_db, ward.id)[-2:]
    page.select_org(source.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.actions_.dialog
    assert isinstance(dialog, MergeDialog)
    assert dialog.source_ids() == [source.id]
    dialog.save()  # no receiving organisation yet: said under its button
    assert dialog.target_error.isVisible()
    dialog.choose(target.id, source=False)
    dialog.sum_figures.setChecked(True)
    dialog.on.edit.clear()
    type_text(dialog.on.edit, "1/12/2026")
    qtbot.keyClick(dialog.on.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    ended = organisation_detail(orgs_db, source.id)
    assert ended.valid_to == date(2026, 11, 30) and ended.merged_into_id == target.id
    summed = organisation_detail(orgs_db, target.id, date(2026, 12, 1))
    assert summed.party_members == (source.party_members or 0) + (target.party_members or 0)
    assert page.current_org() is not None and page.current_org().id == target.id
    # still shown today (it ends tonight); gone from the tree on the merge day
    page.set_as_of(date(2026, 12, 1))
    assert source.name not in child_names(page, ward.id)
    assert target.name in child_names(page, ward.id)


def test_dissolve_is_refused_while_children_are_alive(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    ward = find(orgs_db, "Đảng bộ xã Phú Lộc")
    page.select_org(ward.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete, CTRL)
    dialog = page.actions_.dialog
    assert isinstance(dialog, DissolveDialog)
    qtbot.keyClick(dialog.on.edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "còn" in dialog.general_error.text() and "trực thuộc" in dialog.general_error.text()
    dialog.reject()
    # a party cell without children can go; the tree drops it from that day
    cell = organisations.children(orgs_db, ward.id)[0]
    page.select_org(cell.id)
    page.actions_.dissolve()
    dialog = page.actions_.dialog
    type_text(dialog.reason, "Sáp xếp lại")
    dialog.on.edit.clear()
    type_text(dialog.on.edit, "30/11/2026")
    dialog.save()
    assert not dialog.isVisible()
    assert cell.name not in child_names(page, ward.id)
    assert page.current_org() is not None and page.current_org().id == ward.id


def test_denominators_add_and_edit(qtbot: QtBot, orgs_db: Database, runner: TaskRunner) -> None:
    page = open_page(qtbot, orgs_db, runner)
    ward = find(orgs_db, "Đảng bộ phường Hà Sơn")
    page.select_org(ward.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_K, CTRL)
    dialog = page.actions_.dialog
    assert isinstance(dialog, DenominatorsDialog)
    rows_before = dialog.model.rowCount()
    dialog.as_of.edit.clear()
    type_text(dialog.as_of.edit, "1/11/2026")
    type_text(dialog.cells, "14")
    type_text(dialog.members, "1.234")
    qtbot.keyClick(dialog.members, Qt.Key.Key_Return)  # Enter = Lưu số liệu
    assert dialog.model.rowCount() == rows_before + 1
    assert dialog.model.index(0, 0).data() == "01/11/2026"
    assert dialog.model.index(0, 2).data() == "1.234"
    assert page.tree_model.index_of(ward.id).siblingAtColumn(3).data() == "1.234"
    # edit the selected row: more cells than members is refused under the field
    dialog.table.selectRow(0)
    dialog.cells.setText("2000")
    dialog.save()
    assert dialog.cells_error.isVisible()
    dialog.cells.setText("15")
    dialog.save()
    history = denominator_history(orgs_db, ward.id)
    assert (history[0].as_of, history[0].party_cells, history[0].party_members) == (
        date(2026, 11, 1), 15, 1234)
    assert len(history) == rows_before + 1
    dialog.reject()


def test_an_edit_that_clashes_offers_to_reload(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner, quiet_message_boxes: list
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    org = find(orgs_db, "Đảng bộ xã An Phú")
    page.select_org(org.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # Enter edits, as F2 does
    assert isinstance(page.actions_.dialog, OrgDialog)
    page.actions_.dialog.reject()
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    dialog = page.actions_.dialog
    assert isinstance(dialog, OrgDialog) and dialog.name.text() == "Đảng bộ xã An Phú"
    seen = organisation_detail(orgs_db, org.id)
    org_editing.update_organisation(orgs_db, org.id, {"note": "sửa ở máy khác"}, seen.version)
    dialog.short_name.setText("An Phú")
    dialog.save()  # the message box answers Yes (its default): reload
    assert dialog.isVisible()
    assert "người khác sửa" in quiet_message_boxes[-1].text
    assert dialog.note.toPlainText() == "sửa ở máy khác"
    dialog.short_name.setText("An Phú")
    dialog.save()
    assert not dialog.isVisible()
    assert organisation_detail(orgs_db, org.id).short_name == "An Phú"
