"""What the organisation dialogs share: Vietnamese buttons, errors under their fields, reload.

- :func:`dialog_buttons` — "Lưu" (the default: Enter) and "Hủy" (Esc) with our own texts;
- :class:`FieldErrors` — a service's :class:`~desktop.domain.errors.ValidationError` is shown
  under the field it names (or under the form when it names none or another), never in a
  message box; a :class:`~desktop.domain.errors.ConflictError` asks whether to reload (the
  dialog then shows the newest version and the clerk saves again); other expected errors show
  their Vietnamese message in the form too, unexpected ones go to the crash dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.domain.errors import AppError, ConflictError, ValidationError
from desktop.ui.dialogs import message
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel

translate = QCoreApplication.translate



def dialog_buttons(dialog: QWidget, ok_text: str = "", cancel_text: str = "") -> QDialogButtonBox:
    """OK (default button, Enter) and Cancel (Esc), with Vietnamese texts, in ``dialog``.

    The box has its dialog before OK is made the default: only then does the dialog remember
    OK as its default and give it back after an auto-default button had the focus (otherwise
    Enter stops saving once the clerk has been through a tab with such a button)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text or translate("OrgDialogs", "&Save"))
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(cancel_text or translate("OrgDialogs", "Cancel"))
    return buttons


def fit_height(widget: QWidget) -> None:
    """Let the window grow to show a message that just appeared under a field (wrapped labels
    do not raise a window's minimum height by themselves)."""

    def grow() -> None:
        window = widget.window()
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        wanted = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if wanted > window.height():
            window.resize(window.width(), wanted)

    QTimer.singleShot(0, widget, grow)  # dropped if the widget goes first


class FieldErrors:
    """Where each service field's message goes, plus one place for the rest."""

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self._fields: dict[str, tuple[ErrorLabel | DateEdit, QWidget]] = {}

    def add(self, field: str, target: ErrorLabel | DateEdit, focus: QWidget | None = None) -> None:
        widget = focus if focus is not None else target
        self._fields[field] = (target, widget)

    def clear(self) -> None:
        self.general.clear_message()
        for target, _widget in self._fields.values():
            if isinstance(target, DateEdit):
                target.clear_error()
            else:
                target.clear_message()

    def show(self, field: str | None, text: str) -> None:
        found = self._fields.get(field or "")
        fit_height(self.general)
        if found is None:
            self.general.show_message(text)
            return
        target, widget = found
        if isinstance(target, DateEdit):
            target.set_error(text)
        else:
            target.show_message(text)
        widget.setFocus()

    def handle(self, parent: QWidget, exc: BaseException,
               reload: Callable[[], None] | None = None) -> None:
        """Show ``exc`` where it belongs (see the module docstring)."""
        if isinstance(exc, ConflictError):
            self.general.show_message(exc.message)
            fit_height(self.general)
            if reload is not None:
                answer = message.question(
                    parent, exc.message,
                    informative=translate("OrgDialogs", "Reload the newest version now? What "
                                          "you typed in this window is replaced by it."),
                    default=message.Button.Yes)
                if answer == message.Button.Yes:
                    reload()
        elif isinstance(exc, ValidationError):
            self.show(exc.field, exc.message)
        elif isinstance(exc, AppError):
            self.general.show_message(exc.message)
            fit_height(self.general)
        else:
            message.show_exception(parent, exc)
