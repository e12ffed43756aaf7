"""qasync event loops for tests, closed so that none of their Qt objects outlive them.

A `qasync.QEventLoop` keeps asyncio's timers as Qt timers of one QObject (its `_timer`).
Cancelling an asyncio timer handle does not stop the Qt timer, and `loop.close()` only marks
that QObject stopped, so a closed loop usually still has live Qt timers (the 90 s `wait_for`
of every window test, for one). If the QObject is then destroyed on another thread, which is
what happens when Python's cyclic garbage collector frees it from a worker thread, Qt cannot
stop those timers ("QObject::~QObject: Timers cannot be stopped from another thread") and the
GUI thread's next event dispatch delivers a timer event to freed memory: a segfault in a later
test. `close_qasync_loop` therefore destroys the loop's timer object here, on the GUI thread,
and tests/conftest.py keeps the cyclic collector on the main thread (tests/support/gc_policy.py).

    loop = open_qasync_loop(qapp)
    try:
        loop.run_until_complete(...)
    finally:
        close_qasync_loop(loop)
"""

from __future__ import annotations

import asyncio

import qasync
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


def open_qasync_loop(app: QApplication) -> qasync.QEventLoop:
    """A new qasync loop on `app`, installed as the current event loop."""
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def close_qasync_loop(loop: qasync.QEventLoop) -> None:
    """Finish `loop` as `asyncio.run()` would, close it, and destroy its Qt timers now."""
    if not loop.is_closed():
        _cancel_leftovers(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    asyncio.set_event_loop(None)
    timers = getattr(loop, "_timer", None)  # qasync's private timer QObject (qasync 0.27, 0.28)
    if isinstance(timers, QObject) and shiboken6.isValid(timers):
        shiboken6.delete(timers)  # ~QObject on this thread stops every timer it still has


def _cancel_leftovers(loop: qasync.QEventLoop) -> None:
    """Cancel the tasks still pending and let them finish, as asyncio.run() does on exit;
    otherwise they are destroyed with the loop and warn in whichever test runs next."""
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
