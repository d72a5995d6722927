"""The Word export dialog: choices by keyboard, the figures shown before exporting, the file
written in the background, "In", and a file that cannot be written (Thử lại / Lưu tên khác)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.numbers import format_int
from desktop.services import stats
from desktop.services.database import Database
from desktop.services.documents import find_document
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import file_saved_dialog, message, report_dialog, save_dialog
from desktop.ui.dialogs.report_dialog import ReportDialog
from desktop.ui.pages.reports_page import ReportsPage
from tests.ui.conftest import DEMO_TODAY, type_text


def _dialog(qtbot: QtBot, db: Database, runner: TaskRunner, **kwargs: object) -> ReportDialog:
    dialog = ReportDialog(db, runner, today=DEMO_TODAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _preview(qtbot: QtBot, dialog: ReportDialog) -> str:
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() not in ("", dialog.tr("Counting…")),
                    timeout=15_000)
    return dialog.preview.toPlainText()


def _export(qtbot: QtBot, dialog: ReportDialog) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    if dialog.saved_dialog is not None:  # closed at the end of the test, like the dialog
        qtbot.addWidget(dialog.saved_dialog)


def test_the_report_of_a_document_from_the_reports_page(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    page = ReportsPage(demo_db, runner)
    qtbot.addWidget(page)
    doc = find_document(demo_db, "05-KL/TU")
    page.document_combo.setCurrentIndex(page.document_combo.findData(doc.id))
    dialog = page.open_report_dialog()
    qtbot.addWidget(dialog)  # window-modal dialogs left open would swallow later tests' keys
    dialog._today = DEMO_TODAY
    dialog.report_date.set_date(DEMO_TODAY)
    assert dialog.output == "ket-qua" and dialog.document_combo.currentData() == doc.id
    # the figures section I will print are shown first, as officials write them
    figures = stats.document_stats(demo_db, doc.id, DEMO_TODAY).totals
    shown = _preview(qtbot, dialog)
    assert f"{format_int(figures.members_attending)}/{format_int(figures.members_total)}" in shown
    target = tmp_path / "Báo cáo" / "BaoCao.docx"
    target.parent.mkdir()
    save_dialog.set_next_save_path(target)
    printed: list[Path] = []
    file_saved_dialog.printer = printed.append
    try:
        _export(qtbot, dialog)
        text = "\n".join(p.text for p in Document(str(target)).paragraphs)
        assert "05-KL/TU" in text
        saved = dialog.saved_dialog
        assert saved is not None and saved.print_button is not None
        saved.print_button.click()
        assert printed == [target]
    finally:
        file_saved_dialog.printer = file_saved_dialog._print_with_system


def test_outputs_show_only_the_fields_they_need_and_keys_reach_them(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    dialog = _dialog(qtbot, demo_db, runner)
    form = dialog.form

    def visible(key: str) -> bool:
        label = dialog._rows[key][0]
        return form.isRowVisible(label)

    assert visible("document") and not visible("year") and not visible("letters")
    dialog.set_output("hang-nam")
    assert visible("year") and not visible("document")
    dialog.set_output("so-van-ban-di")
    assert visible("period") and not visible("document") and not visible("as_of")
    dialog.set_output("don-doc")
    assert visible("letters") and visible("document")
    # the document is found by typing part of its number, accents or not (Enter)
    dialog.document_combo.setFocus()
    dialog.document_combo.lineEdit().selectAll()  # type: ignore[union-attr]
    type_text(dialog.document_combo.lineEdit(), "kl tu")  # type: ignore[arg-type]
    qtbot.keyClick(dialog.document_combo.lineEdit(), Qt.Key.Key_Return)  # type: ignore[arg-type]
    assert dialog.document_combo.currentText().startswith("05-KL/TU")
    # every field has an access key (Alt+letter) through its label
    for label, _field in dialog._rows.values():
        assert "&" in label.text() and label.buddy() is not None


def test_a_bad_date_is_named_and_nothing_is_written(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, demo_db, runner)
    dialog.report_date.edit.setText("31/02/2026")
    save_dialog.set_next_save_path(tmp_path / "x.docx")
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert dialog.error.isVisible() and dialog.error.text()
    assert not (tmp_path / "x.docx").exists()
    assert save_dialog._next  # the save dialog was never asked: the date is fixed first
    save_dialog.reset()


def test_a_file_that_cannot_be_written_offers_another_name(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, demo_db, runner,
                     document_id=find_document(demo_db, "05-KL/TU").id)
    blocked = tmp_path / "BaoCao.docx"
    blocked.mkdir()  # a folder in the way: the file cannot replace it (like Word holding it)
    other = tmp_path / "BaoCao-2.docx"
    save_dialog.set_next_save_path(blocked)
    save_dialog.set_next_save_path(other)
    message.set_next_answer(message.Button.Save)  # "Lưu tên khác…"
    _export(qtbot, dialog)
    assert message.history[-1].answer == message.Button.Save
    assert "BaoCao.docx" in message.history[-1].text
    assert other.is_file() and blocked.is_dir() and not list(blocked.iterdir())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_reminder_letters_one_file_per_organisation(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    doc = find_document(demo_db, "05-KL/TU")
    dialog = _dialog(qtbot, demo_db, runner, output="don-doc", document_id=doc.id)
    dialog.letters_combo.setCurrentIndex(dialog.letters_combo.findData("per-org-files"))
    shown = _preview(qtbot, dialog)
    assert shown
    folder = tmp_path / "Công văn đôn đốc"
    folder.mkdir()
    report_dialog.set_next_folder(folder)
    _export(qtbot, dialog)
    result = dialog.last_result
    assert result is not None and len(result.paths) >= 1
    assert all(p.parent == folder and p.suffix == ".docx" for p in result.paths)
    QApplication.processEvents()


def test_the_office_is_edited_from_the_settings_page_and_printed(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    from desktop.services.office import load_office
    from desktop.services.report_common import office_values
    from desktop.ui.pages.settings_page import SettingsPage

    page = SettingsPage(demo_db, runner=runner)
    qtbot.addWidget(page)
    dialog = page.edit_office()
    qtbot.addWidget(dialog)
    assert dialog.edits["symbol"].text() == load_office(demo_db).symbol
    signer = dialog.edits["signer_name"]
    signer.selectAll()
    signer.setFocus()
    type_text(signer, "Trần Thị Bình")
    symbol = dialog.edits["symbol"]
    symbol.selectAll()
    type_text(symbol, "BAN TG/TU")  # refused: named, focused, nothing saved
    dialog.save()
    assert dialog.isVisible() and "Ký hiệu" in dialog.error.text()
    assert load_office(demo_db).signer_name != "Trần Thị Bình"
    symbol.selectAll()
    type_text(symbol, "btgdvtu")
    assert "BTGDVTU" in dialog.preview.text()
    dialog.save()
    assert not dialog.isVisible()
    with demo_db.read() as s:
        office, _body = office_values(s)
    assert office.signer_name == "Trần Thị Bình" and office.symbol == "BTGDVTU"


def test_the_word_template_is_edited_and_restored_in_one_click(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner, tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from desktop.reports.templates import template_for

    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path / "data"))
    opened: list[Path] = []
    monkeypatch.setattr(report_dialog, "template_opener", opened.append)
    dialog = _dialog(qtbot, demo_db, runner)
    assert not dialog.restore_button.isEnabled()
    dialog.template_button.click()
    assert opened == [template_for("ket-qua").path] and template_for("ket-qua").is_user_copy
    assert opened[0].is_relative_to(tmp_path / "data")
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert not template_for("ket-qua").is_user_copy
    assert not dialog.restore_button.isEnabled()
    dialog.set_output("don-doc")
    dialog.letters_combo.setCurrentIndex(dialog.letters_combo.findData("per-org"))
    assert dialog.template_names() == ["don-doc-don-vi"]


def test_the_working_calendar_is_edited_by_keyboard(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    from datetime import date

    from desktop.services import calendar
    from desktop.ui.pages.settings_page import SettingsPage

    page = SettingsPage(demo_db, runner=runner)
    qtbot.addWidget(page)
    dialog = page.edit_calendar()
    qtbot.addWidget(dialog)
    dialog.year.setValue(2027)
    seeded = dialog.model.rowCount()
    assert seeded == len(calendar.list_calendar(demo_db, 2027)) and seeded > 5
    dialog.day.setFocus()
    type_text(dialog.day.edit, "24/11")  # no year: the year chosen above
    dialog.name.setFocus()
    type_text(dialog.name, "Ngày Văn hóa Việt Nam")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    added = [r for r in calendar.list_calendar(demo_db, 2027) if r.day == date(2027, 11, 24)]
    assert added and added[0].kind == calendar.HOLIDAY
    assert added[0].name == "Ngày Văn hóa Việt Nam"
    assert dialog.model.rowCount() == seeded + 1
    # a make-up working day on a weekday is refused with the reason, nothing changes
    dialog.kind.setCurrentIndex(dialog.kind.findData(calendar.WORKDAY))
    type_text(dialog.day.edit, "25/11/2027")
    qtbot.keyClick(dialog.day.edit, Qt.Key.Key_Return)
    assert "thứ Năm" in dialog.error.text()
    assert dialog.model.rowCount() == seeded + 1
    # Del removes the selected day
    row = next(i for i in range(dialog.model.rowCount())
               if dialog.model.row_at(i).day == date(2027, 11, 24))
    dialog.table.selectRow(row)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert all(r.day != date(2027, 11, 24) for r in calendar.list_calendar(demo_db, 2027))
