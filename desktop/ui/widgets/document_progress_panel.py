"""How far one document has got: a bar per workflow stage and a table per group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services.dto import DocumentStats, StageCounts
from desktop.ui.models.group_stats_model import ALARM_COLOR, GroupStatsModel
from desktop.ui.models.stage_columns import ATTENDANCE, STAGES, StageColumn

_BAR_STEPS = 10_000


class DocumentProgressPanel(QWidget):
    """Totals as progress bars ("35.599/35.900 (99,16%)") beside the per-group counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.as_of = QLabel()

        bars = QGridLayout()
        bars.setColumnStretch(1, 1)
        self.bars: dict[str, QProgressBar] = {}
        self._columns: tuple[StageColumn, ...] = STAGES + ATTENDANCE
        for row, column in enumerate(self._columns):
            label = QLabel(column.title)
            bar = QProgressBar()
            bar.setRange(0, _BAR_STEPS)
            bar.setValue(0)
            bar.setMinimumWidth(220)
            bar.setAccessibleName(column.title)
            if column.alarm:  # the palette, not a style sheet: keeps the platform's look
                palette = bar.palette()
                palette.setColor(QPalette.ColorRole.Highlight, ALARM_COLOR)
                bar.setPalette(palette)
            label.setBuddy(bar)
            bars.addWidget(label, row, 0)
            bars.addWidget(bar, row, 1)
            self.bars[column.key] = bar
        bars_box = QWidget()
        bars_box.setLayout(bars)

        self.groups_model = GroupStatsModel(with_percent=False, short_titles=True, parent=self)
        self.groups = QTableView()
        self.groups.setModel(self.groups_model)
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.verticalHeader().hide()
        self.groups.setWordWrap(False)
        header = self.groups.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        body = QHBoxLayout()
        body.addWidget(bars_box, 4)
        body.addWidget(self.groups, 7)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.as_of)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(body, 1)
        self.set_stats(None)

    def set_stats(self, stats: DocumentStats | None) -> None:
        self.groups_model.set_stats(stats)
        if stats is None:
            self.title.setText(self.tr("Select a document to see how far it has got."))
            self.as_of.clear()
            for bar in self.bars.values():
                bar.setValue(0)
                bar.setFormat("")
            return
        date_text = format_date(stats.issue_date)
        self.title.setText(
            self.tr("{number} of {date}: {excerpt}").format(
                number=stats.number_symbol, date=date_text, excerpt=stats.excerpt
            )
        )
        self.as_of.setText(self.tr("Figures as of {date}").format(date=format_date(stats.as_of)))
        for column in self._columns:
            self._set_bar(self.bars[column.key], column, stats.totals)

    def bar_text(self, key: str) -> str:
        return self.bars[key].text()

    def _set_bar(self, bar: QProgressBar, column: StageColumn, counts: StageCounts) -> None:
        part, total = column.part(counts), column.total(counts)
        if column.key == "recipients":
            bar.setValue(_BAR_STEPS if part else 0)
            bar.setFormat(self.tr("{count} organisations").format(count=format_int(part)))
            return
        share = percent(part, total)
        if share is None:
            bar.setValue(0)
            bar.setFormat(format_int(part) if part else self.tr("no data"))
            return
        bar.setValue(round(min(share, 100.0) / 100 * _BAR_STEPS))
        # QProgressBar replaces only %p, %v and %m; "99,16%)" is shown as written.
        bar.setFormat(f"{format_int(part)}/{format_int(total)} ({format_percent(share)})")
