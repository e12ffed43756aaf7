"""One connection's life cycle without a GUI: the core of the window, the command line and
scenario runs. It drains the client's events in batches and reports to a `SessionSink`
(entries and tree changes once per batch, wire records once per loop turn, states and
notices as they happen). Commands return structured results or raise `SessionError`
(connection problems stay `ClientError`s); wording is the owner's job.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from explorer.broker.kind import BrokerKind, detect_broker_kind, subtree_wildcard
from explorer.broker.modes import MODES, Mode
from explorer.client import (
    Client,
    Connected,
    ConnectFailed,
    Connecting,
    ConnectionLost,
    Disconnected,
    ErrorReceived,
    Event,
    Message,
    MessageReceived,
    ReceiptReceived,
    Reconnecting,
)
from explorer.session.backoff import FlapBackoff, with_flap_backoff
from explorer.session.compose import ComposeRequest
from explorer.session.consuming import answer, browse
from explorer.session.discovery import DiscoveryFactory, DiscoveryRunner, default_discovery
from explorer.session.error_watch import ErrorWatch
from explorer.session.errors import NotConnected
from explorer.session.intake import Intake
from explorer.session.notices import (
    BrokerErrorReceived,
    ConnectionFailed,
    LoginRefused,
    Notice,
    SessionState,
    Status,
    error_words,
    explain_reason,
    is_login_refusal,
)
from explorer.session.ports import (
    DEFAULT_SLEEP,
    SYSTEM_CLOCK,
    ClientFactory,
    Clock,
    Sleep,
    StompClient,
    StompEvents,
)
from explorer.session.sending import REFUSAL_WINDOW, ResultKind, Sender, SendResult
from explorer.session.sink import DestinationChange, SessionSink, count_skipped, record_frame
from explorer.session.stats import Counters
from explorer.session.subscribing import Subscriber
from explorer.session.subscriptions import LiveSubscription, SubscriptionBook, SubscriptionSpec
from explorer.session.target import Target
from explorer.session.tasks import Helpers, finish
from explorer.session.user_destinations import user_subscriptions
from explorer.session.wiretap import WireTap
from explorer.stomp import Frame
from explorer.store import IN, LogEntry

ACTIVE = (SessionState.CONNECTING, SessionState.CONNECTED, SessionState.RECONNECTING)
# Brokers known to send no RECEIPT for a SUBSCRIBE: never wait for one there.
NO_SUBSCRIBE_RECEIPTS = (BrokerKind.SPRING,)


class ConnectionSession:
    """State, subscriptions, counters and commands of one connection."""

    def __init__(
        self,
        target: Target,
        sink: SessionSink,
        *,
        client_factory: ClientFactory = Client,
        clock: Clock = SYSTEM_CLOCK,
        sleep: Sleep = DEFAULT_SLEEP,
        refusal_window: float = REFUSAL_WINDOW,
        restore: Iterable[SubscriptionSpec] = (),
        discovery_factory: DiscoveryFactory = default_discovery,
        wire_records: bool = True,
    ) -> None:
        self.target = target  # replace it between runs to reconnect with new settings
        self.status = Status(SessionState.IDLE)
        self.version: str | None = None
        self.server: str | None = None
        self.broker_kind = BrokerKind.UNKNOWN
        self.heartbeat: tuple[int, int] = (0, 0)  # negotiated (send_every_ms, expect_every_ms)
        self.counters = Counters()
        self.book = SubscriptionBook(restore)
        self.login_was_refused = False
        self.backoff: FlapBackoff | None = None
        self._sink = sink
        self._factory = client_factory
        self.clock = clock
        self._sleep = sleep
        self._discovery_factory = discovery_factory
        self._wire_records = wire_records  # False: no tap, no on_traffic (the command line)
        self._sender = Sender(
            sink, self.counters, clock, sleep, self.spawn, lambda: self._last_error, refusal_window
        )
        self._sender.broker = lambda: self.broker_kind
        self._subscriber = Subscriber(self, self.book, clock)
        self._client: StompClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._pump_task: asyncio.Task[None] | None = None
        self._discovery: DiscoveryRunner | None = None
        self._helpers = Helpers()
        self._restored = False
        self._closing = False
        self._up: asyncio.Future[None] | None = None
        self._last_error = ("", "")  # the latest ERROR's (message, detail)
        self._error_watch = ErrorWatch(self.notify, clock, sleep, self.spawn)
        self._wiretap = WireTap(self.counters, sink.on_traffic)
        self._intake = Intake(self._handle_batch, self._count_skipped, self.book.must_answer)

    # -- what the owner reads ----------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self.status.state

    @property
    def client(self) -> StompClient | None:
        return self._client

    @property
    def is_connected(self) -> bool:
        return self.status.state is SessionState.CONNECTED

    @property
    def is_active(self) -> bool:
        """Connecting, connected or waiting to reconnect: something to disconnect."""
        return self.status.state in ACTIVE

    @property
    def subscriptions(self) -> Mapping[str, LiveSubscription]:
        """Live subscriptions by destination (read-only)."""
        return MappingProxyType(self.book.live)

    def rate(self) -> float:
        return self.counters.rate(self.clock.monotonic())

    def tick(self) -> None:
        """Call about once a second: ages the rate window."""
        self.counters.prune(self.clock.monotonic())

    def heartbeat_health(self) -> tuple[bool | None, float]:
        """(healthy?, seconds since the broker last sent anything); None when no heart-beats
        are expected."""
        return self.counters.heartbeat_health(
            self.clock.monotonic(), self.heartbeat[1], self.is_connected
        )

    @property
    def discovery_problems(self) -> Mapping[str, Exception]:
        """Discovery sources failing right now (source → why), empty when all answer."""
        runner = self._discovery
        return MappingProxyType(runner.problems if runner is not None else {})

    def subscription_specs(self) -> list[SubscriptionSpec]:
        """The subscriptions a restart would open (save them to reopen after an app restart)."""
        return self.book.specs()

    def wildcard_for(self, path: str) -> str | None:
        """The broker's "everything under this node" destination, or None if it has none."""
        return subtree_wildcard(self.broker_kind, path)

    # -- life cycle ----------------------------------------------------------------------------

    def start(self) -> None:
        """Connect in the background; progress arrives through the sink."""
        if self._task is not None and not self._task.done():
            return
        self._closing = False
        self._task = asyncio.ensure_future(self._run())

    async def connect(self) -> None:
        """Connect now (the command line): raises the client's error after reporting it."""
        self._closing = False
        await self._open()

    async def _run(self) -> None:
        with contextlib.suppress(Exception):  # reported by _open already
            await self._open()
        pump = self._pump_task
        if pump is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await pump
        # The connection ended for good (failed, or closed by shutdown): nothing of this
        # run may outlive it, whether or not anyone calls shutdown().
        await self._stop_discovery()
        await self._helpers.cancel_all()
        if self.state is not SessionState.FAILED:
            self._set_status(Status(SessionState.CLOSED))

    async def _open(self) -> None:
        # Starting again (after a failure or a disconnect): the subscriptions the user had
        # are opened again with the profile's own.
        self.book.park()
        self.subscriptions_changed()
        self._restored = False
        await self._stop_discovery()  # a previous run's, when this is a restart
        options, self.backoff = with_flap_backoff(self.target.client_options, self.clock)
        tap = self._wiretap.record if self._wire_records else None
        client = self._factory(self.target.endpoint, **options, wire_tap=tap)
        self._client = client
        events = client.events()
        pump = self._pump_task = asyncio.ensure_future(self._pump(events))
        self.login_was_refused = False
        self._up = asyncio.get_running_loop().create_future()
        try:
            await client.connect()
            # Commands work once the pump has seen CONNECTED (or the stream ended).
            await asyncio.wait((self._up, pump), return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:  # shutdown() while connecting
            events.close()
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump
            await client.close()
            raise
        except Exception as exc:  # ClientError, or a bug below us: never the owner's crash
            self._fail_with(exc)
            events.close()
            with contextlib.suppress(asyncio.CancelledError):
                await pump  # what the stream still holds (ConnectionLost) is handled first
            raise

    async def shutdown(self, timeout: float = 3.0) -> None:
        """DISCONNECT with a receipt (bounded by `timeout`), then stop everything."""
        self._closing = True  # a CONNECTED still in the stream starts nothing new
        await self._stop_discovery()
        client, task = self._client, self._task
        # Not connected yet: cancelling the run stops the attempt (and closes its socket);
        # there is nobody to say DISCONNECT to yet.
        up = self.state in (SessionState.CONNECTED, SessionState.RECONNECTING)
        if not up and task is not None and not task.done():
            await finish(task, 0)
            client = self._client
        if client is not None:
            try:
                await client.disconnect(timeout=timeout)
            except Exception:  # a failing DISCONNECT still has to drop the connection
                await client.close()
        for waited in (task, self._pump_task):
            await finish(waited, timeout)
        await self._helpers.cancel_all()
        await self._stop_discovery()
        self._wiretap.flush()
        self.book.park()
        self.subscriptions_changed()
        if self.state is not SessionState.FAILED:
            self._set_status(Status(SessionState.CLOSED))

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run a helper that ends with the session (shutdown cancels it)."""
        self._helpers.spawn(coro)

    # -- events --------------------------------------------------------------------------------

    async def _pump(self, events: StompEvents) -> None:
        await self._intake.run(events)  # slices of the stream; see explorer.session.intake

    @property
    def skipped(self) -> int:
        """Messages skipped under a firehose: counted on their destination, never logged."""
        return self._intake.skipped

    def _count_skipped(self, messages: list[Message]) -> None:
        self.counters.count_received(len(messages), self.clock.monotonic())
        users = user_subscriptions(self.book.live)
        self._report([], count_skipped(messages, self.clock.time(), users))

    def _handle_batch(self, batch: list[Event]) -> None:
        """Messages become log entries and tree counts, reported once per batch; any other
        event first reports what came before it, so the owner sees the stream's order."""
        entries: list[LogEntry] = []
        changes: list[DestinationChange] = []
        now = self.clock.time()
        received = 0
        version = self.version
        users = user_subscriptions(self.book.live)  # logged under the /user/... subscribed to
        for event in batch:
            if type(event) is MessageReceived:
                message = event.message
                # Subscriptions the client knows are discovery's (advisories, the sandbox
                # feed) or a browse: they feed the tree or the peek, not the log.
                if message.matched:
                    continue
                received += 1
                shown = users.get(message.subscription or "") if users else None
                record_frame(
                    message.frame, IN, now, entries, changes, version, shown, message.destination
                )
                continue
            self._report(entries, changes)
            entries, changes = [], []
            self._handle(event, now)
        self.counters.count_received(received, self.clock.monotonic())
        self._report(entries, changes)

    def _report(self, entries: list[LogEntry], changes: list[DestinationChange]) -> None:
        if entries:
            self._sink.on_entries(entries)
        if changes:
            self._sink.on_destinations(changes)

    def _handle(self, event: Event, now: float) -> None:
        match event:
            case ErrorReceived(frame=frame):
                entries: list[LogEntry] = []
                changes: list[DestinationChange] = []
                record_frame(frame, IN, now, entries, changes)
                self._report(entries, changes)
                self.counters.errors += 1
                self._last_error = error_words(frame, self.version)
                self.notify(BrokerErrorReceived(*self._last_error, explain_reason(frame)))
                self._error_watch.error(self._last_error)
                self._subscriber.on_error(frame)
            case ReceiptReceived(receipt_id=receipt_id):
                self._subscriber.on_receipt(receipt_id)
            case Connecting(attempt=attempt):
                self._set_status(Status(SessionState.CONNECTING, attempt=attempt))
            case Connected(version=version, server=server, heartbeat=heartbeat, frame=frame):
                self._connected(str(version), server, heartbeat, frame, event)
            case Reconnecting(delay=delay, reason=reason):
                after_error = self.status.after_error  # set by the ConnectionLost just before
                self._set_status(
                    Status(
                        SessionState.RECONNECTING,
                        reason=reason,
                        reconnect_in=delay,
                        after_error=after_error,
                    )
                )
            case ConnectionLost(reason=reason, reconnecting=reconnecting):
                self._subscriber.connection_lost()
                after_error = self._error_watch.lost()
                if reconnecting:
                    self._set_status(
                        Status(SessionState.RECONNECTING, reason=reason, after_error=after_error)
                    )
                else:
                    self._fail_with(reason, after_error)
            case Disconnected():
                self._error_watch.connection_changed()
                self._set_status(Status(SessionState.CLOSED))
            case _:
                pass

    def _connected(
        self,
        version: str,
        server: str | None,
        heartbeat: tuple[int, int],
        frame: Frame,
        event: Connected,
    ) -> None:
        self.version, self.server, self.heartbeat = version, server, heartbeat
        self._error_watch.connection_changed()
        self.broker_kind = detect_broker_kind(
            frame.headers, websocket=self.target.endpoint.is_websocket
        )
        self._subscriber.use_receipts = self.broker_kind not in NO_SUBSCRIBE_RECEIPTS
        self.counters.last_in = self.clock.monotonic()
        if self.backoff is not None:
            self.backoff.connected()
        self._set_status(
            Status(
                SessionState.CONNECTED,
                server=server,
                transport=event.transport,
                transport_note=event.transport_note,
            )
        )
        if self._up is not None and not self._up.done():
            self._up.set_result(None)
        self.subscriptions_changed()
        if self._closing:
            return
        if self._restored:  # a reconnect: our SUBSCRIBEs again, and what a drop interrupted
            self.spawn(self._subscriber.resubscribe())
            return
        self._restored = True
        self.spawn(self._subscriber.restore(self.target.subscriptions))
        plan = self.target.discovery
        if plan is not None and self._client is not None:
            feed = self._discovery_factory(plan(self.broker_kind), self._client)
            self._discovery = DiscoveryRunner(feed, self._sink.on_destinations, self.notify)
            self._discovery.start()

    def _set_status(self, status: Status) -> None:
        self.status = status
        self._sink.on_state(status)

    def notify(self, notice: Notice) -> None:
        self._sink.on_notice(notice)

    def subscriptions_changed(self) -> None:
        self._sink.on_subscriptions(self.subscriptions)

    def _fail_with(self, error: BaseException, after_error: tuple[str, str] | None = None) -> None:
        """Fail for `error`; a refused login says so (the owner asks for the passcode)."""
        if self.state is SessionState.FAILED and self.status.reason is error:
            return  # the same failure, raised by connect() and sent on the event stream
        if isinstance(error, ConnectFailed) and is_login_refusal(error):
            refusal = LoginRefused.of(error, self.target.login or "")
            self.login_was_refused = True
            self._set_status(Status(SessionState.FAILED, reason=error, refusal=refusal))
            self.notify(refusal)
            return
        self._set_status(Status(SessionState.FAILED, reason=error, after_error=after_error))
        self.notify(ConnectionFailed(error))

    async def _stop_discovery(self) -> None:
        runner, self._discovery = self._discovery, None
        if runner is not None:
            await runner.stop()

    # -- commands ------------------------------------------------------------------------------

    def require_client(self) -> StompClient:
        if self._client is None or not self.is_connected:
            raise NotConnected()
        return self._client

    async def subscribe(
        self,
        destination: str,
        headers: Iterable[tuple[str, str]] = (),
        ack: str = "auto",
        *,
        confirm: bool = False,
    ) -> LiveSubscription:
        """SUBSCRIBE; with `confirm`, wait for the broker's answer (SubscribeRefused when it
        says no). A refused subscription is dropped for good either way and reported as a
        `SubscriptionRefused` notice (see `explorer.session.subscribing`)."""
        return await self._subscriber.subscribe(destination, headers, ack, confirm=confirm)

    async def unsubscribe(self, destination: str) -> bool:
        """End one of our subscriptions; False when there was none on `destination`."""
        return await self._subscriber.unsubscribe(destination)

    async def subscribe_mode(self, destination: str, mode: Mode) -> int | None:
        """Subscribe in one of the modes of explorer.broker.modes (the owner has asked for
        confirmation when the mode removes messages). Peek browses instead and returns how
        many messages it logged; the other modes return None."""
        if mode is Mode.PEEK:
            return await self.peek(destination)
        await self.subscribe(destination, ack=MODES[mode].ack)
        return None

    async def peek(self, destination: str, timeout: float = 10.0) -> int:
        """Browse a queue without consuming it (ActiveMQ); the messages go to the log."""
        messages = await browse(self.require_client(), destination, self.broker_kind, timeout)
        entries: list[LogEntry] = []
        changes: list[DestinationChange] = []
        now = self.clock.time()
        for message in messages:
            record_frame(message.frame, IN, now, entries, changes)
        self._report(entries, changes)
        return len(messages)

    def needs_ack(self, entry: LogEntry) -> bool:
        """True for a received MESSAGE of one of our client-ack subscriptions."""
        return self.book.needs_ack(entry)

    async def acknowledge(self, entry: LogEntry, accept: bool = True) -> str:
        """ACK (or NACK) a logged MESSAGE; returns its message-id."""
        message_id = await answer(self.require_client(), entry, accept)
        self.book.answered(entry)
        return message_id

    async def execute(
        self, request: ComposeRequest, *, rate: float | None = None, receipt_each: bool = False
    ) -> SendResult:
        """What the composer (or `stomp-explorer send`) built. A SUBSCRIBE becomes one of the
        session's subscriptions, an UNSUBSCRIBE of one of them ends it; anything else goes
        through the SEND path (see `explorer.session.sending`)."""
        client = self.require_client()
        command, destination = request.command, request.destination or ""
        if request.raw is None and command == "SUBSCRIBE":
            ack = next((v for k, v in request.headers if k == "ack"), "auto")
            await self.subscribe(destination, request.headers, ack=ack)
            return SendResult(ResultKind.SUBSCRIBED, command, 1, 0.0, None, True, destination)
        if request.raw is None and command == "UNSUBSCRIBE" and destination in self.book.live:
            await self.unsubscribe(destination)
            return SendResult(ResultKind.UNSUBSCRIBED, command, 1, 0.0, None, True, destination)
        return await self._sender.send(client, request, rate=rate, receipt_each=receipt_each)
