"""The organisation tree reads children only when a node is opened; search shows a flat list."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.ui.models.org_tree_model import OrgColumns
from desktop.ui.pages.organisations_page import OrganisationsPage

from .conftest import type_text


def test_tree_loads_children_only_on_expand(qtbot: QtBot, demo_db: Database) -> None:
    asked: list[int | None] = []

    def loader(parent_id: int | None) -> list[OrgNode]:
        asked.append(parent_id)
        return organisations.children(demo_db, parent_id)

    page = OrganisationsPage(demo_db, loader=loader)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    model, tree = page.tree_model, page.tree
    assert asked == [None]  # the roots, nothing else
    assert model.rowCount() >= 1
    root = model.index(0, 0)
    root_org = model.org(root)
    assert root_org is not None and root_org.child_count > 0
    assert model.hasChildren(root) and model.rowCount(root) == 0

    tree.expand(root)
    qtbot.waitUntil(lambda: model.rowCount(root) > 0)
    assert asked == [None, root_org.id]  # no grandchildren read before they are opened
    assert model.rowCount(root) == root_org.child_count
    child = model.index(0, 0, root)
    assert model.parent(child) == root
    child_org = model.org(child)
    assert child_org is not None and child_org.id not in asked

    # numbers are grouped the Vietnamese way
    members = [model.index(r, OrgColumns.MEMBERS, root).data() for r in range(model.rowCount(root))]
    assert any("." in m for m in members if m) or all(len(m) <= 3 for m in members if m)

    assert tree.header().model().headerData(0, tree.header().orientation()) == "Tên đơn vị"


def test_search_switches_to_a_flat_list_and_back(qtbot: QtBot, demo_db: Database) -> None:
    page = OrganisationsPage(demo_db)
    qtbot.addWidget(page)
    page.show()
    assert not page.searching
    page.search.setFocus()
    type_text(page.search, "đảng bộ xã")
    qtbot.waitUntil(lambda: page.searching)
    count = page.results_model.rowCount()
    assert count > 0
    assert all("đảng bộ xã" in page.results_model.row_at(r).name.lower() for r in range(count))
    assert page.status.text().startswith("Tìm thấy") or "kết quả đầu tiên" in page.status.text()
    page.search.clear()
    qtbot.waitUntil(lambda: not page.searching)
