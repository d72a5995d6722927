"""The tracking grid driven with real key events; the database is read back after each step."""

from __future__ import annotations

import unicodedata
from datetime import date

from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.tracking_edit import apply_changes
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.models.tracking_grid_model import TrackingGridModel
from tests.ui.tracking_grid_support import (
    CTRL,
    SHIFT,
    Key,
    current_key,
    go,
    open_grid,
    press,
    row,
    settle,
    type_keys,
)


def test_grid_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester, demo_db: Database,
                                            runner: TaskRunner) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    assert isinstance(grid.model, TrackingGridModel)
    assert grid.model.rowCount() > 250
    qtmodeltester.check(grid.model)
    # only the visible batch was fetched, not every row
    assert grid.model.fetch_count <= 3


def test_typing_starts_editing_and_enter_commits_and_moves_down(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    tid = go(grid, 2, "note")
    # Unikey (Telex) typing "Họp": H o p, then for "j" it sends two Backspaces and "ọp"
    type_keys(grid, "Hop\b\bọp")
    assert row(demo_db, tid).note != "Họp"  # nothing saved while editing
    press(grid, Key.Key_Return)
    stored = row(demo_db, tid)
    assert stored.note == "Họp" and unicodedata.is_normalized("NFC", stored.note)
    assert grid.view.currentIndex().row() == 3 and current_key(grid) == "note"
    # Enter without an editor moves down too; F2 edits the cell as it is
    press(grid, Key.Key_Return)
    assert grid.view.currentIndex().row() == 4
    tid5 = go(grid, 5, "study_sessions")
    before = row(demo_db, tid5).study_sessions
    press(grid, Key.Key_F2)
    press(grid, Key.Key_End)
    type_keys(grid, "7")
    press(grid, Key.Key_Return)
    assert row(demo_db, tid5).study_sessions == int(f"{before or ''}7")


def test_tab_skips_read_only_cells_and_esc_reverts(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    tid = go(grid, 1, "members_total")
    press(grid, Key.Key_Tab)
    assert current_key(grid) == "non_members"  # "%" is computed: skipped
    go(grid, 1, "report_status")
    press(grid, Key.Key_Tab)
    assert current_key(grid) == "note"  # status and days overdue skipped
    press(grid, Key.Key_Backtab, SHIFT)
    assert current_key(grid) == "report_status"
    # typing then Esc reverts the cell: nothing written
    note = row(demo_db, tid).note
    go(grid, 1, "note")
    type_keys(grid, "xyz")
    press(grid, Key.Key_Escape)
    assert row(demo_db, tid).note == note
    assert grid.model.index(1, grid.model.column_of("note")).data() == note
    # typing on a read-only cell does nothing
    go(grid, 1, "status_label")
    type_keys(grid, "a")
    assert grid.view.state() != grid.view.State.EditingState


def test_dates_are_typed_day_first_and_tab_commits(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    tid = go(grid, 3, "plan_date")
    type_keys(grid, "5/4")
    press(grid, Key.Key_Tab)
    assert row(demo_db, tid).plan_date == date(2026, 4, 5)
    assert current_key(grid) == "plan_status"
    go(grid, 3, "plan_date")
    type_keys(grid, "6-4-26")
    press(grid, Key.Key_Return)
    assert row(demo_db, tid).plan_date == date(2026, 4, 6)
    go(grid, 3, "plan_date")
    type_keys(grid, "07/04/2026")
    press(grid, Key.Key_Return)
    assert row(demo_db, tid).plan_date == date(2026, 4, 7)
    assert grid.model.index(3, grid.model.column_of("plan_date")).data() == "07/04/2026"


def test_invalid_values_are_explained_inline_and_nothing_is_saved(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    tid = go(grid, 4, "members_attending")
    before = row(demo_db, tid)
    type_keys(grid, str((before.members_total or 0) + 5))
    press(grid, Key.Key_Return)
    assert row(demo_db, tid) == before
    index = grid.view.currentIndex()
    assert index.row() == 4 and current_key(grid) == "members_attending"  # stays on the cell
    assert "không thể vượt tổng số đảng viên" in grid.error.text()
    assert grid.model.error_at(index) == grid.error.text()
    assert not grid.error.isHidden()
    # a date before the document's issue date (23/03/2026), then not a date at all
    go(grid, 4, "plan_date")
    type_keys(grid, "1/3/2026")
    press(grid, Key.Key_Return)
    assert "trước ngày ban hành" in grid.error.text()
    go(grid, 4, "sent_date")
    type_keys(grid, "abc")
    press(grid, Key.Key_Return)
    assert grid.error.text() and row(demo_db, tid) == before
    assert not message.history  # inline, never a message box
    press(grid, Key.Key_Escape)  # Esc on the red cell clears the mark
    assert grid.model.error_at(grid.view.currentIndex()) == ""


def test_undo_and_redo_of_a_cell_edit(qtbot: QtBot, demo_db: Database,
                                      runner: TaskRunner) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    tid = go(grid, 6, "plan_number")
    before = row(demo_db, tid).plan_number
    type_keys(grid, "12-KH/DU")
    press(grid, Key.Key_Return)
    assert row(demo_db, tid).plan_number == "12-KH/DU"
    press(grid, Key.Key_Z, CTRL)
    assert row(demo_db, tid).plan_number == before
    assert grid.model.index(6, grid.model.column_of("plan_number")).data() == before
    press(grid, Key.Key_Y, CTRL)
    assert row(demo_db, tid).plan_number == "12-KH/DU"


def test_a_row_changed_elsewhere_is_not_overwritten(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    tid = go(grid, 7, "note")
    stale = row(demo_db, tid)
    grid.model.data(grid.model.index(7, 0))  # the grid has read the row
    apply_changes(demo_db, [(tid, {"note": "sửa ở máy khác"}, stale.version)])
    message.set_next_answer(message.Button.Yes)
    type_keys(grid, "abc")
    press(grid, Key.Key_Return)
    assert row(demo_db, tid).note == "sửa ở máy khác"
    assert message.history and "Tải lại" not in message.history[0].text  # the service's text
    assert grid.model.index(7, grid.model.column_of("note")).data() == "sửa ở máy khác"


def test_delete_rows_then_undo_puts_them_back(qtbot: QtBot, demo_db: Database,
                                              runner: TaskRunner) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    count = grid.model.rowCount()
    ids = grid.model.ids()[10:12]
    go(grid, 10, "note")
    grid.view.selectRow(10)
    press(grid, Key.Key_Down, SHIFT)
    press(grid, Key.Key_Delete)
    assert grid.model.rowCount() == count - 2
    assert not any(i in grid.model.ids() for i in ids)
    from desktop.services.tracking_grid import fetch_rows

    assert fetch_rows(demo_db, ids) == []
    assert not message.history  # no confirmation
    press(grid, Key.Key_Z, CTRL)
    settle(qtbot, grid)
    assert grid.model.rowCount() == count
    assert [r.id for r in fetch_rows(demo_db, ids)] == ids
    press(grid, Key.Key_Y, CTRL)
    assert fetch_rows(demo_db, ids) == []
    assert grid.model.rowCount() == count - 2


def test_the_chosen_sort_is_remembered(qtbot: QtBot, demo_db: Database, runner: TaskRunner,
                                       tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, Qt

    page, grid = open_grid(qtbot, demo_db, runner)
    column = grid.model.column_of("received_date")
    grid.view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not grid.loading)
    assert (grid.sort.key, grid.sort.descending) == (grid.model.columns[column].sort_key, True)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page.save_state(settings)
    again, grid2 = open_grid(qtbot, demo_db, runner)
    again.restore_state(settings)
    assert grid2.sort == grid.sort
