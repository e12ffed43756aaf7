"""Captures on disk: recording speed, opening and searching a 1,000,000-message capture.

Run: `.venv/bin/python benchmarks/capture_bench.py [--messages 1000000] [--only NAME]`

Phases (each in its own process so timings and memory are clean):
- record: an asyncio loop calls `CaptureWriter.record()` at `--rate` msg/s (1 ms batches) for
  `--seconds`; a 10 ms timer measures event-loop lag. Prints accepted/written/dropped and the
  sustained written rate. Then `burst`: as fast as possible, `--burst` messages.
- build: a capture of `--messages` ActiveMQ-like MESSAGEs (JSON bodies of ~200 bytes, eight
  headers), written in batches; then the body text index (FTS5 trigram) is built.
- open: open it read-only, count, bounds, destinations and the first page; RSS.
- search: JSON field, header number, destination wildcard, body text (indexed), regex;
  count of all matches and the first page of 100; RSS after.
- memory: the same expressions as in-memory predicates over 100,000 live-log entries
  (what the log's filter box would run).

Targets (issue 15): recording >= 50,000 msg/s sustained; a 1,000,000-message capture opens
in <= 2 s; a JSON-field search answers in <= 1 s; RSS <= 300 MB with it open. Printed, never
asserted. The capture is kept in --dir (default /tmp) between runs; --rebuild remakes it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.capture import Capture, CaptureAppender, CaptureWriter, remove_capture
from explorer.capture.appender import Pending

PHASES = ("record", "build", "open", "search", "memory")
DESTINATIONS = [f"/topic/orders.region{n}" for n in range(20)] + [
    f"/queue/app{n}.jobs" for n in range(30)
]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def message(n: int, now: float) -> Pending:
    """An ActiveMQ-like MESSAGE: eight headers, a JSON body of about 200 bytes."""
    destination = DESTINATIONS[n % len(DESTINATIONS)]
    body = json.dumps(
        {
            "user": {"id": n % 50_000, "name": f"user-{n % 977}"},
            "order": {"id": f"O-{n}", "amount": round((n % 1000) * 1.5, 2), "items": n % 7},
            "note": "order accepted" if n % 10 else "order failed: payment declined",
        }
    ).encode()
    headers = (
        ("destination", destination),
        ("message-id", f"ID:bench-host-40123-1700000000000-1:1:1:1:{n}"),
        ("subscription", "sub-0"),
        ("content-type", "application/json"),
        ("priority", str(n % 10)),
        ("timestamp", str(int(now * 1000))),
        ("expires", "0"),
        ("persistent", "true"),
    )
    return (now, "in", "bench", "MESSAGE", headers, body, None, None)


# -- record --------------------------------------------------------------------------------------


async def record_phase(folder: Path, rate: int, seconds: float, burst: int) -> None:
    path = folder / "record.stompcap"
    remove_capture(path)
    pool = [message(n, 0.0) for n in range(10_000)]
    writer = CaptureWriter(path, connection="bench")
    lags: list[float] = []
    stop = False

    async def probe() -> None:
        loop = asyncio.get_running_loop()
        while not stop:
            before = loop.time()
            await asyncio.sleep(0.010)
            lags.append(max(0.0, loop.time() - before - 0.010) * 1000)

    probe_task = asyncio.create_task(probe())
    started = time.perf_counter()
    sent = 0
    while (elapsed := time.perf_counter() - started) < seconds:
        due = int(elapsed * rate) - sent
        for i in range(due):
            _, direction, _, command, headers, body, _, _ = pool[(sent + i) % len(pool)]
            writer.record(direction, command, headers, body)
        sent += due
        await asyncio.sleep(0.001)
    stop = True
    await probe_task
    offered_in = time.perf_counter() - started
    await asyncio.to_thread(writer.flush)
    written_in = time.perf_counter() - started
    stats = await writer.aclose()
    print(
        f"record: offered {sent:,} at {sent / offered_in:,.0f} msg/s for {offered_in:.1f} s; "
        f"written {stats.written:,} ({stats.written / written_in:,.0f} msg/s incl. the final "
        f"flush), dropped {stats.dropped:,}; event-loop lag p50 {percentile(lags, 0.5):.1f} ms, "
        f"p99 {percentile(lags, 0.99):.1f} ms, max {max(lags, default=0):.1f} ms"
    )
    remove_capture(path)
    writer = CaptureWriter(path, connection="bench", queue_limit=burst + 1)
    cpu = time.process_time()
    started = time.perf_counter()
    for n in range(burst):
        _, direction, _, command, headers, body, _, _ = pool[n % len(pool)]
        writer.record(direction, command, headers, body)
    queued_in = time.perf_counter() - started
    stats = writer.close()
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(
        f"burst: {burst:,} record() calls in {queued_in:.2f} s "
        f"({burst / queued_in:,.0f}/s on the caller's side); all {stats.written:,} written in "
        f"{total:.2f} s = {stats.written / total:,.0f} msg/s; {cpu / burst * 1e6:.1f} us of "
        f"CPU per message = {burst / cpu:,.0f} msg/s per CPU second (what a free core does)"
    )
    remove_capture(path)


# -- build -------------------------------------------------------------------------------------


def build_phase(path: Path, count: int) -> None:
    remove_capture(path)
    now = time.time() - count / 1000
    started = time.perf_counter()
    appender = CaptureAppender(path, text_index=True)
    batch: list[Pending] = []
    for n in range(count):
        batch.append(message(n, now + n / 1000))
        if len(batch) == 20_000:
            appender.append(batch)
            batch = []
    if batch:
        appender.append(batch)
    written = time.perf_counter() - started
    started = time.perf_counter()
    appender.index_all()
    indexed = time.perf_counter() - started
    appender.close()
    size = sum(os.path.getsize(f"{path}{s}") for s in ("", "-wal") if os.path.exists(f"{path}{s}"))
    print(
        f"build: {count:,} messages in {written:.1f} s ({count / written:,.0f} msg/s incl. "
        f"making them); text index {indexed:.1f} s; file {size / 1e6:,.0f} MB"
    )


# -- open and search ---------------------------------------------------------------------------


def open_phase(path: Path) -> None:
    cpu = time.process_time()
    started = time.perf_counter()
    capture = Capture(path)
    opened = time.perf_counter() - started
    count = capture.count()
    bounds = capture.bounds()
    destinations = capture.destinations()
    page = capture.page(limit=500)
    ready = time.perf_counter() - started
    cpu = time.process_time() - cpu
    last = capture.page_before((bounds or (0, 0))[1] + 1, limit=500)
    print(
        f"open: {opened * 1000:.0f} ms to open; {ready * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU) "
        f"with count ({count:,}), "
        f"bounds, {len(destinations)} destinations and the first page of {len(page)}; "
        f"last page {len(last)}; RSS {rss_mb():.0f} MB"
    )
    capture.close()


SEARCHES = [
    ("JSON field", "$.user.id == 1001"),
    ("JSON field, range", "$.order.amount > 1490"),
    ("JSON descendants", "$..id == 1001"),
    ("header number", "priority > 8"),
    ("header text", 'content-type = "application/json" and priority = 3'),
    ("destination wildcard", "destination=/topic/orders.*"),
    ("body text (index)", '"payment declined"'),
    ("body text (short)", "ok"),
    ("regex (Python)", "/O-12345\\b/"),
    ("combined", "direction=in and $.user.id == 1001 and not declined"),
]


def search_phase(path: Path) -> None:
    capture = Capture(path)
    for name, query in SEARCHES:
        cpu = time.process_time()
        started = time.perf_counter()
        count = capture.count(query)
        counted = time.perf_counter() - started
        cpu = time.process_time() - cpu
        started = time.perf_counter()
        first = capture.search(query, limit=100)
        paged = time.perf_counter() - started
        print(
            f"search {name:22} {query!r}: {count:,} matches, count {counted * 1000:,.0f} ms "
            f"({cpu * 1000:,.0f} ms CPU), first 100 {paged * 1000:,.0f} ms ({len(first)})"
        )
    started = time.perf_counter()
    seqs = capture.search("$.user.id < 25000")
    print(
        f"search all seqs of half the capture: {len(seqs):,} in "
        f"{(time.perf_counter() - started) * 1000:,.0f} ms; RSS {rss_mb():.0f} MB"
    )
    capture.close()


def memory_phase() -> None:
    from explorer.search import compile_predicate, parse
    from explorer.store import LogEntry

    entries = []
    for n in range(100_000):
        received, direction, _, command, headers, body, _, _ = message(n, 1700000000.0 + n)
        entries.append(LogEntry(direction, command, headers, body, timestamp=received))
    for name, query in SEARCHES:
        predicate = compile_predicate(parse(query))
        started = time.perf_counter()
        count = sum(1 for entry in entries if predicate(entry))
        took = time.perf_counter() - started
        print(f"memory {name:22} {query!r}: {count:,} of 100,000 in {took * 1000:,.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--rate", type=int, default=60_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--burst", type=int, default=300_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", choices=PHASES)
    args = parser.parse_args()
    path = args.dir / f"capture-bench-{args.messages}.stompcap"
    if args.only == "record":
        asyncio.run(record_phase(args.dir, args.rate, args.seconds, args.burst))
    elif args.only == "build":
        build_phase(path, args.messages)
    elif args.only == "open":
        open_phase(path)
    elif args.only == "search":
        search_phase(path)
    elif args.only == "memory":
        memory_phase()
    else:
        phases = ["record", "open", "search", "memory"]
        if args.rebuild or not path.exists():
            phases.insert(1, "build")
        for phase in phases:
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--only", phase], check=True)


if __name__ == "__main__":
    main()
