"""Captures in the window: a 1,000,000-message capture tab, and ingest while recording.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/capture_window_bench.py`

Phases (each in its own process so timings and memory are clean; `--only NAME` runs one):
- tab: open the capture as a `CaptureView` (1400 x 800, offscreen) until it is painted; RSS;
  scrolling: jumps to random rows and page-downs, each timed until the rows are painted
  (the page reads happen then); searches through the tab's worker thread (JSON field,
  header number, body text, destination) with the event-loop lag while they run; RSS after.
- record: the live log's models and views (table and tree, as `models_bench.py` ingest) fed
  `--rate` msg/s for `--seconds`: without recording, with the window's `RecordingSink`
  over a `ProcessCaptureWriter` (the window's way), and over a thread `CaptureWriter` (the
  command line's); event-loop lag, sustained rate, CPU of this process, frames written.

Targets (issue 15): the capture opens in <= 2 s, scrolling never blocks > 100 ms, a
JSON-field search answers in <= 1 s, <= 300 MB RSS with it open; recording keeps 20,000
msg/s with p99 event-loop lag <= 50 ms. Printed, never asserted. The capture is the one
`capture_bench.py` builds (kept in /tmp; built here when missing).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

PHASES = ("tab", "record")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


# -- the capture tab ---------------------------------------------------------------------------


def tab_phase(path: Path) -> None:
    import asyncio

    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from explorer.ui.capture_view import CaptureView

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    before = rss_mb()

    async def run() -> None:
        started = time.perf_counter()
        view = CaptureView.open(path)
        view.resize(1400, 800)
        view.show()
        view.log.viewport().grab()  # paints the rows in view (reads their page)
        opened = time.perf_counter() - started
        model = view.model
        print(
            f"tab: {model.total:,} frames; open to painted {opened * 1000:.0f} ms; "
            f"{model.fetched_rows} rows read; RSS {rss_mb():.0f} MB ({before:.0f} MB before)"
        )
        rng = random.Random(7)
        jumps: list[float] = []
        for _ in range(300):
            row = rng.randrange(model.rowCount())
            begin = time.perf_counter()
            view.log.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            view.log.viewport().grab()
            jumps.append(time.perf_counter() - begin)
        pages: list[float] = []
        bar = view.log.verticalScrollBar()
        bar.setValue(0)
        for _ in range(300):
            begin = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            view.log.viewport().grab()
            pages.append(time.perf_counter() - begin)
        print(
            f"  scrolling: 300 random jumps p50 {percentile(jumps, 0.5) * 1000:.1f} ms, "
            f"max {max(jumps) * 1000:.1f} ms; 300 page-downs p50 "
            f"{percentile(pages, 0.5) * 1000:.1f} ms, max {max(pages) * 1000:.1f} ms; "
            f"rows read {model.fetched_rows:,}, held {model.cached_rows:,}; RSS {rss_mb():.0f} MB"
        )
        lags: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            lags.append(max(0.0, now - last[0] - 0.010))
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        for expression in (
            "$.user.id == 1001",
            "priority > 8",
            '"payment declined"',
            "destination = /queue/app7.jobs",
            "$.user.id == 1001 and priority > 4",
        ):
            lags.clear()
            last[0] = time.perf_counter()
            begin = time.perf_counter()
            view.field.setText(expression)
            view.flush_search()
            while view.search.answered != view.search.generation:
                await asyncio.sleep(0.005)
            took = time.perf_counter() - begin
            print(
                f"  search {expression!r}: {model.rowCount():,} found in {took:.2f} s; "
                f"event-loop lag meanwhile p99 {percentile(lags, 0.99) * 1000:.0f} ms, "
                f"max {max(lags, default=0) * 1000:.0f} ms"
            )
        timer.stop()
        print(f"  RSS after the searches {rss_mb():.0f} MB")
        await view.shutdown()

    with loop:
        loop.run_until_complete(run())


# -- ingest while recording -------------------------------------------------------------------


def record_phase(seconds: float, rate: int, record: str) -> None:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTableView, QTreeView

    from explorer.capture import CaptureWriter
    from explorer.capture.process_writer import ProcessCaptureWriter
    from explorer.client import WireRecord
    from explorer.stomp import Direction, Frame
    from explorer.store import LogEntry
    from explorer.ui.models import DestinationTreeModel, MessageTableModel
    from explorer.ui.recording import RecordingSink

    app = QApplication.instance() or QApplication([])
    table, tree = MessageTableModel(), DestinationTreeModel()
    table_view, tree_view = QTableView(), QTreeView()
    table_view.setModel(table)
    table_view.resize(1200, 700)
    table_view.show()
    tree_view.setModel(tree)
    tree_view.setUniformRowHeights(True)
    tree_view.show()
    table.flushed.connect(lambda _n, _e: table_view.scrollToBottom())
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / "r.stompcap"
    writer: CaptureWriter | ProcessCaptureWriter | None = None
    if record == "process":  # as the window records
        writer = ProcessCaptureWriter(path)
    elif record == "thread":  # as the command line records
        writer = CaptureWriter(path)
    sink = RecordingSink(writer, keeps_messages=True) if writer is not None else None
    clock = QElapsedTimer()
    clock.start()
    produced = 0
    lags: list[float] = []
    last = [time.perf_counter()]
    body = b'{"payload":"' + b"x" * 180 + b'"}'

    def produce() -> None:
        nonlocal produced
        due = int(clock.nsecsElapsed() / 1e9 * rate)
        records = []
        now = time.time()
        while produced < due:
            destination = f"/queue/bench.app{produced % 7}.svc{produced % 500}"
            frame = Frame(
                "MESSAGE",
                (
                    ("destination", destination),
                    ("content-type", "application/json"),
                    ("subscription", "sub-0"),
                    ("message-id", f"ID:bench-host-1:1:1:{produced}"),
                ),
                body,
            )
            entry = LogEntry.from_frame(frame, "in", now)
            table.append(entry)
            tree.record_message(destination, "in", now)
            records.append(WireRecord(now, Direction.IN, b"", frame))
            produced += 1
        if sink is not None and records:
            sink.on_traffic(records)

    def measure() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, now - last[0] - 0.010) * 1000)
        last[0] = now

    producer, lag_timer = QTimer(), QTimer()
    for timer, interval, slot in ((producer, 1, produce), (lag_timer, 10, measure)):
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        timer.start()
    cpu, wall = time.process_time(), time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    producer.stop()
    lag_timer.stop()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    label = f"recording ({record} writer)" if record else "without recording"
    line = (
        f"record: {label}: {produced / wall:,.0f} msg/s sustained for {wall:.0f} s "
        f"(offered {rate:,}); event-loop lag p50 {percentile(lags, 0.5):.1f} ms, p99 "
        f"{percentile(lags, 0.99):.1f} ms, max {max(lags, default=0):.1f} ms; CPU "
        f"{cpu / wall * 100:.0f}% of one core"
    )
    if writer is not None:
        stats = writer.close()
        line += f"; {stats.written:,} written, {stats.dropped:,} dropped"
        if record == "process":
            import resource

            child = resource.getrusage(resource.RUSAGE_CHILDREN)
            line += f"; the recording process used {child.ru_utime + child.ru_stime:.1f} s CPU"
    print(line)
    folder.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--capture", type=Path, default=Path("/tmp/capture-bench-1000000.stompcap"))
    parser.add_argument("--rate", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--only", choices=PHASES)
    parser.add_argument(
        "--record",
        choices=("", "process", "thread"),
        default="",
        help="(record phase) record with the window's writer (a child process) or a thread",
    )
    args = parser.parse_args()
    if args.only in PHASES:
        if args.only == "tab":
            tab_phase(args.capture)
        else:
            record_phase(args.seconds, args.rate, args.record)
        sys.stdout.flush()
        os._exit(0)  # skip tearing Qt down at exit (widgets outliving the app can crash it)
    else:
        if not args.capture.exists():
            from capture_bench import build_phase

            build_phase(args.capture, 1_000_000)
        print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
        run = [sys.executable, __file__, "--capture", str(args.capture)]
        subprocess.run([*run, "--only", "tab"], check=True)
        rates = ["--rate", str(args.rate), "--seconds", str(args.seconds)]
        subprocess.run([*run, "--only", "record", *rates], check=True)
        for writer in ("process", "thread"):
            subprocess.run([*run, "--only", "record", *rates, "--record", writer], check=True)
        print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
