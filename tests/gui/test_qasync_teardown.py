"""A closed qasync loop freed on a worker thread crashes Qt; closed our way, it does not.

This is the crash that once split the suite into three pytest processes (see
tests/support/qasync_loop.py and tests/support/gc_policy.py). Each case runs in a child
process, since the unfixed case ends in a segfault.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from tests.support.gc_policy import after_test

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]

SCENARIO = """
import asyncio, gc, sys, threading, time
from PySide6.QtWidgets import QApplication
from tests.support.qasync_loop import close_qasync_loop, open_qasync_loop

app = QApplication([])
gc.disable()  # the collection below happens where the scenario says, nowhere else


def one_loop() -> None:
    loop = open_qasync_loop(app)

    async def body() -> None:
        await asyncio.wait_for(asyncio.sleep(0.01), 0.3)  # leaves a pending 0.3 s Qt timer

    loop.run_until_complete(body())
    if sys.argv[1] == "ours":
        close_qasync_loop(loop)
    else:
        loop.close()
        asyncio.set_event_loop(None)


for _ in range(3):
    one_loop()  # each loop is left in a reference cycle: only the cyclic collector frees it
worker = threading.Thread(target=gc.collect)  # as when a worker thread crosses the threshold
worker.start()
worker.join()
deadline = time.monotonic() + 1.0  # the pending timers are due within this second
while time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("survived")
"""


def run_scenario(closing: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", SCENARIO, closing],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_loop_closed_with_close_qasync_loop_survives_a_worker_thread_collection() -> None:
    result = run_scenario("ours")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "survived"
    assert "Timers cannot be stopped" not in result.stderr


def test_a_loop_only_closed_crashes_when_a_worker_thread_frees_it() -> None:
    """The hazard itself, kept as evidence: when qasync stops leaving live Qt timers behind
    a closed loop, this fails and close_qasync_loop's extra step can go."""
    result = run_scenario("plain")
    assert "Timers cannot be stopped from another thread" in result.stderr
    assert result.returncode != 0, result.stdout


class Node:
    """A cyclic object that can be weakly referenced."""

    def __init__(self) -> None:
        self.me = self


def test_the_suite_collects_garbage_on_the_main_thread_only(request: pytest.FixtureRequest) -> None:
    assert not gc.isenabled(), "tests/conftest.py switches automatic collection off"
    cycle = Node()
    alive = weakref.ref(cycle)
    del cycle
    assert alive() is not None, "nothing collects it behind the test's back"
    after_test(request.node)  # what tests/conftest.py runs after each test
    assert alive() is None
