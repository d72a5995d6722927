"""One document at a glance: a progress bar per workflow stage and a bar chart per group.

The bars are the totals of :func:`desktop.services.stats.document_stats` (received, studied,
planned, reported, overdue, each against its own denominator); the chart shows the same
counts for every "Nơi nhận" group; a line below counts the rows per status.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services.dashboard import DocumentProgress
from desktop.services.tracking_status import RowStatus
from desktop.ui.charts import SERIES_COLORS, GroupBarChart
from desktop.ui.models.group_stats_model import ALARM_COLOR
from desktop.ui.models.stage_columns import STAGES, StageColumn

_BAR_STEPS = 10_000
#: the stages drawn as bars and in the chart (the number of recipients is the heading)
BAR_STAGES: tuple[StageColumn, ...] = tuple(c for c in STAGES if c.key != "recipients")


class DashboardPanel(QWidget):
    """Progress bars over a grouped bar chart; fed with :meth:`set_progress`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: DocumentProgress | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.bars: dict[str, QProgressBar] = {}
        for row, column in enumerate(BAR_STAGES):
            bar = QProgressBar()
            bar.setRange(0, _BAR_STEPS)
            bar.setAccessibleName(column.title)
            if column.alarm:
                palette = bar.palette()
                palette.setColor(QPalette.ColorRole.Highlight, ALARM_COLOR)
                bar.setPalette(palette)
            label = QLabel(column.title)
            label.setBuddy(bar)
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
            self.bars[column.key] = bar
        self.statuses = QLabel()
        self.statuses.setWordWrap(True)
        self.chart_title = QLabel(self.tr("By group of recipients"))
        self.chart_title.setFont(font)
        self.chart = GroupBarChart()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.statuses)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 1)
        self.set_progress(None)

    def set_progress(self, progress: DocumentProgress | None) -> None:
        self.progress = progress
        if progress is None:
            self.title.setText(self.tr("Select a document to see how far it has got."))
            self.statuses.clear()
            for bar in self.bars.values():
                bar.setValue(0)
                bar.setFormat("")
            self.chart.clear()
            return
        stats = progress.stats
        self.title.setText(
            self.tr("{number} of {date}: {count} recipients, figures as of {as_of}").format(
                number=stats.number_symbol, date=format_date(stats.issue_date),
                count=format_int(stats.totals.recipients), as_of=format_date(stats.as_of)))
        for column in BAR_STAGES:
            self._set_bar(self.bars[column.key], column, stats.totals)
        parts = [f"{RowStatus(code).label}: {format_int(n)}"
                 for code, n in progress.by_status.items() if n]
        self.statuses.setText("; ".join(parts))
        categories = [g.name for g in stats.groups]
        # shares, not counts: a group of 3 press bodies beside one of 2,000 cells stays readable
        series = {c.title: [_share(c.part(g.counts), c.total(g.counts)) for g in stats.groups]
                  for c in BAR_STAGES}
        colors = {c.title: (ALARM_COLOR.name() if c.alarm else SERIES_COLORS[i])
                  for i, c in enumerate(BAR_STAGES)}
        self.chart.set_data(categories, series, colors, maximum=100, unit="%")

    def bar_text(self, key: str) -> str:
        return self.bars[key].text()

    def _set_bar(self, bar: QProgressBar, column: StageColumn, counts: object) -> None:
        part, total = column.part(counts), column.total(counts)  # type: ignore[arg-type]
        share = percent(part, total)
        if share is None:
            bar.setValue(0)
            bar.setFormat(format_int(part) if part else self.tr("no data"))
            return
        bar.setValue(round(min(share, 100.0) / 100 * _BAR_STEPS))
        bar.setFormat(f"{format_int(part)}/{format_int(total)} ({format_percent(share)})")


def _share(part: int, total: int) -> int:
    """Whole percent, rounded half up (the bar's height; the exact figures are in the table)."""
    return (part * 200 + total) // (total * 2) if total else 0
