"""Runs INSIDE the bundle (tests/packaging/frozen.py: run_in_bundle), never imported by pytest.

Opens the main window offscreen, connects to the bundled sandbox (ARGUMENTS["url"]), lets
three JSON messages arrive on a queue, selects it in the tree and asks for "Chart this field"
on `$.price`, as the message pane's menu does; then draws the benchmark dialog's latency
histogram. Charts are pyqtgraph on numpy, both loaded lazily, so only this shows that the
bundle carries them. Prints one JSON line with what it saw and saves the chart as a PNG
(ARGUMENTS["png"], the histogram beside it) for the test to look at.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing.process
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


async def until(condition: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.02)


async def chart_a_field(url: str, png: Path) -> dict[str, Any]:
    from explorer.app import create_window
    from explorer.client import Client
    from explorer.profiles.model import Profile
    from explorer.ui.session import SessionState

    window = create_window(first_run=False)
    window.show()
    try:
        window.store.add(Profile(name="Bundled sandbox", url=url))
        window.profiles.model.refresh()
        assert window.select_profile("Bundled sandbox"), "the new profile is not listed"
        window.connect_selected()
        await until(lambda: window.views(), "a connection tab")
        view = window.views()[-1]
        settled = (SessionState.CONNECTED, SessionState.FAILED)
        await until(lambda: view.session.state in settled, "the connection")
        assert view.session.state is SessionState.CONNECTED, view.session.detail
        queue = "/queue/bundle-chart"
        await view.session.subscribe(queue)
        publisher = Client(view.session.settings.endpoint)
        await publisher.connect()
        try:
            for n, price in enumerate((1.5, 2.5, 2.0), start=1):
                body = json.dumps({"n": n, "price": price, "name": "이름"}, ensure_ascii=False)
                await publisher.send(queue, body, content_type="application/json")
        finally:
            await publisher.disconnect()
        await until(lambda: len(view.session.history.entries(queue)) == 3, "three messages")
        await until(lambda: view.tree_pane.select_destination(queue), "the queue in the tree")
        await until(lambda: window.detail.json_view().json_model() is not None, "the JSON view")
        window.detail.field_chart_requested.emit("$.price", 2.0)
        chart = window.inspector.chart
        assert chart is not None, "no chart after 'Chart this field'"
        await asyncio.sleep(0.3)  # a paint or two
        chart.grab().save(str(png))

        # The benchmark dialog's latency histogram: pyqtgraph's bar graph.
        from explorer.ui.bench_chart import LatencyHistogram

        histogram = LatencyHistogram()
        histogram.resize(500, 240)
        histogram.show_distribution([(0.1, 0), (0.2, 4), (0.4, 30), (0.8, 12), (1.6, 1)])
        histogram.show()
        await asyncio.sleep(0.3)
        histogram.grab().save(str(png.with_name("histogram.png")))
        histogram.close()

        import numpy
        import pyqtgraph

        return {
            "frozen": bool(getattr(sys, "frozen", False)),
            # Where the code came from: inside the bundle, never a checkout or a venv
            # (shiboken's embedded support modules have relative names: not files).
            "outside": [
                f"{name}: {module.__file__}"
                for name, module in sorted(sys.modules.copy().items())
                if os.path.isabs(getattr(module, "__file__", None) or "")
                and not str(module.__file__).startswith(getattr(sys, "_MEIPASS", "?"))
            ],
            "inside": sum(
                str(getattr(module, "__file__", None)).startswith(getattr(sys, "_MEIPASS", "?"))
                for module in list(sys.modules.values())
            ),
            "chart": chart.objectName(),
            "values": [series.values for series in chart.series],
            "histogram": histogram.buckets,
            "pyqtgraph": pyqtgraph.__version__,
            "numpy": numpy.__version__,
        }
    finally:
        await window.shutdown()
        window._closed_cleanly = True
        window.close()


def main() -> int:
    # The multiprocessing child that runs this is still "bootstrapping"; starting processes
    # (the capture writer) would be refused without this.
    multiprocessing.process.current_process()._inheriting = False  # type: ignore[attr-defined]
    sys.argv = sys.argv[:1]

    import qasync
    from PySide6.QtWidgets import QApplication

    from explorer.app import configure_application

    app = QApplication(sys.argv)
    configure_application(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    arguments: dict[str, str] = globals()["ARGUMENTS"]  # set by run_in_bundle
    with loop:
        result = loop.run_until_complete(
            asyncio.wait_for(chart_a_field(arguments["url"], Path(arguments["png"])), 90)
        )
    print(json.dumps(result))
    return 0


if __name__ == "__bundle_script__":
    sys.exit(main())
