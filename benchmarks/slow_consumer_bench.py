"""Memory of a slow consumer under a flood (issue 16, defect 1): printed, never asserted.

Our client subscribes to a fresh ActiveMQ topic and takes 1 ms per message, while a separate
process floods that topic with 1 KiB messages as fast as the broker accepts them. Every
second the consumer's RSS, its subscription's backlog and the counts are printed. With the
bounded subscription (`max_queued`, BLOCK) the backlog stays at the bound plus one read and
the broker is pushed back through TCP; `--unbounded` shows the old behaviour (the backlog,
and RSS, grow with the flood).

    .venv/bin/python benchmarks/slow_consumer_bench.py                  # 15 s flood
    .venv/bin/python benchmarks/slow_consumer_bench.py --unbounded --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
import uuid

ACTIVEMQ = ("127.0.0.1", 61613)
BODY = b"x" * 1024


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def flood(topic: str, seconds: float) -> None:
    """The producer (child process): pipelined SENDs without receipts for `seconds`."""
    reader, writer = await asyncio.open_connection(*ACTIVEMQ)
    writer.write(b"CONNECT\naccept-version:1.2\nhost:/\nheart-beat:0,0\n\n\0")
    await reader.readuntil(b"\0")
    frame = (
        b"SEND\ndestination:%s\ncontent-length:%d\n\n" % (topic.encode(), len(BODY)) + BODY + b"\0"
    )
    batch = frame * 100
    sent = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        writer.write(batch)
        await writer.drain()
        sent += 100
    writer.write(b"DISCONNECT\n\n\0")
    await writer.drain()
    writer.close()
    print(f"producer: sent {sent:,} messages in {seconds:g} s ({sent / seconds:,.0f}/s)")


async def consume(args: argparse.Namespace) -> None:
    from explorer.client import Client

    topic = f"/topic/bench.slow.{uuid.uuid4().hex[:8]}"
    bound = None if args.unbounded else args.max_queued
    client = Client(f"stomp://{ACTIVEMQ[0]}:{ACTIVEMQ[1]}", heartbeat=(0, 0), max_queued=bound)
    await client.connect()
    sub = await client.subscribe(topic, receipt=True)
    producer = subprocess.Popen(
        [sys.executable, __file__, "--flood", topic, "--seconds", str(args.seconds)]
    )
    received = 0
    peak_rss = peak_backlog = 0.0
    start = time.monotonic()
    next_report = start + 1
    print(f"consumer: max_queued={bound}, 1 ms per message, topic {topic}")
    print("   t   RSS MB   backlog   received")
    try:
        while time.monotonic() - start < args.seconds + args.tail:
            try:
                await sub.get(timeout=1)
            except Exception:
                pass
            else:
                received += 1
                await asyncio.sleep(0.001)
            now = time.monotonic()
            if now >= next_report:
                rss = rss_mb()
                peak_rss, peak_backlog = max(peak_rss, rss), max(peak_backlog, len(sub))
                print(f"{now - start:4.0f} {rss:8.1f} {len(sub):9,} {received:10,}", flush=True)
                next_report += 1
    finally:
        producer.wait(timeout=60)
        await client.close()
    print(
        f"\npeak RSS {peak_rss:.1f} MB, peak backlog {peak_backlog:,.0f} messages "
        f"(bound: {'none' if bound is None else f'{bound:,} + one 256 KiB read'}), "
        f"received {received:,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="how long the flood lasts")
    parser.add_argument("--tail", type=float, default=3.0, help="keep consuming afterwards")
    parser.add_argument("--max-queued", type=int, default=10_000)
    parser.add_argument("--unbounded", action="store_true", help="max_queued=None")
    parser.add_argument("--flood", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flood:
        asyncio.run(flood(args.flood, args.seconds))
    else:
        asyncio.run(consume(args))


if __name__ == "__main__":
    main()
