"""Refill a choice list from the database without losing what the clerk chose.

Filter lists (document types, organisation kinds, groups, years, issuing bodies) are read when
a page is built; a type added in Cài đặt or a group made on the Đơn vị page must show the next
time the clerk comes to the page, not after a restart. :func:`refill` replaces the entries,
keeps the chosen one (by its data) and says whether it is gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, items: Sequence[tuple[str, Any]]) -> bool:
    """Replace the entries with ``items`` (text, data), without signals when nothing the clerk
    sees changes. True when the chosen entry is gone (the first entry is chosen instead) —
    the caller applies the filter again."""
    current = combo.currentData()
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == list(items):
        return False
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
    finally:
        combo.blockSignals(False)
    return index < 0 and current is not None


__all__ = ["refill"]
