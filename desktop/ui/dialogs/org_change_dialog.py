"""Dated changes of one organisation: Đổi tên…, Chuyển đơn vị cấp trên…, Giải thể….

Each dialog names the organisation, asks what changes and from which day (typed dd/mm/yyyy),
and calls its service with the version the clerk saw: the old name or place is kept in the
history until the day before, so reports for earlier periods still show it. Refusals appear
under the field they concern (a cycle under the parent chooser, a date before the last change
under the date, children still alive under the form); a clash with someone else's save offers
to reload. Merging several organisations has its own dialog (:mod:`.org_merge_dialog`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.services.database import Database
from desktop.services.org_detail import organisation_detail
from desktop.services.org_editing import dissolve_organisation, rename_organisation
from desktop.services.org_moves import move_organisation
from desktop.services.org_types import OrgDetail
from desktop.ui.dialogs.org_dialog_common import FieldErrors, dialog_buttons, fit_height
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.org_picker import OrgPicker
from desktop.ui.widgets.screen_fit import resize_to_fit

translate = QCoreApplication.translate



def buddy_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class DatedChangeDialog(QDialog):
    """The frame of a dated change: what is changed, the form, the date, errors, buttons.

    Subclasses fill :attr:`form` (before the date row) and implement :meth:`apply`.
    """

    saved = Signal(object)  # OrgDetail returned by the service

    def __init__(self, db: Database, detail: OrgDetail, on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.detail = detail
        self.result_detail: OrgDetail | None = None
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.form = QFormLayout()
        self.on = DateEdit(required=True)
        self.on.set_date(on or date.today())
        self.on.edit.setMaximumWidth(160)
        self.on.edit.editingFinished.connect(lambda: fit_height(self))  # room for its error
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.errors.add("on", self.on)
        self.buttons = dialog_buttons(self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.date_label = translate("OrgChangeDialog", "Effective from &date:")
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._show_subject()

    def set_texts(self, title: str, ok_text: str) -> None:
        self.setWindowTitle(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)

    def add_date_row(self, hint: str = "") -> None:
        """Called by subclasses once their own rows are in: the date comes last."""
        self.form.addRow(buddy_label(self.date_label, self.on), self.on)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setEnabled(False)
            self.form.addRow("", note)

    def _show_subject(self) -> None:
        d = self.detail
        parent = d.parent_name or translate("OrgChangeDialog", "(top level)")
        self.subject.setText(translate(
            "OrgChangeDialog", "Organisation: {name} — under {parent}").format(
            name=d.current_name, parent=parent))

    def reload(self) -> None:
        self.detail = organisation_detail(self._db, self.detail.id)
        self._show_subject()

    def save(self) -> None:
        self.errors.clear()
        if not self.on.check():
            self.on.setFocus()
            fit_height(self)
            return
        day = self.on.date()
        assert day is not None
        try:
            result = self.apply(day)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, see FieldErrors.handle
            self.errors.handle(self, exc, self.reload)
            return
        self.result_detail = result
        self.saved.emit(result)
        self.accept()

    def apply(self, on: date) -> OrgDetail:  # pragma: no cover - every subclass defines it
        """The change itself, effective ``on`` (each dialog below calls its service)."""
        raise TypeError(f"{type(self).__name__} does not say what change it makes")


class RenameDialog(DatedChangeDialog):
    """Đổi tên: a new name (and short name) from a date; the old one stays in the history."""

    def __init__(self, db: Database, detail: OrgDetail, on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, detail, on, parent)
        self.set_texts(self.tr("Rename organisation"), self.tr("&Rename"))
        self.name = QLineEdit(detail.current_name)
        self.name.setMaxLength(300)
        self.name.selectAll()
        self.name_error = ErrorLabel()
        self.short_name = QLineEdit(detail.short_name)
        self.short_name.setMaxLength(120)
        self.short_error = ErrorLabel()
        self.errors.add("name", self.name_error, self.name)
        self.errors.add("short_name", self.short_error, self.short_name)
        self.form.addRow(buddy_label(self.tr("&New name:"), self.name), self.name)
        self.form.addRow("", self.name_error)
        self.form.addRow(buddy_label(self.tr("New s&hort name:"), self.short_name),
                         self.short_name)
        self.form.addRow("", self.short_error)
        self.add_date_row(self.tr("Documents and reports dated before this day keep showing "
                                  "the old name."))
        resize_to_fit(self, 560, self.sizeHint().height())
        self.name.setFocus()

    def reload(self) -> None:
        super().reload()
        self.name.setText(self.detail.current_name)
        self.short_name.setText(self.detail.short_name)

    def apply(self, on: date) -> OrgDetail:
        short = self.short_name.text()
        return rename_organisation(
            self._db, self.detail.id, self.name.text(), on, self.detail.version,
            new_short_name=None if short.strip() == self.detail.short_name else short)


class MoveDialog(DatedChangeDialog):
    """Chuyển đơn vị cấp trên: choose the new parent (search or tree) and the date."""

    def __init__(self, db: Database, detail: OrgDetail, on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, detail, on, parent)
        self.set_texts(self.tr("Move to another parent"), self.tr("&Move"))
        self.picker = OrgPicker(db, on)
        self.picker.activated.connect(lambda _org: self.on.setFocus())
        self.to_top = QCheckBox(self.tr("Make it a to&p-level organisation (no parent)"))
        self.to_top.toggled.connect(lambda top: self.picker.setEnabled(not top))
        self.parent_error = ErrorLabel()
        self.errors.add("new_parent_id", self.parent_error, self.picker)
        label = QLabel(self.tr("New parent organisation:"))
        self.form.addRow(label)
        self.form.addRow(self.picker)
        self.form.addRow(self.parent_error)
        self.form.addRow(self.to_top)
        self.add_date_row(self.tr("Before this day the organisation is shown under its old "
                                  "parent, with its whole subtree."))
        resize_to_fit(self, 680, 560)
        self.picker.setFocus()

    def apply(self, on: date) -> OrgDetail:
        new_parent: int | None = None
        if not self.to_top.isChecked():
            chosen = self.picker.chosen()
            if not chosen:
                raise ValidationError(self.tr("Choose the new parent organisation in the list "
                                              "(type part of its name to find it)."),
                                      "new_parent_id")
            new_parent = chosen[0].id
        return move_organisation(self._db, self.detail.id, new_parent, on, self.detail.version)


class DissolveDialog(DatedChangeDialog):
    """Giải thể: the first day the organisation no longer exists, and why."""

    def __init__(self, db: Database, detail: OrgDetail, on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, detail, on, parent)
        self.set_texts(self.tr("Dissolve organisation"), self.tr("&Dissolve"))
        self.date_label = self.tr("Dissolved from &date:")
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.form.addRow(buddy_label(self.tr("&Reason:"), self.reason), self.reason)
        self.add_date_row(self.tr("Its last day is the day before. It stays in documents, "
                                  "groups and reports of earlier dates."))
        resize_to_fit(self, 560, self.sizeHint().height())
        self.on.setFocus()

    def apply(self, on: date) -> OrgDetail:
        return dissolve_organisation(self._db, self.detail.id, on, self.detail.version,
                                     self.reason.text())

