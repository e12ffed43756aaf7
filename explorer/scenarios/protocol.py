"""The narrow connection a scenario runs over.

The command line adapts `explorer.client.Client` to it (`client_adapter.py`); the window will
adapt its session core to the same protocol, so both run the very same scenario code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Protocol

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    """A MESSAGE as a scenario sees it. `arrived` is `time.monotonic()` when it was taken
    in (the runner measures send -> receive latency on the same clock)."""

    subscription: str | None
    destination: str
    headers: Headers
    body: bytes
    arrived: float

    def header(self, name: str) -> str | None:
        """First occurrence wins, as in STOMP."""
        return next((v for k, v in self.headers if k == name), None)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class ScenarioConnection(Protocol):
    """What the runner needs from a connection. Methods raise `ConnectionProblem`:
    `refused=True` when the broker answered with an ERROR (the step fails with its words),
    otherwise the connection was lost."""

    async def subscribe(self, destination: str, subscription_id: str, headers: Headers) -> None:
        """Subscribe and return once the broker has it (a receipt, where the broker gives one)."""

    async def unsubscribe(self, subscription_id: str) -> None: ...

    async def send(
        self, destination: str, headers: Sequence[tuple[str, str]], body: bytes, receipt: bool
    ) -> None:
        """Send one message; with `receipt`, return once the broker has confirmed it."""

    def received(self) -> AsyncIterator[ReceivedMessage]:
        """Every MESSAGE for the runner's subscriptions, in arrival order, until closed."""
        ...
