"""The filter bar of the tracking grid: status, overdue only, group, level, kind and search.

Emits :attr:`changed` with a :class:`~desktop.services.tracking_filters.TrackingFilter` (the
search box waits for the clerk to pause, ~200 ms, and ignores accents). The current filter is
remembered in QSettings; named filters are saved and loaded from the "Bộ lọc đã lưu" combo
(:meth:`save_named`, :meth:`load_named`, :meth:`delete_named`).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import vocab
from desktop.services.database import Database
from desktop.services.org_groups import list_groups
from desktop.services.tracking_filters import UNGROUPED, TrackingFilter
from desktop.services.tracking_status import RowStatus
from desktop.ui.widgets.combo_fill import refill
from desktop.ui.widgets.search_box import SearchBox

SETTINGS_GROUP = "tracking_grid"


class TrackingFilterBar(QWidget):
    """Two lines of filters above the grid."""

    changed = Signal(object)  # TrackingFilter

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._quiet = False
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Name, short name or code (accents optional)"))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for st in RowStatus:
            self.status.addItem(st.label, st.value)
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.group = QComboBox()
        refill(self.group, self._group_items())
        self.level = QComboBox()
        self.level.addItem(self.tr("All levels"), None)
        for depth in range(1, 5):
            self.level.addItem(self.tr("Level {n}").format(n=depth), depth)
        self.kind = QComboBox()
        refill(self.kind, self._kind_items())
        self.named = QComboBox()
        self.named.setMinimumContentsLength(12)
        self.save_button = QPushButton(self.tr("Sa&ve filter…"))
        self.delete_button = QPushButton(self.tr("Delete filter"))
        self.clear_button = QPushButton(self.tr("Clear fi&lters"))

        first = QHBoxLayout()
        for text, widget, stretch in ((self.tr("&Find:"), self.search, 3),
                                      (self.tr("S&tatus:"), self.status, 2),
                                      (self.tr("&Group:"), self.group, 2)):
            label = QLabel(text)
            label.setBuddy(widget)
            first.addWidget(label)
            first.addWidget(widget, stretch)
        first.addWidget(self.overdue)
        second = QHBoxLayout()
        for text, widget in ((self.tr("Le&vel:"), self.level), (self.tr("&Kind:"), self.kind),
                             (self.tr("Saved filte&rs:"), self.named)):
            label = QLabel(text)
            label.setBuddy(widget)
            second.addWidget(label)
            second.addWidget(widget, 1)
        second.addWidget(self.save_button)
        second.addWidget(self.delete_button)
        second.addWidget(self.clear_button)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)

        self.search.search_changed.connect(lambda _t: self._emit())
        for combo in (self.status, self.group, self.level, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.overdue.toggled.connect(lambda _b: self._emit())
        self.named.activated.connect(lambda _i: self.load_named(self.named.currentText()))
        self.save_button.clicked.connect(self._ask_name)
        self.delete_button.clicked.connect(lambda: self.delete_named(self.named.currentText()))
        self.clear_button.clicked.connect(lambda: self.set_filter(TrackingFilter()))
        self._fill_named()

    # ------------------------------------------------------------------ value

    def _group_items(self) -> list[tuple[str, object]]:
        return [(self.tr("All groups"), None),
                *((g.name, g.id) for g in list_groups(self._db)),
                (self.tr("(in no group)"), UNGROUPED)]

    def _kind_items(self) -> list[tuple[str, object]]:
        return [(self.tr("All kinds"), None),
                *((k.name, k.code) for k in vocab.org_kinds(self._db))]

    def refresh_lists(self) -> None:
        """Read the groups and kinds again (edited elsewhere since); a chosen one that is gone
        falls back to "all" and the grid is filtered again."""
        lost = refill(self.group, self._group_items())
        lost = refill(self.kind, self._kind_items()) or lost
        if lost:
            self._emit()

    def value(self) -> TrackingFilter:
        status = self.status.currentData()
        return TrackingFilter(
            statuses=frozenset([status]) if status else frozenset(),
            overdue_only=self.overdue.isChecked(), group_id=self.group.currentData(),
            depth=self.level.currentData(), kind=self.kind.currentData(),
            search=self.search.search_text())

    def set_filter(self, flt: TrackingFilter, *, emit: bool = True) -> None:
        self._quiet = True
        try:
            status = next(iter(flt.statuses), None)
            self.status.setCurrentIndex(max(self.status.findData(status), 0))
            self.overdue.setChecked(flt.overdue_only)
            self.group.setCurrentIndex(max(self.group.findData(flt.group_id), 0))
            self.level.setCurrentIndex(max(self.level.findData(flt.depth), 0))
            self.kind.setCurrentIndex(max(self.kind.findData(flt.kind), 0))
            self.search.setText(flt.search)
        finally:
            self._quiet = False
        if emit:
            self._emit()

    def _emit(self) -> None:
        if self._quiet:
            return
        flt = self.value()
        QSettings().setValue(f"{SETTINGS_GROUP}/filter", json.dumps(flt.to_dict()))
        self.changed.emit(flt)

    def restore(self) -> None:
        """Put back the filter the clerk left (without emitting)."""
        saved = QSettings().value(f"{SETTINGS_GROUP}/filter")
        if isinstance(saved, str) and saved:
            try:
                flt = TrackingFilter.from_dict(json.loads(saved))
            except (ValueError, TypeError):
                return
            self.set_filter(flt, emit=False)

    # ------------------------------------------------------------------ named filters

    @staticmethod
    def _saved() -> dict[str, dict[str, object]]:
        raw = QSettings().value(f"{SETTINGS_GROUP}/named", "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _fill_named(self) -> None:
        self.named.clear()
        self.named.addItem("")
        for name in sorted(self._saved()):
            self.named.addItem(name)

    def named_filters(self) -> list[str]:
        return sorted(self._saved())

    def save_named(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        saved = self._saved()
        saved[name] = self.value().to_dict()
        QSettings().setValue(f"{SETTINGS_GROUP}/named", json.dumps(saved, ensure_ascii=False))
        self._fill_named()
        self.named.setCurrentText(name)

    def load_named(self, name: str) -> bool:
        data = self._saved().get(name)
        if not isinstance(data, dict):
            return False
        self.set_filter(TrackingFilter.from_dict(data))
        return True

    def delete_named(self, name: str) -> None:
        saved = self._saved()
        if saved.pop(name, None) is not None:
            QSettings().setValue(f"{SETTINGS_GROUP}/named", json.dumps(saved, ensure_ascii=False))
            self._fill_named()

    def _ask_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"),
                                        self.tr("Name of this filter:"))
        if ok:
            self.save_named(name)
