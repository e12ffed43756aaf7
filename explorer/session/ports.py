"""What the session needs from the world: a STOMP client, a clock, a way to sleep.

`explorer.client.Client` satisfies `StompClient` as is; tests hand the session a fake with
the same few members and a fake clock, so the session's rules run without a broker.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from explorer.client import Event, Message, State
from explorer.stomp import Frame, Version


class StompEvents(Protocol):
    """The client's ordered event stream (`Client.events()`)."""

    async def get_batch(self, timeout: float | None = None) -> list[Event]: ...

    def take_all(self) -> list[Event]: ...

    def close(self) -> None: ...


class StompSubscription(Protocol):
    """One SUBSCRIBE as the client keeps it (re-sent by the client after a reconnect)."""

    id: str
    destination: str
    ack: str
    headers: tuple[tuple[str, str], ...]

    async def get(self, timeout: float | None = None) -> Message: ...

    async def unsubscribe(self, receipt: bool = False) -> None: ...


class ReceiptWait(Protocol):
    """A pending RECEIPT (`explorer.client.ReceiptWaiter`)."""

    async def wait(self, timeout: float | None = None) -> Frame: ...


class StompClient(Protocol):
    """The part of `explorer.client.Client` a session uses."""

    version: Version | None

    @property
    def state(self) -> State: ...

    @property
    def connected(self) -> bool: ...

    def events(self) -> StompEvents: ...

    async def connect(self) -> Any: ...

    async def disconnect(self, timeout: float = 3.0) -> None: ...

    async def close(self) -> None: ...

    async def subscribe(
        self,
        destination: str,
        *,
        ack: str = "auto",
        headers: Any = None,
        id: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        queue_messages: bool = True,
    ) -> StompSubscription: ...

    async def ack(self, message: Message) -> None: ...

    async def nack(self, message: Message) -> None: ...

    async def send_frame(
        self, frame: Frame, *, content_length: bool = True
    ) -> ReceiptWait | None: ...

    def next_receipt_id(self) -> str: ...


# Called as factory(endpoint, **client_options, wire_tap=tap); `Client` itself is one.
ClientFactory = Callable[..., StompClient]
Sleep = Callable[[float], Awaitable[None]]


class Clock(Protocol):
    """Monotonic seconds for intervals and rates, wall-clock seconds for log timestamps."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...


class SystemClock:
    """The real clocks (`time.monotonic` is what the client stamps wire records with)."""

    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()


SYSTEM_CLOCK = SystemClock()
DEFAULT_SLEEP: Sleep = asyncio.sleep
