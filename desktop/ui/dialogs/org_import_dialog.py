"""Nhập danh sách đơn vị từ Excel: choose a file, see exactly what would change, then apply.

1. "Chọn tệp…" → :func:`~desktop.services.org_import.plan_org_import` on the task runner
   (nothing is written). A workbook with several visible sheets gets a sheet chooser; the
   column mapping (header → field) appears by itself when some headers were not recognised, and
   "Xem trước lại" plans again with the sheet, mapping and date chosen.
2. The preview: one summary line, then — first and in red when there are any — the problems,
   each with its cell (``'Danh sách'!C17``), field and reason; "Áp dụng" stays disabled and a
   sentence says nothing will be written until they are fixed in Excel. Otherwise the
   creations, the field-by-field changes (before → after), the new figures and the warnings.
   A refused file (:class:`~desktop.services.workbook_safety.WorkbookError`: not an .xlsx,
   password, zip bomb…) shows its Vietnamese message and problems the same way.
3. "Áp dụng" (Alt+A) runs :func:`~desktop.services.org_import.apply_org_import` (all or
   nothing) with progress and reports what was written; "Hủy" writes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, ConflictError
from desktop.domain.numbers import format_int
from desktop.services.database import Database
from desktop.services.org_import_fields import FIELDS, ColumnInfo
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.models import import_preview_model as preview
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.read_only_table import read_only_table
from desktop.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from desktop.services.org_import import ImportPlan, ImportResult

PROBLEMS, CREATES, CHANGES, FIGURES, WARNINGS = range(5)
_WRAPPED_ROWS = 500  # problems shown on several lines up to this many (it costs a layout each)


class OrgImportDialog(QDialog):
    """The import, from choosing the file to the applied result."""

    imported = Signal(object)  # ImportResult

    def __init__(self, db: Database, runner: TaskRunner, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.busy = False
        self._path: Path | None = None
        self._combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("Import the organisation list from Excel"))

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.path.setPlaceholderText(self.tr("no file chosen (.xlsx)"))
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.sheet = QComboBox()
        self.sheet_label = QLabel(self.tr("S&heet:"))
        self.sheet_label.setBuddy(self.sheet)
        self.as_of = DateEdit(required=True, today=today)
        self.as_of.set_date(today or date.today())
        self.as_of.edit.setMaximumWidth(130)
        as_of_label = QLabel(self.tr("Figures as of &date:"))
        as_of_label.setBuddy(self.as_of)
        self.replan_button = QPushButton(self.tr("Pre&view again"))
        self.mapping_button = QPushButton(self.tr("Match &columns…"))
        self.mapping_button.setCheckable(True)
        for button in (self.choose_button, self.replan_button, self.mapping_button):
            button.setAutoDefault(False)

        self.mapping_form = QFormLayout()
        mapping_box = QWidget()
        mapping_box.setLayout(self.mapping_form)
        self.mapping = QScrollArea()
        self.mapping.setWidget(mapping_box)
        self.mapping.setWidgetResizable(True)
        self.mapping.setMaximumHeight(170)
        self.mapping.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its combos take the focus
        self.mapping.hide()

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = ErrorLabel()
        font = self.banner.font()
        font.setBold(True)
        self.banner.setFont(font)

        self.problems_model = preview.problems_model(self)
        self.creates_model = preview.creations_model(self)
        self.changes_model = preview.changes_model(self)
        self.figures_model = preview.denominators_model(self)
        self.problems = read_only_table(self.problems_model, 2, (150, 130), alternate=True)
        self.problems.setWordWrap(True)  # the reasons are sentences: read them whole
        self.creates = read_only_table(self.creates_model, 1, (60, 0, 100, 250, 190),
                                       alternate=True)
        self.changes = read_only_table(self.changes_model, 1, (60, 0, 130, 200, 200),
                                       alternate=True)
        self.figures = read_only_table(self.figures_model, 1, (60, 0, 220, 220), alternate=True)
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.tabs = QTabWidget()
        for view in (self.problems, self.creates, self.changes, self.figures, self.warnings):
            self.tabs.addTab(view, "")

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("&Apply"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setDefault(True)
        # Alt+A whatever the translation underlines (“&Áp dụng” would make it Alt+Á)
        self.apply_button.setShortcut(QKeySequence("Alt+A"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("File:"))
        file_row.addWidget(file_label)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        options = QHBoxLayout()
        options.addWidget(self.sheet_label)
        options.addWidget(self.sheet, 1)
        options.addWidget(as_of_label)
        options.addWidget(self.as_of)
        options.addWidget(self.mapping_button)
        options.addWidget(self.replan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(options)
        layout.addWidget(self.mapping)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.replan_button.clicked.connect(lambda: self.replan())
        self.mapping_button.toggled.connect(self.mapping.setVisible)
        self.sheet.activated.connect(lambda _i: self.replan(keep_mapping=False))
        self.as_of.date_changed.connect(lambda _d: self._mark_stale())
        resize_to_fit(self, 900, 600)
        self.sheet.hide()
        self.sheet_label.hide()
        self._show_plan(None)
        self._set_busy(False)
        self.choose_button.setFocus()

    # ------------------------------------------------------------------ planning

    def choose_file(self) -> None:
        paths = file_dialogs.open_files(
            self, self.tr("Choose the Excel file with the organisation list"),
            self.tr("Excel workbooks (*.xlsx *.xlsm)"), "org_import")
        if paths:
            self.load_file(paths[0])

    def load_file(self, path: str | Path) -> None:
        """Plan the import of ``path`` from its first visible sheet, columns as recognised."""
        self._path = Path(path)
        self.path.setText(str(self._path))
        self._start_plan(None, None)

    def replan(self, *, keep_mapping: bool = True) -> None:
        if self._path is None:
            return
        sheet = self.sheet.currentText() if self.sheet.count() else None
        self._start_plan(sheet, self.column_map() if keep_mapping else None)

    def column_map(self) -> dict[str, str | None]:
        return {letter: combo.currentData() for letter, combo in self._combos.items()}

    def _start_plan(self, sheet: str | None, column_map: dict[str, str | None] | None) -> None:
        if not self.as_of.check():
            return
        from desktop.services.org_import import plan_org_import

        db, path, day = self._db, self._path, self.as_of.date()
        assert path is not None
        self._set_busy(True)
        self.summary.setText(self.tr("Reading “{file}”…").format(file=path.name))

        def work(_state: TaskState) -> ImportPlan:
            return plan_org_import(db, path, sheet=sheet, as_of=day, column_map=column_map)

        self._runner.run(work, on_done=self._planned, on_error=self._plan_failed,
                         on_cancelled=lambda: self._set_busy(False),
                         label=self.tr("Reading the Excel file…"), parent=self)

    def _planned(self, plan: ImportPlan) -> None:
        self._fill_sheets(plan)
        self._fill_mapping(plan.columns)
        self._set_busy(False)
        if plan.unmapped_headers or not any(c.field == "name" for c in plan.columns):
            self.mapping_button.setChecked(True)
        self._show_plan(plan)
        self.tabs.currentWidget().setFocus()  # the keyboard goes on to what is shown

    def _plan_failed(self, exc: BaseException) -> None:
        from desktop.services.workbook_safety import WorkbookError

        self._set_busy(False)
        self._show_plan(None)
        if isinstance(exc, WorkbookError):
            self._show_problems(exc.problems, exc.message)
        elif isinstance(exc, AppError):
            self.banner.show_message(exc.message)
        else:
            message.show_exception(self, exc)

    def _fill_sheets(self, plan: ImportPlan) -> None:
        visible = [title for title, shown in plan.sheets if shown]
        self.sheet.clear()
        self.sheet.addItems(visible)
        self.sheet.setCurrentText(plan.sheet)
        several = len(visible) > 1
        self.sheet.setVisible(several)
        self.sheet_label.setVisible(several)

    def _fill_mapping(self, columns: tuple[ColumnInfo, ...]) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self._combos = {}
        for column in columns:
            combo = QComboBox()
            combo.addItem(self.tr("(ignore this column)"), None)
            for spec in FIELDS:
                combo.addItem(spec.label, spec.key)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.activated.connect(lambda _i: self._mark_stale())
            header = column.header or self.tr("(no header)")
            self.mapping_form.addRow(f"{column.letter} — {header}", combo)
            self._combos[column.letter] = combo
        chain = [self.replan_button, *self._combos.values(), self.tabs.tabBar()]
        for first, second in zip(chain, chain[1:], strict=False):  # new combos come last else
            QWidget.setTabOrder(first, second)

    def _mark_stale(self) -> None:
        if self.plan is not None and not self.busy:
            self.apply_button.setEnabled(False)
            self.banner.show_message(self.tr("The options changed: press “Preview again” to "
                                             "see what the import would do."))

    # ------------------------------------------------------------------ preview

    def _show_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.banner.clear_message()
        self.problems_model.set_rows(preview.problem_rows(plan.problems) if plan else [])
        self.creates_model.set_rows(preview.creation_rows(plan) if plan else [])
        self.changes_model.set_rows(preview.change_rows(plan) if plan else [])
        self.figures_model.set_rows(preview.denominator_rows(plan) if plan else [])
        self.warnings.clear()
        if plan is not None:
            self.warnings.addItems(list(plan.warnings))
            self.warnings.addItems([self.tr("Row {row} skipped: {reason}").format(
                row=format_int(s.row), reason=s.reason) for s in plan.skipped])
        self._update_tabs()
        if plan is None:
            self.summary.setText("" if self._path else self.tr(
                "Choose the Excel file (.xlsx) with the list of organisations. Nothing is "
                "written before you have seen what would change and pressed “Apply”."))
            self.apply_button.setEnabled(False)
            return
        first, last = plan.header_rows
        self.summary.setText(self.tr(
            "“{file}”, sheet “{sheet}”: headers on row {header}, {rows} organisations read. "
            "New {creates}, changed {updates}, unchanged {unchanged}; new party cell and "
            "member figures {figures}.").format(
            file=plan.path.name, sheet=plan.sheet,
            header=str(first) if first == last else f"{first}–{last}",
            rows=format_int(plan.rows_read), creates=format_int(len(plan.creates)),
            updates=format_int(len(plan.updates)), unchanged=format_int(plan.unchanged),
            figures=format_int(len(plan.denominators))))
        if plan.problems:
            self._show_problems(plan.problems, "")
        elif plan.is_empty:
            self.banner.show_message(self.tr("Nothing to change: the database already matches "
                                             "the file."))
        self.apply_button.setEnabled(plan.ok and not plan.is_empty)

    def _show_problems(self, problems: Any, reason: str) -> None:
        self.problems_model.set_rows(preview.problem_rows(problems))
        if len(problems) <= _WRAPPED_ROWS:
            self.problems.resizeRowsToContents()
        lead = reason or self.tr("The file has {count} problems.").format(
            count=format_int(len(problems)))
        self.banner.show_message(lead + " " + self.tr(
            "Nothing will be written until they are fixed in Excel; then press “Preview "
            "again”."))
        self.apply_button.setEnabled(False)
        self._update_tabs()

    def _update_tabs(self) -> None:
        counts = {PROBLEMS: self.problems_model.rowCount(),
                  CREATES: self.creates_model.rowCount(),
                  CHANGES: self.changes_model.rowCount(),
                  FIGURES: self.figures_model.rowCount(), WARNINGS: self.warnings.count()}
        titles = {PROBLEMS: self.tr("&Problems ({count})"), CREATES: self.tr("&New ({count})"),
                  CHANGES: self.tr("Chan&ges ({count})"),
                  FIGURES: self.tr("F&igures ({count})"), WARNINGS: self.tr("&Notes ({count})")}
        for tab, title in titles.items():
            self.tabs.setTabText(tab, title.format(count=format_int(counts[tab])))
        self.tabs.setTabVisible(PROBLEMS, counts[PROBLEMS] > 0)
        if counts[PROBLEMS]:
            self.tabs.setCurrentIndex(PROBLEMS)
        elif self.tabs.currentIndex() == PROBLEMS or not counts[self.tabs.currentIndex()]:
            first = next((t for t in (CREATES, CHANGES, FIGURES, WARNINGS) if counts[t]),
                         CREATES)
            self.tabs.setCurrentIndex(first)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.choose_button, self.sheet, self.mapping):
            widget.setEnabled(not busy)
        self.replan_button.setEnabled(not busy and self._path is not None)
        self.mapping_button.setEnabled(not busy and bool(self._combos))
        if busy:
            self.apply_button.setEnabled(False)

    # ------------------------------------------------------------------ applying

    def apply(self) -> None:
        plan = self.plan
        if plan is None or self.busy or not self.apply_button.isEnabled():
            return
        from desktop.services.org_import import apply_org_import

        db = self._db
        self._set_busy(True)
        self.summary.setText(self.tr("Writing to the database…"))
        self._runner.run(lambda _state: apply_org_import(db, plan), on_done=self._applied,
                         on_error=self._apply_failed, on_cancelled=lambda: self._show_plan(plan),
                         label=self.tr("Importing the organisation list…"), parent=self)

    def _applied(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.result = result
        message.information(self, self.tr(
            "Import finished: {created} organisations created, {updated} changed, new figures "
            "for {figures}.").format(created=format_int(result.created),
                                     updated=format_int(result.updated),
                                     figures=format_int(result.denominators)))
        self.imported.emit(result)
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_plan(self.plan)
        if isinstance(exc, ConflictError):
            answer = message.question(self, exc.message, informative=self.tr(
                "Preview the file again now?"), default=message.Button.Yes)
            if answer == message.Button.Yes:
                self.replan()
        elif isinstance(exc, AppError):
            self.banner.show_message(exc.message)
            self.apply_button.setEnabled(False)
        else:
            message.show_exception(self, exc)

    def reject(self) -> None:
        if self.busy:  # the worker is reading or writing: Hủy of its progress dialog stops it
            return
        super().reject()
