"""The client's ending side: tearing a connection down, DISCONNECT with its receipt, close.

Kept apart from connecting, reading and reconnecting in client.py (as the sending side is
in commands.py) so that each module reads in one sitting. `Client` provides the state.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

from explorer.client.errors import ClientError, ConnectionLostError
from explorer.client.events import Disconnected, Event, State
from explorer.client.inbox import Inbox
from explorer.client.link import Link
from explorer.stomp import Command, Frame

__all__ = ["Closing"]


class Closing:
    """The ending half of `Client` (see `explorer.client` for the API)."""

    _state: State
    _link: Link | None
    _inbox: Inbox
    _io_task: asyncio.Task[None] | None
    _heartbeat_task: asyncio.Task[None] | None
    _receipt_ids: Iterator[int]

    async def _teardown(self, reason: ClientError | None) -> None:
        """Stop the heart-beat task, close the transport, fail pending receipts."""
        hb = self._heartbeat_task
        self._heartbeat_task = None
        if hb is not None and hb is not asyncio.current_task():
            hb.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await hb
        link = self._link
        self._link = None
        if link is not None:
            await link.transport.close()
        error = reason or ConnectionLostError("the connection was closed")
        self._inbox.fail_receipts(error, forget=True)

    def _finish(self, event: Event, error: ClientError | None) -> None:
        """Terminal: emit the last event, end every stream and subscription."""
        self._state = State.CLOSED
        self._inbox.finish(event, error)

    async def disconnect(self, timeout: float = 3.0) -> None:
        """DISCONNECT with a receipt, wait up to `timeout` for it, then close the transport."""
        state = self._state
        if state in (State.CLOSED, State.DISCONNECTING):
            return
        if state is State.IDLE:
            self._finish(Disconnected(False), None)
            return
        received = False
        self._state = State.DISCONNECTING
        link = self._link
        if state is State.CONNECTED and link is not None:
            receipt_id = f"disconnect-{next(self._receipt_ids)}"
            future = self._inbox.track_receipt(receipt_id)
            try:
                async with asyncio.timeout(timeout):
                    await link.write(Frame(Command.DISCONNECT, (("receipt", receipt_id),)))
                    await future
                received = True
            except (ClientError, TimeoutError):
                pass
        await self._stop_io()
        await self._teardown(None)
        self._finish(Disconnected(received), None)

    async def close(self) -> None:
        """Drop the connection without DISCONNECT (and stop any reconnecting)."""
        if self._state in (State.CLOSED, State.DISCONNECTING):
            return
        self._state = State.DISCONNECTING
        await self._stop_io()
        await self._teardown(None)
        self._finish(Disconnected(False), None)

    async def _stop_io(self) -> None:
        task = self._io_task
        self._io_task = None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
