"""Every message box of the application goes through here.

Two reasons: Qt ships no Vietnamese translation of its standard buttons, so the button texts
(Có/Không/Hủy/Đóng/Đồng ý) are set here from our own translations; and tests must never be
blocked by a modal dialog. The test seam works like KeePassXC's ``MessageBox::setNextAnswer``:
:func:`set_next_answer` queues the answer the next box returns without being shown, and in
non-interactive mode (:func:`set_interactive`, switched off by the test suite) a box that nobody
expected returns its default button instead of blocking. Every box asked for is recorded in
:data:`history` so a test can check what the clerk would have seen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import config

log = logging.getLogger(__name__)

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


@dataclass(frozen=True, slots=True)
class ShownMessage:
    """A message box that was asked for, and what it returned."""

    icon: QMessageBox.Icon
    title: str
    text: str
    answer: QMessageBox.StandardButton
    shown: bool


history: list[ShownMessage] = []
_next_answers: list[QMessageBox.StandardButton] = []
_interactive = True


def set_next_answer(answer: QMessageBox.StandardButton) -> None:
    """Test seam: the next message box returns ``answer`` without being shown."""
    _next_answers.append(answer)


def set_interactive(interactive: bool) -> None:
    """Off in tests: unexpected boxes return their default button instead of blocking."""
    global _interactive
    _interactive = interactive


def reset() -> None:
    """Forget queued answers and recorded messages (between tests)."""
    _next_answers.clear()
    history.clear()


def _button_texts() -> dict[QMessageBox.StandardButton, str]:
    translate = QCoreApplication.translate
    return {
        Button.Yes: translate("MessageBox", "&Yes"),
        Button.No: translate("MessageBox", "&No"),
        Button.Cancel: translate("MessageBox", "Cancel"),
        Button.Close: translate("MessageBox", "&Close"),
        Button.Ok: translate("MessageBox", "OK"),
        Button.Retry: translate("MessageBox", "&Retry"),
        Button.Save: translate("MessageBox", "&Save"),
        Button.Discard: translate("MessageBox", "&Discard"),
    }


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    text: str,
    *,
    title: str = "",
    informative: str = "",
    details: str = "",
    buttons: QMessageBox.StandardButton = Button.Ok,
    default: QMessageBox.StandardButton = Button.NoButton,
    labels: dict[QMessageBox.StandardButton, str] | None = None,
) -> QMessageBox.StandardButton:
    """Show one message box (or answer it through the test seam) and return the answer.

    ``labels`` gives some standard buttons other words ("Lưu tên khác…" on Save), keeping
    their roles (Enter, Esc) and the answer the caller tests."""
    title = title or config.APP_DISPLAY_NAME
    if default == Button.NoButton:
        default = _first_button(buttons)
    if _next_answers:
        answer = _next_answers.pop(0)
        history.append(ShownMessage(icon, title, text, answer, shown=False))
        return answer
    if not _interactive:
        log.info("message box answered with its default (non-interactive): %s", text)
        history.append(ShownMessage(icon, title, text, default, shown=False))
        return default
    box = QMessageBox(icon, title, text, buttons, parent)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    for standard, label in {**_button_texts(), **(labels or {})}.items():
        button = box.button(standard)
        if button is not None:
            button.setText(label)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    box.exec()
    clicked = box.standardButton(box.clickedButton()) if box.clickedButton() else Button.NoButton
    answer = clicked if clicked != Button.NoButton else _escape_answer(buttons)
    history.append(ShownMessage(icon, title, text, answer, shown=True))
    return answer


def _first_button(buttons: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    for candidate in (Button.Ok, Button.Yes, Button.Save, Button.Retry, Button.Close,
                      Button.No, Button.Cancel):
        if buttons & candidate:
            return candidate
    return Button.NoButton


def _escape_answer(buttons: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    for candidate in (Button.Cancel, Button.Close, Button.No, Button.Ok):
        if buttons & candidate:
            return candidate
    return Button.NoButton


def information(parent: QWidget | None, text: str, *, title: str = "",
                informative: str = "") -> None:
    ask(parent, Icon.Information, text, title=title, informative=informative)


def warning(parent: QWidget | None, text: str, *, title: str = "", informative: str = "") -> None:
    ask(parent, Icon.Warning, text, title=title, informative=informative)


def error(parent: QWidget | None, text: str, *, title: str = "", informative: str = "",
          details: str = "") -> None:
    ask(parent, Icon.Critical, text, title=title, informative=informative, details=details)


def question(
    parent: QWidget | None,
    text: str,
    *,
    title: str = "",
    informative: str = "",
    buttons: QMessageBox.StandardButton = Button.Yes | Button.No,
    default: QMessageBox.StandardButton = Button.No,
    labels: dict[QMessageBox.StandardButton, str] | None = None,
) -> QMessageBox.StandardButton:
    return ask(parent, Icon.Question, text, title=title, informative=informative,
               buttons=buttons, default=default, labels=labels)


def show_exception(parent: QWidget | None, exc: BaseException) -> None:
    """An expected error shows its own Vietnamese message; anything else a generic one."""
    from desktop.domain.errors import AppError

    if isinstance(exc, AppError):
        error(parent, exc.message)
        return
    import traceback

    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    error(
        parent,
        QCoreApplication.translate(
            "MessageBox", "Something went wrong that the program did not expect."
        ),
        informative=QCoreApplication.translate(
            "MessageBox",
            "Nothing you saved before has been lost. The details have been written to the log "
            "file in the folder {folder}; send them to the person who supports the program.",
        ).format(folder=str(config.log_dir())),
        details=details,
    )
