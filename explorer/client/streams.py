"""Async-iterable buffers: the per-subscription message stream and the ordered event stream.

Both are a deque plus one waiter future. The reader pushes a whole parsed chunk and wakes the
consumer once; the consumer then takes items without suspending until the deque is empty, so
a burst of messages costs no task switch per message.

Both are bounded (`max_queued`), with one of two policies (`Overflow`):

- `BLOCK` (the default): a buffer that reaches its bound shuts the client's `Valve`, and the
  reader stops reading the socket until every such buffer is back at half its bound. TCP
  then pushes back on the broker, whose own flow control takes over; nothing is lost. The
  bound is soft by one read: the reader finishes dispatching the chunk it has (at most
  256 KiB of frames) before it pauses.
- `DROP_OLDEST`: for a view that prefers fresh data, the oldest queued message is dropped to
  make room and counted in `dropped`. An event stream drops only `MessageReceived` events;
  state events (Connected, ConnectionLost, ERRORs, receipts...) are always kept.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from enum import Enum, StrEnum
from typing import Any, Final, Generic, TypeVar

from explorer.client.errors import ClientError, ReceiveTimeout
from explorer.client.events import Event, Message, MessageReceived

__all__ = [
    "DEFAULT",
    "DEFAULT_MAX_QUEUED",
    "Default",
    "EventStream",
    "ItemBuffer",
    "Overflow",
    "Subscription",
    "Valve",
]

T = TypeVar("T")

DEFAULT_MAX_QUEUED: Final = 10_000
"""Items a subscription or an event stream holds before its overflow policy applies."""


class Default(Enum):
    """`max_queued=DEFAULT`: take the client's `max_queued` (None means unbounded)."""

    CLIENT = "the client's max_queued"


DEFAULT: Final = Default.CLIENT


class Overflow(StrEnum):
    """What a full buffer does; see the module docstring."""

    BLOCK = "block"
    DROP_OLDEST = "drop-oldest"


class Valve:
    """The blocking buffers that are full, shared by one client's buffers and its reader."""

    def __init__(self) -> None:
        self._full: set[ItemBuffer[Any]] = set()
        self._changed = asyncio.Event()

    @property
    def shut(self) -> bool:
        """True while some blocking buffer is full: the reader should wait."""
        return bool(self._full)

    def fill(self, buffer: ItemBuffer[Any]) -> None:
        self._full.add(buffer)

    def release(self, buffer: ItemBuffer[Any]) -> None:
        if buffer in self._full:
            self._full.discard(buffer)
            self._changed.set()

    def nudge(self) -> None:
        """Something the reader's decision depends on changed (e.g. a receipt is awaited)."""
        self._changed.set()

    async def changed(self) -> None:
        await self._changed.wait()
        self._changed.clear()


class ItemBuffer(Generic[T]):
    """A FIFO that can be finished (normally, or with an error to raise), with a bound."""

    def __init__(
        self,
        max_queued: int | None = None,
        overflow: Overflow = Overflow.BLOCK,
        valve: Valve | None = None,
    ) -> None:
        if max_queued is not None and max_queued < 1:
            raise ValueError(f"max_queued must be at least 1 (or None), not {max_queued}")
        self._items: deque[T] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._finished = False
        self._error: ClientError | None = None
        self.max_queued = max_queued
        self.overflow = Overflow(overflow)
        self._low = (max_queued or 0) // 2
        self._valve = valve if self.overflow is Overflow.BLOCK else None
        self._full = False  # counted in the valve
        self.dropped = 0  # items dropped by DROP_OLDEST

    @property
    def finished(self) -> bool:
        return self._finished

    def __len__(self) -> int:
        return len(self._items)

    def push(self, item: T) -> None:
        if self._finished:
            return
        items = self._items
        bound = self.max_queued
        if bound is not None and len(items) >= bound:
            if self.overflow is Overflow.DROP_OLDEST:
                if not self._make_room(item):
                    return
            elif not self._full and self._valve is not None:
                self._full = True
                self._valve.fill(self)
        items.append(item)
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None  # woken once: the rest of this burst needs no call
            if not waiter.done():
                waiter.set_result(None)

    def _make_room(self, item: T) -> bool:
        """Drop the oldest item; False to drop `item` instead."""
        self._items.popleft()
        self.dropped += 1
        return True

    def _taken(self) -> None:
        """After the consumer took items: reopen the valve once half empty."""
        if self._full and len(self._items) <= self._low:
            self._release()

    def _release(self) -> None:
        self._full = False
        if self._valve is not None:
            self._valve.release(self)

    def finish(self, error: ClientError | None = None) -> None:
        """No more items: iteration ends (or raises `error`) once the buffer is drained."""
        if self._finished:
            return
        self._finished = True
        self._error = error
        if self._full:
            self._release()  # nobody waits for a finished buffer
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
        item = self._items.popleft()
        if self._full:
            self._taken()
        return item

    def take_all(self) -> list[T]:
        """Everything queued right now, without waiting (possibly nothing)."""
        items = list(self._items)
        self._items.clear()
        if self._full:
            self._release()
        return items

    async def get_batch(self, timeout: float | None = None) -> list[T]:
        """Everything queued (at least one item), for consumers that work in batches."""
        first = await self.get(timeout)
        batch = [first]
        batch.extend(self._items)
        self._items.clear()
        if self._full:
            self._release()
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
        *,
        max_queued: int | None = DEFAULT_MAX_QUEUED,
        overflow: Overflow = Overflow.BLOCK,
        valve: Valve | None = None,
    ) -> None:
        super().__init__(max_queued, overflow, valve)
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
            item = items.popleft()
            if self._full:
                self._taken()
            return item
        return await self.get()

    async def unsubscribe(self, receipt: bool = False) -> None:
        """Send UNSUBSCRIBE and end iteration (messages already queued are still yielded)."""
        await self._unsubscribe(self, receipt)


class EventStream(ItemBuffer[Event]):
    """Every client event from the moment the stream was created, in order."""

    def __init__(
        self,
        on_close: Callable[[EventStream], None],
        *,
        max_queued: int | None = DEFAULT_MAX_QUEUED,
        overflow: Overflow = Overflow.BLOCK,
        valve: Valve | None = None,
    ) -> None:
        super().__init__(max_queued, overflow, valve)
        self._on_close = on_close

    def __aiter__(self) -> EventStream:
        return self

    async def __anext__(self) -> Event:
        items = self._items
        if items:
            item = items.popleft()
            if self._full:
                self._taken()
            return item
        return await self.get()

    def _make_room(self, item: Event) -> bool:
        """Only message events are dropped: the oldest queued one (the scan passes only the
        few state events queued before it), else the incoming one; any other event is kept
        beyond the bound."""
        items = self._items
        for index, queued in enumerate(items):
            if queued.__class__ is MessageReceived:
                del items[index]
                self.dropped += 1
                return True
        if item.__class__ is MessageReceived:
            self.dropped += 1
            return False
        return True

    def close(self) -> None:
        """Stop receiving events; iteration ends after what is already queued."""
        self._on_close(self)
        self.finish()
