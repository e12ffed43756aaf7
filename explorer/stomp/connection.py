"""Sans-I/O STOMP connections: bytes in, events out, bytes to write (websockets' `Protocol`).

    conn = ClientConnection(strictness=Strictness.LENIENT)   # client_connection.py
    conn.connect(connect_frame)              # IDLE -> CONNECTING
    for data in conn.data_to_send(now): transport.write(data)   # one frame per item
    conn.receive_data(chunk, now)            # raises the sticky StompError on bad input
    for item in conn.events_received():      # frames, HEARTBEATs, Violations, events
        ...                                  # Established(version, heartbeat, frame) etc.
    conn.check(now)                          # queue a heart-beat when due; PeerSilent
    conn.deadlines().next                    # when check() has something to do next

The rules live here: the state machine (`state.TRANSITIONS`), version and heart-beat
negotiation, receipt bookkeeping, what an ERROR ends, heart-beat deadlines. The caller owns
the clock (every time is passed in as `now`), the sockets, the tasks and the timers.

This module holds what both ends share; `ClientConnection` and `ServerConnection` live in
client_connection.py and server_connection.py.

Received frames are handed on as they are, never wrapped, so a MESSAGE costs nothing here
but a type check; protocol events follow the frame that caused them. Errors are sticky, as
in h11: once the input was malformed, a frame came that the state forbids, or the peer went
silent, `error` holds it and every later `receive_data()` raises it again. Sending stays
possible, so a server can still answer what it read before and send its ERROR. Calling a
verb the state does not allow raises `InvalidState`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

from .errors import FrameError, InvalidState, PeerSilent, StompError, UnexpectedFrame
from .events import Received
from .frames import HEARTBEAT_BYTES, Command, Frame, Version
from .heartbeat import heartbeat_due, peer_deadline
from .parser import FrameParser, Item, Limits
from .state import TRANSITIONS, ConnectionState, Role, Trigger
from .violations import Strictness

__all__ = ["DEFAULT_LIMITS", "Connection", "Deadlines"]

DEFAULT_LIMITS: Final = Limits()
CONNECTING_COMMANDS: Final = frozenset({Command.CONNECT, Command.STOMP})


@dataclass(frozen=True, slots=True)
class Deadlines:
    """When `check(now)` has work: send a heart-beat, or find the peer late (None: never)."""

    send_heartbeat_at: float | None
    peer_late_at: float | None

    @property
    def next(self) -> float | None:
        times = [t for t in (self.send_heartbeat_at, self.peer_late_at) if t is not None]
        return min(times) if times else None


class Connection:
    """What both ends share: state, parser, output, events, heart-beats, sticky errors."""

    role: ClassVar[Role]

    def __init__(
        self, *, limits: Limits, strictness: Strictness, keep_raw: bool, grace: float
    ) -> None:
        self._state = ConnectionState.IDLE
        self._allowed = TRANSITIONS[self.role][self._state]
        self.strictness = strictness
        # Lenient reading starts once connected: garbage in answer to CONNECT (an HTTP port)
        # must fail at once, not be reported frame after frame.
        early = Strictness.STANDARD if strictness is Strictness.LENIENT else strictness
        self._parser = FrameParser(
            limits=limits,
            keep_raw=keep_raw,
            server_side=self.role is Role.SERVER,
            strictness=early,
        )
        self.grace = grace
        self.version: Version | None = None
        self.heartbeat: tuple[int, int] = (0, 0)  # (send_every_ms, expect_every_ms)
        self._events: list[Received] = []
        self._outgoing: list[bytes] = []
        self._error: StompError | None = None
        self._eof = False
        self._last_received: float | None = None
        self._last_sent: float | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._state}>"

    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def error(self) -> StompError | None:
        """The sticky receive-side error, once there is one."""
        return self._error

    # -- the state machine ---------------------------------------------------------------

    def _move(self, trigger: Trigger) -> None:
        """Apply a local action's transition, or raise `InvalidState`."""
        new = self._allowed.get(trigger)
        if new is None:
            raise InvalidState(self.role, self._state, trigger)
        self._set_state(new)

    def _set_state(self, state: ConnectionState) -> None:
        if state is not self._state:
            self._state = state
            self._allowed = TRANSITIONS[self.role][state]

    def _receive_frame(self, frame: Frame, trigger: Trigger) -> ConnectionState:
        """Apply a received frame's transition, or raise `UnexpectedFrame`; return the state
        it left."""
        new = self._allowed.get(trigger)
        if new is None:
            raise UnexpectedFrame(frame, self._state)
        previous = self._state
        self._set_state(new)
        return previous

    # -- bytes in ------------------------------------------------------------------------

    def receive_data(self, data: bytes, now: float) -> None:
        """Parse `data` (received at `now`); the results wait in `events_received()`.

        Raises the sticky `StompError` when the input is malformed or not allowed (what came
        before the bad bytes is still in `events_received()`). Once CLOSED, input is ignored.
        """
        if self._error is not None:
            raise self._error
        if self._eof:
            raise InvalidState(self.role, self._state, "receive data after the end of stream")
        self._last_received = now
        if self._state is ConnectionState.CLOSED or not data:
            return
        try:
            self._receive(data)
        except StompError as exc:
            self._error = exc
            raise

    def receive_eof(self) -> None:
        """The peer closed its end. Raises `IncompleteFrame` if it stopped mid-frame."""
        if self._eof:
            return
        self._eof = True
        self._set_state(TRANSITIONS[self.role][self._state].get(Trigger.RECEIVE_EOF, self._state))
        if self._error is None:
            try:
                self._parser.feed_eof()
            except FrameError as exc:
                self._error = exc
                raise

    def events_received(self) -> list[Received]:
        """Everything parsed since the last call, in wire order."""
        events, self._events = self._events, []
        return events

    def _feed(self, data: bytes) -> None:
        try:
            items = self._parser.feed(data)
        except FrameError as exc:
            self._take(list(exc.items))
            raise
        self._take(items)

    def _receive(self, data: bytes) -> None:
        raise NotImplementedError

    def _take(self, items: list[Item]) -> None:
        raise NotImplementedError

    # -- bytes out -----------------------------------------------------------------------

    def data_to_send(self, now: float) -> list[bytes]:
        """What to write now, one frame or heart-beat per item (a WebSocket message each).
        Taking it counts as sending at `now` for the heart-beat schedule."""
        out, self._outgoing = self._outgoing, []
        if out:
            self._last_sent = now
        return out

    # -- time ----------------------------------------------------------------------------

    def deadlines(self) -> Deadlines:
        """When to send a heart-beat and when the peer becomes late (one liveness rule for
        every end: `heartbeat.silence_allowed`)."""
        if self._state is not ConnectionState.CONNECTED or self._error is not None:
            return Deadlines(None, None)
        send_ms, expect_ms = self.heartbeat
        last_sent, last_received = self._last_sent, self._last_received
        return Deadlines(
            None if last_sent is None else heartbeat_due(last_sent, send_ms),
            None if last_received is None else peer_deadline(last_received, expect_ms, self.grace),
        )

    def excuse_silence(self, now: float) -> None:
        """Count the peer as heard from at `now`: the caller stopped reading it (back-pressure),
        so the silence since then is ours, not the peer's."""
        if self._last_received is not None:
            self._last_received = max(self._last_received, now)

    def check(self, now: float) -> None:
        """Queue a heart-beat when one is due; raise `PeerSilent` (sticky) when the peer is
        late. Does nothing unless CONNECTED and healthy."""
        deadlines = self.deadlines()
        late_at = deadlines.peer_late_at
        if late_at is not None and now > late_at:
            assert self._last_received is not None
            self._error = PeerSilent(now - self._last_received, self.heartbeat[1])
            raise self._error
        send_at = deadlines.send_heartbeat_at
        if send_at is not None and now >= send_at and not self._outgoing:
            self._outgoing.append(HEARTBEAT_BYTES)
