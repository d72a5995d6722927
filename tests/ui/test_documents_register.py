"""The "Văn bản" page on the 400-organisation demo: State numbers and filters, delete refused
(and allowed), the cascade of a directive, attachments with Vietnamese names opened through
the system viewer, and a .docx imported into the prefilled dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain.numbers import format_int
from desktop.services.attachments import attachment_path, list_attachments
from desktop.services.cascade import cascade_coverage
from desktop.services.database import Database
from desktop.services.document_lookup import find_issuing_body
from desktop.services.document_register import DocumentInput, create_document, get_document
from desktop.services.documents import find_document
from desktop.services.recipients import match_recipient_lines
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.main_window import MainWindow
from desktop.ui.models.cascade_coverage_model import CascadeCoverageModel, format_ratio

from . import documents_support
from .conftest import DEMO_TODAY
from .documents_support import (
    EXCERPT,
    SAMPLE_LINES,
    activate,
    key,
    open_page,
    row_of,
    wait_idle,
    write_directive,
)

# the fixtures, found by pytest under these names
demo400_template = documents_support.demo400_template
docs_db = documents_support.docs_db

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def no_file_dialogs() -> None:
    file_dialogs.reset()


def _state_decision(db: Database) -> int:
    body = find_issuing_body(db, "UBND")
    return create_document(db, DocumentInput(
        type_code="QĐ", number="12", symbol="QĐ-UBND", issue_date=date(2025, 3, 4),
        issuing_body_id=body.id, excerpt="về việc ban hành kế hoạch thực hiện chỉ thị")).id


def test_state_numbers_and_the_filters(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    decision = _state_decision(docs_db)
    page = open_page(qtbot, docs_db, runner)
    assert page.model.row_at(row_of(page, "12/QĐ-UBND")).id == decision  # State: 12/QĐ-UBND
    assert page.count_label.text() == "5 văn bản"
    years = [page.year_filter.itemText(i) for i in range(page.year_filter.count())]
    assert years == ["Mọi năm", "2026", "2025"]
    page.year_filter.setCurrentIndex(2)
    assert [page.model.row_at(r).number_symbol for r in range(page.model.rowCount())] == [
        "12/QĐ-UBND"]
    assert page.count_label.text() == "Tìm thấy 1 văn bản"
    page.year_filter.setCurrentIndex(0)
    page.type_filter.setCurrentIndex(page.type_filter.findData("KH"))
    assert sorted(page.model.row_at(r).number_symbol for r in range(page.model.rowCount())) == [
        "09-KH/BTGDVTU", "09-KH/TU"]
    page.body_filter.setCurrentIndex(page.body_filter.findData(
        find_issuing_body(docs_db, "BTGDVTU").id))
    assert page.model.rowCount() == 1
    # a document hidden by the filters is shown again when asked for
    page.select_document(decision)
    assert page.current_document_id() == decision
    assert page.type_filter.currentData() is None and page.model.rowCount() == 5


def test_delete_is_refused_when_tracking_has_started_and_done_when_not(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    decision = _state_decision(docs_db)  # no recipients: nothing tracked
    page = open_page(qtbot, docs_db, runner)
    page.table.selectRow(row_of(page, "03-CT/TU"))
    activate(qtbot, page)
    page.table.setFocus()
    message.set_next_answer(message.Button.Yes)  # "Xóa Chỉ thị 03-CT/TU?"
    key(qtbot, Qt.Key.Key_Delete)
    wait_idle(qtbot, runner)
    asked, refused = message.history[-2:]
    assert asked.text == "Xóa chỉ thị 03-CT/TU?"
    assert refused.icon == message.Icon.Warning
    assert refused.text.startswith("Không xóa được văn bản 03-CT/TU: có 1 văn bản triển khai")
    assert row_of(page, "03-CT/TU") >= 0
    # a document with tracking data but no children is refused for that reason
    page.table.selectRow(row_of(page, "05-KL/TU"))
    message.set_next_answer(message.Button.Yes)
    page.buttons["delete"].click()
    wait_idle(qtbot, runner)
    assert "đã có dữ liệu theo dõi" in message.history[-1].text
    # answering "Không" deletes nothing; "Có" on a document nobody tracks deletes it
    page.select_document(decision)
    message.set_next_answer(message.Button.No)
    page.delete_action.trigger()
    wait_idle(qtbot, runner)
    assert page.model.row_of(decision) >= 0
    message.set_next_answer(message.Button.Yes)
    page.delete_action.trigger()
    wait_idle(qtbot, runner)
    assert page.model.row_of(decision) < 0 and page.model.rowCount() == 4
    assert page.current_document_id() is not None  # another document is selected


def test_the_cascade_of_a_directive(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner, qtmodeltester: ModelTester
) -> None:
    page = open_page(qtbot, docs_db, runner)
    page.table.selectRow(row_of(page, "03-CT/TU"))
    root = page.current_document_id()
    page.details.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.cascade.coverage is not None, timeout=10_000)
    expected = cascade_coverage(docs_db, root)
    child = find_document(docs_db, "09-KH/BTGDVTU").id
    assert page.cascade.child_ids() == [n.id for n in expected.root.walk()[1:]] == [child]
    assert page.cascade.title.text() == "03-CT/TU: có 1 văn bản triển khai (tính mọi cấp)."
    levels = page.cascade.model
    assert levels.rowCount() == len(expected.levels) + 1
    first = expected.levels[0]
    assert [levels.index(0, c).data() for c in range(3)] == [
        "Cấp trực thuộc", format_int(first.recipients),
        format_ratio(first.received, first.recipients)]
    total = levels.rowCount() - 1
    t = expected.totals  # the document's own totals, not a sum over levels
    assert [levels.index(total, c).data() for c in (0, 1, 5, 6)] == [
        "Tổng cộng", format_int(t.recipients), format_ratio(t.reported, t.must_report),
        format_ratio(t.cells_held, t.cells_total)]
    qtmodeltester.check(levels, force_py=True)
    # Enter on a child selects it in the list; its own cascade is empty
    page.cascade.tree.setCurrentItem(page.cascade.tree.topLevelItem(0))
    page.cascade.tree.itemActivated.emit(page.cascade.tree.topLevelItem(0), 0)
    assert page.current_document_id() == child
    qtbot.waitUntil(lambda: page.cascade.coverage is not None
                    and page.cascade.coverage.root.id == child, timeout=10_000)
    assert page.cascade.child_ids() == []
    assert "chưa có văn bản nào triển khai" in page.cascade.title.text()
    empty = CascadeCoverageModel()
    qtmodeltester.check(empty, force_py=True)


def test_attachments_with_vietnamese_names_are_copied_and_opened_checked(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    source = tmp_path / "Bản gốc Chỉ thị số 03 – quét.pdf"
    source.write_bytes(b"%PDF-1.4 ban goc\n" * 100)
    page = open_page(qtbot, docs_db, runner)
    page.table.selectRow(row_of(page, "03-CT/TU"))
    document_id = page.current_document_id()
    activate(qtbot, page)
    page.table.setFocus()
    key(qtbot, Qt.Key.Key_A, CTRL_SHIFT)  # Đính kèm…
    dialog = page.attachments_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Tệp đính kèm của văn bản 03-CT/TU"
    panel = dialog.panel
    file_dialogs.set_next_paths([source])
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert panel.names() == [source.name]
    (row,) = list_attachments(docs_db, document_id)
    stored = attachment_path(docs_db, row.id)
    assert stored.name == source.name and stored.read_bytes() == source.read_bytes()
    panel.open_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    assert opened[0].toLocalFile() == str(stored)
    # the copy changed on disk: not opened, and the clerk is told why
    stored.write_bytes(b"something else")
    panel.open_current()
    wait_idle(qtbot, runner)
    assert len(opened) == 1
    shown = message.history[-1]
    assert shown.title == "Không mở tệp đính kèm"
    assert "đã bị thay đổi sau khi đính kèm" in shown.text
    # removing it asks first, then deletes the copy
    message.set_next_answer(message.Button.Yes)
    panel.remove_current()
    qtbot.waitUntil(lambda: panel.list.count() == 0, timeout=10_000)
    assert not stored.exists() and list_attachments(docs_db, document_id) == []


def test_a_docx_is_imported_into_the_prefilled_dialog(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    path = write_directive(tmp_path / "Chỉ thị 15-CT-TU về mạng xã hội.docx",
                           date_line="Hà Sơn, ngày …  tháng 02 năm 2026")  # date left blank
    window = MainWindow(docs_db, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("documents")
    menu_texts = [a.text() for a in window.ui.menuFile.actions()]
    assert menu_texts[0] == "&Nhập văn bản từ Word…"
    activate(qtbot, window)
    page.table.setFocus()
    file_dialogs.set_next_paths([path])
    key(qtbot, Qt.Key.Key_O, CTRL_SHIFT)  # Nhập từ Word…
    qtbot.waitUntil(lambda: page.importer is not None and page.importer.dialog is not None,
                    timeout=10_000)
    dialog = page.importer.dialog
    assert dialog.isVisible()
    assert dialog.windowTitle() == f"Nhập văn bản từ Word: {path.name}"
    note = dialog.note.text()
    assert dialog.note.isVisible() and note.startswith("Cần kiểm tra trước khi lưu:")
    assert "Ngày ban hành chưa ghi đủ hoặc không hợp lệ" in note
    assert "Nơi nhận đọc được: 4 nhóm, 2 đơn vị, 5 dòng chỉ in." in note
    form = dialog.form
    assert form.type_combo.currentData() == "CT"
    assert form.body_combo.currentText() == "TỈNH ỦY HÀ SƠN (TU)"
    assert form.number_edit.text() == "15-CT/TU"
    assert form.excerpt_edit.toPlainText() == EXCERPT
    assert (form.authority_edit.text(), form.title_edit.text(), form.name_edit.text()) == (
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Trần Tuệ Hiền")
    assert dialog.attachments.names() == [path.name]  # waits to be copied
    expected = match_recipient_lines(docs_db, SAMPLE_LINES, as_of=DEMO_TODAY)
    assert [(e.label, e.kind, e.target_id) for e in dialog.recipients_model.entries()] == [
        (x.label, x.kind, x.group_id or x.organisation_id) for x in expected]
    # the date is missing: saving says so beside the field and writes nothing
    dialog.save()
    wait_idle(qtbot, runner)
    assert dialog.problem_texts()["issue_date"].startswith("Chưa nhập ngày")
    form.date_edit.edit.setText("05/02/2026")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    created = get_document(docs_db, find_document(docs_db, "15-CT/TU").id)
    assert created.excerpt == EXCERPT and created.issue_date == date(2026, 2, 5)
    assert [x.text for x in created.recipient_lines if x.text] == SAMPLE_LINES
    assert [a.original_name for a in created.attachments] == [path.name]
    assert page.current_document_id() == created.id


def test_a_file_that_is_not_a_docx_is_explained(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "không phải docx.docx"
    bad.write_bytes(b"not a zip")
    page = open_page(qtbot, docs_db, runner)
    page.import_docx(str(bad))
    wait_idle(qtbot, runner)
    shown = message.history[-1]
    assert shown.title == "Không đọc được văn bản"
    assert "không phải" in shown.text.lower() or ".docx" in shown.text
    assert page.importer is not None and page.importer.dialog is None
