"""Thêm / sửa đơn vị: the plain fields of one organisation.

Creating (:func:`~desktop.services.org_editing.create_organisation`) asks for the parent (the
organisation selected on the page by default; "Chọn…" opens a search) and the founding date.
Editing (:func:`~desktop.services.org_editing.update_organisation`) corrects the fields
everywhere, in the past too: a real renaming or move is dated and has its own dialogs
(:mod:`.org_change_dialog`), which the hint under the name says. Only changed fields are sent,
with the version the clerk saw; a clash with someone else's save offers to reload.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.text import clean_line, clean_text
from desktop.services import vocab
from desktop.services.database import Database
from desktop.services.org_detail import organisation_detail
from desktop.services.org_editing import create_organisation, update_organisation
from desktop.services.org_types import OrgDetail, OrgInput
from desktop.ui.dialogs.org_dialog_common import FieldErrors, dialog_buttons, fit_height
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.org_picker import OrgPickerDialog
from desktop.ui.widgets.screen_fit import resize_to_fit


class OrgDialog(QDialog):
    """Create an organisation (``detail`` None) or correct one (``detail`` as of today, whose
    fields are the ones corrected); :attr:`saved` gives the result."""

    saved = Signal(object)  # OrgDetail

    def __init__(self, db: Database, *, detail: OrgDetail | None = None,
                 parent_id: int | None = None, parent_name: str = "", default_kind: str = "",
                 as_of: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail = detail
        self._as_of = as_of or date.today()
        self._parent_id = parent_id
        self.picker: OrgPickerDialog | None = None
        self.result_detail: OrgDetail | None = None
        editing = detail is not None
        self.setWindowTitle(self.tr("Edit organisation") if editing
                            else self.tr("New organisation"))

        self.name = QLineEdit()
        self.name.setMaxLength(300)
        self.name_error = ErrorLabel()
        self.short_name = QLineEdit()
        self.short_name.setMaxLength(120)
        self.short_error = ErrorLabel()
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.code_error = ErrorLabel()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("(not set)"), None)
        for item in vocab.org_kinds(db):
            self.kind.addItem(item.name, item.id)
        self.kind_error = ErrorLabel()
        self.parent_display = QLineEdit()
        self.parent_display.setReadOnly(True)
        self.parent_display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parent_display.setPlaceholderText(self.tr("none (top level)"))
        self.choose_parent = QPushButton(self.tr("C&hoose…"))
        self.clear_parent = QPushButton(self.tr("&Top level"))
        for button in (self.choose_parent, self.clear_parent):
            button.setAutoDefault(False)
        self.parent_error = ErrorLabel()
        self.valid_from = DateEdit(required=False, today=self._as_of)
        self.valid_from.edit.editingFinished.connect(lambda: fit_height(self))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.errors.add("name", self.name_error, self.name)
        self.errors.add("short_name", self.short_error, self.short_name)
        self.errors.add("code", self.code_error, self.code)
        self.errors.add("kind", self.kind_error, self.kind)
        self.errors.add("parent_id", self.parent_error, self.choose_parent)
        self.errors.add("valid_from", self.valid_from)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Name:"), self.name), self._stack(self.name,
                                                                            self.name_error))
        if editing:
            hint = QLabel(self.tr("Corrects the name everywhere, also in the past. For a real "
                                  "renaming from a date use “Rename…”."))
            hint.setWordWrap(True)
            hint.setEnabled(False)
            form.addRow("", hint)
        form.addRow(self._label(self.tr("&Short name:"), self.short_name),
                    self._stack(self.short_name, self.short_error))
        form.addRow(self._label(self.tr("C&ode:"), self.code), self._stack(self.code,
                                                                            self.code_error))
        form.addRow(self._label(self.tr("&Kind:"), self.kind), self._stack(self.kind,
                                                                            self.kind_error))
        parent_row = QHBoxLayout()
        parent_row.addWidget(self.parent_display, 1)
        if not editing:
            parent_row.addWidget(self.choose_parent)
            parent_row.addWidget(self.clear_parent)
        parent_box = QWidget()
        parent_box_layout = QVBoxLayout(parent_box)
        parent_box_layout.setContentsMargins(0, 0, 0, 0)
        parent_box_layout.addLayout(parent_row)
        parent_box_layout.addWidget(self.parent_error)
        form.addRow(self.tr("Parent:"), parent_box)
        if not editing:
            form.addRow(self._label(self.tr("&Founded on:"), self.valid_from), self.valid_from)
        form.addRow(self._label(self.tr("No&te:"), self.note), self.note)
        self.buttons = dialog_buttons(self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.choose_parent.clicked.connect(self.open_picker)
        self.clear_parent.clicked.connect(lambda: self.set_parent(None, ""))
        resize_to_fit(self, 560, self.sizeHint().height())
        if detail is not None:
            self._fill(detail)
        else:
            self.set_parent(parent_id, parent_name)
            if default_kind:
                self.kind.setCurrentIndex(max(self.kind.findText(default_kind), 0))
        self.name.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _stack(field: QWidget, error: ErrorLabel) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(error)
        box.setFocusProxy(field)
        return box

    def _fill(self, detail: OrgDetail) -> None:
        self._detail = detail
        self.name.setText(detail.current_name)
        self.short_name.setText(detail.short_name)
        self.code.setText(detail.code or "")
        self.kind.setCurrentIndex(max(self.kind.findData(detail.kind_id), 0))
        self.parent_display.setText(detail.parent_name)
        self.note.setPlainText(detail.note)

    def set_parent(self, parent_id: int | None, name: str) -> None:
        self._parent_id = parent_id
        self.parent_display.setText(name)
        self.clear_parent.setEnabled(parent_id is not None)

    def open_picker(self) -> None:
        self.picker = OrgPickerDialog(self._db, self.tr("Choose the parent organisation"),
                                      self._as_of, parent=self)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        if self.picker is not None and self.picker.chosen:
            org = self.picker.chosen[0]
            self.set_parent(org.id, org.name)

    def reload(self) -> None:
        if self._detail is not None:
            self._fill(organisation_detail(self._db, self._detail.id))  # today's fields

    def save(self) -> None:
        self.errors.clear()
        if not self.valid_from.check():
            self.valid_from.setFocus()
            fit_height(self)
            return
        try:
            if self._detail is None:
                detail = create_organisation(self._db, OrgInput(
                    name=self.name.text(), short_name=self.short_name.text(),
                    code=self.code.text() or None, kind=self.kind.currentData(),
                    parent_id=self._parent_id, valid_from=self.valid_from.date(),
                    note=self.note.toPlainText()))
            else:
                changes = self._changes(self._detail)
                if not changes:
                    self.accept()
                    return
                detail = update_organisation(self._db, self._detail.id, changes,
                                             self._detail.version)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, see FieldErrors.handle
            self.errors.handle(self, exc, self.reload if self._detail is not None else None)
            return
        self.result_detail = detail
        self.saved.emit(detail)
        self.accept()

    def _changes(self, detail: OrgDetail) -> dict[str, object]:
        changes: dict[str, object] = {}
        if clean_line(self.name.text()) != detail.current_name:
            changes["name"] = self.name.text()
        if clean_line(self.short_name.text()) != detail.short_name:
            changes["short_name"] = self.short_name.text()
        if clean_line(self.code.text()) != (detail.code or ""):
            changes["code"] = self.code.text()
        if self.kind.currentData() != detail.kind_id:
            changes["kind"] = self.kind.currentData()
        if clean_text(self.note.toPlainText()) != detail.note:
            changes["note"] = self.note.toPlainText()
        return changes
