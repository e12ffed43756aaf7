"""`ScenarioConnection` over the session core (`explorer.session.ConnectionSession`): the
window runs scenarios on its current connection with the very code `stomp-explorer run` uses.

The session reports to one sink; whoever owns it forwards the calls here, most simply with
`TeeSink(window_sink, connection)`. Subscriptions the user already had are shared, never
ended by the scenario; the ones the scenario opened are ended when it is done. Texts are
already expanded by the runner, so they are passed to the session's SEND path as literals
(`{% raw %}`), never expanded twice.

    connection = SessionConnection(session)
    session = ConnectionSession(target, TeeSink(window_sink, connection))   # or set up later
    result = await ScenarioRunner(scenario, engine, connection, on_step=show).run()
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from explorer.scenarios.errors import ConnectionProblem, NotSendable
from explorer.scenarios.protocol import Headers, ReceivedMessage
from explorer.templates import literal

if TYPE_CHECKING:
    from explorer.client import WireRecord
    from explorer.session import ConnectionSession, DestinationChange, Notice, Status
    from explorer.session.subscriptions import LiveSubscription
    from explorer.store import LogEntry


class SessionConnection:
    """The scenario side of a `ConnectionSession` (also a session sink: feed it entries and
    notices)."""

    def __init__(
        self, session: ConnectionSession, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._session = session
        self._clock = clock
        self._routes: dict[str, list[str]] = {}  # session subscription id -> scenario ids
        self._opened: dict[str, str] = {}  # scenario id -> destination this run subscribed
        self._queue: asyncio.Queue[ReceivedMessage | ConnectionProblem] = asyncio.Queue()

    # ------------------------------------------------------------------ ScenarioConnection

    async def subscribe(self, destination: str, subscription_id: str, headers: Headers) -> None:
        from explorer.client import ClientError
        from explorer.session import SessionError, SubscribeRefused

        shared = destination in self._session.subscriptions
        try:
            live = await self._session.subscribe(destination, headers, confirm=True)
        except SubscribeRefused as exc:
            raise ConnectionProblem(exc.message, refused=True) from None
        except (SessionError, ClientError) as exc:
            raise ConnectionProblem(str(exc), refused=False) from None
        self._routes.setdefault(live.id, []).append(subscription_id)
        if not shared:
            self._opened[subscription_id] = destination

    async def unsubscribe(self, subscription_id: str) -> None:
        from explorer.client import ClientError
        from explorer.session import SessionError

        for ids in self._routes.values():
            if subscription_id in ids:
                ids.remove(subscription_id)
        destination = self._opened.pop(subscription_id, None)
        if destination is None or destination in self._opened.values():
            return
        try:
            await self._session.unsubscribe(destination)
        except (SessionError, ClientError) as exc:
            raise ConnectionProblem(str(exc), refused=False) from None

    async def send(
        self, destination: str, headers: Sequence[tuple[str, str]], body: bytes, receipt: bool
    ) -> None:
        from explorer.client import ClientError
        from explorer.session import CommandRefused, ComposeRequest, SessionError
        from explorer.session.errors import CompositeRefused

        frame_headers = (
            ("destination", literal(destination)),
            *((name, literal(value)) for name, value in headers),
        )
        request = ComposeRequest("SEND", frame_headers, _literal_body(body), receipt=receipt)
        try:
            await self._session.execute(request)
        except CompositeRefused as exc:
            raise NotSendable(exc.message) from None
        except CommandRefused as exc:
            raise ConnectionProblem(exc.message, refused=True) from None
        except (SessionError, ClientError) as exc:
            raise ConnectionProblem(str(exc), refused=False) from None

    async def received(self) -> AsyncIterator[ReceivedMessage]:
        while True:
            item = await self._queue.get()
            if isinstance(item, ConnectionProblem):
                raise item
            yield item

    # ------------------------------------------------------------------ sink side

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        if not self._routes:
            return
        now = self._clock()
        for entry in entries:
            if entry.direction != "in" or entry.command != "MESSAGE":
                continue
            for scenario_id in self._routes.get(entry.header("subscription") or "", ()):
                self._queue.put_nowait(
                    ReceivedMessage(scenario_id, entry.destination, entry.headers, entry.body, now)
                )

    def on_notice(self, notice: Notice) -> None:
        from explorer.session import (
            BrokerErrorReceived,
            ConnectionFailed,
            SendRefusedLater,
            SubscriptionRefused,
        )

        if isinstance(notice, BrokerErrorReceived | SendRefusedLater | SubscriptionRefused):
            self._queue.put_nowait(ConnectionProblem(notice.sentence, refused=True))
        elif isinstance(notice, ConnectionFailed):
            self._queue.put_nowait(ConnectionProblem(notice.sentence, refused=False))

    def on_state(self, status: Status) -> None:
        pass

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        pass

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        pass

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        pass


class TeeSink:
    """Hands every session sink call to several sinks, in order (the window's, a scenario's)."""

    def __init__(self, *sinks: Any) -> None:
        self.sinks = list(sinks)

    def on_state(self, status: Status) -> None:
        for sink in self.sinks:
            sink.on_state(status)

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        for sink in self.sinks:
            sink.on_entries(entries)

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        for sink in self.sinks:
            sink.on_destinations(changes)

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        for sink in self.sinks:
            sink.on_subscriptions(subscriptions)

    def on_notice(self, notice: Notice) -> None:
        for sink in self.sinks:
            sink.on_notice(notice)

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        for sink in self.sinks:
            sink.on_traffic(records)


def _literal_body(body: bytes) -> bytes:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body  # never expanded
    return literal(text).encode("utf-8")
