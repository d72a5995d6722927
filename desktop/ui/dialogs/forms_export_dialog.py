"""Gửi phiếu Excel cho các đơn vị: one collection form per organisation, into a folder.

The clerk chooses the document (typed and found with Enter), optionally one "Nơi nhận" group,
the organisations that must report (the level of the report deadline) or every recipient, and
the folder — proposed as ``<last folder>/Phieu-15-CT-TU``, the parent remembered. How many
forms that makes is counted on the TaskRunner a moment after a choice changes
(:func:`~desktop.services.forms_export.form_targets`). "Tạo phiếu" runs
:func:`~desktop.services.forms_export.export_forms` on the TaskRunner with progress and Hủy (a
cancelled export removes the forms it had created, and only those); then the dialog says
"Đã tạo 45 phiếu cho 45 đơn vị trong …" and offers "Mở thư mục".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError
from desktop.domain.numbers import format_int
from desktop.services.database import Database
from desktop.services.forms_export import export_forms, form_targets, forms_folder_name
from desktop.services.org_groups import list_groups
from desktop.tasks.runner import Task, TaskRunner, TaskState
from desktop.ui.dialogs.forms_common import (
    choose_folder,
    document_combo,
    document_label,
    export_failed,
    remember_folder,
)
from desktop.ui.dialogs.save_dialog import remembered_folder
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from desktop.services.forms_export import FormsExportResult

PURPOSE = "forms_export"
COUNT_DELAY_MS = 300


class FormsExportDialog(QDialog):
    """Built in code; stays open after the export to offer "Mở thư mục"."""

    exported = Signal(object)  # FormsExportResult

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        document_id: int | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._today = today or date.today()
        self._generation = 0
        self._folder_chosen = False
        self.busy = False
        self.result: FormsExportResult | None = None
        self.task: Task[FormsExportResult] | None = None
        self.setWindowTitle(self.tr("Send Excel forms to the organisations"))

        self.document_combo = document_combo(db, document_id)
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("(every group)"), "")
        for g in list_groups(db, self._today):
            self.group_combo.addItem(g.name, g.name)
        self.levels_combo = QComboBox()
        self.levels_combo.addItem(self.tr("The organisations that must report"), False)
        self.levels_combo.addItem(self.tr("Every recipient of the document"), True)
        self.levels_combo.setToolTip(
            self.tr(
                "The organisations that must report are those of the level the report deadline "
                "names (their form holds the figures of their party cells)."
            )
        )
        self.folder_edit = QLineEdit()
        self.folder_button = QPushButton(self.tr("C&hoose…"))
        self.folder_button.setAutoDefault(False)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = ErrorLabel()

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field, buddy in (
            (self.tr("&Document:"), self.document_combo, self.document_combo),
            (self.tr("&Group:"), self.group_combo, self.group_combo),
            (self.tr("Send &to:"), self.levels_combo, self.levels_combo),
            (self.tr("&Folder:"), folder_row, self.folder_edit),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)

        self.export_button = QPushButton(self.tr("&Create the forms"))
        self.export_button.setDefault(True)
        self.open_folder_button = QPushButton(self.tr("&Open the folder"))
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.setAutoDefault(False)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self.open_folder_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setTabOrder(self.folder_edit, self.folder_button)
        self.setTabOrder(self.folder_button, self.export_button)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.count)
        self.document_combo.currentIndexChanged.connect(self._document_changed)
        self.group_combo.currentIndexChanged.connect(lambda _i: self._count_timer.start())
        self.levels_combo.currentIndexChanged.connect(lambda _i: self._count_timer.start())
        self.folder_edit.textEdited.connect(self._folder_typed)
        self.folder_button.clicked.connect(self._choose_folder)
        self._document_changed()
        resize_to_fit(self, 720, 300)
    # ------------------------------------------------------------------ choices

    @property
    def document_id(self) -> int | None:
        value = self.document_combo.currentData()
        return int(value) if value is not None else None

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text) if text else None

    def _document_changed(self, _index: int = 0) -> None:
        if not self._folder_chosen:
            name = forms_folder_name(document_label(self.document_combo))
            self.folder_edit.setText(str(remembered_folder(PURPOSE) / name))
        self._count_timer.start()

    def _folder_typed(self, _text: str) -> None:
        self._folder_chosen = True

    def _choose_folder(self) -> None:
        chosen = choose_folder(self, self.tr("Folder for the forms"), PURPOSE, self.folder())
        if chosen is not None:
            self._folder_chosen = True
            self.folder_edit.setText(str(chosen))

    def _options(self) -> tuple[str | None, bool]:
        return self.group_combo.currentData() or None, bool(self.levels_combo.currentData())

    def count(self) -> None:
        """How many forms the choices make (on the TaskRunner; the newest count wins)."""
        document_id = self.document_id
        if document_id is None:
            self.count_label.setText(self.tr("Choose the document first."))
            return
        self._generation += 1
        generation, db = self._generation, self._db
        group, all_levels = self._options()

        def done(n: int) -> None:
            if generation == self._generation:
                self.count_label.setText(
                    self.tr("{count} organisations will get a form.").format(count=format_int(n))
                )

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.count_label.setText(
                    exc.message
                    if isinstance(exc, AppError)
                    else self.tr("The organisations could not be counted.")
                )

        self._runner.run(
            lambda _s: len(form_targets(db, document_id, group=group, all_levels=all_levels)),
            on_done=done,
            on_error=failed,
            show_progress=False,
            parent=self,
        )

    # ------------------------------------------------------------------ export

    def export(self) -> None:
        if self.busy:
            return
        folder, document_id = self.folder(), self.document_id
        if document_id is None:
            self.error.show_message(self.tr("Choose the document first."))
            return
        if folder is None:
            self.error.show_message(self.tr("Choose the folder for the forms."))
            self.folder_edit.setFocus()
            return
        self._run(document_id, folder)

    def _run(self, document_id: int, folder: Path) -> None:
        db = self._db
        group, all_levels = self._options()
        before = _workbooks(folder)

        def work(state: TaskState) -> FormsExportResult:
            return export_forms(
                db, document_id, folder, group=group, all_levels=all_levels, progress=state.progress
            )

        self.error.clear_message()
        self.summary.clear()
        self._set_busy(True)
        self.task = self._runner.run(
            work,
            on_done=self._done,
            on_error=lambda exc: self._failed(exc, document_id, folder),
            on_cancelled=lambda: self._cancelled(folder, before),
            label=self.tr("Creating the forms…"),
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def _done(self, result: FormsExportResult) -> None:
        self._set_busy(False)
        self.result = result
        remember_folder(PURPOSE, result.folder.parent)
        count = format_int(len(result.files))
        self.summary.setText(
            self.tr(
                "{forms} forms were created for {orgs} organisations in “{folder}” ({seconds} "
                "seconds). Send each organisation its own file."
            ).format(
                forms=count,
                orgs=count,
                folder=str(result.folder),
                seconds=f"{result.seconds:.1f}".replace(".", ","),
            )
        )
        self.open_folder_button.setEnabled(True)
        self.open_folder_button.setDefault(True)
        self.open_folder_button.setFocus()
        self.exported.emit(result)

    def _cancelled(self, folder: Path, before: set[Path]) -> None:
        self._set_busy(False)
        for path in _workbooks(folder) - before:  # the forms of this export, none older
            path.unlink(missing_ok=True)
        self.error.show_message(self.tr("Cancelled; the forms created so far were removed."))

    def _failed(self, exc: BaseException, document_id: int, folder: Path) -> None:
        self._set_busy(False)

        def elsewhere() -> None:
            self._choose_folder()
            chosen = self.folder()
            if chosen is not None and chosen != folder:
                self._run(document_id, chosen)

        export_failed(
            self,
            exc,
            self.error,
            self.tr("Another &folder…"),
            lambda: self._run(document_id, folder),
            elsewhere,
        )

    def open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def reject(self) -> None:
        if self.busy:  # Hủy of the progress dialog stops the export
            return
        super().reject()

    def hideEvent(self, event: QHideEvent) -> None:
        self._count_timer.stop()  # no count for a closed dialog
        super().hideEvent(event)


def _workbooks(folder: Path) -> set[Path]:
    try:
        return {p for p in folder.iterdir() if p.suffix.lower() == ".xlsx"}
    except OSError:
        return set()
