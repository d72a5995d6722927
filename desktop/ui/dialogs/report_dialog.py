"""Xuất văn bản Word: choose the output, its document / year / period, date, number and signer,
see the figures that will be printed, then write the file in the background.

The outputs, their needs and default file names come from
:data:`desktop.services.report_outputs.OUTPUTS`; :func:`~desktop.services.report_outputs.preview`
gives the lines shown under "Số liệu sẽ in" (recomputed on the TaskRunner a moment after a
choice changes) and :func:`~desktop.services.report_outputs.export` writes the file (on the
TaskRunner, with progress and Hủy). After writing: "Mở tệp", "Mở thư mục" and "In". A file
that cannot be written (open in Word, a full disk) is answered with "Thử lại" / "Lưu tên
khác…" as in the Excel dialogs (:func:`~.forms_common.export_failed`); the old file stays whole
(the services write to a temporary file and swap it in).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError
from desktop.domain.text import clean_line
from desktop.services import report_outputs
from desktop.services.database import Database
from desktop.services.report_outputs import OUTPUTS, ReportRequest, ReportResult
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs.file_saved_dialog import FileSavedDialog
from desktop.ui.dialogs.forms_common import (
    ask_folder,
    document_combo,
    document_label,
    export_failed,
    set_next_folder,
)
from desktop.ui.dialogs.save_dialog import remembered_folder, save_file
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit

NUMBER_FROM_REGISTER, NUMBER_BLANK, NUMBER_GIVEN = "register", "blank", "given"
PROFILES = (("", "Theo cơ quan ban hành (mặc định)"),
            ("party-36", "Đảng — Hướng dẫn 36-HD/VPTW"),
            ("state-30", "Nhà nước — Nghị định 30/2020/NĐ-CP"),
            ("party-2026", "Đảng — mẫu 2026 (chưa chính thức)"))
PREVIEW_DELAY_MS = 300


class ReportDialog(QDialog):
    """Built in code (a form that changes with the chosen output)."""

    exported = Signal(object)  # ReportResult

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None, *,
                 output: str = "ket-qua", document_id: int | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._today = today or date.today()
        self._preview_generation = 0
        self.saved_dialog: FileSavedDialog | None = None
        self.office_dialog: QDialog | None = None
        self.last_result: ReportResult | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Export a Word document"))

        self.output_combo = QComboBox()
        for spec in OUTPUTS.values():
            self.output_combo.addItem(spec.label, spec.key)
        self.document_combo = document_combo(db)  # typed search, no inline completion
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(self._today.year)
        self.period_start = DateEdit(today=self._today)
        self.period_end = DateEdit(today=self._today)
        self.period_start.set_date(date(self._today.year, 1, 1))
        self.period_end.set_date(self._today)
        self.report_date = DateEdit(today=self._today)
        self.report_date.set_date(self._today)
        self.as_of = DateEdit(required=False, today=self._today)
        self.as_of.setToolTip(self.tr("Empty: the date of the report"))
        self.number_mode = QComboBox()
        self.number_mode.addItem(self.tr("Next number of the outgoing register"),
                                 NUMBER_FROM_REGISTER)
        self.number_mode.addItem(self.tr("Leave blank for the records clerk"), NUMBER_BLANK)
        self.number_mode.addItem(self.tr("This number:"), NUMBER_GIVEN)
        self.number_edit = QLineEdit()
        self.number_edit.setMaximumWidth(90)
        self.signer_authority = QLineEdit()
        self.signer_title = QLineEdit()
        self.signer_name = QLineEdit()
        for edit in (self.signer_authority, self.signer_title, self.signer_name):
            edit.setPlaceholderText(self.tr("the office's default"))
        self.profile_combo = QComboBox()
        for key, label in PROFILES:
            self.profile_combo.addItem(label, key)
        self.letters_combo = QComboBox()
        self.letters_combo.addItem(self.tr("One letter with the list of late organisations"),
                                   "one")
        self.letters_combo.addItem(self.tr("One letter per organisation, in one file"),
                                   "per-org")
        self.letters_combo.addItem(self.tr("One letter per organisation, one file each"),
                                   "per-org-files")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(150)
        self.preview.setTabChangesFocus(True)
        self.error = ErrorLabel()

        number_row = QHBoxLayout()
        number_row.addWidget(self.number_mode, 1)
        number_row.addWidget(self.number_edit)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_start)
        period_row.addWidget(QLabel("–"))
        period_row.addWidget(self.period_end)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows: dict[str, tuple[QLabel, Any]] = {}
        for key, text, field in (
            ("output", self.tr("&Output:"), self.output_combo),
            ("document", self.tr("&Document:"), self.document_combo),
            ("year", self.tr("&Year:"), self.year_spin),
            ("period", self.tr("&Period:"), period_row),
            ("letters", self.tr("&Letters:"), self.letters_combo),
            ("date", self.tr("Date of the &report:"), self.report_date),
            ("as_of", self.tr("Figures &as of:"), self.as_of),
            ("number", self.tr("&Number:"), number_row),
            ("authority", self.tr("Signing a&uthority:"), self.signer_authority),
            ("title", self.tr("Signer's &title:"), self.signer_title),
            ("signer", self.tr("&Signer:"), self.signer_name),
            ("profile", self.tr("&Format:"), self.profile_combo),
        ):
            label = QLabel(text)
            buddy = field if isinstance(field, QWidget) else field.itemAt(0).widget()
            if isinstance(buddy, DateEdit):
                buddy = buddy.edit
            label.setBuddy(buddy)
            self.form.addRow(label, field)
            self._rows[key] = (label, field)
        # the office's values and the Word template of the chosen output
        self.office_button = QPushButton(self.tr("The o&ffice…"))
        self.office_button.setToolTip(self.tr("Header lines, symbol, place and signer printed "
                                              "by every output"))
        self.office_button.clicked.connect(self.edit_office)
        self.template_button = QPushButton(self.tr("Edit the &Word template…"))
        self.template_button.setToolTip(self.tr("Opens your own copy of this output's template "
                                                "in Word; your copy is used from then on"))
        self.template_button.clicked.connect(self.edit_template)
        self.restore_button = QPushButton(self.tr("Restore the &default template"))
        self.restore_button.clicked.connect(self.restore_template)
        self.template_label = QLabel()
        self.template_label.setEnabled(False)
        tools = QHBoxLayout()
        for button in (self.office_button, self.template_button, self.restore_button):
            button.setAutoDefault(False)
            tools.addWidget(button)
        tools.addStretch(1)
        preview_label = QLabel(self.tr("&Figures that will be printed:"))
        preview_label.setBuddy(self.preview)

        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        assert close is not None
        close.setText(self.tr("Close"))
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(tools)
        layout.addWidget(self.template_label)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.output_combo.currentIndexChanged.connect(self._output_changed)
        self.number_mode.currentIndexChanged.connect(self._number_mode_changed)
        self.letters_combo.currentIndexChanged.connect(lambda _i: self._show_template())
        for signal in (self.document_combo.currentIndexChanged, self.year_spin.valueChanged,
                       self.letters_combo.currentIndexChanged,
                       self.profile_combo.currentIndexChanged):
            signal.connect(self._changed)
        for edit in (self.period_start, self.period_end, self.report_date, self.as_of):
            edit.edit.editingFinished.connect(self._changed)

        self.set_output(output)
        if document_id is not None:
            self.set_document(document_id)
        self._number_mode_changed()
        self._output_changed()
        resize_to_fit(self, 760, 640)
    # ------------------------------------------------------------------ choices

    def set_output(self, key: str) -> None:
        self.output_combo.setCurrentIndex(max(self.output_combo.findData(key), 0))

    def set_document(self, document_id: int) -> None:
        index = self.document_combo.findData(document_id)
        if index >= 0:
            self.document_combo.setCurrentIndex(index)

    @property
    def output(self) -> str:
        return str(self.output_combo.currentData())

    def _output_changed(self, _index: int = 0) -> None:
        needs = OUTPUTS[self.output].needs
        shown = {"document": "document" in needs, "year": "year" in needs,
                 "period": "period" in needs, "letters": self.output == "don-doc",
                 "as_of": bool(needs & {"document", "year"})}
        for key, visible in shown.items():
            self.form.setRowVisible(self._rows[key][0], visible)
        self._show_template()
        self._changed()

    # ------------------------------------------------------------------ office and template

    def template_names(self) -> list[str]:
        """The template(s) the chosen output fills (the per-organisation letter has its own)."""
        if self.output == "don-doc" and self.letters_combo.currentData() != "one":
            return ["don-doc-don-vi"]
        return [self.output]

    def _show_template(self) -> None:
        from desktop.reports.templates import template_for

        info = template_for(self.template_names()[0])
        self.template_label.setText(
            self.tr("Template: your edited copy ({path})").format(path=info.path)
            if info.is_user_copy else self.tr("Template: the default one"))
        self.restore_button.setEnabled(info.is_user_copy)

    def edit_office(self) -> None:
        from desktop.ui.dialogs.office_dialog import OfficeDialog

        dialog = OfficeDialog(self._db, self)
        dialog.finished.connect(lambda _code: (dialog.deleteLater(), self._changed()))
        dialog.open()
        self.office_dialog = dialog

    def edit_template(self) -> None:
        from desktop.reports.templates import edit_copy

        path = edit_copy(self.template_names()[0])
        self._show_template()
        try:
            template_opener(path)
        except OSError as exc:
            self.error.show_message(self.tr("Open this file in Word to edit it: {path} "
                                            "({error})").format(path=path, error=exc))

    def restore_template(self) -> None:
        from desktop.reports.templates import restore_default

        restore_default(self.template_names()[0])  # the edited copy is kept as .docx.bak
        self._show_template()

    def _number_mode_changed(self, _index: int = 0) -> None:
        given = self.number_mode.currentData() == NUMBER_GIVEN
        self.number_edit.setEnabled(given)
        if given:
            self.number_edit.setFocus()

    def _changed(self, *_args: object) -> None:
        self._preview_timer.start()

    # ------------------------------------------------------------------ the request

    def request(self) -> ReportRequest:
        """The clerk's choices; a ValidationError names the field to fix."""
        from desktop.domain.errors import ValidationError

        needs = OUTPUTS[self.output].needs
        document_id = self.document_combo.currentData() if "document" in needs else None
        if "document" in needs and document_id is None:
            raise ValidationError(self.tr("Choose the document first."), "document")
        dates: dict[str, date | None] = {}
        for key, edit, label in (("report_date", self.report_date, self.tr("the report date")),
                                 ("as_of", self.as_of, self.tr("the figures' date")),
                                 ("period_start", self.period_start, self.tr("the period")),
                                 ("period_end", self.period_end, self.tr("the period"))):
            if edit.problem():
                raise ValidationError(self.tr("Check {what}: {problem}").format(
                    what=label, problem=edit.problem()), key)
            dates[key] = edit.date()
        if "period" not in needs:
            dates["period_start"] = dates["period_end"] = None
        mode = self.number_mode.currentData()
        number = {NUMBER_FROM_REGISTER: None, NUMBER_BLANK: ""}.get(
            mode, clean_line(self.number_edit.text()))

        def text(edit: QLineEdit) -> str | None:
            return clean_line(edit.text()) or None

        return ReportRequest(
            output=self.output, document_id=document_id,
            year=self.year_spin.value() if "year" in needs else None,
            period_start=dates["period_start"], period_end=dates["period_end"],
            report_date=dates["report_date"] or self._today, as_of=dates["as_of"],
            number=number, signer_authority=text(self.signer_authority),
            signer_title=text(self.signer_title), signer_name=text(self.signer_name),
            profile=self.profile_combo.currentData() or None,
            letters=str(self.letters_combo.currentData()) if self.output == "don-doc" else "one",
        )

    # ------------------------------------------------------------------ preview

    def done(self, result: int) -> None:
        self._preview_timer.stop()  # no preview query for a dialog being closed
        for child in (self.saved_dialog, self.office_dialog):
            if child is not None and child.isVisible():
                child.close()
        super().done(result)

    def refresh_preview(self) -> None:
        if not self.isVisible() or self._runner.closed:
            return
        try:
            request = self.request()
        except AppError as exc:
            self.preview.setPlainText(exc.message)
            return
        self._preview_generation += 1
        generation, db = self._preview_generation, self._db
        self.preview.setPlainText(self.tr("Counting…"))

        def done(lines: list[str]) -> None:
            if generation == self._preview_generation:
                self.preview.setPlainText("\n".join(lines))

        def failed(exc: BaseException) -> None:
            if generation == self._preview_generation:
                self.preview.setPlainText(exc.message if isinstance(exc, AppError)
                                          else self.tr("The figures could not be read."))

        self._runner.run(lambda _s: report_outputs.preview(db, request), on_done=done,
                         on_error=failed, show_progress=False, parent=self)

    # ------------------------------------------------------------------ export

    def _document_label(self) -> str:
        if "document" not in OUTPUTS[self.output].needs:
            return ""
        return document_label(self.document_combo)

    def _target(self, request: ReportRequest) -> Path | None:
        spec = OUTPUTS[self.output]
        if request.letters == "per-org-files":
            return ask_folder(self, self.tr("Folder for the letters"),
                              remembered_folder("word_report"))
        return save_file(self, self.tr("Export a Word document"),
                         spec.default_name(request, self._document_label()),
                         self.tr("Word document (*.docx)"), "word_report", ".docx")

    def export(self) -> None:
        if self.busy:
            return
        try:
            request = self.request()
        except AppError as exc:
            self.error.show_message(exc.message)
            return
        self.error.clear_message()
        path = self._target(request)
        if path is not None:
            self._run(request, path)

    def _run(self, request: ReportRequest, path: Path) -> None:
        db = self._db

        def work(state: TaskState) -> ReportResult:
            return report_outputs.export(db, request, path, state.progress)

        self.busy = True
        self.export_button.setEnabled(False)
        self._runner.run(work, on_done=self._done,
                         on_error=lambda exc: self._failed(exc, request, path),
                         on_cancelled=self._cancelled,
                         label=self.tr("Writing the Word document…"), parent=self)

    def _idle(self) -> None:
        self.busy = False
        self.export_button.setEnabled(True)

    def _done(self, result: ReportResult) -> None:
        self._idle()
        self.last_result = result
        if self.saved_dialog is not None:
            self.saved_dialog.deleteLater()
        self.saved_dialog = FileSavedDialog(result.paths[0], result.summary, self,
                                            printable=True)
        self.saved_dialog.open()
        self.exported.emit(result)

    def _cancelled(self) -> None:
        self._idle()
        self.error.show_message(self.tr("Cancelled; no file was written."))

    def _failed(self, exc: BaseException, request: ReportRequest, path: Path) -> None:
        self._idle()

        def elsewhere() -> None:
            again = self._target(request)
            if again is not None:
                self._run(request, again)

        export_failed(self, exc, self.error, self.tr("Save &as…"),
                      lambda: self._run(request, path), elsewhere)


def _open_with_system(path: Path) -> None:
    from desktop.services import winsys

    winsys.open_file(path)


#: How "Sửa mẫu Word…" opens the template (tests replace it to capture the call).
template_opener = _open_with_system

# set_next_folder (the folder seam of forms_common, shared with the Excel dialogs) queues the
# folder "chosen" for one-file-per-organisation letters.
__all__ = ["ReportDialog", "set_next_folder"]
