"""One client connection: protocol state, frame handling, output queue and heart-beats.

The session does not know whether it runs over TCP or WebSocket: a `Link` reads chunks and
writes whole frames. Frame handling is synchronous (all state is in memory); output goes to
an outbox drained by a writer task, so a slow client never blocks the broker and its unsent
bytes can be bounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from explorer.sandbox.destinations import (
    DISCOVERY_TOPIC,
    Message,
    Subscription,
    compile_wildcard,
    is_wildcard,
    kind_of,
)
from explorer.sandbox.errors import ProtocolViolation, SandboxError, SlowConsumer
from explorer.stomp import (
    HEARTBEAT_BYTES,
    AckMode,
    Command,
    Frame,
    FrameError,
    FrameParser,
    Heartbeat,
    LimitExceeded,
    Limits,
    UnrepresentableHeader,
    Version,
    negotiate_heartbeat,
    parse_heart_beat,
    serialize,
)

if TYPE_CHECKING:
    from explorer.sandbox.server import SandboxBroker

log = logging.getLogger(__name__)

SUPPORTED_VERSIONS: Final = (Version.V1_0, Version.V1_1, Version.V1_2)
# Headers the broker sets on MESSAGE frames; a producer's own values are dropped.
BROKER_HEADERS: Final = frozenset(
    {
        "destination",
        "message-id",
        "subscription",
        "ack",
        "redelivered",
        "redelivery-count",
        "transaction",
        "receipt",
        "content-length",
    }
)
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


class Link(Protocol):
    """A transport as a session sees it."""

    peer: str

    async def receive(self) -> bytes | None:
        """The next chunk of bytes; None once the peer has closed."""

    async def send(self, data: bytes) -> None:
        """Write one frame or heart-beat (raises on a broken connection)."""

    async def close(self, linger: float = 0.0) -> None:
        """Close the connection (idempotent); `linger` > 0 lets the peer read an ERROR first."""


@dataclass(frozen=True, slots=True)
class _Pending:
    """A transactional SEND, ACK or NACK, applied at COMMIT."""

    command: str
    frame: Frame
    subscription: Subscription | None = None
    ack_ids: tuple[str, ...] = ()


class Session:
    """The protocol state of one client connection."""

    def __init__(self, broker: SandboxBroker, link: Link, session_id: str) -> None:
        self.broker = broker
        self.link = link
        self.session_id = session_id
        options = broker.options
        self._parser = FrameParser(
            limits=Limits(max_frame_bytes=options.max_frame_bytes), server_side=True
        )
        self.version: Version | None = None
        self.subscriptions: dict[str, Subscription] = {}
        self._transactions: dict[str, list[_Pending]] = {}
        self._ack_counter = itertools.count(1)
        self._outbox: deque[bytes] = deque()
        self._outbox_bytes = 0
        self._wake = asyncio.Event()
        self._connected = asyncio.Event()
        self._closing = False
        self._paused = False  # output above the high-water mark
        self._held: list[tuple[Subscription, Message | Frame, str | None]] | None = None
        loop = asyncio.get_running_loop()
        self._loop = loop
        self._started = loop.time()
        self._last_read = self._started
        self._last_write = self._started
        self.send_every = 0.0  # seconds; 0 = no heart-beats to send
        self.expect_every = 0.0  # seconds; 0 = the client is not monitored
        self._reader: asyncio.Task[None] | None = None
        self.close_reason = ""
        self._error_sent = False

    @property
    def connected(self) -> bool:
        return self.version is not None

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
            self._detach()
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
            self._last_read = self._loop.time()
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
        """Connect timeout, outgoing heart-beats and the dead-client check."""
        options = self.broker.options
        try:
            await asyncio.wait_for(self._connected.wait(), options.connect_timeout)
        except TimeoutError:
            self.abort(f"no CONNECT within {options.connect_timeout:g} s")
            return
        if not (self.send_every or self.expect_every):
            return
        # Beat when idle for half the interval, checked four times per interval: the client
        # sees data at least every 3/4 interval (stomp.py gives up after 1.5 intervals).
        tick = min(t for t in (self.send_every / 4, self.expect_every / 2) if t > 0)
        tick = max(0.005, min(tick, 1.0))
        while not self._closing:
            await asyncio.sleep(tick)
            now = self._loop.time()
            if self.send_every and now - self._last_write >= self.send_every / 2:
                self._write(HEARTBEAT_BYTES)
            if self.expect_every and now - self._last_read > 2 * self.expect_every:
                self.abort(
                    f"no data from the client for {now - self._last_read:.2f} s "
                    f"(heart-beat every {self.expect_every * 1000:g} ms expected)"
                )
                return

    def _detach(self) -> None:
        """Leave the broker: abort transactions, give unacked messages back to their queues."""
        self._transactions.clear()
        subscriptions = list(self.subscriptions.values())
        self.subscriptions.clear()
        for subscription in subscriptions:
            self.broker.destinations.unsubscribe(subscription)
        self.broker.session_closed(self)

    # -- output --------------------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        if self._closing and data is HEARTBEAT_BYTES:
            return
        self._outbox.append(data)
        self._outbox_bytes += len(data)
        self._last_write = self._loop.time()
        self._wake.set()
        if self._outbox_bytes > self.broker.options.output_high_water:
            self._paused = True

    def send_frame(self, frame: Frame) -> None:
        self._write(serialize(frame, self.version or Version.V1_0))

    def can_take(self) -> bool:
        return not self._paused and not self._closing

    def deliver(self, subscription: Subscription, message: Message) -> None:
        """Write a MESSAGE (called by destinations). Client-mode deliveries are recorded as
        unacked first, so they go back to their queue if the connection ends. While a frame is
        being handled the output waits, so that the frame's RECEIPT goes out first."""
        ack_id: str | None = None
        if subscription.ack != AckMode.AUTO and not subscription.browser:
            ack_id = f"ack-{next(self._ack_counter)}"
            subscription.unacked[ack_id] = message
        if self._held is not None:
            self._held.append((subscription, message, ack_id))
            return
        self._write_message(subscription, message, ack_id)

    def _write_message(
        self, subscription: Subscription, message: Message | Frame, ack_id: str | None
    ) -> None:
        if self._closing:
            return
        if isinstance(message, Frame):
            self.send_frame(message)
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
            ("destination", message.destination),
        ]
        if ack_id is not None and self.version is Version.V1_2:
            headers.append(("ack", ack_id))
        if message.redelivery_count:
            headers.append(("redelivered", "true"))
            headers.append(("redelivery-count", str(message.redelivery_count)))
        headers.extend(message.headers)
        self._write(self._serialize_message(Frame(Command.MESSAGE, tuple(headers), message.body)))

    def _serialize_message(self, frame: Frame) -> bytes:
        version = self.version or Version.V1_0
        try:
            return serialize(frame, version)
        except UnrepresentableHeader:
            # A 1.2 producer's header value with a line break, read by a 1.0/1.1 consumer.
            return serialize(
                Frame(frame.command, _representable(frame.headers, version), frame.body), version
            )

    # -- input ---------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Parse and handle bytes from the client.

        Until CONNECT is handled the parser sees one NUL-terminated piece at a time, so frames
        pipelined behind CONNECT (an `nc` session sends everything at once) are decoded with
        the negotiated version's escaping rules.
        """
        while data and not self._closing:
            if self.connected:
                chunk, data = data, b""
            else:
                cut = data.find(b"\0")
                chunk, data = (data, b"") if cut < 0 else (data[: cut + 1], data[cut + 1 :])
            try:
                items = self._parser.feed(chunk)
            except FrameError as exc:
                for item in getattr(exc, "items", ()):
                    self._handle_item(item)
                if not self._closing:
                    self._report(_frame_error(exc), None)
                return
            for item in items:
                self._handle_item(item)

    def _handle_item(self, item: Frame | Heartbeat) -> None:
        if isinstance(item, Heartbeat) or self._closing:
            return
        self._held = []
        try:
            self._handle(item)
        except SandboxError as exc:
            self._report(exc, item)
        except Exception as exc:  # a sandbox bug: tell this client, keep the broker running
            log.exception("%s: failed to handle %s", self.session_id, item.command)
            self._report(
                ProtocolViolation(
                    f"internal sandbox error while handling {item.command} "
                    f"({type(exc).__name__}); please report it"
                ),
                item,
            )
        finally:
            held, self._held = self._held, None
        for subscription, message, ack_id in held:
            self._write_message(subscription, message, ack_id)

    def _report(self, error: SandboxError, frame: Frame | None) -> None:
        """Send an ERROR for `error`; close the connection after it unless it is not fatal."""
        if self._closing:
            return
        one_line = error.message.replace("\r", " ").replace("\n", " ")
        headers: list[tuple[str, str]] = [("message", one_line)]
        receipt = frame.header("receipt") if frame is not None else None
        if receipt is not None:
            headers.append(("receipt-id", receipt))
        headers.append(("content-type", "text/plain;charset=utf-8"))
        body = error.message + "\n"
        if error.detail:
            body += "\n" + error.detail + "\n"
        if frame is not None:
            body += "\n" + _describe(frame)
        if not self.connected:
            headers.append(("version", ",".join(SUPPORTED_VERSIONS)))
        self.send_frame(Frame(Command.ERROR, tuple(headers), body.encode("utf-8")))
        if error.fatal:
            self.close_reason = f"ERROR sent: {error.message}"
            self._error_sent = True
            self._stop_reading()

    def _receipt(self, frame: Frame) -> None:
        receipt = frame.header("receipt")
        if receipt is not None:
            self.send_frame(Frame(Command.RECEIPT, (("receipt-id", receipt),)))

    # -- frames --------------------------------------------------------------------------

    def _handle(self, frame: Frame) -> None:
        command = frame.command
        if not self.connected:
            if command in (Command.CONNECT, Command.STOMP):
                self._on_connect(frame)
                return
            raise ProtocolViolation(
                f"send CONNECT (or STOMP) first; got {command} before connecting"
            )
        handler = self._handlers.get(command)
        if handler is None:
            if command in (Command.CONNECT, Command.STOMP):
                raise ProtocolViolation(f"already connected; {command} can only be sent once")
            raise ProtocolViolation(f"unexpected command {command} from a client")
        handler(self, frame)
        if command != Command.DISCONNECT:
            self._receipt(frame)

    def _on_connect(self, frame: Frame) -> None:
        options = self.broker.options
        version = _negotiate_version(frame.header("accept-version"))
        if options.login is not None and (
            frame.header("login") != options.login or frame.header("passcode") != options.passcode
        ):
            raise ProtocolViolation(
                "login failed: wrong login or passcode for this sandbox",
                "The sandbox was started with a login; connect with the same login and passcode.",
            )
        heart_beat = (0, 0)
        if version is not Version.V1_0:
            try:
                heart_beat = parse_heart_beat(frame.header("heart-beat"))
            except FrameError as exc:
                raise ProtocolViolation(str(exc)) from None
        server_beat = _server_heart_beat(heart_beat, options.heartbeat_min_ms)
        # negotiate_heartbeat gives the client's view; the broker's is the other way round.
        client_send, client_expect = negotiate_heartbeat(client=heart_beat, server=server_beat)
        self.send_every = client_expect / 1000
        self.expect_every = client_send / 1000
        self.version = version
        self._parser.version = version
        headers = [
            ("version", str(version)),
            ("server", self.broker.server_name),
            ("session", self.session_id),
        ]
        if version is not Version.V1_0:
            headers.append(("heart-beat", f"{server_beat[0]},{server_beat[1]}"))
        self.send_frame(Frame(Command.CONNECTED, tuple(headers)))
        self._connected.set()

    def _on_send(self, frame: Frame) -> None:
        destination = _required(frame, "destination", "/queue/<name> or /topic/<name>")
        transaction = frame.header("transaction")
        if transaction is not None:
            kind_of(destination)
            self._transaction(transaction, frame).append(_Pending(Command.SEND, frame))
            return
        self._publish(frame, destination)

    def _publish(self, frame: Frame, destination: str) -> None:
        headers = tuple((k, v) for k, v in frame.headers if k not in BROKER_HEADERS)
        self.broker.publish_frame(destination, headers, frame.body)

    def _on_subscribe(self, frame: Frame) -> None:
        destination = _required(frame, "destination", "/queue/<name> or /topic/<name>")
        sub_id = frame.header("id")
        if sub_id is None:
            if self.version is not Version.V1_0:
                raise ProtocolViolation(
                    f"SUBSCRIBE has no id header (required since STOMP 1.1); add id:<any "
                    f"unique name> (subscribing to {destination})"
                )
            sub_id = destination
        if sub_id in self.subscriptions:
            raise ProtocolViolation(
                f"subscription id {sub_id} is already used in this session; pick another id "
                "or UNSUBSCRIBE it first"
            )
        ack_text = frame.header("ack") or AckMode.AUTO
        try:
            ack = AckMode(ack_text)
        except ValueError:
            raise ProtocolViolation(
                f"unknown ack mode {ack_text!r}; use auto, client or client-individual"
            ) from None
        browser = frame.header("browser") == "true"
        kind_of(destination)
        if is_wildcard(destination) and destination.startswith("/topic/"):
            compile_wildcard(destination[len("/topic/") :])  # reject a bad pattern early
        subscription = Subscription(sub_id, destination, ack, self, browser=browser)
        self.broker.destinations.subscribe(subscription)
        self.subscriptions[sub_id] = subscription
        if browser:
            self._browse(subscription)
        elif destination == DISCOVERY_TOPIC:
            self.broker.discovery.send_snapshot(subscription)

    def _browse(self, subscription: Subscription) -> None:
        for message in self.broker.destinations.browse(subscription.destination):
            self.deliver(subscription, message)
        end = Frame(
            Command.MESSAGE,
            (
                ("subscription", subscription.id),
                ("message-id", f"browser-end-{subscription.id}"),
                ("destination", subscription.destination),
                ("browser", "end"),
            ),
        )
        assert self._held is not None
        self._held.append((subscription, end, None))

    def _on_unsubscribe(self, frame: Frame) -> None:
        sub_id = frame.header("id")
        if sub_id is None and self.version is Version.V1_0:
            sub_id = frame.header("destination")
        if sub_id is None:
            raise ProtocolViolation("UNSUBSCRIBE has no id header; add id:<the SUBSCRIBE's id>")
        subscription = self.subscriptions.pop(sub_id, None)
        if subscription is None:
            raise ProtocolViolation(
                f"no subscription with id {sub_id} in this session; "
                f"known ids: {_names(self.subscriptions)}"
            )
        self.broker.destinations.unsubscribe(subscription)

    def _on_ack(self, frame: Frame) -> None:
        subscription, ack_ids = self._find_deliveries(frame)
        transaction = frame.header("transaction")
        if transaction is not None:
            self._transaction(transaction, frame).append(
                _Pending(frame.command, frame, subscription, tuple(ack_ids))
            )
            return
        self.broker.destinations.settle(subscription, ack_ids, accept=frame.command == Command.ACK)

    def _find_deliveries(self, frame: Frame) -> tuple[Subscription, list[str]]:
        """The subscription and ack ids an ACK/NACK refers to, per negotiated version."""
        command = frame.command
        found: tuple[Subscription, str] | None = None
        if self.version is Version.V1_2:
            ack_id = _required(frame, "id", "the value of the MESSAGE's ack header")
            for subscription in self.subscriptions.values():
                if ack_id in subscription.unacked:
                    found = (subscription, ack_id)
                    break
            what = f"ack id {ack_id}"
        else:
            message_id = _required(frame, "message-id", "the MESSAGE's message-id")
            candidates = list(self.subscriptions.values())
            what = f"message-id {message_id}"
            if self.version is Version.V1_1:
                sub_id = _required(frame, "subscription", "the MESSAGE's subscription")
                if sub_id not in self.subscriptions:
                    raise ProtocolViolation(
                        f"{command} names subscription {sub_id}, which this session does not have"
                    )
                candidates = [self.subscriptions[sub_id]]
                what += f" on subscription {sub_id}"
            for subscription in candidates:
                for ack_id, message in subscription.unacked.items():
                    if message.message_id == message_id:
                        found = (subscription, ack_id)
                        break
                if found:
                    break
        if found is None:
            raise ProtocolViolation(
                f"{command} for {what}: no unacked message has it in this session "
                "(already acked, or delivered on an ack:auto subscription)"
            )
        subscription, ack_id = found
        if subscription.ack == AckMode.CLIENT:
            return subscription, self.broker.destinations.unacked_through(subscription, ack_id)
        return subscription, [ack_id]

    def _on_begin(self, frame: Frame) -> None:
        transaction = _required(frame, "transaction", "a transaction name of your choice")
        if transaction in self._transactions:
            raise ProtocolViolation(
                f"transaction {transaction} is already open; COMMIT or ABORT it first"
            )
        if len(self._transactions) >= self.broker.options.max_transactions:
            raise ProtocolViolation(
                f"too many open transactions ({len(self._transactions)}); commit or abort some"
            )
        self._transactions[transaction] = []

    def _on_commit(self, frame: Frame) -> None:
        transaction = _required(frame, "transaction", "the name given to BEGIN")
        pending = self._transaction(transaction, frame)
        del self._transactions[transaction]
        for step in pending:
            if step.command == Command.SEND:
                destination = step.frame.header("destination")
                assert destination is not None
                self._publish(step.frame, destination)
            else:
                assert step.subscription is not None
                if step.subscription.id in self.subscriptions:
                    self.broker.destinations.settle(
                        step.subscription, step.ack_ids, accept=step.command == Command.ACK
                    )

    def _on_abort(self, frame: Frame) -> None:
        transaction = _required(frame, "transaction", "the name given to BEGIN")
        self._transaction(transaction, frame)
        del self._transactions[transaction]

    def _transaction(self, name: str, frame: Frame) -> list[_Pending]:
        pending = self._transactions.get(name)
        if pending is None:
            raise ProtocolViolation(
                f"{frame.command} names transaction {name}, which is not open in this session; "
                f"open ones: {_names(self._transactions)} (send BEGIN first)"
            )
        if len(pending) >= self.broker.options.max_transaction_frames:
            raise ProtocolViolation(
                f"transaction {name} holds {len(pending)} frames (the cap); commit it"
            )
        return pending

    def _on_disconnect(self, frame: Frame) -> None:
        self._receipt(frame)
        self.close_reason = "client sent DISCONNECT"
        self._stop_reading()

    _handlers: Final[dict[str, Callable[[Session, Frame], None]]] = {
        Command.SEND: _on_send,
        Command.SUBSCRIBE: _on_subscribe,
        Command.UNSUBSCRIBE: _on_unsubscribe,
        Command.ACK: _on_ack,
        Command.NACK: _on_ack,
        Command.BEGIN: _on_begin,
        Command.COMMIT: _on_commit,
        Command.ABORT: _on_abort,
        Command.DISCONNECT: _on_disconnect,
    }


# -- helpers ----------------------------------------------------------------------------


def _negotiate_version(accept: str | None) -> Version:
    if accept is None:
        return Version.V1_0
    offered = {part.strip() for part in accept.split(",")}
    for version in reversed(SUPPORTED_VERSIONS):
        if version in offered:
            return version
    raise ProtocolViolation(
        f"no common STOMP version: the client accepts {accept}, the sandbox speaks "
        f"{','.join(SUPPORTED_VERSIONS)}"
    )


def _server_heart_beat(client: tuple[int, int], minimum_ms: int) -> tuple[int, int]:
    """Mirror the client (as ActiveMQ does), never faster than `minimum_ms`."""
    cx, cy = client
    return (max(cy, minimum_ms) if cy else 0, max(cx, minimum_ms) if cx else 0)


def _required(frame: Frame, name: str, hint: str) -> str:
    value = frame.header(name)
    if value is None or (name == "destination" and not value):
        raise ProtocolViolation(f"{frame.command} frame has no {name} header; add {name}:<{hint}>")
    return value


def _names(items: Mapping[str, object], limit: int = 10) -> str:
    names = sorted(items)
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return (", ".join(names[:limit]) or "none") + more


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


def _frame_error(exc: FrameError) -> ProtocolViolation:
    """A helpful ERROR for a frame the parser refused."""
    if isinstance(exc, LimitExceeded):
        what = _LIMIT_NAMES.get(exc.limit, exc.limit)
        return ProtocolViolation(
            f"frame too large: {what} limit is {exc.maximum}, got at least {exc.actual}; "
            "send smaller frames",
            str(exc),
        )
    return ProtocolViolation(f"malformed frame: {exc}")


def _describe(frame: Frame) -> str:
    lines = [f"The frame was: {frame.command}"]
    lines.extend(f"  {name}:{value}" for name, value in frame.headers[:20])
    if frame.body:
        lines.append(f"  ({len(frame.body)}-byte body)")
    return "\n".join(lines) + "\n"
