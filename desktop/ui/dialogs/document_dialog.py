"""Thêm / sửa văn bản: every field of a tracked document, saved in one go.

Four tabs (Alt+1…4): the general fields (:class:`~desktop.ui.widgets.document_form.
DocumentForm`), the deadlines, the "Nơi nhận" (summary + the recipients dialog) and the
attachments. "Lưu" (Enter) checks everything first on the worker thread —
:func:`~desktop.services.ui_queries_documents.validation_problems` lists every problem, each
shown under its field — then creates the document with its tracking rows
(:func:`~desktop.services.document_register.create_and_track`) or updates it and brings its
tracking rows in line (:func:`~desktop.services.document_register.update_document`,
:func:`~desktop.services.tracking_setup.sync_tracking`). Organisations that are no longer
recipients but hold data are kept, and the clerk is told which. A document changed by someone
else meanwhile is not overwritten: the clerk is offered to reload it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, ConflictError, ValidationError
from desktop.services import vocab
from desktop.services.database import Database
from desktop.services.document_dto import DocumentDetail, DocumentInput
from desktop.services.document_lookup import issuing_bodies
from desktop.services.document_register import create_and_track, get_document, update_document
from desktop.services.tracking_setup import SyncResult, sync_tracking
from desktop.services.ui_queries_documents import Problem, validation_problems
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs import message
from desktop.ui.dialogs.document_values import DocumentValues, derived_symbol
from desktop.ui.dialogs.recipients_dialog import RecipientsDialog, totals_text
from desktop.ui.models.recipient_match_model import RecipientMatchModel, lines_for
from desktop.ui.widgets.attachments_panel import AttachmentsPanel
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.deadlines_editor import DeadlinesEditor
from desktop.ui.widgets.document_form import DocumentForm
from desktop.ui.widgets.screen_fit import resize_to_fit

NOTE_BACKGROUND = QColor("#fff4ce")
_LAST_BODY = "document_dialog/last_body"
GENERAL, DEADLINES, RECIPIENTS, ATTACHMENTS = range(4)


@dataclass(frozen=True)
class _Outcome:
    problems: tuple[Problem, ...] = ()
    detail: DocumentDetail | None = None
    sync: SyncResult | None = None


class DocumentDialog(QDialog):
    """Create (``document`` None) or edit a document; :attr:`saved` carries the result."""

    saved = Signal(object)  # DocumentDetail

    def __init__(
        self, db: Database, runner: TaskRunner, *, document: DocumentDetail | None = None,
        values: DocumentValues | None = None, pending_files: Sequence[str] = (),
        today: date | None = None, title: str = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._document = document
        self._today = today or date.today()
        self.saving = False
        self.sync_result: SyncResult | None = None
        self.recipients_dialog: RecipientsDialog | None = None
        if title:
            self.setWindowTitle(title)
        elif document is not None:
            self.setWindowTitle(self.tr("Edit document {number}").format(
                number=document.number_symbol))
        else:
            self.setWindowTitle(self.tr("New document"))

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAutoFillBackground(True)
        palette = self.note.palette()
        palette.setColor(QPalette.ColorRole.Window, NOTE_BACKGROUND)
        self.note.setPalette(palette)
        self.note.setMargin(8)
        self.note.hide()
        self.general_error = ErrorLabel()

        self.form = DocumentForm(db, issuing_bodies(db), vocab.document_types(db),
                                 today=self._today)
        self.form.parent_chooser.exclude_id = document.id if document else None
        self.deadlines = DeadlinesEditor(today=self._today)
        self.deadlines.follow(self.form)  # "from issue" working days count from its date
        self.attachments = AttachmentsPanel(db, runner, document.id if document else None)

        self.recipients_model = RecipientMatchModel(self)
        self.recipients_table = QTableView()
        self.recipients_table.setModel(self.recipients_model)
        self.recipients_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipients_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recipients_table.setTabKeyNavigation(False)
        self.recipients_table.verticalHeader().hide()
        self.recipients_table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 10)
        self.recipients_table.setWordWrap(False)
        header = self.recipients_table.horizontalHeader()
        header.setSectionResizeMode(RecipientMatchModel.REASON, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(RecipientMatchModel.LINE, 300)
        header.resizeSection(RecipientMatchModel.NAME, 240)
        self.recipients_summary = QLabel()
        self.recipients_button = QPushButton(self.tr("Choose or paste the &recipients…"))
        self.recipients_button.setAutoDefault(False)
        self.recipients_button.clicked.connect(self.open_recipients)
        self.recipients_error = ErrorLabel()
        recipients_tab = QWidget()
        rl = QVBoxLayout(recipients_tab)
        row = QHBoxLayout()
        row.addWidget(self.recipients_summary, 1)
        row.addWidget(self.recipients_button)
        rl.addLayout(row)
        rl.addWidget(self.recipients_table, 1)
        rl.addWidget(self.recipients_error)
        self.recipients_model.entries_changed.connect(self._recipients_changed)
        self.form.type_combo.currentIndexChanged.connect(lambda _i: self._recipients_changed())

        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("&1. General"))
        self.tabs.addTab(self.deadlines, self.tr("&2. Deadlines"))
        self.tabs.addTab(recipients_tab, self.tr("&3. Recipients"))
        self.tabs.addTab(self.attachments, self.tr("&4. Attachments"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Sa&ve"))
        self.save_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        if values is None:
            values = (DocumentValues.from_detail(document) if document is not None
                      else self._new_values())
        self.fill(values)
        if pending_files:
            self.attachments.add_files(list(pending_files))
        self._set_tab_order()
        resize_to_fit(self, 900, 680)
        self.form.type_combo.setFocus()

    # ------------------------------------------------------------------ values

    @property
    def document(self) -> DocumentDetail | None:
        return self._document

    def _new_values(self) -> DocumentValues:
        last = QSettings().value(_LAST_BODY)
        body = int(last) if isinstance(last, (int, str)) and str(last).isdigit() else None
        if body is None or self.form.body_combo.findData(body) < 0:
            body = self.form.body_combo.itemData(0)
        return DocumentValues(type_code=self.form.type_combo.itemData(0) or "",
                              issuing_body_id=body)

    def fill(self, values: DocumentValues) -> None:
        self.form.set_values(values, exact=self._document is not None)
        self.deadlines.set_deadlines(values.deadlines)
        self.recipients_model.set_entries(values.recipients)
        self.set_warnings(values.warnings)
        self.clear_problems()

    def set_warnings(self, warnings: Sequence[str]) -> None:
        if warnings:
            self.note.setText(self.tr("Check before saving:") + "\n"
                              + "\n".join(f"• {w}" for w in warnings))
        self.note.setVisible(bool(warnings))

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.form.focus_chain(), self.deadlines.table, self.deadlines.add_button,
            self.deadlines.remove_button, self.recipients_button, self.recipients_table,
            self.attachments.list, self.attachments.add_button, self.attachments.open_button,
            self.attachments.remove_button, self.save_button, self.cancel_button,
            self.tabs.tabBar(),
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    # ------------------------------------------------------------------ recipients

    def _recipients_changed(self) -> None:
        entries = self.recipients_model.entries()
        if entries and not self.form.type_is_tracked():
            self.recipients_summary.setText(self.tr(
                "Recipients: {totals}. Documents of this type are not tracked (Cài đặt → "
                "Loại văn bản): the recipients are only printed.").format(
                totals=totals_text(entries)))
        elif entries:
            self.recipients_summary.setText(self.tr("Recipients: {totals}").format(
                totals=totals_text(entries)))
        else:
            self.recipients_summary.setText(self.tr(
                "No recipients yet: nobody will be tracked for this document."))

    def open_recipients(self) -> None:
        as_of = self.form.date_edit.date() or self._today
        dialog = RecipientsDialog(self._db, self._runner, as_of,
                                  self.recipients_model.entries(), self)
        dialog.accepted.connect(lambda: self.recipients_model.set_entries(dialog.entries()))
        self.recipients_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ saving

    def build_input(self) -> tuple[DocumentInput, list[Problem]]:
        """The input of the fields as they stand, and what can be told wrong without the
        database (the number field, the date, the deadlines)."""
        problems = self.form.local_problems()
        try:
            number, symbol = self.form.number_symbol()
        except ValidationError:
            body = self.form.body()
            number = "1"
            symbol = derived_symbol(self.form.type_combo.currentData() or "",
                                    body.symbol if body else "", self.form.regime())
        deadlines, deadline_problems = self.deadlines.inputs()
        problems += [Problem("deadlines", p) for p in deadline_problems]
        inp = DocumentInput(number=number, symbol=symbol, deadlines=tuple(deadlines),
                            recipient_lines=tuple(lines_for(self.recipients_model.entries())),
                            **self.form.values())  # type: ignore[arg-type]
        return inp, problems

    def save(self) -> None:
        if self.saving:
            return
        self.clear_problems()
        inp, local = self.build_input()
        known = {p.field for p in local} | ({"symbol"} if any(p.field == "number" for p in local)
                                            else set())
        db = self._db
        doc_id = self._document.id if self._document is not None else None
        version = self._document.version if self._document is not None else 0

        def work(_state: TaskState) -> _Outcome:
            found = [p for p in validation_problems(db, inp, doc_id) if p.field not in known]
            if local or found:
                return _Outcome(problems=tuple(local + found))
            if doc_id is None:
                detail, sync = create_and_track(db, inp)
            else:
                detail = update_document(db, doc_id, inp, version)
                sync = sync_tracking(db, doc_id)
            return _Outcome(detail=detail, sync=sync)

        self.saving = True
        self.save_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self._runner.run(work, on_done=self._saved, on_error=self._failed, parent=self,
                         label=self.tr("Saving the document…"))

    def _saved(self, outcome: _Outcome) -> None:
        if outcome.detail is None:
            self._stop_saving()
            self.show_problems(list(outcome.problems))
            return
        detail = outcome.detail
        self._document = detail
        self.sync_result = outcome.sync
        if detail.issuing_body_id is not None:
            QSettings().setValue(_LAST_BODY, detail.issuing_body_id)
        self.attachments.copy_pending(detail.id, lambda: self._finish(detail, outcome.sync))

    def _finish(self, detail: DocumentDetail, sync: SyncResult | None) -> None:
        self._stop_saving()
        if sync is not None and (sync.orphaned or sync.inactive):
            self._report_sync(sync)
        self.saved.emit(detail)
        self.accept()

    def _report_sync(self, sync: SyncResult) -> None:
        parts = []
        if sync.orphaned:
            names = "; ".join(r.name for r in sync.orphaned[:20])
            more = self.tr(" and {count} more").format(count=len(sync.orphaned) - 20) \
                if len(sync.orphaned) > 20 else ""
            parts.append(self.tr(
                "{count} organisations are no longer recipients but already have tracking "
                "data, so their rows were kept: {names}{more}. If they should not be tracked "
                "any more, clear their data on the Tracking page.").format(
                    count=len(sync.orphaned), names=names, more=more))
        if sync.inactive:
            parts.append(self.tr(
                "These recipients did not exist on the date of issue and are not tracked: "
                "{names}. Check the date, or choose the organisation that succeeded them."
            ).format(names="; ".join(sync.inactive)))
        message.information(self, "\n\n".join(parts),
                            title=self.tr("The document was saved"))

    def reject(self) -> None:
        if not self.saving:  # a save under way finishes first (Esc does not half-cancel it)
            super().reject()

    def _stop_saving(self) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self._stop_saving()
        if isinstance(exc, ConflictError):
            answer = message.question(
                self, exc.message,
                informative=self.tr("Reload the document now? What you typed in this window "
                                    "is replaced by the newest version."),
                default=message.Button.Yes)
            if answer == message.Button.Yes:
                self.reload()
        elif isinstance(exc, ValidationError):
            self.show_problems([Problem(exc.field or "", exc.message)])
        elif isinstance(exc, AppError):
            message.error(self, exc.message)
        else:
            message.show_exception(self, exc)

    def reload(self) -> None:
        """Read the document again (after a conflict) and show its newest version."""
        if self._document is None:
            return
        self._document = get_document(self._db, self._document.id)
        self.fill(DocumentValues.from_detail(self._document))
        self.attachments.reload()

    # ------------------------------------------------------------------ problems

    def clear_problems(self) -> None:
        self.form.clear_problems()
        self.deadlines.error.clear_message()
        self.recipients_error.clear_message()
        self.general_error.clear_message()

    def show_problems(self, problems: list[Problem]) -> None:
        """Each message under its field; the first field's tab is shown and it gets focus."""
        first: tuple[int, QWidget] | None = None
        deadline_messages: list[str] = []
        general: list[str] = []
        for p in problems:
            widget = self.form.show_problem(p)
            if widget is not None:
                where = (GENERAL, widget)
            elif p.field == "deadlines":
                deadline_messages.append(p.message)
                where = (DEADLINES, self.deadlines.table)
            elif p.field == "recipient_lines":
                self.recipients_error.show_message(p.message)
                where = (RECIPIENTS, self.recipients_button)
            else:
                general.append(p.message)
                continue
            first = first or where
        if deadline_messages:
            self.deadlines.show_problems(deadline_messages)
        if general:
            self.general_error.show_message("\n".join(general))
        if first is not None:
            self.tabs.setCurrentIndex(first[0])
            first[1].setFocus()

    def problem_texts(self) -> dict[str, str]:
        """What each field's error label says now (for tests and screenshots)."""
        texts = {k: e.text() for k, e in self.form.errors.items() if not e.isHidden()}
        for key, label in (("deadlines", self.deadlines.error),
                           ("recipient_lines", self.recipients_error),
                           ("", self.general_error)):
            if not label.isHidden():
                texts[key] = label.text()
        return texts
