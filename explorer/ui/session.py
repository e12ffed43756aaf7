"""One connection in the window: runs the asyncio client inside Qt's loop and feeds models.

qasync runs asyncio on Qt's thread, so the client's events arrive here without crossing
threads. A task drains the client's event stream in batches (`get_batch`) and appends to the
message and destination models, which publish to their views on their own timers. Widgets
talk to the session through coroutines that return results or raise `ClientError`; the
session never shows dialogs itself, it emits signals with text meant for people.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from explorer.broker.errors import BrokerFeatureError
from explorer.broker.kind import BrokerKind, detect_broker_kind, subtree_wildcard
from explorer.broker.modes import MODES, Mode
from explorer.client import (
    BrokerError,
    Client,
    ClientError,
    Connected,
    ConnectFailed,
    Connecting,
    ConnectionLost,
    Direction,
    Disconnected,
    ErrorReceived,
    EventStream,
    Message,
    MessageReceived,
    ReceiptReceived,
    Reconnecting,
    Subscription,
    WireRecord,
)
from explorer.client import (
    State as ClientState,
)
from explorer.discovery.service import DiscoveryService
from explorer.profiles.resolve import ConnectionSettings, client_kwargs
from explorer.stomp import Frame, FrameParser, StompError
from explorer.store import IN, OUT, SPLIT_RULES, DestinationTree, LogEntry
from explorer.ui import compose
from explorer.ui.compose import ComposeRequest
from explorer.ui.messages import describe_client_error
from explorer.ui.models import DestinationTreeModel, MessageTableModel
from explorer.ui.traffic import TrafficModel

# An ERROR this soon after a SEND without a receipt is taken as the broker's answer to it.
REFUSAL_WINDOW = 1.0


@dataclass(frozen=True)
class SendResult:
    """What the composer shows: `confirmed` True (receipt), None (sent, no receipt asked)."""

    text: str
    confirmed: bool | None


class SessionState(StrEnum):
    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    CLOSED = "closed"


class SessionController(QObject):
    """State, subscriptions, models and commands of one connection."""

    state_changed = Signal()
    error_raised = Signal(str)  # a sentence for a banner: what happened and what to do
    notice = Signal(str)  # something worth knowing that is not an error (discovery status)
    subscriptions_changed = Signal()
    stats_changed = Signal()
    send_refused = Signal(str)  # an ERROR followed a SEND sent without a receipt
    login_refused = Signal(str)  # the broker refused the login: ask for the passcode again

    def __init__(
        self,
        settings: ConnectionSettings,
        parent: QObject | None = None,
        *,
        client_factory: type[Client] = Client,
        management_password: str | None = None,
        discovery: bool = True,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.profile = settings.profile
        self.name = settings.profile.name
        self.messages = MessageTableModel(parent=self)
        self.destinations = DestinationTreeModel(
            DestinationTree(
                split if (split := settings.profile.split_rule) in SPLIT_RULES else "/."
            ),
            parent=self,
        )
        self.traffic = TrafficModel(self)
        self.state = SessionState.IDLE
        self.detail = ""  # reason / server line shown next to the state
        self.version: str | None = None
        self.server: str | None = None
        self.broker_kind = BrokerKind.UNKNOWN
        self.heartbeat: tuple[int, int] = (0, 0)
        self.reconnect_at: float | None = None
        self.subscriptions: dict[str, Subscription] = {}
        self.last_error: str | None = None
        self.login_was_refused = False
        self.errors_seen = 0  # ERROR frames received: a SEND is unconfirmed while this grows
        self._last_error_text = ""
        self._client_factory = client_factory
        self._management_password = management_password
        self._discovery_enabled = discovery
        self._discovery_task: asyncio.Task[None] | None = None
        self._discovery_service: DiscoveryService | None = None
        self._client: Client | None = None
        self._task: asyncio.Task[None] | None = None
        self._last_in = 0.0
        # (whole second, messages received in it) for the last few seconds: O(1) per message.
        self._arrivals: deque[list[int]] = deque()
        self._auto_subscribed = False
        self._own_ids: set[str | None] = set()
        self._sub_counter = 0
        self._restore: list[tuple[str, tuple[tuple[str, str], ...], str]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._answered: set[str] = set()  # messages already ACKed or NACKed
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(1000)
        self._stats_timer.timeout.connect(self._tick)

    # -- life cycle ------------------------------------------------------------------------

    @property
    def client(self) -> Client | None:
        return self._client

    @property
    def is_connected(self) -> bool:
        return self.state is SessionState.CONNECTED

    @property
    def is_active(self) -> bool:
        """Connecting, connected or waiting to reconnect: something to disconnect."""
        return self.state in (
            SessionState.CONNECTING,
            SessionState.CONNECTED,
            SessionState.RECONNECTING,
        )

    def start(self) -> None:
        """Connect in the background; progress arrives through `state_changed`."""
        if self._task is not None and not self._task.done():
            return
        # Starting again (after a failure or a disconnect): the log and tree stay, and the
        # subscriptions the user had are opened again with the profile's own.
        self._remember_subscriptions()
        self._auto_subscribed = False
        self._task = asyncio.ensure_future(self._run())
        self._stats_timer.start()

    def _remember_subscriptions(self) -> None:
        """Move the live subscriptions to the list opened again on the next start."""
        known = {d for d, _h, _a in self._restore}
        self._restore += [
            (d, s.headers, s.ack) for d, s in self.subscriptions.items() if d not in known
        ]
        self.subscriptions.clear()
        self._own_ids.clear()
        self.subscriptions_changed.emit()

    async def _run(self) -> None:
        await self._stop_discovery()  # a previous run's, when this is a restart
        client = self._client_factory(
            self.settings.endpoint, **client_kwargs(self.settings), wire_tap=self._tap
        )
        self._client = client
        events = client.events()
        pump = asyncio.ensure_future(self._pump(events))
        self.login_was_refused = False
        try:
            await client.connect()
        except ClientError as exc:
            self._fail_with(exc)
            events.close()
        except Exception as exc:  # a bug below us must not take the window down
            self._fail(self.tr("Unexpected error: {error}").format(error=exc))
            events.close()
        except asyncio.CancelledError:  # shutdown() while connecting
            events.close()
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump
            await client.close()
            raise
        with contextlib.suppress(asyncio.CancelledError):
            await pump
        if self.state not in (SessionState.FAILED,):
            self._set_state(SessionState.CLOSED, self.detail)

    def refused_login_text(self, exc: ConnectFailed) -> str:
        detail = exc.message
        if exc.body and exc.body != exc.message:
            detail += " — " + exc.body.splitlines()[0][:200]
        return self.tr(
            "The broker refused the login for '{login}': {detail}. Check the login and passcode."
        ).format(login=self.settings.login or "", detail=detail)

    async def _pump(self, events: EventStream) -> None:
        while True:
            try:
                batch = await events.get_batch()
            except (StopAsyncIteration, ClientError):
                return
            for event in batch:
                self._handle(event)

    async def _subscribe_profile(self) -> None:
        """Open the subscriptions the profile lists (after the first CONNECTED only: the
        client re-subscribes by itself after a reconnect)."""
        wanted = [(s.destination, s.headers, s.ack) for s in self.profile.subscriptions]
        restore, self._restore = self._restore, []
        profile_destinations = {d for d, _h, _a in wanted}
        restore = [r for r in restore if r[0] not in profile_destinations]
        for destination, headers, ack in wanted + restore:
            extra = tuple((k, v) for k, v in headers if k not in ("destination", "id", "ack"))
            try:
                await self.subscribe(destination, extra, ack=ack)
            except ClientError as exc:
                self._report(
                    self.tr("Could not subscribe to {destination}: {error}").format(
                        destination=destination, error=exc
                    )
                )

    async def _discover(self) -> None:
        """Feed the tree from the broker's own listings (advisories, Jolokia, management
        API, the sandbox's feed) for as long as the session lives."""
        from explorer.discovery.service import (
            DiscoveryConfig,
            SourceProblem,
            SourceReady,
            apply_to_tree,
        )

        config = DiscoveryConfig.from_profile(
            self.profile, self.broker_kind, management_password=self._management_password
        )
        service = DiscoveryService(config, self._client)
        self._discovery_service = service
        reported: set[object] = set()
        try:
            await service.start()
            while True:
                first = await service.get()
                for event in (first, *service.get_nowait_batch()):
                    if isinstance(event, SourceProblem):
                        if event.source not in reported:
                            reported.add(event.source)
                            self.notice.emit(
                                self.tr(
                                    "Destination discovery through {source} failed: {error}"
                                ).format(source=event.source, error=event.error)
                            )
                    elif isinstance(event, SourceReady):
                        reported.discard(event.source)
                    else:
                        apply_to_tree(self.destinations, event)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # discovery is a bonus: it never takes the session down
            self.notice.emit(self.tr("Destination discovery stopped: {error}").format(error=exc))

    async def _stop_discovery(self) -> None:
        """Cancel the reader, then stop the service and wait for its tasks to finish (a
        task left pending would be destroyed with the loop)."""
        task, self._discovery_task = self._discovery_task, None
        service, self._discovery_service = self._discovery_service, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if service is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(service.stop(), 3.0)

    async def shutdown(self, timeout: float = 3.0) -> None:
        """DISCONNECT with a receipt (bounded by `timeout`), then stop everything."""
        await self._stop_discovery()
        client = self._client
        task = self._task
        # Still connecting: cancelling the run stops the attempt and closes its socket;
        # there is nobody to say DISCONNECT to yet.
        if (
            client is not None
            and client.state is ClientState.CONNECTING
            and task is not None
            and not task.done()
        ):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if client is not None:
            try:
                await client.disconnect(timeout=timeout)
            except Exception:  # a failing DISCONNECT still has to drop the connection
                await client.close()
        if task is not None and not task.done():
            try:
                await asyncio.wait_for(asyncio.shield(task), timeout)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        # Pending helpers (profile subscriptions, SEND refusal checks) end with the session.
        pending = [t for t in self._tasks if not t.done()]
        for leftover in pending:
            leftover.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        self._remember_subscriptions()
        self._stats_timer.stop()
        if self.state is not SessionState.FAILED:
            self._set_state(SessionState.CLOSED, "")

    # -- events ----------------------------------------------------------------------------

    def _handle(self, event: object) -> None:
        match event:
            case MessageReceived(message=message):
                # Discovery's own subscriptions (advisories, the sandbox feed) share the
                # client; their messages feed the tree through discovery, not the log.
                if not message.matched or message.subscription in self._own_ids:
                    self._ingest(message.frame, IN)
            case Connecting(attempt=attempt):
                self._set_state(
                    SessionState.CONNECTING,
                    self.tr("attempt {n}").format(n=attempt) if attempt > 1 else "",
                )
            case Connected(version=version, server=server, heartbeat=heartbeat, frame=frame):
                self.version = str(version)
                self.server = server
                self.heartbeat = heartbeat
                self.reconnect_at = None
                self.broker_kind = detect_broker_kind(
                    frame.headers, websocket=self.settings.endpoint.is_websocket
                )
                self._last_in = time.monotonic()
                self._set_state(SessionState.CONNECTED, server or "")
                self.subscriptions_changed.emit()
                if not self._auto_subscribed:
                    self._auto_subscribed = True
                    task = asyncio.ensure_future(self._subscribe_profile())
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                    if self._discovery_enabled:
                        self._discovery_task = asyncio.ensure_future(self._discover())
            case ErrorReceived(frame=frame):
                self._ingest(frame, IN)
                summary = frame.header("message") or self.tr("(no message header)")
                body = frame.body.decode("utf-8", "replace").strip()
                text = self.tr("The broker sent an ERROR: {message}").format(message=summary)
                if body and body != summary:
                    text += " — " + body.splitlines()[0][:200]
                self.errors_seen += 1
                self._last_error_text = text
                self._report(text)
            case Reconnecting(delay=delay, reason=reason):
                self.reconnect_at = time.monotonic() + delay
                self._set_state(SessionState.RECONNECTING, describe_client_error(reason))
            case ConnectionLost(reason=reason, reconnecting=reconnecting):
                if not reconnecting:
                    self._fail_with(reason)
                else:
                    self._set_state(SessionState.RECONNECTING, describe_client_error(reason))
            case Disconnected():
                self._set_state(SessionState.CLOSED, "")
            case ReceiptReceived():
                pass
            case _:
                pass

    def _ingest(self, frame: Frame, direction: str, tree: bool = True) -> None:
        """Log `frame`; with `tree`, count it in the destination tree too (a SEND is counted
        only once the broker did not refuse it)."""
        now = time.time()
        entry = LogEntry.from_frame(frame, direction, now)
        self.messages.append(entry)
        if entry.destination and tree:
            self.destinations.record_message(entry.destination, direction, now)
        reply_to = frame.header("reply-to")
        if reply_to and reply_to not in self.destinations.tree:
            self.destinations.upsert(reply_to, "seen")
        if direction == IN:
            second = int(time.monotonic())
            arrivals = self._arrivals
            if arrivals and arrivals[-1][0] == second:
                arrivals[-1][1] += 1
            else:
                arrivals.append([second, 1])

    def _tap(self, record: WireRecord) -> None:
        inbound = record.direction is Direction.IN
        if inbound:
            self._last_in = record.timestamp
        self.traffic.record(record.timestamp, not inbound, record.data, record.is_heartbeat)

    def _set_state(self, state: SessionState, detail: str) -> None:
        self.state = state
        self.detail = detail
        self.state_changed.emit()

    def _fail_with(self, error: BaseException) -> None:
        """Fail for `error`; a refused login says so and asks for the passcode again."""
        if isinstance(error, ConnectFailed) and (
            error.is_auth_failure or "bad connect" in error.message.lower()
        ):
            text = self.refused_login_text(error)
            if self.login_was_refused and self.state is SessionState.FAILED and self.detail == text:
                return  # the same refusal, reported by the event stream and by connect()
            self.login_was_refused = True
            self._fail(text)
            self.login_refused.emit(text)
        else:
            self._fail(describe_client_error(error))

    def _fail(self, reason: str) -> None:
        self._set_state(SessionState.FAILED, reason)
        self._report(reason)

    def _report(self, text: str) -> None:
        self.last_error = text
        self.error_raised.emit(text)

    # -- stats -----------------------------------------------------------------------------

    def _tick(self) -> None:
        cutoff = int(time.monotonic()) - 5
        while self._arrivals and self._arrivals[0][0] < cutoff:
            self._arrivals.popleft()
        self.stats_changed.emit()

    @property
    def rate(self) -> float:
        """Messages received per second over the last 5 whole seconds."""
        now = int(time.monotonic())
        return sum(n for second, n in self._arrivals if now - 5 <= second < now) / 5.0

    def heartbeat_health(self) -> tuple[bool | None, float]:
        """(healthy?, seconds since the broker last sent anything); None when not expected."""
        since = time.monotonic() - self._last_in if self._last_in else 0.0
        expect_ms = self.heartbeat[1]
        if not self.is_connected or not expect_ms:
            return None, since
        return since <= expect_ms / 1000 * 1.5, since

    # -- commands (coroutines; raise ClientError for the caller to show) -------------------

    def _require_client(self) -> Client:
        if self._client is None or not self.is_connected:
            raise ClientError(self.tr("Not connected: wait until the connection is up."))
        return self._client

    async def subscribe(
        self, destination: str, headers: tuple[tuple[str, str], ...] = (), ack: str = "auto"
    ) -> Subscription:
        client = self._require_client()
        existing = self.subscriptions.get(destination)
        if existing is not None:
            return existing
        # Our id is known before the SUBSCRIBE leaves, so its first MESSAGE is never mistaken
        # for one of discovery's.
        self._sub_counter += 1
        sub_id = f"explorer-{self._sub_counter}"
        self._own_ids.add(sub_id)
        try:
            sub = await client.subscribe(
                destination, ack=ack, headers=headers or None, id=sub_id, queue_messages=False
            )
        except BaseException:
            self._own_ids.discard(sub_id)
            raise
        self.subscriptions[destination] = sub
        self.subscriptions_changed.emit()
        return sub

    async def unsubscribe(self, destination: str) -> bool:
        sub = self.subscriptions.pop(destination, None)
        if sub is None:
            return False
        self._own_ids.discard(sub.id)
        self.subscriptions_changed.emit()
        client = self._client
        if client is not None and self.is_connected:
            await sub.unsubscribe()
        return True

    async def subscribe_mode(self, destination: str, mode: Mode) -> str:
        """Subscribe in one of the modes of explorer.broker.modes (the caller has asked
        for confirmation when the mode removes messages); peek runs a browse instead."""
        if mode is Mode.PEEK:
            count = await self.peek(destination)
            return self.tr(
                "Peeked at {count} message(s) on {destination}; they stay on the queue."
            ).format(count=count, destination=destination)
        await self.subscribe(destination, ack=MODES[mode].ack)
        if mode is Mode.CONSUME:
            return self.tr(
                "Consuming {destination}: select a message and press ACK or NACK "
                "in the message pane."
            ).format(destination=destination)
        if mode is Mode.DRAIN:
            return self.tr("Draining {destination}: every message is removed.").format(
                destination=destination
            )
        return self.tr("Observing {destination}").format(destination=destination)

    async def peek(self, destination: str, timeout: float = 10.0) -> int:
        """Browse a queue without consuming it (ActiveMQ); the messages go to the log."""
        from explorer.broker.browse import peek

        client = self._require_client()
        try:
            messages = await peek(client, destination, broker=self.broker_kind, timeout=timeout)
        except BrokerFeatureError as exc:
            raise ClientError(str(exc)) from None
        except TimeoutError:
            raise ClientError(
                self.tr("The browse of {destination} did not end within {seconds:g} s.").format(
                    destination=destination, seconds=timeout
                )
            ) from None
        for message in messages:
            self._ingest(message.frame, IN)
        return len(messages)

    def needs_ack(self, entry: LogEntry) -> bool:
        """True for a received MESSAGE of one of our client-ack subscriptions."""
        if entry.direction != IN or entry.command != "MESSAGE":
            return False
        sub_id = entry.header("subscription")
        if self._ack_key(entry) in self._answered:
            return False
        return any(s.id == sub_id and s.ack != "auto" for s in self.subscriptions.values())

    @staticmethod
    def _ack_key(entry: LogEntry) -> str:
        return f"{entry.header('subscription')}|{entry.header('ack')}|{entry.header('message-id')}"

    async def acknowledge(self, entry: LogEntry, accept: bool = True) -> str:
        """ACK (or NACK) a logged MESSAGE with the headers the negotiated version wants."""
        client = self._require_client()
        message = Message.from_frame(Frame(entry.command, entry.headers, entry.body))
        if accept:
            await client.ack(message)
            self._answered.add(self._ack_key(entry))
            return self.tr("Acknowledged (ACK) {id}").format(id=message.message_id or "")
        await client.nack(message)
        self._answered.add(self._ack_key(entry))
        return self.tr("Rejected (NACK) {id}").format(id=message.message_id or "")

    def wildcard_for(self, path: str) -> str | None:
        """The broker's "everything under this node" destination, or None if it has none."""
        return subtree_wildcard(self.broker_kind, path)

    async def execute(self, request: ComposeRequest) -> SendResult:
        """Send what the composer built; returns a one-line result for the composer."""
        client = self._require_client()
        started = time.perf_counter()
        if request.raw is not None:
            return await self._send_raw(client, request)
        command = request.command
        if command == "SUBSCRIBE":
            assert request.destination is not None
            extra = tuple(
                (k, v) for k, v in request.headers if k not in ("destination", "id", "ack")
            )
            ack = next((v for k, v in request.headers if k == "ack"), "auto")
            await self.subscribe(request.destination, extra, ack=ack)
            return SendResult(
                self.tr("Subscribed to {destination}").format(destination=request.destination), True
            )
        if command == "UNSUBSCRIBE" and request.destination in self.subscriptions:
            await self.unsubscribe(request.destination)
            return SendResult(
                self.tr("Unsubscribed from {destination}").format(destination=request.destination),
                True,
            )
        template = compose.has_template(request)
        rtt: float | None = None
        sent: list[tuple[str, float]] = []  # (destination, time) counted once not refused
        errors_before = self.errors_seen
        waiter = None
        for n in range(1, request.count + 1):
            one = compose.expand(request, n) if template else request
            headers = one.headers
            if request.receipt and n == request.count:
                headers = (*headers, ("receipt", client.next_receipt_id()))
            frame = Frame(one.command, headers, one.body)
            sent_at = time.perf_counter()
            waiter = await client.send_frame(frame)
            if command == "SEND":
                self._ingest(frame, OUT, tree=False)
                sent.append((frame.header("destination") or "", time.time()))
            if waiter is not None:
                await self._await_receipt(waiter, command)
                rtt = time.perf_counter() - sent_at
            elif n % 200 == 0:
                await asyncio.sleep(0)  # let the window breathe during a long burst
        elapsed = time.perf_counter() - started
        if request.count > 1:
            text = self.tr("Sent {count} frames in {ms:.0f} ms").format(
                count=request.count, ms=elapsed * 1000
            )
        else:
            text = self.tr("Sent {command}").format(command=command)
        if rtt is not None:
            self._record_sent(sent)
            text += " · " + self.tr("receipt after {ms:.1f} ms").format(ms=rtt * 1000)
            return SendResult(text, True)
        self._confirm_later(sent, errors_before)
        return SendResult(text + " " + self.tr("(no receipt requested)"), None)

    async def _await_receipt(self, waiter: Awaitable[object], command: str) -> None:
        """Wait for a RECEIPT; an ERROR instead becomes a ClientError saying so."""
        try:
            await waiter
        except BrokerError as exc:
            raise ClientError(
                self.tr("The broker refused the {command}: {error}").format(
                    command=command, error=self._last_error_text or exc
                )
            ) from None

    def _record_sent(self, sent: list[tuple[str, float]]) -> None:
        for destination, when in sent:
            if destination:
                self.destinations.record_message(destination, OUT, when)

    def _confirm_later(self, sent: list[tuple[str, float]], errors_before: int) -> None:
        """No receipt: count the SENDs in the tree unless an ERROR follows within
        REFUSAL_WINDOW s; then say so in the composer (the banner shows the ERROR)."""
        if not sent:
            return

        async def confirm() -> None:
            await asyncio.sleep(REFUSAL_WINDOW)
            if self.errors_seen == errors_before:
                self._record_sent(sent)
                return
            self.send_refused.emit(
                self.tr(
                    "The broker sent an ERROR right after the SEND, so it was probably refused: "
                    "{error}"
                ).format(error=self._last_error_text)
            )

        task = asyncio.ensure_future(confirm())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send_raw(self, client: Client, request: ComposeRequest) -> SendResult:
        assert request.raw is not None
        # The typed text is what a client sends: parse it as a broker would (client
        # commands), not as the client's own reader of server frames.
        parser = FrameParser(version=None, server_side=True)
        try:
            items = parser.feed(request.raw)
        except StompError as exc:
            raise ClientError(
                self.tr("The raw frame is not valid STOMP: {error}").format(error=exc)
            ) from None
        frames = [item for item in items if isinstance(item, Frame)]
        if not frames:
            raise ClientError(
                self.tr("The raw text holds no complete frame: end each frame with ␀.")
            )
        sent: list[tuple[str, float]] = []
        errors_before = self.errors_seen
        confirmed = False
        for frame in frames:
            waiter = await client.send_frame(frame, content_length=False)
            if frame.command == "SEND":
                self._ingest(frame, OUT, tree=False)
                sent.append((frame.header("destination") or "", time.time()))
            if waiter is not None:
                await self._await_receipt(waiter, str(frame.command))
                confirmed = True
        text = self.tr("Sent {count} raw frame(s)").format(count=len(frames))
        if confirmed:
            self._record_sent(sent)
            return SendResult(text, True)
        self._confirm_later(sent, errors_before)
        return SendResult(text + " " + self.tr("(no receipt requested)"), None)
