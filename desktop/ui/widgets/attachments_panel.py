"""The files attached to a document: add (copied in the background), open, remove.

For a document not saved yet the chosen files wait in the list ("chép khi lưu") and
:meth:`AttachmentsPanel.copy_pending` copies them once it has an id. Opening checks the file
against its SHA-256 first (:func:`desktop.services.attachments.attachment_path`, on the worker
thread); a file changed or gone on disk is explained and not opened.
:class:`AttachmentsDialog` shows the panel on its own, for the "Đính kèm…" button of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.errors import AppError
from desktop.services import attachments
from desktop.services.attachments import AttachmentChangedError, AttachmentMissingError
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.widgets.screen_fit import resize_to_fit

_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a saved attachment's id
_PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # a file waiting to be copied


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


class AttachmentsPanel(QWidget):
    """A list of attached files with Thêm tệp / Mở / Xóa tệp."""

    changed = Signal()

    def __init__(
        self, db: Database, runner: TaskRunner, document_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.document_id = document_id
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        label = QLabel(self.tr("&Files:"))
        label.setBuddy(self.list)
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.remove_button = QPushButton(self.tr("&Remove file"))
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.reload()

    # ------------------------------------------------------------------ list

    def reload(self) -> None:
        pending = self.pending_paths()
        self.list.clear()
        if self.document_id is not None:
            for a in attachments.list_attachments(self._db, self.document_id):
                when = format_date(a.added_at.date()) if a.added_at else ""
                item = QListWidgetItem(f"{a.original_name}  —  {_size(a.size)}, {when}")
                item.setData(_ID_ROLE, a.id)
                item.setToolTip(a.description or a.original_name)
                self.list.addItem(item)
        for path in pending:
            self._add_pending_item(path)
        self.hint.setText(self.tr("Files are copied into the data folder beside the database; "
                                  "the original stays where it is."))
        if self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _add_pending_item(self, path: str) -> None:
        item = QListWidgetItem(self.tr("{name}  —  copied when the document is saved").format(
            name=Path(path).name))
        item.setData(_PATH_ROLE, path)
        item.setToolTip(path)
        self.list.addItem(item)

    def pending_paths(self) -> list[str]:
        return [p for i in range(self.list.count())
                if (p := self.list.item(i).data(_PATH_ROLE))]

    def names(self) -> list[str]:
        return [self.list.item(i).text().split("  —  ")[0] for i in range(self.list.count())]

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.open_button.setEnabled(item is not None and item.data(_ID_ROLE) is not None)
        self.remove_button.setEnabled(item is not None)

    # ------------------------------------------------------------------ adding

    def choose_files(self) -> None:
        paths = file_dialogs.open_files(self, self.tr("Attach files"),
                                        self.tr("All files (*)"), "attachments", many=True)
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str], on_done: Callable[[], None] | None = None) -> None:
        """Copy ``paths`` in the background (or keep them pending while there is no document)."""
        if self.document_id is None:
            for path in paths:
                self._add_pending_item(path)
            self.list.setCurrentRow(self.list.count() - 1)
            self._update_buttons()
            return
        db, document_id = self._db, self.document_id

        def copy(state: TaskState) -> int:
            for n, path in enumerate(paths):
                state.progress(n / len(paths), self.tr("Copying {name}…").format(
                    name=Path(path).name))
                attachments.add_attachment(db, document_id, path)
            return len(paths)

        def done(_count: int) -> None:
            self.reload()
            self.list.setCurrentRow(self.list.count() - 1)
            self.changed.emit()
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            self.reload()  # the files copied before the failure are attached
            message.show_exception(self, exc)
            if on_done is not None:
                on_done()

        self._runner.run(copy, on_done=done, on_error=failed, parent=self,
                         label=self.tr("Copying attachments…"))

    def copy_pending(self, document_id: int, on_done: Callable[[], None]) -> None:
        """The document now exists: copy the files waiting in the list, then ``on_done``."""
        pending = self.pending_paths()
        self.document_id = document_id
        if not pending:
            self.reload()
            on_done()
            return
        for row in reversed(range(self.list.count())):
            if self.list.item(row).data(_PATH_ROLE):
                self.list.takeItem(row)
        self.add_files(pending, on_done)

    # ------------------------------------------------------------------ opening, removing

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(_ID_ROLE) is None:
            return
        db, attachment_id = self._db, int(item.data(_ID_ROLE))
        self._runner.run(lambda _state: attachments.attachment_path(db, attachment_id),
                         on_done=self._open_path, on_error=self._open_failed, parent=self,
                         label=self.tr("Checking the file…"))

    def _open_path(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (AttachmentChangedError, AttachmentMissingError)):
            message.warning(self, exc.message, title=self.tr("The file was not opened"))
        elif isinstance(exc, AppError):
            message.error(self, exc.message)
        else:
            message.show_exception(self, exc)

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if item.data(_ID_ROLE) is None:  # not copied yet: just forget it
            self.list.takeItem(self.list.row(item))
            self._update_buttons()
            return
        name = item.text().split("  —  ")[0]
        answer = message.question(
            self, self.tr("Remove the attached file «{name}»?").format(name=name),
            informative=self.tr("The copy kept beside the database is deleted; the original "
                                "file elsewhere is not touched."))
        if answer != message.Button.Yes:
            return
        db, attachment_id = self._db, int(item.data(_ID_ROLE))

        def done(_result: object) -> None:
            self.reload()
            self.changed.emit()

        self._runner.run(lambda _state: attachments.remove_attachment(db, attachment_id),
                         on_done=done, on_error=lambda exc: message.show_exception(self, exc),
                         parent=self, show_progress=False)


class AttachmentsDialog(QDialog):
    """The attachments of one saved document, on their own."""

    def __init__(
        self, db: Database, runner: TaskRunner, document_id: int, title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attachments of {document}").format(document=title))
        self.panel = AttachmentsPanel(db, runner, document_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 560, 340)
