"""`destinationHealth`: the health dock's widget (figures, chart over time, top talkers).

It shows what `HealthWatch` gives it: the scope (a destination or a tree node's subtree),
the latest figures per destination (`healthTable`), the busiest destinations now
(`topTalkers`), one figure over time (`healthChart`, pyqtgraph, built when the first samples
arrive) for the selected row or, with none selected, the whole scope; or the sentence that
says why there are no figures (`healthUnavailable`), with "Open the profile" where a field
of the profile would give them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.health import HealthMonitor, HealthSample, Talker
from explorer.ui.elided_label import ElidedLabel
from explorer.ui.health_figures import FIGURES, Figure, age_text, figure_text, rate_text
from explorer.ui.health_table import FiguresModel

if TYPE_CHECKING:
    from explorer.ui.health_chart import HealthChart

TALKERS = 10
_NAME_MIN = 120
# The widest value of each figure column (their widths are measured once from it).
_FIGURE_SAMPLES = ("9,999,999", "9,999", "99,999.9", "99,999.9", "99 h 59 min")
_TALKER_SAMPLES = ("99,999.9", "99,999.9", "99,999.9", "9,999,999")


class HealthPanel(QWidget):
    """The health dock's contents; `HealthWatch` feeds it."""

    open_profile_requested = Signal()
    figure_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destinationHealth")
        self.monitor: HealthMonitor | None = None
        self.node = ""
        self.chart: HealthChart | None = None
        self.scope = ElidedLabel()
        self.scope.setObjectName("healthScope")
        self.figure = QComboBox()
        self.figure.setObjectName("healthFigure")
        self.figure.setToolTip(self.tr("The figure the chart follows"))
        for figure in FIGURES:
            self.figure.addItem(figure_text(figure), figure)
        self.figure.currentIndexChanged.connect(lambda _i: self.redraw())
        self.status = ElidedLabel()
        self.status.setObjectName("healthStatus")
        self.status.setProperty("hint", True)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.scope, 2)
        top.addWidget(self.status, 1)
        top.addWidget(self.figure)

        self.unavailable = QLabel()
        self.unavailable.setObjectName("healthUnavailable")
        self.unavailable.setWordWrap(True)
        self.unavailable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unavailable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.profile_button = QPushButton(self.tr("Open the profile"))
        self.profile_button.setObjectName("healthOpenProfile")
        self.profile_button.clicked.connect(self.open_profile_requested)
        self.notice = QWidget()
        notice_layout = QVBoxLayout(self.notice)
        notice_layout.addStretch(1)
        notice_layout.addWidget(self.unavailable)
        notice_layout.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignHCenter)
        notice_layout.addStretch(1)

        self.chart_holder = QWidget()
        self.chart_holder.setObjectName("healthChartHolder")
        self._chart_layout = QVBoxLayout(self.chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.table = self._table(
            "healthTable",
            [
                self.tr("Destination"),
                self.tr("Depth"),
                self.tr("Consumers"),
                self.tr("In/s"),
                self.tr("Out/s"),
                self.tr("Oldest"),
            ],
            _FIGURE_SAMPLES,
        )
        self.table.setToolTip(self.tr("Select a destination to chart it; none: the whole scope"))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.redraw())
        self.talkers = self._table(
            "topTalkers",
            [
                self.tr("Destination"),
                self.tr("Msg/s"),
                self.tr("In/s"),
                self.tr("Out/s"),
                self.tr("Depth"),
            ],
            _TALKER_SAMPLES,
        )
        self.talkers.setToolTip(self.tr("The destinations carrying the most traffic now"))
        self.side = QTabWidget()
        self.side.setObjectName("healthTabs")
        self.side.setDocumentMode(True)
        self.side.addTab(self.table, self.tr("Destinations"))
        self.side.addTab(self.talkers, self.tr("Top talkers"))
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("healthSplitter")
        self.split.addWidget(self.chart_holder)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.notice, 1)
        layout.addWidget(self.split, 1)
        self.show_unavailable(
            self.tr("Select a destination or folder in a connection's tree to see its health."),
            can_open_profile=False,
        )

    def _table(self, name: str, titles: list[str], samples: Sequence[str]) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(FiguresModel(titles, table))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideLeft)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        # The destination column takes what the figures leave (never under _NAME_MIN: the
        # table scrolls sideways instead); a Stretch section kept 250 px in a narrow dock.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.viewport().installEventFilter(self)
        metrics = table.fontMetrics()
        for column, sample in enumerate(samples, 1):  # measured once, never fitted to rows
            width = max(
                metrics.horizontalAdvance(sample), metrics.horizontalAdvance(titles[column])
            )
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 16)
        table.setMinimumHeight(60)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: fit the destination column when a table's width changes."""
        if event.type() == QEvent.Type.Resize:
            for table in (self.table, self.talkers):
                if watched is table.viewport():
                    _fit_first_column(table)
        return super().eventFilter(watched, event)

    @property
    def figures(self) -> FiguresModel:
        """The rows of the figures table (`healthTable`)."""
        return _model(self.table)

    @property
    def top(self) -> FiguresModel:
        """The rows of the top talkers table (`topTalkers`)."""
        return _model(self.talkers)

    # -- what HealthWatch shows ----------------------------------------------------------------

    def show_scope(self, text: str, node: str = "") -> None:
        """What the figures are for; destinations under `node` are listed by the rest of
        their name ("….orders"), the whole name in their tooltip."""
        self.scope.setText(text)
        self.scope.setToolTip(text)
        self.node = node
        self.figures.node = self.top.node = node

    def show_unavailable(self, text: str, *, can_open_profile: bool) -> None:
        """No figures: the sentence instead of the chart and tables."""
        self.monitor = None
        self.unavailable.setText(text)
        self.profile_button.setVisible(can_open_profile)
        self.notice.show()
        self.split.hide()
        self.status.setText("")
        self.figure.setEnabled(False)

    def start(self, monitor: HealthMonitor, source: str) -> None:
        """Figures are coming from `monitor` (cleared until its first samples)."""
        self.monitor = monitor
        self.figures.set_rows([])
        self.top.set_rows([])
        self.notice.hide()
        self.split.show()
        self.figure.setEnabled(True)
        self.status.setText(self.tr("{source}: reading…").format(source=source))
        self._source = source
        if self.chart is not None:
            self.chart.show_series([], self.current_figure())

    def show_problem(self, text: str) -> None:
        """The source failed (it is tried again): say so above the last figures."""
        self.status.setText(text)
        self.status.setToolTip(text)
        self._mark_status("false")

    def show_samples(self, samples: Sequence[HealthSample]) -> None:
        """A new reading: the table, the top talkers and the chart."""
        if self.monitor is None:
            return
        selected = self.selected_destination()
        rows = [
            (
                sample.destination,
                (
                    _count(sample.depth),
                    _count(sample.consumers),
                    rate_text(sample.enqueue_rate),
                    rate_text(sample.dequeue_rate),
                    age_text(sample.oldest_age),
                ),
            )
            for sample in samples
        ]
        self.figures.set_rows(rows)
        if selected is not None and not self.table.selectionModel().selectedRows():
            row = self.figures.row_of(selected)  # the model was reset: select it again
            if row is not None:
                self.table.selectRow(row)
        self.show_talkers(self.monitor.top_talkers(TALKERS))
        stamp = time.strftime("%H:%M:%S", time.localtime(samples[0].time)) if samples else ""
        self._mark_status("")
        self.status.setText(
            self.tr("{source} · {count} destinations · {time}").format(
                source=self._source, count=len(samples), time=stamp
            )
        )
        self.status.setToolTip("")
        self.redraw()

    def _mark_status(self, valid: str) -> None:
        self.status.setProperty("valid", valid)
        self.status.setProperty("hint", not valid)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def show_talkers(self, talkers: Sequence[Talker]) -> None:
        self.top.set_rows(
            [
                (
                    talker.destination,
                    (
                        rate_text(talker.traffic),
                        rate_text(talker.enqueue_rate),
                        rate_text(talker.dequeue_rate),
                        _count(talker.depth),
                    ),
                )
                for talker in talkers
            ]
        )

    # -- the chart -----------------------------------------------------------------------------

    def current_figure(self) -> Figure:
        figure = self.figure.currentData()
        return figure if isinstance(figure, Figure) else Figure.DEPTH

    def selected_destination(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.figures.destination_at(rows[0].row())

    def charted(self) -> tuple[list[HealthSample], str]:
        """What the chart draws and its name: the selected destination's series, else the
        scope's (the sum of its destinations)."""
        monitor = self.monitor
        if monitor is None:
            return [], ""
        selected = self.selected_destination()
        if selected is not None:
            return monitor.series(selected), selected
        destinations = monitor.destinations()
        if len(destinations) == 1:
            return monitor.series(destinations[0]), destinations[0]
        return monitor.total(), self.tr("all {count} destinations").format(count=len(destinations))

    def redraw(self) -> None:
        if self.monitor is None or not self.monitor.destinations():
            return
        from explorer.ui.health_chart import HealthChart  # pyqtgraph: on first use

        if self.chart is None:
            self.chart = HealthChart()
            self._chart_layout.addWidget(self.chart)
            width = max(self.split.width(), 400)  # the empty holder had no width of its own
            self.split.setSizes([width // 2, width - width // 2])
        samples, label = self.charted()
        self.chart.show_series(samples, self.current_figure(), label)
        self.figure_changed.emit()


def _fit_first_column(table: QTableView) -> None:
    header = table.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(1, header.count()))
    header.resizeSection(0, max(_NAME_MIN, table.viewport().width() - others))


def _model(table: QTableView) -> FiguresModel:
    model = table.model()
    assert isinstance(model, FiguresModel)
    return model


def _count(value: int | None) -> str:
    return f"{value:,}" if value is not None else "–"
