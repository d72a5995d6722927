"""Every dialog of the "Đơn vị" page can be walked with Tab in a sensible order: its fields
top to bottom, then its buttons; Enter saves and Esc cancels."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.org_detail import organisation_detail
from desktop.services.org_groups import list_groups
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs.denominators_dialog import DenominatorsDialog
from desktop.ui.dialogs.file_saved_dialog import FileSavedDialog
from desktop.ui.dialogs.group_dialog import GroupDialog
from desktop.ui.dialogs.org_change_dialog import DissolveDialog, MoveDialog, RenameDialog
from desktop.ui.dialogs.org_dialog import OrgDialog
from desktop.ui.dialogs.org_import_dialog import OrgImportDialog
from desktop.ui.dialogs.org_merge_dialog import MergeDialog
from desktop.ui.widgets.org_picker import OrgPickerDialog

from . import orgs_support
from .conftest import DEMO_TODAY
from .orgs_support import button_texts, find, tab_walk

# the fixtures, found by pytest under these names
orgs_template = orgs_support.orgs_template
orgs_db = orgs_support.orgs_db


def walk(qtbot: QtBot, dialog: QWidget, start: QWidget) -> list[QWidget]:
    qtbot.addWidget(dialog)
    return tab_walk(dialog, start)  # type: ignore[arg-type]


def in_order(seen: list[QWidget], *expected: QWidget) -> None:
    positions = [seen.index(w) for w in expected]
    assert positions == sorted(positions), [type(w).__name__ for w in seen]


def test_org_dialog_create_and_edit(qtbot: QtBot, orgs_db: Database) -> None:
    ward = find(orgs_db, "Đảng bộ phường Hà Sơn")
    dialog = OrgDialog(orgs_db, parent_id=ward.id, parent_name=ward.name, as_of=DEMO_TODAY)
    seen = walk(qtbot, dialog, dialog.name)
    in_order(seen, dialog.name, dialog.short_name, dialog.code, dialog.kind,
             dialog.choose_parent, dialog.clear_parent, dialog.valid_from.edit, dialog.note)
    assert button_texts(seen)[-2:] == ["&Lưu", "Hủy"]
    assert dialog.parent_display not in seen
    edit = OrgDialog(orgs_db, detail=organisation_detail(orgs_db, ward.id))
    seen = walk(qtbot, edit, edit.name)
    in_order(seen, edit.name, edit.short_name, edit.code, edit.kind, edit.note)
    assert edit.choose_parent not in seen and edit.valid_from.edit not in seen


def test_change_dialogs(qtbot: QtBot, orgs_db: Database) -> None:
    detail = organisation_detail(orgs_db, find(orgs_db, "Đảng bộ xã Tân An").id)
    rename = RenameDialog(orgs_db, detail, DEMO_TODAY)
    seen = walk(qtbot, rename, rename.name)
    in_order(seen, rename.name, rename.short_name, rename.on.edit)
    assert button_texts(seen)[-2:] == ["Đổi &tên", "Hủy"]
    move = MoveDialog(orgs_db, detail, DEMO_TODAY)
    seen = walk(qtbot, move, move.picker.search)
    in_order(seen, move.picker.search, move.picker.tree, move.to_top, move.on.edit)
    dissolve = DissolveDialog(orgs_db, detail, DEMO_TODAY)
    seen = walk(qtbot, dissolve, dissolve.reason)
    in_order(seen, dissolve.reason, dissolve.on.edit)
    assert button_texts(seen)[-2:] == ["&Giải thể", "Hủy"]
    merge = MergeDialog(orgs_db, detail, DEMO_TODAY)
    seen = walk(qtbot, merge, merge.sources)
    in_order(seen, merge.sources, merge.add_button, merge.remove_button, merge.target_button,
             merge.sum_figures, merge.on.edit)
    assert button_texts(seen)[-2:] == ["&Sáp nhập", "Hủy"]


def test_figures_groups_picker_import_saved(qtbot: QtBot, orgs_db: Database, runner: TaskRunner,
                                             tmp_path: Path) -> None:
    detail = organisation_detail(orgs_db, find(orgs_db, "Đảng bộ xã Tân An").id)
    figures = DenominatorsDialog(orgs_db, detail, DEMO_TODAY)
    seen = walk(qtbot, figures, figures.table)
    in_order(seen, figures.table, figures.as_of.edit, figures.cells, figures.members,
             figures.note, figures.save_button, figures.new_button)
    assert figures.save_button.isDefault()
    group = GroupDialog(orgs_db, list_groups(orgs_db)[0])
    seen = walk(qtbot, group, group.name)
    in_order(seen, group.name, group.short_name)
    assert button_texts(seen)[-2:] == ["&Lưu", "Hủy"]
    picker = OrgPickerDialog(orgs_db, "Chọn", DEMO_TODAY)
    seen = walk(qtbot, picker, picker.picker.search)
    in_order(seen, picker.picker.search, picker.picker.tree)
    assert button_texts(seen)[-2:] == ["&Chọn", "Hủy"]
    dialog = OrgImportDialog(orgs_db, runner, today=DEMO_TODAY)
    book = openpyxl.Workbook()
    book.active.append(["Tên đơn vị", "Trực thuộc", "Số ĐV"])
    book.active.append(["Chi bộ Mới", "P001", 12])
    book.create_sheet("Khác").append(["Tên đơn vị", "Mã"])
    book.save(tmp_path / "ds.xlsx")
    dialog.load_file(tmp_path / "ds.xlsx")
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.sheet.count() == 2 and dialog.mapping_button.isChecked()
    seen = walk(qtbot, dialog, dialog.choose_button)
    in_order(seen, dialog.choose_button, dialog.sheet, dialog.as_of.edit,
             dialog.mapping_button, dialog.replan_button, *dialog._combos.values(),
             dialog.tabs.tabBar())
    saved = FileSavedDialog(tmp_path / "a.xlsx", "Đã xuất.")
    seen = walk(qtbot, saved, saved.open_file_button)
    assert button_texts(seen) == ["Mở &tệp", "Mở thư &mục", "Đóng"]
    assert QApplication.focusWidget() is not None
