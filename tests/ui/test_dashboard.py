"""The "Tiến độ văn bản" tab: progress bars equal the statistics, the chart gets the groups."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services import documents
from desktop.services.database import Database
from desktop.services.stats import document_stats
from desktop.tasks.runner import TaskRunner
from desktop.ui.charts import GroupBarChart
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.widgets.dashboard_panel import BAR_STAGES

from . import dashboard_support

# the fixtures, found by pytest under these names
dash_template = dashboard_support.dash_template
dash_db = dashboard_support.dash_db
keep = dashboard_support.keep


def open_dashboard(qtbot: QtBot, db: Database, runner: TaskRunner, keep: list[QWidget],
                   number: str) -> ReportsPage:
    page = ReportsPage(db, runner)
    keep.append(page)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    doc = next(d for d in documents.list_documents(db) if d.number_symbol == number)
    page.show_document(doc.id)
    page.tabs.setCurrentWidget(page.dashboard)
    qtbot.waitUntil(lambda: page.dashboard.progress is not None
                    and page.dashboard.progress.stats.document_id == doc.id)
    return page


def _has_color(image: QImage, color: QColor) -> bool:
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y) == color:
                return True
    return False


def test_bars_equal_document_stats_for_every_document(
    qtbot: QtBot, dash_db: Database, runner: TaskRunner, keep: list[QWidget]
) -> None:
    docs = documents.list_documents(dash_db)
    assert len(docs) == 6
    page = open_dashboard(qtbot, dash_db, runner, keep, docs[-1].number_symbol)
    for doc in docs:
        page.show_document(doc.id)
        qtbot.waitUntil(lambda d=doc: page.dashboard.progress is not None
                        and page.dashboard.progress.stats.document_id == d.id)
        progress = page.dashboard.progress
        assert progress is not None
        expected = document_stats(dash_db, doc.id, progress.stats.as_of)
        assert progress.stats == expected
        assert page.stats == expected  # the coverage tab shows the same figures
        for column in BAR_STAGES:
            part, total = column.part(expected.totals), column.total(expected.totals)
            share = format_percent(percent(part, total))
            assert page.dashboard.bar_text(column.key) == \
                f"{format_int(part)}/{format_int(total)} ({share})"
        assert sum(progress.by_status.values()) == expected.totals.recipients
        assert progress.overdue == expected.totals.overdue
    assert page.dashboard.bars["overdue"].accessibleName() == "Quá hạn"


def test_chart_gets_the_per_group_numbers_and_renders(
    qtbot: QtBot, dash_db: Database, runner: TaskRunner, keep: list[QWidget]
) -> None:
    page = open_dashboard(qtbot, dash_db, runner, keep, "02-NQ/TU")
    stats = page.dashboard.progress.stats  # type: ignore[union-attr]
    chart = page.dashboard.chart
    assert chart.categories() == [g.name for g in stats.groups]
    assert len(chart.categories()) >= 3
    series = chart.series()
    assert list(series) == ["Đã nhận", "Đã quán triệt", "Đã có kế hoạch", "Đã báo cáo",
                            "Quá hạn"]
    # per group, the share of that group's recipients (of those that must report, for reports)
    def share(part: int, total: int) -> int:
        return round(100 * part / total + 1e-9) if total else 0

    assert series["Đã nhận"] == [share(g.counts.received, g.counts.recipients)
                                 for g in stats.groups]
    assert series["Đã báo cáo"] == [share(g.counts.reported, g.counts.must_report
                                          or g.counts.recipients) for g in stats.groups]
    assert series["Quá hạn"] == [share(g.counts.overdue, g.counts.recipients)
                                 for g in stats.groups]
    image = chart.grab().toImage()
    assert image.width() > 300 and image.height() > 200
    assert _has_color(image, QColor("#4e79a7"))  # the "received" bars were drawn


def test_chart_adapter_alone(qtbot: QtBot) -> None:
    chart = GroupBarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 260)
    chart.grab()  # "no data" drawn, no warning
    chart.set_data(["Khối A", "Khối B"], {"Đã nhận": [3, 40], "Quá hạn": [0, 7]},
                   {"Quá hạn": "#b22222"})
    assert chart.series() == {"Đã nhận": [3, 40], "Quá hạn": [0, 7]}
    image = chart.grab().toImage()
    assert _has_color(image, QColor("#b22222"))
    try:
        chart.set_data(["A"], {"x": [1, 2]})
    except ValueError as exc:
        assert "2 values for 1 categories" in str(exc)
    else:
        raise AssertionError("a series of the wrong length was accepted")
    chart.clear()
    assert chart.categories() == [] and chart.series() == {}
