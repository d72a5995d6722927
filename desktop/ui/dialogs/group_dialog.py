"""Thêm / đổi tên nhóm nơi nhận: the name and short name of a "Nơi nhận" group."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services.database import Database
from desktop.services.org_groups import create_group, rename_group
from desktop.services.org_types import GroupDTO
from desktop.ui.dialogs.org_dialog_common import FieldErrors, dialog_buttons
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit


class GroupDialog(QDialog):
    """Create a group (``group`` None) or rename one; :attr:`saved` carries the result."""

    saved = Signal(object)  # GroupDTO

    def __init__(self, db: Database, group: GroupDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.group = group
        self.setWindowTitle(self.tr("Rename group") if group else self.tr("New recipient group"))
        self.name = QLineEdit(group.name if group else "")
        self.name.setMaxLength(300)
        self.short_name = QLineEdit(group.short_name if group else "")
        self.short_name.setMaxLength(120)
        self.name_error = ErrorLabel()
        self.short_error = ErrorLabel()
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.errors.add("name", self.name_error, self.name)
        self.errors.add("short_name", self.short_error, self.short_name)
        form = QFormLayout()
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        short_label = QLabel(self.tr("&Short name:"))
        short_label.setBuddy(self.short_name)
        form.addRow(name_label, self.name)
        form.addRow("", self.name_error)
        form.addRow(short_label, self.short_name)
        form.addRow("", self.short_error)
        self.buttons = dialog_buttons(self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 520, self.sizeHint().height())
        self.name.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.group is None:
                result = create_group(self._db, self.name.text(), self.short_name.text())
            else:
                result = rename_group(self._db, self.group.id, self.name.text(),
                                      self.group.version, short_name=self.short_name.text())
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, see FieldErrors.handle
            self.errors.handle(self, exc)
            return
        self.saved.emit(result)
        self.accept()
