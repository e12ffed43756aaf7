"""The window under a firehose (prints figures, asserts nothing; issue 11 and issue 16).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/firehose_bench.py [--seconds 60]`

A source floods one topic from a separate process with 200-byte messages for a set time; a
subscriber in another process takes them in. Sources (`--source`, both by default):

- `activemq`: a real ActiveMQ topic (a fresh name per run), flooded by pipelined
  non-persistent SENDs on `--connections` raw sockets (ActiveMQ reads each connection on one
  thread: one socket alone stays below its maximum). The broker's producer flow control
  sets the pace: the flood runs at the broker's maximum or what the subscriber takes.
- `wire`: a process that speaks just enough STOMP to serve one subscriber and writes
  ActiveMQ-shaped MESSAGE frames (the same headers, a `\\c`-escaped message-id) as fast as
  the socket takes them: the window's own ceiling, beyond what one broker delivers to one
  subscriber (ActiveMQ gives one STOMP subscriber about 15,000-25,000 msg/s on this machine).

Subscribers, each on each source: `raw` (a socket counting NULs: the source's ceiling),
`client` (our `Client` alone, iterating its subscription), and `window` (the real app:
MainWindow, qasync, offscreen or Xvfb, subscribed through its session). With
`--baseline-path DIR` (a checkout of an older commit: `git worktree add /tmp/base REV`) the
window phase runs that tree's `explorer` too, alternating with this one over `--reps`, so
before and after are measured under the same load.

For the window it prints: msg/s into the window, (log rows appended + evicted by the log
cap + counted as skipped) per second from the first message to the last, and while the
flood ran; event-loop lag (a 10 ms QTimer's overshoot) p50/p99/max while messages arrive,
beside the same window's lag idle just before (the machine's share); RSS at the end and its
peak (VmHWM); CPU per message; garbage collections; and the accounting `sent = shown +
evicted + skipped`, checked. On ActiveMQ a raw socket subscribes beside the window during
its phase: what the broker delivers to one subscriber varies from minute to minute (other
work on it, its own GC), so the window is compared with what a socket got at the same time.

A subscriber that falls behind makes ActiveMQ hold (and spool to disk) what it has not
delivered; `--port` points the activemq source at a private broker (`scripts/brokers`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parent.parent
BODY_SIZE = 200
HOST = "127.0.0.1"


# -------------------------------------------------------------------------- helpers


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB, from /proc/self/status."""
    fields: dict[str, float] = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * share))]


def stomp_frame(command: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    head = "".join(f"{k}:{v}\n" for k, v in headers.items())
    return f"{command}\n{head}\n".encode() + body + b"\0"


async def read_frame(reader: asyncio.StreamReader, buffer: bytearray) -> bytes:
    while b"\0" not in buffer:
        chunk = await reader.read(65536)
        if not chunk:
            raise SystemExit(f"the broker closed the connection: {bytes(buffer[:300])!r}")
        buffer += chunk
    end = buffer.index(b"\0")
    frame = bytes(buffer[:end]).lstrip(b"\r\n")
    del buffer[: end + 1]
    return frame


def say(line: str) -> None:
    print(line, flush=True)


# -------------------------------------------------------------------------- the flooder


async def flood(port: int, topic: str, seconds: float, connections: int) -> None:
    """Pipelined SENDs on `connections` sockets for `seconds`, then one with a receipt on
    each; prints `SENT n`. ActiveMQ reads each STOMP connection on one thread, so one
    socket alone does not reach the broker's maximum."""
    counts = await asyncio.gather(*(flood_one(port, topic, seconds, n) for n in range(connections)))
    say(f"SENT {sum(counts)}")


async def flood_one(port: int, topic: str, seconds: float, number: int) -> int:
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(
        stomp_frame("CONNECT", {"accept-version": "1.2", "host": "/", "heart-beat": "0,0"})
    )
    buffer = bytearray()
    connected = await read_frame(reader, buffer)
    if not connected.startswith(b"CONNECTED"):
        raise SystemExit(f"not CONNECTED: {connected[:300]!r}")
    body = b"x" * BODY_SIZE
    headers = {
        "destination": topic,
        "persistent": "false",
        "content-type": "text/plain",
        "content-length": str(BODY_SIZE),
    }
    batch = stomp_frame("SEND", headers, body) * 200
    sent = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        writer.write(batch)
        await writer.drain()
        sent += 200
    receipt = f"last-{number}"
    writer.write(stomp_frame("SEND", {**headers, "receipt": receipt}, body))
    sent += 1
    await writer.drain()
    while f"receipt-id:{receipt}".encode() not in await read_frame(reader, buffer):
        pass
    writer.write(stomp_frame("DISCONNECT", {}))
    await writer.drain()
    writer.close()
    return sent


# -------------------------------------------------------------------------- the wire source


def wire_message(destination: str, subscription: str, number: int) -> bytes:
    """A MESSAGE as ActiveMQ 5.17 writes it for a 200-byte text SEND (captured)."""
    stamp = int(time.time() * 1000)
    return (
        (
            f"MESSAGE\ncontent-length:{BODY_SIZE}\nexpires:0\ndestination:{destination}\n"
            f"subscription:{subscription}\npriority:4\n"
            f"message-id:ID\\cfirehose-43295-1796000107765-3\\c5061\\c-1\\c1\\c{number}\n"
            f"content-type:text/plain\ntimestamp:{stamp}\n\n"
        ).encode()
        + b"x" * BODY_SIZE
        + b"\0\n"
    )


async def wire_source(topic: str, control: IO[str]) -> None:
    """Serve subscribers: CONNECTED, RECEIPTs, and on `GO seconds` (a line on `control`) a
    flood of MESSAGEs on the subscription to `topic`, as fast as the socket takes them, for
    that many seconds; then prints `SENT n` and serves until the subscriber leaves."""
    loop = asyncio.get_running_loop()
    target: asyncio.Future[tuple[asyncio.StreamWriter, str]] = loop.create_future()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        buffer = bytearray()
        while True:
            try:
                frame = await read_frame(reader, buffer)
            except (SystemExit, ConnectionError):
                return
            command, _, rest = frame.partition(b"\n")
            head = rest.split(b"\n\n", 1)[0].decode()
            headers = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
            if command in (b"CONNECT", b"STOMP"):
                answer = {"server": "firehose-wire/1.0", "version": "1.2", "heart-beat": "0,0"}
                writer.write(stomp_frame("CONNECTED", answer))
            elif "receipt" in headers:
                writer.write(stomp_frame("RECEIPT", {"receipt-id": headers["receipt"]}))
            subscribing = command == b"SUBSCRIBE" and headers.get("destination") == topic
            if subscribing and not target.done():
                target.set_result((writer, headers.get("id", "")))
            try:
                await writer.drain()
            except ConnectionError:
                return
            if command == b"DISCONNECT":
                writer.close()
                return

    server = await asyncio.start_server(serve, HOST, 0)
    say(f"PORT {server.sockets[0].getsockname()[1]}")
    line = await loop.run_in_executor(None, control.readline)
    seconds = float(line.split()[1])
    writer, subscription = await target
    sent = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        writer.write(b"".join(wire_message(topic, subscription, sent + i) for i in range(200)))
        await writer.drain()
        sent += 200
    say(f"SENT {sent}")
    await loop.run_in_executor(None, control.readline)  # the parent says when to stop
    server.close()


# -------------------------------------------------------------------------- a raw subscriber


async def raw_subscriber(port: int, topic: str, control: IO[str], drain_timeout: float) -> None:
    """A socket that subscribes and counts NULs: what the source delivers at most."""
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(
        stomp_frame("CONNECT", {"accept-version": "1.2", "host": "/", "heart-beat": "0,0"})
    )
    buffer = bytearray()
    await read_frame(reader, buffer)
    writer.write(stomp_frame("SUBSCRIBE", {"destination": topic, "id": "1", "receipt": "r"}))
    await read_frame(reader, buffer)
    say("READY")
    cpu = time.process_time()
    count = buffer.count(b"\0")
    first = last = 0.0
    loop = asyncio.get_running_loop()
    told = loop.run_in_executor(None, control.readline)
    sent = -1
    deadline = float("inf")
    live, live_seconds = 0, 0.0
    while sent < 0 or count < sent:
        try:
            chunk = await asyncio.wait_for(reader.read(262144), 0.2)
        except TimeoutError:
            chunk = b""
        if chunk:
            last = time.perf_counter()
            first = first or last
            count += chunk.count(b"\0")
        if sent < 0 and told.done():
            sent = int(told.result().split()[1])
            deadline = time.perf_counter() + drain_timeout
            live, live_seconds = count, time.perf_counter() - (first or time.perf_counter())
        if time.perf_counter() > deadline:
            break
    cpu = time.process_time() - cpu
    writer.close()
    seconds = max(last - first, 1e-9)
    result = {"sent": sent, "received": count, "seconds": seconds, "rate": count / seconds}
    result["live_rate"] = live / live_seconds if live_seconds > 0 else 0.0
    say("RESULT " + json.dumps({**result, "cpu_us": cpu / max(count, 1) * 1e6}))


# -------------------------------------------------------------------------- the client alone


async def client_alone(port: int, topic: str, control: IO[str], drain_timeout: float) -> None:
    from explorer.client import Client

    client = Client(f"stomp://{HOST}:{port}", heartbeat=(0, 0))
    await client.connect()
    subscription = await client.subscribe(topic, receipt=True)
    say("READY")
    count = 0
    first = last = 0.0
    cpu = time.process_time()

    async def consume() -> None:
        nonlocal count, first, last
        async for _ in subscription:
            count += 1
            last = time.perf_counter()
            if count == 1:
                first = last

    consuming = asyncio.ensure_future(consume())
    line = await asyncio.get_running_loop().run_in_executor(None, control.readline)
    live, live_seconds = count, time.perf_counter() - (first or time.perf_counter())
    sent = int(line.split()[1])
    deadline = time.perf_counter() + drain_timeout
    while count < sent and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    consuming.cancel()
    cpu = time.process_time() - cpu
    await client.disconnect()
    seconds = max(last - first, 1e-9)
    result = {"sent": sent, "received": count, "seconds": seconds, "rate": count / seconds}
    result["live_rate"] = live / live_seconds if live_seconds > 0 else 0.0
    say("RESULT " + json.dumps({**result, "cpu_us": cpu / max(count, 1) * 1e6}))


# -------------------------------------------------------------------------- the window


def window(port: int, topic: str, control: IO[str], drain_timeout: float, profile: str) -> None:
    import collections
    import cProfile
    import gc
    import tempfile

    profiler = cProfile.Profile()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    config = tempfile.TemporaryDirectory()
    os.environ["STOMP_EXPLORER_CONFIG_DIR"] = config.name
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import explorer.app
    from explorer.app import configure_application, create_window
    from explorer.profiles.model import HeartBeat, Profile

    app = QApplication(sys.argv[:1])
    configure_application(app)
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def run() -> dict[str, Any]:
        win = create_window(first_run=False)
        win.resize(1400, 880)
        win.show()
        tune = getattr(explorer.app, "tune_garbage_collection", None)
        if tune is not None:  # as `run_window` does (older trees did not)
            tune()
        url = f"stomp://{HOST}:{port}"
        win.open_profile(Profile(name="firehose", url=url, heart_beat=HeartBeat(0, 0)))
        while not (win.views() and win.views()[0].session.is_connected):
            await asyncio.sleep(0.01)
        session = win.views()[0].session
        core = getattr(session, "core", None)  # trees before the session core had none
        if core is not None:
            await core.subscribe(topic, confirm=True)
        else:
            await session.subscribe(topic)
            await asyncio.sleep(1.0)  # no receipt there: let the broker take the SUBSCRIBE
        model = session.messages

        def skipped() -> int:
            # What the window counted as skipped (never shown, never a row); 0 in trees
            # that have no such counter.
            counter = getattr(core, "skipped", None)
            return int(counter) if counter is not None else 0

        def arrived() -> int:
            return len(model.log) + model.pending_count + model.evicted_total + skipped()

        lags: list[float] = []
        marks = {"first": 0.0, "last": 0.0, "expected": -1}
        rss_samples: list[float] = []
        previous = [time.perf_counter()]

        idle_lags: list[float] = []

        def tick() -> None:
            now = time.perf_counter()
            if marks["first"] and not marks["last"]:
                lags.append(max(0.0, now - previous[0] - 0.010))
            elif not marks["first"]:
                idle_lags.append(max(0.0, now - previous[0] - 0.010))
            previous[0] = now
            if not marks["first"] and arrived():
                marks["first"] = now
            if marks["expected"] >= 0 and not marks["last"] and arrived() >= marks["expected"]:
                marks["last"] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()

        def sample_rss() -> None:
            rss_samples.append(rss_mb()[0])

        rss_timer = QTimer()
        rss_timer.setInterval(1000)
        rss_timer.timeout.connect(sample_rss)
        rss_timer.start()

        gc_pauses: dict[int, list[tuple[float, float]]] = {0: [], 1: [], 2: []}
        gc_started = [0.0, 0.0]

        def gc_watch(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                gc_started[:] = time.perf_counter(), time.thread_time()
            else:
                wall, cpu = time.perf_counter(), time.thread_time()
                pause = (wall - gc_started[0], cpu - gc_started[1])
                gc_pauses[info["generation"]].append(pause)

        gc.callbacks.append(gc_watch)
        # The same lag with nothing arriving: what the machine's load alone does to it.
        await asyncio.sleep(3.0)
        idle = sorted(idle_lags)
        say("READY")
        cpu = time.process_time()
        if profile:
            profiler.enable()
        line = await asyncio.get_running_loop().run_in_executor(None, control.readline)
        flood_end = time.perf_counter()
        live = arrived()  # taken in while the flood ran (the rest the source had queued)
        sent = int(line.split()[1])
        marks["expected"] = sent
        deadline = time.perf_counter() + drain_timeout
        while not marks["last"] and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        timer.stop()
        rss_timer.stop()
        model.flush()
        if profile:
            profiler.disable()
            profiler.dump_stats(profile)
        cpu = time.process_time() - cpu
        gc.callbacks.remove(gc_watch)
        end = marks["last"] or time.perf_counter()
        rss_now, rss_peak = rss_mb()
        lags.sort()
        shown_rows = len(model.log)
        result = {
            "sent": sent,
            "received": core.counters.received if core is not None else -1,
            "rows": shown_rows,
            "evicted": model.evicted_total,
            "pending": model.pending_count,
            "skipped": skipped(),
            "arrived": arrived(),
            "complete": bool(marks["last"]),
            "seconds": end - marks["first"] if marks["first"] else 0.0,
            "live": live,
            "live_seconds": flood_end - marks["first"] if marks["first"] else 0.0,
            "lag_p50": percentile(lags, 0.50),
            "lag_p99": percentile(lags, 0.99),
            "lag_max": lags[-1] if lags else 0.0,
            "idle_p50": percentile(idle, 0.50),
            "idle_p99": percentile(idle, 0.99),
            "rss_end": rss_now,
            "rss_peak": rss_peak,
            "rss_max_sampled": max(rss_samples, default=rss_now),
            "cpu_us": cpu / max(arrived(), 1) * 1e6,
            "gc": {
                n: (
                    len(p),
                    sum(w for w, _ in p),
                    max((w for w, _ in p), default=0.0),
                    sum(c for _, c in p),
                )
                for n, p in gc_pauses.items()
            },
            "tracked": len(gc.get_objects()),
            "tracked_types": collections.Counter(
                type(o).__name__ for o in gc.get_objects()
            ).most_common(8),
            "log_info": win.views()[0].log_pane.log_info.text()
            if hasattr(win.views()[0], "log_pane")
            else "",
        }
        await win.shutdown()
        return result

    with loop:
        result = loop.run_until_complete(run())
    config.cleanup()
    say("RESULT " + json.dumps(result))


# -------------------------------------------------------------------------- orchestration


class Child:
    """A role of this script in its own process, talking lines over stdin/stdout."""

    def __init__(self, role: str, path: Path, args: list[str]) -> None:
        env = dict(os.environ, PYTHONPATH=str(path))
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--role", role, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=path,
        )

    def expect(self, prefix: str) -> str:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
        raise SystemExit(f"a child ended without {prefix!r} (exit {self.process.wait()})")

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def wait(self) -> None:
        self.process.wait(timeout=120)


def phase(
    source: str, role: str, path: Path, args: argparse.Namespace, seconds: float
) -> dict[str, Any]:
    """One subscriber (`role`, with the `explorer` of `path`) under one flood."""
    topic = f"/topic/firehose.{uuid.uuid4().hex[:8]}"
    options = ["--topic", topic, "--drain-timeout", str(args.drain_timeout)]
    wire: Child | None = None
    port = args.port
    if source == "wire":
        wire = Child("wire", REPO, options)
        port = int(wire.expect("PORT"))
    if role == "window" and args.profile:
        options += ["--profile", f"{args.profile}.{source}.{path.name}"]
    subscriber = Child(role, path, ["--port", str(port), *options])
    subscriber.expect("READY")
    # Beside the window on a broker, a raw socket on the same topic at the same time: what
    # the broker delivers to one subscriber varies from minute to minute.
    beside: Child | None = None
    if role == "window" and wire is None:
        beside = Child("raw", REPO, ["--port", str(port), *options])
        beside.expect("READY")
    if wire is not None:
        wire.tell(f"GO {seconds}")
        sent = wire.expect("SENT")
    else:
        flood_args = ["--seconds", str(seconds), "--connections", str(args.connections)]
        flooder = Child("flood", REPO, ["--port", str(port), *options, *flood_args])
        sent = flooder.expect("SENT")
        flooder.wait()
    subscriber.tell(f"SENT {sent}")
    if beside is not None:
        beside.tell(f"SENT {sent}")
    result: dict[str, Any] = json.loads(subscriber.expect("RESULT"))
    subscriber.wait()
    if beside is not None:
        result["beside"] = json.loads(beside.expect("RESULT"))
        beside.wait()
    if wire is not None:
        wire.tell("STOP")
        wire.wait()
    return result


def report_alone(label: str, r: dict[str, Any]) -> None:
    say(
        f"  {label}: {r['rate']:,.0f} msg/s ({r['received']:,} of {r['sent']:,} in"
        f" {r['seconds']:.1f} s; {r['live_rate']:,.0f} msg/s while the flood ran;"
        f" CPU {r['cpu_us']:.1f} us per message)"
    )


def window_rate(r: dict[str, Any]) -> float:
    into = r["rows"] + r["evicted"] + r["skipped"] + r["pending"]
    return float(into / r["seconds"]) if r["seconds"] else 0.0


def report_window(label: str, r: dict[str, Any]) -> None:
    live_rate = r["live"] / r["live_seconds"] if r["live_seconds"] > 0 else 0.0
    balanced = r["sent"] == r["rows"] + r["evicted"] + r["skipped"] + r["pending"]
    pending = f" + pending {r['pending']:,}" if r["pending"] else ""
    say(
        f"  {label}: {window_rate(r):,.0f} msg/s into the window over {r['seconds']:.1f} s"
        f"{'' if r['complete'] else ' (INCOMPLETE: drain timeout)'}"
        f" ({live_rate:,.0f} msg/s while the flood ran); event-loop lag"
        f" p50 {r['lag_p50'] * 1000:.1f} ms, p99 {r['lag_p99'] * 1000:.1f} ms,"
        f" max {r['lag_max'] * 1000:.0f} ms; RSS end {r['rss_end']:.0f} MB,"
        f" peak {r['rss_peak']:.0f} MB; CPU {r['cpu_us']:.1f} us per message"
    )
    say(
        f"    the same window idle just before (the machine's share): lag p50"
        f" {r['idle_p50'] * 1000:.1f} ms, p99 {r['idle_p99'] * 1000:.1f} ms"
    )
    say(
        f"    sent {r['sent']:,} = shown {r['rows'] + r['evicted']:,} (rows {r['rows']:,}"
        f" + evicted by the log cap {r['evicted']:,}) + skipped {r['skipped']:,}{pending}:"
        f" {'balanced' if balanced else 'NOT BALANCED'}"
        f" (session counted {r['received']:,} received)"
    )
    gc_text = ", ".join(
        f"gen{n} {count} x (total {total * 1000:.0f} ms, max {longest * 1000:.0f} ms,"
        f" CPU {cpu * 1000:.0f} ms)"
        for n, (count, total, longest, cpu) in r["gc"].items()
    )
    say(f"    garbage collections: {gc_text}; {r['tracked']:,} objects tracked at the end")
    types = ", ".join(f"{name} {count:,}" for name, count in r["tracked_types"])
    say(f"      most of them: {types}")
    if r.get("beside"):
        raw = r["beside"]
        say(
            f"    a raw socket subscribed beside it took {raw['live_rate']:,.0f} msg/s while the"
            f" flood ran ({raw['rate']:,.0f} msg/s over {raw['seconds']:.1f} s)"
        )
    if r.get("log_info"):
        say(f"    the log pane says: {r['log_info']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="window flood duration")
    parser.add_argument("--alone-seconds", type=float, default=10.0, help="raw/client floods")
    parser.add_argument("--source", choices=("activemq", "wire", "both"), default="both")
    parser.add_argument("--port", type=int, default=61613, help="ActiveMQ STOMP port")
    parser.add_argument("--connections", type=int, default=4, help="flooder sockets")
    parser.add_argument("--baseline-path", type=Path, help="an older checkout to compare")
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--drain-timeout", type=float, default=120.0)
    parser.add_argument("--no-alone", action="store_true", help="skip the raw/client phases")
    parser.add_argument("--profile", default="", help="cProfile the window into FILE.*")
    parser.add_argument("--role", choices=ROLES, help=argparse.SUPPRESS)
    parser.add_argument("--topic", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role is not None:
        run_role(args)
        return
    trees = [("this tree", REPO)]
    if args.baseline_path is not None:
        trees.append((f"baseline {args.baseline_path}", args.baseline_path.resolve()))
    sources = ("activemq", "wire") if args.source == "both" else (args.source,)
    say(
        f"firehose: {BODY_SIZE}-byte messages, window floods of {args.seconds:g} s;"
        f" load average {load_average()} (2 cores shared)"
    )
    for source in sources:
        where = f"ActiveMQ {HOST}:{args.port}" if source == "activemq" else "the wire source"
        say(f"source: {where}")
        if not args.no_alone:
            for role, label in (("raw", "raw socket alone"), ("client", "our client alone")):
                report_alone(label, phase(source, role, REPO, args, args.alone_seconds))
        results: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in trees}
        for rep in range(args.reps):
            for label, path in trees if rep % 2 == 0 else list(reversed(trees)):
                say(f"  window, {label} (rep {rep + 1}), load average {load_average()}:")
                r = phase(source, "window", path, args, args.seconds)
                results[label].append(r)
                report_window(label, r)
        if args.reps > 1:
            for label, runs in results.items():
                rates = [window_rate(r) for r in runs]
                p99 = [r["lag_p99"] * 1000 for r in runs]
                say(
                    f"  median {label}: {statistics.median(rates):,.0f} msg/s,"
                    f" p99 lag {statistics.median(p99):.1f} ms"
                )
    say(f"load average at the end {load_average()}")


ROLES = ("flood", "wire", "raw", "client", "window")


def run_role(args: argparse.Namespace) -> None:
    if args.role == "flood":
        asyncio.run(flood(args.port, args.topic, args.seconds, args.connections))
    elif args.role == "wire":
        asyncio.run(wire_source(args.topic, sys.stdin))
    elif args.role == "raw":
        asyncio.run(raw_subscriber(args.port, args.topic, sys.stdin, args.drain_timeout))
    elif args.role == "client":
        asyncio.run(client_alone(args.port, args.topic, sys.stdin, args.drain_timeout))
    else:
        window(args.port, args.topic, sys.stdin, args.drain_timeout, args.profile)


if __name__ == "__main__":
    main()
