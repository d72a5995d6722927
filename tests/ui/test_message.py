"""The message-box wrapper: Vietnamese buttons and a seam that keeps tests from blocking."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.errors import NotFoundError
from desktop.ui.dialogs import message

Button = QMessageBox.StandardButton


def test_next_answer_is_returned_without_showing() -> None:
    message.set_next_answer(Button.Yes)
    assert message.question(None, "Xóa văn bản này?") == Button.Yes
    assert message.history[-1].text == "Xóa văn bản này?"
    assert message.history[-1].shown is False


def test_non_interactive_boxes_return_their_default() -> None:
    assert message.question(None, "Tiếp tục?") == Button.No
    message.information(None, "Đã lưu.")
    assert [m.text for m in message.history] == ["Tiếp tục?", "Đã lưu."]


def test_app_errors_show_their_own_message_others_a_generic_one() -> None:
    message.show_exception(None, NotFoundError("Không có văn bản mã số #9."))
    message.show_exception(None, RuntimeError("secret record text"))
    assert message.history[0].text == "Không có văn bản mã số #9."
    assert message.history[1].text == "Đã xảy ra một lỗi mà chương trình không lường trước."
    assert message.history[1].icon == QMessageBox.Icon.Critical


def test_a_real_box_has_vietnamese_buttons(qtbot: QtBot) -> None:
    message.set_interactive(True)
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update({b.text(): "" for b in box.buttons()})
        box.button(Button.No).click()

    QTimer.singleShot(50, answer)
    assert message.question(None, "Lưu thay đổi?",
                            buttons=Button.Yes | Button.No | Button.Cancel) == Button.No
    assert set(seen) == {"&Có", "&Không", "Hủy"}
    assert message.history[-1].shown is True
