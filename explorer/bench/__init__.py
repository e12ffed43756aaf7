"""`stomp-explorer bench`: producers and consumers in one process, every message stamped,
latency in an HdrHistogram. GUI-free, so the window can show the same run.

    from explorer.bench import BenchOptions, run_bench, result_json
    result = await run_bench(lambda: Client(url), BenchOptions(messages=10_000, size=100))
    result.lost, result.throughput_msg_s, result.latency_ms["p99"]
"""

from __future__ import annotations

from explorer.bench.report import result_json, result_text
from explorer.bench.runner import BenchOptions, BenchResult, run_bench
from explorer.bench.tracker import STAMP_HEADER, Tracker

__all__ = [
    "STAMP_HEADER",
    "BenchOptions",
    "BenchResult",
    "Tracker",
    "result_json",
    "result_text",
    "run_bench",
]
