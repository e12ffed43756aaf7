"""The MESSAGE path's cost, hop by hop, in CPU time (prints figures, asserts nothing).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/session_bench.py [--total N]`
     `... --baseline-path /tmp/base` runs the same in an older checkout too (`git worktree
     add /tmp/base REV`), each tree in its own process, alternating over `--reps`.

An in-process server (loopback TCP, qasync loop as in the window) writes N ActiveMQ-shaped
200-byte MESSAGEs (the firehose bench's wire source) to one subscriber, built from:

- client: our `Client` alone, iterating its subscription;
- stream: a `ConnectionSession` reading the client's event stream into a sink that drops
  everything, without the wire tap (as the command line runs it);
- tap: the same with the wire tap on (every frame and heart-beat recorded, as the window);
- window: the window's Qt adapter (`SessionController`: message log, destination tree,
  history and traffic models, their publish timers running; no views, so no painting).

Each figure is process CPU time per message from the SUBSCRIBE to the N-th message, so other
work on the machine disturbs it little; the difference between two lines is one hop's cost.
The session's intake never skips here (its backlog is unbounded for the run).
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TOPIC = "/topic/bench"
VARIANTS = ("client", "stream", "tap", "window")


def wire_message(number: int) -> bytes:
    """A MESSAGE as ActiveMQ 5.17 writes it for a 200-byte text SEND (its `\\c` escapes)."""
    return (
        (
            f"MESSAGE\ncontent-length:200\nexpires:0\ndestination:{TOPIC}.{number % 50}\n"
            f"subscription:SUB\npriority:4\n"
            f"message-id:ID\\cbench-43295-1796000107765-3\\c5061\\c-1\\c1\\c{number}\n"
            f"content-type:text/plain\ntimestamp:1796007477062\n\n"
        ).encode()
        + b"x" * 200
        + b"\0\n"
    )


async def serve_messages(total: int) -> tuple[asyncio.Server, int]:
    """A STOMP server that answers CONNECT, receipts, and sends `total` MESSAGEs on the
    first SUBSCRIBE (its id written in)."""
    blob = b"".join(wire_message(n) for n in range(total))

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        buffer = b""
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                frame, _, buffer = buffer.partition(b"\0")
                frame = frame.lstrip(b"\r\n")
                head = frame.split(b"\n\n", 1)[0].decode()
                command, *lines = head.split("\n")
                headers = dict(line.split(":", 1) for line in lines if ":" in line)
                if command in ("CONNECT", "STOMP"):
                    writer.write(b"CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:bench\n\n\0")
                elif "receipt" in headers:
                    writer.write(f"RECEIPT\nreceipt-id:{headers['receipt']}\n\n\0".encode())
                if command == "SUBSCRIBE":
                    writer.write(
                        blob.replace(b"subscription:SUB", f"subscription:{headers['id']}".encode())
                    )
                if command == "DISCONNECT":
                    await writer.drain()
                    writer.close()
                    return
                await writer.drain()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def until(done: Callable[[], bool]) -> None:
    while not done():
        await asyncio.sleep(0.01)


async def measure(variant: str, total: int) -> float:
    """CPU seconds per message for one variant."""
    server, port = await serve_messages(total)
    url = f"stomp://127.0.0.1:{port}"
    try:
        if variant == "client":
            from explorer.client import Client

            client = Client(url, heartbeat=(0, 0))
            await client.connect()
            started = time.process_time()
            sub = await client.subscribe(TOPIC)
            count = 0
            async for _ in sub:
                count += 1
                if count == total:
                    break
            spent = time.process_time() - started
            await client.disconnect()
            return spent / total
        from explorer.client.url import parse_url
        from explorer.session import ConnectionSession, NullSink, Target

        controller: Any = None
        if variant == "window":
            from explorer.profiles.model import HeartBeat, Profile
            from explorer.profiles.resolve import settings_from
            from explorer.ui.session import SessionController

            profile = Profile(name="bench", url=url, heart_beat=HeartBeat(0, 0))
            controller = SessionController(settings_from(profile, {}), discovery=False)
            session = controller.core
        else:
            target = Target("bench", parse_url(url), {"heartbeat": (0, 0)})
            session = ConnectionSession(target, NullSink(), wire_records=variant == "tap")
        intake = getattr(session, "_intake", None)
        if intake is not None:
            intake.max_backlog = 10 * total  # measure the cost of every message: no skips
        await session.connect()
        started = time.process_time()
        await session.subscribe(TOPIC)
        await until(lambda: session.counters.received >= total)
        if controller is not None:
            controller.messages.flush()
            controller.traffic.flush()
            controller.destinations.flush()
        spent = time.process_time() - started
        await session.shutdown()
        if controller is not None:
            controller.deleteLater()
        return spent / total
    finally:
        server.close()


def child(variant: str, total: int) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        per_message = loop.run_until_complete(measure(variant, total))
    print("RESULT " + json.dumps({"us": per_message * 1e6}), flush=True)


def run_child(path: Path, variant: str, total: int) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", variant, "--total", str(total)],
        env=dict(os.environ, PYTHONPATH=str(path)),
        cwd=path,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    us: float = json.loads(line[len("RESULT ") :])["us"]
    return us


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--baseline-path", type=Path, help="an older checkout to compare")
    parser.add_argument("--only", choices=VARIANTS, action="append")
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.total)
        return
    trees = [("this tree", REPO)]
    if args.baseline_path is not None:
        trees.append((f"baseline {args.baseline_path}", args.baseline_path.resolve()))
    print(
        f"{args.total:,} ActiveMQ-shaped 200-byte MESSAGEs over loopback, CPU us per message,"
        f" median of {args.reps}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    for variant in args.only or VARIANTS:
        figures: dict[str, list[float]] = {label: [] for label, _ in trees}
        for rep in range(args.reps):
            for label, path in trees if rep % 2 == 0 else list(reversed(trees)):
                figures[label].append(run_child(path, variant, args.total))
        line = ", ".join(
            f"{label} {statistics.median(values):.1f} us"
            f" ({1e6 / statistics.median(values):,.0f} msg/s per CPU second)"
            for label, values in figures.items()
        )
        print(f"  {variant:7s} {line}", flush=True)


if __name__ == "__main__":
    main()
