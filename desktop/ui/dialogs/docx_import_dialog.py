"""Nhập văn bản từ Word: read an issued .docx into the document dialog, for the clerk to check.

:class:`DocxImporter` asks for the file, reads it on the worker thread
(:func:`~desktop.services.docx_import.read_docx`; its "Nơi nhận" lines are matched as of the
document's date there too) and opens the :class:`~desktop.ui.dialogs.document_dialog.
DocumentDialog` filled with what was found: what the reader could not find or doubts is
listed at the top in a yellow note, the issuing body is looked up by the symbol in the number
line, and the .docx itself waits in the attachments (copied when the document is saved). The
document is created only when the clerk presses "Lưu".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import AppError
from desktop.domain.text import fold
from desktop.services import vocab
from desktop.services.database import Database
from desktop.services.document_lookup import IssuingBodyRow, issuing_bodies
from desktop.services.document_numbers import format_number_symbol
from desktop.services.docx_import import DocxDraft, read_docx
from desktop.services.recipients import RecipientMatcher
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.dialogs.document_dialog import DocumentDialog
from desktop.ui.dialogs.document_values import DocumentValues
from desktop.ui.dialogs.recipients_dialog import totals_text
from desktop.ui.models.recipient_match_model import RecipientEntry, entries_from_matches


@dataclass(frozen=True)
class ReadDocx:
    """What the worker thread found: the draft, the body and type it names, the recipients."""

    path: str
    draft: DocxDraft
    body: IssuingBodyRow | None
    type_code: str
    entries: tuple[RecipientEntry, ...]


def _find_body(draft: DocxDraft, bodies: list[IssuingBodyRow]) -> IssuingBodyRow | None:
    symbol = draft.issuing_body_symbol.casefold()
    found = [b for b in bodies if symbol and b.symbol.casefold() == symbol]
    if not found and draft.issuing_body_lines:
        name = fold(" ".join(draft.issuing_body_lines))
        found = [b for b in bodies if fold(b.name) == name]
    return found[0] if len(found) == 1 else None


def read_import(db: Database, path: str, today: date) -> ReadDocx:
    """Read ``path`` and match what it names against the database (no write)."""
    draft = read_docx(path)
    body = _find_body(draft, issuing_bodies(db))
    codes = {t.code for t in vocab.document_types(db)}
    type_code = draft.type_code if draft.type_code in codes else ""
    entries: tuple[RecipientEntry, ...] = ()
    if draft.recipient_lines:
        matcher = RecipientMatcher.load(db, draft.issue_date or today)
        entries = tuple(entries_from_matches(matcher.match_lines(draft.recipient_lines)))
    return ReadDocx(path, draft, body, type_code, entries)


class DocxImporter(QObject):
    """Runs one import: file → reading in the background → the prefilled document dialog."""

    imported = Signal(object)  # the DocumentDetail created

    def __init__(
        self, db: Database, runner: TaskRunner, parent_widget: QWidget,
        today: date | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._db = db
        self._runner = runner
        self._widget = parent_widget
        self._today = today or date.today()
        self.dialog: DocumentDialog | None = None
        self.reading = False

    def start(self, path: str | None = None) -> None:
        if self.reading:
            return
        if path is None:
            paths = file_dialogs.open_files(
                self._widget, self.tr("Import a document from Word"),
                self.tr("Word documents (*.docx)"), "docx_import")
            if not paths:
                return
            path = paths[0]
        db, today, chosen = self._db, self._today, path
        self.reading = True
        self._runner.run(lambda _state: read_import(db, chosen, today), on_done=self._read,
                         on_error=self._failed, parent=self._widget,
                         label=self.tr("Reading {name}…").format(name=Path(path).name))

    def _failed(self, exc: BaseException) -> None:
        self.reading = False
        if isinstance(exc, AppError):
            message.warning(self._widget, exc.message,
                            title=self.tr("The document could not be read"))
        else:
            message.show_exception(self._widget, exc)

    def values(self, found: ReadDocx) -> DocumentValues:
        """The dialog's fields from what was read, with the notes for the clerk."""
        d = found.draft
        warnings = list(d.warnings)
        if found.body is None:
            what = d.issuing_body_symbol or " ".join(d.issuing_body_lines)
            warnings.append(self.tr(
                "No issuing body «{what}» is registered: choose the issuing body.").format(
                    what=what) if what else self.tr("Choose the issuing body."))
        if d.type_code and not found.type_code:
            warnings.append(self.tr("The document type «{name}» is not in the list: choose "
                                    "the type.").format(name=d.type_name or d.type_code))
        regime = found.body.regime if found.body is not None else (d.regime or "party")
        number_text = (format_number_symbol(d.number, d.symbol, regime)
                       if d.number and d.symbol else d.number)
        if found.entries:
            untracked = [e for e in found.entries if not e.tracked]
            note = self.tr("Recipients read: {totals}.").format(
                totals=totals_text(found.entries))
            if untracked:
                note += " " + self.tr("Check the lines left as printed text on tab 3.")
            warnings.append(note)
        return DocumentValues(
            type_code=found.type_code,
            issuing_body_id=found.body.id if found.body is not None else None,
            number_text=number_text, issue_date=d.issue_date, excerpt=d.excerpt,
            signer_authority=d.signer_authority, signer_title=d.signer_title,
            signer_name=d.signer_name, recipients=found.entries, warnings=tuple(warnings),
            scope=d.scope or "cap_truc_thuoc",
        )

    def _read(self, found: ReadDocx) -> None:
        self.reading = False
        dialog = DocumentDialog(
            self._db, self._runner, values=self.values(found), pending_files=[found.path],
            today=self._today, parent=self._widget,
            title=self.tr("Import from Word: {name}").format(name=Path(found.path).name))
        dialog.saved.connect(self.imported)
        self.dialog = dialog
        dialog.open()
