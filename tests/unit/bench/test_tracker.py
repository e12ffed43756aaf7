"""The bench's bookkeeping: unique, duplicates, out-of-order, foreign stamps, latency."""

from __future__ import annotations

import re
import time

from explorer.bench import BenchOptions, BenchResult, Tracker, result_json, result_text
from explorer.bench.tracker import stamp


def test_stamps_are_counted_once_and_duplicates_are_seen() -> None:
    tracker = Tracker(producers=2, per_producer=3)
    sent = 1_000_000_000
    now = sent + 5_000_000  # received 5 ms after sending

    def at(producer: int, seq: int) -> str:
        return f"{producer}:{seq}:{sent}"

    stamps = [at(0, 0), at(0, 1), at(1, 0), at(0, 1), None, "not:a:stamp"]
    tracker.take(0, stamps, now)
    assert (tracker.unique, tracker.duplicates, tracker.foreign) == (3, 1, 2)
    assert tracker.expected == 6 and not tracker.complete
    tracker.take(0, [at(0, 2), at(1, 1), at(1, 2)], now)
    assert tracker.complete
    assert tracker.histogram.get_total_count() == 7
    p50 = tracker.histogram.get_value_at_percentile(50)  # microseconds, 3 significant digits
    assert 4_995 <= p50 <= 5_005
    assert stamp(1, 7).startswith("1:7:")


def test_out_of_order_is_per_consumer_and_producer() -> None:
    tracker = Tracker(producers=2, per_producer=4)
    now = time.perf_counter_ns()
    tracker.take(0, [stamp(0, 0), stamp(0, 2), stamp(0, 1), stamp(1, 3)], now)
    tracker.take(1, [stamp(1, 0), stamp(0, 3)], now)  # another consumer: its own order
    assert tracker.out_of_order == 1


def test_a_stamp_beyond_the_expected_range_is_foreign() -> None:
    tracker = Tracker(producers=1, per_producer=2)
    tracker.take(0, [stamp(0, 5), stamp(3, 0)], time.perf_counter_ns())
    assert (tracker.unique, tracker.foreign) == (0, 2)


def test_json_keys_are_the_contract() -> None:
    result = BenchResult(
        options=BenchOptions(destination="/queue/b", messages=10),
        sent=10,
        received=9,
        expected=10,
        duplicates=1,
        out_of_order=2,
        foreign=0,
        send_seconds=0.5,
        receive_seconds=0.5,
        total_seconds=1.0,
        latency_ms={"p50": 1.0, "p90": 2.0, "p99": 3.0, "p999": 4.0, "max": 5.0},
    )
    data = result_json(result)
    for key in ("sent", "received", "lost", "duplicates", "throughput_msg_s", "latency_ms"):
        assert key in data
    assert (data["sent"], data["received"], data["lost"], data["duplicates"]) == (10, 9, 1, 1)
    assert data["throughput_msg_s"] == 9.0
    assert data["throughput_mb_s"] == 0.001  # 9 msg/s x 100 bytes, 3 decimals
    assert set(data["latency_ms"]) == {"p50", "p90", "p99", "p999", "max"}
    text = result_text(result)
    assert re.search(r"^  lost +1$", text, re.MULTILINE)
    assert "p99.9 4.000" in text


def test_topics_fan_out_and_queues_do_not() -> None:
    assert BenchOptions(destination="/topic/x").fan_out
    assert not BenchOptions(destination="/queue/x").fan_out
    assert BenchOptions().destination.startswith("/queue/stomp-explorer.bench.")
