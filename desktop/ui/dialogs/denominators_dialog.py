"""Số chi bộ, đảng viên…: the dated counts of one organisation, added, corrected, deleted.

Reports divide by the latest figures dated on or before their period, so a new count is a new
dated row. The table lists every row, newest first; selecting one puts it in the form below
for correcting (saved with its version); "Mới" empties the form for a new date. Saving a date
that already has a row corrects that row. Numbers are typed as clerks write them ("1.234").
Every change is saved at once; :attr:`DenominatorsDialog.changed` tells the page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.services.database import Database
from desktop.services.org_denominators import (
    delete_denominator,
    denominator_history,
    set_denominator,
)
from desktop.services.org_types import DenominatorEntry, OrgDetail
from desktop.ui.dialogs import message
from desktop.ui.dialogs.org_dialog_common import FieldErrors, fit_height
from desktop.ui.models.denominator_model import DenominatorModel
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit


class DenominatorsDialog(QDialog):
    """The history table, and a form for one dated row."""

    changed = Signal(int)  # the organisation's id

    def __init__(self, db: Database, detail: OrgDetail, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.detail = detail
        self._today = today or date.today()
        self._editing: DenominatorEntry | None = None
        self.setWindowTitle(self.tr("Party cells and members — {name}").format(
            name=detail.current_name))
        self.model = DenominatorModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DenominatorModel.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DenominatorModel.DATE, 100)
        header.resizeSection(DenominatorModel.CELLS, 90)
        header.resizeSection(DenominatorModel.MEMBERS, 110)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.as_of = DateEdit(required=True, today=self._today)
        self.as_of.edit.editingFinished.connect(lambda: fit_height(self))
        self.cells = QLineEdit()
        self.members = QLineEdit()
        self.note = QLineEdit()
        self.cells_error = ErrorLabel()
        self.members_error = ErrorLabel()
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.errors.add("as_of", self.as_of)
        self.errors.add("party_cells", self.cells_error, self.cells)
        self.errors.add("party_members", self.members_error, self.members)
        form = QFormLayout()
        form.addRow(self._label(self.tr("As of &date:"), self.as_of), self.as_of)
        form.addRow(self._label(self.tr("Party &cells:"), self.cells), self.cells)
        form.addRow("", self.cells_error)
        form.addRow(self._label(self.tr("Party m&embers:"), self.members), self.members)
        form.addRow("", self.members_error)
        form.addRow(self._label(self.tr("N&ote:"), self.note), self.note)
        self.save_button = QPushButton(self.tr("&Save figures"))
        self.save_button.setDefault(True)
        self.new_button = QPushButton(self.tr("&New date"))
        self.delete_button = QPushButton(self.tr("De&lete row"))
        for button in (self.new_button, self.delete_button):
            button.setAutoDefault(False)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            self.tr("Close"))
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.close_buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_row)
        self.delete_button.clicked.connect(self.delete_row)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.save_button)
        row_buttons.addWidget(self.new_button)
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.close_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(row_buttons)
        resize_to_fit(self, 620, 480)
        self.load()
        self.new_row()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def load(self) -> None:
        self.model.set_rows(denominator_history(self._db, self.detail.id))
        self.delete_button.setEnabled(False)

    def new_row(self) -> None:
        self.table.clearSelection()
        self._editing = None
        self.errors.clear()
        self.as_of.set_date(self._today)
        self.cells.clear()
        self.members.clear()
        self.note.clear()
        self.delete_button.setEnabled(False)
        self.as_of.setFocus()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.row_at(rows[0].row())
        self._editing = entry
        self.errors.clear()
        self.as_of.set_date(entry.as_of)
        self.cells.setText(format_int(entry.party_cells))
        self.members.setText(format_int(entry.party_members))
        self.note.setText(entry.note)
        self.delete_button.setEnabled(True)

    def save(self) -> None:
        self.errors.clear()
        if not self.as_of.check():
            self.as_of.setFocus()
            fit_height(self)
            return
        day = self.as_of.date()
        assert day is not None
        editing = self._editing if self._editing and self._editing.as_of == day else None
        if editing is None:  # a date that already has a row corrects that row
            row = self.model.row_of_date(day)
            editing = self.model.row_at(row) if row >= 0 else None
        try:
            entry = set_denominator(self._db, self.detail.id, day, self.cells.text(),
                                    self.members.text(), note=self.note.text(),
                                    expected_version=editing.version if editing else None)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, see FieldErrors.handle
            self.errors.handle(self, exc, self.load)
            return
        self.load()
        row = self.model.row_of_date(entry.as_of)
        if row >= 0:
            self.table.selectRow(row)
        self.changed.emit(self.detail.id)

    def delete_row(self) -> None:
        entry = self._editing
        if entry is None:
            return
        answer = message.question(
            self, self.tr("Delete the figures dated {day}?").format(day=format_date(entry.as_of)),
            informative=self.tr("The previous figures (if any) apply again from that day."))
        if answer != message.Button.Yes:
            return
        try:
            delete_denominator(self._db, entry.id, entry.version)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, see FieldErrors.handle
            self.errors.handle(self, exc, self.load)
            return
        self.load()
        self.new_row()
        self.changed.emit(self.detail.id)
