"""Thêm / sửa một mục danh mục: an organisation kind or a document type (Cài đặt → Danh mục).

One dialog for both lists. A document type has its name, its abbreviation (the "CT" of
"15-CT/TU"; greyed out, with the reason shown, while documents use the type or when the program
numbers its own letters with it) and "Theo dõi thực hiện". An organisation kind has its name,
its internal code (shown, never edited: made from the name when the kind is added) and "là chi
bộ", with a line saying what that flag decides. Errors appear under their field; a clash with
another clerk's change says so and offers to reload the entry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError
from desktop.services import vocab
from desktop.services.database import Database
from desktop.ui.dialogs.org_dialog_common import FieldErrors, dialog_buttons
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit


def _hint(text: str = "") -> QLabel:
    """A grey explanation under a field (as the organisation dialog's hints)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)
    # top: a form row may give a wrapped label more height than its lines need
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _stack(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    box.setFocusProxy(widgets[0])
    return box


class VocabDialog(QDialog):
    """Add an entry (``item`` None) or edit one; ``types``: the document types, else the
    organisation kinds. :attr:`saved` gives the stored entry."""

    saved = Signal(object)  # vocab.OrgKindItem | vocab.DocumentTypeItem

    def __init__(self, db: Database, *, types: bool, item: vocab.VocabItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.types = types
        self.item = item
        if types:
            self.setWindowTitle(self.tr("Edit document type") if item
                                else self.tr("New document type"))
        else:
            self.setWindowTitle(self.tr("Edit organisation kind") if item
                                else self.tr("New organisation kind"))
        self.name = QLineEdit()
        self.name.setMaxLength(120 if types else 200)
        self.name_error = ErrorLabel()
        self.code = QLineEdit()
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("for example QC, QĐi, CTr"))
        self.code_error = ErrorLabel()
        self.code_hint = _hint()
        self.kind_code = QLabel()
        if types:
            self.flag = QCheckBox(self.tr("&Tracked: organisations study it, carry it out and "
                                          "report on it"))
            flag_hint = self.tr("Untick for types that are only filed, such as reports and "
                                "submissions.")
        else:
            self.flag = QCheckBox(self.tr("Each organisation of this kind is a party &cell"))
            flag_hint = self.tr("It then counts as one party cell in the “party cells” "
                                "denominators (cells that studied out of all cells) of the "
                                "documents assigned to it from now on.")
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.errors.add("name", self.name_error, self.name)
        self.errors.add("code", self.code_error, self.code)

        form = QFormLayout()
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, _stack(self.name, self.name_error))
        if types:
            code_label = QLabel(self.tr("&Abbreviation:"))
            code_label.setBuddy(self.code)
            form.addRow(code_label, _stack(self.code, self.code_error, self.code_hint))
        else:
            form.addRow(self.tr("Internal code:"), _stack(
                self.kind_code,
                _hint(self.tr("Used by filters and imports: made from the name when the kind "
                              "is added, and never changed."))))
        form.addRow("", _stack(self.flag, _hint(flag_hint)))
        self.buttons = dialog_buttons(self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)  # room the window has beyond the fields goes here, not between them
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._fill(item)
        resize_to_fit(self, 540, self.sizeHint().height())
        self.name.setFocus()

    def _fill(self, item: vocab.VocabItem | None) -> None:
        self.name.setText(item.name if item else "")
        self.code_hint.hide()
        self.code.setEnabled(True)
        if self.types:
            self.code.setText(item.code if item else "")
            self.flag.setChecked(item.trackable if isinstance(item, vocab.DocumentTypeItem)
                                 else True)
            reason = (vocab.code_lock_reason(self._db, item)
                      if isinstance(item, vocab.DocumentTypeItem) else "")
            if reason:
                self.code.setEnabled(False)  # greyed: plainly not for typing, the hint says why
                self.code_hint.setText(reason)
                self.code_hint.show()
        else:
            self.kind_code.setText(item.code if item else self.tr("(made from the name)"))
            self.flag.setChecked(isinstance(item, vocab.OrgKindItem) and item.is_party_cell)

    def reload(self) -> None:
        """Show the entry as stored now (after someone else changed it)."""
        if self.item is None:
            return
        try:
            self.item = vocab.current(self._db, self.item)
        except AppError as exc:
            self.general_error.show_message(exc.message)
            return
        self._fill(self.item)
        self.errors.clear()

    def save(self) -> None:
        self.errors.clear()
        db, item, name, flag = self._db, self.item, self.name.text(), self.flag.isChecked()
        try:
            if isinstance(item, vocab.DocumentTypeItem):
                result = vocab.update_document_type(db, item, self.code.text(), name, flag)
            elif isinstance(item, vocab.OrgKindItem):
                result = vocab.update_org_kind(db, item, name, flag)
            elif self.types:
                result = vocab.add_document_type(db, self.code.text(), name, flag)
            else:
                result = vocab.add_org_kind(db, name, flag)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, see FieldErrors.handle
            self.errors.handle(self, exc, reload=self.reload if item is not None else None)
            return
        self.item = result
        self.saved.emit(result)
        self.accept()
