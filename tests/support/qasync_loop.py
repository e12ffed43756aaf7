"""qasync event loops for tests: running whenever Qt runs them, closed without leftovers.

Two things differ from a bare `qasync.QEventLoop` driven by `run_until_complete`:

- **It counts as running between runs.** A test drives the loop in steps (`run(...)`), and
  in between pytest-qt processes Qt events (after setup, after the call, around teardown).
  qasync keeps asyncio's callbacks as Qt timers, so they run then too, but with no running
  loop: `asyncio.create_task` raises "no running event loop" and the coroutine it was given
  is never awaited. In the app the loop runs all the time, so `QasyncTestLoop` stays the
  thread's running loop from `open_qasync_loop` to `close_qasync_loop`, as there.
- **Its Qt timers die on the GUI thread.** Cancelling an asyncio timer handle does not stop
  qasync's Qt timer, and `loop.close()` only marks qasync's timer object stopped, so a
  closed loop usually still has live Qt timers (the 90 s `wait_for` of every window test,
  for one). Destroyed on another thread, as when Python's cyclic collector frees it from a
  worker thread, that object cannot stop them ("QObject::~QObject: Timers cannot be stopped
  from another thread") and the GUI thread's next event dispatch delivers a timer event to
  freed memory: a segfault in some later test. `close_qasync_loop` destroys it here, and
  tests/support/gc_policy.py keeps the cyclic collector on the main thread.

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


class QasyncTestLoop(qasync.QEventLoop):  # type: ignore[misc]  # qasync has no type hints
    """A qasync loop that stays the running loop after each `run_until_complete`."""

    def run_forever(self) -> object:
        try:
            return super().run_forever()
        finally:
            # qasync clears the running loop here, then processes Qt events once more.
            asyncio.events._set_running_loop(self)


def open_qasync_loop(app: QApplication) -> QasyncTestLoop:
    """A new loop on `app`, installed as the current and running event loop."""
    loop = QasyncTestLoop(app)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    return loop


def close_qasync_loop(loop: QasyncTestLoop) -> None:
    """Finish `loop` as `asyncio.run()` would, close it, and destroy its Qt timers now."""
    if not loop.is_closed():
        _cancel_leftovers(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        _drain_worker_threads(loop)
        loop.close()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
    timers = getattr(loop, "_timer", None)  # qasync's private timer QObject (qasync 0.27, 0.28)
    if isinstance(timers, QObject) and shiboken6.isValid(timers):
        shiboken6.delete(timers)  # ~QObject on this thread stops every timer it still has


def _drain_worker_threads(loop: QasyncTestLoop) -> None:
    """Wait for the default executor's threads (asyncio.to_thread: discovery's HTTP) while
    the loop still runs, so the results they hand back with call_soon_threadsafe arrive now,
    not after close() as a call on deleted timers ("_SimpleTimer already deleted")."""
    executor = getattr(loop, "_QEventLoop__default_executor", None)  # qasync's, private
    if executor is None:
        return
    executor.shutdown(wait=True)
    loop._QEventLoop__default_executor = None
    app = QApplication.instance()
    if app is not None:
        app.processEvents()  # deliver the queued call_soon_threadsafe signals
    loop.run_until_complete(asyncio.sleep(0))


def _cancel_leftovers(loop: QasyncTestLoop) -> None:
    """Cancel the tasks still pending and let them finish, as asyncio.run() does on exit;
    otherwise they are destroyed with the loop and warn in whichever test runs next."""
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
