"""The deadlines of a document as an editable table: Insert adds a row, Delete removes it.

Typing in a cell starts editing it (F2 too); the kind is chosen from a list, the date typed
dd/mm/yyyy, the "only the directly subordinate level" box toggled with Space. A deadline in
working days is typed as a number in "Số ngày làm việc" (or as the directive words it in the
date cell: "10 ngày làm việc kể từ ngày nhận"), and "Tính từ" — date of issue or each
organisation's receipt — is chosen from a list or switched with Space. Problems (a date that
is not one) are listed under the table.

The computed dates follow the document's date of issue: :meth:`DeadlinesEditor.follow` ties the
editor to the dialog's :class:`~desktop.ui.widgets.document_form.DocumentForm` (its date, and
the work calendar it loads through a service).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.document_dto import DeadlineInput
from desktop.ui.models.deadline_table_model import DeadlineTableModel
from desktop.ui.widgets.choice_delegate import ChoiceDelegate
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.document_form import DocumentForm


class _CountedFromDelegate(ChoiceDelegate):
    """The "Tính từ" list; Space switches between its two values without opening it."""

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and isinstance(model, DeadlineTableModel)):
            model.toggle_counted_from(index.row())
            return True
        return super().editorEvent(event, model, option, index)


class DeadlinesEditor(QWidget):
    """Table of deadlines with "Thêm hạn" and "Xóa hạn"."""

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.model = DeadlineTableModel(self, today=today)
        self.form: DocumentForm | None = None
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(DeadlineTableModel.KIND, ChoiceDelegate(self.table))
        self.table.setItemDelegateForColumn(DeadlineTableModel.FROM,
                                            _CountedFromDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed | triggers.SelectedClicked)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DeadlineTableModel.LABEL, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DeadlineTableModel.KIND, 148), (DeadlineTableModel.DATE, 110),
                              (DeadlineTableModel.DAYS, 112), (DeadlineTableModel.FROM, 116),
                              (DeadlineTableModel.PERIOD, 82), (DeadlineTableModel.LEVEL, 172)):
            header.resizeSection(column, width)
        label = QLabel(self.tr("&Deadlines (Insert adds a row, Delete removes it):"))
        label.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("&Add deadline"))
        self.remove_button = QPushButton(self.tr("&Remove deadline"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table)
        insert.setContext(Qt.ShortcutContext.WidgetShortcut)
        insert.activated.connect(self.add_row)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.model.dataChanged.connect(lambda *_: self._refresh_problems())
        self.model.rowsRemoved.connect(lambda *_: self._refresh_problems())

    def follow(self, form: DocumentForm) -> None:
        """Count "from issue" deadlines from ``form``'s date of issue, in the work calendar
        ``form`` loads (once, when a working-day deadline is first shown)."""
        if self.form is form:
            return
        self.form = form
        self.model.set_calendar_loader(form.work_calendar)
        self.model.set_issue_date(form.date_edit.date())
        form.date_changed.connect(self.model.set_issue_date)

    def set_deadlines(self, deadlines: Sequence[DeadlineInput]) -> None:
        self.model.set_deadlines(deadlines)
        self.error.clear_message()

    def add_row(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, DeadlineTableModel.DATE)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        self.model.remove_row(row)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1),
                                                        index.column()))

    def inputs(self) -> tuple[list[DeadlineInput], list[str]]:
        return self.model.inputs()

    def _refresh_problems(self) -> None:
        if self.error.isVisible():
            self.show_problems(self.model.inputs()[1])

    def show_problems(self, problems: list[str]) -> None:
        self.error.show_message("\n".join(problems))
