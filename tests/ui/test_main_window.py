"""The main window on a demo database: documents shown, navigation, search, layout memory."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services import stats
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner
from desktop.ui.main_window import PAGE_KEYS, MainWindow
from desktop.ui.pages.documents_page import DocumentsPage
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.pages.tracking_page import TrackingPage

from .conftest import type_text

RATIO = re.compile(r"^\d{1,3}(\.\d{3})*/\d{1,3}(\.\d{3})* \(\d{1,3}(,\d\d)?%\)$")


def open_window(qtbot: QtBot, db: Database, runner: TaskRunner) -> MainWindow:
    window = MainWindow(db, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opens_on_the_documents_with_progress_of_the_selected_one(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    assert window.current_key == "documents"
    assert window.ui.navigation.item(0).text() == "Văn bản"
    assert [window.ui.navigation.item(i).text() for i in range(5)] == [
        "Văn bản", "Đơn vị", "Theo dõi", "Báo cáo", "Cài đặt"]
    page = window.page("documents")
    assert isinstance(page, DocumentsPage)
    assert page.model.rowCount() == 4
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Số, ký hiệu"
    # the newest document is selected and its figures arrive from the worker thread
    assert page.model.index(0, 1).data() == "30/11/2026"
    qtbot.waitUntil(lambda: page.panel.groups_model.rowCount() > 0)
    newest = stats.document_stats(demo_db, page.model.row_at(0).id)
    assert page.panel.bar_text("recipients") == f"{format_int(newest.totals.recipients)} đơn vị"
    assert RATIO.match(page.panel.bar_text("received")), page.panel.bar_text("received")
    assert page.panel.groups_model.index(
        page.panel.groups_model.rowCount() - 1, 0).data() == "Tổng cộng"
    assert "Dữ liệu:" in window.location_label.text()
    assert str(demo_db.location) in window.location_label.text()
    # only the first page was built
    assert set(window._pages) == {"documents"}


def test_selecting_another_document_shows_its_figures(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    page = window.page("documents")
    assert isinstance(page, DocumentsPage)
    row = next(r for r in range(4) if page.model.row_at(r).number_symbol == "05-KL/TU")
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: "05-KL/TU" in page.panel.title.text())
    t = stats.document_stats(demo_db, page.model.row_at(row).id).totals
    assert page.panel.bar_text("reported") == (
        f"{format_int(t.reported)}/{format_int(t.must_report)} "
        f"({format_percent(percent(t.reported, t.must_report))})"
    )


def test_ctrl_1_to_5_switch_pages(qtbot: QtBot, demo_db: Database, runner: TaskRunner) -> None:
    window = open_window(qtbot, demo_db, runner)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, key in reversed(list(enumerate(PAGE_KEYS, start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_key == key
        assert window.ui.navigation.currentRow() == number - 1
    tracking = window.page("tracking")
    assert isinstance(tracking, TrackingPage)
    qtbot.waitUntil(lambda: tracking.loaded)
    assert tracking.model.rowCount() == 4
    assert "4 văn bản" in tracking.summary.text()


def test_tracking_double_click_opens_the_report_of_that_document(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    window.show_page("tracking")
    tracking = window.page("tracking")
    assert isinstance(tracking, TrackingPage)
    qtbot.waitUntil(lambda: tracking.loaded)
    row = next(r for r in range(4) if tracking.model.stats_at(r).number_symbol == "05-KL/TU")
    tracking.table.doubleClicked.emit(tracking.model.index(row, 0))
    assert window.current_key == "reports"
    reports = window.page("reports")
    assert isinstance(reports, ReportsPage)
    qtbot.waitUntil(lambda: reports.stats is not None and reports.stats.number_symbol == "05-KL/TU")
    total = reports.model.rowCount() - 1
    assert reports.model.index(total, 0).data() == "Tổng cộng"
    t = reports.stats.totals
    # reports are measured against the organisations that must report, not every recipient
    assert 0 < t.must_report < t.recipients
    share = format_percent(percent(t.reported, t.must_report))
    assert reports.model.index(total, 5).data() == f"{format_int(t.reported)} ({share})"
    assert f"{format_int(t.reported)}/{format_int(t.must_report)}" in reports.summary.text()


def test_typing_vietnamese_in_the_search_box_filters_documents(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    page = window.page("documents")
    assert isinstance(page, DocumentsPage)
    page.search.setFocus()
    type_text(page.search, "dân vận")
    assert page.search.text() == "dân vận"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).number_symbol == "09-KH/TU"
    assert page.count_label.text() == "Tìm thấy 1 văn bản"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)


def test_documents_sort_in_vietnamese_order(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    page = window.page("documents")
    assert isinstance(page, DocumentsPage)
    page.table.sortByColumn(page.model.TYPE, Qt.SortOrder.AscendingOrder)
    types = [page.model.index(r, page.model.TYPE).data() for r in range(4)]
    assert types == ["Chỉ thị", "Kế hoạch", "Kế hoạch", "Kết luận"]
    page.table.sortByColumn(page.model.DATE, Qt.SortOrder.AscendingOrder)
    assert page.model.index(0, page.model.DATE).data() == "20/01/2026"
    # the selection follows its document through the sort
    selected = page.current_document_id()
    page.table.sortByColumn(page.model.NUMBER, Qt.SortOrder.DescendingOrder)
    assert page.current_document_id() == selected


def test_layout_is_remembered_across_a_restart(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    window.resize(720, 530)  # the offscreen screen is 800 × 600
    window.show_page("documents")
    page = window.page("documents")
    assert isinstance(page, DocumentsPage)
    page.table.horizontalHeader().resizeSection(page.model.NUMBER, 177)
    page.splitter.setSizes([150, 300])
    window.ui.splitter.setSizes([222, 700])
    window.show_page("organisations")
    window.close()
    assert QSettings().value("main_window/page") == "organisations"

    again = open_window(qtbot, demo_db, runner)
    assert (again.width(), again.height()) == (720, 530)
    assert again.current_key == "organisations"
    assert again.ui.splitter.sizes()[0] == 222
    docs = again.page("documents")
    assert isinstance(docs, DocumentsPage)
    assert docs.table.horizontalHeader().sectionSize(docs.model.NUMBER) == 177
    assert docs.splitter.sizes()[0] < docs.splitter.sizes()[1]


def test_the_edit_menu_is_there_from_the_start_and_takes_the_grid_undo(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    window = open_window(qtbot, demo_db, runner)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert menus[1] is window.edit_menu  # File, Edit, Go
    before = window.edit_menu.actions()
    assert len(before) == 2 and not any(a.isEnabled() for a in before)
    assert before[0].shortcut().matches(QKeySequence(QKeySequence.StandardKey.Undo))
    window.show_page("tracking")
    grid = window.page("tracking").grid  # type: ignore[attr-defined]
    assert window.edit_menu.actions() == [grid.undo_action, grid.redo_action]



def test_no_access_key_is_taken_twice_on_any_page(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    """Alt+letter must do one thing: two labels (or a label and a menu) with the same letter
    make Qt cycle between them or do nothing, and the clerk reaches for the mouse."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

    def keys_of(widgets: list[QWidget]) -> list[tuple[str, str]]:
        found = []
        for w in widgets:
            text = re.sub(r"&\w+;", "", w.text().replace("&&", ""))  # type: ignore[attr-defined]
            for letter in re.findall(r"&(\w)", text):  # rich text: entities are no keys
                found.append((letter.upper(), w.text()))  # type: ignore[attr-defined]
        return found

    window = open_window(qtbot, demo_db, runner)
    menus = [(re.findall(r"&(\w)", a.text())[0].upper(), a.text())
             for a in window.menuBar().actions() if "&" in a.text()]
    clashes = []
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.page(key)
        for tabs in page.findChildren(QTabWidget) or [None]:
            for i in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(i)
                shown = [w for w in page.findChildren(QAbstractButton) + page.findChildren(QLabel)
                         if w.isVisible()]
                taken = menus + keys_of(shown)
                if tabs is not None:
                    taken += [(re.findall(r"&(\w)", tabs.tabText(j))[0].upper(), tabs.tabText(j))
                              for j in range(tabs.count()) if "&" in tabs.tabText(j)]
                seen: dict[str, str] = {}
                for letter, text in taken:
                    if letter in seen and seen[letter] != text:
                        clashes.append(f"{key}: Alt+{letter} «{seen[letter]}» / «{text}»")
                    seen.setdefault(letter, text)
    assert not clashes, "\n".join(sorted(set(clashes)))


def test_lists_edited_elsewhere_show_when_the_clerk_comes_back_to_a_page(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    from desktop.services import vocab
    from desktop.services.org_groups import create_group

    window = open_window(qtbot, demo_db, runner)
    for key in ("documents", "tracking", "reports"):
        window.show_page(key)
    window.page("reports").tabs.setCurrentWidget(window.page("reports").matrix)
    qtbot.waitUntil(lambda: window.page("reports").matrix._filled)
    # meanwhile, in Cài đặt and on the Đơn vị page (or by another clerk)
    vocab.add_document_type(demo_db, "QC", "Quy chế")
    vocab.add_org_kind(demo_db, "Hội đồng nhân dân")
    group = create_group(demo_db, "Các cơ quan tham mưu")

    def texts(combo) -> list[str]:  # type: ignore[no-untyped-def]
        return [combo.itemText(i) for i in range(combo.count())]

    window.show_page("documents")
    assert "Quy chế" in texts(window.page("documents").filters.type_filter)
    window.show_page("tracking")
    filters = window.page("tracking").grid.filters
    assert "Hội đồng nhân dân" in texts(filters.kind)
    assert group.name in texts(filters.group)
    window.show_page("reports")
    matrix = window.page("reports").matrix
    assert "Quy chế" in texts(matrix.type_combo) and group.name in texts(matrix.group_combo)
