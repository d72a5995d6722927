"""Cài đặt → Danh mục by keyboard: add "Quy chế" (QC), see it in the document dialog, rename,
move and delete it; a refused delete says why; errors under the fields; a clash with another
clerk's change; the access keys of the page."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.services import vocab
from desktop.services.database import Database
from desktop.store import models as m
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.dialogs.document_dialog import DocumentDialog
from desktop.ui.dialogs.vocab_dialog import VocabDialog
from desktop.ui.pages.settings_page import KINDS, TYPES, SettingsPage

from .conftest import type_text

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_page(qtbot: QtBot, db: Database) -> SettingsPage:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    page.page_shown()
    return page


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key, modifiers)


def texts(page: SettingsPage, which: str) -> list[str]:
    view = page.list_view(which)
    return [view.item(row).text() for row in range(view.count())]


def current_text(page: SettingsPage, which: str) -> str:
    item = page.list_view(which).currentItem()
    return item.text() if item is not None else ""


def focus_list(qtbot: QtBot, page: SettingsPage, which: str, row: int) -> None:
    view = page.list_view(which)
    view.setFocus()
    view.setCurrentRow(row)
    qtbot.waitUntil(view.hasFocus)


def dialog_of(qtbot: QtBot, page: SettingsPage) -> VocabDialog:
    dialog = page.vocab_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    activate(qtbot, dialog)
    return dialog


def closed(qtbot: QtBot, dialog: VocabDialog, page: SettingsPage, which: str) -> None:
    """The dialog is gone and the keys go to the list again (the window manager gives the
    page back its activation; offscreen the test does)."""
    qtbot.waitUntil(lambda: not dialog.isVisible())
    activate(qtbot, page)
    assert QApplication.focusWidget() is page.list_view(which)


def test_add_rename_move_and_delete_a_document_type_by_keyboard(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, demo_db)
    assert page.ui.listsNote.text().startswith("Ins: thêm; Enter hoặc F2: sửa")
    before = texts(page, TYPES)
    focus_list(qtbot, page, TYPES, 0)

    # Insert: a new type, name then abbreviation, Enter saves
    press(qtbot, Key.Key_Insert)
    dialog = dialog_of(qtbot, page)
    assert dialog.windowTitle() == "Thêm loại văn bản"
    assert dialog.name.hasFocus() and dialog.flag.isChecked()
    type_text(dialog.name, "Quy chế")
    press(qtbot, Key.Key_Tab)
    assert dialog.code.hasFocus()
    type_text(dialog.code, "QC")
    press(qtbot, Key.Key_Return)
    closed(qtbot, dialog, page, TYPES)
    assert texts(page, TYPES) == [*before, "Quy chế (QC)"]
    assert current_text(page, TYPES) == "Quy chế (QC)"

    # the document dialog, opened now, offers it without a restart
    document = DocumentDialog(demo_db, runner)
    qtbot.addWidget(document)
    combo = document.form.type_combo
    assert combo.itemText(combo.findData("QC")) == "Quy chế (QC)"
    document.close()
    activate(qtbot, page)
    page.ui.typesList.setFocus()

    # F2: rename it (and stop tracking it); the list keeps it selected
    press(qtbot, Key.Key_F2)
    dialog = dialog_of(qtbot, page)
    assert dialog.windowTitle() == "Sửa loại văn bản" and dialog.name.text() == "Quy chế"
    dialog.name.selectAll()
    type_text(dialog.name, "Quy chế làm việc")
    press(qtbot, Key.Key_D, ALT)  # "Theo &dõi thực hiện" (an animated click)
    qtbot.waitUntil(lambda: not dialog.flag.isChecked())
    press(qtbot, Key.Key_Return)
    closed(qtbot, dialog, page, TYPES)
    assert current_text(page, TYPES) == "Quy chế làm việc (QC), không theo dõi"

    # Enter opens it too; Esc leaves it as it was
    press(qtbot, Key.Key_Return)
    dialog = dialog_of(qtbot, page)
    press(qtbot, Key.Key_Escape)
    closed(qtbot, dialog, page, TYPES)

    # Ctrl+Up and the "Lên"/"Xuống" buttons move it, keeping it selected
    last = len(before)
    assert not page.ui.typeDownButton.isEnabled()
    press(qtbot, Key.Key_Up, CTRL)
    assert page.ui.typesList.currentRow() == last - 1
    assert current_text(page, TYPES).startswith("Quy chế làm việc")
    page.ui.typeUpButton.click()
    assert page.ui.typesList.currentRow() == last - 2
    assert [t.code for t in vocab.document_types(demo_db)][last - 2:] == ["QC", *[
        t.code for t in vocab.document_types(demo_db)][last - 1:]]
    page.ui.typesList.setFocus()
    press(qtbot, Key.Key_Down, CTRL)
    assert page.ui.typesList.currentRow() == last - 1
    assert current_text(page, TYPES).startswith("Quy chế làm việc")

    # Delete asks first (nothing undoes it); "Không" keeps it, "Có" deletes it
    message.set_next_answer(QMessageBox.StandardButton.No)
    press(qtbot, Key.Key_Delete)
    assert message.history[-1].text == "Xóa «Quy chế làm việc» khỏi danh mục?"
    assert "QC" in [t.code for t in vocab.document_types(demo_db)]
    message.set_next_answer(QMessageBox.StandardButton.Yes)
    press(qtbot, Key.Key_Delete)
    assert "QC" not in [t.code for t in vocab.document_types(demo_db)]
    assert texts(page, TYPES) == before
    assert page.ui.typesList.currentRow() == last - 1  # the entry that took its place


def test_a_refused_delete_says_why_without_asking(qtbot: QtBot, demo_db: Database) -> None:
    page = open_page(qtbot, demo_db)
    with demo_db.read() as s:
        used_type = s.scalar(select(m.Document.type_id).limit(1))
        used_kind = s.scalar(select(m.Organisation.kind_id).where(
            m.Organisation.kind_id.is_not(None)).limit(1))
    types = [t.id for t in vocab.document_types(demo_db)]
    focus_list(qtbot, page, TYPES, types.index(used_type))
    press(qtbot, Key.Key_Delete)
    shown = message.history[-1]
    assert shown.icon == QMessageBox.Icon.Warning
    assert re.match(r"Không xóa được loại «.+» \(\w+\) vì đang được dùng cho \d+ văn bản",
                    shown.text)
    assert len(message.history) == 1  # no question first
    assert len(vocab.document_types(demo_db)) == len(types)

    kinds = [k.id for k in vocab.org_kinds(demo_db)]
    focus_list(qtbot, page, KINDS, kinds.index(used_kind))
    page.ui.kindDeleteButton.click()
    assert re.match(r"Không xóa được loại hình «.+» vì có [\d.]+ đơn vị", message.history[-1].text)
    assert len(vocab.org_kinds(demo_db)) == len(kinds)


def test_an_organisation_kind_with_errors_under_its_field(qtbot: QtBot, demo_db: Database
                                                         ) -> None:
    page = open_page(qtbot, demo_db)
    focus_list(qtbot, page, KINDS, 0)
    press(qtbot, Key.Key_Insert)
    dialog = dialog_of(qtbot, page)
    assert dialog.windowTitle() == "Thêm loại hình đơn vị"
    assert dialog.kind_code.text() == "(tạo từ tên khi lưu)"
    type_text(dialog.name, "chi bo co so")
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible()
    assert "Danh mục đã có loại hình đơn vị «Chi bộ cơ sở»" in dialog.name_error.text()
    assert dialog.name.hasFocus()
    dialog.name.selectAll()
    type_text(dialog.name, "Hội đồng nhân dân")
    press(qtbot, Key.Key_C, ALT)  # "là &chi bộ" (an animated click)
    qtbot.waitUntil(dialog.flag.isChecked)
    press(qtbot, Key.Key_Return)
    closed(qtbot, dialog, page, KINDS)
    assert current_text(page, KINDS) == "Hội đồng nhân dân (là chi bộ)"
    added = vocab.org_kinds(demo_db)[-1]
    assert (added.code, added.is_party_cell) == ("hoi_dong_nhan_dan", True)

    press(qtbot, Key.Key_F2)
    dialog = dialog_of(qtbot, page)
    assert dialog.kind_code.text() == "hoi_dong_nhan_dan" and dialog.flag.isChecked()
    dialog.reject()


def test_the_abbreviation_of_a_used_type_cannot_be_changed(qtbot: QtBot, demo_db: Database) -> None:
    page = open_page(qtbot, demo_db)
    with demo_db.read() as s:
        used_type = s.scalar(select(m.Document.type_id).limit(1))
    types = vocab.document_types(demo_db)
    focus_list(qtbot, page, TYPES, [t.id for t in types].index(used_type))
    press(qtbot, Key.Key_F2)
    dialog = dialog_of(qtbot, page)
    code = next(t.code for t in types if t.id == used_type)
    assert not dialog.code.isEnabled()
    assert dialog.code_hint.isVisible()
    assert dialog.code_hint.text().startswith(f"Không đổi được ký hiệu «{code}»")
    dialog.reject()


def test_a_clash_with_another_clerk_offers_to_reload(qtbot: QtBot, demo_db: Database) -> None:
    added = vocab.add_document_type(demo_db, "QC", "Quy chế")
    page = open_page(qtbot, demo_db)
    focus_list(qtbot, page, TYPES, page.list_view(TYPES).count() - 1)
    press(qtbot, Key.Key_F2)
    dialog = dialog_of(qtbot, page)
    vocab.update_document_type(demo_db, added, "QC", "Quy chế mẫu", True)  # someone else
    dialog.name.selectAll()
    type_text(dialog.name, "Quy chế làm việc")
    message.set_next_answer(QMessageBox.StandardButton.Yes)  # reload the newest version
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible()
    assert "vừa được người khác sửa" in message.history[-1].text
    assert dialog.name.text() == "Quy chế mẫu"
    dialog.name.selectAll()
    type_text(dialog.name, "Quy chế làm việc")
    press(qtbot, Key.Key_Return)
    closed(qtbot, dialog, page, TYPES)
    assert current_text(page, TYPES) == "Quy chế làm việc (QC)"


def test_access_keys_of_the_page_are_unique_ascii_letters(qtbot: QtBot, demo_db: Database
                                                         ) -> None:
    page = open_page(qtbot, demo_db)
    keys: list[str] = []
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        found = re.findall(r"&(\w)", widget.text().replace("&&", ""))
        keys += [k.upper() for k in found]
    assert keys and all(re.fullmatch(r"[A-Z]", k) for k in keys), keys
    assert len(keys) == len(set(keys)), sorted(keys)
    # Tab goes from each list through its own buttons
    focus_list(qtbot, page, KINDS, 1)  # a kind in the middle: every button can act on it
    order = []
    for _ in range(6):
        press(qtbot, Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [page.ui.kindAddButton, page.ui.kindEditButton, page.ui.kindDeleteButton,
                     page.ui.kindUpButton, page.ui.kindDownButton, page.ui.typesList]


def test_a_read_only_database_offers_no_editing(qtbot: QtBot, demo_db: Database) -> None:
    demo_db.read_only = True  # as when another program holds the file
    page = open_page(qtbot, demo_db)
    focus_list(qtbot, page, TYPES, 1)
    buttons = [page.ui.typeAddButton, page.ui.typeEditButton, page.ui.typeDeleteButton,
               page.ui.typeUpButton, page.ui.typeDownButton, page.ui.kindAddButton]
    assert not any(button.isEnabled() for button in buttons)
    press(qtbot, Key.Key_Insert)
    assert page.vocab_dialog is None
    assert "chế độ chỉ đọc" in message.history[-1].text
