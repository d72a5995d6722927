"""The organisation tree, loaded lazily: a node's children are read when it is expanded.

The model never reads more than the clerk opens: the roots when the view first asks, then the
children of each node the clerk expands (``canFetchMore``/``fetchMore``). Whether a node has
children comes from its ``child_count``, so no grandchildren are read to draw the expand arrows.
Start-up therefore costs the same for 300 or 30,000 organisations.

After an edit the page refreshes only what the edit touched: :meth:`OrgTreeModel.update_orgs`
replaces the rows of a few organisations, :meth:`OrgTreeModel.reload_children` re-reads the
children of one opened node and reconciles them with what is shown (rows removed, moved and
inserted one by one, so the opened subtrees of the others, the selection and the scroll
position stay). :meth:`OrgTreeModel.load_path` opens the tree down to one organisation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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

    # ------------------------------------------------------------------ lookups

    def index_of(self, org_id: int | None) -> QModelIndex:
        """The index of a loaded organisation (invalid when it is not in the loaded tree)."""
        if org_id is None or org_id not in self._nodes or org_id == _ROOT_ID:
            return QModelIndex()
        return self.createIndex(self._nodes[org_id].row, 0, org_id)

    def parent_id_of(self, org_id: int) -> tuple[bool, int | None]:
        """(shown, parent id) of an organisation in the loaded tree (None: a root)."""
        node = self._nodes.get(org_id)
        if node is None or org_id == _ROOT_ID:
            return False, None
        return True, (None if node.parent_id == _ROOT_ID else node.parent_id)

    def is_loaded(self, org_id: int | None) -> bool:
        """True when the children of ``org_id`` (None: the roots) have been read."""
        node = self._nodes.get(_ROOT_ID if org_id is None else org_id)
        return node is not None and node.loaded

    def load_path(self, path: Sequence[int]) -> QModelIndex:
        """Read the children along ``path`` (root first, as ``org_path`` gives it) and return
        the index of its last organisation (invalid when it is not there)."""
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        for org_id in path[:-1]:
            index = self.index_of(org_id)
            if not index.isValid():
                return QModelIndex()
            if self.canFetchMore(index):
                self.fetchMore(index)
        return self.index_of(path[-1]) if path else QModelIndex()

    # ------------------------------------------------------------------ refreshing

    def update_orgs(self, orgs: Iterable[OrgNode]) -> None:
        """Show new data for organisations already in the tree (others are ignored)."""
        for org in orgs:
            node = self._nodes.get(org.id)
            if node is None or org.id == _ROOT_ID:
                continue
            node.org = org
            index = self.createIndex(node.row, 0, org.id)
            self.dataChanged.emit(index, index.siblingAtColumn(OrgColumns.COUNT - 1))
            if node.loaded and org.child_count != len(node.children):
                self.reload_children(org.id)

    def reload_children(self, org_id: int | None) -> None:
        """Re-read the children of an opened node (None: the roots) and show the difference;
        nothing happens for a node that was never opened."""
        node_id = _ROOT_ID if org_id is None else org_id
        node = self._nodes.get(node_id)
        if node is None or not node.loaded:
            return
        self._sync(node_id, list(self._loader(org_id)))

    def _sync(self, node_id: int, orgs: list[OrgNode]) -> None:
        node = self._nodes[node_id]
        parent = self._index_of_node(node_id)
        wanted = {o.id for o in orgs}
        for row in range(len(node.children) - 1, -1, -1):  # 1. gone
            if node.children[row] not in wanted:
                self.beginRemoveRows(parent, row, row)
                self._forget(node.children.pop(row))
                self._renumber(node)
                self.endRemoveRows()
        present = set(node.children)
        order = [o.id for o in orgs if o.id in present]
        if order != node.children:  # 2. re-ordered
            self._reorder(node_id, order)
        for position, org in enumerate(orgs):  # 3. new, and new data for the others
            if position < len(node.children) and node.children[position] == org.id:
                self.update_orgs([org])
                continue
            if org.id in self._nodes:
                if self._is_ancestor(org.id, node_id):  # placed under its own old child
                    self.reload()
                    return
                self._detach(org.id)  # shown elsewhere: moved here
            self.beginInsertRows(parent, position, position)
            node.children.insert(position, org.id)
            self._nodes[org.id] = _Node(org, node_id, position)
            self._renumber(node)
            self.endInsertRows()

    def _reorder(self, node_id: int, order: list[int]) -> None:
        node = self._nodes[node_id]
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        node.children = order
        self._renumber(node)
        after = [
            self.createIndex(self._nodes[i.internalId()].row, i.column(), i.internalId())
            if i.isValid() and self._nodes[i.internalId()].parent_id == node_id else i
            for i in before
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _detach(self, org_id: int) -> None:
        """Remove a shown organisation (and what is loaded below it) from its parent."""
        node = self._nodes[org_id]
        parent = self._nodes[node.parent_id]
        self.beginRemoveRows(self._index_of_node(node.parent_id), node.row, node.row)
        parent.children.pop(node.row)
        self._forget(org_id)
        self._renumber(parent)
        self.endRemoveRows()

    def _forget(self, org_id: int) -> None:
        stack = [org_id]
        while stack:
            node = self._nodes.pop(stack.pop(), None)
            if node is not None:
                stack.extend(node.children)

    def _renumber(self, node: _Node) -> None:
        for row, child in enumerate(node.children):
            self._nodes[child].row = row

    def _is_ancestor(self, ancestor: int, node_id: int) -> bool:
        while node_id != _ROOT_ID:
            if node_id == ancestor:
                return True
            node_id = self._nodes[node_id].parent_id
        return False

    def _index_of_node(self, node_id: int) -> QModelIndex:
        return QModelIndex() if node_id == _ROOT_ID else self.index_of(node_id)

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
