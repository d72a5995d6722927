"""What the Excel-exchange dialogs share — the document chooser — and what they share with the
Word export dialog: a folder chooser with a test seam, and the answer to a file that could not
be written.

- :func:`document_combo`: an editable combo of the documents (newest first), no inline
  completion (Vietnamese input methods send Backspaces then the composed letter, which a
  completer would fight); Enter selects the first document whose number (else excerpt)
  contains the typed text, accents and case ignored — as in the Word export dialog and the grid.
- :func:`choose_folder`: like :mod:`.file_dialogs` / :mod:`.save_dialog`: :func:`set_next_folder`
  queues the answer of the next folder dialog, and non-interactive mode (the test suite) answers
  nothing instead of blocking. The folder is remembered per purpose with the save dialogs'.
  :func:`ask_folder` is the same seam without remembering (the Word export's letters folder).
- :func:`export_failed`: "Tệp … đang mở…" → Thử lại / another name or folder / Hủy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from desktop.domain.errors import AppError
from desktop.domain.text import fold
from desktop.services.database import Database
from desktop.services.documents import list_documents
from desktop.ui.dialogs import message, save_dialog
from desktop.ui.widgets.date_edit import ErrorLabel

_next_folders: list[str] = []


def set_next_folder(folder: str | Path | None) -> None:
    """Test seam: the next folder dialog returns ``folder`` (None: the clerk cancelled)."""
    _next_folders.append(str(folder) if folder else "")


def remember_folder(purpose: str, folder: Path) -> None:
    QSettings().setValue(f"{save_dialog._GROUP}/{purpose}", str(folder))


def ask_folder(parent: QWidget | None, caption: str, where: Path) -> Path | None:
    """The folder the clerk chose starting from ``where`` (None when cancelled), not remembered:
    the one place the queued answers of :func:`set_next_folder` are taken."""
    if _next_folders:
        chosen = _next_folders.pop(0)
    elif not message._interactive:
        chosen = ""
    else:
        chosen = QFileDialog.getExistingDirectory(parent, caption, str(where))
    return Path(chosen) if chosen else None


def choose_folder(
    parent: QWidget | None, caption: str, purpose: str, start: Path | None = None
) -> Path | None:
    """The folder the clerk chose (None when cancelled), remembered for ``purpose``."""
    where = (
        start if start is not None and start.is_dir() else save_dialog.remembered_folder(purpose)
    )
    chosen = ask_folder(parent, caption, where)
    if chosen is not None:
        remember_folder(purpose, chosen)
    return chosen


def document_combo(db: Database, document_id: int | None = None) -> QComboBox:
    """The documents, "15-CT/TU — về …", with the id as item data; ``document_id`` chosen."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setCompleter(None)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(48)
    line = combo.lineEdit()
    assert line is not None
    line.setPlaceholderText(
        QCoreApplication.translate("FormsCommon", "Type part of the number or excerpt, then Enter")
    )
    for d in list_documents(db):
        combo.addItem(f"{d.number_symbol} — {d.excerpt}", d.id)
    if document_id is not None:
        combo.setCurrentIndex(max(combo.findData(document_id), 0))

    def search() -> None:
        wanted = fold(combo.currentText())
        texts = [fold(combo.itemText(i)) for i in range(combo.count())]
        numbers = [fold(combo.itemText(i).split(" — ")[0]) for i in range(combo.count())]
        # the number first: "03 ct" is 03-CT/TU, not a plan whose excerpt names 03-CT/TU
        for candidates in (numbers, texts):
            for i, text in enumerate(candidates):
                if wanted and wanted in text:
                    combo.setCurrentIndex(i)
                    return
        if 0 <= combo.currentIndex() < combo.count():  # nothing found: show the choice again
            combo.setEditText(combo.itemText(combo.currentIndex()))

    line.returnPressed.connect(search)
    return combo


def document_label(combo: QComboBox) -> str:
    """The chosen document's number ("15-CT/TU"), for file names."""
    index = combo.currentIndex()
    return combo.itemText(index).split(" — ")[0] if index >= 0 else ""


def export_failed(
    parent: QWidget,
    exc: BaseException,
    error: ErrorLabel,
    other_label: str,
    retry: Callable[[], None],
    other: Callable[[], None],
) -> None:
    """An export failed: a file that could not be written (open in Excel, a full disk) asks
    "Thử lại" (``retry``) / ``other_label`` (``other``: another name or folder) / "Hủy"; any
    other expected error is shown under the form, an unexpected one in the crash box."""
    from desktop.services.org_export import ExportFileError

    if not isinstance(exc, AppError):
        message.show_exception(parent, exc)
        return
    if not isinstance(exc, ExportFileError):
        error.show_message(exc.message)
        return
    answer = message.question(
        parent,
        exc.message,
        title=QCoreApplication.translate("FormsCommon", "The file was not written"),
        buttons=message.Button.Retry | message.Button.Save | message.Button.Cancel,
        default=message.Button.Retry,
        labels={message.Button.Save: other_label},
    )
    if answer == message.Button.Retry:
        retry()
    elif answer == message.Button.Save:
        other()
