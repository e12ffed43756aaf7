"""An in-memory `ScenarioConnection`: every SEND reaches the subscriptions on its destination."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence

from explorer.scenarios import ConnectionProblem, ReceivedMessage


class LoopbackConnection:
    def __init__(self, *, refuse: frozenset[str] = frozenset(), echo: bool = True) -> None:
        self.refuse = refuse  # destinations whose SEND the "broker" refuses with an ERROR
        self.echo = echo
        self.subscriptions: dict[str, str] = {}
        self.unsubscribed: list[str] = []
        self.sent: list[tuple[str, tuple[tuple[str, str], ...], bytes, bool]] = []
        self._inbox: asyncio.Queue[ReceivedMessage | ConnectionProblem | None] = asyncio.Queue()

    async def subscribe(
        self, destination: str, subscription_id: str, headers: tuple[tuple[str, str], ...]
    ) -> None:
        self.subscriptions[subscription_id] = destination

    async def unsubscribe(self, subscription_id: str) -> None:
        self.unsubscribed.append(subscription_id)
        del self.subscriptions[subscription_id]

    async def send(
        self, destination: str, headers: Sequence[tuple[str, str]], body: bytes, receipt: bool
    ) -> None:
        if destination in self.refuse:
            raise ConnectionProblem(f"not allowed to send to {destination}", refused=True)
        self.sent.append((destination, tuple(headers), body, receipt))
        if self.echo:
            self.deliver(destination, tuple(headers), body)

    def deliver(self, destination: str, headers: tuple[tuple[str, str], ...], body: bytes) -> None:
        """A message arrives on `destination` (from us or from someone else)."""
        for sub_id, subscribed in self.subscriptions.items():
            if subscribed == destination:
                full = (("destination", destination), ("subscription", sub_id), *headers)
                self._inbox.put_nowait(
                    ReceivedMessage(sub_id, destination, full, body, time.monotonic())
                )

    def fail(self, problem: ConnectionProblem) -> None:
        self._inbox.put_nowait(problem)

    async def received(self) -> AsyncIterator[ReceivedMessage]:
        while True:
            item = await self._inbox.get()
            if item is None:
                return
            if isinstance(item, ConnectionProblem):
                raise item
            yield item
