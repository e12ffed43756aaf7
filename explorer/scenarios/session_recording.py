"""Record a scenario from a live connection: a session sink behind the window's Record button.

It sees what the session core reports (subscriptions, the SENDs the user made, the MESSAGEs
that arrived), keeps them in order, and at the end hands them to `ScenarioRecorder` to write
the scenario file. Subscriptions that were open when recording started become `subscribe`
steps at the top, so the file runs on its own. The user may leave out a subscription's
messages (a demo feed, a noisy topic): `scenario(..., leave_out={id})`.

    recording = SessionRecording(session.subscriptions)
    controller.add_sink(recording)          # the window's session forwards its sink calls
    ...                                     # the user subscribes, sends, receives
    controller.remove_sink(recording)
    text = recording.scenario("order check", connection="stomp://127.0.0.1:61613")
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.scenarios.recorder import ScenarioRecorder

if TYPE_CHECKING:
    from explorer.client import WireRecord
    from explorer.session import DestinationChange, Notice, Status
    from explorer.session.subscriptions import LiveSubscription
    from explorer.store import LogEntry

Headers = tuple[tuple[str, str], ...]
_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class RecordedSubscription:
    """One subscription seen while recording: its id in the scenario file, where it listens,
    how many messages arrived on it, and whether to keep it by default: opened while
    recording, or a destination the user sent to (an older subscription that merely kept
    receiving, such as a demo feed, is not suggested)."""

    id: str
    destination: str
    messages: int
    suggested: bool = True


@dataclass(frozen=True, slots=True)
class _Subscribed:
    id: str
    destination: str
    headers: Headers


@dataclass(frozen=True, slots=True)
class _Sent:
    destination: str
    headers: Headers
    body: bytes
    receipt: bool


@dataclass(frozen=True, slots=True)
class _Received:
    subscription: str | None  # scenario id; None for a subscription the session did not own
    destination: str
    headers: Headers
    body: bytes


class SessionRecording:
    """A session sink that turns one connection's activity into scenario steps."""

    def __init__(self, subscriptions: Mapping[str, LiveSubscription] | None = None) -> None:
        self._events: list[_Subscribed | _Sent | _Received] = []
        self._ids: dict[str, str] = {}  # the session's subscription id -> scenario id
        self._destinations: dict[str, str] = {}  # scenario id -> destination
        self._counts: dict[str, int] = {}  # scenario id (or destination) -> messages
        for live in (subscriptions or {}).values():
            self._subscribed(live)
        self._older = set(self._destinations)  # scenario ids open before recording

    # ------------------------------------------------------------------ what was recorded

    @property
    def sent(self) -> int:
        return sum(1 for event in self._events if isinstance(event, _Sent))

    @property
    def received(self) -> int:
        return sum(1 for event in self._events if isinstance(event, _Received))

    @property
    def empty(self) -> bool:
        return not any(isinstance(event, _Sent | _Received) for event in self._events)

    def subscriptions(self) -> list[RecordedSubscription]:
        """Every subscription seen, in the order they appeared, with their message counts
        (messages on destinations the session did not subscribe to are listed by
        destination)."""
        sent_to = {e.destination for e in self._events if isinstance(e, _Sent)}
        found = [
            RecordedSubscription(
                sub_id,
                destination,
                self._counts.get(sub_id, 0),
                sub_id not in self._older or destination in sent_to,
            )
            for sub_id, destination in self._destinations.items()
        ]
        unowned = dict.fromkeys(
            e.destination
            for e in self._events
            if isinstance(e, _Received) and e.subscription is None
        )
        found += [RecordedSubscription(d, d, self._counts.get(d, 0)) for d in unowned]
        return found

    def scenario(
        self,
        name: str,
        *,
        connection: str | None = None,
        profile: str | None = None,
        leave_out: Collection[str] = (),
    ) -> str:
        """The scenario file (YAML text). `leave_out` names subscriptions (ids, or the
        destination of an unowned one) whose subscribe step and messages are dropped."""
        recorder = ScenarioRecorder()
        for event in self._events:
            if isinstance(event, _Subscribed):
                if event.id not in leave_out:
                    recorder.subscribed(event.destination, event.id, event.headers)
            elif isinstance(event, _Sent):
                recorder.sent(event.destination, event.headers, event.body, event.receipt)
            elif (event.subscription or event.destination) not in leave_out:
                recorder.received(event.subscription, event.destination, event.headers, event.body)
        return recorder.to_yaml(name, connection=connection, profile=profile)

    # ------------------------------------------------------------------ the session sink

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        for live in subscriptions.values():
            if live.id not in self._ids:
                self._subscribed(live)

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        for entry in entries:
            if entry.direction == "out" and entry.command == "SEND":
                headers = entry.headers
                receipt = any(name == "receipt" for name, _value in headers)
                self._events.append(_Sent(entry.destination, headers, entry.body, receipt))
            elif entry.direction == "in" and entry.command == "MESSAGE":
                sub_id = self._ids.get(entry.header("subscription") or "")
                key = sub_id or entry.destination
                self._counts[key] = self._counts.get(key, 0) + 1
                self._events.append(_Received(sub_id, entry.destination, entry.headers, entry.body))

    def on_state(self, status: Status) -> None:
        pass

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        pass

    def on_notice(self, notice: Notice) -> None:
        pass

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        pass

    # ------------------------------------------------------------------ inside

    def _subscribed(self, live: LiveSubscription) -> None:
        sub_id = self._new_id(live.destination)
        self._ids[live.id] = sub_id
        self._destinations[sub_id] = live.destination
        self._events.append(_Subscribed(sub_id, live.destination, live.headers))

    def _new_id(self, destination: str) -> str:
        """A readable id from the destination's last parts (`notifications.user.1001` ->
        `user-1001`), unique in this recording."""
        parts = [p for p in re.split(r"[/.]", destination) if p]
        base = parts[-1] if parts else "inbox"
        if len(parts) > 1 and (base.isdigit() or len(base) < 3):
            base = f"{parts[-2]}-{base}"
        base = _ID_CHARACTERS.sub("-", base).strip("-") or "inbox"
        candidate, number = base, 2
        while candidate in self._destinations:
            candidate, number = f"{base}-{number}", number + 1
        return candidate
