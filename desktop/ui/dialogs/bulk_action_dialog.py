"""The small dialog of a bulk action on the grid's selection.

One dialog for the four actions of :mod:`desktop.services.tracking_bulk`: mark received (date,
channel), set the study session (date, form), mark reported (date received, report number),
clear fields (tick the columns to empty). The date is checked inline under the field; Enter is
"Áp dụng", Esc "Hủy". :meth:`action` gives the service's action value.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import parse_date
from desktop.domain.enums import Channel, StudyForm
from desktop.services.tracking_bulk import (
    BulkAction,
    ClearFields,
    MarkReceived,
    MarkReported,
    SetSession,
)
from desktop.services.tracking_fields import ROW_FIELDS
from desktop.ui.widgets.date_edit import DateEdit

RECEIVED, SESSION, REPORTED, CLEAR = "received", "session", "reported", "clear"
KINDS = (RECEIVED, SESSION, REPORTED, CLEAR)


class BulkActionDialog(QDialog):
    """Asks what the bulk action needs; :meth:`action` builds it once accepted."""

    def __init__(self, kind: str, count: int, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        titles = {
            RECEIVED: self.tr("Mark received"),
            SESSION: self.tr("Set study session"),
            REPORTED: self.tr("Mark reported"),
            CLEAR: self.tr("Clear fields"),
        }
        self.setWindowTitle(titles[kind])
        self.setMinimumWidth(400)
        intro = QLabel(self.tr("{count} selected rows. Rows that already have this information "
                               "are left as they are.").format(count=count))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.date = DateEdit(today=today)
        self.date.set_date(today)
        self.choice = QComboBox()
        self.number = QLineEdit()
        self.number.setMaxLength(60)
        self.checks: dict[str, QCheckBox] = {}
        if kind in (RECEIVED, SESSION, REPORTED):
            date_label = {RECEIVED: self.tr("&Received on:"), SESSION: self.tr("&Studied on:"),
                          REPORTED: self.tr("Report &received on:")}[kind]
            form.addRow(date_label, self.date)
        if kind in (RECEIVED, SESSION):
            enum = Channel if kind == RECEIVED else StudyForm
            self.choice.addItem(self.tr("(leave as it is)"), None)
            for member in enum:
                self.choice.addItem(member.label, member.value)
            form.addRow(self.tr("&Channel:") if kind == RECEIVED else self.tr("&Form:"),
                        self.choice)
        if kind == REPORTED:
            form.addRow(self.tr("Report &number:"), self.number)
        if kind == CLEAR:
            for key, spec in ROW_FIELDS.items():
                box = QCheckBox(spec.label)
                self.checks[key] = box
                form.addRow(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Apply"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._today = today
        if kind in (RECEIVED, SESSION, REPORTED):
            # the clerk opens the dialog to type the day: the field has the focus, its
            # prefilled day selected, so typing replaces it (Enter alone keeps it)
            self.date.edit.setFocus()
            self.date.edit.selectAll()

    def _accept(self) -> None:
        if self.kind in (RECEIVED, SESSION, REPORTED) and not self.date.check():
            self.date.edit.setFocus()
            return
        if self.kind == CLEAR and not any(b.isChecked() for b in self.checks.values()):
            self.error.setText(self.tr("Tick at least one field to clear."))
            self.error.show()
            return
        self.accept()

    def action(self) -> BulkAction:
        if self.kind == CLEAR:
            return ClearFields(tuple(k for k, b in self.checks.items() if b.isChecked()))
        day = parse_date(self.date.text(), today=self._today)
        if self.kind == RECEIVED:
            return MarkReceived(day, self.choice.currentData())
        if self.kind == SESSION:
            return SetSession(day, self.choice.currentData())
        return MarkReported(day, self.number.text().strip())
