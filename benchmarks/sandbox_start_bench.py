"""Print how long the sandbox takes to start, in a fresh Python process each time: importing
it and listening on TCP only, on TCP and the WebSocket/SockJS port (aiohttp and aio-libs'
sockjs are imported then), and `stomp-explorer sandbox` until it has printed its URLs. Also
one SockJS round trip per transport with our client, to show the endpoint answers. The window
has loaded explorer.client (and with it aiohttp) before it starts its built-in sandbox, so the
third figure is what its start costs there.

Run: .venv/bin/python benchmarks/sandbox_start_bench.py [--runs N]
Medians of N runs (wall clock: what a user waits for); a loaded machine shows larger values.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

_START = """
import asyncio, time
{preload}
t0 = time.perf_counter()
from explorer.sandbox import SandboxBroker
async def main():
    broker = SandboxBroker(ws_port={ws_port})
    await broker.start()
    print(time.perf_counter() - t0)
    await broker.stop()
asyncio.run(main())
"""


def _in_process(ws_port: str, preload: str = "") -> float:
    out = subprocess.run(
        [sys.executable, "-c", _START.format(ws_port=ws_port, preload=preload)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def _cli_banner() -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "sandbox"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(4)]
    elapsed = time.perf_counter() - start
    process.terminate()
    process.wait(10)
    assert "/sockjs" in lines[3], lines
    return elapsed


async def _round_trips() -> dict[str, float]:
    from explorer.client import Client, SockJsOptions
    from explorer.sandbox import SandboxBroker

    times: dict[str, float] = {}
    async with SandboxBroker() as broker:
        for transport in ("websocket", "xhr-streaming", "xhr-polling"):
            client = Client(broker.sockjs_url, sockjs=SockJsOptions(transport))
            start = time.perf_counter()
            await client.connect()
            sub = await client.subscribe("/queue/bench", receipt=True)
            await client.send("/queue/bench", "ping")
            await sub.get(timeout=10)
            times[transport] = time.perf_counter() - start
            await client.disconnect()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows: list[tuple[str, Callable[[], float]]] = [
        ("import + start, TCP only", lambda: _in_process("None")),
        ("import + start, TCP + WebSocket/SockJS", lambda: _in_process("0")),
        (  # the window has the client (and so aiohttp) loaded before it starts the sandbox
            "the same, explorer.client loaded before",
            lambda: _in_process("0", "import explorer.client"),
        ),
        ("stomp-explorer sandbox until its URLs", _cli_banner),
    ]
    for label, measure in rows:
        values = [measure() for _ in range(args.runs)]
        print(
            f"{label:42} median {statistics.median(values) * 1000:7.1f} ms  "
            f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, {args.runs} runs)"
        )
    for transport, seconds in asyncio.run(_round_trips()).items():
        print(f"SockJS {transport:15} connect + subscribe + one message: {seconds * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
