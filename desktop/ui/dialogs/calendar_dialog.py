"""Lịch làm việc: the public holidays and make-up working days of a year, edited by the clerk.

Working-day deadlines and days overdue count with this calendar
(:mod:`desktop.services.calendar`). Tết and the other holidays of 2025–2026 follow the
government's notices; later years hold the statutory days and must be checked each year against
the Prime Minister's notice — this is where the clerk does it. Keyboard: choose the year, type a
date and a name, Enter adds it (as a day off or a make-up working day); Del removes the
selected day. Every change is saved at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.errors import AppError
from desktop.services import calendar
from desktop.services.database import Database
from desktop.ui.models.org_list_model import ModelIndex
from desktop.ui.models.row_list_model import RowListModel
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit


class CalendarModel(RowListModel[calendar.CalendarDayRow]):
    DATE, WEEKDAY, KIND, NAME = range(4)
    COUNT = 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Date"), self.tr("Weekday"), self.tr("Kind"),
                    self.tr("Name"))[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.DATE:
            return format_date(row.day)
        if column == self.WEEKDAY:
            return row.weekday
        if column == self.KIND:
            return (self.tr("Day off") if row.kind == calendar.HOLIDAY
                    else self.tr("Make-up working day"))
        return row.name


class CalendarDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 year: int | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Working calendar"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year)
        self.model = CalendarModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            CalendarModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.day = DateEdit(required=True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Day off"), calendar.HOLIDAY)
        self.kind.addItem(self.tr("Make-up working day"), calendar.WORKDAY)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Tết Nguyên đán"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove the selected day"))
        self.error = ErrorLabel()
        note = QLabel(self.tr("Check the days of each new year against the Prime Minister's "
                              "notice on holidays; deadlines in working days count with them."))
        note.setWordWrap(True)
        note.setEnabled(False)

        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        entry = QHBoxLayout()
        day_label = QLabel(self.tr("&Date:"))
        day_label.setBuddy(self.day.edit)
        entry.addWidget(day_label)
        entry.addWidget(self.day)
        entry.addWidget(self.kind)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        entry.addWidget(name_label)
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        assert close is not None
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(lambda _y: self.reload())
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.day.edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.installEventFilter(self)  # Del on the table removes the selected day
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.reload()
        resize_to_fit(self, 640, 520)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete:
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        self.model.set_rows(calendar.list_calendar(self._db, self.year.value()))
        self.day.set_today(date(self.year.value(), 1, 1))

    def add(self) -> None:
        if not self.day.check():
            return
        day = self.day.date()
        assert day is not None
        try:
            if self.kind.currentData() == calendar.HOLIDAY:
                calendar.set_holiday(self._db, day, self.name.text())
            else:
                calendar.set_workday(self._db, day, self.name.text())
        except AppError as exc:
            self.error.show_message(exc.message)
            return
        self.error.clear_message()
        if day.year != self.year.value():
            self.year.setValue(day.year)  # reloads
        else:
            self.reload()
        self.day.set_date(None)
        self.name.clear()
        self.day.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        for row in rows:
            calendar.remove_calendar_day(self._db, self.model.row_at(row).day)
        if rows:
            self.reload()
