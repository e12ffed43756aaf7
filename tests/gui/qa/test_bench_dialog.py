"""The benchmark in the window: the same run as `stomp-explorer bench`, against the current
tab's broker, with progress, figures and the latency histogram."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from explorer.profiles.model import Profile
from explorer.ui.bench_dialog import BenchDialog
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import add_profile, connect, until
from tests.support.brokers import Broker, unique

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def open_dialog(window: MainWindow) -> BenchDialog:
    assert window.workbench.bench_action.isEnabled()
    window.workbench.bench_action.trigger()
    dialog = window.findChild(BenchDialog, "benchDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


async def bench(dialog: BenchDialog, messages: int, **fields: int) -> None:
    dialog.messages.setValue(messages)
    for name, value in fields.items():
        getattr(dialog, name).setValue(value)
    assert dialog.start()
    assert not dialog.run_button.isEnabled() and dialog.stop_button.isEnabled()
    await until(lambda: not dialog.running, timeout=60, what="the bench to finish")


def test_bench_on_the_sandbox_loses_nothing_and_draws_the_histogram(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.workbench.bench_action.isEnabled(), what="the sandbox to connect"
        )
        dialog = open_dialog(window)
        await bench(dialog, 3000, producers=2)
        result = dialog.bench_result
        assert result is not None, dialog.status.text()
        assert (result.sent, result.received, result.lost) == (3000, 3000, 0)
        assert dialog.figure("sent") == "3,000" and dialog.figure("lost") == "0"
        assert dialog.figure("p99") != "—"
        assert dialog.progress.value() == dialog.progress.maximum() == 3000
        assert "every message arrived" in dialog.status.text()
        buckets = dialog.chart.buckets
        assert buckets and sum(count for _upper, count in buckets) == 3000
        assert buckets[-1][1] > 0  # the slowest bar holds messages: empty ones are cut

        dialog.copy_json()
        data = json.loads(QGuiApplication.clipboard().text())
        assert data["lost"] == 0 and set(data["latency_ms"]) == {"p50", "p90", "p99", "p999", "max"}

        # A topic delivers every message to every consumer.
        dialog.destination.setText(f"/topic/{unique('bench')}")
        await bench(dialog, 500, consumers=2, producers=1)
        result = dialog.bench_result
        assert result is not None, dialog.status.text()
        assert (result.expected, result.received, result.lost) == (1000, 1000, 0)
        dialog.close()

    run(body())


def test_the_bench_needs_a_connection(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(first_run=False)
    assert not window.workbench.bench_action.isEnabled()
    window.workbench.open_bench()
    assert window.findChild(BenchDialog) is None
    assert "Connect first" in window.statusBar().currentMessage()


@pytest.mark.activemq
def test_bench_on_activemq_loses_nothing(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window(first_run=False)
    add_profile(window, Profile(name="ActiveMQ bench", url=activemq.stomp_url))

    async def body() -> None:
        await connect(window, "ActiveMQ bench")
        dialog = open_dialog(window)
        await bench(dialog, 2000)
        result = dialog.bench_result
        assert result is not None, dialog.status.text()
        assert (result.received, result.lost, result.duplicates) == (2000, 0, 0)
        dialog.close()

    run(body())


def test_the_chart_keeps_the_filled_buckets_and_some_scale() -> None:
    from explorer.ui.bench_chart import bucket_label, trimmed

    buckets = [(0.1 * 2 ** (i / 2), 0) for i in range(30)]
    buckets[20] = (buckets[20][0], 5)
    buckets[22] = (buckets[22][0], 1)
    shown = trimmed(buckets)
    assert len(shown) == 8 and shown[-1] == buckets[22]  # faster empty bars give the scale
    assert trimmed([(0.1, 0), (0.2, 0)]) == []
    assert [bucket_label(v) for v in (0.1, 1.131, 12.8, 1638.4)] == [
        "≤0.1",
        "≤1.1",
        "≤13",
        "≤1.6 s",
    ]
