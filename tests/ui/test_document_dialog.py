"""The document dialog on the 400-organisation demo: creating a Party document by keyboard
alone, a number written the State way refused inline, editing, a stale edit, the tab order,
deadlines typed in the table (dates, and working days from the issue or from receipt), and the
item models."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.services.database import Database
from desktop.services.document_lookup import find_issuing_body
from desktop.services.document_register import get_document, update_document
from desktop.services.documents import find_document
from desktop.store import models as m
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.dialogs.document_dialog import DocumentDialog
from desktop.ui.models.deadline_table_model import (
    DeadlineTableModel,
    NotWorkingDays,
    parse_working_days,
)

from . import documents_support
from .conftest import DEMO_TODAY, type_text
from .documents_support import (
    activate,
    key,
    open_page,
    row_of,
    wait_idle,
)

# the fixtures, found by pytest under these names
demo400_template = documents_support.demo400_template
docs_db = documents_support.docs_db

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def count_documents(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Document)) or 0)


def test_a_party_document_is_created_by_keyboard_alone(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, docs_db, runner)
    activate(qtbot, page)
    page.table.setFocus()
    key(qtbot, Key.Key_N, CTRL)  # Thêm
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Thêm văn bản"
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.form.type_combo
    assert dialog.form.type_combo.currentText() == "Chỉ thị (CT)"
    assert dialog.form.body_combo.currentText() == "TỈNH ỦY HÀ SƠN (TU)"
    key(qtbot, Key.Key_Tab)
    key(qtbot, Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.form.number_edit
    qtbot.keyClicks(QApplication.focusWidget(), "15")  # the number alone: CT/TU from type, body
    assert dialog.form.number_hint.text() == "In trên văn bản: Số 15-CT/TU"
    key(qtbot, Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "5/2/26")
    key(qtbot, Key.Key_Tab)
    assert dialog.form.date_edit.edit.text() == "05/02/2026"  # rewritten on leaving
    assert QApplication.focusWidget() is dialog.form.excerpt_edit
    excerpt = "về định hướng chia sẻ thông tin trên mạng xã hội"
    type_text(QApplication.focusWidget(), unicodedata.normalize("NFD", excerpt))
    assert dialog.form.authority_edit.text() == "T/M BAN THƯỜNG VỤ"  # the body's usual signer
    key(qtbot, Key.Key_Return)  # Enter = Lưu
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    created = get_document(docs_db, find_document(docs_db, "15-CT/TU").id)
    assert (created.type_code, created.number, created.symbol, created.issue_date) == (
        "CT", "15", "CT/TU", date(2026, 2, 5))
    assert created.excerpt == excerpt  # NFC
    assert created.signer_title == "PHÓ BÍ THƯ THƯỜNG TRỰC"
    assert page.current_document_id() == created.id  # found and selected in the list
    assert page.model.row_at(row_of(page, "15-CT/TU")).excerpt == excerpt
    assert page.count_label.text() == "5 văn bản"


def test_a_state_style_number_for_a_party_body_is_refused_beside_the_field(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    before = count_documents(docs_db)
    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.number_edit.setText("15/CT-TU")
    dialog.form.date_edit.edit.setText("05/02/2026")
    dialog.form.excerpt_edit.setPlainText("")
    dialog.deadlines.add_row()  # a deadline without a date
    dialog.save()
    wait_idle(qtbot, runner)
    problems = dialog.problem_texts()
    assert problems["number"] == (
        "«15/CT-TU» ghi theo kiểu văn bản hành chính (15/QĐ-UBND); văn bản của Đảng ghi «-» "
        "ngay sau số. Ví dụ đúng (văn bản của Đảng): 15-CT/TU.")
    assert problems["excerpt"].startswith("Chưa nhập trích yếu")  # every problem at once
    assert problems["deadlines"] == "Hạn thứ 1 (hạn học tập, quán triệt): chưa nhập ngày"
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is dialog.form.number_edit or not dialog.isActiveWindow()
    assert count_documents(docs_db) == before
    assert message.history == []  # inline, never a message box
    # a bad date is explained under the field as soon as the clerk leaves it
    dialog.form.date_edit.edit.setText("31/02/2026")
    dialog.form.date_edit.commit()
    assert dialog.form.date_edit.error.text().startswith("Ngày không hợp lệ: «31/02/2026»")


def test_editing_a_document_and_its_deadlines(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, docs_db, runner)
    page.table.selectRow(row_of(page, "05-KL/TU"))
    document_id = page.current_document_id()
    activate(qtbot, page)
    page.table.setFocus()
    key(qtbot, Key.Key_Return)  # Enter on the list = Sửa
    dialog = page.dialog
    assert dialog is not None and dialog.windowTitle() == "Sửa văn bản 05-KL/TU"
    before = get_document(docs_db, document_id)
    assert dialog.form.number_edit.text() == "05-KL/TU"
    # the symbol follows the type (and the body) while it is the one they give
    form = dialog.form
    form.type_combo.setCurrentIndex(form.type_combo.findData("KH"))
    assert form.number_edit.text() == "05-KH/TU"
    form.body_combo.setCurrentIndex(form.body_combo.findData(
        find_issuing_body(docs_db, "UBND").id))
    assert form.number_edit.text() == "05/KH-UBND"
    assert form.number_hint.text() == "In trên văn bản: Số: 05/KH-UBND"
    form.body_combo.setCurrentIndex(form.body_combo.findData(before.issuing_body_id))
    form.type_combo.setCurrentIndex(form.type_combo.findData("KL"))
    assert form.number_edit.text() == "05-KL/TU"
    assert form.authority_edit.text() == before.signer_authority  # the signer came back too
    assert dialog.deadlines.model.rowCount() == len(before.deadlines)
    dialog.form.excerpt_edit.setPlainText("về kết quả sơ kết (đã sửa)")
    # a deadline typed in the table: Insert adds a row and starts editing its date
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.deadlines.table.setFocus()
    key(qtbot, Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not dialog.deadlines.table
    qtbot.keyClicks(editor, "30/6/2027")
    key(qtbot, Key.Key_Return)  # commits (queued by the delegate)
    row = dialog.deadlines.model.rowCount() - 1
    date_cell = dialog.deadlines.model.index(row, DeadlineTableModel.DATE)
    qtbot.waitUntil(lambda: date_cell.data() == "30/06/2027")
    dialog.deadlines.model.setData(dialog.deadlines.model.index(row, DeadlineTableModel.LEVEL),
                                   Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    after = get_document(docs_db, document_id)
    assert after.excerpt == "về kết quả sơ kết (đã sửa)"
    assert after.version == before.version + 1
    added = [d for d in after.deadlines if d.due_date == date(2027, 6, 30)]
    assert [(d.kind, d.depth) for d in added] == [("bao_cao_dinh_ky", 1)]
    assert page.current_document_id() == document_id  # the selection stays


def test_a_stale_edit_offers_to_reload(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    document_id = find_document(docs_db, "09-KH/TU").id
    detail = get_document(docs_db, document_id)
    dialog = DocumentDialog(docs_db, runner, document=detail, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.excerpt_edit.setPlainText("sửa ở máy này")
    # another clerk saves first
    update_document(docs_db, document_id,
                    replace(detail.to_input(), excerpt="sửa ở máy khác"), detail.version)
    message.set_next_answer(message.Button.Yes)  # "Tải lại"
    dialog.save()
    wait_idle(qtbot, runner)
    conflict = message.history[-1]
    assert conflict.icon == message.Icon.Question
    assert "vừa được người khác sửa" in conflict.text
    assert dialog.isVisible()
    assert dialog.form.excerpt_edit.toPlainText() == "sửa ở máy khác"  # reloaded
    assert dialog.document is not None and dialog.document.version == detail.version + 1
    dialog.form.excerpt_edit.setPlainText("sửa lại sau khi tải")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert get_document(docs_db, document_id).excerpt == "sửa lại sau khi tải"


def test_tab_order_walks_every_field_then_the_buttons(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    form = dialog.form
    form.type_combo.setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        seen.append(QApplication.focusWidget())
        dialog.focusNextChild()
        if QApplication.focusWidget() is form.type_combo:
            break
    assert seen == [form.type_combo, form.body_combo, form.number_edit, form.date_edit.edit,
                    form.excerpt_edit, form.authority_edit, form.title_edit, form.name_edit,
                    form.urgency_combo, form.confidentiality_combo, form.scope_combo,
                    form.parent_chooser.choose_button,  # "Bỏ liên kết" is off: no parent
                    form.note_edit, dialog.save_button, dialog.cancel_button,
                    dialog.tabs.tabBar()]
    # every tab of the dialog is reached from the keyboard (Alt+1…4), and so are its parts
    for number, first in ((2, dialog.deadlines.table), (3, dialog.recipients_button),
                          (4, dialog.attachments.list)):
        key(qtbot, Qt.Key(Key.Key_0.value + number), Qt.KeyboardModifier.AltModifier, dialog)
        assert dialog.tabs.currentIndex() == number - 1
        dialog.tabs.tabBar().setFocus()
        dialog.focusNextChild()
        assert QApplication.focusWidget() is first
    # Esc closes without saving
    key(qtbot, Key.Key_Escape, widget=dialog)
    assert not dialog.isVisible()


def test_choosing_the_parent_document_by_searching(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    child_id = find_document(docs_db, "09-KH/BTGDVTU").id
    dialog = DocumentDialog(docs_db, runner, document=get_document(docs_db, child_id),
                            today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.parent_chooser.display.text().startswith("03-CT/TU (20/01/2026) — về")
    dialog.form.parent_chooser.open_picker()
    picker = dialog.form.parent_chooser.picker
    assert picker is not None
    assert all(picker.list.item(i).text().split()[0] != "09-KH/BTGDVTU"
               for i in range(picker.list.count()))  # never its own parent
    type_text(picker.search, "ket luan")
    picker.search.returnPressed.emit()
    assert picker.list.count() == 1
    qtbot.keyClick(picker.list, Key.Key_Return)
    assert not picker.isVisible()
    assert dialog.form.parent_chooser.ref().id == find_document(docs_db, "05-KL/TU").id


def test_deadline_model(qtmodeltester: ModelTester, docs_db: Database) -> None:
    model = DeadlineTableModel(today=DEMO_TODAY)
    model.set_deadlines(get_document(docs_db, find_document(docs_db, "03-CT/TU").id).to_input()
                        .deadlines)
    qtmodeltester.check(model, force_py=True)
    row = model.add_row()
    assert model.setData(model.index(row, model.DATE), "5/13/2026")
    assert model.index(row, model.DATE).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Ngày không hợp lệ")
    _, problems = model.inputs()
    assert problems == ["Hạn thứ 4 (hạn báo cáo định kỳ): Ngày không hợp lệ: «5/13/2026» — "
                        "không có tháng 13 (tháng phải từ 1 đến 12). Nhập theo dạng "
                        "ngày/tháng/năm, ví dụ 05/02/2026."]
    assert model.setData(model.index(row, model.DATE), "5/12")
    assert model.index(row, model.DATE).data() == "05/12/2026"
    assert model.setData(model.index(row, model.KIND), "khac")
    assert model.index(row, model.KIND).data() == "Hạn khác"
    qtmodeltester.check(model, force_py=True)
    deadlines, problems = model.inputs()
    assert problems == [] and deadlines[-1].kind == "khac"


def test_recipients_taken_off_keep_their_data_and_the_clerk_is_told(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    detail = get_document(docs_db, find_document(docs_db, "05-KL/TU").id)
    press = next(r for r in detail.recipient_lines
                 if r.target_name == "Các cơ quan báo chí của tỉnh")
    dialog = DocumentDialog(docs_db, runner, document=detail, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.recipients_model.remove_target("group", press.group_id)
    assert dialog.recipients_summary.text().startswith("Nơi nhận: 3 nhóm")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    sync = dialog.sync_result
    assert sync is not None and sync.orphaned  # the press had entered data: kept
    told = message.history[-1]
    assert told.title == "Đã lưu văn bản"
    assert told.text.startswith(f"Có {len(sync.orphaned)} đơn vị không còn trong nơi nhận nhưng "
                                "đã có dữ liệu theo dõi nên vẫn được giữ lại: ")
    assert all(r.name in told.text for r in sync.orphaned)
    after = get_document(docs_db, detail.id)
    assert press.text not in [r.text for r in after.recipient_lines]
    assert after.tracking_rows == detail.tracking_rows  # nothing lost


def test_a_table_cell_takes_text_typed_through_a_vietnamese_input_method(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(1)
    editor_table = dialog.deadlines.table
    row = dialog.deadlines.model.add_row()
    editor_table.setFocus()
    editor_table.setCurrentIndex(dialog.deadlines.model.index(row, DeadlineTableModel.LABEL))
    key(qtbot, Key.Key_F2, widget=editor_table)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not editor_table
    # Unikey: the base letters, then Backspaces, then the composed letter
    type_text(editor, "Bao")
    key(qtbot, Key.Key_Backspace, widget=editor)
    key(qtbot, Key.Key_Backspace, widget=editor)
    type_text(editor, "áo cáo")
    key(qtbot, Key.Key_Return, widget=editor)
    label = dialog.deadlines.model.index(row, DeadlineTableModel.LABEL)
    qtbot.waitUntil(lambda: label.data() == "Báo cáo")


# ------------------------------------------------------------------ deadlines in working days


def stored_deadlines(db: Database, document_id: int) -> list[tuple[str, date, int | None,
                                                                   str | None, int | None]]:
    with db.read() as s:
        rows = s.execute(select(m.Deadline.kind, m.Deadline.due_date, m.Deadline.working_days,
                                m.Deadline.counted_from, m.Deadline.depth)
                         .where(m.Deadline.document_id == document_id)
                         .order_by(m.Deadline.due_date, m.Deadline.kind)).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_ten_working_days_from_receipt_typed_in_the_columns(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    form, table, model = dialog.form, dialog.deadlines.table, dialog.deadlines.model
    form.number_edit.setFocus()
    qtbot.keyClicks(form.number_edit, "16")
    key(qtbot, Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "5/2/26")  # Thursday before Tết
    key(qtbot, Key.Key_Tab)
    type_text(QApplication.focusWidget(), "về thử hạn tính theo ngày làm việc")
    key(qtbot, Key.Key_2, Qt.KeyboardModifier.AltModifier, dialog)  # the deadlines tab
    assert dialog.tabs.currentIndex() == 1
    table.setFocus()
    key(qtbot, Key.Key_Insert)  # a row, its date being edited: a plain date for the study
    qtbot.keyClicks(QApplication.focusWidget(), "13/2/2026")
    key(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # the editor closed
    key(qtbot, Key.Key_Insert)  # the first report: 10 working days…
    key(qtbot, Key.Key_Escape)  # … not a date
    assert QApplication.focusWidget() is table
    key(qtbot, Key.Key_Right)
    assert table.currentIndex().column() == DeadlineTableModel.DAYS
    key(qtbot, Key.Key_1)  # typing starts editing
    editor = QApplication.focusWidget()
    assert editor is not table
    key(qtbot, Key.Key_0, widget=editor)
    key(qtbot, Key.Key_Return, widget=editor)
    row = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.index(row, DeadlineTableModel.DAYS).data() == "10")
    # from the issue by default: the date is computed in the work calendar (Tết skipped)
    assert model.index(row, DeadlineTableModel.FROM).data() == "ngày ban hành"
    assert model.index(row, DeadlineTableModel.DATE).data() == "26/02/2026"
    key(qtbot, Key.Key_Right, widget=table)
    assert table.currentIndex().column() == DeadlineTableModel.FROM
    key(qtbot, Key.Key_Space, widget=table)  # … from each organisation's receipt
    assert model.index(row, DeadlineTableModel.FROM).data() == "ngày đơn vị nhận"
    assert model.index(row, DeadlineTableModel.DATE).data() == "theo ngày nhận"
    key(qtbot, Key.Key_Right, widget=table)
    key(qtbot, Key.Key_Right, widget=table)
    key(qtbot, Key.Key_Right, widget=table)
    assert table.currentIndex().column() == DeadlineTableModel.LEVEL
    key(qtbot, Key.Key_Space, widget=table)  # only the directly subordinate committees
    assert dialog.problem_texts() == {}
    key(qtbot, Key.Key_U, Qt.KeyboardModifier.AltModifier, dialog)  # Lưu
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    created = find_document(docs_db, "16-CT/TU")
    assert stored_deadlines(docs_db, created.id) == [
        ("hoc_tap", date(2026, 2, 13), None, None, None),
        ("bao_cao_lan_dau", date(2026, 2, 26), 10, "receipt", 1),
    ]
    # opened again, the dialog shows the rule, not a date
    again = DocumentDialog(docs_db, runner, document=get_document(docs_db, created.id),
                           today=DEMO_TODAY)
    qtbot.addWidget(again)
    again.show()
    again.tabs.setCurrentIndex(1)
    shown = again.deadlines.model
    assert [shown.index(1, c).data() for c in (DeadlineTableModel.DATE, DeadlineTableModel.DAYS,
                                               DeadlineTableModel.FROM)] == [
        "theo ngày nhận", "10", "ngày đơn vị nhận"]


def test_the_directives_words_typed_in_the_date_cell(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    document_id = find_document(docs_db, "05-KL/TU").id
    before = get_document(docs_db, document_id)
    dialog = DocumentDialog(docs_db, runner, document=before, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(1)
    table, model = dialog.deadlines.table, dialog.deadlines.model
    table.setFocus()
    key(qtbot, Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    type_text(editor, unicodedata.normalize("NFD", "10 ngày làm việc từ ngày nhận"))
    key(qtbot, Key.Key_Return, widget=editor)
    row = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.index(row, DeadlineTableModel.DAYS).data() == "10")
    assert model.index(row, DeadlineTableModel.FROM).data() == "ngày đơn vị nhận"
    assert model.index(row, DeadlineTableModel.DATE).data() == "theo ngày nhận"
    # "15 ngày" alone is refused: the table counts working days only
    key(qtbot, Key.Key_Insert, widget=table)
    type_text(QApplication.focusWidget(), "15 ngày")
    key(qtbot, Key.Key_Return)
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.index(last, DeadlineTableModel.DATE).data() == "15 ngày")
    dialog.save()
    wait_idle(qtbot, runner)
    assert dialog.problem_texts()["deadlines"] == (
        f"Hạn thứ {last + 1} (hạn báo cáo định kỳ): «15 ngày»: hạn chỉ tính theo ngày làm việc; "
        "ghi «10 ngày làm việc», hoặc nhập ngày cụ thể (ngày/tháng/năm)")
    model.remove_row(last)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    after = get_document(docs_db, document_id)
    added = [d for d in after.deadlines if d.working_days is not None]
    assert [(d.kind, d.working_days, d.counted_from) for d in added] == [
        ("bao_cao_dinh_ky", 10, "receipt")]
    assert len(after.deadlines) == len(before.deadlines) + 1


def test_a_computed_date_follows_the_date_of_issue(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.date_edit.edit.setText("05/02/2026")
    dialog.tabs.setCurrentIndex(1)  # the editor follows the form once shown
    model = dialog.deadlines.model
    row = model.add_row()
    assert model.setData(model.index(row, model.DAYS), "10")
    date_cell = model.index(row, model.DATE)
    assert date_cell.data() == "26/02/2026"
    assert date_cell.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "10 ngày làm việc kể từ ngày ban hành 05/02/2026, không tính ngày nghỉ: hạn là ngày "
        "26/02/2026.")
    dialog.form.date_edit.edit.setText("12/02/2026")  # Thursday: the Friday, then after Tết
    assert date_cell.data() == "05/03/2026"
    # the computed date committed unchanged keeps the working days; another date replaces them
    assert model.setData(date_cell, "05/03/2026")
    assert model.index(row, model.DAYS).data() == "10"
    assert model.setData(date_cell, "20/03/2026")
    assert (date_cell.data(), model.index(row, model.DAYS).data()) == ("20/03/2026", "")
    # clearing the days of a working-day row leaves the date it came to, as a plain date
    assert model.setData(model.index(row, model.DAYS), "10")
    assert model.setData(model.index(row, model.DAYS), "")
    assert date_cell.data() == "20/03/2026"
    other = model.add_row()
    assert model.setData(model.index(other, model.DAYS), "3")
    assert model.setData(model.index(other, model.DAYS), "")
    assert model.index(other, model.DATE).data() == "24/02/2026"  # 13/02, then after Tết


@pytest.mark.parametrize(("text", "expected"), [
    ("10 ngày làm việc kể từ ngày nhận", (10, "receipt")),
    ("10 ngày làm việc từ ngày nhận văn bản", (10, "receipt")),
    ("15 ngày làm việc sau khi nhận được chỉ thị", (15, "receipt")),
    ("20 ngày làm việc kể từ ngày ban hành", (20, "issue")),
    ("5 ngày làm việc", (5, "issue")),
    ("7 nlv", (7, "issue")),
    ("12 NGAY LAM VIEC KE TU NGAY NHAN", (12, "receipt")),
    ("05/03/2026", None),
    ("5/3", None),
    ("hạn nộp", None),
])
def test_working_days_read_from_words(text: str, expected: tuple[int, str] | None) -> None:
    assert parse_working_days(unicodedata.normalize("NFD", text)) == expected


def test_days_without_working_are_not_guessed() -> None:
    with pytest.raises(NotWorkingDays):
        parse_working_days("10 ngày")
    with pytest.raises(NotWorkingDays):
        parse_working_days("30 ngày kể từ ngày ký")


def test_deadline_model_with_working_days(qtmodeltester: ModelTester, docs_db: Database) -> None:
    from desktop.services.calendar import load_calendar

    model = DeadlineTableModel(today=DEMO_TODAY, calendar=lambda: load_calendar(docs_db))
    model.set_issue_date(date(2026, 2, 5))
    model.set_deadlines(get_document(docs_db, find_document(docs_db, "03-CT/TU").id).to_input()
                        .deadlines)
    row = model.add_row()
    assert model.setData(model.index(row, model.DAYS), "10")
    qtmodeltester.check(model, force_py=True)
    assert model.setData(model.index(row, model.DAYS), "0")
    assert model.setData(model.index(row, model.FROM), "receipt")
    other = model.add_row()
    model.toggle_counted_from(other)  # "from receipt" without a number of days
    assert model.index(other, model.FROM).data(Qt.ItemDataRole.ForegroundRole) is not None
    _, problems = model.inputs()
    assert problems == [
        f"Hạn thứ {row + 1} (hạn báo cáo định kỳ): «0» không phải số ngày làm việc từ 1 đến "
        "1.000",
        f"Hạn thứ {other + 1} (hạn báo cáo định kỳ): hạn tính từ ngày đơn vị nhận phải ghi số "
        "ngày làm việc",
    ]
    assert model.setData(model.index(row, model.DAYS), "12 ngày")
    assert model.setData(model.index(other, model.DAYS), "5")
    deadlines, problems = model.inputs()
    assert problems == []
    assert [(d.due_date, d.working_days, d.counted_from) for d in deadlines[-2:]] == [
        (None, 12, "receipt"), (None, 5, "receipt")]
    qtmodeltester.check(model, force_py=True)


def test_the_recipients_of_a_type_that_is_not_tracked_are_only_printed(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    from desktop.services.recipients import match_recipient_lines, split_recipient_block
    from desktop.ui.models.recipient_match_model import entries_from_matches

    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    matches = match_recipient_lines(docs_db, split_recipient_block(
        "- Các ban, sở, ngành của tỉnh;"), as_of=DEMO_TODAY)
    dialog.recipients_model.set_entries(entries_from_matches(matches))
    assert dialog.recipients_summary.text().startswith("Nơi nhận: 1 nhóm")
    assert "không theo dõi" not in dialog.recipients_summary.text()
    form = dialog.form
    form.type_combo.setCurrentIndex(form.type_combo.findData("BC"))
    assert dialog.recipients_summary.text().endswith(
        "Loại văn bản này không theo dõi thực hiện (Cài đặt → Loại văn bản): nơi nhận chỉ "
        "để in.")
