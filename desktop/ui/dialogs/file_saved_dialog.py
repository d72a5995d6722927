"""After an export: what was written where, with "Mở tệp", "Mở thư mục" (and "In" for
documents).

Not a message box (Qt's have no such buttons, nor Vietnamese texts): a small window-modal
dialog opened without blocking. The file and its folder are opened through
``QDesktopServices.openUrl``, which tests capture with ``QDesktopServices.setUrlHandler``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.screen_fit import resize_to_fit


class FileSavedDialog(QDialog):
    """``text`` (what was written), the path, and three buttons."""

    def __init__(self, path: Path, text: str, parent: QWidget | None = None, *,
                 printable: bool = False) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("File saved"))
        label = QLabel(text)
        label.setWordWrap(True)
        where = QLabel(str(path))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setEnabled(False)
        self.open_file_button = QPushButton(self.tr("Open &file"))
        self.open_folder_button = QPushButton(self.tr("Open the f&older"))
        self.close_button = QPushButton(self.tr("Close"))
        self.open_file_button.setDefault(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.open_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button: QPushButton | None = None
        if printable and path.is_file():
            self.print_button = QPushButton(self.tr("&Print"))
            self.print_button.setToolTip(self.tr("Print on the default printer through Word"))
            buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.clicked.connect(self.print_file)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(where)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        resize_to_fit(self, 520, self.sizeHint().height())
    def open_file(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        self.accept()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
        self.accept()

    def print_file(self) -> None:
        """"In": the program Windows associates with the file prints it (winsys)."""
        try:
            printer(self.path)
        except OSError as exc:
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], str) else None
            self.error.setText(reason or self.tr(
                "The file could not be sent to the printer ({error}). Open it and print "
                "from Word.").format(error=exc.strerror or type(exc).__name__))
            self.error.show()
            return
        self.accept()


def _print_with_system(path: Path) -> None:
    from desktop.services import winsys

    winsys.print_file(path)


#: How "In" prints (tests replace it to capture the call).
printer = _print_with_system
