"""The tracking grid grouped in collapsible blocks, driven with real key events."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.documents import find_document
from desktop.services.tracking_bulk import ClearFields, MarkReceived
from desktop.services.tracking_filters import TrackingFilter
from desktop.services.tracking_grid import row_ids
from desktop.services.tracking_grid_groups import grouped_row_ids
from desktop.tasks.runner import TaskRunner
from desktop.ui.models.tracking_grid_blocks import header_text
from tests.ui.conftest import DEMO_TODAY
from tests.ui.tracking_grid_support import (
    Key,
    current_key,
    open_grid,
    press,
    row,
    settle,
    type_keys,
)


def _grouped(qtbot: QtBot, grid, by: str) -> None:  # type: ignore[no-untyped-def]
    grid.set_grouping(by)
    settle(qtbot, grid)


def test_grouped_ids_cover_the_flat_list_once_each(demo_db: Database) -> None:
    doc = find_document(demo_db, "05-KL/TU").id
    flat = row_ids(demo_db, doc, as_of=DEMO_TODAY)
    for by in ("group", "top"):
        groups = grouped_row_ids(demo_db, doc, by, as_of=DEMO_TODAY)
        assert sorted(i for g in groups for i in g.ids) == sorted(flat)
        assert len({g.key for g in groups}) == len(groups)
    # a filter applies inside the blocks, the overdue counts add up to the filter's rows
    late = row_ids(demo_db, doc, TrackingFilter(overdue_only=True), as_of=DEMO_TODAY)
    groups = grouped_row_ids(demo_db, doc, "group", as_of=DEMO_TODAY)
    assert sum(g.overdue for g in groups) == len(late)
    only_late = grouped_row_ids(demo_db, doc, "top", TrackingFilter(overdue_only=True),
                                as_of=DEMO_TODAY)
    assert sorted(i for g in only_late for i in g.ids) == sorted(late)


def test_grouped_model_passes_the_model_tester_collapsed_and_expanded(
    qtbot: QtBot, qtmodeltester, demo_db: Database, runner: TaskRunner  # type: ignore[no-untyped-def]
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    _grouped(qtbot, grid, "top")
    model = grid.model
    assert model.grouped and model.is_header(0)
    qtmodeltester.check(model)
    model.toggle(0)
    qtmodeltester.check(model)


def test_blocks_collapse_and_expand_with_keys_and_keep_the_state(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    flat_rows = grid.model.rowCount()
    _grouped(qtbot, grid, "top")
    model, view = grid.model, grid.view
    headers = model.header_rows()
    assert headers[0] == 0 and len(headers) > 3
    assert model.rowCount() == flat_rows + len(headers)
    # the header row spans the grid and tells the block's size
    assert view.columnSpan(0, 0) == model.columnCount()
    second = headers[1]
    first_block = second - 1
    text = model.index(0, 0).data()
    assert text.startswith("▾ ") and f" — {first_block} " in text
    assert text == header_text(text[2:].split(" — ")[0], first_block,
                               grouped_row_ids(demo_db, grid.document_id, "top",
                                               as_of=DEMO_TODAY)[0].overdue, collapsed=False)
    view.setCurrentIndex(model.index(0, 0))
    view.setFocus()
    press(grid, Key.Key_Space)  # collapse
    assert model.rowCount() == flat_rows + len(headers) - first_block
    assert model.index(0, 0).data().startswith("▸ ") and model.is_header(1)
    assert view.columnSpan(1, 0) == model.columnCount()  # spans follow the rows
    press(grid, Key.Key_Space)  # expand again
    assert model.rowCount() == flat_rows + len(headers)
    press(grid, Key.Key_Left)  # Left collapses, Right expands, typing does nothing
    assert model.is_collapsed(0)
    type_keys(grid, "x")
    assert view.state() != view.State.EditingState
    # the collapsed block stays collapsed across a reload (F5, filter)
    grid.reload()
    settle(qtbot, grid)
    assert model.is_collapsed(0)
    press(grid, Key.Key_Right)
    assert not model.is_collapsed(model.header_rows()[0])


def test_enter_and_tab_skip_header_rows_while_typing(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    _grouped(qtbot, grid, "top")
    model, view = grid.model, grid.view
    second = model.header_rows()[1]
    last_of_first = second - 1
    tid = model.id_at(last_of_first)
    assert tid is not None
    view.setCurrentIndex(model.index(last_of_first, model.column_of("note")))
    view.setFocus()
    type_keys(grid, "Gọi điện")
    press(grid, Key.Key_Return)  # commits and moves down over the next block's header
    assert row(demo_db, tid).note == "Gọi điện"
    assert view.currentIndex().row() == second + 1 and current_key(grid) == "note"
    # Tab from the last cell of a block's last row wraps to the next block's first row
    view.setCurrentIndex(model.index(last_of_first, model.column_of("note")))
    press(grid, Key.Key_Tab)
    assert view.currentIndex().row() == second + 1
    note = model.column_of("note")
    assert not model.flags(model.index(second, note)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(second + 1, note)) & Qt.ItemFlag.ItemIsEditable


def test_a_bulk_action_on_a_block_header_updates_its_rows_and_the_count(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    _grouped(qtbot, grid, "top")
    model, view = grid.model, grid.view
    second = model.header_rows()[1]
    block_ids = [model.id_at(r) for r in range(1, second)]
    before = model.rowCount()
    title = model.index(0, 0).data()[2:].split(" — ")[0]
    view.setCurrentIndex(model.index(0, 0))
    press(grid, Key.Key_Space)  # collapsed: the header still stands for every row
    assert model.rowCount() == before - len(block_ids)
    view.selectRow(0)
    assert grid.selected_ids() == block_ids
    with qtbot.waitSignal(grid.bulk_finished, timeout=10_000) as done:
        grid.bulk("clear", ClearFields(("received_date", "study_date")))
    assert sorted(done.args[0].updated_ids) == sorted(block_ids)
    assert all(row(demo_db, i).received_date is None for i in block_ids)
    # not received, not studied: the block's overdue count is counted again
    qtbot.waitUntil(lambda: model.index(0, 0).data() == header_text(
        title, len(block_ids), len(block_ids), collapsed=True), timeout=15_000)
    with qtbot.waitSignal(grid.bulk_finished, timeout=10_000) as done:
        grid.bulk("received", MarkReceived(date(2026, 4, 20), "giay"))
    assert all(row(demo_db, i).received_date == date(2026, 4, 20) for i in block_ids)
    doc = find_document(demo_db, "05-KL/TU").id
    late = grouped_row_ids(demo_db, doc, "top", as_of=DEMO_TODAY)[0].overdue
    qtbot.waitUntil(lambda: model.index(0, 0).data() == header_text(
        title, len(block_ids), late, collapsed=True), timeout=15_000)
    # Del never deletes a block through its header
    view.selectRow(0)
    press(grid, Key.Key_Delete)
    assert all(row(demo_db, i) for i in block_ids)
    qtbot.waitUntil(lambda: not runner.busy)


def test_deleting_an_overdue_row_lowers_its_block_count_at_once(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    _grouped(qtbot, grid, "top")
    model, view = grid.model, grid.view
    doc = find_document(demo_db, "05-KL/TU").id
    blocks = grouped_row_ids(demo_db, doc, "top", as_of=DEMO_TODAY)
    block = next(b for b in blocks if b.overdue)
    header = model.header_rows()[blocks.index(block)]
    late_row = next(r for r in range(header + 1, header + 1 + len(block.ids))
                    if model.row_at(r).days_overdue > 0)
    title = block.title
    assert model.index(header, 0).data() == header_text(
        title, len(block.ids), block.overdue, collapsed=False)
    view.setCurrentIndex(model.index(late_row, 0))
    view.selectRow(late_row)
    press(grid, Key.Key_Delete)
    # the header says so at once, without waiting for a count from the database
    assert model.index(header, 0).data() == header_text(
        title, len(block.ids) - 1, block.overdue - 1, collapsed=False)
    qtbot.waitUntil(lambda: not runner.busy)


def test_show_row_opens_the_collapsed_block_of_the_row(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    page, grid = open_grid(qtbot, demo_db, runner)
    _grouped(qtbot, grid, "group")
    model = grid.model
    for header in reversed(model.header_rows()):
        model.toggle(header, collapse=True)
    assert all(model.is_header(r) for r in range(model.rowCount()))
    doc = find_document(demo_db, "05-KL/TU").id
    target = row_ids(demo_db, doc, as_of=DEMO_TODAY)[-1]
    assert page.show_row(doc, row(demo_db, target).organisation_id)
    settle(qtbot, grid)
    assert model.id_at(grid.view.currentIndex().row()) == target


def test_the_grouping_is_remembered(qtbot: QtBot, demo_db: Database, runner: TaskRunner,
                                    tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    page, grid = open_grid(qtbot, demo_db, runner)
    _grouped(qtbot, grid, "group")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page.save_state(settings)
    from desktop.ui.pages.tracking_page import TrackingPage

    again = TrackingPage(demo_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(again)
    again.restore_state(settings)
    assert again.grid.grouping == "group"
    again.page_shown()
    settle(qtbot, again.grid)
    qtbot.waitUntil(lambda: again.grid.model.grouped)
    assert again.grid.model.is_header(0)


def test_clearing_a_filter_fetches_the_rows_around_the_cursor_off_the_gui_thread(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    from PySide6.QtWidgets import QApplication

    _page, grid = open_grid(qtbot, demo_db, runner)
    doc = find_document(demo_db, "05-KL/TU").id
    ids = row_ids(demo_db, doc, as_of=DEMO_TODAY)
    assert len(ids) > 260
    deep = ids[250]
    grid.filters.set_filter(TrackingFilter(search=row(demo_db, deep).org_name))
    settle(qtbot, grid)
    grid.view.setCurrentIndex(grid.model.index(grid.model.row_of(deep), 3))
    fetched = grid.model.fetch_count
    grid.filters.set_filter(TrackingFilter())
    settle(qtbot, grid)
    QApplication.processEvents()  # paint the rows around the cursor
    assert grid.model.id_at(grid.view.currentIndex().row()) == deep
    assert grid.model.fetch_count == fetched  # nothing fetched while painting
