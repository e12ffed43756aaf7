"""Stopping the sandbox's background tasks (demo generator, discovery feed)."""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


async def finish_cancelled(task: asyncio.Task[None], what: str) -> None:
    """Wait for a task that was just cancelled. One that had already failed is logged and
    not raised: stopping must go on, because the listeners still have to close."""
    try:
        await task
    except asyncio.CancelledError:
        pass
    except Exception:
        log.exception("%s had failed before the sandbox stopped", what)
