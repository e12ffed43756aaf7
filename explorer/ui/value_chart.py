"""`valueChart`: numeric JSON fields of a destination's messages over time (pyqtgraph).

"Chart this field" on a number in the JSON view adds a series: a destination and a JSONPath
(`$.price`). The series reads the session's per-destination history, so it starts with the
messages already there and then follows new ones (polled twice a second; at more than 100
messages per half second on one destination it samples). Several series share the time
axis; Pause freezes the picture while values keep being collected; Export writes every
point as CSV (time, destination, field, value).

pyqtgraph (with numpy) takes about half a second to import, so this module is imported only
when the first chart is asked for, never at start-up.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.search.jsonpaths import compiled_jsonpath
from explorer.search.semantics import json_found
from explorer.store import LogEntry
from explorer.store.history import DestinationHistory
from explorer.ui.icons import icon

REFRESH_MS: Final = 500
MAX_POINTS: Final = 10_000  # per series; the oldest go first
_PALETTE: Final = ("#2f6fd0", "#e8590c", "#2e8b57", "#9c36b5", "#c92a2a", "#0b7285")


class ChartError(Exception):
    """A field that cannot be charted (the path does not parse)."""


@dataclass
class Series:
    """One line: `path` of the JSON bodies on `destination`, with its points."""

    history: DestinationHistory
    destination: str
    path: str
    times: list[float] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    last: LogEntry | None = None
    generation: int = -1
    curve: Any = None

    @property
    def label(self) -> str:
        return f"{self.destination} {self.path}"

    def collect(self) -> int:
        """Take the values of messages newer than the last one read; returns how many."""
        if self.history.generation == self.generation:
            return 0
        self.generation = self.history.generation
        entries = self.history.entries(self.destination)
        start = 0
        if self.last is not None:
            start = next(
                (i + 1 for i in range(len(entries) - 1, -1, -1) if entries[i] == self.last),
                -1,
            )
            if start < 0:  # evicted since: everything newer than its time
                when = self.last.timestamp
                start = next((i for i, e in enumerate(entries) if e.timestamp > when), 0)
        added = 0
        for entry in entries[start:]:
            value = self.value_of(entry)
            if value is not None:
                self.times.append(entry.timestamp)
                self.values.append(value)
                added += 1
        if entries:
            self.last = entries[-1]
        if len(self.times) > MAX_POINTS:
            del self.times[:-MAX_POINTS]
            del self.values[:-MAX_POINTS]
        return added

    def value_of(self, entry: LogEntry) -> float | None:
        """The first number `path` finds in the entry's JSON body (None: none)."""
        try:
            document = json.loads(entry.body)
        except (ValueError, RecursionError):
            return None
        for value in json_found(self.path, document):
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
        return None


def check_path(path: str) -> None:
    """ChartError when `path` is not a JSONPath (explorer.search's dialect)."""
    try:
        compiled_jsonpath(path)
    except Exception as exc:  # jsonpath-ng raises lexer, parser and plain exceptions
        raise ChartError(
            QCoreApplication.translate("ValueChart", "{path} is not a JSONPath: {error}").format(
                path=path, error=exc
            )
        ) from None


class ValueChart(QWidget):
    """The chart dock's widget: series, pause, clear, export CSV."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueChart")
        self.series: list[Series] = []
        self.paused = False
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.plot.setObjectName("valuePlot")
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.addLegend(offset=(8, 8))
        self.plot.setMenuEnabled(False)
        self.hint = QLabel(
            self.tr(
                "Right-click a number in the message pane's JSON view and choose "
                "“Chart this field” to follow it here."
            )
        )
        self.hint.setObjectName("chartHint")
        self.hint.setProperty("hint", True)
        self.hint.setWordWrap(True)
        self.pause_button = self._button("chartPause", "pause", self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(self.tr("Freeze the chart (values keep being collected)"))
        self.pause_button.toggled.connect(self.set_paused)
        self.remove_button = self._button("chartRemove", "remove", self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove a series from the chart"))
        self.remove_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.remove_menu = QMenu(self.remove_button)
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        self.remove_button.setMenu(self.remove_menu)
        self.export_button = self._button("chartExport", "export", self.tr("Export CSV…"))
        self.export_button.setToolTip(
            self.tr("Save every point as CSV: time, destination, field, value")
        )
        self.export_button.clicked.connect(self._ask_export)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        bar.addWidget(self.hint, 1)
        bar.addStretch(1)  # the buttons stay on the right when the hint is hidden
        for button in (self.pause_button, self.remove_button, self.export_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        self.apply_theme()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._update_controls()

    def _button(self, name: str, icon_name: str, text: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    def apply_theme(self) -> None:
        """Background and axes in the palette's colours (light or dark)."""
        palette = self.palette()
        self.plot.setBackground(palette.color(palette.ColorRole.Base))
        text = palette.color(palette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        legend = self.plot.plotItem.legend
        if legend is not None:
            legend.setLabelTextColor(text)
            base = palette.color(palette.ColorRole.Base)
            base.setAlpha(200)
            legend.setBrush(pg.mkBrush(base))

    # -- series ------------------------------------------------------------------------------

    def add_series(self, history: DestinationHistory, destination: str, path: str) -> Series:
        """Chart `path` of `destination`'s messages (the same one twice is one series)."""
        for series in self.series:
            if series.history is history and (series.destination, series.path) == (
                destination,
                path,
            ):
                return series
        check_path(path)
        series = Series(history, destination, path)
        colour = _PALETTE[len(self.series) % len(_PALETTE)]
        series.curve = self.plot.plot(
            [],
            [],
            name=series.label,
            pen=pg.mkPen(colour, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=colour,
            symbolPen=None,
        )
        self.series.append(series)
        series.collect()
        self._draw(series)
        self._update_controls()
        return series

    def remove_series(self, series: Series) -> None:
        if series in self.series:
            self.series.remove(series)
            self.plot.removeItem(series.curve)
            legend = self.plot.plotItem.legend
            if legend is not None:
                legend.removeItem(series.curve)
        self._update_controls()

    def clear(self) -> None:
        for series in list(self.series):
            self.remove_series(series)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.pause_button.setChecked(paused)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setIcon(icon("resume" if paused else "pause"))
        if not paused:
            for series in self.series:
                self._draw(series)

    def refresh(self) -> None:
        for series in self.series:
            if series.collect() and not self.paused:
                self._draw(series)

    def _draw(self, series: Series) -> None:
        series.curve.setData(series.times, series.values)

    def _update_controls(self) -> None:
        has = bool(self.series)
        self.hint.setVisible(not has)
        for button in (self.pause_button, self.remove_button, self.export_button):
            button.setEnabled(has)

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        for series in self.series:
            action = self.remove_menu.addAction(series.label)
            action.triggered.connect(lambda _c=False, s=series: self.remove_series(s))

    # -- export ------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> int:
        """Write every point (all series, by time); returns the number of rows."""
        rows = sorted(
            (
                (when, series.destination, series.path, value)
                for series in self.series
                for when, value in zip(series.times, series.values, strict=True)
            ),
            key=lambda row: row[0],  # stable: a batch's messages share a time, keep their order
        )
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["time", "destination", "field", "value"])
            for when, destination, field_path, value in rows:
                stamp = dt.datetime.fromtimestamp(when, dt.UTC).isoformat(timespec="milliseconds")
                writer.writerow([stamp, destination, field_path, repr(value)])
        return len(rows)

    def _ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export chart as CSV"), "chart.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            count = self.export_csv(Path(name))
            self.hint.setText(
                self.tr("{count} points saved to {path}").format(count=count, path=name)
            )
            self.hint.show()
