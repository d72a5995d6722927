"""The dialog for an error the program did not expect: what happened, and copyable details.

Shown by the exception hook (``desktop.app``) for an exception escaping a slot; the window stays
usable afterwards. "Sao chép thông tin lỗi" puts the details (the traceback, the program
version, the platform) on the clipboard for the person who supports the program. The log file
gets the same traceback *without* exception messages (they can quote record contents), see
``desktop.app.RedactingFormatter``.

Test seam like ``message``: in non-interactive mode the dialog is recorded in :data:`shown`
and not executed.
"""

from __future__ import annotations

import platform
import traceback

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import config
from desktop.ui.dialogs import message
from desktop.ui.widgets.screen_fit import resize_to_fit

#: Details of the dialogs that were asked for (tests read it).
shown: list[str] = []


def details_text(exc: BaseException) -> str:
    from desktop.services.lock import PROGRAM_VERSION

    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return (
        f"{config.APP_DISPLAY_NAME} {PROGRAM_VERSION} — Python {platform.python_version()} — "
        f"{platform.platform()}\n\n{trace}"
    )


class CrashDialog(QDialog):
    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(config.APP_DISPLAY_NAME)
        self.details = details_text(exc)
        text = QLabel(
            self.tr(
                "Something went wrong that the program did not expect. Nothing you saved before "
                "has been lost, and you can keep working. The details were written to the log "
                "file in {folder}; copy them and send them to the person who supports the "
                "program."
            ).format(folder=str(config.log_dir()))
        )
        text.setWordWrap(True)
        self.view = QPlainTextEdit(self.details)
        self.view.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("&Copy error details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 640, 420)
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    """An AppError shows its own message; anything else this dialog."""
    from desktop.domain.errors import AppError

    if isinstance(exc, AppError):
        message.error(parent, exc.message)
        return
    dialog = CrashDialog(exc, parent)
    shown.append(dialog.details)
    if not message._interactive:
        dialog.deleteLater()
        return
    dialog.exec()
    dialog.deleteLater()
