"""A date typed as a Vietnamese clerk types it (dd/mm/yyyy, 5/2, 5-2-26…), with its error inline.

:class:`DateEdit` is a plain line edit (no calendar popup, no input mask: masks fight input
methods and tolerant typing) read with :func:`desktop.domain.dates.parse_date`. When the clerk
leaves the field a good date is rewritten as ``dd/mm/yyyy``; a bad one stays as typed and the
reason appears in red under the field (an :class:`ErrorLabel`), never in a message box.
:class:`ErrorLabel` is also what other forms put under a field to show a service's message.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.dates import DateParseError, format_date, parse_date

ERROR_COLOR = QColor("#b3261e")


class ErrorLabel(QLabel):
    """Red text under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.setPalette(palette)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class DateEdit(QWidget):
    """A line edit for one date and, under it, the reason the text is not a date.

    ``date_changed`` is emitted with the new date (or None) whenever the value read from the
    text changes. ``required`` makes an empty field an error when it is checked.
    """

    date_changed = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, required: bool = True,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.required = required
        self._today = today
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.setMaxLength(40)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self._value: date | None = None
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self.commit)

    # ------------------------------------------------------------------ value

    def date(self) -> date | None:
        """The date the text means now (None when empty or not a date)."""
        return self._value

    def set_date(self, value: date | None) -> None:
        self.edit.setText(format_date(value))
        self.error.clear_message()

    def text(self) -> str:
        return unicodedata.normalize("NFC", self.edit.text()).strip()

    def set_today(self, today: date | None) -> None:
        """The day whose year a date typed without one ("5/2") falls in (default: today)."""
        self._today = today

    def problem(self) -> str:
        """Why the field cannot be saved as it is ("" when it can)."""
        text = self.text()
        if not text:
            return self.tr("Enter a date, e.g. 05/02/2026.") if self.required else ""
        try:
            parse_date(text, today=self._today)
        except DateParseError as exc:
            return str(exc)
        return ""

    # ------------------------------------------------------------------ errors

    def commit(self) -> None:
        """Rewrite a good date as dd/mm/yyyy, or show why the text is not one."""
        text = self.text()
        if not text:
            self.error.clear_message()
            return
        try:
            value = parse_date(text, today=self._today)
        except DateParseError as exc:
            self.error.show_message(str(exc))
            return
        self.error.clear_message()
        formatted = format_date(value)
        if self.edit.text() != formatted:
            self.edit.setText(formatted)

    def check(self) -> bool:
        """Show the problem (if any) under the field; True when the field can be saved."""
        problem = self.problem()
        self.error.show_message(problem)
        return not problem

    def set_error(self, message: str) -> None:
        """Show a message from elsewhere (a service refusing the date) under the field."""
        self.error.show_message(message)

    def clear_error(self) -> None:
        self.error.clear_message()

    def _text_changed(self, _text: str) -> None:
        text = self.text()
        try:
            value: date | None = parse_date(text, today=self._today) if text else None
        except DateParseError:
            value = None
        if self.error.isVisible() and value is not None:
            self.error.clear_message()
        if value != self._value:
            self._value = value
            self.date_changed.emit(value)
