"""What the main window expects of a page: being shown, and remembering its layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget


class Page(QWidget):
    """A page of the main window. Subclasses override what they need."""

    #: The QSettings group the page keeps its layout in.
    settings_key = "page"

    def page_shown(self) -> None:
        """Called every time the page becomes the current one."""

    def work_widget(self) -> QWidget | None:
        """Where the keys go when the clerk comes to the page by a shortcut (Ctrl+3…): the
        list or grid the page is for. None: leave the focus where Qt puts it."""
        return None

    def save_state(self, settings: QSettings) -> None:
        """Remember splitter positions, column widths… (called when the window closes)."""

    def restore_state(self, settings: QSettings) -> None:
        """Put back what :meth:`save_state` remembered (called once, after creation)."""

    # helpers for subclasses

    def _save_widget(self, settings: QSettings, name: str, widget: QSplitter | QHeaderView) -> None:
        settings.setValue(f"{self.settings_key}/{name}", widget.saveState())

    def _restore_widget(
        self, settings: QSettings, name: str, widget: QSplitter | QHeaderView
    ) -> bool:
        value = settings.value(f"{self.settings_key}/{name}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return bool(widget.restoreState(value))
        return False
