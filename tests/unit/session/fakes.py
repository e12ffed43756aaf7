"""A fake STOMP client, clock and sink for driving `ConnectionSession` without a broker.

`FakeBroker` decides how the fake client's frames are answered (RECEIPTs, refusals like
RabbitMQ's ERROR without receipt-id); `FakeClient` has the members the session uses and
emits the same events as `explorer.client.Client`.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from explorer.client import (
    BrokerError,
    ClientError,
    Connected,
    ConnectFailed,
    Connecting,
    ConnectionLost,
    ConnectionLostError,
    Disconnected,
    ErrorReceived,
    Event,
    Message,
    MessageReceived,
    NotConnected,
    ReceiptReceived,
    Reconnecting,
    State,
    WireRecord,
)
from explorer.client.url import parse_url
from explorer.discovery.service import DiscoveryConfig, DiscoveryEvent
from explorer.session import Status, Target
from explorer.session.notices import Notice
from explorer.session.ports import StompClient, StompSubscription
from explorer.session.sink import DestinationChange
from explorer.session.subscriptions import LiveSubscription
from explorer.stomp import Direction, Frame, Version
from explorer.store import LogEntry

ENDPOINT = parse_url("stomp://broker.test:61613")


class FakeClock:
    """Time moves only when a test (or `sleep`) says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return 1_700_000_000.0 + self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        """A sleep that moves the clock instead of waiting."""
        self.advance(seconds)
        await asyncio.sleep(0)


class FakeEvents:
    """Like `explorer.client.EventStream`: every event after creation, in batches."""

    def __init__(self) -> None:
        self.items: deque[Event] = deque()
        self.finished = False
        self._wake = asyncio.Event()

    def push(self, event: Event) -> None:
        if not self.finished:
            self.items.append(event)
            self._wake.set()

    def finish(self) -> None:
        self.finished = True
        self._wake.set()

    async def get_batch(self, timeout: float | None = None) -> list[Event]:
        while not self.items:
            if self.finished:
                raise StopAsyncIteration
            self._wake.clear()
            await self._wake.wait()
        batch = list(self.items)
        self.items.clear()
        return batch

    def take_all(self) -> list[Event]:
        batch = list(self.items)
        self.items.clear()
        return batch

    def close(self) -> None:
        self.finish()


class FakeReceipt:
    def __init__(self) -> None:
        self.future: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()
        self.future.add_done_callback(lambda f: f.cancelled() or f.exception())

    async def wait(self, timeout: float | None = None) -> Frame:
        return await asyncio.shield(self.future)


@dataclass
class FakeBroker:
    """How the fake answers. `refuse` maps destinations to the ERROR `message` (and body)
    sent instead of a RECEIPT; `close_after_error` closes the connection too (RabbitMQ);
    `receipts` False: no RECEIPT at all (Spring's simple broker)."""

    server: str = "ActiveMQ/5.17.6"
    refuse: dict[str, tuple[str, str]] = field(default_factory=dict)
    close_after_error: bool = False
    receipts: bool = True
    login_error: tuple[str, str] | None = None  # (message, body) of a refused CONNECT
    connects: int = 0


class FakeClient:
    """The members of `explorer.client.Client` a session uses, in memory."""

    def __init__(
        self,
        broker: FakeBroker,
        endpoint: Any,
        *,
        wire_tap: Callable[[WireRecord], None] | None = None,
        **options: Any,
    ) -> None:
        self.broker = broker
        self.endpoint = endpoint
        self.options = options
        self.wire_tap = wire_tap
        self.version: Version | None = None
        self._state = State.IDLE
        self.streams: list[FakeEvents] = []
        self.sent: list[Frame] = []
        self.acks: list[tuple[str, Message]] = []
        self.receipts: dict[str, FakeReceipt] = {}
        self._ids = itertools.count(1)

    # -- what the session uses ---------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def connected(self) -> bool:
        return self._state is State.CONNECTED

    def events(self) -> FakeEvents:
        stream = FakeEvents()
        self.streams.append(stream)
        return stream

    async def connect(self) -> FakeClient:
        self._state = State.CONNECTING
        self.emit(Connecting(self.endpoint, 1))
        await asyncio.sleep(0)
        if self.broker.login_error is not None:
            message, body = self.broker.login_error
            frame = Frame("ERROR", (("message", message),), body.encode())
            error = ConnectFailed(frame)
            self.finish(ConnectionLost(error, reconnecting=False))
            raise error
        self.come_up()
        return self

    async def disconnect(self, timeout: float = 3.0) -> None:
        if self._state is State.CLOSED:
            return
        self.tap(Direction.OUT, Frame("DISCONNECT", (("receipt", "bye"),)))
        self.finish(Disconnected(True))

    async def close(self) -> None:
        if self._state is not State.CLOSED:
            self.finish(Disconnected(False))

    async def subscribe(self, destination: str, **options: Any) -> StompSubscription:
        raise AssertionError("the session sends its own SUBSCRIBE frames")

    async def ack(self, message: Message) -> None:
        self.require()
        self.acks.append(("ACK", message))

    async def nack(self, message: Message) -> None:
        self.require()
        self.acks.append(("NACK", message))

    async def send_frame(self, frame: Frame, *, content_length: bool = True) -> FakeReceipt | None:
        self.require()
        self.sent.append(frame)
        self.tap(Direction.OUT, frame)
        receipt_id = frame.header("receipt")
        waiter = None
        if receipt_id is not None:
            waiter = self.receipts[receipt_id] = FakeReceipt()
        asyncio.get_running_loop().call_soon(self._answer, frame)
        return waiter

    def next_receipt_id(self) -> str:
        return f"rcpt-{next(self._ids)}"

    # -- the fake broker's side --------------------------------------------------------------

    def require(self) -> None:
        if self._state is not State.CONNECTED:
            raise NotConnected("not connected (fake)")

    def emit(self, event: Event) -> None:
        for stream in self.streams:
            stream.push(event)

    def tap(self, direction: Direction, frame: Frame | None) -> None:
        if self.wire_tap is not None:
            data = b"\n" if frame is None else frame.command.encode()
            self.wire_tap(WireRecord(1000.0, direction, data, frame))

    def come_up(self, resubscribed: tuple[str, ...] = ()) -> None:
        self.broker.connects += 1
        self.version = Version.V1_2
        self._state = State.CONNECTED
        frame = Frame("CONNECTED", (("version", "1.2"), ("server", self.broker.server)))
        self.tap(Direction.IN, frame)
        self.emit(Connected(Version.V1_2, self.broker.server, "s-1", (0, 10000), frame))

    def finish(self, event: Event) -> None:
        self._state = State.CLOSED
        self.emit(event)
        for stream in self.streams:
            stream.finish()

    def lose(self, delay: float = 0.5) -> None:
        """The transport drops; the client will reconnect (call `come_up` for that)."""
        reason = ConnectionLostError("the broker closed the connection")
        self._state = State.RECONNECT_WAIT
        self.fail_receipts(reason)
        self.emit(ConnectionLost(reason, reconnecting=True))
        self.emit(Reconnecting(1, delay, reason))

    def deliver(self, frame: Frame, known: Sequence[str] = ()) -> None:
        """A MESSAGE; `known` are the subscription ids the client itself registered."""
        self.tap(Direction.IN, frame)
        self.emit(MessageReceived(Message.from_frame(frame, set(known))))

    def error(self, message: str, body: str = "", receipt_id: str | None = None) -> Frame:
        headers = [("message", message)]
        if receipt_id is not None:
            headers.append(("receipt-id", receipt_id))
        frame = Frame("ERROR", tuple(headers), body.encode())
        self.tap(Direction.IN, frame)
        # The client fails the receipt the ERROR names, or every pending one.
        if receipt_id is not None:
            pending = [self.receipts.pop(receipt_id)] if receipt_id in self.receipts else []
        else:
            pending = list(self.receipts.values())
            self.receipts.clear()
        for waiter in pending:
            if not waiter.future.done():
                waiter.future.set_exception(BrokerError(frame))
        self.emit(ErrorReceived(frame))
        return frame

    def receipt(self, receipt_id: str) -> None:
        frame = Frame("RECEIPT", (("receipt-id", receipt_id),))
        self.tap(Direction.IN, frame)
        waiter = self.receipts.pop(receipt_id, None)
        if waiter is not None and not waiter.future.done():
            waiter.future.set_result(frame)
        self.emit(ReceiptReceived(receipt_id, frame))

    def fail_receipts(self, error: ClientError) -> None:
        for waiter in self.receipts.values():
            if not waiter.future.done():
                waiter.future.set_exception(error)
        self.receipts.clear()

    def _answer(self, frame: Frame) -> None:
        """Answer like an in-order broker: refuse (ERROR without receipt-id, as RabbitMQ
        does) or confirm (RECEIPT)."""
        if self._state is not State.CONNECTED:
            return
        refusal = self.broker.refuse.get(frame.header("destination") or "")
        if refusal is not None and frame.command in ("SEND", "SUBSCRIBE"):
            self.error(*refusal)
            if self.broker.close_after_error:
                self.lose()
            return
        receipt_id = frame.header("receipt")
        if receipt_id is not None and self.broker.receipts:
            self.receipt(receipt_id)

    def frames(self, command: str) -> list[Frame]:
        return [f for f in self.sent if f.command == command]


class Factory:
    """The client factory a session gets; keeps every client it made."""

    def __init__(self, broker: FakeBroker | None = None) -> None:
        self.broker = broker or FakeBroker()
        self.clients: list[FakeClient] = []

    def __call__(self, endpoint: Any, **options: Any) -> StompClient:
        client = FakeClient(self.broker, endpoint, **options)
        self.clients.append(client)
        return client

    @property
    def client(self) -> FakeClient:
        return self.clients[-1]


class Recorder:
    """A SessionSink that keeps every call."""

    def __init__(self) -> None:
        self.states: list[Status] = []
        self.entry_batches: list[list[LogEntry]] = []
        self.change_batches: list[list[DestinationChange]] = []
        self.notices: list[Notice] = []
        self.subscription_calls: list[list[str]] = []
        self.traffic_batches: list[list[WireRecord]] = []

    def on_state(self, status: Status) -> None:
        self.states.append(status)

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        self.entry_batches.append(list(entries))

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        self.change_batches.append(list(changes))

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        self.subscription_calls.append(sorted(subscriptions))

    def on_notice(self, notice: Notice) -> None:
        self.notices.append(notice)

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        self.traffic_batches.append(list(records))

    @property
    def entries(self) -> list[LogEntry]:
        return [e for batch in self.entry_batches for e in batch]

    @property
    def changes(self) -> list[DestinationChange]:
        return [c for batch in self.change_batches for c in batch]

    def of_type(self, kind: type[Any]) -> list[Any]:
        return [n for n in self.notices if isinstance(n, kind)]


class FakeDiscovery:
    """A discovery feed a test fills by hand."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[DiscoveryEvent] = asyncio.Queue()
        self.started = False
        self.stopped = False
        self.config: DiscoveryConfig | None = None

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    async def get(self, timeout: float | None = None) -> DiscoveryEvent:
        return await self.queue.get()

    def get_nowait_batch(self) -> list[DiscoveryEvent]:
        batch: list[DiscoveryEvent] = []
        while not self.queue.empty():
            batch.append(self.queue.get_nowait())
        return batch


def target(**overrides: Any) -> Target:
    values: dict[str, Any] = {"name": "fake", "endpoint": ENDPOINT, "client_options": {}}
    values.update(overrides)
    return Target(**values)


async def settle(rounds: int = 10) -> None:
    """Let the session's tasks run (no time passes)."""
    for _ in range(rounds):
        await asyncio.sleep(0)
