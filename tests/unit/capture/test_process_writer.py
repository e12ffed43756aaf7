"""Recording from a child process (what the window does): everything arrives, errors come
back as the same types, and a caller killed with -9 loses nothing it had shipped."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.capture import (
    Capture,
    CaptureCaps,
    CaptureLocked,
    CaptureTooNew,
    CaptureWriteFailed,
    CaptureWriter,
)
from explorer.capture.process_writer import ProcessCaptureWriter, _fields, _rebuild
from explorer.stomp import Frame
from tests.support.capture_disks import small_disk

REPO = Path(__file__).resolve().parents[3]


def wait_for(condition: Callable[[], object], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_every_message_reaches_the_file_in_order(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    writer = ProcessCaptureWriter(path, connection="prod", caps=CaptureCaps(max_age=86400))
    writer.record_frame(Frame("CONNECT", (("login", "qa"), ("passcode", "hunter2"))), "out")
    for n in range(20_000):
        assert writer.record("in", "MESSAGE", [("destination", f"/queue/a{n % 3}")], b"%d" % n)
    wait_for(lambda: writer.stats().written == 20_001)  # written while still recording
    writer.record("in", "MESSAGE", [("destination", "/queue/late")], b"late")
    stats = writer.close()
    assert (stats.queued, stats.written, stats.dropped, stats.lost) == (20_002, 20_002, 0, 0)
    assert stats.error is None and not writer.recording
    assert not writer.record("in", "MESSAGE", [], b"after")  # closed: dropped, counted
    assert writer.stats().dropped == 1
    with Capture(path) as capture:
        records = list(capture.iter_records())
        assert records[0].headers == (("login", "qa"), ("passcode", "***"))
        assert [int(r.body) for r in records[1:-1]] == list(range(20_000))
        assert records[-1].destination == "/queue/late"
        assert {r.connection for r in records} == {"prod"}
        assert capture.info().max_age == 86400
    assert b"hunter2" not in path.read_bytes()


def test_a_file_another_recording_holds_stops_with_capture_locked(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    with CaptureWriter(path):
        writer = ProcessCaptureWriter(path)
        writer.record("in", "MESSAGE", [], b"x")
        wait_for(lambda: writer.stats().error is not None)
        stats = writer.close()
    assert isinstance(stats.error, CaptureLocked)
    assert stats.error.path == path and "in use by another program" in stats.error.message
    assert (stats.written, stats.lost) == (0, 1)
    assert not writer.record("in", "MESSAGE", [], b"y")


def test_a_full_disk_stops_and_keeps_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    writer = ProcessCaptureWriter(path, connect=small_disk, text_index=False)
    body = b"x" * 2000
    writer.record("in", "MESSAGE", [("n", "0")], body)
    wait_for(lambda: writer.stats().written == 1)  # the child is up: batches stay small
    n = 1
    while writer.stats().error is None:
        for _ in range(10):
            writer.record("in", "MESSAGE", [("n", str(n))], body)
            n += 1
        time.sleep(0.02)
        assert n < 100_000, "the small disk never filled"
    stats = writer.close()
    assert isinstance(stats.error, CaptureWriteFailed) and stats.error.disk_full
    assert stats.written > 0 and stats.lost > 0
    assert stats.error.lost == stats.lost  # the sentence counts everything not saved
    with Capture(path) as capture:
        assert capture.count() == stats.written
        assert [int(r.header("n") or -1) for r in capture.iter_records()] == list(
            range(stats.written)
        )


def test_errors_cross_the_pipe_as_the_same_types(tmp_path: Path) -> None:
    for error in (
        CaptureTooNew(tmp_path / "a", 9, 1),
        CaptureWriteFailed(tmp_path / "b", "disk I/O error", disk_full=True, lost=4),
    ):
        again = _rebuild(_fields(error))
        assert type(again) is type(error)
        assert vars(again) == vars(error) and str(again) == str(error)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_caller_killed_with_sigkill_loses_nothing_it_had_shipped(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        sys.path.insert(0, {str(REPO)!r})
        from explorer.capture.process_writer import ProcessCaptureWriter
        if __name__ == "__main__":
            writer = ProcessCaptureWriter({str(path)!r})
            for n in range(5000):
                writer.record("in", "MESSAGE", [("destination", "/queue/a")], b"%d" % n)
            time.sleep(1.0)  # shipped within one flush interval (0.25 s)
            print(writer.stats().queued, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.strip() == "5000"
    # The recording process saw the pipe close, wrote what it had and closed the file.
    wait_for(lambda: _count(path) == 5000)
    assert _count(path) == 5000
    with Capture(path) as capture:
        assert [int(r.body) for r in capture.iter_records()] == list(range(5000))


def _count(path: Path) -> int:
    try:
        with Capture(path) as capture:
            return capture.count()
    except Exception:
        return -1
