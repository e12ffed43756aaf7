"""One way to run a coroutine from a Qt slot: keep the task, report its failure, end it.

qasync runs asyncio on Qt's thread, so a slot may start a coroutine; but a task nobody holds
can be garbage-collected mid-flight, an exception nobody awaits is lost (or lands in qasync's
excepthook as a traceback), and a task still pending when the loop closes warns. Every widget
that starts network actions owns one `TaskRunner`: failures go to one place (a banner, the
status bar, or a callback given for that one call) and `shutdown()` cancels what is left.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from explorer.client import ClientError
from explorer.templates import TemplateError
from explorer.ui.composer_check import template_field_text
from explorer.ui.messages import describe_client_error
from explorer.ui.template_text import template_reason

T = TypeVar("T")

log = logging.getLogger(__name__)


def describe_failure(error: BaseException) -> str:
    """The sentence shown for a failed action: the client's errors in the window's words,
    anything else as an unexpected error (its traceback goes to the log)."""
    if isinstance(error, ClientError):
        return describe_client_error(error)
    if isinstance(error, TemplateError):  # explorer.templates, e.g. a composer burst
        return QCoreApplication.translate(
            "TaskRunner",
            "The template in {field} has a mistake at line {line}, column {column}: {reason}",
        ).format(
            field=template_field_text(error.field) if error.field else "?",
            line=error.line or "?",
            column=error.column or "?",
            reason=template_reason(error.problem, error.details, error.reason),
        )
    return QCoreApplication.translate("TaskRunner", "Unexpected error: {error}").format(error=error)


class TaskRunner:
    """Runs coroutines for one owner and reports each failure once, through `report`."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def pending(self) -> int:
        """How many started coroutines have not finished yet."""
        return sum(1 for task in self._tasks if not task.done())

    def run(
        self,
        coro: Awaitable[T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[None]:
        """Start `coro`; its result goes to `done`, an error to `failed` (default: the
        runner's report, worded by `describe_failure`). Cancellation is not a failure."""

        async def guarded() -> None:
            try:
                result = await coro
                if done is not None:
                    done(result)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # shown to the user, never lost in an excepthook
                if failed is not None:
                    failed(error)
                    return
                if not isinstance(error, ClientError | TemplateError):  # a bug: keep its traceback
                    log.error("unexpected error in a window action", exc_info=error)
                self._report(describe_failure(error))

        task = asyncio.ensure_future(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _task: _close_unstarted(coro))
        return task

    async def shutdown(self) -> None:
        """Cancel every pending coroutine (except the caller's own) and wait for them."""
        current = asyncio.current_task()
        pending = [task for task in self._tasks if not task.done() and task is not current]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


def _close_unstarted(coro: Awaitable[object]) -> None:
    """A task cancelled before its first step never awaited `coro`: close it, so it is not
    reported as "never awaited" when it is collected."""
    if inspect.iscoroutine(coro) and inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
        coro.close()
