"""Nơi nhận: who a document goes to, chosen from lists or read from the pasted block.

Two tabs over one :class:`~desktop.ui.models.recipient_match_model.RecipientMatchModel`:

1. "Chọn nhóm, đơn vị" — tick groups (member counts as of the document's date) and
   organisations found by a search (:class:`~desktop.ui.widgets.recipient_chooser.
   RecipientChooser`);
2. "Dán từ văn bản" — paste the "Nơi nhận:" block of the document and press "Đối chiếu"
   (Ctrl+Enter): the block is split and matched on the worker thread
   (:func:`~desktop.services.recipients.split_recipient_block`,
   :class:`~desktop.services.recipients.RecipientMatcher`, loaded once per dialog) and the
   table shows, per recipient named, the printed line, the result (Nhóm / Đơn vị / Chỉ in),
   the name matched and why. The result of any row can be changed (F2 or typing opens the
   list: the candidates, and "Bỏ qua (chỉ in)").

The totals under the tabs count what will be stored. "Đồng ý" hands the rows back
(:meth:`RecipientsDialog.entries`); nothing is written until the document is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.database import Database
from desktop.services.recipients import (
    RecipientMatch,
    RecipientMatcher,
    split_recipient_block,
)
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs import message
from desktop.ui.models.recipient_match_model import (
    RecipientEntry,
    RecipientMatchModel,
    entries_from_matches,
    totals,
)
from desktop.ui.widgets.choice_delegate import ChoiceDelegate
from desktop.ui.widgets.recipient_chooser import RecipientChooser
from desktop.ui.widgets.screen_fit import resize_to_fit


def totals_text(entries: Sequence[RecipientEntry]) -> str:
    from PySide6.QtCore import QCoreApplication

    groups, orgs, texts = totals(entries)
    # the parts there are ("20 đơn vị", not "0 nhóm, 20 đơn vị, 0 dòng chỉ in")
    parts = [
        QCoreApplication.translate("RecipientsDialog", "{n} groups").format(n=groups)
        if groups else "",
        QCoreApplication.translate("RecipientsDialog", "{n} organisations").format(n=orgs)
        if orgs or not (groups or texts) else "",
        QCoreApplication.translate("RecipientsDialog", "{n} printed-only lines").format(n=texts)
        if texts else "",
    ]
    return ", ".join(part for part in parts if part)


class RecipientsDialog(QDialog):
    """Choose or paste the "Nơi nhận" of a document (see the module doc)."""

    def __init__(
        self, db: Database, runner: TaskRunner, as_of: date,
        entries: Sequence[RecipientEntry] = (), parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._as_of = as_of
        self._matcher: RecipientMatcher | None = None
        self.matching = False
        self.setWindowTitle(self.tr("Recipients (Nơi nhận) as of {date}").format(
            date=as_of.strftime("%d/%m/%Y")))

        self.model = RecipientMatchModel(self)
        self.model.set_entries(entries)
        self.chooser = RecipientChooser(db, self.model, as_of)

        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setTabChangesFocus(True)
        self.paste_edit.setPlaceholderText(self.tr(
            "Nơi nhận:\n- Các đảng bộ trực thuộc Tỉnh ủy;\n- …\n- Lưu Văn phòng Tỉnh ủy."))
        self.paste_edit.setPlainText("\n".join(e.text for e in entries if e.text))
        paste_label = QLabel(self.tr("&Paste the «Nơi nhận:» block of the document here:"))
        paste_label.setBuddy(self.paste_edit)
        self.match_button = QPushButton(self.tr("&Match (Ctrl+Enter)"))
        self.match_button.setAutoDefault(False)
        self.match_button.clicked.connect(self.match)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.match)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(RecipientMatchModel.RESULT,
                                            ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RecipientMatchModel.REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in ((RecipientMatchModel.LINE, 310), (RecipientMatchModel.RESULT, 70),
                              (RecipientMatchModel.NAME, 250)):
            header.resizeSection(column, width)
        table_label = QLabel(self.tr(
            "&Result (F2 changes a row: choose a suggestion or «print only»):"))
        table_label.setBuddy(self.table)

        paste_tab = QWidget()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(paste_label)
        top_layout.addWidget(self.paste_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.match_button)
        row.addStretch(1)
        top_layout.addLayout(row)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(table_label)
        bottom_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([170, 330])
        QVBoxLayout(paste_tab).addWidget(splitter)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.chooser, self.tr("&1. Choose groups, organisations"))
        self.tabs.addTab(paste_tab, self.tr("&2. Paste from the document"))
        self.totals_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.totals_label, 1)
        bottom_row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom_row)
        self.model.entries_changed.connect(self._update_totals)
        self._update_totals()
        self.setTabOrder(self.paste_edit, self.match_button)
        self.setTabOrder(self.match_button, self.table)
        self.tabs.setCurrentIndex(1 if entries else 0)  # the whole table when there is one
        resize_to_fit(self, 1020, 620)
    # ------------------------------------------------------------------ results

    def entries(self) -> list[RecipientEntry]:
        return self.model.entries()

    def _update_totals(self) -> None:
        self.totals_label.setText(totals_text(self.model.entries()))

    # ------------------------------------------------------------------ matching

    def match(self) -> None:
        """Split and match the pasted block on the worker thread, then show the rows."""
        if self.matching:
            return
        lines = split_recipient_block(self.paste_edit.toPlainText())
        if not lines:
            message.information(self, self.tr(
                "No recipient line was found. Paste the whole block, one recipient per line "
                "starting with «-»."))
            return
        db, as_of, matcher = self._db, self._as_of, self._matcher

        def work(_state: TaskState) -> tuple[RecipientMatcher, list[RecipientMatch]]:
            found = matcher or RecipientMatcher.load(db, as_of)
            return found, found.match_lines(lines)

        self.matching = True
        self.match_button.setEnabled(False)
        self._runner.run(work, on_done=self._matched, on_error=self._match_failed,
                         label=self.tr("Matching the recipients…"), parent=self)

    def _matched(self, result: tuple[RecipientMatcher, list[RecipientMatch]]) -> None:
        self.matching = False
        self.match_button.setEnabled(True)
        self._matcher, matches = result
        if any(e.manual for e in self.model.entries()):
            answer = message.question(
                self, self.tr("Replace the recipients chosen by hand with the result of the "
                              "match?"), default=message.Button.Yes)
            if answer != message.Button.Yes:
                return
        self.model.set_entries(entries_from_matches(matches))
        self.tabs.setCurrentIndex(1)
        self.table.setFocus()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, RecipientMatchModel.RESULT))

    def _match_failed(self, exc: BaseException) -> None:
        self.matching = False
        self.match_button.setEnabled(True)
        message.show_exception(self, exc)
