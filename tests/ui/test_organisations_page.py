"""The "Đơn vị" page: the lazy tree, the search, the sortable flat list, the "as of" date."""

from __future__ import annotations

import gc
import time
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.text import vi_sorted
from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.org_editing import create_organisation
from desktop.services.org_types import OrgInput
from desktop.tasks.runner import TaskRunner
from desktop.ui.models.org_tree_model import OrgColumns
from desktop.ui.pages.organisations_page import OrganisationsPage

from . import orgs_support
from .conftest import type_text
from .orgs_support import find, open_page

# the fixtures, found by pytest under these names
orgs_template = orgs_support.orgs_template
orgs_db = orgs_support.orgs_db


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


# ---------------------------------------------------------------------- the flat list, the date

def test_flat_list_sorts_in_vietnamese_order(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    for name in ("Đảng bộ xã Ba Vì", "Đảng bộ xã An Bình", "Đảng bộ xã Đông Hòa",
                 "Đảng bộ xã Dương Minh"):
        create_organisation(orgs_db, OrgInput(name=name, parent_id=1))
    page = open_page(qtbot, orgs_db, runner)
    qtbot.keyClick(page.tree, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.flat_mode and page.stack.currentWidget() is page.flat
    qtbot.waitUntil(lambda: not page.flat_loading)
    model = page.flat_model
    assert model.rowCount() == organisations.count(orgs_db)
    names = [model.row_at(r).name for r in range(model.rowCount())]
    wanted = ["Đảng bộ xã An Bình", "Đảng bộ xã Ba Vì", "Đảng bộ xã Dương Minh",
              "Đảng bộ xã Đông Hòa"]
    positions = [names.index(n) for n in wanted]
    assert positions == sorted(positions)
    assert names == vi_sorted(names)  # the reference order of desktop.domain.text
    # by kind, then descending by members (numbers, not text); the selection follows
    page.select_org(find(orgs_db, "Đảng bộ xã Ba Vì").id, expand=False)
    page.flat.sortByColumn(OrgColumns.MEMBERS, Qt.SortOrder.DescendingOrder)
    members = [model.row_at(r).party_members for r in range(model.rowCount())]
    known = [m for m in members if m is not None]
    assert known == sorted(known, reverse=True)
    assert page.current_org() is not None and page.current_org().name == "Đảng bộ xã Ba Vì"
    # the search filters the list
    type_text(page.search, "ba vi")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not page.flat_loading)
    assert model.row_at(0).name == "Đảng bộ xã Ba Vì"
    qtbot.keyClick(page.flat, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not page.flat_mode and page.stack.currentWidget() is page.tree
    assert page.current_org() is not None and page.current_org().name == "Đảng bộ xã Ba Vì"


def test_as_of_a_past_date_shows_the_tree_of_that_day(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    page = open_page(qtbot, orgs_db, runner)
    today_roots = page.tree_model.rowCount()
    # before the 2025 reorganisation the communes did not exist yet
    page.set_as_of(date(2025, 2, 1))
    model = page.tree_model
    root = model.index(0, 0)
    model.fetchMore(root)
    names = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
    assert not any(n.startswith("Đảng bộ xã") for n in names)
    assert "Sở Nông nghiệp và Phát triển nông thôn" in " ".join(
        n.name for n in organisations.flat_list(orgs_db, date(2025, 2, 1)))
    type_text(page.search, "nong nghiep")
    qtbot.waitUntil(lambda: page.searching and page.results_model.rowCount() > 0)
    assert page.results_model.row_at(0).name == "Sở Nông nghiệp và Phát triển nông thôn"
    assert page.detail_panel.title.text() == "Sở Nông nghiệp và Phát triển nông thôn"
    page.today_button.click()
    assert page.as_of == date.today() and page.tree_model.rowCount() == today_roots
    qtbot.waitUntil(lambda: page.results_model.rowCount() > 0)
    assert page.results_model.row_at(0).name != "Sở Nông nghiệp và Phát triển nông thôn"


def test_page_opens_fast_and_search_is_fast(
    qtbot: QtBot, orgs_db: Database, runner: TaskRunner
) -> None:
    # the garbage the earlier tests left is collected first: a full collection of it, set off
    # in the middle of the timing, once took 0.45 s (about 680,000 objects alive in a long
    # test session; the application freezes its start-up heap and has far fewer)
    gc.collect()
    started = time.perf_counter()
    page = open_page(qtbot, orgs_db, runner)
    assert page.tree_model.rowCount() > 0
    opened = time.perf_counter() - started
    assert opened < 1.0
    slowest = 0.0
    for text in ("x", "xa", "dang bo xa", "chi bo khu pho 1", "tan an", "ha son"):
        started = time.perf_counter()
        page._search(text)
        slowest = max(slowest, time.perf_counter() - started)
    assert slowest < 0.1  # 400 organisations; 20,000 are measured by the benchmark script
