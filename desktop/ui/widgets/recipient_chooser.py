"""Choosing recipients from lists: the "Nơi nhận" groups, and organisations found by a search.

Both lists are checkable views of one :class:`~desktop.ui.models.recipient_match_model.
RecipientMatchModel`: checking a group or an organisation adds a line for it, unchecking takes
it away, and the "Đã chọn" list shows every group and organisation the document will be
tracked for, however it got there (chosen here or matched from a pasted block). Member counts
and names are those of the document's date.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.domain.numbers import format_int
from desktop.domain.text import fold
from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.org_groups import list_groups
from desktop.services.recipients import KIND_GROUP, KIND_ORGANISATION
from desktop.ui.models.recipient_match_model import RecipientMatchModel
from desktop.ui.widgets.search_box import SearchBox

SEARCH_LIMIT = 100
_TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, id, name)


class RecipientChooser(QWidget):
    """Groups (checkable) | organisation search (checkable results) | what is chosen."""

    def __init__(
        self, db: Database, model: RecipientMatchModel, as_of: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._model = model
        self._as_of = as_of
        self._syncing = False

        self.groups = QListWidget()
        for g in list_groups(db, as_of):
            item = QListWidgetItem(self.tr("{name} — {count} organisations").format(
                name=g.name, count=format_int(g.active_members)))
            item.setData(_TARGET_ROLE, (KIND_GROUP, g.id, g.name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(g.note or g.name)
            self.groups.addItem(item)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Name, short name or code (accents not needed)"))
        self.results = QListWidget()
        self.chosen = QListWidget()
        self.remove_button = QPushButton(self.tr("&Remove from the list"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_chosen)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.chosen)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_chosen)
        self.count_label = QLabel()

        grid = QGridLayout(self)
        for column, (text, buddy) in enumerate((
            (self.tr("&Groups (as of {date}):").format(date=as_of.strftime("%d/%m/%Y")),
             self.groups),
            (self.tr("&Find an organisation:"), self.search),
            (self.tr("C&hosen:"), self.chosen),
        )):
            label = QLabel(text)
            label.setBuddy(buddy)
            grid.addWidget(label, 0, column)
        grid.addWidget(self.groups, 1, 0, 2, 1)
        grid.addWidget(self.search, 1, 1)
        grid.addWidget(self.results, 2, 1)
        grid.addWidget(self.chosen, 1, 2, 2, 1)
        grid.addWidget(self.count_label, 3, 1)
        grid.addWidget(self.remove_button, 3, 2)
        grid.setRowStretch(2, 1)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.groups.itemChanged.connect(self._item_checked)
        self.results.itemChanged.connect(self._item_checked)
        self.search.search_changed.connect(self.find)
        self.search.returnPressed.connect(self._focus_results)
        model.entries_changed.connect(self.sync)
        self.sync()

    # ------------------------------------------------------------------ search

    def find(self, text: str) -> None:
        self._syncing = True
        try:
            self.results.clear()
            rows = organisations.search(self._db, text, self._as_of, limit=SEARCH_LIMIT) \
                if text else []
            # many party cells share a name ("Chi bộ Văn phòng"): those say where they belong
            seen = Counter(fold(org.name) for org in rows)
            twins = [org for org in rows if seen[fold(org.name)] > 1]
            parents = organisations.names(self._db, {o.parent_id for o in twins
                                                     if o.parent_id is not None}, self._as_of)
            for org in rows:
                shown = org.name if not org.kind else f"{org.name} — {org.kind}"
                if seen[fold(org.name)] > 1 and parents.get(org.parent_id):
                    shown += self.tr(", in {parent}").format(parent=parents[org.parent_id])
                item = QListWidgetItem(shown)
                item.setToolTip(shown)
                item.setData(_TARGET_ROLE, (KIND_ORGANISATION, org.id, org.name))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(self._state(KIND_ORGANISATION, org.id))
                self.results.addItem(item)
        finally:
            self._syncing = False
        if not text:
            self.count_label.clear()
        elif len(rows) >= SEARCH_LIMIT:
            self.count_label.setText(self.tr("First {count} found; type more to narrow down")
                                     .format(count=format_int(len(rows))))
        else:
            self.count_label.setText(self.tr("{count} found (Space ticks one)").format(
                count=format_int(len(rows))))

    def _focus_results(self) -> None:
        if self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)

    # ------------------------------------------------------------------ checking

    def _state(self, kind: str, target_id: int) -> Qt.CheckState:
        return (Qt.CheckState.Checked if self._model.has_target(kind, target_id)
                else Qt.CheckState.Unchecked)

    def _item_checked(self, item: QListWidgetItem) -> None:
        if self._syncing:
            return
        kind, target_id, name = item.data(_TARGET_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self._model.add_target(kind, target_id, name)
        else:
            self._model.remove_target(kind, target_id)

    def sync(self) -> None:
        """Tick what the model tracks; list it under "Đã chọn"."""
        self._syncing = True
        try:
            for view in (self.groups, self.results):
                for row in range(view.count()):
                    item = view.item(row)
                    kind, target_id, _name = item.data(_TARGET_ROLE)
                    item.setCheckState(self._state(kind, target_id))
            current = self.chosen.currentRow()
            self.chosen.clear()
            seen: set[tuple[str, int | None]] = set()
            for e in self._model.entries():
                if not e.tracked or (e.kind, e.target_id) in seen:
                    continue
                seen.add((e.kind, e.target_id))
                item = QListWidgetItem(f"{self._model.kind_name(e.kind)}: {e.name}")
                item.setData(_TARGET_ROLE, (e.kind, e.target_id, e.name))
                self.chosen.addItem(item)
            if self.chosen.count():
                self.chosen.setCurrentRow(min(max(current, 0), self.chosen.count() - 1))
        finally:
            self._syncing = False
        self.remove_button.setEnabled(self.chosen.count() > 0)

    def remove_chosen(self) -> None:
        item = self.chosen.currentItem()
        if item is not None:
            kind, target_id, _name = item.data(_TARGET_ROLE)
            self._model.remove_target(kind, target_id)
