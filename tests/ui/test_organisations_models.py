"""The item models of the "Đơn vị" page pass the model tester, also while they change:
the lazy tree reconciling re-read children, the sortable list, groups, figures, the import
preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from desktop.services import org_groups, organisations
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.org_denominators import denominator_history
from desktop.services.workbook_safety import WorkbookProblem
from desktop.ui.models import import_preview_model as preview
from desktop.ui.models.denominator_model import DenominatorModel
from desktop.ui.models.group_list_model import GroupListModel
from desktop.ui.models.org_list_model import OrgListModel, vi_ranks
from desktop.ui.models.org_tree_model import OrgColumns, OrgTreeModel

from . import orgs_support
from .orgs_support import find

# the fixtures, found by pytest under these names
orgs_template = orgs_support.orgs_template
orgs_db = orgs_support.orgs_db


def node(oid: int, name: str, parent: int | None, children: int = 0,
         members: int | None = None) -> OrgNode:
    return OrgNode(oid, name, "", f"C{oid}", "Chi bộ", parent, 0 if parent is None else 1,
                   children, None, None, None, members)


class FakeTree:
    """Children per parent, changed by the test between reads."""

    def __init__(self) -> None:
        self.kids: dict[int | None, list[OrgNode]] = {
            None: [node(1, "Tỉnh ủy", None, 3)],
            1: [node(2, "A", 1, 1), node(3, "B", 1, 0), node(4, "C", 1, 1)],
            2: [node(5, "A1", 2)],
            4: [node(6, "C1", 4)],
        }

    def __call__(self, parent_id: int | None) -> list[OrgNode]:
        return list(self.kids.get(parent_id, []))


def test_tree_reconciles_children_keeping_what_is_open(qtmodeltester: ModelTester) -> None:
    # Qt's own tester: the Python one fetches lazily from inside its change handlers
    data = FakeTree()
    model = OrgTreeModel(data)
    model.fetchMore(QModelIndex())
    for org_id in (1, 2, 4):  # all read first: the tester would fetch inside a layout change
        model.fetchMore(model.index_of(org_id))
    qtmodeltester.check(model)
    root = model.index(0, 0)
    kept = QPersistentModelIndex(model.index_of(5))
    # B removed, D added, A and C swapped: A's opened child stays, as does the index to it
    data.kids[1] = [node(4, "C", 1, 1), node(2, "A", 1, 1), node(7, "D", 1, 0)]
    model.reload_children(1)
    qtmodeltester.check(model)
    assert [model.index(r, 0, root).data() for r in range(model.rowCount(root))] == [
        "C", "A", "D"]
    assert kept.isValid() and kept.data() == "A1"
    assert kept.parent() == model.index_of(2)
    assert model.is_loaded(2)
    # D gets a child: its arrow comes (the tester opens it at once, as a view would later)
    data.kids[7] = [node(8, "D1", 7)]
    model.update_orgs([node(7, "D", 1, 1)])
    model.fetchMore(model.index_of(7))
    assert model.rowCount(model.index_of(7)) == 1
    # A1 moves from A to D (both opened): D is re-read first, A1 leaves A for it
    data.kids[2] = []
    data.kids[7] = [node(8, "D1", 7), node(5, "A1", 7)]
    model.reload_children(7)
    model.reload_children(2)
    assert model.parent_id_of(5) == (True, 7)
    assert model.rowCount(model.index_of(2)) == 0
    assert model.rowCount(model.index_of(7)) == 2
    model.update_orgs([node(2, "A (mới)", 1, 0), node(99, "không có", 1)])
    assert model.index_of(2).data() == "A (mới)"
    qtmodeltester.check(model)
    # opening the path to an organisation (a fresh model: the testers fetch inside a reset)
    fresh = OrgTreeModel(data)
    index = fresh.load_path([1, 4, 6])
    assert index.isValid() and index.data() == "C1"


def test_tree_and_lists_on_the_demo(qtmodeltester: ModelTester, orgs_db: Database) -> None:
    tree = OrgTreeModel(lambda pid: organisations.children(orgs_db, pid, date(2025, 2, 1)))
    qtmodeltester.check(tree, force_py=True)
    flat = OrgListModel()
    flat.set_rows(organisations.flat_list(orgs_db))
    qtmodeltester.check(flat, force_py=True)
    for column in range(OrgColumns.COUNT):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            flat.sort(column, order)
    qtmodeltester.check(flat, force_py=True)
    groups = GroupListModel()
    groups.set_rows(org_groups.list_groups(orgs_db))
    qtmodeltester.check(groups, force_py=True)
    assert groups.headerData(0, Qt.Orientation.Horizontal) == "Nhóm"
    ward = find(orgs_db, "Đảng bộ phường Hà Sơn")
    figures = DenominatorModel()
    figures.set_rows(denominator_history(orgs_db, ward.id))
    qtmodeltester.check(figures, force_py=True)
    assert figures.rowCount() >= 1 and "/" in figures.index(0, 0).data()


def test_vietnamese_ranks() -> None:
    names = ["Đảng bộ xã Ba Vì", "Đảng bộ xã An Bình", "Dân vận", "Đảng ủy", "Ấp", "An",
             "Tổ 10", "Tổ 2", "Hà", "Ha", "Hạ"]
    ranks = vi_ranks(names)
    ordered = [n for _, n in sorted(zip(ranks, names, strict=True))]
    assert ordered == ["An", "Ấp", "Dân vận", "Đảng bộ xã An Bình", "Đảng bộ xã Ba Vì",
                       "Đảng ủy", "Ha", "Hà", "Hạ", "Tổ 2", "Tổ 10"]
    model = OrgListModel()
    model.set_rows([node(i + 1, n, 1, members=len(n)) for i, n in enumerate(names)])
    model.sort(OrgColumns.NAME, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).name == "Tổ 10"


def test_import_preview_models(qtmodeltester: ModelTester) -> None:
    model = preview.problems_model()
    model.set_rows(preview.problem_rows([
        WorkbookProblem("Danh sách", "C17", "members", "Không phải số."),
        WorkbookProblem("DS", "B5", "", "Trùng tên."),
    ]))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data() == "'Danh sách'!C17"
    assert model.index(0, 1).data() == "Số đảng viên"
    assert model.index(1, 0).data() == "DS!B5"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Ô"
    for factory in (preview.creations_model, preview.changes_model, preview.denominators_model):
        empty = factory()
        qtmodeltester.check(empty, force_py=True)
