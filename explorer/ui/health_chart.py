"""`healthChart`: one destination's (or a subtree's) health over time, drawn with pyqtgraph.

One figure at a time (depth, in/out rates, consumers, oldest message age), picked by the
panel; rates draw two lines (in and out). Imported only when the health dock first has
samples: pyqtgraph and numpy take about half a second to load.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.health import HealthSample
from explorer.ui.health_figures import Figure

_IN_COLOUR: Final = "#2f6fd0"
_OUT_COLOUR: Final = "#e8590c"


def points(samples: Sequence[HealthSample], name: str) -> tuple[list[float], list[float]]:
    """(times, values) of one field, leaving out samples that did not report it."""
    times: list[float] = []
    values: list[float] = []
    for sample in samples:
        value = getattr(sample, name)
        if value is not None:
            times.append(sample.time)
            values.append(float(value))
    return times, values


class HealthChart(QWidget):
    """A time chart of one series of samples (`show(samples, figure)`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("healthChart")
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.plot.setObjectName("healthPlot")
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setMinimumHeight(60)
        self.legend = self.plot.addLegend(offset=(8, 4))
        self.first = self._curve(_IN_COLOUR)
        self.second = self._curve(_OUT_COLOUR)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.apply_theme()

    def _curve(self, colour: str) -> Any:
        return self.plot.plot(
            [],
            [],
            pen=pg.mkPen(colour, width=2),
            symbol="o",
            symbolSize=4,
            symbolBrush=colour,
            symbolPen=None,
        )

    def apply_theme(self) -> None:
        """Background, axes and legend in the palette's colours (light or dark)."""
        palette = self.palette()
        self.plot.setBackground(palette.color(palette.ColorRole.Base))
        text = palette.color(palette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.legend.setLabelTextColor(text)
        base = palette.color(palette.ColorRole.Base)
        base.setAlpha(200)
        self.legend.setBrush(pg.mkBrush(base))

    def show_series(self, samples: Sequence[HealthSample], figure: Figure, label: str = "") -> None:
        """Draw `figure` of `samples` (oldest first), named `label` in the legend; a rates
        chart has in and out."""
        self.legend.clear()
        if figure is Figure.RATES:
            self.first.setData(*points(samples, "enqueue_rate"))
            self.second.setData(*points(samples, "dequeue_rate"))
            self.second.show()
            self.legend.addItem(self.first, QCoreApplication.translate("Health", "in"))
            self.legend.addItem(self.second, QCoreApplication.translate("Health", "out"))
            return
        name = {
            Figure.DEPTH: "depth",
            Figure.CONSUMERS: "consumers",
            Figure.AGE: "oldest_age",
        }[figure]
        self.first.setData(*points(samples, name))
        self.second.setData([], [])
        self.second.hide()
        if label:
            self.legend.addItem(self.first, label)
