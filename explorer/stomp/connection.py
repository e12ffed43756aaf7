"""Sans-I/O STOMP connections: bytes in, events out, bytes to write (websockets' `Protocol`).

    conn = ClientConnection(strictness=Strictness.LENIENT)
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

Received frames are handed on as they are, never wrapped, so a MESSAGE costs nothing here
but a type check; protocol events follow the frame that caused them. Errors are sticky, as
in h11: once the input was malformed, a frame came that the state forbids, or the peer went
silent, `error` holds it and every later `receive_data()` raises it again. Sending stays
possible, so a server can still answer what it read before and send its ERROR. Calling a
verb the state does not allow raises `InvalidState`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Final, cast

from .errors import FrameError, InvalidState, PeerSilent, StompError, UnexpectedFrame
from .events import ConnectRefused, ConnectRequested, Established, ReceiptsFailed, Received
from .frames import HEARTBEAT_BYTES, Command, Frame, Version
from .handshake import SUPPORTED_VERSIONS, negotiate_version
from .heartbeat import (
    LIVENESS_GRACE,
    heartbeat_due,
    negotiate_heartbeat,
    parse_heart_beat,
    peer_deadline,
)
from .parser import FrameParser, Item, Limits
from .serializer import serialize
from .state import TRANSITIONS, ConnectionState, Role, Trigger
from .violations import Strictness

__all__ = ["ClientConnection", "Connection", "Deadlines", "ServerConnection"]

DEFAULT_LIMITS: Final = Limits()
_MESSAGE: Final = Command.MESSAGE
_CONNECTING_COMMANDS: Final = frozenset({Command.CONNECT, Command.STOMP})
_BEFORE_CONNECTED: Final = frozenset({ConnectionState.IDLE, ConnectionState.CONNECTING})


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


class ClientConnection(Connection):
    """The client end: CONNECT, CONNECTED, receipts, DISCONNECT.

    Events: `Established` after CONNECTED, `ConnectRefused` after an ERROR answering
    CONNECT, `ReceiptsFailed` after an ERROR that ends pending receipts.
    """

    role = Role.CLIENT

    def __init__(
        self,
        *,
        limits: Limits = DEFAULT_LIMITS,
        strictness: Strictness = Strictness.STANDARD,
        keep_raw: bool = False,
        grace: float = LIVENESS_GRACE,
    ) -> None:
        super().__init__(limits=limits, strictness=strictness, keep_raw=keep_raw, grace=grace)
        self.requested_heartbeat: tuple[int, int] = (0, 0)
        self._pending: dict[str, str] = {}  # receipt id -> the command that asked for it

    @property
    def pending_receipts(self) -> tuple[str, ...]:
        """Receipt ids sent and neither answered, failed nor forgotten, oldest first."""
        return tuple(self._pending)

    def connect(self, frame: Frame) -> None:
        """Send CONNECT (or STOMP). Its `heart-beat` header is what we ask for."""
        if frame.command not in _CONNECTING_COMMANDS:
            raise ValueError(f"connect() sends CONNECT or STOMP, not {frame.command}")
        requested = parse_heart_beat(frame.header("heart-beat"))
        data = serialize(frame, Version.V1_2)
        self._move(Trigger.SEND_CONNECT)
        self.requested_heartbeat = requested
        self._outgoing.append(data)

    def send_frame(self, frame: Frame, *, content_length: bool = True) -> None:
        """Send any frame but CONNECT; a `receipt` header makes its id pending. Raises
        `InvalidState` before CONNECTED or after DISCONNECT, `UnrepresentableHeader` or
        `FrameError` when the frame cannot be encoded (nothing is sent then)."""
        command = frame.command
        if command in _CONNECTING_COMMANDS:
            self.connect(frame)
            return
        trigger = Trigger.SEND_DISCONNECT if command == Command.DISCONNECT else Trigger.SEND_FRAME
        if trigger not in self._allowed:
            raise InvalidState(self.role, self._state, f"send {command}")
        data = serialize(frame, self.version or Version.V1_2, content_length=content_length)
        receipt = frame.header("receipt")
        if receipt is not None:
            self._pending[receipt] = command
        self._move(trigger)
        self._outgoing.append(data)

    def disconnect(self, receipt_id: str) -> None:
        """DISCONNECT asking for a receipt; its RECEIPT closes the connection."""
        self.send_frame(Frame(Command.DISCONNECT, (("receipt", receipt_id),)))

    def forget_receipt(self, receipt_id: str) -> None:
        """Stop waiting for a receipt (the caller gave up on it)."""
        self._pending.pop(receipt_id, None)

    def _receive(self, data: bytes) -> None:
        # Until CONNECTED, one NUL-terminated piece at a time: frames behind CONNECTED in the
        # same chunk are then read with the negotiated strictness.
        while data and self._state in _BEFORE_CONNECTED:
            cut = data.find(b"\0") + 1 or len(data)
            self._feed(data[:cut])
            data = data[cut:]
        if data and self._state is not ConnectionState.CLOSED:
            self._feed(data)

    def _take(self, items: list[Item]) -> None:
        state = self._state
        if state is ConnectionState.CONNECTED or state is ConnectionState.DISCONNECTING:
            for item in items:  # the hot path: a chunk of MESSAGEs and heart-beats
                if item.__class__ is Frame and item.command is not _MESSAGE:
                    break
            else:
                if self._events:
                    self._events += items
                else:
                    # The parser's fresh list, handed on without a copy; nobody else holds it.
                    self._events = cast("list[Received]", items)
                return
        events = self._events
        for item in items:
            if self._state is ConnectionState.CLOSED:
                return  # after the DISCONNECT receipt or a refusal: nothing more matters
            if isinstance(item, Frame):
                follow = self._on_frame(item)
                events.append(item)
                if follow is not None:
                    events.append(follow)
            else:
                events.append(item)

    def _on_frame(self, frame: Frame) -> Received | None:
        command = frame.command
        if command == Command.CONNECTED:
            trigger = Trigger.RECEIVE_CONNECTED
        elif command == Command.ERROR:
            trigger = Trigger.RECEIVE_ERROR
        elif command == Command.RECEIPT:
            asked_by = self._pending.pop(frame.header("receipt-id") or "", None)
            if asked_by == Command.DISCONNECT:
                trigger = Trigger.RECEIVE_DISCONNECT_RECEIPT
            else:
                trigger = Trigger.RECEIVE_FRAME
        else:
            trigger = Trigger.RECEIVE_FRAME
        previous = self._receive_frame(frame, trigger)
        if previous is ConnectionState.CONNECTING:
            if trigger is Trigger.RECEIVE_CONNECTED:
                return self._establish(frame)
            if trigger is Trigger.RECEIVE_ERROR:
                return ConnectRefused(frame)
        elif trigger is Trigger.RECEIVE_ERROR:
            return self._fail_receipts(frame)
        return None

    def _establish(self, frame: Frame) -> Established:
        version = self._parser.version or Version.V1_0
        try:
            server = parse_heart_beat(frame.header("heart-beat"))
        except FrameError:
            server = (0, 0)  # a broken header: no heart-beats rather than no connection
        self.version = version
        if version is not Version.V1_0:
            self.heartbeat = negotiate_heartbeat(self.requested_heartbeat, server)
        self._parser.strictness = self.strictness
        return Established(version, self.heartbeat, frame)

    def _fail_receipts(self, error: Frame) -> ReceiptsFailed | None:
        named = error.header("receipt-id")
        failed: tuple[str, ...]
        if named is not None:
            failed = (named,) if self._pending.pop(named, None) is not None else ()
        else:
            failed, self._pending = tuple(self._pending), {}
        return ReceiptsFailed(failed, error) if failed else None


class ServerConnection(Connection):
    """The server end: CONNECT in, CONNECTED or ERROR out, then frames both ways.

    Event: `ConnectRequested` after a CONNECT (or STOMP); answer it with `accept()` or
    `send_error()`. The version is negotiated as soon as CONNECT is read, so frames
    pipelined behind it are decoded with that version's escaping.
    """

    role = Role.SERVER

    def __init__(
        self,
        *,
        versions: Iterable[Version] = SUPPORTED_VERSIONS,
        limits: Limits = DEFAULT_LIMITS,
        strictness: Strictness = Strictness.STANDARD,
        keep_raw: bool = False,
        grace: float = LIVENESS_GRACE,
    ) -> None:
        super().__init__(limits=limits, strictness=strictness, keep_raw=keep_raw, grace=grace)
        self.versions = tuple(sorted(Version(v) for v in versions))
        self.negotiated: Version | None = None  # read from CONNECT; `version` once accepted
        self.client_heart_beat: tuple[int, int] = (0, 0)

    def accept(
        self, heart_beat: tuple[int, int] = (0, 0), headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Send CONNECTED: `version`, then `headers` (server, session...), then our
        `heart-beat` (sx, sy) unless the version is 1.0. Heart-beats are negotiated here."""
        version = self.negotiated
        if version is None or Trigger.SEND_CONNECTED not in self._allowed:
            raise InvalidState(self.role, self._state, Trigger.SEND_CONNECTED)
        out = [("version", str(version)), *headers]
        if version is not Version.V1_0:
            client_send, client_expect = negotiate_heartbeat(self.client_heart_beat, heart_beat)
            self.heartbeat = (client_expect, client_send)  # we send what the client expects
            out.append(("heart-beat", f"{heart_beat[0]},{heart_beat[1]}"))
        data = serialize(Frame(Command.CONNECTED, tuple(out)), version)
        self._move(Trigger.SEND_CONNECTED)
        self.version = version
        self._parser.strictness = self.strictness
        self._outgoing.append(data)

    def send_frame(self, frame: Frame, *, content_length: bool = True) -> None:
        """Send a MESSAGE, RECEIPT or an ERROR that keeps the connection. Raises
        `InvalidState` unless CONNECTED, `UnrepresentableHeader` when it cannot be encoded."""
        if Trigger.SEND_FRAME not in self._allowed:
            raise InvalidState(self.role, self._state, f"send {frame.command}")
        data = serialize(frame, self.version or Version.V1_0, content_length=content_length)
        self._outgoing.append(data)

    def send_receipt(self, frame: Frame) -> None:
        """The RECEIPT `frame` asked for, if it asked for one."""
        receipt = frame.header("receipt")
        if receipt is not None:
            self.send_frame(Frame(Command.RECEIPT, (("receipt-id", receipt),)))

    def send_error(
        self,
        message: str,
        *,
        answering: Frame | None = None,
        headers: Iterable[tuple[str, str]] = (),
        body: bytes = b"",
        close: bool = True,
    ) -> None:
        """Send ERROR (STOMP 1.2 "ERROR"): `message`, the `receipt-id` of the frame it
        answers, `headers`, and before CONNECTED the versions we speak. `close=True` (the
        spec's rule) moves to CLOSED: close the transport once the bytes are written."""
        out = [("message", message)]
        receipt = answering.header("receipt") if answering is not None else None
        if receipt is not None:
            out.append(("receipt-id", receipt))
        out.extend(headers)
        if self.version is None:
            out.append(("version", ",".join(self.versions)))
        trigger = Trigger.SEND_ERROR if close else Trigger.SEND_FRAME
        if trigger not in self._allowed:
            raise InvalidState(self.role, self._state, trigger)
        data = serialize(Frame(Command.ERROR, tuple(out), body), self.version or Version.V1_0)
        self._move(trigger)
        self._outgoing.append(data)

    def _receive(self, data: bytes) -> None:
        # Until CONNECT is read, one NUL-terminated piece at a time (see the class docstring).
        while data and self.negotiated is None and self._state is ConnectionState.IDLE:
            cut = data.find(b"\0") + 1 or len(data)
            self._feed(data[:cut])
            data = data[cut:]
        if data and self._state is not ConnectionState.CLOSED:
            self._feed(data)

    def _take(self, items: list[Item]) -> None:
        events = self._events
        for item in items:
            if self._state is ConnectionState.CLOSED:
                return
            if isinstance(item, Frame):
                if item.command in _CONNECTING_COMMANDS:
                    if Trigger.RECEIVE_CONNECT not in self._allowed:
                        raise UnexpectedFrame(item, self._state)
                    requested = self._negotiate(item)  # may raise: then CONNECT was not taken
                    self._receive_frame(item, Trigger.RECEIVE_CONNECT)
                    events.append(item)
                    events.append(requested)
                    continue
                self._receive_frame(item, Trigger.RECEIVE_FRAME)
            events.append(item)

    def _negotiate(self, frame: Frame) -> ConnectRequested:
        version = negotiate_version(frame.header("accept-version"), self.versions)
        heart_beat = (0, 0)
        if version is not Version.V1_0:
            heart_beat = parse_heart_beat(frame.header("heart-beat"))
        self.negotiated = self._parser.version = version
        self.client_heart_beat = heart_beat
        return ConnectRequested(frame, version, heart_beat)
