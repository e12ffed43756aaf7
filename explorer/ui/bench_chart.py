"""The bench's latency histogram: how many messages took how long, send -> receive.

The buckets come from the run's HdrHistogram (`BenchResult.fine_distribution`: upper bound in
ms, growing by √2 from 0.1 ms). Such buckets on a linear axis would squeeze the fast ones into
a sliver, so each bucket is one bar, labelled with its upper bound. pyqtgraph is imported when
the chart is made (it costs start-up time the window does not need).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.ui.theme import is_dark


def bucket_label(upper_ms: float) -> str:
    """`0.1` -> `≤0.1`, `1.131` -> `≤1.1`, `12.8` -> `≤13`, `1638.4` -> `≤1.6 s`."""
    if upper_ms >= 1000:
        return f"≤{upper_ms / 1000:.1f} s"
    if upper_ms >= 10:
        return f"≤{upper_ms:.0f}"
    return f"≤{upper_ms:.2g}" if upper_ms < 1 else f"≤{upper_ms:.1f}"


def trimmed(buckets: Sequence[tuple[float, int]], minimum: int = 8) -> list[tuple[float, int]]:
    """The buckets from the first to the last that holds messages, widened with empty
    neighbours (faster ones first) to at least `minimum` bars, so a narrow run still shows
    its scale."""
    filled = [i for i, (_upper, count) in enumerate(buckets) if count]
    if not filled:
        return []
    first, last = filled[0], filled[-1]
    while last - first + 1 < minimum and (first > 0 or last < len(buckets) - 1):
        if first > 0:
            first -= 1
        else:
            last += 1
    return list(buckets[first : last + 1])


class LatencyHistogram(QWidget):
    """Bars of message counts per latency bucket, in the palette's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.setObjectName("benchHistogram")
        self._pg: Any = pg
        self.plot: Any = pg.PlotWidget()
        self.plot.setObjectName("benchHistogramPlot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self._buckets: list[tuple[float, int]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.setMinimumHeight(180)
        self._style()

    @property
    def buckets(self) -> list[tuple[float, int]]:
        """What the chart shows: (upper bound in ms, messages), empty ones at the ends cut."""
        return list(self._buckets)

    def show_distribution(self, buckets: Sequence[tuple[float, int]]) -> None:
        self._buckets = trimmed(buckets)
        self.plot.clear()
        if not self._buckets:
            return
        pg = self._pg
        xs = list(range(len(self._buckets)))
        heights = [count for _upper, count in self._buckets]
        bars = pg.BarGraphItem(
            x=xs, height=heights, width=0.85, brush=self._accent(), pen=pg.mkPen(None)
        )
        self.plot.addItem(bars)
        ticks = [(i, bucket_label(upper)) for i, (upper, _count) in enumerate(self._buckets)]
        step = max(1, -(-len(ticks) // 10))  # at most about ten labels
        self.plot.getAxis("bottom").setTicks([ticks[::step], ticks])
        self.plot.setXRange(-0.6, len(xs) - 0.4, padding=0)
        self.plot.setYRange(0, max(heights) * 1.08, padding=0)

    def clear(self) -> None:
        self._buckets = []
        self.plot.clear()

    def changeEvent(self, event: QEvent) -> None:
        """Override: follow a switch between light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            self._style()
            self.show_distribution(self._buckets)
        super().changeEvent(event)

    def _accent(self) -> QColor:
        return QColor("#5b9cf5") if is_dark() else QColor("#2f6fd0")

    def _style(self) -> None:
        pg = self._pg
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
            axis.setTextPen(pg.mkPen(text))
        self.plot.setLabel("bottom", self.tr("latency, ms (upper bound of each bar)"))
        self.plot.setLabel("left", self.tr("messages"))
