"""Recording: everything queued reaches the file, in batches, without blocking the caller."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from explorer.capture import Capture, CaptureError, CaptureWriteFailed, CaptureWriter
from explorer.capture.appender import connect_for_writing
from explorer.stomp import Frame


def test_every_recorded_message_is_in_the_file_in_order(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    with CaptureWriter(path, connection="prod") as writer:
        for i in range(5000):
            assert writer.record("in", "MESSAGE", [("destination", "/queue/a")], str(i).encode())
    stats = writer.stats()
    assert (stats.queued, stats.written, stats.dropped, stats.lost) == (5000, 5000, 0, 0)
    with Capture(path) as capture:
        assert capture.count() == 5000
        bodies = [int(record.body) for record in capture.iter_records()]
        assert bodies == list(range(5000))
        assert {record.connection for record in capture.page()} == {"prod"}


def test_batches_are_transactions_not_one_per_message(tmp_path: Path) -> None:
    commits: list[str] = []

    def connect(path: Path) -> sqlite3.Connection:
        conn = connect_for_writing(path)
        conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
        return conn

    writer = CaptureWriter(tmp_path / "c.stompcap", connect=connect, text_index=False)
    for i in range(10_000):
        writer.record("in", "MESSAGE", [], str(i).encode())
    writer.close()
    assert writer.stats().written == 10_000
    assert 1 <= len(commits) <= 10  # creation + a few batches (at most 20,000 per batch)


def test_flush_waits_until_written_and_the_file_is_readable_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    writer = CaptureWriter(path)
    try:
        writer.record("out", "SEND", [("destination", "/queue/a")], b"first")
        assert writer.flush(timeout=30)
        with Capture(path) as capture:  # a reader while the recording goes on
            assert [record.body for record in capture.page()] == [b"first"]
            writer.record("out", "SEND", [("destination", "/queue/a")], b"second")
            assert writer.flush(timeout=30)
            assert capture.count() == 2
    finally:
        writer.close()


def test_a_full_queue_drops_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    writer = CaptureWriter(path, queue_limit=10, flush_interval=1.0)
    accepted = [writer.record("in", "MESSAGE", [], b"x") for _ in range(1000)]
    stats = writer.close()
    assert accepted.count(True) == stats.queued == stats.written
    assert stats.dropped == accepted.count(False) > 0
    assert stats.queued + stats.dropped == 1000
    with Capture(path) as capture:
        assert capture.count() == stats.written
        assert capture.info().dropped == stats.dropped  # the file keeps the count too


def test_frames_and_the_wire_tap_record_both_directions_without_the_passcode(
    tmp_path: Path,
) -> None:
    from explorer.client import WireRecord
    from explorer.stomp import Direction

    path = tmp_path / "c.stompcap"
    with CaptureWriter(path, connection="lab") as writer:
        tap = writer.wire_tap()
        connect = Frame("CONNECT", (("login", "qa"), ("passcode", "hunter2")))
        tap(WireRecord(1.0, Direction.OUT, b"", connect))
        tap(WireRecord(1.1, Direction.IN, b"\n", None))  # a heart-beat: not a frame
        message = Frame(
            "MESSAGE",
            (("subscription", "7"), ("destination", "/topic/a"), ("timestamp", "1700000000000")),
            b"\x00\xff",
        )
        tap(WireRecord(1.2, Direction.IN, b"", message))
        writer.record_frame(Frame("SUBSCRIBE", (("id", "7"), ("destination", "/topic/a"))), "out")
    with Capture(path) as capture:
        connect_row, message_row, subscribe_row = capture.page()
    assert connect_row.headers == (("login", "qa"), ("passcode", "***"))
    assert (connect_row.direction, message_row.direction) == ("out", "in")
    assert message_row.body == b"\x00\xff"
    assert (message_row.subscription, message_row.broker_time) == ("7", 1700000000000)
    assert (subscribe_row.subscription, subscribe_row.destination) == ("7", "/topic/a")
    assert b"hunter2" not in path.read_bytes()


def test_a_full_disk_stops_the_recording_and_keeps_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"

    def small_disk(target: Path) -> sqlite3.Connection:
        conn = connect_for_writing(target)
        conn.execute("PRAGMA max_page_count = 60")  # SQLite's own "disk is full" (SQLITE_FULL)
        return conn

    failures: list[CaptureError] = []
    writer = CaptureWriter(path, connect=small_disk, on_error=failures.append, text_index=False)
    body = b"x" * 2000
    written_before = 0
    for i in range(2000):
        writer.record("in", "MESSAGE", [("n", str(i))], body)
        if i % 20 == 19:
            writer.flush(timeout=30)
            if not writer.recording:
                break
            written_before = writer.stats().written
    stats = writer.close()
    assert not writer.recording
    assert isinstance(stats.error, CaptureWriteFailed)
    assert stats.error.disk_full
    assert failures == [stats.error]
    assert "disk is full" in stats.error.message
    assert stats.written == written_before > 0
    assert stats.lost > 0
    assert not writer.record("in", "MESSAGE", [], b"after")  # stopped: dropped, counted
    with Capture(path) as capture:
        assert capture.count() == stats.written
        assert [int(record.header("n") or -1) for record in capture.iter_records()] == list(
            range(stats.written)
        )


@pytest.mark.asyncio
async def test_async_open_record_and_close_never_wait_on_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    writer = await CaptureWriter.open(path, connection="async")
    for i in range(1000):
        writer.record("in", "MESSAGE", [], str(i).encode())
        if i % 100 == 0:
            await asyncio.sleep(0)
    stats = await writer.aclose()
    assert stats.written == 1000


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="flush_interval"):
        CaptureWriter(tmp_path / "a.stompcap", flush_interval=2.0)
    with CaptureWriter(tmp_path / "b.stompcap") as writer, pytest.raises(ValueError):
        writer.record("sideways", "SEND")


def test_an_idle_writer_builds_the_text_index_behind_the_recording(tmp_path: Path) -> None:
    import time

    path = tmp_path / "c.stompcap"
    with CaptureWriter(path) as writer:
        for i in range(5000):
            writer.record("in", "MESSAGE", [], f"order {i} shipped".encode())
        assert writer.flush(timeout=30)
        with Capture(path) as capture:
            deadline = time.monotonic() + 60
            while capture.info().text_indexed_upto < 5000 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert capture.info().text_indexed_upto == 5000
            assert list(capture.search('"order 4321 "')) == [4322]
