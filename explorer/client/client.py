"""The STOMP client: one logical connection, its frames, receipts, heart-beats and reconnects.

Strategy: one task owns the connection at any time. While connected it is the reader (one
large read, one parser call, one dispatch pass over every item of the chunk); when the
connection is lost it becomes the reconnect loop and, on success, hands over to a new reader.
A second task sends heart-beats and watches the peer's. Commands are coroutines called by the
user; they write directly to the transport. Every state change and every inbound frame is
pushed, in the order it happened, to each open `EventStream`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from explorer.client.errors import (
    BrokerError,
    ClientError,
    ConnectFailed,
    ConnectionLostError,
    ConnectTimeout,
    HeartbeatTimeout,
    NotConnected,
    NotSupported,
    ProtocolError,
    TransportError,
)
from explorer.client.events import (
    Connected,
    Connecting,
    ConnectionLost,
    Direction,
    Disconnected,
    ErrorReceived,
    Event,
    Message,
    MessageReceived,
    ReceiptReceived,
    Reconnecting,
    State,
    UnhandledFrame,
    WireRecord,
)
from explorer.client.options import ReconnectPolicy, TlsOptions, WebSocketOptions
from explorer.client.receipts import ReceiptWaiter, new_receipt_future
from explorer.client.requests import (
    ACK_MODES,
    HeadersLike,
    ack_headers,
    connect_frame,
    header_tuple,
    redact,
)
from explorer.client.streams import EventStream, Subscription
from explorer.client.transports import Transport, open_transport
from explorer.client.url import Endpoint, parse_url
from explorer.stomp import (
    HEARTBEAT_BYTES,
    Command,
    Frame,
    FrameParser,
    Heartbeat,
    Limits,
    StompError,
    Version,
    negotiate_heartbeat,
    parse_heart_beat,
    serialize,
)

__all__ = ["ACK_MODES", "Client", "ReceiptWaiter", "WireTap", "connect"]

log = logging.getLogger(__name__)

WireTap = Callable[[WireRecord], None]


class Client:
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
        heartbeat_grace: float = 2.0,
        use_stomp_command: bool = False,
        connect_headers: HeadersLike = (),
        tls: TlsOptions | None = None,
        websocket: WebSocketOptions | None = None,
        limits: Limits | None = None,
        connect_timeout: float = 10.0,
        receipt_timeout: float = 10.0,
        reconnect: ReconnectPolicy | None = None,
        wire_tap: WireTap | None = None,
        keep_raw: bool = False,
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
        self.limits = limits or Limits()
        self.connect_timeout = connect_timeout
        self.receipt_timeout = receipt_timeout
        self.reconnect = reconnect
        self.wire_tap = wire_tap
        self.keep_raw = keep_raw

        self._state = State.IDLE
        self.version: Version | None = None
        self.server: str | None = None
        self.session: str | None = None
        self.heartbeat: tuple[int, int] = (0, 0)  # negotiated (send_every_ms, expect_every_ms)
        self.connected_frame: Frame | None = None

        self._transport: Transport | None = None
        self._parser: FrameParser | None = None
        self._io_task: asyncio.Task[None] | None = None
        self._heartbeat_task: asyncio.Task[None] | None = None
        self._loss_reason: ClientError | None = None
        self._last_error: Frame | None = None  # brokers often close right after an ERROR
        self._last_read = 0.0
        self._last_write = 0.0
        self._receipts: dict[str, asyncio.Future[Frame]] = {}
        self._subscriptions: dict[str, Subscription] = {}
        self._streams: list[EventStream] = []
        self._receipt_ids = itertools.count(1)
        self._subscription_ids = itertools.count(1)
        self._transaction_ids = itertools.count(1)

    # ------------------------------------------------------------------ properties

    @property
    def state(self) -> State:
        return self._state

    @property
    def connected(self) -> bool:
        return self._state is State.CONNECTED

    @property
    def subscriptions(self) -> tuple[Subscription, ...]:
        return tuple(self._subscriptions.values())

    def __repr__(self) -> str:
        return f"<Client {self.endpoint.url()} {self._state.value}>"

    # ------------------------------------------------------------------ events

    def events(self) -> EventStream:
        """A new stream of every event from now on (create it before connect() to see it)."""
        stream = EventStream(self._remove_stream)
        if self._state is State.CLOSED:
            stream.finish()
        else:
            self._streams.append(stream)
        return stream

    def _remove_stream(self, stream: EventStream) -> None:
        with contextlib.suppress(ValueError):
            self._streams.remove(stream)

    def _emit(self, event: Event) -> None:
        for stream in self._streams:
            stream.push(event)

    def _tap(self, direction: Direction, data: bytes, frame: Frame | None) -> None:
        tap = self.wire_tap
        if tap is None:
            return
        try:
            tap(WireRecord(time.monotonic(), direction, data, frame))
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

    def _connect_frame(self) -> Frame:
        return connect_frame(
            self.accept_versions,
            self.host,
            self.login,
            self._passcode,
            self.requested_heartbeat,
            self.connect_headers,
            self.use_stomp_command,
        )

    async def _establish(self, attempt: int) -> None:
        """Transport, CONNECT, CONNECTED, re-subscriptions, reader and heart-beat tasks."""
        self._state = State.CONNECTING
        self._emit(Connecting(self.endpoint, attempt))
        transport: Transport | None = None
        try:
            async with asyncio.timeout(self.connect_timeout):
                transport = await open_transport(
                    self.endpoint,
                    tls=self.tls,
                    websocket=self.websocket,
                    max_message_size=self.limits.max_frame_bytes,
                    timeout=None,
                )
                parser = FrameParser(
                    limits=self.limits, keep_raw=self.keep_raw or self.wire_tap is not None
                )
                connected, rest = await self._handshake(transport, parser)
        except TimeoutError:
            if transport is not None:
                await transport.close()
            if transport is None:
                raise ConnectTimeout(
                    f"no connection to {self.endpoint.url()} within {self.connect_timeout:g} s;"
                    " check the host, port and firewall"
                ) from None
            raise ConnectTimeout(
                f"no CONNECTED from {self.endpoint.url()} within {self.connect_timeout:g} s"
                " (is this a STOMP port? for RabbitMQ, is the vhost right?)"
            ) from None
        except BaseException:
            if transport is not None:
                await transport.close()
            raise
        if self._state is not State.CONNECTING:  # disconnect() or close() meanwhile
            await transport.close()
            raise NotConnected("the connection attempt was abandoned by disconnect()/close()")

        loop = asyncio.get_running_loop()
        self._transport = transport
        self._parser = parser
        self._loss_reason = None
        self._last_error = None
        self.connected_frame = connected
        self.version = parser.version or Version.V1_0
        self.server = connected.header("server")
        self.session = connected.header("session")
        try:
            server_hb = parse_heart_beat(connected.header("heart-beat"))
        except StompError:
            server_hb = (0, 0)
        self.heartbeat = (
            negotiate_heartbeat(self.requested_heartbeat, server_hb)
            if self.version is not Version.V1_0
            else (0, 0)
        )
        self._last_read = self._last_write = loop.time()
        self._state = State.CONNECTED
        resubscribed: list[str] = []
        try:
            for sub in list(self._subscriptions.values()):
                await self._write(Frame(Command.SUBSCRIBE, sub.headers))
                resubscribed.append(sub.id)
        except BaseException:
            self._state = State.CONNECTING
            self._transport = self._parser = None
            await transport.close()
            raise
        self._emit(
            Connected(
                self.version,
                self.server,
                self.session,
                self.heartbeat,
                connected,
                tuple(resubscribed),
            )
        )
        if rest:
            self._dispatch(rest)
        self._io_task = loop.create_task(self._read_loop(transport, parser), name="stomp-reader")
        send_ms, expect_ms = self.heartbeat
        if send_ms or expect_ms:
            self._heartbeat_task = loop.create_task(
                self._heartbeat_loop(transport, send_ms / 1000, expect_ms / 1000),
                name="stomp-heartbeat",
            )

    async def _handshake(
        self, transport: Transport, parser: FrameParser
    ) -> tuple[Frame, list[Frame | Heartbeat]]:
        frame = self._connect_frame()
        try:
            data = serialize(frame, Version.V1_2)
        except StompError as exc:
            raise NotSupported(f"cannot send CONNECT: {exc}") from exc
        if self.wire_tap is not None:
            redacted = redact(frame)
            self._tap(Direction.OUT, serialize(redacted, Version.V1_2), redacted)
        await transport.send(data)
        while True:
            chunk = await transport.receive()
            if not chunk:
                why = transport.close_reason
                raise TransportError(
                    f"{self.endpoint.url()} closed the connection before answering CONNECT"
                    + (f" ({why})" if why else "")
                )
            try:
                items = parser.feed(chunk)
            except StompError as exc:
                raise ProtocolError(
                    f"the answer to CONNECT is not STOMP ({exc}); is this the broker's "
                    "STOMP port rather than an HTTP, AMQP or OpenWire one?"
                ) from exc
            for index, item in enumerate(items):
                if isinstance(item, Heartbeat):
                    self._tap(Direction.IN, HEARTBEAT_BYTES, None)
                    continue
                self._tap(Direction.IN, item.raw or b"", item)
                if item.command == Command.CONNECTED:
                    return item, items[index + 1 :]
                if item.command == Command.ERROR:
                    raise ConnectFailed(item)
                self._emit(UnhandledFrame(item))

    # ------------------------------------------------------------------ reading

    async def _read_loop(self, transport: Transport, parser: FrameParser) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                data = await transport.receive()
                if not data:
                    if self._loss_reason is not None:
                        raise self._loss_reason
                    why = transport.close_reason
                    error = self._last_error
                    after = f" after ERROR: {error.header('message')}" if error else ""
                    raise ConnectionLostError(
                        f"{self.endpoint.url()} closed the connection{after}"
                        + (f" ({why})" if why else "")
                    )
                self._last_read = loop.time()
                try:
                    items = parser.feed(data)
                except StompError as exc:
                    done = getattr(exc, "items", ())
                    if done:
                        self._dispatch(list(done))
                    raise ProtocolError(f"the broker sent malformed STOMP: {exc}") from exc
                self._dispatch(items)
        except ClientError as exc:
            if self._state in (State.DISCONNECTING, State.CLOSED):
                # The broker closed after our DISCONNECT: nobody needs to wait any longer.
                for future in self._receipts.values():
                    if not future.done():
                        future.set_exception(exc)
                return
            await self._connection_lost(self._loss_reason or exc)

    def _dispatch(self, items: list[Frame | Heartbeat]) -> None:
        tap = self.wire_tap is not None
        subscriptions = self._subscriptions
        emit = self._emit if self._streams else None
        for item in items:
            if isinstance(item, Heartbeat):
                if tap:
                    self._tap(Direction.IN, HEARTBEAT_BYTES, None)
                continue
            if tap:
                self._tap(Direction.IN, item.raw or b"", item)
            command = item.command
            if command == Command.MESSAGE:
                message = Message.from_frame(item, subscriptions)
                if message.matched:
                    sub = subscriptions[message.subscription]  # type: ignore[index]
                    if sub.queue_messages:
                        sub.push(message)
                if emit is not None:
                    emit(MessageReceived(message))
            elif command == Command.RECEIPT:
                receipt_id = item.header("receipt-id") or ""
                future = self._receipts.get(receipt_id)
                if future is not None and not future.done():
                    future.set_result(item)
                if emit is not None:
                    emit(ReceiptReceived(receipt_id, item))
            elif command == Command.ERROR:
                self._fail_receipts(item)
                if emit is not None:
                    emit(ErrorReceived(item))
            elif emit is not None:
                emit(UnhandledFrame(item))
        for item in reversed(items):  # remember an ERROR only while it is the latest frame
            if not isinstance(item, Heartbeat):
                self._last_error = item if item.command == Command.ERROR else None
                break

    def _fail_receipts(self, error: Frame) -> None:
        """An ERROR with a receipt-id fails that receipt. One without (RabbitMQ's "Invalid
        destination" has none) fails every pending receipt: the broker does not say which
        command it refuses, and an answer that will never come is worse than an early one."""
        error_receipt = error.header("receipt-id")
        if error_receipt is not None:
            futures = [self._receipts.get(error_receipt)]
        else:
            futures = list(self._receipts.values())
        for future in futures:
            if future is not None and not future.done():
                future.set_exception(BrokerError(error))

    # ------------------------------------------------------------------ heart-beats

    async def _heartbeat_loop(
        self, transport: Transport, send_every: float, expect_every: float
    ) -> None:
        """Send an EOL when we were silent for half the interval; declare the peer dead after
        grace x its interval without a byte (STOMP 1.2 "Heart-beating").

        The margin matters: ActiveMQ's keep-alive check skips a period in which it wrote
        anything, so its gaps reach 2x the interval (1004 ms measured at 500 ms). Hence the
        default grace of 2, plus max(10 %, 0.3 s) for scheduling jitter on a loaded machine;
        checks run every 1/8 interval. With a 10 s interval a dead peer is reported 21-22.5 s
        after its last byte.
        """
        loop = asyncio.get_running_loop()
        periods = [p for p in (send_every / 2, expect_every / 8) if p > 0]
        period = min(periods)
        limit = expect_every * self.heartbeat_grace + max(expect_every * 0.1, 0.3)
        while True:
            await asyncio.sleep(period)
            if self._state is not State.CONNECTED:
                continue  # nothing may follow our DISCONNECT; teardown cancels this task
            now = loop.time()
            if expect_every and now - self._last_read > limit:
                self._loss_reason = HeartbeatTimeout(now - self._last_read, expect_every)
                transport.abort()
                return
            if send_every and now - self._last_write >= send_every / 2:
                self._last_write = now
                self._tap(Direction.OUT, HEARTBEAT_BYTES, None)
                try:
                    await transport.send_heartbeat()
                except TransportError:
                    return  # the reader sees the same failure and handles it

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

    async def _teardown(self, reason: ClientError | None) -> None:
        """Stop the heart-beat task, close the transport, fail pending receipts."""
        hb = self._heartbeat_task
        self._heartbeat_task = None
        if hb is not None and hb is not asyncio.current_task():
            hb.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await hb
        transport = self._transport
        self._transport = None
        self._parser = None
        if transport is not None:
            await transport.close()
        receipts = self._receipts
        self._receipts = {}
        error = reason or ConnectionLostError("the connection was closed")
        for future in receipts.values():
            if not future.done():
                future.set_exception(error)

    def _finish(self, event: Event, error: ClientError | None) -> None:
        """Terminal: emit the last event, end every stream and subscription."""
        self._state = State.CLOSED
        self._emit(event)
        for stream in self._streams:
            stream.finish()
        self._streams.clear()
        lost = (
            error
            if isinstance(error, ConnectionLostError)
            else (ConnectionLostError(str(error), error) if error is not None else None)
        )
        for sub in self._subscriptions.values():
            sub.finish(lost)
        self._subscriptions.clear()

    async def disconnect(self, timeout: float = 3.0) -> None:
        """DISCONNECT with a receipt, wait up to `timeout` for it, then close the transport."""
        state = self._state
        if state in (State.CLOSED, State.DISCONNECTING):
            return
        if state is State.IDLE:
            self._finish(Disconnected(False), None)
            return
        received = False
        self._state = State.DISCONNECTING
        if state is State.CONNECTED and self._transport is not None:
            receipt_id = f"disconnect-{next(self._receipt_ids)}"
            future = self._track_receipt(receipt_id)
            try:
                async with asyncio.timeout(timeout):
                    await self._write(Frame(Command.DISCONNECT, (("receipt", receipt_id),)))
                    await future
                received = True
            except (ClientError, TimeoutError):
                pass
        await self._stop_io()
        await self._teardown(None)
        self._finish(Disconnected(received), None)

    async def close(self) -> None:
        """Drop the connection without DISCONNECT (and stop any reconnecting)."""
        if self._state in (State.CLOSED, State.DISCONNECTING):
            return
        self._state = State.DISCONNECTING
        await self._stop_io()
        await self._teardown(None)
        self._finish(Disconnected(False), None)

    async def _stop_io(self) -> None:
        task = self._io_task
        self._io_task = None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # ------------------------------------------------------------------ writing

    async def _write(self, frame: Frame, *, content_length: bool = True) -> None:
        transport = self._transport
        if transport is None:
            raise NotConnected(f"not connected to {self.endpoint.url()} ({self._state.value})")
        try:
            data = serialize(frame, self.version or Version.V1_2, content_length=content_length)
        except StompError as exc:
            raise NotSupported(f"cannot send this {frame.command}: {exc}") from exc
        if self.wire_tap is not None:
            self._tap(Direction.OUT, data, frame)
        self._last_write = asyncio.get_running_loop().time()
        await transport.send(data)

    def _require_connected(self) -> None:
        if self._state is not State.CONNECTED:
            raise NotConnected(
                f"not connected to {self.endpoint.url()} (the client is {self._state.value})"
            )

    def _track_receipt(self, receipt_id: str) -> asyncio.Future[Frame]:
        future = new_receipt_future()
        self._receipts[receipt_id] = future
        return future

    def _forget_receipt(self, receipt_id: str) -> None:
        self._receipts.pop(receipt_id, None)

    def next_receipt_id(self) -> str:
        return f"rcpt-{next(self._receipt_ids)}"

    async def send_frame(
        self, frame: Frame, *, content_length: bool = True
    ) -> ReceiptWaiter | None:
        """Send any frame as given. If it has a `receipt` header, return its ReceiptWaiter."""
        self._require_connected()
        receipt_id = frame.header("receipt")
        waiter = None
        if receipt_id is not None:
            future = self._track_receipt(receipt_id)
            waiter = ReceiptWaiter(receipt_id, future, self.receipt_timeout, self._forget_receipt)
        try:
            await self._write(frame, content_length=content_length)
        except BaseException:
            if receipt_id is not None:
                self._forget_receipt(receipt_id)
            raise
        return waiter

    async def _command(
        self,
        command: str,
        headers: list[tuple[str, str]],
        body: bytes = b"",
        *,
        receipt: bool,
        timeout: float | None = None,
        content_length: bool = True,
    ) -> Frame | None:
        self._require_connected()
        if not receipt:
            await self._write(Frame(command, tuple(headers), body), content_length=content_length)
            return None
        receipt_id = self.next_receipt_id()
        headers.append(("receipt", receipt_id))
        waiter = await self.send_frame(
            Frame(command, tuple(headers), body), content_length=content_length
        )
        assert waiter is not None
        return await waiter.wait(timeout)

    # ------------------------------------------------------------------ commands

    async def send(
        self,
        destination: str,
        body: bytes | str = b"",
        headers: HeadersLike | None = None,
        *,
        content_type: str | None = None,
        transaction: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        content_length: bool = True,
    ) -> Frame | None:
        """SEND; with `receipt=True` wait for the RECEIPT and return it."""
        frame_headers = [("destination", destination)]
        if content_type is not None:
            frame_headers.append(("content-type", content_type))
        if transaction is not None:
            frame_headers.append(("transaction", transaction))
        if headers:
            frame_headers.extend(header_tuple(headers))
        data = body.encode("utf-8") if isinstance(body, str) else body
        return await self._command(
            Command.SEND,
            frame_headers,
            data,
            receipt=receipt,
            timeout=timeout,
            content_length=content_length,
        )

    async def subscribe(
        self,
        destination: str,
        *,
        ack: str = "auto",
        headers: HeadersLike | None = None,
        id: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        queue_messages: bool = True,
    ) -> Subscription:
        """SUBSCRIBE; messages arrive on the returned Subscription (and on every EventStream).

        `queue_messages=False` when you only read events(): the subscription then keeps nothing.
        """
        if ack not in ACK_MODES:
            raise ValueError(f"ack must be one of {', '.join(ACK_MODES)}, not {ack!r}")
        self._require_connected()
        sub_id = id if id is not None else f"sub-{next(self._subscription_ids)}"
        if sub_id in self._subscriptions:
            raise ValueError(f"subscription id {sub_id!r} is already in use on this connection")
        frame_headers = [("destination", destination), ("id", sub_id), ("ack", ack)]
        if headers:
            frame_headers.extend(header_tuple(headers))
        sub = Subscription(
            sub_id, destination, ack, tuple(frame_headers), self._unsubscribe, queue_messages
        )
        self._subscriptions[sub_id] = sub  # before the frame: the first MESSAGE may be quick
        try:
            await self._command(Command.SUBSCRIBE, frame_headers, receipt=receipt, timeout=timeout)
        except BaseException:
            self._subscriptions.pop(sub_id, None)
            raise
        return sub

    async def _unsubscribe(self, sub: Subscription, receipt: bool) -> None:
        if self._subscriptions.get(sub.id) is not sub:
            sub.finish()
            return
        del self._subscriptions[sub.id]
        sub.finish()
        if self._state is State.CONNECTED:
            await self._command(Command.UNSUBSCRIBE, [("id", sub.id)], receipt=receipt)

    async def unsubscribe(self, subscription: Subscription | str, *, receipt: bool = False) -> None:
        sub = (
            self._subscriptions.get(subscription) if isinstance(subscription, str) else subscription
        )
        if sub is None:
            raise ValueError(f"no subscription {subscription!r} on this connection")
        await self._unsubscribe(sub, receipt)

    async def ack(
        self,
        message: Message,
        *,
        transaction: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
    ) -> None:
        """ACK with the headers the negotiated version wants (1.2: id; 1.1: message-id)."""
        self._require_connected()
        headers = ack_headers(self.version or Version.V1_0, message, "ACK", transaction)
        await self._command(Command.ACK, headers, receipt=receipt, timeout=timeout)

    async def nack(
        self,
        message: Message,
        *,
        transaction: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        headers: HeadersLike | None = None,
    ) -> None:
        """NACK (STOMP 1.1+). `headers` adds e.g. RabbitMQ's requeue:false."""
        self._require_connected()
        if self.version is Version.V1_0:
            raise NotSupported("NACK does not exist in STOMP 1.0 (the negotiated version)")
        frame_headers = ack_headers(self.version or Version.V1_0, message, "NACK", transaction)
        if headers:
            frame_headers.extend(header_tuple(headers))
        await self._command(Command.NACK, frame_headers, receipt=receipt, timeout=timeout)

    async def begin(self, transaction: str | None = None, *, receipt: bool = False) -> str:
        """BEGIN a transaction; returns its id for send/ack/commit/abort."""
        tx = transaction if transaction is not None else f"tx-{next(self._transaction_ids)}"
        await self._command(Command.BEGIN, [("transaction", tx)], receipt=receipt)
        return tx

    async def commit(self, transaction: str, *, receipt: bool = False) -> None:
        await self._command(Command.COMMIT, [("transaction", transaction)], receipt=receipt)

    async def abort(self, transaction: str, *, receipt: bool = False) -> None:
        await self._command(Command.ABORT, [("transaction", transaction)], receipt=receipt)


async def connect(endpoint: Endpoint | str, **options: Any) -> Client:
    """`Client(endpoint, **options)` and `await client.connect()` in one call."""
    client = Client(endpoint, **options)
    await client.connect()
    return client
