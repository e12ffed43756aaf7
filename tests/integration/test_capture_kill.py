"""`kill -9` while recording: the capture opens afterwards and holds everything recorded
more than a second before the kill (the writer commits at least every 0.25 s)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from explorer.capture import Capture, CaptureWriter

RECORDER = """
import sys, time
from explorer.capture import CaptureWriter

writer = CaptureWriter(sys.argv[1], connection="doomed")
n = 0
while True:
    now = time.time()
    for _ in range(50):
        writer.record("in", "MESSAGE", [("destination", "/queue/k"), ("n", str(n))],
                      str(n).encode(), received=now)
        n += 1
    print(n, repr(now), flush=True)  # n messages recorded, the last ones at `now`
    time.sleep(0.005)
"""


def test_kill_9_loses_at_most_the_last_second(tmp_path: Path) -> None:
    path = tmp_path / "killed.stompcap"
    child = subprocess.Popen(
        [sys.executable, "-c", RECORDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    progress: list[tuple[int, float]] = []
    try:
        started = time.time()
        while time.time() - started < 3.0:
            line = child.stdout.readline()
            assert line, "the recorder died on its own"
            count, when = line.split()
            progress.append((int(count), float(when)))
    finally:
        killed_at = time.time()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    progress.extend(
        (int(count), float(when)) for count, when in (line.split() for line in child.stdout)
    )
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    must_have = max(count for count, when in progress if when <= killed_at - 1.0)
    recorded = progress[-1][0]
    assert (tmp_path / "killed.stompcap-wal").exists()  # it really died mid-recording

    with Capture(path) as capture:
        kept = capture.count()
        numbers = [int(record.header("n") or -1) for record in capture.iter_records()]
    print(f"\nrecorded {recorded}, kept {kept}, needed {must_have}")
    assert must_have <= kept <= recorded
    assert numbers == list(range(kept))  # a prefix, no holes

    with CaptureWriter(path, connection="again") as writer:  # and recording can go on
        writer.record("in", "MESSAGE", [("n", "after")], b"after")
    with Capture(path) as capture:
        assert capture.count() == kept + 1
        last = capture.get(kept + 1)
        assert last is not None and last.connection == "again"
