"""The benchmark in the window: the same run as `stomp-explorer bench`, against the current
tab's broker, with a progress bar, the figures and a latency histogram.

The bench opens connections of its own (producers on threads, consumers on the window's
loop) with the tab's endpoint and credentials; the tab's own connection is left alone.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.bench import BenchOptions, BenchResult, result_json
from explorer.ui.icons import icon
from explorer.ui.outcome import show_outcome
from explorer.ui.tasks import TaskRunner, describe_failure

if TYPE_CHECKING:
    from explorer.client import Client
    from explorer.ui.bench_chart import LatencyHistogram
    from explorer.ui.session import SessionController

MAX_MESSAGES = 100_000_000
MAX_SIZE = 64 * 2**20


class BenchDialog(QDialog):
    """Parameters, Run/Stop, progress, figures and the latency chart of one bench run."""

    finished_run = Signal(object)  # BenchResult

    def __init__(
        self, session: SessionController, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("benchDialog")
        self.setWindowTitle(self.tr("Benchmark — {name}").format(name=session.name))
        self._session = session
        self._runner = runner  # the window's: its shutdown ends a run still going
        self._task: asyncio.Task[None] | None = None
        self.bench_result: BenchResult | None = None

        target = QLabel(
            self.tr(
                "Against {url} with connections of its own (the tab's connection is left "
                "alone). Every message is stamped; latency is send → receive."
            ).format(url=session.settings.endpoint.url())
        )
        target.setObjectName("benchTarget")
        target.setWordWrap(True)
        target.setProperty("hint", "true")

        self.destination = QLineEdit()
        self.destination.setObjectName("benchDestination")
        self.destination.setPlaceholderText(self.tr("a new /queue/stomp-explorer.bench.… queue"))
        self.destination.setToolTip(self.tr("On a /topic/ every consumer receives every message"))
        self.messages = self._spin("benchMessages", 1, MAX_MESSAGES, 10_000)
        self.messages.setToolTip(self.tr("Messages to send in total"))
        self.rate = self._spin("benchRate", 0, 10_000_000, 0)
        self.rate.setToolTip(self.tr("Messages per second in total; max sends as fast as it can"))
        self.rate.setSpecialValueText(self.tr("max"))
        self.rate.setSuffix(self.tr(" msg/s"))
        self.body_size = self._spin("benchSize", 0, MAX_SIZE, 100)
        self.body_size.setToolTip(self.tr("Body size of every message"))
        self.body_size.setSuffix(self.tr(" bytes"))
        self.producers = self._spin("benchProducers", 1, 64, 1)
        self.producers.setToolTip(self.tr("Sending connections, each on its own thread"))
        self.consumers = self._spin("benchConsumers", 1, 64, 1)
        self.consumers.setToolTip(self.tr("Receiving connections"))
        self.persistent = QCheckBox(self.tr("Persistent messages"))
        self.persistent.setObjectName("benchPersistent")
        self.persistent.setToolTip(self.tr("Send with persistent:true (the broker stores them)"))
        form = QFormLayout()
        form.addRow(self.tr("Destination"), self.destination)
        form.addRow(self.tr("Messages"), self.messages)
        form.addRow(self.tr("Rate"), self.rate)
        form.addRow(self.tr("Body size"), self.body_size)
        pair = QHBoxLayout()
        pair.addWidget(self.producers)
        pair.addWidget(QLabel(self.tr("consumers")))
        pair.addWidget(self.consumers)
        pair.addStretch(1)
        form.addRow(self.tr("Producers"), pair)
        form.addRow("", self.persistent)

        self.run_button = QPushButton(icon("play"), self.tr("Run"))
        self.run_button.setObjectName("benchRun")
        self.run_button.setDefault(True)
        self.run_button.setToolTip(self.tr("Connect, send, receive and measure"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(icon("stop"), self.tr("Stop"))
        self.stop_button.setObjectName("benchStop")
        self.stop_button.setToolTip(self.tr("Stop the run"))
        self.stop_button.clicked.connect(self.stop)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy as JSON"))
        self.copy_button.setObjectName("benchCopy")
        self.copy_button.setToolTip(self.tr("The same JSON as stomp-explorer bench --format json"))
        self.copy_button.clicked.connect(self.copy_json)
        self.progress = QProgressBar()
        self.progress.setObjectName("benchProgress")
        self.progress.setFormat(self.tr("%v of %m received"))
        self.status = QLabel()
        self.status.setObjectName("benchStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.copy_button)

        self._figures: dict[str, QLabel] = {}
        figures = QHBoxLayout()
        figures.addWidget(
            self._group(
                self.tr("Delivery"),
                [
                    ("sent", self.tr("Sent")),
                    ("received", self.tr("Received")),
                    ("lost", self.tr("Lost")),
                    ("duplicates", self.tr("Duplicates")),
                    ("out_of_order", self.tr("Out of order")),
                ],
            )
        )
        figures.addWidget(
            self._group(
                self.tr("Throughput"),
                [
                    ("throughput_msg_s", self.tr("Messages/s")),
                    ("throughput_mb_s", self.tr("MB/s")),
                    ("send_msg_s", self.tr("Sending/s")),
                    ("seconds", self.tr("Duration")),
                ],
            )
        )
        figures.addWidget(
            self._group(
                self.tr("Latency (ms)"),
                [
                    ("p50", "p50"),
                    ("p90", "p90"),
                    ("p99", "p99"),
                    ("p999", "p99.9"),
                    ("max", self.tr("max")),
                ],
            )
        )
        from explorer.ui.bench_chart import LatencyHistogram

        self.chart: LatencyHistogram = LatencyHistogram()

        top = QHBoxLayout()
        top.addLayout(form, 2)
        top.addLayout(figures, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(target)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.chart, 1)
        self.resize(980, 620)
        self._update_buttons()

    def _spin(self, name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for row, (key, text) in enumerate(rows):
            value = QLabel("—")
            value.setObjectName(f"benchFigure_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(value, row, 1)
            self._figures[key] = value
        grid.setColumnStretch(1, 1)
        return box

    # -- running ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def options(self) -> BenchOptions:
        destination = self.destination.text().strip()
        options = BenchOptions(
            messages=self.messages.value(),
            rate=float(self.rate.value()) or None,
            size=self.body_size.value(),
            producers=min(self.producers.value(), self.messages.value()),
            consumers=self.consumers.value(),
            persistent=self.persistent.isChecked(),
        )
        return replace(options, destination=destination) if destination else options

    def client_factory(self) -> Client:
        """A client for the bench: the tab's endpoint and credentials, no reconnect."""
        from explorer.client import Client

        target = self._session.core.target
        return Client(target.endpoint, **{**target.client_options, "reconnect": None})

    def start(self) -> bool:
        from explorer.bench import run_bench

        if self.running:
            return False
        options = self.options()
        fan_out = options.consumers if options.fan_out else 1
        self.progress.setRange(0, options.messages * fan_out)
        self.progress.setValue(0)
        self.bench_result = None
        self.chart.clear()
        for label in self._figures.values():
            label.setText("—")
        self._show_status(
            self.tr("Running: {count} messages to {destination}…").format(
                count=f"{options.messages:,}", destination=options.destination
            ),
            None,
        )
        self._task = self._runner.run(
            run_bench(self.client_factory, options, on_progress=self._progress),
            self._finished,
            failed=lambda error: self._show_status(describe_failure(error), False),
        )
        self._task.add_done_callback(self._ended)
        self._update_buttons()
        return True

    def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _progress(self, received: int, expected: int) -> None:
        self.progress.setMaximum(max(expected, 1))
        self.progress.setValue(min(received, expected))

    def _finished(self, result: BenchResult) -> None:
        self.bench_result = result
        data = result_json(result)
        latency = data["latency_ms"]
        figures: dict[str, Any] = {**data, **latency}
        for key, label in self._figures.items():
            label.setText(self._format(key, figures[key]))
        lost = self._figures["lost"]
        lost.setProperty("valid", "false" if result.lost else "true")
        lost.style().unpolish(lost)
        lost.style().polish(lost)
        self.chart.show_distribution(result.fine_distribution or result.distribution)
        if result.lost:
            text = self.tr("Done: {lost} of {expected} messages did not arrive.").format(
                lost=f"{result.lost:,}", expected=f"{result.expected:,}"
            )
        else:
            text = (
                self.tr("Done: every message arrived, none twice.")
                if not result.duplicates
                else (
                    self.tr("Done: every message arrived; {count} more than once.").format(
                        count=f"{result.duplicates:,}"
                    )
                )
            )
        self._show_status(text, not result.lost)
        self.finished_run.emit(result)

    def _format(self, key: str, value: Any) -> str:
        if key in ("sent", "received", "lost", "duplicates", "out_of_order"):
            return f"{int(value):,}"
        if key == "seconds":
            return self.tr("{seconds} s").format(seconds=f"{value:,.2f}")
        if key == "throughput_mb_s":
            return f"{value:,.2f}"
        if key in ("throughput_msg_s", "send_msg_s"):
            return f"{value:,.0f}"
        # latency in ms: as many decimals as tell something
        return (
            f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.3f}"
        )

    def _ended(self, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            self._show_status(
                self.tr("Stopped (producers finish the message they are sending)."), None
            )
        self._update_buttons()

    def figure(self, key: str) -> str:
        """The figure shown for `key` (sent, lost, p99, …), as text."""
        return self._figures[key].text()

    def copy_json(self) -> None:
        if self.bench_result is not None:
            text = json.dumps(result_json(self.bench_result), indent=2)
            QGuiApplication.clipboard().setText(text)
            self._show_status(self.tr("Copied the figures as JSON."), True)

    def _update_buttons(self) -> None:
        self.run_button.setEnabled(not self.running)
        self.stop_button.setEnabled(self.running)
        self.copy_button.setEnabled(self.bench_result is not None and not self.running)
        for widget in (
            self.destination,
            self.messages,
            self.rate,
            self.body_size,
            self.producers,
            self.consumers,
            self.persistent,
        ):
            widget.setEnabled(not self.running)

    def _show_status(self, text: str, ok: bool | None) -> None:
        show_outcome(self.status, text, ok)

    def done(self, code: int) -> None:
        """Override: closing the dialog stops a run that is still going."""
        self.stop()
        super().done(code)
