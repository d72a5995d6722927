"""Every item model passes pytest-qt's model tester; the documents model sorts in Vietnamese."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.services import documents, organisations, stats
from desktop.services.database import Database
from desktop.services.dto import DocumentRow
from desktop.ui.models.document_table_model import DocumentIdRole, DocumentTableModel
from desktop.ui.models.group_stats_model import GroupStatsModel
from desktop.ui.models.org_list_model import OrgListModel
from desktop.ui.models.org_tree_model import OrgTreeModel
from desktop.ui.models.progress_overview_model import FractionRole, ProgressOverviewModel


def _doc(i: int, excerpt: str, issued: date | None = None) -> DocumentRow:
    return DocumentRow(id=i, type_code="CT", type_name="Chỉ thị", number=str(i), symbol="CT/TU",
                       issue_date=issued or date(2026, 1, i), excerpt=excerpt,
                       issuing_body="Tỉnh ủy", scope="", parent_id=None)


def test_document_table_model(qtmodeltester: ModelTester, demo_db: Database) -> None:
    model = DocumentTableModel()
    model.set_rows(documents.list_documents(demo_db))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(DocumentIdRole) == model.row_at(0).id
    model.sort(DocumentTableModel.EXCERPT)
    qtmodeltester.check(model, force_py=True)


def test_documents_sort_by_the_vietnamese_alphabet() -> None:
    model = DocumentTableModel()
    names = ["Em", "Đảng ủy", "Dân vận", "Ấp", "An ninh", "Tổ 10", "Tổ 2"]
    model.set_rows([_doc(i + 1, name) for i, name in enumerate(names)])
    model.sort(DocumentTableModel.EXCERPT, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).excerpt for r in range(len(names))] == [
        "An ninh", "Ấp", "Dân vận", "Đảng ủy", "Em", "Tổ 2", "Tổ 10"]
    model.sort(DocumentTableModel.DATE, Qt.SortOrder.DescendingOrder)
    assert model.index(0, DocumentTableModel.DATE).data() == "07/01/2026"


def test_stats_models(qtmodeltester: ModelTester, demo_db: Database) -> None:
    all_stats = stats.all_stats(demo_db)
    overview = ProgressOverviewModel()
    overview.set_stats(all_stats)
    qtmodeltester.check(overview, force_py=True)
    received = overview.index(0, ProgressOverviewModel.FIRST_STAGE + 1)
    assert 0.0 <= received.data(FractionRole) <= 1.0
    for with_percent in (False, True):
        groups = GroupStatsModel(with_percent=with_percent)
        groups.set_stats(all_stats[1])
        qtmodeltester.check(groups, force_py=True)
        groups.set_stats(None)
        qtmodeltester.check(groups, force_py=True)


def test_org_models(qtmodeltester: ModelTester, demo_db: Database) -> None:
    tree = OrgTreeModel(lambda pid: organisations.children(demo_db, pid))
    qtmodeltester.check(tree, force_py=True)  # fetches lazily as it walks
    tree.fetchMore(tree.index(0, 0))
    qtmodeltester.check(tree, force_py=True)
    flat = OrgListModel()
    flat.set_rows(organisations.search(demo_db, "xa"))
    qtmodeltester.check(flat, force_py=True)
