"""A search field that waits for the clerk to pause before searching.

No completer: inline completion fights Vietnamese input methods (Unikey/EVKey send Backspaces
and then the composed letter), so the field only reports the settled text.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 200


class SearchBox(QLineEdit):
    """Emits :attr:`search_changed` with the NFC text once typing pauses (or at once on Enter)."""

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self._last: str | None = None
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter searches. QLineEdit passes it on, and in a dialog it also pressed the
            # default button: the "Nơi nhận" dialog closed as the clerk searched.
            event.accept()

    def search_text(self) -> str:
        return unicodedata.normalize("NFC", self.text()).strip()

    def _emit(self) -> None:
        self._timer.stop()
        text = self.search_text()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)
