"""The Excel exchange in the GUI: forms sent out, read back (statuses, cells, conflicts,
confirmation, old encodings), applied as one undo step of the tracking grid, and the
statistics workbook — driven with keys where the clerk types."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.enums import StudyForm
from desktop.reports.form_workbook import FORM_SHEET, IDENTITY_SHEET
from desktop.services.database import Database
from desktop.services.documents import find_document
from desktop.services.forms_export import export_forms, form_targets
from desktop.services.tracking_edit import apply_changes
from desktop.store import models as m
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import file_dialogs, file_saved_dialog, forms_common, message, save_dialog
from desktop.ui.dialogs.forms_export_dialog import FormsExportDialog
from desktop.ui.dialogs.forms_import_dialog import FormsImportDialog
from desktop.ui.dialogs.stats_export_dialog import BY_YEAR, StatsExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.models import forms_import_model as fm
from tests.services.test_forms_roundtrip import FORM_KEYS, cell
from tests.services.tracking_support import audit_count, dump
from tests.ui.conftest import DEMO_TODAY, type_text
from tests.ui.test_org_import_dialog import UrlCatcher
from tests.ui.tracking_grid_support import press

DOCUMENT = "03-CT/TU"


@pytest.fixture(autouse=True)
def _no_queued_dialog_answers() -> Any:
    yield
    file_dialogs.reset()
    save_dialog.reset()
    forms_common._next_folders.clear()


def _show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def _versions(db: Database, ids: list[int]) -> dict[int, int]:
    with db.read() as s:
        return dict(
            s.execute(select(m.Tracking.id, m.Tracking.version).where(m.Tracking.id.in_(ids))).all()
        )


def _row(db: Database, tracking_id: int) -> dict[str, Any]:
    with db.read() as s:
        got = s.execute(select(m.Tracking.__table__).where(m.Tracking.id == tracking_id))
        return dict(got.mappings().one())


def _fill(src: Path, dest: Path, values: dict[str, Any], edit: Any = None) -> Path:
    wb = openpyxl.load_workbook(src)
    for key, value in values.items():
        wb[FORM_SHEET][cell(key)] = value
    if edit is not None:
        edit(wb)
    wb.save(dest)
    return dest


def _mnemonics(widget: QWidget) -> list[str]:
    """The access keys of the visible labels, buttons and tabs of ``widget``."""
    texts = [w.text() for w in widget.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    keys = [match.group(1).lower() for t in texts if (match := re.search(r"&([^&])", t))]
    assert keys, "no access keys found"
    return keys


def test_send_forms_typed_document_progress_summary_and_folder(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    doc = find_document(demo_db, DOCUMENT)
    dialog = FormsExportDialog(demo_db, runner, today=DEMO_TODAY)
    _show(qtbot, dialog)
    keys = _mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    # the clerk types part of the number and presses Enter (no completer fights the typing)
    assert dialog.document_combo.completer() is None
    line = dialog.document_combo.lineEdit()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    type_text(line, "03 ct")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.document_id == doc.id
    assert dialog.folder_edit.text().endswith("Phieu-03-CT-TU")
    expected = form_targets(demo_db, doc.id)
    qtbot.waitUntil(
        lambda: dialog.count_label.text().startswith(str(len(expected))), timeout=10_000
    )
    assert "đơn vị sẽ nhận phiếu" in dialog.count_label.text()
    # every recipient instead: counted again
    dialog.levels_combo.setCurrentIndex(1)
    every = len(form_targets(demo_db, doc.id, all_levels=True))
    qtbot.waitUntil(lambda: dialog.count_label.text().startswith(f"{every} "), timeout=10_000)
    dialog.levels_combo.setCurrentIndex(0)
    forms_common.set_next_folder(tmp_path / "gui")
    qtbot.keyClick(dialog.folder_button, Qt.Key.Key_Space)
    assert dialog.folder() == tmp_path / "gui"
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    written = sorted((tmp_path / "gui").glob("*.xlsx"))
    assert len(written) == len(expected) == len(dialog.result.files)
    assert dialog.summary.text().startswith(
        f"Đã tạo {len(expected)} phiếu cho {len(expected)} đơn vị trong «{tmp_path / 'gui'}»"
    )
    assert save_dialog.remembered_folder("forms_export") == tmp_path
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        assert dialog.open_folder_button.isEnabled()
        qtbot.keyClick(dialog.open_folder_button, Qt.Key.Key_Space)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(tmp_path / "gui")]


def test_a_cancelled_export_leaves_no_new_form(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    doc = find_document(demo_db, DOCUMENT)
    folder = tmp_path / "huy"
    folder.mkdir()
    (folder / "phieu-cu.xlsx").write_bytes(b"an older form stays")
    dialog = FormsExportDialog(demo_db, runner, document_id=doc.id, today=DEMO_TODAY)
    _show(qtbot, dialog)
    dialog.levels_combo.setCurrentIndex(1)  # 291 forms: time enough to press Hủy
    dialog.folder_edit.setText(str(folder))
    dialog.export()
    assert dialog.task is not None and dialog.busy
    dialog.task.cancel()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert [p.name for p in folder.iterdir()] == ["phieu-cu.xlsx"]
    assert dialog.result is None and dialog.error.text().startswith("Đã hủy")


@pytest.fixture
def returned(demo_db: Database, tmp_path: Path) -> dict[str, Any]:
    """Forms of 03-CT/TU exported, their rows emptied (one with study_sessions=3 stored), and
    a folder of returned files: good, a conflict, an error, no identity, old encoding, junk."""
    db = demo_db
    doc = find_document(db, DOCUMENT)
    targets = form_targets(db, doc.id)
    ids = [t.tracking_id for t in targets]
    versions = _versions(db, ids)
    blank = {k: ("" if k in ("study_form", "plan_number", "note") else None) for k in FORM_KEYS}
    changes = [(t, dict(blank), versions[t]) for t in ids]
    changes[1][1]["study_sessions"] = 3  # B: already entered, the file says 4
    apply_changes(db, changes, today=DEMO_TODAY)
    out = export_forms(db, doc.id, tmp_path / "gui-phieu")
    files = {}
    for path in out.files:
        ident = dict(openpyxl.load_workbook(path)[IDENTITY_SHEET].values)
        files[int(ident["organisation_id"])] = path
    src = [files[t.organisation_id] for t in targets]
    back = tmp_path / "nhan-lai"
    back.mkdir()
    issue = doc.issue_date
    d1, d2 = issue + timedelta(days=4), issue + timedelta(days=10)
    total = targets[2].members_total or 0
    named = {
        "good": _fill(
            src[0],
            back / src[0].name,
            {
                "received_date": d1,
                "study_date": d2,
                "study_form": StudyForm.CONFERENCE.label,
                "members_attending": min(total, 5),
                "plan_number": "12-KH/ĐU",
            },
        ),
        "conflict": _fill(src[1], back / src[1].name, {"received_date": d1, "study_sessions": 4}),
        "error": _fill(
            src[2], back / src[2].name, {"received_date": d1, "members_attending": total + 5}
        ),
        "confirm": _fill(
            src[3],
            back / src[3].name,
            {"received_date": d2},
            edit=lambda wb: wb.remove(wb[IDENTITY_SHEET]),
        ),
        "legacy": _fill(src[4], back / src[4].name, {"note": "§¶ng bé x· Phó Léc"}),
    }
    junk = back / "ghi-chu.xlsx"
    junk.write_bytes(b"this is not a workbook")
    named["junk"] = junk
    return {
        "doc": doc,
        "targets": targets,
        "files": named,
        "back": back,
        "d1": d1,
        "d2": d2,
        "total": total,
    }


def _main_window(qtbot: QtBot, db: Database, runner: TaskRunner) -> MainWindow:
    window = MainWindow(db, runner)
    _show(qtbot, window)
    window.show_page("tracking")
    grid = window.page("tracking").grid  # type: ignore[attr-defined]
    grid.today = DEMO_TODAY
    qtbot.waitUntil(lambda: grid.document_id is not None and not grid.loading, timeout=15_000)
    return window


def test_read_returned_forms_choose_confirm_convert_apply_and_undo(
    qtbot: QtBot,
    qtmodeltester: Any,
    demo_db: Database,
    runner: TaskRunner,
    returned: dict[str, Any],
) -> None:
    db, files, t = demo_db, returned["files"], returned["targets"]
    window = _main_window(qtbot, db, runner)
    grid = window.page("tracking").grid  # type: ignore[attr-defined]
    window.forms_files._today = DEMO_TODAY
    before, audits = dump(db), audit_count(db)
    # File → "Đọc phiếu Excel đã nhận…" (Ctrl+Shift+I), then "Chọn thư mục…"
    assert window.forms_files.import_action.shortcut().toString() == "Ctrl+Shift+I"
    window.forms_files.import_action.trigger()
    dialog = window.forms_files.dialog
    assert isinstance(dialog, FormsImportDialog)
    qtbot.waitExposed(dialog)
    keys = _mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    forms_common.set_next_folder(returned["back"])
    qtbot.keyClick(dialog.folder_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    model = dialog.files_model
    qtmodeltester.check(model)
    rows = {model.row_at(r).path: r for r in range(model.rowCount())}

    def shown(name: str, column: int) -> str:
        return model.data(model.index(rows[files[name]], column))

    status = {name: shown(name, model.STATUS) for name in files}
    assert status == {
        "good": "Nhận",
        "conflict": "Nhận",
        "error": "Từ chối",
        "confirm": "Cần xác nhận",
        "legacy": "Bảng mã cũ",
        "junk": "Từ chối",
    }
    assert (
        model.data(
            model.index(rows[files["error"]], model.STATUS), Qt.ItemDataRole.ForegroundRole
        ).color()
        == fm.RED
    )
    assert (
        model.data(
            model.index(rows[files["good"]], model.STATUS), Qt.ItemDataRole.ForegroundRole
        ).color()
        == fm.GREEN
    )
    error_reason = shown("error", model.REASON)
    assert error_reason.startswith(f"'Phiếu báo cáo'!{cell('members_attending')}: ")
    assert "vượt" in error_reason
    assert "không phải là tệp Excel .xlsx" in shown("junk", model.REASON)
    assert t[3].org_code in shown("confirm", model.REASON)
    assert shown("conflict", model.CHANGES) == "2 (1 khác số đã nhập)"
    assert "chưa xác nhận" in dialog.left_out.text() and "bị từ chối" in dialog.left_out.text()

    # the refused file: its problems named by cell
    dialog.files.setCurrentIndex(model.index(rows[files["error"]], 0))
    assert dialog.tabs.currentIndex() == 1
    assert dialog.problems_model.row_at(0)[0] == f"'Phiếu báo cáo'!{cell('members_attending')}"
    assert not dialog.confirm_box.isVisible()
    # the conflict: kept by default, the clerk takes the file's value with Space
    dialog.files.setCurrentIndex(model.index(rows[files["conflict"]], 0))
    changes = dialog.changes_model
    qtmodeltester.check(changes)
    conflict_row = next(r for r in range(changes.rowCount()) if changes.row_at(r).conflict)
    take = changes.index(conflict_row, changes.TAKE)
    assert changes.data(changes.index(conflict_row, changes.BEFORE)) == "3"
    assert changes.data(changes.index(conflict_row, changes.AFTER)) == "4"
    assert changes.data(take) == "giữ giá trị đã nhập"
    dialog.tabs.setCurrentIndex(0)
    dialog.changes.setFocus()
    dialog.changes.setCurrentIndex(take)
    qtbot.keyClick(dialog.changes, Qt.Key.Key_Space)
    assert changes.data(take) == "lấy giá trị trong tệp"
    assert dialog.taken == {(t[1].tracking_id, "study_sessions")}
    # the file without its hidden identity: confirmed with Space in the files table
    dialog.files.setFocus()
    dialog.files.setCurrentIndex(model.index(rows[files["confirm"]], model.STATUS))
    assert dialog.confirm_box.isVisible() and not dialog.confirm_box.isChecked()
    qtbot.keyClick(dialog.files, Qt.Key.Key_Space)
    assert shown("confirm", model.STATUS) == "Đã xác nhận" and dialog.confirm_box.isChecked()
    # the old encoding: before → after shown, then converted (the files are read again)
    dialog.files.setCurrentIndex(model.index(rows[files["legacy"]], 0))
    assert dialog.tabs.currentIndex() == 2
    assert dialog.legacy_model.row_at(0)[2:] == ("§¶ng bé x· Phó Léc", "Đảng bộ xã Phú Lộc")
    assert dialog.convert_button.isVisible()
    old_plan = dialog.plan
    qtbot.keyClick(dialog.convert_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.plan is not old_plan and not dialog.busy, timeout=20_000)
    rows = {model.row_at(r).path: r for r in range(model.rowCount())}
    assert shown("legacy", model.STATUS) == "Nhận"
    assert shown("confirm", model.STATUS) == "Đã xác nhận"  # the choices survive
    assert dialog.taken == {(t[1].tracking_id, "study_sessions")}
    left = dialog.left_out.text()
    assert "4 phiếu" in left and "2 phiếu" in left and "2 bị từ chối" in left
    assert dump(db) == before and audit_count(db) == audits  # nothing written yet

    # "Cập nhật": one transaction, one undo step on the grid, the grid on this document
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    summary = message.history[-1].text
    assert summary.startswith("Đã nhập 4 phiếu: 4 dòng theo dõi")
    assert "2 tệp không được nhập" in summary
    d1, d2 = returned["d1"], returned["d2"]
    good = _row(db, t[0].tracking_id)
    assert (
        good["received_date"],
        good["study_date"],
        good["study_form"],
        good["members_attending"],
        good["plan_number"],
    ) == (d1, d2, "hoi_nghi", min(returned["total"], 5), "12-KH/ĐU")
    assert (
        _row(db, t[1].tracking_id)["study_sessions"],
        _row(db, t[1].tracking_id)["received_date"],
    ) == (4, d1)
    assert _row(db, t[2].tracking_id)["received_date"] is None  # refused: nothing
    assert _row(db, t[3].tracking_id)["received_date"] == d2
    assert _row(db, t[4].tracking_id)["note"] == "Đảng bộ xã Phú Lộc"
    assert audit_count(db) == audits + 4 + 1
    assert grid.document_id == returned["doc"].id
    assert grid.undo_stack.count() == 1
    qtbot.waitUntil(lambda: not grid.loading, timeout=15_000)

    # Ctrl+Z on the grid undoes the whole import
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    grid.view.setFocus()
    press(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dump(db) == before, timeout=10_000)
    assert grid.undo_stack.index() == 0


def test_close_writes_nothing_and_dropped_files_are_read(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, returned: dict[str, Any]
) -> None:
    from PySide6.QtCore import QMimeData, QPoint
    from PySide6.QtGui import QDropEvent

    before = dump(demo_db)
    dialog = FormsImportDialog(demo_db, runner, today=DEMO_TODAY)
    _show(qtbot, dialog)
    assert not dialog.apply_button.isEnabled()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(returned["files"]["good"]))])
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert [f.path for f in dialog.plan.files] == [returned["files"]["good"]]
    assert dialog.apply_button.isEnabled()
    # "Chọn tệp…": several files
    file_dialogs.set_next_paths([returned["files"]["conflict"], returned["files"]["junk"]])
    plan = dialog.plan
    qtbot.keyClick(dialog.files_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.plan is not plan and not dialog.busy, timeout=20_000)
    assert len(dialog.plan.files) == 2
    # "Lấy hết giá trị trong tệp" takes every conflict
    qtbot.keyClick(dialog.take_all_button, Qt.Key.Key_Space)
    assert dialog.taken == {(returned["targets"][1].tracking_id, "study_sessions")}
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dump(demo_db) == before


def test_statistics_workbook_per_document_and_per_year(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    doc = find_document(demo_db, DOCUMENT)
    dialog = StatsExportDialog(demo_db, runner, document_id=doc.id, today=DEMO_TODAY)
    _show(qtbot, dialog)
    keys = _mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    assert dialog.default_name(DEMO_TODAY) == "Bieu-thong-ke-03-CT-TU-30-11-2026.xlsx"
    dialog.as_of.edit.clear()
    type_text(dialog.as_of.edit, "31/10/2026")
    target = tmp_path / "Biểu 03-CT.xlsx"
    save_dialog.set_next_save_path(target)
    printed: list[Path] = []
    file_saved_dialog.printer = printed.append
    try:
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
        saved = dialog.saved_dialog
        assert saved is not None and saved.path == target and saved.print_button is not None
        saved.print_button.click()
        assert printed == [target]
    finally:
        file_saved_dialog.printer = file_saved_dialog._print_with_system
    wb = openpyxl.load_workbook(target)
    assert len(wb.sheetnames) == dialog.result.sheets >= 2
    assert any(
        "31/10/2026" in str(c.value)
        for row in wb.worksheets[0].iter_rows(max_row=6)
        for c in row
        if c.value
    )
    # per year
    dialog.set_mode(BY_YEAR)
    assert not dialog.document_combo.isVisibleTo(dialog) and dialog.year_spin.isVisibleTo(dialog)
    assert dialog.default_name(DEMO_TODAY) == "Bieu-thong-ke-nam-2026.xlsx"
    year_file = tmp_path / "nam"
    save_dialog.set_next_save_path(year_file)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert dialog.result.path == tmp_path / "nam.xlsx" and dialog.result.lines == 4


def test_the_commands_on_the_tracking_grid_and_the_file_menu(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = _main_window(qtbot, demo_db, runner)
    grid = window.page("tracking").grid  # type: ignore[attr-defined]
    menu_texts = [a.text() for a in window.ui.menuFile.actions()]
    for action in window.forms_files.actions():
        assert action.text() in menu_texts
    shortcuts = [
        a.shortcut().toString()
        for a in window.findChildren(type(grid.undo_action))
        if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts
    assert {"Ctrl+Shift+G", "Ctrl+Shift+T"} <= set(shortcuts)
    # the grid's "Phiếu Excel" button and its context menu open the dialogs on its document
    assert grid.excel_button.menu().actions() == grid.forms.actions()
    assert all(a in grid.view.actions() for a in grid.forms.actions())
    grid.forms.export_action.trigger()
    dialog = grid.forms.dialog
    assert isinstance(dialog, FormsExportDialog) and dialog.document_id == grid.document_id
    dialog.reject()
    grid.forms.stats_action.trigger()
    assert isinstance(grid.forms.dialog, StatsExportDialog)
    assert grid.forms.dialog.document_combo.currentData() == grid.document_id
    grid.forms.dialog.reject()
    QApplication.processEvents()
