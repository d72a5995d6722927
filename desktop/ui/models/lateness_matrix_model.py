"""Organisations × documents: who is behind on what, one coloured cell per tracking row.

Columns: the organisation, its number of overdue documents, its overdue working days (summed),
then one column per document. A cell shows a short symbol and a colour (see :data:`LEGEND`):
reported ✓ (green; amber when reported late), overdue by N working days (red, the number),
returned for completion ↺ (orange), still in progress · / not received ○ (neutral), not sent
to that organisation — (grey). Sorting by a header sorts by lateness (most late first) or by
name in Vietnamese order.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.domain.text import vi_sort_key
from desktop.services.dashboard import MatrixCell, MatrixColumn, MatrixRow
from desktop.services.tracking_status import RowStatus

Index = QModelIndex | QPersistentModelIndex
#: (document id, organisation id) of a cell; None on the organisation's own columns
IDS_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = 3  # organisation, overdue documents, overdue days

ON_TIME, REPORTED_LATE, LATE, RETURNED, OPEN, NOT_RECEIVED, NOT_SENT = (
    "on_time",
    "reported_late",
    "late",
    "returned",
    "open",
    "not_received",
    "not_sent",
)
_COLORS = {
    ON_TIME: QColor("#c8e6c9"),
    REPORTED_LATE: QColor("#fff0b3"),
    LATE: QColor("#f4a6a6"),
    RETURNED: QColor("#ffd199"),
    OPEN: QColor("#ffffff"),
    NOT_RECEIVED: QColor("#eeeeee"),
    NOT_SENT: QColor("#d9d9d9"),
}
_SYMBOLS = {
    ON_TIME: "✓",
    REPORTED_LATE: "✓",
    RETURNED: "↺",
    OPEN: "·",
    NOT_RECEIVED: "○",
    NOT_SENT: "—",
}
_TEXT_COLOR = QColor("#202020")


def cell_kind(cell: MatrixCell | None) -> str:
    """Which of the legend's kinds a cell is (lateness wins over the step reached)."""
    if cell is None:
        return NOT_SENT
    status = RowStatus(cell.status)
    if status is RowStatus.REPORTED_ON_TIME:
        return ON_TIME
    if status is RowStatus.REPORTED_LATE:
        return REPORTED_LATE
    if cell.overdue:
        return LATE
    if status is RowStatus.RETURNED:
        return RETURNED
    if status is RowStatus.NOT_RECEIVED:
        return NOT_RECEIVED
    return OPEN


def legend() -> list[tuple[str, str, QColor]]:
    """(symbol, meaning, colour) for the legend under the matrix."""
    return [
        (
            _SYMBOLS[ON_TIME],
            QCoreApplication.translate("LatenessMatrixModel", "reported on time"),
            _COLORS[ON_TIME],
        ),
        (
            _SYMBOLS[REPORTED_LATE],
            QCoreApplication.translate("LatenessMatrixModel", "reported late"),
            _COLORS[REPORTED_LATE],
        ),
        (
            "5",
            QCoreApplication.translate("LatenessMatrixModel", "overdue: working days late"),
            _COLORS[LATE],
        ),
        (
            _SYMBOLS[RETURNED],
            QCoreApplication.translate("LatenessMatrixModel", "returned for completion"),
            _COLORS[RETURNED],
        ),
        (
            _SYMBOLS[OPEN],
            QCoreApplication.translate("LatenessMatrixModel", "in progress, not late"),
            _COLORS[OPEN],
        ),
        (
            _SYMBOLS[NOT_RECEIVED],
            QCoreApplication.translate("LatenessMatrixModel", "not received yet"),
            _COLORS[NOT_RECEIVED],
        ),
        (
            _SYMBOLS[NOT_SENT],
            QCoreApplication.translate("LatenessMatrixModel", "not sent to this organisation"),
            _COLORS[NOT_SENT],
        ),
    ]


class LatenessMatrixModel(QAbstractTableModel):
    """A read-only table over :class:`~desktop.services.dashboard.MatrixRow` rows."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._columns: list[MatrixColumn] = []
        self._rows: list[MatrixRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ data in

    def set_matrix(self, columns: list[MatrixColumn], rows: list[MatrixRow]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = list(rows)
        if self._sort is not None:
            self._rows.sort(
                key=self._key(self._sort[0]), reverse=self._sort[1] == Qt.SortOrder.DescendingOrder
            )
        self.endResetModel()

    def row_at(self, row: int) -> MatrixRow:
        return self._rows[row]

    def column_at(self, column: int) -> MatrixColumn | None:
        """The document of a column (None for the organisation's own columns)."""
        return self._columns[column - FIXED_COLUMNS] if column >= FIXED_COLUMNS else None

    def ids_at(self, index: Index) -> tuple[int, int] | None:
        """(document id, organisation id) of a document cell."""
        document = self.column_at(index.column()) if index.isValid() else None
        if document is None:
            return None
        return document.document_id, self._rows[index.row()].organisation_id

    def index_of(self, document_id: int, organisation_id: int) -> QModelIndex:
        col = next((i for i, c in enumerate(self._columns) if c.document_id == document_id), None)
        row = next(
            (i for i, r in enumerate(self._rows) if r.organisation_id == organisation_id), None
        )
        if col is None or row is None:
            return QModelIndex()
        return self.index(row, col + FIXED_COLUMNS)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        document = self.column_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if document is None:
                return (
                    QCoreApplication.translate("LatenessMatrixModel", "Organisation"),
                    QCoreApplication.translate("LatenessMatrixModel", "Late docs"),
                    QCoreApplication.translate("LatenessMatrixModel", "Days late"),
                )[section]
            return document.number_symbol
        if role == Qt.ItemDataRole.ToolTipRole:
            if document is None:
                return (
                    QCoreApplication.translate(
                        "LatenessMatrixModel", "Organisation (click to sort by name)"
                    ),
                    QCoreApplication.translate(
                        "LatenessMatrixModel", "Number of documents it is late on (click to sort)"
                    ),
                    QCoreApplication.translate(
                        "LatenessMatrixModel",
                        "Working days late, summed over the documents (click to sort)",
                    ),
                )[section]
            return (
                f"{document.type_name} {document.number_symbol} "
                f"({format_date(document.issue_date)})\n{document.excerpt}"
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if col < FIXED_COLUMNS:
            return self._org_data(row, col, role)
        document = self._columns[col - FIXED_COLUMNS]
        cell = row.cells.get(document.document_id)
        kind = cell_kind(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == LATE:
                mark = "↺" if cell is not None and cell.status == RowStatus.RETURNED else ""
                return f"{mark}{format_int(cell.days_overdue)}"  # type: ignore[union-attr]
            return _SYMBOLS[kind]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_COLORS[kind])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_TEXT_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(row, document, cell)
        if role == IDS_ROLE:
            return (document.document_id, row.organisation_id)
        return None

    def _org_data(self, row: MatrixRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.name
            return format_int(row.overdue_documents if col == 1 else row.overdue_days)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            code = f" ({row.code})" if row.code else ""
            return QCoreApplication.translate(
                "LatenessMatrixModel",
                "{name}{code}: late on {docs} documents, {days} working days in all",
            ).format(
                name=row.name,
                code=code,
                docs=format_int(row.overdue_documents),
                days=format_int(row.overdue_days),
            )
        return None

    def _cell_tip(self, row: MatrixRow, document: MatrixColumn, cell: MatrixCell | None) -> str:
        head = f"{row.name} — {document.number_symbol}"
        if cell is None:
            text = QCoreApplication.translate(
                "LatenessMatrixModel", "This document was not sent to this organisation."
            )
            return f"{head}\n{text}"
        lines = [head, cell.status_label]
        if cell.overdue:
            lines.append(
                QCoreApplication.translate(
                    "LatenessMatrixModel", "{days} working days overdue"
                ).format(days=format_int(cell.days_overdue))
            )
        lines.append(
            QCoreApplication.translate(
                "LatenessMatrixModel", "Click or press Enter: open this row in the tracking grid"
            )
        )
        return "\n".join(lines)

    # ------------------------------------------------------------------ sorting

    def _key(self, column: int):  # type: ignore[no-untyped-def]
        """Ascending key; lateness columns put the most late first in ascending order."""
        if column == 0:
            return lambda r: vi_sort_key(r.name)
        if column == 1:
            return lambda r: (-r.overdue_documents, -r.overdue_days, vi_sort_key(r.name))
        if column == 2:
            return lambda r: (-r.overdue_days, -r.overdue_documents, vi_sort_key(r.name))
        document_id = self._columns[column - FIXED_COLUMNS].document_id

        def by_cell(r: MatrixRow) -> tuple[int, int, object]:
            cell = r.cells.get(document_id)
            kind = cell_kind(cell)
            rank = {
                LATE: 0,
                RETURNED: 1,
                NOT_RECEIVED: 2,
                OPEN: 3,
                REPORTED_LATE: 4,
                ON_TIME: 5,
                NOT_SENT: 6,
            }[kind]
            return (rank, -(cell.days_overdue if cell else 0), vi_sort_key(r.name))

        return by_cell

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        persistent = self.persistentIndexList()
        ids = [id(old[i.row()]) for i in persistent]
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[k], i.column()) for k, i in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()
