"""The server end of a sans-I/O STOMP connection (see connection.py for the contract)."""

from __future__ import annotations

from collections.abc import Iterable

from .connection import CONNECTING_COMMANDS, DEFAULT_LIMITS, Connection
from .errors import InvalidState, UnexpectedFrame
from .events import ConnectRequested
from .frames import Command, Frame, Version
from .handshake import SUPPORTED_VERSIONS, negotiate_version
from .heartbeat import LIVENESS_GRACE, negotiate_heartbeat, parse_heart_beat
from .parser import Item, Limits
from .serializer import serialize
from .state import ConnectionState, Role, Trigger
from .violations import Strictness

__all__ = ["ServerConnection"]


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
                if item.command in CONNECTING_COMMANDS:
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
