"""One connection in the window: the Qt adapter of `explorer.session.ConnectionSession`.

qasync runs asyncio on Qt's thread, so the core's sink calls arrive here without crossing
threads. Batches go straight into the models (which publish on their own timers); states,
notices and subscriptions become signals with sentences worded by `session_text`. The
coroutines keep their old contract: they raise `ClientError` with a sentence to show.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from explorer.broker.kind import BrokerKind
from explorer.broker.modes import Mode
from explorer.client import Client, ClientError, WireRecord
from explorer.profiles.model import Profile
from explorer.profiles.resolve import ConnectionSettings
from explorer.session import (
    ComposeRequest,
    ConnectionSession,
    DestinationChange,
    DiscoveryProblem,
    LoginRefused,
    Notice,
    SendRefusedLater,
    SessionError,
    SessionState,
    Severity,
    Status,
    Target,
    apply_changes,
)
from explorer.session.ports import ClientFactory
from explorer.session.sink import SessionSink
from explorer.session.subscriptions import LiveSubscription, SubscriptionSpec
from explorer.store import SPLIT_RULES, DestinationTree, LogEntry
from explorer.store.history import DestinationHistory
from explorer.templates import TemplateError
from explorer.ui import discovery_text
from explorer.ui import session_text as words
from explorer.ui.models import DestinationTreeModel, MessageTableModel, TrafficModel

__all__ = ["ComposerResult", "SessionController", "SessionState"]

T = TypeVar("T")


@dataclass(frozen=True)
class ComposerResult:
    """What the composer shows: `confirmed` True (receipt), None (sent, no receipt asked)."""

    text: str
    confirmed: bool | None


class SessionController(QObject):
    """Models, signals and commands of one connection; the rules live in the core."""

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
        client_factory: ClientFactory = Client,
        management_password: str | None = None,
        discovery: bool = True,
        restore: Sequence[SubscriptionSpec] = (),
    ) -> None:
        super().__init__(parent)
        self._management_password = management_password
        self._discovery = discovery
        self._settings = settings
        split = settings.profile.split_rule
        self.messages = MessageTableModel(parent=self)
        self.destinations = DestinationTreeModel(
            DestinationTree(split if split in SPLIT_RULES else "/."), parent=self
        )
        self.traffic = TrafficModel(self)
        self.logged = 0
        """Log entries this tab received or sent so far."""
        self.kept = 0
        """How many of them an export holds (`mark_kept`)."""
        self.history = DestinationHistory()
        """The newest messages of each destination (what the tree shows for a node)."""
        self.discovery_problem: str | None = None
        """Why destination discovery failed (short), None while it works."""
        self.detail = ""  # reason / server line shown next to the state
        self.transport = ""  # what carries STOMP once connected: "tcp", "sockjs-websocket"...
        self.transport_note = ""  # why, when it is a fallback (the client's English words)
        self.reconnect_at: float | None = None
        self.last_error: str | None = None
        self._extra_sinks: tuple[SessionSink, ...] = ()
        self.core = ConnectionSession(
            self._target(), self, client_factory=client_factory, restore=restore
        )
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(1000)
        self._stats_timer.timeout.connect(self._tick)

    def _target(self) -> Target:
        return Target.from_settings(
            self._settings,
            management_password=self._management_password,
            discovery=self._discovery,
        )

    # -- what the window reads -------------------------------------------------------------

    @property
    def settings(self) -> ConnectionSettings:
        return self._settings

    @settings.setter
    def settings(self, settings: ConnectionSettings) -> None:
        """New settings take effect at the next start()."""
        self._settings = settings
        self.core.target = self._target()

    def reconfigure(
        self, settings: ConnectionSettings, management_password: str | None = None
    ) -> None:
        """New settings and management password for the next start() (an edited profile)."""
        self._management_password = management_password
        self.settings = settings

    @property
    def profile(self) -> Profile:
        return self._settings.profile

    @property
    def name(self) -> str:
        return self._settings.profile.name

    @property
    def state(self) -> SessionState:
        return self.core.state

    @property
    def client(self) -> Client | None:
        client = self.core.client
        return client if isinstance(client, Client) else None

    @property
    def is_connected(self) -> bool:
        return self.core.is_connected

    @property
    def is_active(self) -> bool:
        return self.core.is_active

    @property
    def subscriptions(self) -> Mapping[str, LiveSubscription]:
        return self.core.subscriptions

    @property
    def refused_subscriptions(self) -> Mapping[str, str]:
        """Destinations whose SUBSCRIBE the broker refused -> its words."""
        return self.core.book.refused

    def subscription_specs(self) -> list[SubscriptionSpec]:
        """What this tab would subscribe to again (save it to reopen after a restart)."""
        return self.core.subscription_specs()

    @property
    def version(self) -> str | None:
        return self.core.version

    @property
    def server(self) -> str | None:
        return self.core.server

    @property
    def broker_kind(self) -> BrokerKind:
        return self.core.broker_kind

    @property
    def login_was_refused(self) -> bool:
        return self.core.login_was_refused

    @property
    def skipped(self) -> int:
        """Messages skipped under a firehose: counted on their destination, never logged
        (see `explorer.session.intake`)."""
        return self.core.skipped

    @property
    def rate(self) -> float:
        """Messages received per second over the last 5 whole seconds."""
        return self.core.rate()

    def heartbeat_health(self) -> tuple[bool | None, float]:
        return self.core.heartbeat_health()

    def needs_ack(self, entry: LogEntry) -> bool:
        return self.core.needs_ack(entry)

    def wildcard_for(self, path: str) -> str | None:
        return self.core.wildcard_for(path)

    # -- the sink (explorer.session.SessionSink) -------------------------------------------

    def add_sink(self, sink: SessionSink) -> None:
        """Report this connection's events to `sink` as well, after the window has taken
        them, until `remove_sink` (a scenario run or a recording on this tab)."""
        self._extra_sinks = (*self._extra_sinks, sink)

    @property
    def unexported(self) -> int:
        """Messages that closing this tab would lose: not exported, and no capture file
        holds them (a sink with `keeps_messages = True`, a recording, keeps everything)."""
        if any(getattr(sink, "keeps_messages", False) for sink in self._extra_sinks):
            return 0
        return self.logged - self.kept

    def mark_kept(self, upto: int | None = None) -> None:
        """An export holds the first `upto` entries (all so far when None)."""
        self.kept = max(self.kept, self.logged if upto is None else min(upto, self.logged))

    def remove_sink(self, sink: SessionSink) -> None:
        self._extra_sinks = tuple(s for s in self._extra_sinks if s is not sink)

    def on_state(self, status: Status) -> None:
        if status.state is SessionState.RECONNECTING and status.reconnect_in is not None:
            self.reconnect_at = self.core.clock.monotonic() + status.reconnect_in
        elif status.state is SessionState.CONNECTED:
            self.reconnect_at = None
            self.discovery_problem = None
            self.transport, self.transport_note = status.transport, status.transport_note
        self.detail = words.status_detail(status)
        self.state_changed.emit()
        for sink in self._extra_sinks:
            sink.on_state(status)

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        self.messages.append_all(entries)
        self.history.extend(entries)
        self.logged += len(entries)
        for sink in self._extra_sinks:
            sink.on_entries(entries)

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        tree = self.destinations.tree  # the store itself, then one publish request per batch
        apply_changes(tree, changes, tree)
        self.destinations.schedule()
        for sink in self._extra_sinks:
            sink.on_destinations(changes)

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        self.subscriptions_changed.emit()
        for sink in self._extra_sinks:
            sink.on_subscriptions(subscriptions)

    def on_notice(self, notice: Notice) -> None:
        for sink in self._extra_sinks:
            sink.on_notice(notice)
        text = words.notice_text(notice)
        if isinstance(notice, DiscoveryProblem):
            self.discovery_problem = discovery_text.reason(notice.error)
        if notice.severity is Severity.INFO:
            self.notice.emit(text)
            return
        self.last_error = text
        self.error_raised.emit(text)
        if isinstance(notice, SendRefusedLater):
            self.send_refused.emit(text)
        elif isinstance(notice, LoginRefused):
            self.login_refused.emit(text)

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        self.traffic.add_records(records)
        for sink in self._extra_sinks:
            sink.on_traffic(records)

    # -- life cycle and commands -----------------------------------------------------------

    def start(self) -> None:
        """Connect in the background; progress arrives through `state_changed`."""
        self.core.start()
        self._stats_timer.start()

    async def shutdown(self, timeout: float = 3.0) -> None:
        """DISCONNECT with a receipt (bounded by `timeout`), then stop everything."""
        await self.core.shutdown(timeout)
        self._stats_timer.stop()

    def _tick(self) -> None:
        self.core.tick()
        self.stats_changed.emit()

    async def _worded(self, command: Awaitable[T]) -> T:
        """Run a core command; its SessionError becomes a ClientError with the window's
        sentence (the window shows ClientErrors)."""
        try:
            return await command
        except SessionError as exc:
            raise ClientError(words.session_error(exc)) from None
        except TemplateError as exc:
            raise ClientError(words.template_error(exc)) from None

    async def subscribe(
        self, destination: str, headers: tuple[tuple[str, str], ...] = (), ack: str = "auto"
    ) -> LiveSubscription:
        return await self._worded(self.core.subscribe(destination, headers, ack))

    async def unsubscribe(self, destination: str) -> bool:
        return await self._worded(self.core.unsubscribe(destination))

    async def subscribe_mode(self, destination: str, mode: Mode) -> str:
        """Subscribe in one of the modes of explorer.broker.modes (the caller has asked
        for confirmation when the mode removes messages); peek runs a browse instead."""
        peeked = await self._worded(self.core.subscribe_mode(destination, mode))
        return words.mode_result(destination, mode.value, peeked)

    async def peek(self, destination: str, timeout: float = 10.0) -> int:
        return await self._worded(self.core.peek(destination, timeout))

    async def acknowledge(self, entry: LogEntry, accept: bool = True) -> str:
        message_id = await self._worded(self.core.acknowledge(entry, accept))
        return words.answered(message_id, accept)

    async def execute(self, request: ComposeRequest) -> ComposerResult:
        """Send what the composer built; returns a one-line result for the composer."""
        result = await self._worded(self.core.execute(request))
        return ComposerResult(words.send_result(result), result.confirmed)
