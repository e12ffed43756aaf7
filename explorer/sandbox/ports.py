"""The narrow interfaces between the sandbox's parts, so that none imports another in a circle:
a session sees its broker only as a `Broker`, the frame handlers see their session only as a
`SessionPort`. `SandboxBroker` (server.py) and `Session` (session.py) fit them structurally.
"""

from __future__ import annotations

from typing import Protocol

from explorer.sandbox.destinations import Consumer, Destinations, Subscription
from explorer.sandbox.discovery import DiscoveryFeed
from explorer.sandbox.options import SandboxOptions
from explorer.stomp import Frame, Version

__all__ = ["Broker", "SessionPort"]


class Broker(Protocol):
    """What a session needs from the broker it belongs to."""

    @property
    def options(self) -> SandboxOptions: ...

    @property
    def server_name(self) -> str: ...

    @property
    def destinations(self) -> Destinations: ...

    @property
    def discovery(self) -> DiscoveryFeed: ...

    def publish_frame(
        self, destination: str, headers: tuple[tuple[str, str], ...], body: bytes
    ) -> str: ...

    def sessions_of(self, login: str) -> list[str]:
        """The ids of the sessions connected with this login (user destinations)."""


class SessionPort(Consumer, Protocol):
    """What the frame handlers need from their session besides delivering messages."""

    @property
    def version(self) -> Version | None: ...

    @property
    def session_id(self) -> str: ...

    @property
    def login(self) -> str | None:
        """The CONNECT frame's login (the user of user destinations); None before CONNECT."""

    def hold(self, subscription: Subscription, frame: Frame) -> None:
        """Write `frame` after the output of the frame being handled (e.g. a browse end)."""

    def disconnected_by_client(self, frame: Frame) -> None:
        """Answer DISCONNECT's receipt and stop reading."""
