"""One client connection: its I/O tasks, output queue, heart-beat timer and error reports.

The protocol is `explorer.stomp.ServerConnection`'s (handshake, version and heart-beat
negotiation, receipts, ERROR framing, deadlines); what each frame does to queues and topics
is `handlers.py`'s. The session does not know whether it runs over TCP or WebSocket: a `Link`
reads chunks and writes whole frames. Frame handling is synchronous (all state is in
memory); output goes to an outbox drained by a writer task, so a slow client never blocks
the broker and its unsent bytes can be bounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable
from typing import Final, Protocol

from explorer.sandbox.destinations import Message, Subscription
from explorer.sandbox.errors import ProtocolViolation, SandboxError, SlowConsumer
from explorer.sandbox.handlers import Handlers
from explorer.sandbox.ports import Broker
from explorer.stomp import (
    HEARTBEAT_BYTES,
    SUPPORTED_VERSIONS,
    AckMode,
    Command,
    ConnectRequested,
    Frame,
    FrameError,
    LimitExceeded,
    Limits,
    PeerSilent,
    Received,
    ServerConnection,
    StompError,
    UnexpectedFrame,
    UnrepresentableHeader,
    Version,
    VersionMismatch,
)

log = logging.getLogger(__name__)

__all__ = ["Link", "Session"]

# How long the outbox may take to flush an ERROR or RECEIPT before the link is closed anyway.
FLUSH_TIMEOUT: Final = 2.0
# After a fatal ERROR, how long to keep discarding input so that the ERROR is not lost to a
# TCP reset (the spec's "connection lingering").
LINGER: Final = 1.0
_LIMIT_NAMES: Final = {
    "max_frame_bytes": "frame size",
    "max_headers": "number of headers",
    "max_line_bytes": "header line length",
    "max_command_bytes": "command length",
}
_CONNECTING: Final = frozenset({Command.CONNECT, Command.STOMP})


class Link(Protocol):
    """A transport as a session sees it."""

    peer: str

    async def receive(self) -> bytes | None:
        """The next chunk of bytes; None once the peer has closed."""

    async def send(self, data: bytes) -> None:
        """Write one frame or heart-beat (raises on a broken connection)."""

    async def close(self, linger: float = 0.0) -> None:
        """Close the connection (idempotent); `linger` > 0 lets the peer read an ERROR first."""


class Session:
    """One client connection to the sandbox."""

    def __init__(
        self,
        broker: Broker,
        link: Link,
        session_id: str,
        on_detach: Callable[[Session], None] = lambda session: None,
    ) -> None:
        self.broker = broker
        self.link = link
        self.session_id = session_id
        self._on_detach = on_detach
        options = broker.options
        self.conn = ServerConnection(
            versions=SUPPORTED_VERSIONS, limits=Limits(max_frame_bytes=options.max_frame_bytes)
        )
        self.handlers = Handlers(broker, self)
        self._outbox: deque[bytes] = deque()
        self._outbox_bytes = 0
        self._wake = asyncio.Event()
        self._connected = asyncio.Event()
        self._closing = False
        self._paused = False  # output above the high-water mark
        self._held: list[tuple[Subscription, Message | Frame, str | None]] | None = None
        self._loop = asyncio.get_running_loop()
        self._reader: asyncio.Task[None] | None = None
        self.close_reason = ""
        self._error_sent = False
        self.login: str | None = None

    @property
    def version(self) -> Version | None:
        """The version agreed in CONNECTED; None before."""
        return self.conn.version

    @property
    def connected(self) -> bool:
        return self.conn.version is not None

    @property
    def subscriptions(self) -> dict[str, Subscription]:
        return self.handlers.subscriptions

    # -- the connection's life ------------------------------------------------------------

    async def run(self) -> None:
        """Serve the connection until the client leaves, an error closes it, or the broker
        stops. Always detaches from the broker's state and closes the link."""
        writer = asyncio.create_task(self._write_loop(), name=f"{self.session_id}-writer")
        timer = asyncio.create_task(self._timer_loop(), name=f"{self.session_id}-timer")
        self._reader = asyncio.create_task(self._read_loop(), name=f"{self.session_id}-reader")
        try:
            await asyncio.wait([self._reader])
        finally:
            self._closing = True
            self._reader.cancel()
            timer.cancel()
            self.handlers.detach()
            self._on_detach(self)
            self._wake.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(writer, FLUSH_TIMEOUT)
            await asyncio.gather(self._reader, timer, writer, return_exceptions=True)
            with contextlib.suppress(Exception):
                await self.link.close(LINGER if self._error_sent else 0.0)

    def abort(self, reason: str) -> None:
        """Stop reading at once (heart-beat timeout, broker shutdown); output is dropped."""
        if not self.close_reason:
            self.close_reason = reason
        self._outbox.clear()
        self._outbox_bytes = 0
        self._stop_reading()

    def _stop_reading(self) -> None:
        """Stop reading; the outbox is still flushed (ERROR, RECEIPT) before the link closes."""
        self._closing = True
        reader = self._reader
        if reader is not None and reader is not asyncio.current_task():
            reader.cancel()

    async def _read_loop(self) -> None:
        while not self._closing:
            chunk = await self.link.receive()
            if chunk is None:
                self.close_reason = self.close_reason or "client closed the connection"
                return
            self.feed(chunk)

    async def _write_loop(self) -> None:
        outbox = self._outbox
        while True:
            if not outbox:
                if self._closing:
                    return
                self._wake.clear()
                await self._wake.wait()
                continue
            data = outbox.popleft()
            self._outbox_bytes -= len(data)
            try:
                await self.link.send(data)
            except Exception as exc:  # the connection is gone; nothing more to write
                log.debug("%s: write failed: %s", self.session_id, exc)
                self.abort("connection lost while writing")
                return
            if self._paused and self._outbox_bytes <= self.broker.options.output_low_water:
                self._paused = False
                self.broker.destinations.resume()

    async def _timer_loop(self) -> None:
        """Connect timeout, then the heart-beat schedule of the connection object: beats when
        we were idle for half the interval, the one liveness rule for the client."""
        options = self.broker.options
        try:
            await asyncio.wait_for(self._connected.wait(), options.connect_timeout)
        except TimeoutError:
            self.abort(f"no CONNECT within {options.connect_timeout:g} s")
            return
        conn = self.conn
        while not self._closing:
            deadline = conn.deadlines().next
            if deadline is None:
                return
            await asyncio.sleep(max(0.0, deadline - self._loop.time()))
            try:
                conn.check(self._loop.time())
            except PeerSilent as exc:
                self.abort(
                    f"no data from the client for {exc.silent_for:.2f} s "
                    f"(heart-beat every {exc.expect_every_ms:g} ms expected)"
                )
                return
            self._flush()

    # -- output --------------------------------------------------------------------------

    def _flush(self) -> None:
        """Move what the connection object encoded into the outbox."""
        for data in self.conn.data_to_send(self._loop.time()):
            if self._closing and data is HEARTBEAT_BYTES:
                continue
            self._outbox.append(data)
            self._outbox_bytes += len(data)
            self._wake.set()
        if self._outbox_bytes > self.broker.options.output_high_water:
            self._paused = True

    def can_take(self) -> bool:
        return not self._paused and not self._closing

    def deliver(self, subscription: Subscription, message: Message) -> None:
        """Write a MESSAGE (called by destinations). Client-mode deliveries are recorded as
        unacked first, so they go back to their queue if the connection ends. While a frame is
        being handled the output waits, so that the frame's RECEIPT goes out first."""
        ack_id: str | None = None
        if subscription.ack != AckMode.AUTO and not subscription.browser:
            ack_id = self.handlers.next_ack_id()
            subscription.unacked[ack_id] = message
        if self._held is not None:
            self._held.append((subscription, message, ack_id))
            return
        self._write_message(subscription, message, ack_id)

    def hold(self, subscription: Subscription, frame: Frame) -> None:
        assert self._held is not None, "hold() is for the frame being handled"
        self._held.append((subscription, frame, None))

    def _write_message(
        self, subscription: Subscription, message: Message | Frame, ack_id: str | None
    ) -> None:
        if self._closing:
            return
        if isinstance(message, Frame):
            self.conn.send_frame(message)
            self._flush()
            return
        limit = self.broker.options.max_pending_output
        if self._outbox_bytes > limit:
            # An ERROR would queue behind the very bytes the client does not read: just drop it.
            error = SlowConsumer(
                f"this client reads too slowly: {self._outbox_bytes} bytes wait to be sent "
                f"(cap {limit})"
            )
            log.info("%s: disconnected: %s", self.session_id, error)
            self.abort(error.message)
            return
        headers: list[tuple[str, str]] = [
            ("subscription", subscription.id),
            ("message-id", message.message_id),
            ("destination", message.delivered_as or message.destination),
        ]
        if ack_id is not None and self.version is Version.V1_2:
            headers.append(("ack", ack_id))
        if message.redelivery_count:
            headers.append(("redelivered", "true"))
            headers.append(("redelivery-count", str(message.redelivery_count)))
        headers.extend(message.headers)
        frame = Frame(Command.MESSAGE, tuple(headers), message.body)
        try:
            self.conn.send_frame(frame)
        except UnrepresentableHeader:
            # A 1.2 producer's header value with a line break, read by a 1.0/1.1 consumer.
            version = self.version or Version.V1_0
            self.conn.send_frame(
                Frame(frame.command, _representable(frame.headers, version), frame.body)
            )
        self._flush()

    # -- input ---------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Parse and handle bytes from the client; a protocol error is answered with ERROR
        after the frames that came before it were handled."""
        if self._closing:
            return
        failure: StompError | None = None
        try:
            self.conn.receive_data(data, self._loop.time())
        except StompError as exc:
            failure = exc
        for event in self.conn.events_received():
            if self._closing:
                return
            self._handle(event)
        if failure is not None and not self._closing:
            frame = failure.frame if isinstance(failure, UnexpectedFrame) else None
            self._report(_protocol_error(failure), frame)

    def _handle(self, event: Received) -> None:
        if isinstance(event, ConnectRequested):
            frame = event.frame
        elif isinstance(event, Frame) and event.command not in _CONNECTING:
            frame = event
        else:
            return  # heart-beats; CONNECT itself comes as ConnectRequested
        self._held = []
        try:
            if isinstance(event, ConnectRequested):
                self._on_connect(event)
            else:
                self.handlers.handle(frame)
                if frame.command != Command.DISCONNECT:
                    self.conn.send_receipt(frame)
                    self._flush()
        except SandboxError as exc:
            self._report(exc, frame)
        except Exception as exc:  # a sandbox bug: tell this client, keep the broker running
            log.exception("%s: failed to handle %s", self.session_id, frame.command)
            self._report(
                ProtocolViolation(
                    f"internal sandbox error while handling {frame.command} "
                    f"({type(exc).__name__}); please report it"
                ),
                frame,
            )
        finally:
            held, self._held = self._held, None
        for subscription, message, ack_id in held:
            self._write_message(subscription, message, ack_id)

    def _on_connect(self, event: ConnectRequested) -> None:
        options = self.broker.options
        frame = event.frame
        if options.login is not None and (
            frame.header("login") != options.login or frame.header("passcode") != options.passcode
        ):
            raise ProtocolViolation(
                "login failed: wrong login or passcode for this sandbox",
                "The sandbox was started with a login; connect with the same login and passcode.",
            )
        self.login = frame.header("login") or _bearer(frame.header("authorization"))
        heart_beat = (
            (0, 0)
            if options.heartbeats_off
            else _server_heart_beat(event.heart_beat, options.heartbeat_min_ms)
        )
        self.conn.accept(
            heart_beat,
            (("server", self.broker.server_name), ("session", self.session_id)),
        )
        self._flush()
        self._connected.set()

    def disconnected_by_client(self, frame: Frame) -> None:
        self.conn.send_receipt(frame)
        self._flush()
        self.close_reason = "client sent DISCONNECT"
        self._stop_reading()

    def _report(self, error: SandboxError, frame: Frame | None) -> None:
        """Send an ERROR for `error`; close the connection after it unless it is not fatal."""
        if self._closing:
            return
        body = error.message + "\n"
        if error.detail:
            body += "\n" + error.detail + "\n"
        if frame is not None:
            body += "\n" + _describe(frame)
        self.conn.send_error(
            error.message.replace("\r", " ").replace("\n", " "),
            answering=frame,
            headers=(("content-type", "text/plain;charset=utf-8"),),
            body=body.encode("utf-8"),
            close=error.fatal,
        )
        self._flush()
        if error.fatal:
            self.close_reason = f"ERROR sent: {error.message}"
            self._error_sent = True
            self._stop_reading()


# -- helpers ----------------------------------------------------------------------------


def _server_heart_beat(client: tuple[int, int], minimum_ms: int) -> tuple[int, int]:
    """Mirror the client (as ActiveMQ does), never faster than `minimum_ms`."""
    cx, cy = client
    return (max(cy, minimum_ms) if cy else 0, max(cx, minimum_ms) if cx else 0)


def _bearer(value: str | None) -> str | None:
    """The user of a CONNECT `Authorization: Bearer <token>` header: the token itself (the
    sandbox checks no token; it lets a page's token-based user reach its user destinations)."""
    if value is None or not value.lower().startswith("bearer "):
        return None
    return value[len("bearer ") :].strip() or None


def _protocol_error(error: StompError) -> ProtocolViolation:
    """A helpful ERROR for input the connection object refused."""
    if isinstance(error, UnexpectedFrame):
        command = error.frame.command
        if command in _CONNECTING:
            return ProtocolViolation(f"already connected; {command} can only be sent once")
        return ProtocolViolation(f"send CONNECT (or STOMP) first; got {command} before connecting")
    if isinstance(error, VersionMismatch):
        return ProtocolViolation(
            f"no common STOMP version: the client accepts {error.offered}, the sandbox speaks "
            f"{','.join(error.supported)}"
        )
    if isinstance(error, LimitExceeded):
        what = _LIMIT_NAMES.get(error.limit, error.limit)
        return ProtocolViolation(
            f"frame too large: {what} limit is {error.maximum}, got at least {error.actual}; "
            "send smaller frames",
            str(error),
        )
    if isinstance(error, FrameError):
        return ProtocolViolation(f"malformed frame: {error}")
    return ProtocolViolation(str(error))


def _representable(
    headers: tuple[tuple[str, str], ...], version: Version
) -> tuple[tuple[str, str], ...]:
    """Headers a 1.0/1.1 consumer can receive: line breaks become spaces, 1.0 names with a
    colon are dropped."""
    out = []
    for name, value in headers:
        if version is Version.V1_0:
            if any(c in name for c in ":\r\n"):
                continue
            name = name.replace("\r", " ").replace("\n", " ")
            value = value.replace("\r", " ").replace("\n", " ")
        else:
            name, value = name.replace("\r", " "), value.replace("\r", " ")
        out.append((name, value))
    return tuple(out)


def _describe(frame: Frame) -> str:
    lines = [f"The frame was: {frame.command}"]
    lines.extend(f"  {name}:{value}" for name, value in frame.headers[:20])
    if frame.body:
        lines.append(f"  ({len(frame.body)}-byte body)")
    return "\n".join(lines) + "\n"
