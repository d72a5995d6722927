"""Bulk actions, filters, show_row and a keyboard-only session on the tracking grid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.text import fold
from desktop.services.database import Database
from desktop.services.documents import find_document
from desktop.services.tracking_bulk import SetSession
from desktop.services.tracking_edit import apply_changes, delete_report
from desktop.services.tracking_grid import fetch_rows, row_ids
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import message
from desktop.ui.dialogs.bulk_action_dialog import SESSION
from desktop.ui.models.tracking_grid_model import OVERDUE_TINT
from desktop.ui.pages.tracking_page import TrackingPage
from tests.ui.conftest import DEMO_TODAY
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


def test_bulk_mark_received_is_one_step_with_a_summary(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner, "09-KH/TU")
    ids = grid.model.ids()
    before = {r.id: r.received_date for r in fetch_rows(demo_db, ids, DEMO_TODAY)}
    waiting = [i for i, d in before.items() if d is None]
    assert 0 < len(waiting) < len(ids)
    go(grid, 0, "received_date")
    for _ in range(len(ids) - 1):
        press(grid, Key.Key_Down, SHIFT)
    # a window shortcut fires only in the active window: in a long test run another test's
    # window may have taken that, so make sure it is ours before pressing it
    _page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is _page)
    press(grid, Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: grid.bulk_dialog is not None and grid.bulk_dialog.isVisible())
    dialog = grid.bulk_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.date.text() == "30/11/2026"  # today, ready to accept
    press(grid, Key.Key_Tab)  # → channel
    type_keys(grid, "g")  # Giấy
    assert dialog.choice.currentData() == "giay"
    press(grid, Key.Key_Return)
    qtbot.waitUntil(lambda: not grid.busy and "Đã cập nhật" in grid.status.text())
    assert grid.status.text().startswith(f"Đã cập nhật {len(waiting)} dòng; "
                                         f"{len(ids) - len(waiting)} dòng không đổi")
    after = {r.id: r for r in fetch_rows(demo_db, ids, DEMO_TODAY)}
    assert all(after[i].received_date == date(2026, 11, 30) for i in waiting)
    assert all(after[i].received_date == before[i] for i in ids if i not in waiting)
    _page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is _page)
    grid.view.setFocus()
    press(grid, Key.Key_Z, CTRL)  # ONE undo step
    assert {r.id: r.received_date for r in fetch_rows(demo_db, ids, DEMO_TODAY)} == before
    assert grid.model.index(0, grid.model.column_of("received_date")).data() == (
        "" if before[ids[0]] is None else before[ids[0]].strftime("%d/%m/%Y"))
    press(grid, Key.Key_Y, CTRL)
    assert all(row(demo_db, i).received_date == date(2026, 11, 30) for i in waiting)


def test_bulk_with_a_stale_row_changes_nothing(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    _page, grid = open_grid(qtbot, demo_db, runner)
    go(grid, 0, "study_date")
    for _ in range(39):
        press(grid, Key.Key_Down, SHIFT)
    selected = grid.selected_rows()
    assert len(selected) == 40
    for stale in selected[5:7]:
        apply_changes(demo_db, [(stale.id, {"note": "máy khác"}, stale.version)])
    before = fetch_rows(demo_db, [r.id for r in selected], DEMO_TODAY)
    message.set_next_answer(message.Button.No)
    grid.bulk(SESSION, SetSession(date(2026, 11, 2), "hoi_nghi"))
    qtbot.waitUntil(lambda: not grid.busy)
    assert fetch_rows(demo_db, [r.id for r in selected], DEMO_TODAY) == before
    assert message.history and selected[5].org_name in message.history[0].text
    assert grid.undo_stack.count() == 0


def test_filters_search_and_named_filters(qtbot: QtBot, demo_db: Database,
                                          runner: TaskRunner) -> None:
    page, grid = open_grid(qtbot, demo_db, runner)
    total = grid.model.rowCount()
    bar = grid.filters
    bar.search.setFocus()
    type_keys(grid, "phu loc")
    def all_match() -> bool:
        rows = [grid.model.row_at(r) for r in range(grid.model.rowCount())]
        return 0 < len(rows) < total and all(
            "phu loc" in fold(f"{x.org_name} {x.org_short_name} {x.org_code or ''}")
            for x in rows)

    qtbot.waitUntil(all_match)  # accents ignored: "Phú Lộc"
    bar.search.clear()
    qtbot.waitUntil(lambda: grid.model.rowCount() == total)
    bar.overdue.setChecked(True)
    settle(qtbot, grid)
    overdue = grid.model.rowCount()
    assert 0 < overdue < total
    assert all(grid.model.row_at(r).days_overdue > 0 for r in range(overdue))
    tint = grid.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.color() == OVERDUE_TINT  # overdue rows are tinted
    bar.save_named("Quá hạn")
    bar.overdue.setChecked(False)
    settle(qtbot, grid)
    assert grid.model.rowCount() == total
    assert bar.named_filters() == ["Quá hạn"]
    assert bar.load_named("Quá hạn")
    settle(qtbot, grid)
    assert grid.model.rowCount() == overdue
    # the filter is remembered: a new page opens with it
    second = TrackingPage(demo_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(second)
    second.page_shown()
    assert second.grid.filters.overdue.isChecked()
    assert second.grid.filters.named_filters() == ["Quá hạn"]


def test_show_row_opens_the_document_on_the_organisation(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    page, grid = open_grid(qtbot, demo_db, runner, "09-KH/TU")
    doc = find_document(demo_db, "03-CT/TU").id
    ids = row_ids(demo_db, doc, as_of=DEMO_TODAY)
    target = fetch_rows(demo_db, [ids[150]], DEMO_TODAY)[0]
    grid.filters.overdue.setChecked(True)  # hides the row: show_row clears the filter
    assert page.show_row(doc, target.organisation_id)
    settle(qtbot, grid)
    assert grid.document_id == doc
    assert grid.model.ids()[grid.view.currentIndex().row()] == target.id
    assert not page.show_row(doc, -1)


def test_keyboard_only_records_the_returns_of_20_organisations(
    qtbot: QtBot, demo_db: Database, runner: TaskRunner
) -> None:
    doc = find_document(demo_db, "05-KL/TU").id
    ids = row_ids(demo_db, doc, as_of=DEMO_TODAY)
    rows = fetch_rows(demo_db, ids, DEMO_TODAY)
    # set-up: 20 organisations spread over the grid whose report has not come back yet
    chosen = rows[::14][:20]
    assert len(chosen) == 20
    for r in chosen:
        if r.report_id is not None and r.report_version is not None:
            delete_report(demo_db, r.report_id, r.report_version, today=DEMO_TODAY)
    _page, grid = open_grid(qtbot, demo_db, runner)
    returned = {r.id for r in chosen[::4]}
    go(grid, 0, "report_received_date")
    for r in chosen:
        target = grid.model.row_of(r.id)
        steps = target - grid.view.currentIndex().row()
        for _ in range(abs(steps)):
            press(grid, Key.Key_Down if steps > 0 else Key.Key_Up)
        assert current_key(grid) == "report_received_date"
        type_keys(grid, "2/11")
        press(grid, Key.Key_Tab)
        assert current_key(grid) == "report_status"
        if r.id in returned:
            type_keys(grid, "t")  # "Trả lại, yêu cầu bổ sung"
            press(grid, Key.Key_Return)
        press(grid, Key.Key_Backtab, SHIFT)
    stored = {x.id: x for x in fetch_rows(demo_db, [r.id for r in chosen], DEMO_TODAY)}
    for r in chosen:
        got = stored[r.id]
        assert got.report_received_date == date(2026, 11, 2), got.org_name
        if r.id in returned:
            assert got.report_status == "tra_lai"
        else:
            assert got.report_status in ("dung_han", "qua_han")
    assert grid.undo_stack.count() == 20 + len(returned)


def test_bulk_dialogs_tab_order_keys_and_inline_date_error(qtbot: QtBot) -> None:
    from desktop.ui.dialogs.bulk_action_dialog import (
        CLEAR,
        KINDS,
        RECEIVED,
        BulkActionDialog,
    )

    for kind in KINDS:
        dialog = BulkActionDialog(kind, 12, DEMO_TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen = []
        widget = dialog.focusWidget() or dialog.nextInFocusChain()
        for _ in range(30):
            if widget in seen:
                break
            seen.append(widget)
            widget = widget.nextInFocusChain()
        ok = dialog.buttons.buttons()[0]
        assert any(w is ok for w in seen) and ok.isDefault()
        assert "&" in ok.text() and ok.text().replace("&", "") == "Áp dụng"
        if kind == CLEAR:
            dialog._accept()
            assert dialog.result() == 0 and not dialog.error.isHidden()
        dialog.close()
    dialog = BulkActionDialog(RECEIVED, 3, DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.edit.setText("31/02")
    dialog._accept()
    assert dialog.isVisible() and dialog.date.error.text()  # explained under the field
    dialog.date.edit.setText("5/2")
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.action().day == date(2026, 2, 5)  # type: ignore[union-attr]
