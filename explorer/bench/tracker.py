"""What consumers saw: unique, duplicate and out-of-order messages, and the send -> receive
latency in an HdrHistogram (microseconds, 3 significant digits, up to an hour).

Every message carries one stamp header, `bench: <producer>:<seq>:<sent perf_counter_ns>`,
so a consumer reads one header and splits it: cheap enough not to be the bottleneck.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from hdrh.histogram import HdrHistogram

STAMP_HEADER = "bench"
_HIGHEST_US = 3_600_000_000  # one hour


def stamp(producer: int, seq: int) -> str:
    return f"{producer}:{seq}:{time.perf_counter_ns()}"


def new_histogram() -> HdrHistogram:
    return HdrHistogram(1, _HIGHEST_US, 3)


@dataclass
class Tracker:
    """Counts for one audience: a queue's consumers share one tracker (each message should
    arrive once among them); on a topic every consumer has its own (each gets them all)."""

    producers: int
    per_producer: int
    seen: list[bytearray] = field(init=False)
    unique: int = 0
    duplicates: int = 0
    out_of_order: int = 0
    foreign: int = 0  # messages without our stamp (someone else's traffic)
    _latencies: dict[int, int] = field(default_factory=dict)  # microseconds -> count
    _last: dict[int, list[int]] = field(default_factory=dict)  # consumer -> seq per producer

    def __post_init__(self) -> None:
        self.seen = [bytearray(self.per_producer) for _ in range(self.producers)]

    @property
    def expected(self) -> int:
        return self.producers * self.per_producer

    @property
    def complete(self) -> bool:
        return self.unique >= self.expected

    def take(self, consumer: int, stamps: list[str | None], now_ns: int) -> None:
        """One batch of stamps received by `consumer` at `now_ns` (locals in the loop: this
        runs once per message at tens of thousands of messages per second)."""
        latencies = self._latencies
        seen_by = self.seen
        last = self._last.setdefault(consumer, [-1] * self.producers)
        unique = duplicates = out_of_order = foreign = 0
        for value in stamps:
            try:
                producer_text, seq_text, sent_text = value.split(":")  # type: ignore[union-attr]
                producer, seq = int(producer_text), int(seq_text)
                seen = seen_by[producer]
                flag = seen[seq]
            except (AttributeError, ValueError, IndexError):  # None or not our stamp
                foreign += 1
                continue
            if flag:
                duplicates += 1
            else:
                seen[seq] = 1
                unique += 1
            if seq < last[producer]:
                out_of_order += 1
            else:
                last[producer] = seq
            latency_us = (now_ns - int(sent_text)) // 1000
            if latency_us < 1:
                latency_us = 1
            latencies[latency_us] = latencies.get(latency_us, 0) + 1
        self.unique += unique
        self.duplicates += duplicates
        self.out_of_order += out_of_order
        self.foreign += foreign

    @property
    def histogram(self) -> HdrHistogram:
        """The latencies so far as an HdrHistogram. Counting exact microseconds in a dict
        while receiving costs a tenth of recording each value into the histogram."""
        histogram = new_histogram()
        for value, count in self._latencies.items():
            histogram.record_value(value, count)
        return histogram
