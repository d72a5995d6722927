"""The "Ma trận đơn vị × văn bản" tab: model, sorting by lateness, filters, opening a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.text import vi_sort_key
from desktop.services import org_groups
from desktop.services.dashboard import lateness_matrix
from desktop.services.database import Database
from desktop.services.tracking_status import RowStatus
from desktop.tasks.runner import TaskRunner
from desktop.ui.main_window import MainWindow
from desktop.ui.models.lateness_matrix_model import (
    FIXED_COLUMNS,
    IDS_ROLE,
    LatenessMatrixModel,
)
from desktop.ui.widgets.matrix_panel import MatrixPanel

from . import dashboard_support
from .conftest import DEMO_TODAY

# the fixtures, found by pytest under these names
dash_template = dashboard_support.dash_template
dash_db = dashboard_support.dash_db
keep = dashboard_support.keep


def open_panel(qtbot: QtBot, db: Database, runner: TaskRunner, keep: list[QWidget]
               ) -> MatrixPanel:
    panel = MatrixPanel(db, runner, as_of=DEMO_TODAY)
    keep.append(panel)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.ensure_loaded()
    return panel


def test_model_passes_the_model_tester_and_shows_each_cell(
    qtbot: QtBot, qtmodeltester, dash_db: Database  # type: ignore[no-untyped-def]
) -> None:
    matrix = lateness_matrix(dash_db, as_of=DEMO_TODAY)
    model = LatenessMatrixModel()
    model.set_matrix(matrix.columns, matrix.rows)
    qtmodeltester.check(model)
    assert model.columnCount() == FIXED_COLUMNS + 6
    assert model.rowCount() == len(matrix.rows) > 10
    seen = set()
    for r, row in enumerate(matrix.rows):
        for c, column in enumerate(matrix.columns, start=FIXED_COLUMNS):
            cell = row.cells.get(column.document_id)
            index = model.index(r, c)
            text = index.data()
            assert index.data(IDS_ROLE) == (column.document_id, row.organisation_id)
            if cell is None:
                assert text == "—"
                seen.add("none")
            elif cell.overdue:
                assert text.endswith(str(cell.days_overdue))
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                assert f"Quá hạn {cell.days_overdue} ngày làm việc" in tip
                seen.add("late")
            elif cell.status == RowStatus.REPORTED_ON_TIME:
                assert text == "✓"
                seen.add("done")
            if cell is not None:
                assert cell.status_label in index.data(Qt.ItemDataRole.ToolTipRole)
    assert {"late", "done", "none"} <= seen
    assert model.headerData(FIXED_COLUMNS, Qt.Orientation.Horizontal) == \
        matrix.columns[0].number_symbol
    model.sort(0)
    qtmodeltester.check(model)


def test_sorting_by_lateness_puts_the_latest_organisation_first(
    qtbot: QtBot, dash_db: Database, runner: TaskRunner, keep: list[QWidget]
) -> None:
    panel = open_panel(qtbot, dash_db, runner, keep)
    rows = lateness_matrix(dash_db, as_of=DEMO_TODAY).rows
    model = panel.model
    assert model.rowCount() == len(rows)
    latest = max(rows, key=lambda r: r.overdue_days)
    assert latest.overdue_days > 0
    assert model.row_at(0).overdue_days == latest.overdue_days  # the default: days late
    assert model.index(0, 2).data() == str(latest.overdue_days)
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [model.row_at(r).name for r in range(model.rowCount())]
    assert names == sorted(names, key=vi_sort_key)
    panel.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    most = max(r.overdue_documents for r in rows)
    assert model.row_at(0).overdue_documents == most
    panel.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    days = [model.row_at(r).overdue_days for r in range(model.rowCount())]
    assert days == sorted(days, reverse=True)
    # a document column: the organisations late on it first, the latest on top
    column = panel.matrix.columns[0]  # type: ignore[union-attr]
    panel.view.sortByColumn(FIXED_COLUMNS, Qt.SortOrder.AscendingOrder)
    cell = model.row_at(0).cells.get(column.document_id)
    late = [r.cells[column.document_id].days_overdue for r in rows
            if column.document_id in r.cells]
    assert (cell.days_overdue if cell else 0) == max(late)


def test_enter_on_a_cell_emits_the_document_and_the_organisation(
    qtbot: QtBot, dash_db: Database, runner: TaskRunner, keep: list[QWidget]
) -> None:
    panel = open_panel(qtbot, dash_db, runner, keep)
    index = panel.model.index(3, FIXED_COLUMNS + 2)
    expected = (panel.model.column_at(index.column()).document_id,  # type: ignore[union-attr]
                panel.model.row_at(3).organisation_id)
    panel.view.setFocus()
    panel.view.setCurrentIndex(index)
    with qtbot.waitSignal(panel.cell_activated, timeout=2000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert tuple(blocker.args) == expected
    # the organisation's own columns open nothing
    panel.view.setCurrentIndex(panel.model.index(3, 0))
    with qtbot.assertNotEmitted(panel.cell_activated):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)


def test_filters_narrow_rows_and_columns(
    qtbot: QtBot, dash_db: Database, runner: TaskRunner, keep: list[QWidget]
) -> None:
    panel = open_panel(qtbot, dash_db, runner, keep)
    everyone = panel.model.rowCount()
    group = org_groups.list_groups(dash_db)[0]
    members = {o.id for o in org_groups.group_members(dash_db, group.id)}
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.group_combo.setCurrentIndex(panel.group_combo.findData(group.id))
    assert 0 < panel.model.rowCount() < everyone
    assert {panel.model.row_at(r).organisation_id for r in range(panel.model.rowCount())} \
        <= members
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.group_combo.setCurrentIndex(0)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.only_late.setChecked(True)
    assert all(panel.model.row_at(r).overdue_documents
               for r in range(panel.model.rowCount()))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.depth_combo.setCurrentIndex(panel.depth_combo.findData(2))
    assert panel.matrix is not None and panel.matrix.depth == 2
    assert all(r.depth == 2 for r in panel.matrix.rows)
    type_index = panel.type_combo.findText("Chỉ thị")
    assert type_index > 0
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.type_combo.setCurrentIndex(type_index)
    assert [c.type_name for c in panel.matrix.columns] == ["Chỉ thị", "Chỉ thị"]


def test_a_cell_opens_the_tracking_page(
    qtbot: QtBot, dash_db: Database, runner: TaskRunner, keep: list[QWidget]
) -> None:
    window = MainWindow(dash_db, runner)
    keep.append(window)
    qtbot.addWidget(window)
    window.show()
    window.show_page("reports")
    reports = window.page("reports")
    reports.show_matrix()  # type: ignore[attr-defined]
    matrix = reports.matrix  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: matrix.matrix is not None, timeout=10_000)
    index = matrix.model.index(0, FIXED_COLUMNS)
    document_id, _org = matrix.model.ids_at(index)
    matrix.view.clicked.emit(index)
    assert window.current_key == "tracking"
    assert window._document_id == document_id
