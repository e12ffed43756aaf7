"""Caps by size and by age evict the oldest messages, count them, and keep the summaries
(destination counts, text index) right."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.capture import Capture, CaptureAppender, CaptureCaps, CaptureSettingsError
from tests.unit.capture.conftest import message

MiB = 1 << 20


def destination_counts_in_rows(path: Path) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT destination, count(*), sum(body_size) FROM messages GROUP BY destination"
        ).fetchall()
    return {name: (count, size) for name, count, size in rows}


def test_a_size_cap_evicts_the_oldest_and_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    appender = CaptureAppender(path, caps=CaptureCaps(max_bytes=2 * MiB))
    body = "order shipped " + "x" * 1000
    total = 0
    for batch in range(20):
        items = [
            message(f"{batch:03d}-{i:04d} {body}", [("destination", f"/queue/q{i % 3}")])
            for i in range(500)
        ]
        total += appender.append(items)
        appender.index_some(10_000)
        appender.enforce_caps()
        assert appender.used_bytes() <= 2 * MiB
    appender.close()
    with Capture(path) as capture:
        info = capture.info()
        first, last = capture.bounds() or (0, 0)
        assert last == total == 10_000
        assert info.evicted == first - 1 == total - capture.count() > 0
        assert (info.max_bytes, info.max_age) == (2 * MiB, None)
        summary = {d.destination: (d.messages, d.bytes) for d in capture.destinations()}
        assert summary == destination_counts_in_rows(path)
        # The text index forgot the evicted bodies and still finds the kept ones.
        assert capture.count('"000-0001 order"') == 0
        assert list(capture.search('"019-0499 order"')) == [last]
        assert capture.count("shipped") == capture.count()


def test_an_age_cap_evicts_what_is_older(tmp_path: Path) -> None:
    now = [1000.0]
    path = tmp_path / "c.stompcap"
    appender = CaptureAppender(path, caps=CaptureCaps(max_age=60), clock=lambda: now[0])
    appender.append([message(str(t), received=float(t)) for t in range(900, 1000)])
    now[0] = 1030.0
    assert appender.enforce_caps() == 70  # received before 970
    assert appender.evicted == 70
    assert appender.enforce_caps() == 0
    appender.close()
    with Capture(path) as capture:
        assert [record.body for record in capture.page(limit=2)] == [b"970", b"971"]
        assert capture.time_range() == (970.0, 999.0)
        assert capture.info().evicted == 70


def test_caps_that_cannot_work_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CaptureSettingsError, match="at least 1048576 bytes"):
        CaptureAppender(tmp_path / "a.stompcap", caps=CaptureCaps(max_bytes=1000))
    with pytest.raises(CaptureSettingsError, match="positive number of seconds"):
        CaptureAppender(tmp_path / "b.stompcap", caps=CaptureCaps(max_age=0))
