"""Đọc phiếu Excel đã nhận: choose the returned forms, see what each would change, then apply.

1. "Chọn tệp…" (several files), "Chọn thư mục…" (its workbooks), or files dropped on the dialog
   → :func:`~desktop.services.forms_import.plan_forms_import` on the TaskRunner (nothing is
   written).
2. The files table (:class:`~desktop.ui.models.forms_import_model.FormFileModel`): status in
   colour with a readable reason. For the chosen file (:mod:`.forms_import_detail`): its figures
   against the database (old value → file value; a conflict is kept unless the clerk ticks
   "lấy giá trị trong tệp", or presses "Lấy hết giá trị trong tệp" for every conflict), its
   problems named by cell (``'Phiếu báo cáo'!C18: …``), text typed in TCVN3/VNI (before →
   after; "Chuyển sang Unicode" / "Giữ nguyên" reads the files again with that choice) and
   notes. A file matched by name (no hidden identity) is written only once the clerk ticks it
   ("Xác nhận").
3. "Cập nhật" (Alt+C) applies the accepted and confirmed files in ONE transaction
   (:func:`~desktop.services.forms_import.apply_forms_import` with ``only_accepted=True``); the
   line above the buttons says beforehand how many files are left out and why. After it, a
   summary; :attr:`FormsImportDialog.imported` carries the result (its ``Undo`` goes on the
   tracking grid's undo stack). Esc / "Đóng" writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, ConflictError
from desktop.domain.numbers import format_int
from desktop.services.database import Database
from desktop.services.forms_import import FileStatus, FormFile
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.dialogs.forms_common import choose_folder
from desktop.ui.dialogs.forms_import_detail import FormFileDetail
from desktop.ui.models import forms_import_model as fm
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.read_only_table import read_only_table
from desktop.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from desktop.services.forms_import import FormsApplyResult, FormsPlan

PURPOSE = "forms_import"


@dataclass(frozen=True)
class FormsImported:
    """What :attr:`FormsImportDialog.imported` carries: the service's result and the document
    the written files belong to (None when they belong to several)."""

    result: FormsApplyResult
    document_id: int | None


class FormsImportDialog(QDialog):
    """From choosing the files to the applied result."""

    imported = Signal(object)  # FormsImported

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._today = today
        self._paths: list[Path] = []
        self._legacy = "ask"
        self.confirmed: set[Path] = set()
        self.taken: set[tuple[int, str]] = set()
        self.plan: FormsPlan | None = None
        self.result: FormsApplyResult | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Read the returned Excel forms"))
        self.setAcceptDrops(True)

        self.paths = QLineEdit()
        self.paths.setReadOnly(True)
        self.paths.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.paths.setPlaceholderText(
            self.tr("no file chosen (.xlsx); files can also be dropped here")
        )
        self.files_button = QPushButton(self.tr("Choose &files…"))
        self.folder_button = QPushButton(self.tr("Choose a fol&der…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = ErrorLabel()

        self.files_model = fm.FormFileModel(self.confirmed, self)
        self.files = read_only_table(self.files_model, fm.FormFileModel.REASON)
        width = self.files.fontMetrics().horizontalAdvance
        header = self.files.horizontalHeader()
        header.resizeSection(fm.FormFileModel.FILE, width("15-CT-TU_X001_Dang-bo-xa") + 16)
        header.resizeSection(fm.FormFileModel.STATUS, width("Cần xác nhận") + 48)
        header.resizeSection(fm.FormFileModel.ORGANISATION, width("Đảng bộ xã Phú Lộc") + 24)
        header.resizeSection(fm.FormFileModel.CHANGES, width("00 (00 khác số đã nhập)") + 16)
        files_label = QLabel(self.tr("Fo&rms read:"))
        files_label.setBuddy(self.files)

        self.file_detail = FormFileDetail(self.taken, editable=lambda: not self.busy)
        # the parts the dialog works with (tab order, confirming, ticking conflicts)
        self.confirm_box = self.file_detail.confirm_box
        self.tabs = self.file_detail.tabs
        self.changes, self.changes_model = self.file_detail.changes, self.file_detail.changes_model
        self.problems_model = self.file_detail.problems_model
        self.legacy_model = self.file_detail.legacy_model

        self.take_all_button = QPushButton(self.tr("Take &every value in the files"))
        self.take_all_button.setToolTip(
            self.tr(
                "Every figure already entered differently takes the value in its file (all files)"
            )
        )
        self.legacy_label = QLabel(self.tr("Some text was typed with an old encoding (TCVN3/VNI):"))
        self.convert_button = QPushButton(self.tr("Convert to &Unicode"))
        self.keep_button = QPushButton(self.tr("Keep as it is (&no)"))
        for button in (
            self.files_button,
            self.folder_button,
            self.take_all_button,
            self.convert_button,
            self.keep_button,
        ):
            button.setAutoDefault(False)

        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            self.tr("&Update"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Alt+C whatever the translation underlines ("&Cập nhật")
        self.apply_button.setShortcut(QKeySequence("Alt+C"))
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("Files:")))
        file_row.addWidget(self.paths, 1)
        file_row.addWidget(self.files_button)
        file_row.addWidget(self.folder_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(files_label)
        top_layout.addWidget(self.files)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.file_detail, 1)
        choices = QHBoxLayout()
        choices.addWidget(self.take_all_button)
        choices.addStretch(1)
        choices.addWidget(self.legacy_label)
        choices.addWidget(self.convert_button)
        choices.addWidget(self.keep_button)
        bottom_layout.addLayout(choices)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.left_out)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.folder_button, self.files),
            (self.files, self.confirm_box),
            (self.confirm_box, self.tabs),
            (self.tabs, self.take_all_button),
            (self.take_all_button, self.convert_button),
            (self.convert_button, self.keep_button),
            (self.keep_button, self.apply_button),
        ):
            QWidget.setTabOrder(first, second)

        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.files.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_file())
        self.files_model.confirmed_changed.connect(self._choices_changed)
        self.changes_model.choice_changed.connect(self._choices_changed)
        self.confirm_box.toggled.connect(self._confirm_toggled)
        self.take_all_button.clicked.connect(self.take_all)
        self.convert_button.clicked.connect(lambda: self.set_legacy("convert"))
        self.keep_button.clicked.connect(lambda: self.set_legacy("keep"))
        resize_to_fit(self, 1000, 680)
        splitter.setSizes([300, 300])
        self._show_plan(None)
        self.files_button.setFocus()

    # ------------------------------------------------------------------ choosing files

    def choose_files(self) -> None:
        paths = file_dialogs.open_files(
            self,
            self.tr("Choose the returned forms"),
            self.tr("Excel workbooks (*.xlsx *.xlsm)"),
            PURPOSE,
            many=True,
        )
        if paths:
            self.load_paths(paths)

    def choose_folder(self) -> None:
        folder = choose_folder(self, self.tr("Choose the folder of the returned forms"), PURPOSE)
        if folder is not None:
            self.load_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls) and not self.busy:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_paths(paths)

    def load_paths(self, paths: list[str] | list[Path]) -> None:
        """Read ``paths`` (files or folders) and show what importing them would do."""
        if self.busy:
            return
        self._paths = [Path(p) for p in paths]
        self._legacy = "ask"
        self.paths.setText("; ".join(str(p) for p in self._paths))
        self.replan()

    def set_legacy(self, choice: str) -> None:
        """Convert ("convert") or keep ("keep") text typed in TCVN3/VNI: read the files again."""
        self._legacy = choice
        self.replan()

    def replan(self) -> None:
        if not self._paths or self.busy:
            return
        from desktop.services.forms_import import plan_forms_import

        db, paths, today, legacy = self._db, list(self._paths), self._today, self._legacy
        self._set_busy(True)
        self.summary.setText(self.tr("Reading the forms…"))

        def work(_state: TaskState) -> FormsPlan:
            return plan_forms_import(db, paths, today=today, legacy=legacy)

        self._runner.run(
            work,
            on_done=self._planned,
            on_error=self._plan_failed,
            on_cancelled=lambda: self._set_busy(False),
            label=self.tr("Reading the returned forms…"),
            parent=self,
        )

    def _planned(self, plan: FormsPlan) -> None:
        self._set_busy(False)
        self._show_plan(plan)
        self.files.setFocus()

    def _plan_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_plan(None)
        if isinstance(exc, AppError):
            self.banner.show_message(exc.message)
        else:
            message.show_exception(self, exc)

    # ------------------------------------------------------------------ the plan

    def _show_plan(self, plan: FormsPlan | None) -> None:
        self.plan = plan
        self.banner.clear_message()
        self.files_model.legacy = plan.legacy if plan is not None else "ask"
        self.files_model.set_rows(plan.files if plan is not None else [])
        has_legacy = plan is not None and any(f.legacy for f in plan.files)
        for widget in (self.legacy_label, self.convert_button, self.keep_button):
            widget.setVisible(has_legacy)
        if has_legacy and plan is not None:
            self.legacy_label.setText(
                {
                    "ask": self.tr("Some text was typed with an old encoding (TCVN3/VNI):"),
                    "convert": self.tr("Text typed with an old encoding was converted to Unicode:"),
                    "keep": self.tr("Text typed with an old encoding is kept as it is:"),
                }[plan.legacy]
            )
        if plan is None:
            self.summary.setText(
                ""
                if self._paths
                else self.tr(
                    "Choose the forms the organisations sent back (several files, or a folder). "
                    "Nothing is written before you have seen what would change and pressed "
                    "“Update”."
                )
            )
        else:
            states = [self.files_model.state(f) for f in plan.files]
            text = self.tr(
                "{files} files read: {accepted} accepted, {confirm} to confirm, {refused} refused."
            ).format(
                files=format_int(len(plan.files)),
                accepted=format_int(len(plan.accepted)),
                confirm=format_int(len(plan.to_confirm)),
                refused=format_int(states.count(fm.REFUSED)),
            )
            if fm.LEGACY in states:
                text += " " + self.tr("{count} wait for the encoding choice.").format(
                    count=format_int(states.count(fm.LEGACY))
                )
            self.summary.setText(text)
        if self.files_model.rowCount():
            self.files.setCurrentIndex(self.files_model.index(0, 0))
        self._show_file()
        self._choices_changed()

    def current_file(self) -> FormFile | None:
        index = self.files.currentIndex()
        return self.files_model.row_at(index.row()) if index.isValid() else None

    def _show_file(self) -> None:
        f = self.current_file()
        reason = ""
        if f is not None:
            reason = self.files_model.data(
                self.files_model.index(self.files.currentIndex().row(), fm.FormFileModel.REASON)
            )
        legacy_pending = f is not None and self.files_model.state(f) == fm.LEGACY
        self.file_detail.show_file(f, reason or "", legacy_pending)
        self._sync_confirm_box()

    def _sync_confirm_box(self) -> None:
        f = self.current_file()
        self.confirm_box.blockSignals(True)
        self.confirm_box.setChecked(f is not None and f.path in self.confirmed)
        self.confirm_box.blockSignals(False)

    def _confirm_toggled(self, checked: bool) -> None:
        index = self.files.currentIndex()
        if index.isValid():
            self.files_model.set_confirmed(index.row(), checked)

    def take_all(self) -> None:
        """Every conflict of every file takes the value in its file."""
        if self.plan is None:
            return
        for f, c in self.plan.conflicts:
            if f.tracking_id is not None:
                self.taken.add((f.tracking_id, c.field))
        self._show_file()
        self._choices_changed()

    # ------------------------------------------------------------------ what "Cập nhật" does

    def chosen_files(self) -> list[FormFile]:
        if self.plan is None:
            return []
        return [
            f
            for f in self.plan.files
            if f.status is FileStatus.ACCEPTED
            or (f.status is FileStatus.CONFIRM and f.path in self.confirmed)
        ]

    def values_to_write(self) -> int:
        return sum(
            1
            for f in self.chosen_files()
            for c in f.changes
            if not c.conflict or (f.tracking_id, c.field) in self.taken
        )

    def _choices_changed(self) -> None:
        self._sync_confirm_box()
        chosen, plan = self.chosen_files(), self.plan
        values = self.values_to_write()
        self.take_all_button.setEnabled(bool(plan and plan.conflicts) and not self.busy)
        if plan is None:
            self.left_out.clear()
            self.apply_button.setEnabled(False)
            return
        states = [self.files_model.state(f) for f in plan.files]
        refused, legacy, unconfirmed = (
            states.count(fm.REFUSED),
            states.count(fm.LEGACY),
            states.count(fm.TO_CONFIRM),
        )
        text = self.tr("“Update” will write {values} figures from {files} forms.").format(
            values=format_int(values), files=format_int(len(chosen))
        )
        reasons = [
            part.format(count=format_int(n))
            for n, part in (
                (refused, self.tr("{count} refused")),
                (legacy, self.tr("{count} waiting for the encoding choice")),
                (unconfirmed, self.tr("{count} not confirmed")),
            )
            if n
        ]
        if reasons:
            text += " " + self.tr("Left out: {count} forms ({reasons}).").format(
                count=format_int(refused + legacy + unconfirmed), reasons=", ".join(reasons)
            )
        if not values:
            text = self.tr("Nothing to write: no accepted or confirmed form has a new figure.") + (
                " " + ", ".join(reasons) + "." if reasons else ""
            )
        self.left_out.setText(text)
        self.apply_button.setEnabled(values > 0 and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (
            self.files_button,
            self.folder_button,
            self.convert_button,
            self.keep_button,
            self.confirm_box,
            self.close_button,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.apply_button.setEnabled(False)
            self.take_all_button.setEnabled(False)
        else:
            self._choices_changed()

    # ------------------------------------------------------------------ applying

    def apply(self) -> None:
        plan = self.plan
        if plan is None or self.busy or not self.apply_button.isEnabled():
            return
        from desktop.services.forms_import import apply_forms_import

        db, taken, confirmed = self._db, set(self.taken), list(self.confirmed)
        chosen = self.chosen_files()
        self._set_busy(True)
        self.summary.setText(self.tr("Writing to the database…"))

        def work(_state: TaskState) -> FormsApplyResult:
            return apply_forms_import(
                db, plan, take_file_values=taken, confirmed=confirmed, only_accepted=True
            )

        self._runner.run(
            work,
            on_done=lambda result: self._applied(result, chosen),
            on_error=self._apply_failed,
            on_cancelled=lambda: self._set_busy(False),
            label=self.tr("Importing the forms…"),
            parent=self,
        )

    def _applied(self, result: FormsApplyResult, chosen: list[FormFile]) -> None:
        self._set_busy(False)
        self.result = result
        text = self.tr(
            "{files} forms imported: {rows} tracking rows, {values} figures written."
        ).format(
            files=format_int(result.files),
            rows=format_int(result.rows_changed),
            values=format_int(result.values_written),
        )
        if result.skipped_files:
            text += " " + self.tr(
                "{count} files were not imported (refused or not confirmed)."
            ).format(count=format_int(len(result.skipped_files)))
        documents = {f.document_id for f in chosen}
        document_id = documents.pop() if len(documents) == 1 else None
        message.information(
            self,
            text,
            informative=self.tr("Ctrl+Z on the tracking grid undoes the whole import."),
            title=self.tr("Forms imported"),
        )
        self.imported.emit(FormsImported(result, document_id))
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary.clear()
        if isinstance(exc, ConflictError):
            answer = message.question(
                self,
                exc.message,
                informative=self.tr("Read the forms again now?"),
                default=message.Button.Yes,
            )
            if answer == message.Button.Yes:
                self.replan()
        elif isinstance(exc, AppError):
            self.banner.show_message(exc.message)
        else:
            message.show_exception(self, exc)

    def reject(self) -> None:
        if self.busy:  # the worker is reading or writing
            return
        super().reject()
