"""Window benchmarks (prints figures, asserts nothing).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window_bench.py [--runs 5]`

- cold start: a fresh process, from `python` starting to the main window's first paint
  (a new config dir each run, no connection), measured by the parent around the child.
  Also: the first-run window until the sandbox's first demo message is in the log.
- ingest: the sandbox (same process) publishes N 200-byte messages at a given rate to a
  subscribed window; time until all are in the log, and event-loop lag (10 ms timer).
  With `--record`, the tab also records to a capture file (issue 15: recording must not
  pull ingest below 20,000 msg/s, p99 lag <= 50 ms); the capture's counts are printed.
- detail: time to show a 10 MB JSON body in the message detail pane (selection to painted,
  JSON tree view), and the same body as text (truncated preview) and as hex.

Targets (issue 4): cold start <= 1.5 s; 10 MB JSON body <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_CHILD = r"""
import asyncio, os, sys, time
import qasync
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from explorer.app import configure_application, create_window

app = QApplication(sys.argv[:1])
configure_application(app)
app.setQuitOnLastWindowClosed(False)
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
mode = os.environ["BENCH_MODE"]

class Painted(QObject):
    def __init__(self):
        super().__init__()
        self.done = asyncio.get_event_loop().create_future()
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done.done():
            self.done.set_result(time.perf_counter())
        return False

async def main():
    window = create_window(first_run=(mode == "sandbox"))
    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    await painted.done
    print("SHOWN", time.time(), flush=True)
    if mode == "sandbox":
        while not (window.views() and len(window.views()[0].session.messages.log)):
            await asyncio.sleep(0.005)
        print("FIRST_MESSAGE", time.time(), flush=True)
    await window.shutdown()

with loop:
    loop.run_until_complete(main())
"""


def cold_start(runs: int, mode: str) -> None:
    shown, first = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as config:
            env = dict(os.environ, STOMP_EXPLORER_CONFIG_DIR=config, BENCH_MODE=mode)
            start = time.time()
            out = subprocess.run(
                [sys.executable, "-c", _CHILD],
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            ).stdout
            marks = dict(line.split() for line in out.splitlines() if line[:1].isupper())
            shown.append(float(marks["SHOWN"]) - start)
            if "FIRST_MESSAGE" in marks:
                first.append(float(marks["FIRST_MESSAGE"]) - start)
    print(
        f"cold start to window shown ({mode}): median {statistics.median(shown) * 1000:.0f} ms,"
        f" min {min(shown) * 1000:.0f} ms, max {max(shown) * 1000:.0f} ms over {runs} runs"
        " (target <= 1500 ms)"
    )
    if first:
        print(
            f"  first run: first sandbox demo message in the log after "
            f"median {statistics.median(first) * 1000:.0f} ms"
        )


def detail(runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from explorer.ui.message_detail import MessageDetail

    app = QApplication.instance() or QApplication(sys.argv[:1])
    pane = MessageDetail()
    pane.resize(500, 800)
    pane.show()
    doc = {
        "orders": [
            {
                "id": i,
                "customer": f"고객 {i}",
                "items": [{"sku": f"SKU-{i}-{j}", "qty": j} for j in range(3)],
                "total": i * 1.25,
                "note": "배송 전 연락 바랍니다",
            }
            for i in range(45_000)
        ]
    }
    body = json.dumps(doc, ensure_ascii=False).encode()
    headers = [("destination", "/queue/big"), ("content-type", "application/json")]
    print(f"detail pane: body of {len(body) / 1e6:.1f} MB JSON")
    timed(
        app,
        pane,
        "open (JSON tree, selection to painted)",
        runs,
        lambda: pane.show_frame("MESSAGE", headers, body),
    )
    for label, index in (
        ("switch to text (256 KiB preview)", 0),
        ("switch to hex (64 KiB preview)", 3),
    ):
        timed(
            app,
            pane,
            label,
            runs,
            lambda i=index: pane._view.setCurrentIndex(i),
            before=lambda: pane.show_frame("MESSAGE", headers, body),
        )
    text = ("주문 " + "x" * 95 + "\n").encode() * (10_000_000 // 104)
    print(f"detail pane: body of {len(text) / 1e6:.1f} MB text")
    timed(
        app,
        pane,
        "open (text, 256 KiB preview)",
        runs,
        lambda: pane.show_frame("MESSAGE", [("content-type", "text/plain")], text),
    )
    timed(
        app,
        pane,
        "show all (whole body)",
        1,
        lambda: pane.show_all(),
        before=lambda: pane.show_frame("MESSAGE", [("content-type", "text/plain")], text),
    )
    pane.clear()
    pane.close()
    pane.deleteLater()
    app.processEvents()


def timed(app, pane, label, runs, action, before=None) -> None:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        pane.clear()
        if before is not None:
            before()
        app.processEvents()
        start = time.perf_counter()
        action()
        pane.repaint()
        app.processEvents()
        times.append(time.perf_counter() - start)
    print(
        f"  {label}: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (target <= 300 ms)"
    )


def ingest(total: int, rate: int, record: bool = False) -> None:
    """End to end in one process: sandbox broker → TCP → client → session → models → views."""
    import asyncio

    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.app import configure_application, create_window, tune_garbage_collection
    from explorer.profiles.model import HeartBeat, Profile
    from explorer.sandbox import SandboxBroker

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure_application(app)
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    lags: list[float] = []

    async def run() -> None:
        broker = SandboxBroker(demo=False)
        await broker.start()
        window = create_window(first_run=False)
        window.resize(1400, 880)
        window.show()
        tune_garbage_collection()  # as run_window does
        window.open_profile(Profile(name="load", url=broker.tcp_url, heart_beat=HeartBeat(0, 0)))
        while not (window.views() and window.views()[0].session.is_connected):
            await asyncio.sleep(0.01)
        view = window.views()[0]
        await view.session.subscribe("/topic/load")
        await asyncio.sleep(0.3)  # the SUBSCRIBE is not receipted: let the broker take it
        folder = tempfile.TemporaryDirectory()
        recording = (
            window.captures.start_recording(view, Path(folder.name) / "bench.stompcap")
            if record
            else None
        )
        body = b"x" * 200
        expected = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            lags.append(max(0.0, now - expected[0] - 0.010))
            expected[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        start = time.perf_counter()
        sent = 0
        while sent < total:  # paced by the clock: catch up to rate x elapsed, then yield
            due = min(total, int((time.perf_counter() - start) * rate) + 1)
            for _ in range(due - sent):
                broker.publish("/topic/load", body)
            sent = max(sent, due)
            await asyncio.sleep(0.002)
        published = time.perf_counter() - start
        model = view.session.messages

        def arrived() -> int:  # the log keeps 100,000: count what it evicted (or skipped) too
            skipped = view.session.skipped
            return len(model.log) + model.pending_count + model.evicted_total + skipped

        deadline = time.perf_counter() + 60
        while arrived() < total:
            if time.perf_counter() > deadline:
                print(
                    f"  gave up: {arrived()} of {total} arrived; "
                    f"session {view.session.state}: {view.session.detail}"
                )
                break
            await asyncio.sleep(0.005)
        model.flush()
        done = time.perf_counter() - start
        timer.stop()
        lags.sort()
        if recording is not None:
            stats = await recording.stop()
            print(
                f"recording: {stats.written:,} frames written, {stats.dropped:,} dropped, "
                f"{(time.perf_counter() - start - done):.2f} s to close after the last message"
            )
        folder.cleanup()
        print(
            f"ingest end to end{' while recording' if record else ''} (sandbox in the same "
            f"process, {total} x 200 B, offered "
            f"{rate}/s): published in {published:.2f} s, all in the log after {done:.2f} s "
            f"= {total / done:,.0f} msg/s ({view.session.skipped:,} of them skipped);"
            f" event-loop lag p50 {lags[len(lags) // 2] * 1000:.1f}"
            f" ms, p99 {lags[int(len(lags) * 0.99)] * 1000:.1f} ms"
        )
        await window.shutdown()
        await broker.stop()

    with loop:
        loop.run_until_complete(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("cold", "detail", "ingest"))
    parser.add_argument("--total", type=int, default=50_000)
    parser.add_argument("--rate", type=int, default=10_000)
    parser.add_argument("--record", action="store_true", help="ingest while recording")
    args = parser.parse_args()
    if args.only in (None, "cold"):
        cold_start(args.runs, "empty")
        cold_start(args.runs, "sandbox")
    if args.only in (None, "detail"):
        detail(args.runs)
    if args.only in (None, "ingest"):
        ingest(args.total, args.rate, args.record)


if __name__ == "__main__":
    main()
