"""The tables of the organisation import preview: problems, creations, changes, denominators.

One plain read-only table model (:class:`PreviewTableModel`: column titles and rows of text)
and one function per table that turns an :class:`~desktop.services.org_import.ImportPlan` (or
the problems of a refused workbook) into its rows. The problems table puts the cell first,
written as Excel writes it (``'Danh sách'!C17``), so the clerk can go straight to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from desktop.domain.numbers import format_int
from desktop.services.org_import_fields import FIELD_LABELS
from desktop.ui.models.org_list_model import ModelIndex

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from desktop.services.org_import import ImportPlan
    from desktop.services.workbook_safety import WorkbookProblem

Rows = list[tuple[str, ...]]



class PreviewTableModel(QAbstractTableModel):
    """Rows of text under fixed column titles; ``numeric`` columns are right-aligned."""

    def __init__(self, titles: Sequence[str], numeric: Sequence[int] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = tuple(titles)
        self._numeric = frozenset(numeric)
        self._rows: Rows = []

    def set_rows(self, rows: Rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> tuple[str, ...]:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._titles)):
            return self._titles[section]
        return None


def problems_model(parent: QObject | None = None) -> PreviewTableModel:
    return PreviewTableModel((translate("ImportPreview", "Cell"),
                              translate("ImportPreview", "Field"),
                              translate("ImportPreview", "What is wrong")), parent=parent)


def creations_model(parent: QObject | None = None) -> PreviewTableModel:
    return PreviewTableModel((translate("ImportPreview", "Row"),
                              translate("ImportPreview", "Organisation"),
                              translate("ImportPreview", "Code"),
                              translate("ImportPreview", "Parent"),
                              translate("ImportPreview", "Kind")), numeric=(0,), parent=parent)


def changes_model(parent: QObject | None = None) -> PreviewTableModel:
    return PreviewTableModel((translate("ImportPreview", "Row"),
                              translate("ImportPreview", "Organisation"),
                              translate("ImportPreview", "Field"),
                              translate("ImportPreview", "Before"),
                              translate("ImportPreview", "After")), numeric=(0,), parent=parent)


def denominators_model(parent: QObject | None = None) -> PreviewTableModel:
    return PreviewTableModel((translate("ImportPreview", "Row"),
                              translate("ImportPreview", "Organisation"),
                              translate("ImportPreview", "Before"),
                              translate("ImportPreview", "After")), numeric=(0,), parent=parent)


def problem_rows(problems: Sequence[WorkbookProblem]) -> Rows:
    return [(p.location, FIELD_LABELS.get(p.field, p.field), p.message) for p in problems]


def creation_rows(plan: ImportPlan) -> Rows:
    top = translate("ImportPreview", "(top level)")
    return [(format_int(c.row), c.name, c.code or "", c.parent or top, c.kind)
            for c in plan.creates]


def change_rows(plan: ImportPlan) -> Rows:
    """One row per changed field: "Tên viết tắt: Sở NN&PTNT → Sở NN&MT"."""
    return [(format_int(u.row), u.name, c.label, c.before, c.after)
            for u in plan.updates for c in u.changes]


def denominator_rows(plan: ImportPlan) -> Rows:
    from desktop.services.org_import_plan import describe_denominator

    return [(format_int(d.row), d.name, describe_denominator(d.cells_before, d.members_before),
             describe_denominator(d.cells, d.members)) for d in plan.denominators]
