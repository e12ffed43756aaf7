"""The suite's garbage-collection policy: cyclic garbage is collected on the main thread only.

Python's cyclic collector runs in whichever thread's allocation happens to cross its
threshold. Tests run worker threads (the sandbox thread, stomp.py's receiver,
`asyncio.to_thread`, qasync's executor), and Qt objects of earlier tests (windows, models, a
closed qasync loop's timers) sit in reference cycles. Freed from a worker thread, a QObject's
destructor cannot stop its timers ("QObject::~QObject: Timers cannot be stopped from another
thread"), and the GUI thread's next event dispatch touches freed memory: the segfault that
once made scripts/test split the suite into three pytest processes.

So automatic collection is off for the session, and the collector runs on the main thread
between tests. With automatic collection off, everything a test allocates stays young, so
collecting the young generations is enough to free what the test left behind, and cheap:

- after a test that used Qt, at the end of its teardown (what it leaves is reported against
  it: pytest looks for unraisable exceptions right after), and again once pytest has dropped
  its fixture values (the windows and loops they held);
- after any other test, once CPython's own gen-0 threshold says a collection is due;
- a full collection every `FULL_EVERY` tests keeps the old generation from growing for ever
  (a full collection costs up to a second in this suite, so not after every test).
"""

from __future__ import annotations

import gc

import pytest

QT_FIXTURES = frozenset({"qapp", "qtbot", "qtmodeltester", "loop", "qloop"})
FULL_EVERY = 100

_tests_since_full = 0


def start() -> None:
    """Switch off automatic collection (the allocation counts keep counting)."""
    gc.disable()


def after_teardown(item: pytest.Item) -> None:
    """Free the test's own young garbage, before pytest reports unraisable exceptions.
    Generation 0 only: survivors (still held by fixture values) stay young for `after_test`."""
    if used_qt(item):
        gc.collect(0)


def after_test(item: pytest.Item) -> None:
    """Free what the test's fixture values held, now that pytest has let go of them."""
    global _tests_since_full
    _tests_since_full += 1
    if _tests_since_full >= FULL_EVERY:
        _tests_since_full = 0
        gc.collect()
    elif used_qt(item) or gc.get_count()[0] >= gc.get_threshold()[0]:
        gc.collect(1)


def used_qt(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("gui") is not None or bool(fixtures & QT_FIXTURES)
