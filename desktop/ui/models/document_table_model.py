"""The documents list: one row per document, sortable in Vietnamese order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.dates import format_date
from desktop.domain.text import vi_sort_key
from desktop.services.dto import DocumentRow

ModelIndex = QModelIndex | QPersistentModelIndex

#: The document's database id, for any cell of its row.
DocumentIdRole = Qt.ItemDataRole.UserRole + 1


class DocumentTableModel(QAbstractTableModel):
    """Rows of :class:`DocumentRow`; text columns sort with :func:`vi_sort_key`."""

    NUMBER, DATE, TYPE, EXCERPT, ISSUER = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ data

    def set_rows(self, rows: Sequence[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def row_of(self, document_id: int) -> int:
        """The row showing ``document_id``, or -1."""
        for i, doc in enumerate(self._rows):
            if doc.id == document_id:
                return i
        return -1

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Number, symbol"),
            self.tr("Date"),
            self.tr("Type"),
            self.tr("Excerpt"),
            self.tr("Issued by"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NUMBER:
                return doc.number_symbol
            if col == self.DATE:
                return format_date(doc.issue_date)
            if col == self.TYPE:
                return doc.type_name
            if col == self.EXCERPT:
                return doc.excerpt
            if col == self.ISSUER:
                return doc.issuing_body
        elif role == Qt.ItemDataRole.ToolTipRole and col in (self.EXCERPT, self.ISSUER):
            return doc.excerpt if col == self.EXCERPT else doc.issuing_body
        elif role == DocumentIdRole:
            return doc.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 5:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_ids = [d.id for d in self._rows]
        persistent = self.persistentIndexList()
        self._sort_rows(column, order)
        new_row = {d.id: i for i, d in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(new_row[old_ids[p.row()]], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key: Callable[[DocumentRow], Any]
        if column == self.DATE:
            key = lambda d: (d.issue_date or date.min, d.id)  # noqa: E731
        else:
            text: Callable[[DocumentRow], str] = {
                self.NUMBER: lambda d: d.number_symbol,
                self.TYPE: lambda d: d.type_name,
                self.EXCERPT: lambda d: d.excerpt,
                self.ISSUER: lambda d: d.issuing_body,
            }[column]
            key = lambda d: (vi_sort_key(text(d)), d.id)  # noqa: E731
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
