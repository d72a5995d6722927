"""The filters of the document register: type, year of issue and issuing body.

Three combo boxes ("Mọi loại", "Mọi năm", "Mọi cơ quan" first) that emit :attr:`changed`;
:meth:`RegisterFilters.values` gives the keywords of
:func:`desktop.services.ui_queries_documents.list_register`. The choice is remembered in
QSettings with the page's layout.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.services import vocab
from desktop.services.database import Database
from desktop.services.document_lookup import issuing_bodies
from desktop.services.ui_queries_documents import register_years
from desktop.ui.widgets.combo_fill import refill

_KEYS = ("type", "year", "body")


class RegisterFilters(QWidget):
    """Loại / Năm / Cơ quan, side by side."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.type_filter = QComboBox()
        self.year_filter = QComboBox()
        self.body_filter = QComboBox()
        self.refresh_lists()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, combo, stretch in ((self.tr("T&ype:"), self.type_filter, 2),
                                     (self.tr("Y&ear:"), self.year_filter, 1),
                                     (self.tr("Iss&ued by:"), self.body_filter, 3)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)  # a narrow window still shows the list
            combo.setMaximumWidth(320)  # grows up to this when there is room
            label = QLabel(text)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo, stretch)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout.addStretch(2)

    @property
    def combos(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return self.type_filter, self.year_filter, self.body_filter

    def refresh_lists(self) -> bool:
        """Read the types, years and issuing bodies again (edited elsewhere since), keeping
        what is chosen; True (and :attr:`changed` emitted) when a chosen one is gone."""
        db = self._db
        lost = refill(self.type_filter, [(self.tr("All types"), None),
                                         *((t.name, t.code) for t in vocab.document_types(db))])
        lost = refill(self.body_filter, [(self.tr("All issuing bodies"), None),
                                         *((f"{b.symbol} — {b.name}", b.id)
                                           for b in issuing_bodies(db))]) or lost
        self.fill_years()
        if lost:
            self.changed.emit()
        return lost

    def fill_years(self) -> None:
        """The years documents exist for (again, after a change), keeping the one chosen."""
        current = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for year in register_years(self._db):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(current), 0))
        self.year_filter.blockSignals(False)

    def values(self) -> dict[str, Any]:
        return {"type_code": self.type_filter.currentData(),
                "year": self.year_filter.currentData(),
                "issuing_body_id": self.body_filter.currentData()}

    def active(self) -> bool:
        return any(c.currentData() is not None for c in self.combos)

    def clear(self) -> None:
        """Back to "all" without emitting :attr:`changed`."""
        for combo in self.combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def save(self, settings: QSettings, group: str) -> None:
        for key, combo in zip(_KEYS, self.combos, strict=True):
            settings.setValue(f"{group}/filter_{key}", combo.currentData())

    def restore(self, settings: QSettings, group: str) -> bool:
        """Choose what :meth:`save` kept (without emitting); True when a filter is on."""
        restored = False
        for key, combo in zip(_KEYS, self.combos, strict=True):
            value = settings.value(f"{group}/filter_{key}")
            if value in (None, ""):
                continue
            index = next((i for i in range(combo.count())
                          if str(combo.itemData(i)) == str(value)), -1)
            if index > 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
                restored = True
        return restored
