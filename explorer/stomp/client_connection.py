"""The client end of a sans-I/O STOMP connection (see connection.py for the contract)."""

from __future__ import annotations

from typing import Final, cast

from .connection import CONNECTING_COMMANDS, DEFAULT_LIMITS, Connection
from .errors import FrameError, InvalidState
from .events import ConnectRefused, Established, ReceiptsFailed, Received
from .frames import Command, Frame, Version
from .heartbeat import LIVENESS_GRACE, negotiate_heartbeat, parse_heart_beat
from .parser import Item, Limits
from .serializer import serialize
from .state import ConnectionState, Role, Trigger
from .violations import Strictness

__all__ = ["ClientConnection"]

_MESSAGE: Final = Command.MESSAGE
_BEFORE_CONNECTED: Final = frozenset({ConnectionState.IDLE, ConnectionState.CONNECTING})


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
        if frame.command not in CONNECTING_COMMANDS:
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
        if command in CONNECTING_COMMANDS:
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
