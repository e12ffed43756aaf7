"""Headless benchmark of the message log and destination tree models (prints figures).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/models_bench.py [--seconds 60]`

Phases (each in its own process so memory figures are clean; `--only NAME` runs one):
- ingest: a QTimer-driven synthetic source feeds `MessageTableModel` and
  `DestinationTreeModel` (with a QTableView and a QTreeView shown offscreen, autoscrolling)
  at `--rate` msg/s in ~1 ms batches; a 10 ms timer measures its own lateness (event-loop lag).
- rss: RSS with 1,000,000 retained 200-byte messages published through the table model.
- treefilter: time to filter a 50,000-destination tree (store `matching`, model reset, the old
  expand-all and the tree pane's capped opening, clearing with the expansion restored).
- logfilter: filtering a 100,000-row log (`--log-rows 1000000` for the cap): the longest
  slice the window waits for and the time to complete, vs. a QSortFilterProxyModel.

Targets (issue 4): 20,000 msg/s for 60 s with p99 lag <= 50 ms; <= 600 MB RSS at 1,000,000
messages; tree filter <= 100 ms. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.store import DestinationTree, LogEntry, MessageLog

PHASES = ("ingest", "rss", "treefilter", "logfilter")


def rss_mb() -> float:
    """Resident set size now, from /proc (Linux), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def synthetic_entry(n: int, destinations: int = 500, body_size: int = 200) -> LogEntry:
    """A MESSAGE like ActiveMQ's: fresh header strings each time, as a parser would make."""
    destination = f"/queue/bench.app{n % 7}.svc{n % destinations}"
    prefix = f'{{"seq":{n},"destination":"{destination}","payload":"'
    body = (prefix + "x" * max(0, body_size - len(prefix) - 2) + '"}').encode()[:body_size]
    headers = (
        ("destination", destination),
        ("content-type", "application/json"),
        ("subscription", f"sub-{n % 3}"),
        ("message-id", f"ID:bench-host-40321-1700000000000-1:1:1:1:{n}"),
        ("content-length", str(len(body))),
    )
    return LogEntry("in", "MESSAGE", headers, body)


# -- ingest -------------------------------------------------------------------------------------


def bench_ingest(seconds: float, rate: int) -> None:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTableView, QTreeView

    from explorer.app import tune_garbage_collection
    from explorer.store.history import DestinationHistory
    from explorer.ui.models import DestinationTreeModel, MessageTableModel

    app = QApplication.instance() or QApplication([])
    table = MessageTableModel()
    tree = DestinationTreeModel()
    history = DestinationHistory()  # the per-destination rings the window feeds as well
    table_view = QTableView()
    table_view.setModel(table)
    table_view.verticalHeader().setDefaultSectionSize(20)
    table_view.verticalHeader().setSectionResizeMode(table_view.verticalHeader().ResizeMode.Fixed)
    table_view.resize(1200, 700)
    table_view.show()
    tree_view = QTreeView()
    tree_view.setModel(tree)
    tree_view.setUniformRowHeights(True)
    tree_view.resize(500, 700)
    tree_view.show()
    tune_garbage_collection()  # as the window does once it is up

    def autoscroll(inserted: int, evicted: int) -> None:
        table_view.scrollToBottom()

    table.flushed.connect(autoscroll)
    flush_times: list[float] = []
    original_flush = table.flush

    def timed_flush() -> None:
        start = time.perf_counter()
        original_flush()
        flush_times.append(time.perf_counter() - start)

    table._timer.timeout.disconnect()
    table._timer.timeout.connect(timed_flush)

    gc_pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    gc_started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            gc_pauses[info["generation"]].append((time.perf_counter() - gc_started[0]) * 1000)

    gc.callbacks.append(on_gc)
    clock = QElapsedTimer()
    clock.start()
    produced = 0
    lags: list[float] = []
    last_tick = [time.perf_counter()]

    def produce() -> None:
        nonlocal produced
        due = int(clock.nsecsElapsed() / 1e9 * rate)
        append, record = table.append, tree.record_message
        batch = []
        while produced < due:
            entry = synthetic_entry(produced)
            append(entry)
            record(entry.destination, "in", entry.timestamp)
            batch.append(entry)
            produced += 1
        history.extend(batch)

    def measure_lag() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, (now - last_tick[0]) - 0.010) * 1000)
        last_tick[0] = now

    producer = QTimer()
    producer.setTimerType(Qt.TimerType.PreciseTimer)
    producer.setInterval(1)
    producer.timeout.connect(produce)
    lag_timer = QTimer()
    lag_timer.setTimerType(Qt.TimerType.PreciseTimer)
    lag_timer.setInterval(10)
    lag_timer.timeout.connect(measure_lag)
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    producer.start()
    lag_timer.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    producer.stop()
    lag_timer.stop()
    wall = time.perf_counter() - wall_start
    cpu = time.process_time() - cpu_start
    shown = table.rowCount()
    print(f"ingest: target {rate:,} msg/s for {seconds:g} s (offscreen views attached)")
    print(f"  produced {produced:,} messages = {produced / wall:,.0f} msg/s sustained")
    print(
        f"  table rows {shown:,} (cap {table.log.max_count:,}), evicted {table.evicted_total:,}, "
        f"pending at end {table.pending_count:,}; tree nodes {len(tree.tree):,}; "
        f"history {len(history):,} messages"
    )
    print(
        f"  event-loop lag (10 ms timer lateness): p50 {percentile(lags, 0.5):.1f} ms, "
        f"p99 {percentile(lags, 0.99):.1f} ms, max {max(lags, default=0):.1f} ms "
        f"({len(lags)} samples)"
    )
    if flush_times:
        print(
            f"  table flush: {len(flush_times)} flushes, median "
            f"{statistics.median(flush_times) * 1000:.2f} ms, p99 "
            f"{percentile(flush_times, 0.99) * 1000:.2f} ms"
        )
    gc.callbacks.remove(on_gc)
    print(
        "  Python GC pauses: "
        + ", ".join(
            f"gen{gen} {len(p)}x max {max(p, default=0):.1f} ms" for gen, p in gc_pauses.items()
        )
    )
    print(
        f"  CPU {cpu:.1f} s over {wall:.1f} s wall ({cpu / wall * 100:.0f}% of one core); "
        f"RSS {rss_mb():.0f} MB"
    )


# -- memory -------------------------------------------------------------------------------------


def bench_rss(count: int) -> None:
    from PySide6.QtWidgets import QApplication

    from explorer.ui.models import MessageTableModel

    app = QApplication.instance() or QApplication([])
    gc.collect()
    before = rss_mb()
    model = MessageTableModel(MessageLog(max_count=count, max_bytes=count * 1024))
    start = time.perf_counter()
    batch = 20_000
    for n in range(count):
        model.append(synthetic_entry(n))
        if n % batch == batch - 1:
            model.flush()
    model.flush()
    elapsed = time.perf_counter() - start
    gc.collect()
    after = rss_mb()
    # Scroll through a screenful at the end, as a view would.
    for row in range(count - 40, count):
        for column in range(6):
            model.index(row, column).data()
    print(
        f"rss: {model.rowCount():,} retained messages of 200-byte bodies "
        f"(5 headers each, unique message-id)"
    )
    print(
        f"  RSS {after:.0f} MB total (baseline with Qt loaded {before:.0f} MB, "
        f"log {after - before:.0f} MB = {(after - before) * 1024 * 1024 / count:.0f} B/msg); "
        f"filled in {elapsed:.1f} s"
    )
    del app


# -- tree filter --------------------------------------------------------------------------------


def build_tree(count: int) -> DestinationTree:
    tree = DestinationTree("/.")
    for i in range(count):
        destination = f"/queue/region{i % 5}.app{i % 50}.svc{(i // 50) % 100}.q{i}"
        tree.record_message(destination, "in", 1.0)
    return tree


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def bench_tree_filter(count: int) -> None:
    from PySide6.QtWidgets import QApplication, QTreeView

    from explorer.ui.models import DestinationTreeModel

    app = QApplication.instance() or QApplication([])
    tree = build_tree(count)
    print(f"treefilter: {len(tree):,} nodes ({count:,} destinations, split '/.')")
    for text in ("svc42", "q4999", "region", "no-such-thing"):
        shown = len(tree.matching(text))
        print(
            f"  store matching({text!r}): {timed(partial(tree.matching, text)):.1f} ms "
            f"({shown:,} nodes shown)"
        )
    model = DestinationTreeModel(tree)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    app.processEvents()
    for text in ("svc42", "q4999", "region"):
        start = time.perf_counter()
        model.set_filter(text)
        reset_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        view.expandAll()
        app.processEvents()
        expand_ms = (time.perf_counter() - start) * 1000
        print(
            f"  model set_filter({text!r}): {reset_ms:.1f} ms reset, then "
            f"{expand_ms:.1f} ms expandAll + paint (the old way; {model.rowCount():,} top rows)"
        )
        model.set_filter("")
        app.processEvents()
    view.close()
    del view, model
    bench_tree_pane(count)


def bench_tree_pane(count: int) -> None:
    """The tree pane itself (a tab that never connects), its filter box and its expansion:
    reset, open at most ~300 rows breadth first, paint; clearing gives the open branches
    back. Every destination got a message just now, so rates decay while it runs, as in a
    busy window (changes under closed folders are not announced)."""
    from PySide6.QtWidgets import QApplication

    from explorer.profiles.model import Profile
    from explorer.profiles.resolve import settings_from
    from explorer.ui.connection_view import ConnectionView
    from explorer.ui.session import SessionController
    from explorer.ui.tree_expansion import expanded_nodes

    app = QApplication.instance() or QApplication([])
    settings = settings_from(Profile(name="bench", url="stomp://127.0.0.1:9"), {})
    tab = ConnectionView(SessionController(settings))
    tab.resize(700, 900)
    tab.show()
    model = tab.session.destinations
    for i in range(count):
        destination = f"/queue/region{i % 5}.app{i % 50}.svc{(i // 50) % 100}.q{i}"
        model.tree.record_message(destination, "in", 1.0)
    model.flush()
    pane = tab.tree_pane
    pane.collapse_all()
    pane.tree.expandToDepth(1)
    app.processEvents()
    saved = len(expanded_nodes(pane.tree, model))
    walls: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    for _round in range(5):
        for text in ("svc42", "q4999", "region", ""):
            start, cpu = time.perf_counter(), time.process_time()
            pane.tree_filter.setText(text)
            pane.flush_filter()
            app.processEvents()
            walls.setdefault(text, []).append((time.perf_counter() - start) * 1000)
            cpus.setdefault(text, []).append((time.process_time() - cpu) * 1000)
    print(f"  (load average {os.getloadavg()[0]:.1f}; CPU is this process's own time)")
    for text, elapsed in walls.items():
        what = f"filter {text!r}" if text else f"clear, {saved} open branches given back"
        print(
            f"  tree pane {what} (filter, open, paint) of 5: wall median "
            f"{statistics.median(elapsed):.0f} ms, worst {max(elapsed):.0f} ms; "
            f"CPU median {statistics.median(cpus[text]):.0f} ms, worst {max(cpus[text]):.0f} ms"
        )


# -- log filter ---------------------------------------------------------------------------------


def bench_log_filter(count: int) -> None:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
    from PySide6.QtWidgets import QApplication

    from explorer.store import MessageFilter, compile_filter
    from explorer.ui.models import MessageTableModel

    app = QApplication.instance() or QApplication([])
    model = MessageTableModel(MessageLog(max_count=count))
    for n in range(count):
        model.append(synthetic_entry(n))
    model.flush()
    print(f"logfilter: {model.rowCount():,} rows")
    start = time.perf_counter()
    import explorer.search  # noqa: F401  (the log pane loads it when Search is picked)

    print(f"  search language loaded once in {(time.perf_counter() - start) * 1000:.0f} ms")
    for label, kwargs in (
        ("text 'svc42'", {"text": "svc42"}),
        ("regex 'seq\":9\\d{3},'", {"regex": r'seq":9\d{3},'}),
        ("destination prefix", {"destination": "/queue/bench.app3", "destination_prefix": True}),
        ("header subscription=sub-1", {"header": "subscription=sub-1"}),
        ("direction out", {"direction": "out"}),
        ("JSON field $.seq > 990000", {"expression": "$.seq > 990000"}),
    ):
        # The filter scans in slices (one per event-loop turn): what blocks the window is
        # the longest slice (set_filter runs the first), not the total.
        start = time.perf_counter()
        error = model.set_filter(**kwargs)
        slices = [(time.perf_counter() - start) * 1000]
        while model.is_filtering:
            begin = time.perf_counter()
            model.continue_filter()
            slices.append((time.perf_counter() - begin) * 1000)
        elapsed = (time.perf_counter() - start) * 1000
        print(
            f"  store filter {label}: longest UI block {max(slices):.0f} ms "
            f"({len(slices)} slices), complete after {elapsed:.0f} ms -> "
            f"{model.rowCount():,} rows{' ERROR ' + error if error else ''}"
        )
    model.set_filter()

    predicate = compile_filter(MessageFilter(text="svc42"))
    entry_role = MessageTableModel.EntryRole

    class Proxy(QSortFilterProxyModel):
        def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
            source = self.sourceModel()
            return bool(predicate(source.index(row, 0, parent).data(entry_role)))

    proxy = Proxy()
    start = time.perf_counter()
    proxy.setSourceModel(model)
    proxy.rowCount()
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"  QSortFilterProxyModel text 'svc42' (Python filterAcceptsRow): {elapsed:.0f} ms "
        f"-> {proxy.rowCount():,} rows"
    )
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="ingest duration (s)")
    parser.add_argument("--rate", type=int, default=20_000, help="ingest rate (msg/s)")
    parser.add_argument("--messages", type=int, default=1_000_000, help="messages for rss")
    parser.add_argument("--destinations", type=int, default=50_000, help="tree size for filter")
    parser.add_argument("--log-rows", type=int, default=100_000, help="rows for logfilter")
    parser.add_argument("--only", choices=PHASES, help="run one phase in this process")
    args = parser.parse_args()
    if args.only == "ingest":
        bench_ingest(args.seconds, args.rate)
    elif args.only == "rss":
        bench_rss(args.messages)
    elif args.only == "treefilter":
        bench_tree_filter(args.destinations)
    elif args.only == "logfilter":
        bench_log_filter(args.log_rows)
    else:
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
            f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"
        )
        for phase in PHASES:
            command = [sys.executable, __file__, "--only", phase, *sys.argv[1:]]
            if subprocess.run(command, check=False).returncode:
                print(f"{phase}: FAILED")
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
