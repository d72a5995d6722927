"""The organisation tree, loaded lazily: a node's children are read when it is expanded.

The model never reads more than the clerk opens: the roots when the view first asks, then the
children of each node the clerk expands (``canFetchMore``/``fetchMore``). Whether a node has
children comes from its ``child_count``, so no grandchildren are read to draw the expand arrows.
Start-up therefore costs the same for 300 or 30,000 organisations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)

from desktop.domain.numbers import format_int
from desktop.services.dto import OrgNode

ModelIndex = QModelIndex | QPersistentModelIndex
ChildrenLoader = Callable[[int | None], Sequence[OrgNode]]

#: The organisation's database id.
OrgIdRole = Qt.ItemDataRole.UserRole + 1

_ROOT_ID = 0  # organisations ids are positive
_ROW_SIZE = QSize(0, 24)


class _Node:
    __slots__ = ("org", "parent_id", "row", "children", "loaded")

    def __init__(self, org: OrgNode | None, parent_id: int, row: int) -> None:
        self.org = org
        self.parent_id = parent_id
        self.row = row
        self.children: list[int] = []
        self.loaded = False

    @property
    def has_children(self) -> bool:
        return self.org is None or self.org.child_count > 0


class OrgColumns:
    """Columns shared by the tree and the flat search results."""

    NAME, KIND, CELLS, MEMBERS, CODE = range(5)
    COUNT = 5

    @staticmethod
    def display(org: OrgNode, column: int) -> Any:
        if column == OrgColumns.NAME:
            return org.name
        if column == OrgColumns.KIND:
            return org.kind
        if column == OrgColumns.CELLS:
            return format_int(org.party_cells)
        if column == OrgColumns.MEMBERS:
            return format_int(org.party_members)
        if column == OrgColumns.CODE:
            return org.code or ""
        return None

    @staticmethod
    def data(org: OrgNode, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return OrgColumns.display(org, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == OrgColumns.NAME:
            return org.name
        if role == Qt.ItemDataRole.SizeHintRole and column == OrgColumns.NAME:
            return _ROW_SIZE  # airy rows; with uniform row heights only one row is asked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            OrgColumns.CELLS, OrgColumns.MEMBERS
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == OrgIdRole:
            return org.id
        return None


def org_header(section: int) -> str | None:
    """The column titles of the tree and of the search results."""
    titles = (
        QCoreApplication.translate("OrgColumns", "Organisation"),
        QCoreApplication.translate("OrgColumns", "Kind"),
        QCoreApplication.translate("OrgColumns", "Party cells"),
        QCoreApplication.translate("OrgColumns", "Party members"),
        QCoreApplication.translate("OrgColumns", "Code"),
    )
    return titles[section] if 0 <= section < len(titles) else None


class OrgTreeModel(QAbstractItemModel):
    """A lazy tree over ``loader(parent_id)`` (``organisations.children`` in the application)."""

    def __init__(self, loader: ChildrenLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._nodes: dict[int, _Node] = {_ROOT_ID: _Node(None, -1, 0)}

    def reload(self) -> None:
        """Forget everything loaded; the view fetches the roots again."""
        self.beginResetModel()
        self._nodes = {_ROOT_ID: _Node(None, -1, 0)}
        self.endResetModel()

    def _node(self, index: ModelIndex) -> _Node:
        if not index.isValid():
            return self._nodes[_ROOT_ID]
        return self._nodes[index.internalId()]

    def org(self, index: ModelIndex) -> OrgNode | None:
        return self._node(index).org if index.isValid() else None

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < OrgColumns.COUNT):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._nodes[index.internalId()]
        if node.parent_id == _ROOT_ID:
            return QModelIndex()
        parent = self._nodes[node.parent_id]
        return self.createIndex(parent.row, 0, node.parent_id)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return OrgColumns.COUNT

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return bool(node.children) if node.loaded else node.has_children

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return not node.loaded and node.has_children

    def fetchMore(self, parent: ModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        node = self._node(parent)
        node_id = parent.internalId() if parent.isValid() else _ROOT_ID
        orgs = list(self._loader(node.org.id if node.org is not None else None))
        node.loaded = True
        if not orgs:
            # The count was stale (someone ended the children meanwhile): no arrow any more.
            if parent.isValid():
                self.dataChanged.emit(parent, parent)
            return
        self.beginInsertRows(parent, 0, len(orgs) - 1)
        for row, org in enumerate(orgs):
            self._nodes[org.id] = _Node(org, node_id, row)
            node.children.append(org.id)
        self.endInsertRows()

    # ------------------------------------------------------------------ data

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        org = self._nodes[index.internalId()].org
        return None if org is None else OrgColumns.data(org, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return org_header(section)
        return None
