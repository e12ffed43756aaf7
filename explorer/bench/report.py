"""Bench results as text for people and as JSON for scripts (the keys are a contract:
sent, received, lost, duplicates, throughput_msg_s, latency_ms{p50,p90,p99,p999,max})."""

from __future__ import annotations

from typing import Any

from explorer.bench.runner import BenchResult


def result_json(result: BenchResult) -> dict[str, Any]:
    options = result.options
    return {
        "destination": options.destination,
        "size": options.size,
        "producers": options.producers,
        "consumers": options.consumers,
        "persistent": options.persistent,
        "rate": options.rate,
        "sent": result.sent,
        "received": result.received,
        "expected": result.expected,
        "lost": result.lost,
        "duplicates": result.duplicates,
        "out_of_order": result.out_of_order,
        "throughput_msg_s": round(result.throughput_msg_s, 1),
        "throughput_mb_s": round(result.throughput_mb_s, 3),
        "send_msg_s": round(result.send_msg_s, 1),
        "receive_msg_s": round(result.receive_msg_s, 1),
        "seconds": round(result.total_seconds, 3),
        "latency_ms": {k: round(v, 3) for k, v in result.latency_ms.items()},
        "latency_histogram": [[upper, count] for upper, count in result.distribution],
    }


def result_text(result: BenchResult) -> str:
    options = result.options
    latency = result.latency_ms
    mode = "persistent" if options.persistent else "non-persistent"
    rate = "max" if options.rate is None else f"{options.rate:g}/s"
    lines = [
        f"{options.destination}: {options.producers} producer(s), {options.consumers} "
        f"consumer(s), {options.size}-byte {mode} messages, rate {rate}",
        f"  sent          {result.sent:>12,}   ({result.send_msg_s:,.0f} msg/s)",
        f"  received      {result.received:>12,}   of {result.expected:,} expected",
        f"  lost          {result.lost:>12,}",
        f"  duplicates    {result.duplicates:>12,}",
        f"  out of order  {result.out_of_order:>12,}",
        f"  throughput    {result.throughput_msg_s:>12,.0f} msg/s   "
        f"{result.throughput_mb_s:.2f} MB/s   (receiving: {result.receive_msg_s:,.0f} msg/s)",
        "  latency ms    "
        f"p50 {latency['p50']:.3f}   p90 {latency['p90']:.3f}   p99 {latency['p99']:.3f}   "
        f"p99.9 {latency['p999']:.3f}   max {latency['max']:.3f}",
    ]
    if result.foreign:
        lines.append(f"  (also {result.foreign:,} messages without a bench stamp, ignored)")
    return "\n".join(lines)
