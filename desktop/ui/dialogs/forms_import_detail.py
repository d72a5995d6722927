"""The lower half of the forms import dialog: what the chosen file would do.

:class:`FormFileDetail` shows one :class:`~desktop.services.forms_import.FormFile`: a line naming
the file, its organisation and why it has its status; the "confirm" check box (shown for a file
matched by name only — the dialog keeps what it means); and four tabs, each titled with its
count: its figures against the database (:class:`~desktop.ui.models.forms_import_model.
ValueChangeModel`, where a conflict is ticked to take the file's value), its problems named by
cell, text typed in TCVN3/VNI (as typed → in Unicode) and notes. A refused file opens on its
problems (on the old-encoding tab when that is all that is wrong); otherwise an empty tab gives
way to the first one with something in it.

Its strings keep the translation context ``FormsImportDialog`` they had when this was part of
the dialog, so the Vietnamese translation is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, MutableSet

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.legacy_vn import LegacyEncoding
from desktop.domain.numbers import format_int
from desktop.services.forms_import import FileStatus, FormFile
from desktop.services.tracking_fields import ROW_FIELDS
from desktop.ui.models import forms_import_model as fm
from desktop.ui.models.import_preview_model import PreviewTableModel
from desktop.ui.widgets.read_only_table import read_only_table

translate = QCoreApplication.translate
CHANGES, PROBLEMS, LEGACY, NOTES = range(4)


class FormFileDetail(QWidget):
    """One file of the plan, in detail; ``taken`` is the dialog's set of conflicts taken from
    the files, ``editable`` says whether they may be ticked now (not while the worker runs)."""

    def __init__(
        self,
        taken: MutableSet[tuple[int, str]],
        editable: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_box = QCheckBox(
            translate(
                "FormsImportDialog", "This is the right organisation: import this form (confir&m)"
            )
        )
        self.changes_model = fm.ValueChangeModel(taken, self, editable=editable)
        self.changes = read_only_table(self.changes_model, fm.ValueChangeModel.TAKE)
        width = self.changes.fontMetrics().horizontalAdvance
        self.changes.horizontalHeader().resizeSection(
            fm.ValueChangeModel.FIELD, width("Số đảng viên tham gia học tập")
        )
        self.changes.horizontalHeader().resizeSection(fm.ValueChangeModel.BEFORE, 130)
        self.changes.horizontalHeader().resizeSection(fm.ValueChangeModel.AFTER, 130)
        self.problems_model = PreviewTableModel(
            (
                translate("FormsImportDialog", "Cell"),
                translate("FormsImportDialog", "Figure"),
                translate("FormsImportDialog", "What is wrong"),
            ),
            parent=self,
        )
        self.problems = read_only_table(self.problems_model, 2)
        self.problems.setWordWrap(True)
        self.problems.horizontalHeader().resizeSection(0, width("'Phiếu báo cáo'!C18") + 16)
        self.problems.horizontalHeader().resizeSection(1, width("Số đảng viên tham gia"))
        self.legacy_model = PreviewTableModel(
            (
                translate("FormsImportDialog", "Cell"),
                translate("FormsImportDialog", "Encoding"),
                translate("FormsImportDialog", "As typed"),
                translate("FormsImportDialog", "In Unicode"),
            ),
            parent=self,
        )
        self.legacy = read_only_table(self.legacy_model, 3)
        self.legacy.horizontalHeader().resizeSection(2, 260)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.tabs = QTabWidget()
        for view in (self.changes, self.problems, self.legacy, self.notes):
            self.tabs.addTab(view, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.tabs, 1)

    def show_file(self, f: FormFile | None, reason: str, legacy_pending: bool) -> None:
        """Show ``f`` (None: nothing chosen); ``reason`` is the files table's reason for it,
        ``legacy_pending`` whether it only waits for the old-encoding choice."""
        self.changes_model.set_file(
            f if f is not None and f.status is not FileStatus.REFUSED else None
        )
        self.problems_model.set_rows(
            [
                (p.location, ROW_FIELDS[p.field].label if p.field in ROW_FIELDS else "", p.message)
                for p in (f.problems if f is not None else ())
            ]
        )
        if self.problems_model.rowCount() <= 200:
            self.problems.resizeRowsToContents()
        self.legacy_model.set_rows(
            [
                (x.cell, LegacyEncoding(x.encoding).label, x.original, x.converted)
                for x in (f.legacy if f is not None else ())
            ]
        )
        self.notes.clear()
        if f is not None:
            self.notes.addItems(list(f.warnings))
        self.confirm_box.setVisible(f is not None and f.status is FileStatus.CONFIRM)
        if f is None:
            self.detail.clear()
        else:
            who = f" — {f.org_name}" if f.org_name else ""
            self.detail.setText(f"«{f.name}»{who}" + (f": {reason}" if reason else ""))
        counts = {
            CHANGES: self.changes_model.rowCount(),
            PROBLEMS: self.problems_model.rowCount(),
            LEGACY: self.legacy_model.rowCount(),
            NOTES: self.notes.count(),
        }
        titles = {
            CHANGES: translate("FormsImportDialog", "&Changes ({count})"),
            PROBLEMS: translate("FormsImportDialog", "&Problems ({count})"),
            LEGACY: translate("FormsImportDialog", "&Old encoding ({count})"),
            NOTES: translate("FormsImportDialog", "N&otes ({count})"),
        }
        for tab, title in titles.items():
            self.tabs.setTabText(tab, title.format(count=format_int(counts[tab])))
        if counts[PROBLEMS] and (f is None or f.status is FileStatus.REFUSED):
            self.tabs.setCurrentIndex(LEGACY if counts[LEGACY] and legacy_pending else PROBLEMS)
        elif not counts[self.tabs.currentIndex()]:
            self.tabs.setCurrentIndex(
                next((t for t in (CHANGES, LEGACY, NOTES) if counts[t]), CHANGES)
            )
