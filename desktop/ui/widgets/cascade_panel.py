"""Văn bản triển khai: the documents issued under the selected one, and how far it reached.

Above, the cascade as a tree (:func:`desktop.services.cascade.document_tree`) with each child's
own progress; below, the coverage of the selected document per level of the organisation
tree (:func:`desktop.services.cascade.cascade_coverage`). Filled from a
:class:`~desktop.services.cascade.CascadeCoverage` computed on the worker thread. Enter or a
double click on a child asks the page to select it (:attr:`CascadePanel.document_activated`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.services.cascade import CascadeCoverage, DocumentNode
from desktop.services.dto import StageCounts
from desktop.ui.models.cascade_coverage_model import CascadeCoverageModel, format_ratio

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CascadePanel(QWidget):
    """The cascade tree beside the coverage per level."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Number, symbol"), self.tr("Date"),
                                   self.tr("Excerpt"), self.tr("Recipients"),
                                   self.tr("Received"), self.tr("Reported")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 85), (3, 90), (4, 120), (5, 120)):
            header.resizeSection(column, width)
        self.tree.itemActivated.connect(self._activated)
        tree_label = QLabel(self.tr("Documents issued to implement it:"))
        tree_label.setBuddy(self.tree)
        tree_label.setWordWrap(True)

        self.model = CascadeCoverageModel(self)
        self.levels = QTableView()
        self.levels.setModel(self.model)
        self.levels.verticalHeader().hide()
        self.levels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.levels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.levels.setWordWrap(False)
        levels_header = self.levels.horizontalHeader()
        levels_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        levels_label = QLabel(self.tr("Coverage per level of the organisation tree:"))
        levels_label.setBuddy(self.levels)
        levels_label.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(tree_label)
        left_layout.addWidget(self.tree, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(levels_label)
        right_layout.addWidget(self.levels, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        self.coverage: CascadeCoverage | None = None
        self.set_coverage(None)

    def set_loading(self) -> None:
        self.title.setText(self.tr("Reading the cascade…"))

    def set_coverage(self, coverage: CascadeCoverage | None) -> None:
        self.coverage = coverage
        self.model.set_coverage(coverage)
        self.tree.clear()
        if coverage is None:
            self.title.setText(self.tr("Select a document to see the documents issued under "
                                       "it."))
            return
        counts = {c.document.id: c.counts for c in coverage.children}
        root = coverage.root
        if root.children:
            for child in root.children:
                self.tree.addTopLevelItem(self._item(child, counts))
            self.tree.expandAll()
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.title.setText(self.tr(
                "{number}: {count} documents issued to implement it (all levels).").format(
                    number=root.number_symbol, count=format_int(len(coverage.children))))
        else:
            self.title.setText(self.tr(
                "{number}: no document has been issued to implement it yet (link one with "
                "«Implements» when adding it).").format(number=root.number_symbol))

    def _item(self, node: DocumentNode, counts: dict[int, StageCounts]) -> QTreeWidgetItem:
        c = counts.get(node.id, StageCounts())
        item = QTreeWidgetItem([
            node.number_symbol, format_date(node.issue_date),
            f"{node.type_name} {node.excerpt}", format_int(c.recipients),
            format_ratio(c.received, c.recipients) if c.recipients else "",
            format_ratio(c.reported, c.must_report or c.recipients) if c.recipients else "",
        ])
        item.setData(0, _ID_ROLE, node.id)
        item.setToolTip(2, node.excerpt)
        for column in (3, 4, 5):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
        for child in node.children:
            item.addChild(self._item(child, counts))
        return item

    def child_ids(self) -> list[int]:
        """The documents shown in the tree, depth first."""
        out: list[int] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(int(item.data(0, _ID_ROLE)))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return out

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.document_activated.emit(int(item.data(0, _ID_ROLE)))
