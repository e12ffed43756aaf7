"""SIGKILL a process at random moments while it saves profiles from a file that holds a bad
one: whatever moment the kill lands, the profiles file still loads, the good profiles are
there, and the bad profile's exact bytes are in the profiles file or the quarantine file
(never in neither)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

from explorer.profiles import ProfileStore

BAD = b'{"name": "bad", "url": "stomp://h", "heart_beat": {"send_ms": ' + b"9" * 5000 + b"}}"
GOOD = b'{"name": "good", "url": "stomp://good"}'
SAVER = textwrap.dedent("""
    import sys
    from explorer.profiles import Profile, ProfileStore
    store = ProfileStore(sys.argv[1])
    print("ready", flush=True)
    for i in range(1000):
        store.add(Profile(f"p{i}", "stomp://h"))
""")


def test_kills_during_saves_lose_nothing(tmp_path: Path, report: list[str]) -> None:
    rng = random.Random(16)
    outcomes: Counter[str] = Counter()
    for round_ in range(25):
        folder = tmp_path / f"round{round_}"
        folder.mkdir()
        path = folder / "profiles.json"
        path.write_bytes(b'{"schema": 2, "profiles": [' + GOOD + b", " + BAD + b"]}")
        env = {**os.environ, "STOMP_EXPLORER_CONFIG_DIR": str(folder / "config")}
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, env=env, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()

        store = ProfileStore(path)
        assert store.broken_file is None, store.load_warnings
        assert "good" in store.names()
        kept = [p.read_bytes() for p in folder.glob("profiles.quarantine*.json")]
        in_main = BAD in path.read_bytes()
        in_quarantine = any(BAD in k for k in kept)
        assert in_main or in_quarantine, "the bad profile was lost"
        outcomes[
            "in both"
            if in_main and in_quarantine
            else "in the quarantine"
            if in_quarantine
            else "still in the profiles file"
        ] += 1
    report.append(f"25 kills while saving: the bad profile was {dict(outcomes)}")
    assert outcomes["in the quarantine"] > 0, "no kill landed after a save; the test proved little"
