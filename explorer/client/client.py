"""The STOMP client: one logical connection, its frames, receipts, heart-beats and reconnects.

Strategy: one task owns the connection at any time. While connected it is the reader (one
large read, one parser call, one dispatch pass over every item of the chunk); when the
connection is lost it becomes the reconnect loop and, on success, hands over to a new reader.
A second task keeps the heart-beat schedule. Commands are coroutines called by the user;
they write directly to the transport. Every state change and every inbound frame is pushed,
in the order it happened, to each open `EventStream`.

The protocol's rules are not here: each transport connection is a `Link` (link.py) around a
sans-I/O `explorer.stomp.ClientConnection`, which owns the handshake, negotiation, receipt
bookkeeping and heart-beat deadlines. This module keeps tasks, reconnects, subscriptions,
streams and the futures that callers await.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from explorer.client.closing import Closing
from explorer.client.commands import Commands
from explorer.client.errors import ClientError, ConnectFailed, ConnectionLostError, NotConnected
from explorer.client.events import (
    Connected,
    Connecting,
    ConnectionLost,
    Disconnected,
    Event,
    Reconnecting,
    State,
    UnhandledFrame,
    WireRecord,
)
from explorer.client.inbox import Inbox
from explorer.client.link import Link, open_link
from explorer.client.options import (
    ReconnectPolicy,
    SockJsOptions,
    TlsOptions,
    WebSocketOptions,
    browser_like_problems,
)
from explorer.client.receipts import ReceiptWaiter
from explorer.client.requests import ACK_MODES, HeadersLike, connect_frame, header_tuple
from explorer.client.streams import (
    DEFAULT,
    DEFAULT_MAX_QUEUED,
    Default,
    EventStream,
    Overflow,
    Subscription,
)
from explorer.client.tokens import PlacedToken, TokenOptions, TokenPlacement
from explorer.client.transports import Transport
from explorer.client.url import Endpoint, parse_url
from explorer.stomp import (
    LIVENESS_GRACE,
    ClientConnection,
    Command,
    Frame,
    Limits,
    Strictness,
    Version,
)

__all__ = ["ACK_MODES", "Client", "ReceiptWaiter", "WireTap", "connect"]

log = logging.getLogger(__name__)

WireTap = Callable[[WireRecord], None]


class Client(Commands, Closing):
    """A STOMP client for one broker endpoint. The API is described in `explorer.client`."""

    def __init__(
        self,
        endpoint: Endpoint | str,
        *,
        login: str | None = None,
        passcode: str | None = None,
        host: str | None = "/",
        accept_versions: Iterable[str] = ("1.0", "1.1", "1.2"),
        heartbeat: tuple[int, int] = (10000, 10000),
        heartbeat_grace: float = LIVENESS_GRACE,
        use_stomp_command: bool = False,
        connect_headers: HeadersLike = (),
        tls: TlsOptions | None = None,
        websocket: WebSocketOptions | None = None,
        sockjs: SockJsOptions | None = None,
        token: TokenOptions | None = None,
        transport_notes: Callable[[str], None] | None = None,
        limits: Limits | None = None,
        connect_timeout: float = 10.0,
        receipt_timeout: float = 10.0,
        reconnect: ReconnectPolicy | None = None,
        wire_tap: WireTap | None = None,
        keep_raw: bool = False,
        strictness: Strictness = Strictness.LENIENT,
        max_queued: int | None = DEFAULT_MAX_QUEUED,
    ) -> None:
        self.endpoint = parse_url(endpoint) if isinstance(endpoint, str) else endpoint
        self.login = login if login is not None else self.endpoint.login
        self._passcode = passcode
        self.host = host
        self.accept_versions = tuple(accept_versions)
        if heartbeat[0] < 0 or heartbeat[1] < 0:
            raise ValueError("heart-beat intervals cannot be negative")
        self.requested_heartbeat = heartbeat
        self.heartbeat_grace = heartbeat_grace
        self.use_stomp_command = use_stomp_command
        self.connect_headers = header_tuple(connect_headers)
        self.tls = tls or TlsOptions()
        self.websocket = websocket or WebSocketOptions()
        self.sockjs = sockjs or SockJsOptions()
        self.token = token
        self.transport_notes = transport_notes  # told why the transport is not the obvious one
        problems = browser_like_problems(self.websocket)
        if self.websocket.browser_like and token and token.placement is TokenPlacement.HANDSHAKE:
            problems.append(
                "a browser page cannot put a token in a handshake header; place it in "
                "CONNECT, the query or a cookie"
            )
        if problems:
            raise ValueError(problems[0])
        self.limits = limits or Limits()
        self.connect_timeout = connect_timeout
        self.receipt_timeout = receipt_timeout
        self.reconnect = reconnect
        self.wire_tap = wire_tap
        self.keep_raw = keep_raw
        self.strictness = Strictness(strictness)
        if max_queued is not None and max_queued < 1:
            raise ValueError(f"max_queued must be at least 1 (or None), not {max_queued}")
        self.max_queued = max_queued  # default bound of subscriptions and event streams

        self._state = State.IDLE
        self.version: Version | None = None
        self.server: str | None = None
        self.session: str | None = None
        self.heartbeat: tuple[int, int] = (0, 0)  # negotiated (send_every_ms, expect_every_ms)
        self.connected_frame: Frame | None = None

        self._link: Link | None = None
        self._io_task: asyncio.Task[None] | None = None
        self._heartbeat_task: asyncio.Task[None] | None = None
        self._inbox = Inbox()
        self._subscriptions: dict[str, Subscription] = self._inbox.subscriptions
        self._receipt_ids = itertools.count(1)
        self._subscription_ids = itertools.count(1)
        self._transaction_ids = itertools.count(1)

    # ------------------------------------------------------------------ properties

    @property
    def state(self) -> State:
        return self._state

    @property
    def subscriptions(self) -> tuple[Subscription, ...]:
        return tuple(self._subscriptions.values())

    @property
    def _transport(self) -> Transport | None:
        return self._link.transport if self._link is not None else None

    @property
    def transport_kind(self) -> str | None:
        """What carries STOMP now: "tcp", "tls", "websocket", "sockjs-websocket",
        "sockjs-xhr-streaming" or "sockjs-xhr-polling" (None when not connected)."""
        return self._link.transport.kind if self._link is not None else None

    @property
    def transport_note(self) -> str:
        """Why the transport is not the obvious one (an http:// URL without SockJS served
        by a raw WebSocket; SockJS transports that failed first); "" otherwise."""
        return self._link.transport.note if self._link is not None else ""

    def __repr__(self) -> str:
        return f"<Client {self.endpoint.url()} {self._state.value}>"

    # ------------------------------------------------------------------ events

    def events(
        self, *, max_queued: int | Default | None = DEFAULT, overflow: Overflow = Overflow.BLOCK
    ) -> EventStream:
        """A new stream of every event from now on (create it before connect() to see it).
        Read it or close it: a full BLOCK stream stops the reader (see `streams.py`)."""
        bound = self.max_queued if max_queued is DEFAULT else max_queued
        return self._inbox.open_stream(self._state is State.CLOSED, bound, overflow)

    def _emit(self, event: Event) -> None:
        self._inbox.emit(event)

    def _record(self, record: WireRecord) -> None:
        tap = self.wire_tap
        if tap is None:
            return
        try:
            tap(record)
        except Exception:
            log.exception("the wire tap raised; the connection goes on")

    # ------------------------------------------------------------------ connecting

    async def connect(self) -> Client:
        """Open the transport and log in. The first attempt never retries: it raises."""
        if self._state is not State.IDLE:
            raise ClientError(f"connect() called on a client that is {self._state.value}")
        try:
            await self._establish(attempt=1)
        except ClientError as exc:
            self._finish(ConnectionLost(exc, reconnecting=False), exc)
            raise
        except BaseException:
            self._finish(Disconnected(False), None)
            raise
        return self

    async def __aenter__(self) -> Client:
        return await self.connect()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.disconnect()

    def _connect_frame(self, placed: PlacedToken | None = None) -> Frame:
        extra = self.connect_headers + (placed.connect_headers if placed else ())
        return connect_frame(
            self.accept_versions,
            self.host,
            self.login,
            self._passcode,
            self.requested_heartbeat,
            extra,
            self.use_stomp_command,
        )

    async def _establish(self, attempt: int) -> None:
        """Transport, CONNECT, CONNECTED, re-subscriptions, reader and heart-beat tasks."""
        self._state = State.CONNECTING
        self._emit(Connecting(self.endpoint, attempt))
        # A token command runs before every attempt: an expiring token is fetched fresh.
        placed = await self.token.fetch_and_place() if self.token is not None else None
        conn = ClientConnection(
            limits=self.limits,
            strictness=self.strictness,
            keep_raw=self.keep_raw or self.wire_tap is not None,
            grace=self.heartbeat_grace,
        )
        link, established, rest = await open_link(
            self.endpoint,
            conn,
            tls=self.tls,
            websocket=placed.in_handshake(self.websocket) if placed else self.websocket,
            max_frame_bytes=self.limits.max_frame_bytes,
            connect_timeout=self.connect_timeout,
            tap=self._record if self.wire_tap is not None else None,
            frame=self._connect_frame(placed),
            unhandled=lambda frame: self._emit(UnhandledFrame(frame)),
            sockjs=self.sockjs,
            secret_headers=self.token.secret_connect_headers if self.token else frozenset(),
        )
        if self._state is not State.CONNECTING:  # disconnect() or close() meanwhile
            await link.transport.close()
            raise NotConnected("the connection attempt was abandoned by disconnect()/close()")

        self._link = link
        self._inbox.last_error = None
        frame = self.connected_frame = established.frame
        self.version, self.heartbeat = established.version, established.heartbeat
        self.server, self.session = frame.header("server"), frame.header("session")
        self._state = State.CONNECTED
        resubscribed: list[str] = []
        try:
            for sub in list(self._subscriptions.values()):
                await link.write(Frame(Command.SUBSCRIBE, sub.headers))
                resubscribed.append(sub.id)
        except BaseException:
            self._state = State.CONNECTING
            self._link = None
            await link.transport.close()
            raise
        ids = tuple(resubscribed)
        kind, note = link.transport.kind, link.transport.note
        self._emit(
            Connected(
                self.version, self.server, self.session, self.heartbeat, frame, ids, kind, note
            )
        )
        if note and self.transport_notes is not None:
            self.transport_notes(note)
        if rest:
            self._inbox.dispatch(rest, link.tap if self.wire_tap is not None else None)
        loop = asyncio.get_running_loop()
        self._io_task = loop.create_task(self._read_loop(link), name="stomp-reader")
        if any(self.heartbeat):
            self._heartbeat_task = loop.create_task(link.keep_alive(), name="stomp-heartbeat")

    # ------------------------------------------------------------------ reading

    async def _read_loop(self, link: Link) -> None:
        tap = link.tap if self.wire_tap is not None else None
        inbox = self._inbox
        try:
            while True:
                if inbox.valve.shut and inbox.must_pause():
                    await self._wait_for_room(link)
                events = await link.read()
                if events is None:
                    if link.failure is not None:  # the heart-beat task dropped a silent peer
                        raise link.failure
                    why = link.transport.close_reason
                    error = self._inbox.last_error
                    after = f" after ERROR: {error.header('message')}" if error else ""
                    raise ConnectionLostError(
                        f"{self.endpoint.url()} closed the connection{after}"
                        + (f" ({why})" if why else "")
                    )
                self._inbox.dispatch(events, tap)
                if link.failure is not None:
                    raise link.failure
        except ClientError as exc:
            if self._state in (State.DISCONNECTING, State.CLOSED):
                # The broker closed after our DISCONNECT: nobody needs to wait any longer.
                self._inbox.fail_receipts(exc, forget=False)
                return
            await self._connection_lost(link.failure or exc)

    async def _wait_for_room(self, link: Link) -> None:
        """Back-pressure: leave the socket unread until the consumers catch up (see
        `streams.py`); the heart-beat schedule does not count that silence against the peer."""
        link.paused = True
        try:
            while self._inbox.must_pause():
                await self._inbox.valve.changed()
        finally:
            link.paused = False
            link.conn.excuse_silence(asyncio.get_running_loop().time())

    # ------------------------------------------------------------------ losing and ending

    async def _connection_lost(self, reason: ClientError) -> None:
        """Runs in the owning task: tear down, then reconnect or finish."""
        await self._teardown(reason)
        policy = self.reconnect
        if policy is None:
            self._finish(ConnectionLost(reason, reconnecting=False), reason)
            return
        self._state = State.RECONNECT_WAIT
        self._emit(ConnectionLost(reason, reconnecting=True))
        for attempt, delay in enumerate(policy.iter_delays(), start=1):
            self._state = State.RECONNECT_WAIT
            self._emit(Reconnecting(attempt, delay, reason))
            await asyncio.sleep(delay)
            try:
                await self._establish(attempt=attempt + 1)
                return  # a new reader task owns the connection now
            except ConnectFailed as exc:
                reason = exc
                if exc.is_auth_failure:
                    break  # same credentials, same answer: stop
            except ClientError as exc:
                reason = exc
        self._finish(ConnectionLost(reason, reconnecting=False), reason)


async def connect(endpoint: Endpoint | str, **options: Any) -> Client:
    """`Client(endpoint, **options)` and `await client.connect()` in one call."""
    client = Client(endpoint, **options)
    await client.connect()
    return client
