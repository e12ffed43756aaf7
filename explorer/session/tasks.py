"""Background tasks of a session: helpers that end with it, and ending a task politely."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any


class Helpers:
    """Short-lived tasks (restoring subscriptions, SEND refusal checks) that a shutdown
    cancels and awaits, so none is left pending when the loop closes."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def cancel_all(self) -> None:
        pending = [t for t in self._tasks if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


async def finish(task: asyncio.Task[None] | None, timeout: float) -> None:
    """Let a task end within `timeout` seconds, else cancel it; never raises."""
    if task is None or task.done():
        return
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout)
    except TimeoutError:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    except Exception:  # the task's own failure was reported where it happened
        return
