"""One transport and the sans-I/O `ClientConnection` that reads and writes it.

A `Link` lives as long as one transport connection: the `Client` makes a new one for every
(re)connect. It moves bytes between the transport and the connection object, taps them for
the wire tap, runs the handshake and the heart-beat schedule, and turns the protocol layer's
errors into the client's. The rules themselves (states, negotiation, receipts, deadlines)
are the connection object's.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from explorer.client.errors import (
    ClientError,
    ConnectFailed,
    ConnectTimeout,
    HeartbeatTimeout,
    NotConnected,
    NotSupported,
    ProtocolError,
    TransportError,
)
from explorer.client.events import Direction, Layer, WireRecord
from explorer.client.options import SockJsOptions, TlsOptions, WebSocketOptions
from explorer.client.requests import redact
from explorer.client.transports import Transport, open_transport, tls_stalled
from explorer.client.url import Endpoint
from explorer.stomp import (
    HEARTBEAT,
    HEARTBEAT_BYTES,
    ClientConnection,
    ConnectRefused,
    Established,
    Frame,
    InvalidState,
    PeerSilent,
    Received,
    StompError,
    Violation,
    serialize,
)

__all__ = ["Link", "Tap", "open_link"]

Tap = Callable[[WireRecord], None]


class Link:
    """A connected transport speaking STOMP through `conn`."""

    def __init__(
        self,
        transport: Transport,
        conn: ClientConnection,
        where: str,
        tap: Tap | None,
    ) -> None:
        self.transport = transport
        self.conn = conn
        self.where = where  # the endpoint's URL, for messages
        self._tap = tap
        self._clock = asyncio.get_running_loop().time
        self.failure: ClientError | None = None  # why reading stopped, once it did
        self.paused = False  # the reader leaves the socket alone (back-pressure)
        transport.attach_layer_tap(self._tap_layer if tap is not None else None)

    # -- the wire tap --------------------------------------------------------------------

    def tap(
        self,
        direction: Direction,
        data: bytes,
        frame: Frame | None,
        violations: tuple[Violation, ...] = (),
    ) -> None:
        tap = self._tap
        if tap is not None:
            tap(WireRecord(time.monotonic(), direction, data, frame, violations))

    def _tap_layer(self, timestamp: float, direction: Direction, data: bytes) -> None:
        tap = self._tap
        if tap is not None:
            tap(WireRecord(timestamp, direction, data, None, (), Layer.SOCKJS))

    def tap_received(self, events: list[Received]) -> None:
        """Record every frame, heart-beat and skipped byte run of `events` as received."""
        for item in events:
            if item is HEARTBEAT:
                self.tap(Direction.IN, HEARTBEAT_BYTES, None)
            elif isinstance(item, Frame):
                self.tap(Direction.IN, item.raw or b"", item, item.violations)
            elif isinstance(item, Violation):
                self.tap(Direction.IN, item.skipped, None, (item,))

    # -- handshake -----------------------------------------------------------------------

    async def handshake(
        self, frame: Frame, shown: Frame, unhandled: Callable[[Frame], None]
    ) -> tuple[Established, list[Received]]:
        """Send CONNECT (`shown` is the redacted copy for the tap) and read until CONNECTED.

        Returns the `Established` event and what followed it in the same read. Frames other
        than CONNECTED and ERROR go to `unhandled`. Raises `ConnectFailed` on an ERROR,
        `ProtocolError` when the answer is not STOMP, `TransportError` when the peer closes.
        """
        conn = self.conn
        try:
            conn.connect(frame)
        except StompError as exc:
            raise NotSupported(f"cannot send CONNECT: {exc}") from exc
        for data in conn.data_to_send(self._clock()):
            if self._tap is not None:
                self.tap(Direction.OUT, serialize(shown), shown)
            await self.transport.send(data)
        while True:
            chunk = await self.transport.receive()
            if not chunk:
                why = self.transport.close_reason
                raise TransportError(
                    f"{self.where} closed the connection before answering CONNECT"
                    + (f" ({why})" if why else "")
                )
            try:
                conn.receive_data(chunk, self._clock())
            except StompError as exc:
                self.tap_received(conn.events_received())
                raise ProtocolError(
                    f"the answer to CONNECT is not STOMP ({exc}); is this the broker's "
                    "STOMP port rather than an HTTP, AMQP or OpenWire one?"
                ) from exc
            events = conn.events_received()
            for index, item in enumerate(events):
                if isinstance(item, Established):
                    return item, events[index + 1 :]
                if isinstance(item, ConnectRefused):
                    raise ConnectFailed(item.frame)
                self.tap_received([item])
                if isinstance(item, Frame) and item.command not in ("CONNECTED", "ERROR"):
                    unhandled(item)

    # -- reading and writing -------------------------------------------------------------

    async def read(self) -> list[Received] | None:
        """The events of the next chunk; None at the end of the stream. Malformed input
        sets `failure` (a `ProtocolError`) after the events that came before it."""
        data = await self.transport.receive()
        if not data:
            return None
        try:
            self.conn.receive_data(data, self._clock())
        except StompError as exc:
            self.failure = ProtocolError(f"the broker sent malformed STOMP: {exc}")
            self.failure.__cause__ = exc
        return self.conn.events_received()

    async def write(self, frame: Frame, *, content_length: bool = True) -> None:
        """Encode and send one frame (a `receipt` header makes it pending)."""
        try:
            self.conn.send_frame(frame, content_length=content_length)
        except InvalidState as exc:
            raise NotConnected(f"not connected to {self.where} ({exc})") from exc
        except StompError as exc:
            raise NotSupported(f"cannot send this {frame.command}: {exc}") from exc
        for data in self.conn.data_to_send(self._clock()):
            if self._tap is not None:
                self.tap(Direction.OUT, data, frame)
            await self.transport.send(data)

    async def write_many(self, frames: Sequence[Frame], *, content_length: bool = True) -> None:
        """Encode several frames and send them together: one write on a byte stream (TCP,
        TLS), a message each on WebSocket. With a wire tap, frame by frame (each record
        is tapped with its frame)."""
        if self._tap is not None or not self.transport.byte_stream:
            for frame in frames:
                await self.write(frame, content_length=content_length)
            return
        conn = self.conn
        for frame in frames:
            try:
                conn.send_frame(frame, content_length=content_length)
            except InvalidState as exc:
                raise NotConnected(f"not connected to {self.where} ({exc})") from exc
            except StompError as exc:
                raise NotSupported(f"cannot send this {frame.command}: {exc}") from exc
        data = conn.data_to_send(self._clock())
        if data:
            await self.transport.send(b"".join(data))

    # -- heart-beats ---------------------------------------------------------------------

    async def keep_alive(self) -> None:
        """Send heart-beats when due and drop the transport once the peer is late (the
        liveness rule is `explorer.stomp.heartbeat`'s). Sleeps until the next deadline; ends
        when the connection leaves CONNECTED or the peer is declared dead (`failure`)."""
        conn = self.conn
        while True:
            deadline = conn.deadlines().next
            if deadline is None:
                return
            await asyncio.sleep(max(0.0, deadline - self._clock()))
            now = self._clock()
            if self.paused:
                conn.excuse_silence(now)  # we stopped reading, not the peer writing
            try:
                conn.check(now)
            except PeerSilent as exc:
                self.failure = HeartbeatTimeout(exc.silent_for, exc.expect_every_ms / 1000)
                self.transport.abort()
                return
            for _ in conn.data_to_send(now):
                self.tap(Direction.OUT, HEARTBEAT_BYTES, None)
                try:
                    await self.transport.send_heartbeat()
                except TransportError:
                    return  # the reader sees the same failure and handles it


async def open_link(
    endpoint: Endpoint,
    conn: ClientConnection,
    *,
    tls: TlsOptions,
    websocket: WebSocketOptions,
    max_frame_bytes: int,
    connect_timeout: float,
    tap: Tap | None,
    frame: Frame,
    unhandled: Callable[[Frame], None],
    sockjs: SockJsOptions | None = None,
    secret_headers: frozenset[str] = frozenset(),
) -> tuple[Link, Established, list[Received]]:
    """Open the transport (SockJS for http:// and https://) and log in with `frame` within
    `connect_timeout` seconds; the tap sees `frame` with its credential headers and
    `secret_headers` (lower-case names) as ***.

    Returns the link, the `Established` event and what followed CONNECTED in its read.
    Raises `ConnectTimeout` (saying whether the transport or the answer was missing),
    `ConnectFailed`, `ProtocolError` or `TransportError`; the transport is closed then.
    """
    link: Link | None = None
    phases: list[str] = []
    try:
        async with asyncio.timeout(connect_timeout):
            if endpoint.is_sockjs:
                # aiohttp takes ~130 ms to import: only SockJS links pay for it, not every
                # command (`--version`, `send` over TCP) that imports the client.
                from explorer.client.sockjs import open_sockjs

                transport = await open_sockjs(
                    endpoint,
                    tls=tls,
                    websocket=websocket,
                    sockjs=sockjs or SockJsOptions(),
                    max_message_size=max_frame_bytes,
                )
            else:
                transport = await open_transport(
                    endpoint,
                    tls=tls,
                    websocket=websocket,
                    max_message_size=max_frame_bytes,
                    timeout=None,
                    phases=phases,
                )
            link = Link(transport, conn, endpoint.url(), tap)
            shown = redact(frame, secret_headers)
            established, rest = await link.handshake(frame, shown, unhandled)
    except TimeoutError:
        if link is None and phases:
            raise tls_stalled(f"{endpoint.host}:{endpoint.port}", connect_timeout) from None
        if link is None:
            raise ConnectTimeout(
                f"no connection to {endpoint.url()} within {connect_timeout:g} s;"
                " check the host, port and firewall"
            ) from None
        await link.transport.close()
        raise ConnectTimeout(
            f"no CONNECTED from {endpoint.url()} within {connect_timeout:g} s"
            " (is this a STOMP port? for RabbitMQ, is the vhost right?)"
        ) from None
    except BaseException:
        if link is not None:
            await link.transport.close()
        raise
    return link, established, rest
