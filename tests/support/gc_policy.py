"""The suite's garbage-collection policy: cyclic garbage is collected on the main thread only.

Python's cyclic collector runs in whichever thread's allocation happens to cross its
threshold. Tests run worker threads (the sandbox thread, stomp.py's receiver,
`asyncio.to_thread`, qasync's executor), and Qt objects of earlier tests (windows, models, a
closed qasync loop's timers) sit in reference cycles. Freed from a worker thread, a QObject's
destructor cannot stop its timers ("QObject::~QObject: Timers cannot be stopped from another
thread"), and the GUI thread's next event dispatch touches freed memory: the segfault that
once made scripts/test split the suite into three pytest processes.

So automatic collection is off for the session and the collector runs on the main thread, at
the end of each test's teardown (what it leaves behind is reported against it, as pytest
collects unraisable exceptions right after) and, for a test that used Qt, once more after
pytest has dropped its fixture values (its windows and loops). A Qt-free test collects only
when CPython's own thresholds say a collection is due.
"""

from __future__ import annotations

import gc

import pytest

QT_FIXTURES = frozenset({"qapp", "qtbot", "qtmodeltester", "loop", "qloop"})


def start() -> None:
    """Switch off automatic collection (the allocation counts keep counting)."""
    gc.disable()


def after_teardown(item: pytest.Item) -> None:
    """Collect the garbage the test made, before pytest reports unraisable exceptions."""
    if used_qt(item):
        gc.collect()
    else:
        collect_if_due()


def after_test(item: pytest.Item) -> None:
    """Collect what the test's fixture values held, now that pytest has let go of them."""
    if used_qt(item):
        gc.collect()


def collect_if_due() -> None:
    """What CPython's automatic collector would do at this point, on this thread."""
    threshold, count = gc.get_threshold(), gc.get_count()
    if count[0] < threshold[0]:
        return
    generation = 0
    while generation < 2 and count[generation + 1] >= threshold[generation + 1]:
        generation += 1
    gc.collect(generation)


def used_qt(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("gui") is not None or bool(fixtures & QT_FIXTURES)
