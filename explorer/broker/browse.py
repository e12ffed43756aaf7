"""Peek at a queue without consuming it (ActiveMQ's queue browser over STOMP).

`SUBSCRIBE browser:true` makes ActiveMQ send the queue's current messages as ordinary MESSAGE
frames and then an empty MESSAGE with `browser:end`; the messages stay on the queue. It needs
STOMP 1.1 or later. Other brokers raise `PeekUnsupported` with the reason.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from explorer.broker.errors import PeekUnsupported
from explorer.broker.kind import BrokerKind
from explorer.broker.modes import Mode, is_browser_end, subscribe_headers
from explorer.client import Message, ReceiveTimeout
from explorer.stomp import Version


class BrowseSubscription(Protocol):
    async def get(self, timeout: float | None = None) -> Message: ...

    async def unsubscribe(self, receipt: bool = False) -> None: ...


class BrowseClient(Protocol):
    """The part of `explorer.client.Client` a browse uses (a session's client protocol too)."""

    version: Version | None

    @property
    def connected(self) -> bool: ...

    async def subscribe(
        self,
        destination: str,
        *,
        ack: str = "auto",
        headers: Any = None,
        receipt: bool = False,
        timeout: float | None = None,
    ) -> BrowseSubscription: ...


async def peek(
    client: BrowseClient,
    destination: str,
    *,
    broker: BrokerKind,
    limit: int | None = None,
    timeout: float = 10.0,
) -> list[Message]:
    """The messages waiting on `destination` (up to `limit`), left on the queue.

    Raises PeekUnsupported (broker or version), or TimeoutError when `browser:end` does not
    arrive within `timeout` seconds.
    """
    headers = subscribe_headers(Mode.PEEK, broker, destination)  # raises PeekUnsupported
    if client.version is Version.V1_0:
        raise PeekUnsupported(
            f"cannot peek at {destination}: the queue browser needs STOMP 1.1 or later "
            "(this connection negotiated 1.0)"
        )
    del headers["destination"]
    ack = headers.pop("ack")
    sub = await client.subscribe(
        destination, ack=ack, headers=headers, receipt=True, timeout=timeout
    )
    messages: list[Message] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while limit is None or len(messages) < limit:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"the browse of {destination} did not end within {timeout:g} s")
            try:
                message = await sub.get(timeout=remaining)
            except ReceiveTimeout:
                raise TimeoutError(
                    f"the browse of {destination} did not end within {timeout:g} s"
                ) from None
            except StopAsyncIteration:
                break
            if is_browser_end(dict(message.headers)):
                break
            messages.append(message)
    finally:
        if client.connected:
            await sub.unsubscribe()
    return messages
