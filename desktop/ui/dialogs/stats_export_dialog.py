"""Xuất bảng thống kê Excel: per document (a summary sheet and one sheet per group) or per year
(one line per document), figures as of a date.

"Xuất…" asks where to save (``Bieu-thong-ke-15-CT-TU-30-11-2026.xlsx`` /
``Bieu-thong-ke-nam-2026.xlsx`` in the folder used last time), writes the workbook on the
TaskRunner (:func:`~desktop.services.stats_export.export_document_stats` /
:func:`~desktop.services.stats_export.export_year_stats`, through a temporary file), then shows
a :class:`~.file_saved_dialog.FileSavedDialog` ("Mở tệp", "Mở thư mục", "In"). A file open in
Excel is answered with "Thử lại" / "Lưu tên khác…"; the old file stays whole.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.numbers import format_int
from desktop.services.database import Database
from desktop.services.forms_export import forms_folder_name
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs.file_saved_dialog import FileSavedDialog
from desktop.ui.dialogs.forms_common import document_combo, document_label, export_failed
from desktop.ui.dialogs.save_dialog import save_file
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from desktop.services.stats_export import StatsExportResult

PURPOSE = "stats_export"
BY_DOCUMENT, BY_YEAR = "document", "year"


class StatsExportDialog(QDialog):
    """Choose what to count and the date; the file is written in the background."""

    exported = Signal(object)  # StatsExportResult

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
        self.busy = False
        self.saved_dialog: FileSavedDialog | None = None
        self.result: StatsExportResult | None = None
        self.setWindowTitle(self.tr("Export a statistics workbook (Excel)"))

        self.mode_combo = QComboBox()
        self.mode_combo.addItem(
            self.tr("One document: a summary and one sheet per group"), BY_DOCUMENT
        )
        self.mode_combo.addItem(self.tr("One year: one line per document"), BY_YEAR)
        self.document_combo = document_combo(db, document_id)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(self._today.year)
        self.as_of = DateEdit(required=True, today=self._today)
        self.as_of.set_date(self._today)
        self.as_of.edit.setMaximumWidth(130)
        self.error = ErrorLabel()

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        for key, text, field, buddy in (
            ("mode", self.tr("&What:"), self.mode_combo, self.mode_combo),
            ("document", self.tr("&Document:"), self.document_combo, self.document_combo),
            ("year", self.tr("&Year:"), self.year_spin, self.year_spin),
            ("as_of", self.tr("Figures &as of:"), self.as_of, self.as_of.edit),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            self.form.addRow(label, field)
            self._labels[key] = label

        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setDefault(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()
        resize_to_fit(self, 680, 220)
    @property
    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(mode), 0))

    def _mode_changed(self, _index: int = 0) -> None:
        by_document = self.mode == BY_DOCUMENT
        self.form.setRowVisible(self._labels["document"], by_document)
        self.form.setRowVisible(self._labels["year"], not by_document)

    def default_name(self, as_of: date) -> str:
        if self.mode == BY_YEAR:
            return f"Bieu-thong-ke-nam-{self.year_spin.value()}.xlsx"
        slug = forms_folder_name(document_label(self.document_combo)).removeprefix("Phieu-")
        return f"Bieu-thong-ke-{slug}-{as_of:%d-%m-%Y}.xlsx"

    def export(self) -> None:
        if self.busy:
            return
        if not self.as_of.check():
            self.as_of.edit.setFocus()
            return
        as_of = self.as_of.date()
        assert as_of is not None
        if self.mode == BY_DOCUMENT and self.document_combo.currentData() is None:
            self.error.show_message(self.tr("Choose the document first."))
            return
        self.error.clear_message()
        path = save_file(
            self,
            self.tr("Export a statistics workbook"),
            self.default_name(as_of),
            self.tr("Excel workbook (*.xlsx)"),
            PURPOSE,
            ".xlsx",
        )
        if path is not None:
            self._run(path, as_of)

    def _run(self, path: Path, as_of: date) -> None:
        from desktop.services.stats_export import export_document_stats, export_year_stats

        db, mode = self._db, self.mode
        document_id, year = self.document_combo.currentData(), self.year_spin.value()

        def work(_state: TaskState) -> StatsExportResult:
            if mode == BY_YEAR:
                return export_year_stats(db, year, path, as_of=as_of)
            return export_document_stats(db, int(document_id), path, as_of=as_of)

        self.busy = True
        self.export_button.setEnabled(False)
        self._runner.run(
            work,
            on_done=self._done,
            on_error=lambda exc: self._failed(exc, path, as_of),
            on_cancelled=self._idle,
            label=self.tr("Writing the statistics workbook…"),
            parent=self,
        )

    def _idle(self) -> None:
        self.busy = False
        self.export_button.setEnabled(True)

    def _done(self, result: StatsExportResult) -> None:
        self._idle()
        self.result = result
        if self.mode == BY_YEAR:
            text = self.tr("The statistics of {count} documents of {year} were exported.").format(
                count=format_int(result.lines), year=self.year_spin.value()
            )
        else:
            text = self.tr(
                "The statistics of {document} were exported: {sheets} sheets, "
                "{lines} organisations."
            ).format(
                document=document_label(self.document_combo),
                sheets=format_int(result.sheets),
                lines=format_int(result.lines),
            )
        if self.saved_dialog is not None:
            self.saved_dialog.deleteLater()
        self.saved_dialog = FileSavedDialog(result.path, text, self, printable=True)
        self.saved_dialog.open()
        self.exported.emit(result)

    def _failed(self, exc: BaseException, path: Path, as_of: date) -> None:
        self._idle()

        def elsewhere() -> None:
            again = save_file(
                self,
                self.tr("Export a statistics workbook"),
                path.name,
                self.tr("Excel workbook (*.xlsx)"),
                PURPOSE,
                ".xlsx",
            )
            if again is not None:
                self._run(again, as_of)

        export_failed(
            self, exc, self.error, self.tr("Save &as…"), lambda: self._run(path, as_of), elsewhere
        )

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()
