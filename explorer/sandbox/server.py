"""`SandboxBroker`: the listeners (TCP and WebSocket on loopback) and the broker's public API.

In memory, for exploring and testing: nothing is persisted and memory is capped; it is not
meant for production traffic.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import errno
import itertools
import logging
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from explorer import __version__
from explorer.sandbox.demo import DemoTraffic
from explorer.sandbox.destinations import DISCOVERY_TOPIC, DestinationInfo, Destinations
from explorer.sandbox.discovery import DestinationWatch, DiscoveryFeed, Listener
from explorer.sandbox.errors import InvalidDestination, ListenError
from explorer.sandbox.links import TcpLink
from explorer.sandbox.options import SandboxOptions
from explorer.sandbox.session import Link, Session
from explorer.stomp import Command, Frame, Version, serialize

if TYPE_CHECKING:
    from explorer.sandbox.web import WebPort

log = logging.getLogger(__name__)

SERVER_NAME: Final = f"StompExplorerSandbox/{__version__}"
WS_PATH: Final = "/ws"  # advertised; any path but the SockJS one is accepted


class SandboxBroker:
    """An in-process STOMP 1.0/1.1/1.2 broker on loopback TCP and WebSocket.

        async with SandboxBroker(demo=True) as broker:
            print(broker.tcp_url, broker.ws_url)

    Options are `SandboxOptions` fields, given as an object or as keywords.
    """

    def __init__(self, options: SandboxOptions | None = None, **overrides: Any) -> None:
        self.options = dataclasses.replace(options or SandboxOptions(), **overrides)
        self.server_name = SERVER_NAME
        self.destinations = Destinations(self.options.caps, on_change=self._changed)
        self.discovery = DiscoveryFeed(self.destinations, self.options.discovery_interval)
        self.demo = DemoTraffic(
            self.publish,
            self.destinations.depth,
            rate=self.options.demo_rate,
            seed=self.options.demo_seed,
        )
        self.sessions: set[Session] = set()
        self._session_ids = itertools.count(1)
        self._handlers: set[asyncio.Task[Any]] = set()
        self._tcp_server: asyncio.Server | None = None
        self._web: WebPort | None = None
        self._tcp_port: int | None = None
        self._ws_port: int | None = None
        self._running = False

    # -- life ----------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on the configured ports. Raises `ListenError` when a port is taken."""
        if self._running:
            raise RuntimeError("the sandbox is already running")
        options = self.options
        self._running = True  # accept connections as soon as a listener is up
        try:
            if options.tcp_port is not None:
                self._tcp_server = await self._listen(
                    "STOMP over TCP",
                    options.tcp_port,
                    lambda: asyncio.start_server(self._serve_tcp, options.host, options.tcp_port),
                )
                self._tcp_port = self._tcp_server.sockets[0].getsockname()[1]
            if options.ws_port is not None:
                # Imported here: aiohttp costs start-up time a TCP-only sandbox need not pay.
                from explorer.sandbox.web import WebPort

                web = WebPort(options, self._serve)
                await self._listen("STOMP over WebSocket and SockJS", options.ws_port, web.start)
                self._web = web
                self._ws_port = web.port
        except BaseException:
            self._running = False
            await self._close_listeners()
            raise
        self.discovery.start()
        if options.demo:
            self.demo.start()
        log.info(
            "sandbox broker listening: %s %s",
            self.tcp_url if self._tcp_port else "-",
            self.ws_url if self._ws_port else "-",
        )

    async def _listen(self, what: str, port: int, start: Callable[[], Any]) -> Any:
        try:
            return await start()
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ListenError(
                    f"cannot listen for {what} on {self.options.host}:{port}: the port is "
                    "already in use; choose another port (0 picks a free one)"
                ) from None
            raise ListenError(
                f"cannot listen for {what} on {self.options.host}:{port}: {exc.strerror or exc}"
            ) from None

    async def stop(self) -> None:
        """Stop listening, close every connection and the demo; idempotent."""
        self._running = False
        try:
            await self.demo.stop()
            await self.discovery.stop()
        finally:  # a failed background task must never keep the ports open
            await self._close_everything()

    async def _close_everything(self) -> None:
        if self._tcp_server is not None:
            self._tcp_server.close()
        for session in list(self.sessions):
            session.abort("the sandbox is stopping")
        if self._handlers:
            await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._close_listeners()

    async def _close_listeners(self) -> None:
        if self._tcp_server is not None:
            self._tcp_server.close()
            await self._tcp_server.wait_closed()
            self._tcp_server = None
        web, self._web = self._web, None
        if web is not None:
            await web.stop()

    async def __aenter__(self) -> SandboxBroker:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def running(self) -> bool:
        return self._running

    # -- addresses -----------------------------------------------------------------------

    @property
    def tcp_port(self) -> int:
        if self._tcp_port is None:
            raise RuntimeError("the sandbox has no TCP listener (not started, or tcp_port=None)")
        return self._tcp_port

    @property
    def ws_port(self) -> int:
        if self._ws_port is None:
            raise RuntimeError(
                "the sandbox has no WebSocket listener (not started, or ws_port=None)"
            )
        return self._ws_port

    @property
    def sockjs_url(self) -> str:
        """The SockJS endpoint (what a page passes to `new SockJS(url)`), on the WebSocket port."""
        return f"http://{self.options.host}:{self.ws_port}{self.options.sockjs_path.rstrip('/')}"

    @property
    def tcp_url(self) -> str:
        return f"stomp://{self.options.host}:{self.tcp_port}"

    @property
    def ws_url(self) -> str:
        return f"ws://{self.options.host}:{self.ws_port}{WS_PATH}"

    # -- connections ---------------------------------------------------------------------

    async def _serve_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._serve(TcpLink(reader, writer))

    async def _serve(self, link: Link) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            if not self._running or len(self.sessions) >= self.options.max_connections:
                await self._refuse(link)
                return
            session_id = f"session-{next(self._session_ids)}"
            session = Session(self, link, session_id, on_detach=self.session_closed)
            self.sessions.add(session)
            log.debug("%s: connected from %s", session.session_id, link.peer)
            await session.run()
            log.debug("%s: closed (%s)", session.session_id, session.close_reason)
        finally:
            self._handlers.discard(task)

    async def _refuse(self, link: Link) -> None:
        message = (
            "the sandbox is stopping"
            if not self._running
            else f"too many connections (cap {self.options.max_connections}); close some clients"
        )
        frame = Frame(Command.ERROR, (("message", message),))
        with contextlib.suppress(Exception):
            await link.send(serialize(frame, Version.V1_0))
        with contextlib.suppress(Exception):
            await link.close()

    def session_closed(self, session: Session) -> None:
        self.sessions.discard(session)

    # -- the internal API (no socket needed) ---------------------------------------------

    def publish(
        self,
        destination: str,
        body: bytes | str = b"",
        headers: Mapping[str, str] | Sequence[tuple[str, str]] = (),
    ) -> str:
        """Publish as if a client had sent SEND; returns the message-id.

        Raises `InvalidDestination` or `CapacityExceeded` (both `SandboxError`).
        """
        if isinstance(body, str):
            body = body.encode("utf-8")
        pairs = tuple(headers.items()) if isinstance(headers, Mapping) else tuple(headers)
        return self.publish_frame(destination, pairs, body)

    def publish_frame(
        self, destination: str, headers: tuple[tuple[str, str], ...], body: bytes
    ) -> str:
        if destination == DISCOVERY_TOPIC:
            raise InvalidDestination(
                f"{DISCOVERY_TOPIC} is read-only: the sandbox publishes its destination list "
                "there; subscribe to it instead"
            )
        return self.destinations.publish(destination, headers, body).message_id

    def sessions_of(self, login: str) -> list[str]:
        """The ids of the sessions connected with this login (user destinations), oldest
        first."""
        return sorted(
            (s.session_id for s in self.sessions if s.login == login and s.connected),
            key=lambda session_id: int(session_id.rpartition("-")[2]),
        )

    def purge(self, destination: str) -> int:
        """Drop the messages waiting in a queue (not those delivered and unacked)."""
        return self.destinations.purge(destination)

    # -- discovery -----------------------------------------------------------------------

    def snapshot(self) -> list[DestinationInfo]:
        """Every destination with depth, consumers, enqueued and dequeued counts."""
        return self.destinations.snapshot()

    def watch(self) -> DestinationWatch:
        """An async iterator of snapshots (current first, then on change, at most one per
        `discovery_interval`); use `async with broker.watch() as changes:`."""
        return self.discovery.watch()

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(snapshot)` on each change; returns a function that removes it."""
        return self.discovery.add_listener(listener)

    def _changed(self) -> None:
        self.discovery.mark_changed()
