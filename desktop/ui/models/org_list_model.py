"""Organisations as a flat list (same columns as the tree): search results and the sortable list.

Sorting follows the Vietnamese alphabet (A Ă Â B C D Đ E Ê …, tones Ha < Hà < Hả < Hã < Há <
Hạ, "Tổ 2" before "Tổ 10") through ``QCollator(QLocale("vi_VN"))``. 20,000 rows must sort
without a pause, so the collator is asked only once per list: the names are ranked once (the
service already returns them in folded-name order, nearly the collator's, so that costs few
comparisons), and every later sort, by any column and in either direction, is a sort of small
tuples of integers. Persistent indexes (the selection) follow their rows through a sort.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.services.dto import OrgNode
from desktop.ui.models.org_tree_model import OrgColumns, org_header

ModelIndex = QModelIndex | QPersistentModelIndex
_DIGITS = re.compile(r"\d+")


def vi_collator() -> QCollator:
    """The collator every Vietnamese sort of the UI uses (numbers compared by value)."""
    collator = QCollator(QLocale("vi_VN"))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def vi_ranks(texts: Sequence[str], collator: QCollator | None = None) -> list[int]:
    """The rank of each text in Vietnamese order (equal texts share a rank)."""
    coll = collator or vi_collator()
    order = sorted(range(len(texts)),
                   key=functools.cmp_to_key(lambda a, b: coll.compare(texts[a], texts[b])))
    ranks = [0] * len(texts)
    rank = 0
    for position, i in enumerate(order):
        if position and coll.compare(texts[order[position - 1]], texts[i]) != 0:
            rank = position
        ranks[i] = rank
    return ranks


def _pad(digits: re.Match[str]) -> str:
    return digits.group().zfill(12)


def natural_key(code: str | None) -> str:
    """Codes compared with their numbers by value ("X2" before "X10"), empty codes last."""
    return _DIGITS.sub(_pad, code.casefold()) if code else "\uffff"


class OrgListModel(QAbstractTableModel):
    """Organisations in the service's order until :meth:`sort` is asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OrgNode] = []
        self._keys: dict[int, list[Any]] = {}  # column -> key per row of ``_rows`` as set
        self._order: list[int] = []  # display row -> position in the list as set
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ content

    def set_rows(self, rows: Sequence[OrgNode]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = {}
        self._order = list(range(len(self._rows)))
        if self._sorted is not None:
            self._order = self._sorted_order(*self._sorted)
        self.endResetModel()

    def replace_rows(self, nodes: Iterable[OrgNode]) -> None:
        """Show new data for rows already listed (the order is kept until the next sort)."""
        by_id = {n.id: n for n in nodes}
        for display, position in enumerate(self._order):
            new = by_id.get(self._rows[position].id)
            if new is not None:
                self._rows[position] = new
                self.dataChanged.emit(self.index(display, 0),
                                      self.index(display, OrgColumns.COUNT - 1))
        if by_id:
            self._keys = {}

    def row_at(self, row: int) -> OrgNode:
        return self._rows[self._order[row]]

    def row_of(self, org_id: int) -> int:
        """The display row of an organisation (-1 when it is not listed)."""
        for display, position in enumerate(self._order):
            if self._rows[position].id == org_id:
                return display
        return -1

    def org_ids(self) -> list[int]:
        return [self._rows[p].id for p in self._order]

    # ------------------------------------------------------------------ sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < OrgColumns.COUNT:
            return
        self._sorted = (column, order)
        new_order = self._sorted_order(column, order)
        if new_order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        display_of = {position: display for display, position in enumerate(new_order)}
        before = self.persistentIndexList()
        after = [
            self.index(display_of[self._order[i.row()]], i.column()) if i.isValid() else i
            for i in before
        ]
        self._order = new_order
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = self._column_keys(column)
        result = sorted(range(len(self._rows)), key=keys.__getitem__)
        if order == Qt.SortOrder.DescendingOrder:
            result.reverse()
        return result

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is not None:
            return keys
        names = self._name_ranks()
        rows = self._rows
        if column == OrgColumns.NAME:
            keys = [(rank, i) for i, rank in enumerate(names)]
        elif column == OrgColumns.KIND:
            kinds = sorted({r.kind for r in rows},
                           key=functools.cmp_to_key(vi_collator().compare))
            kind_rank = {k: i for i, k in enumerate(kinds)}
            keys = [(kind_rank[r.kind], names[i], i) for i, r in enumerate(rows)]
        elif column in (OrgColumns.CELLS, OrgColumns.MEMBERS):
            value: Callable[[OrgNode], int | None] = (
                (lambda r: r.party_cells) if column == OrgColumns.CELLS
                else (lambda r: r.party_members))
            keys = [(value(r) is None, value(r) or 0, names[i], i) for i, r in enumerate(rows)]
        else:
            keys = [(natural_key(r.code), names[i], i) for i, r in enumerate(rows)]
        self._keys[column] = keys
        return keys

    def _name_ranks(self) -> list[int]:
        ranks = self._keys.get(-1)
        if ranks is None:
            ranks = vi_ranks([r.name for r in self._rows])
            self._keys[-1] = ranks
        return ranks

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else OrgColumns.COUNT

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return OrgColumns.data(self.row_at(index.row()), index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return org_header(section)
        return None
