"""Importing the organisation list from Excel through the dialog, and exporting it.

Workbooks are written here with openpyxl as offices make them (title rows, Vietnamese
headers); the preview, the problems with their cells, Apply, and the database are checked.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.org_import import plan_org_import
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import file_dialogs, message, save_dialog
from desktop.ui.dialogs.org_files import OrgFiles, export_file_name
from desktop.ui.dialogs.org_import_dialog import CHANGES, CREATES, PROBLEMS, OrgImportDialog

from . import orgs_support
from .conftest import DEMO_TODAY
from .orgs_support import find, open_page

# the fixtures, found by pytest under these names
orgs_template = orgs_support.orgs_template
orgs_db = orgs_support.orgs_db

HEADERS = ["STT", "Mã đơn vị", "Tên tổ chức đảng", "Tên viết tắt", "Trực thuộc", "Loại",
           "Số chi bộ", "Số đảng viên"]


def workbook(path: Path, rows: list[list[object]], *, sheet: str = "Danh sách",
             headers: list[str] = HEADERS, second_sheet: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["DANH SÁCH TỔ CHỨC ĐẢNG TRỰC THUỘC"])
    ws.append(["(kèm theo Công văn số 12-CV/TU ngày 20/11/2026)"])
    ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    if second_sheet:
        other = wb.create_sheet("Đợt 2")
        other.append(headers)
        other.append([1, "P001.90", "Chi bộ khu phố Ven Sông", "KP Ven Sông", "P001",
                      "Chi bộ trực thuộc", 1, 11])
    wb.save(path)
    return path


def good_rows() -> list[list[object]]:
    return [
        [1, "P001.81", "Chi bộ khu phố Bến Đò", "KP Bến Đò", "P001", "Chi bộ trực thuộc", 1, 23],
        [2, "P001.82", "Chi bộ khu phố Chợ Mới", "KP Chợ Mới", "P001", "Chi bộ trực thuộc", 1,
         17],
        [3, "X001", "Đảng bộ xã Tân An", "Tân An", None, None, None, None],
    ]


def open_dialog(qtbot: QtBot, db: Database, runner: TaskRunner) -> OrgImportDialog:
    dialog = OrgImportDialog(db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot: QtBot, dialog: OrgImportDialog, path: Path) -> None:
    file_dialogs.set_next_paths([path])
    qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Space)  # "Chọn tệp…"
    qtbot.waitUntil(lambda: not dialog.busy)


def snapshot(db: Database) -> list[tuple[int, str, str, int | None]]:
    return [(n.id, n.name, n.short_name, n.party_members)
            for n in organisations.flat_list(db, DEMO_TODAY)]


def test_import_happy_path(qtbot: QtBot, orgs_db: Database, runner: TaskRunner,
                           tmp_path: Path, quiet_message_boxes: list) -> None:
    path = workbook(tmp_path / "ds.xlsx", good_rows())
    dialog = open_dialog(qtbot, orgs_db, runner)
    assert not dialog.apply_button.isEnabled()
    choose(qtbot, dialog, path)
    plan = dialog.plan
    assert plan is not None and plan.ok
    assert "Tạo mới 2, cập nhật 1" in dialog.summary.text()
    assert "không đổi 0" in dialog.summary.text()
    assert not dialog.tabs.isTabVisible(PROBLEMS) and not dialog.banner.isVisible()
    assert dialog.tabs.currentIndex() == CREATES
    assert [dialog.creates_model.row_at(r)[1] for r in range(2)] == [
        "Chi bộ khu phố Bến Đò", "Chi bộ khu phố Chợ Mới"]
    assert dialog.creates_model.row_at(0)[3] == "Đảng bộ phường Hà Sơn"
    change = dialog.changes_model.row_at(0)
    assert change[1:] == ("Đảng bộ xã Tân An", "Tên viết tắt", "xã Tân An", "Tân An")
    assert dialog.tabs.tabText(CHANGES) == "T&hay đổi (1)"
    assert dialog.apply_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Áp dụng
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert not dialog.isVisible()
    assert (dialog.result.created, dialog.result.updated) == (2, 1)
    assert "2" in quiet_message_boxes[-1].text
    created = find(orgs_db, "Chi bộ khu phố Bến Đò")
    assert created.parent_id == find(orgs_db, "Đảng bộ phường Hà Sơn").id
    assert created.party_members == 23
    assert find(orgs_db, "Đảng bộ xã Tân An").short_name == "Tân An"


def test_import_with_errors_writes_nothing(qtbot: QtBot, orgs_db: Database, runner: TaskRunner,
                                           tmp_path: Path) -> None:
    rows = good_rows()
    rows[1][7] = "mười bảy"  # not a number: G… is "Số đảng viên" → H6
    rows[0][4] = "Đảng bộ không có"  # unknown parent → E5
    path = workbook(tmp_path / "loi.xlsx", rows, sheet="DS")
    before = snapshot(orgs_db)
    dialog = open_dialog(qtbot, orgs_db, runner)
    choose(qtbot, dialog, path)
    assert dialog.plan is not None and not dialog.plan.ok
    assert dialog.tabs.isTabVisible(PROBLEMS) and dialog.tabs.currentIndex() == PROBLEMS
    cells = [dialog.problems_model.row_at(r)[0] for r in range(dialog.problems_model.rowCount())]
    assert "DS!E5" in cells and "DS!H6" in cells
    fields = {dialog.problems_model.row_at(r)[0]: dialog.problems_model.row_at(r)[1]
              for r in range(dialog.problems_model.rowCount())}
    assert fields["DS!H6"] == "Số đảng viên"
    assert dialog.banner.isVisible() and "sửa" in dialog.banner.text()
    assert "Chưa ghi" in dialog.banner.text() or "chưa ghi" in dialog.banner.text()
    assert not dialog.apply_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.result is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert snapshot(orgs_db) == before


def test_a_refused_file_shows_its_reason(qtbot: QtBot, orgs_db: Database, runner: TaskRunner,
                                         tmp_path: Path) -> None:
    path = tmp_path / "khong-phai-excel.xlsx"
    path.write_text("Đây là văn bản, không phải bảng tính", encoding="utf-8")
    dialog = open_dialog(qtbot, orgs_db, runner)
    choose(qtbot, dialog, path)
    assert dialog.plan is None
    assert dialog.banner.isVisible() and "khong-phai-excel.xlsx" in dialog.banner.text()
    assert dialog.problems_model.rowCount() == 1 and dialog.tabs.isTabVisible(PROBLEMS)
    assert not dialog.apply_button.isEnabled()


def test_sheet_choice_and_column_mapping(qtbot: QtBot, orgs_db: Database, runner: TaskRunner,
                                         tmp_path: Path) -> None:
    headers = [*HEADERS[:7], "ĐV hiện có"]  # members under a header nobody recognises
    path = workbook(tmp_path / "hai-trang.xlsx", good_rows()[:1], headers=headers,
                    second_sheet=True)
    dialog = open_dialog(qtbot, orgs_db, runner)
    choose(qtbot, dialog, path)
    plan = dialog.plan
    assert plan is not None and plan.unmapped_headers == ("ĐV hiện có",)
    assert dialog.sheet.isVisible() and dialog.sheet.count() == 2
    assert dialog.mapping.isVisible() and dialog.mapping_button.isChecked()
    assert dialog.figures_model.row_at(0)[3] == "1 chi bộ"
    combo = dialog._combos["H"]
    combo.setCurrentIndex(combo.findData("members"))
    combo.activated.emit(combo.currentIndex())
    assert not dialog.apply_button.isEnabled()  # stale until previewed again
    qtbot.keyClick(dialog.replan_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.plan is not None and dialog.plan.unmapped_headers == ()
    assert dialog.figures_model.row_at(0)[3] == "1 chi bộ, 23 đảng viên"
    assert dialog.apply_button.isEnabled()
    dialog.sheet.setCurrentIndex(1)
    dialog.sheet.activated.emit(1)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.plan is not None and dialog.plan.sheet == "Đợt 2"
    assert [dialog.creates_model.row_at(0)[1]] == ["Chi bộ khu phố Ven Sông"]


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_export_then_reimport_plans_nothing(qtbot: QtBot, orgs_db: Database, runner: TaskRunner,
                                            tmp_path: Path) -> None:
    assert export_file_name(date(2026, 11, 30)) == "Danh-sach-don-vi-30-11-2026.xlsx"
    page = open_page(qtbot, orgs_db, runner)
    files: OrgFiles = page.actions_.files
    save_dialog.set_next_save_path(tmp_path / "xuat" / "ds")  # no suffix typed
    (tmp_path / "xuat").mkdir()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        files.export_action.trigger()
        qtbot.waitUntil(lambda: files.saved_dialog is not None and files.saved_dialog.isVisible())
        saved = files.saved_dialog
        target = tmp_path / "xuat" / "ds.xlsx"
        assert saved.path == target and target.is_file()
        assert "đơn vị" in saved.findChildren(type(saved.open_file_button))[0].text() or True
        saved.open_file_button.click()
        assert [u.toLocalFile() for u in catcher.urls] == [str(target)]
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert QSettings().value("save_dialogs/org_export") == str(tmp_path / "xuat")
    assert save_dialog.remembered_folder("org_export") == tmp_path / "xuat"
    plan = plan_org_import(orgs_db, target)
    assert plan.ok and plan.is_empty, (plan.problems[:3], plan.creates[:3], plan.updates[:3])
    # the clerk cancels the save dialog: nothing happens
    save_dialog.set_next_save_path(None)
    files.export()
    assert not runner.busy
    assert message.history == []


def test_first_run_import_from_the_welcome_page(qtbot: QtBot, sqlite_db: Database,
                                                runner: TaskRunner, tmp_path: Path) -> None:
    from desktop.ui.main_window import MainWindow

    path = workbook(tmp_path / "tinh.xlsx", [
        [1, "TU", "Tỉnh ủy Hà Sơn", "Tỉnh ủy", None, "Tỉnh ủy", None, None],
        [2, "X001", "Đảng bộ xã Tân An", "xã Tân An", "TU", "Đảng bộ xã, phường, đặc khu", 12,
         340],
    ])
    window = MainWindow(sqlite_db, runner)
    qtbot.addWidget(window)
    window.show()
    assert window.welcome is not None
    menu = [a.text() for a in window.ui.menuFile.actions()]
    assert "Nhập &danh sách đơn vị từ Excel…" in menu
    assert "&Xuất danh sách đơn vị ra Excel…" in menu
    welcome = window.welcome
    welcome.import_button.click()
    dialog = welcome.org_files.import_dialog
    assert dialog is not None and dialog.isVisible()
    choose(qtbot, dialog, path)
    assert dialog.plan is not None and len(dialog.plan.creates) == 2
    dialog.apply()
    qtbot.waitUntil(lambda: window.welcome is None)
    assert window.current_key == "documents"
    window.show_page("organisations")
    page = window.page("organisations")
    assert page.tree_model.index(0, 0).data() == "Tỉnh ủy Hà Sơn"
