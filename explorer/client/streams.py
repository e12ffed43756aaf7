"""Async-iterable buffers: the per-subscription message stream and the ordered event stream.

Both are a deque plus one waiter future. The reader pushes a whole parsed chunk and wakes the
consumer once; the consumer then takes items without suspending until the deque is empty, so
a burst of messages costs no task switch per message.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from explorer.client.errors import ClientError, ReceiveTimeout
from explorer.client.events import Event, Message

__all__ = ["EventStream", "ItemBuffer", "Subscription"]

T = TypeVar("T")


class ItemBuffer(Generic[T]):
    """An unbounded FIFO that can be finished (normally, or with an error to raise)."""

    def __init__(self) -> None:
        self._items: deque[T] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._finished = False
        self._error: ClientError | None = None

    @property
    def finished(self) -> bool:
        return self._finished

    def __len__(self) -> int:
        return len(self._items)

    def push(self, item: T) -> None:
        if self._finished:
            return
        self._items.append(item)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def finish(self, error: ClientError | None = None) -> None:
        """No more items: iteration ends (or raises `error`) once the buffer is drained."""
        if self._finished:
            return
        self._finished = True
        self._error = error
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def _wait(self) -> None:
        waiter = asyncio.get_running_loop().create_future()
        self._waiter = waiter
        try:
            await waiter
        finally:
            self._waiter = None

    async def get(self, timeout: float | None = None) -> T:
        """The next item; StopAsyncIteration when finished, ReceiveTimeout after `timeout`."""
        while not self._items:
            if self._finished:
                if self._error is not None:
                    raise self._error
                raise StopAsyncIteration
            if timeout is None:
                await self._wait()
            else:
                try:
                    async with asyncio.timeout(timeout):
                        await self._wait()
                except TimeoutError:
                    raise ReceiveTimeout(f"nothing arrived within {timeout:g} s") from None
        return self._items.popleft()

    def take_all(self) -> list[T]:
        """Everything queued right now, without waiting (possibly nothing)."""
        items = list(self._items)
        self._items.clear()
        return items

    async def get_batch(self, timeout: float | None = None) -> list[T]:
        """Everything queued (at least one item), for consumers that work in batches."""
        first = await self.get(timeout)
        batch = [first]
        batch.extend(self._items)
        self._items.clear()
        return batch


class Subscription(ItemBuffer[Message]):
    """One SUBSCRIBE: `async for message in sub`, `await sub.get(timeout)`, `sub.unsubscribe()`.

    Iteration ends after unsubscribe() or disconnect(), and raises ConnectionLostError when the
    connection is lost for good. Across automatic reconnects it simply continues.
    """

    def __init__(
        self,
        id: str,
        destination: str,
        ack: str,
        headers: tuple[tuple[str, str], ...],
        unsubscribe: Callable[[Subscription, bool], Awaitable[None]],
        queue_messages: bool = True,
    ) -> None:
        super().__init__()
        self.id = id
        self.destination = destination
        self.ack = ack
        self.headers = headers  # the SUBSCRIBE headers as sent (replayed on reconnect)
        self.queue_messages = queue_messages
        self._unsubscribe = unsubscribe

    def __repr__(self) -> str:
        return f"<Subscription {self.id} {self.destination} ack={self.ack}>"

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> Message:
        items = self._items
        if items:  # the common case in a burst: no extra coroutine
            return items.popleft()
        return await self.get()

    async def unsubscribe(self, receipt: bool = False) -> None:
        """Send UNSUBSCRIBE and end iteration (messages already queued are still yielded)."""
        await self._unsubscribe(self, receipt)


class EventStream(ItemBuffer[Event]):
    """Every client event from the moment the stream was created, in order."""

    def __init__(self, on_close: Callable[[EventStream], None]) -> None:
        super().__init__()
        self._on_close = on_close

    def __aiter__(self) -> EventStream:
        return self

    async def __anext__(self) -> Event:
        items = self._items
        if items:
            return items.popleft()
        return await self.get()

    def close(self) -> None:
        """Stop receiving events; iteration ends after what is already queued."""
        self._on_close(self)
        self.finish()
