"""Charts behind one small adapter, so the rest of the GUI never depends on a chart library.

QtCharts is deprecated since Qt 6.10 and the 2D QtGraphs module is QML-based; the charts the
dashboard needs are plain grouped bars, so :class:`GroupBarChart` draws them itself with
QPainter (no extra module to load at start-up, no Qt warnings offscreen). Swapping in another
implementation means changing this file only: callers use :meth:`GroupBarChart.set_data`.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.numbers import format_int

#: Colours of the series, in order (colour-blind friendly; the last one is the alarm red).
SERIES_COLORS = ("#4e79a7", "#59a14f", "#f28e2b", "#76b7b2", "#e15759", "#b07aa1")
_MARGIN = 8
_TICKS = 4


def _nice_ceiling(value: int) -> int:
    """The smallest 1/2/5 × 10^k not below ``value`` (the axis maximum)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


class GroupBarChart(QWidget):
    """Vertical grouped bars: one group of bars per category, one bar per series, a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._categories: list[str] = []
        self._series: dict[str, list[int]] = {}
        self._colors: dict[str, QColor] = {}
        self._maximum: int | None = None
        self._unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    # ------------------------------------------------------------------ data API

    def set_data(self, categories: list[str], series: dict[str, list[int]],
                 colors: dict[str, str] | None = None, *, maximum: int | None = None,
                 unit: str = "") -> None:
        """Show ``series`` (label → one value per category); ``colors`` by label, optional.

        ``maximum`` fixes the top of the value axis (100 for percentages); ``unit`` is written
        after each axis label ("%")."""
        self._maximum = maximum
        self._unit = unit
        for label, values in series.items():
            if len(values) != len(categories):
                raise ValueError(f"series {label!r}: {len(values)} values for "
                                 f"{len(categories)} categories")
        self._categories = list(categories)
        self._series = {label: list(values) for label, values in series.items()}
        self._colors = {
            label: QColor((colors or {}).get(label, SERIES_COLORS[i % len(SERIES_COLORS)]))
            for i, label in enumerate(self._series)
        }
        names = ", ".join(self._categories)
        self.setAccessibleDescription(f"{names}: {', '.join(self._series)}")
        self.update()

    def categories(self) -> list[str]:
        return list(self._categories)

    def series(self) -> dict[str, list[int]]:
        return {label: list(values) for label, values in self._series.items()}

    def clear(self) -> None:
        self.set_data([], {})

    def sizeHint(self) -> QSize:
        return QSize(520, 300)

    # ------------------------------------------------------------------ drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, p: QPainter) -> None:
        fm = QFontMetrics(self.font())
        text_color = self.palette().color(QPalette.ColorRole.Text)
        grid_color = self.palette().color(QPalette.ColorRole.Mid)
        area = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        if not self._categories or not self._series:
            p.setPen(text_color)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
            return
        # legend on top, one line (wraps to further lines when narrow)
        x, y, line_h = area.left(), area.top(), fm.height() + 4
        for label, color in self._colors.items():
            width = fm.horizontalAdvance(label) + fm.height() + 16
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + line_h
            p.fillRect(QRectF(x, y + 2, fm.height() - 4, fm.height() - 4), color)
            p.setPen(text_color)
            p.drawText(QRectF(x + fm.height(), y, width, fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x += width
        top = y + line_h + 4
        top_value = self._maximum or _nice_ceiling(
            max((max(v, default=0) for v in self._series.values()), default=0))
        axis_w = fm.horizontalAdvance(format_int(top_value) + self._unit) + 6
        label_h = fm.height() * 2 + 4  # category names take up to two lines
        plot = QRectF(area.left() + axis_w, top + fm.height() / 2,
                      area.width() - axis_w, area.bottom() - label_h - top - fm.height() / 2)
        if plot.height() < 20 or plot.width() < 20:
            return
        # value axis and grid lines
        for i in range(_TICKS + 1):
            value = top_value * i // _TICKS
            yy = plot.bottom() - plot.height() * i / _TICKS
            p.setPen(grid_color)
            p.drawLine(int(plot.left()), int(yy), int(plot.right()), int(yy))
            p.setPen(text_color)
            p.drawText(QRectF(area.left(), yy - fm.height() / 2, axis_w - 4, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       format_int(value) + self._unit)
        slot = plot.width() / len(self._categories)
        n = len(self._series)
        bar_w = max(2.0, min(36.0, slot * 0.8 / n))
        for c, name in enumerate(self._categories):
            x0 = plot.left() + slot * c + (slot - bar_w * n) / 2
            for s, (label, values) in enumerate(self._series.items()):
                h = plot.height() * values[c] / top_value
                p.fillRect(QRectF(x0 + s * bar_w, plot.bottom() - h, bar_w - 1, h),
                           self._colors[label])
            p.setPen(text_color)
            text_rect = QRectF(plot.left() + slot * c + 2, plot.bottom() + 2, slot - 4, label_h)
            elided = fm.elidedText(name, Qt.TextElideMode.ElideRight, int(slot * 2 - 8))
            p.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap, elided)
