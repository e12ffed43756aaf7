"""Values the client hands out: messages, events of the ordered stream, wire-tap records.

All frozen: a consumer (the window, the command line) can keep them without copying.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from enum import StrEnum

from explorer.client.errors import ClientError
from explorer.client.url import Endpoint
from explorer.stomp import Direction, Frame, Version, Violation

__all__ = [
    "BytesSkipped",
    "Connected",
    "Connecting",
    "ConnectionLost",
    "Direction",
    "Disconnected",
    "ErrorReceived",
    "Event",
    "Layer",
    "Message",
    "MessageReceived",
    "ReceiptReceived",
    "Reconnecting",
    "State",
    "UnhandledFrame",
    "WireRecord",
]


class State(StrEnum):
    """Where a `Client` is in its life."""

    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECT_WAIT = "reconnect-wait"
    DISCONNECTING = "disconnecting"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Message:
    """A MESSAGE frame with the headers a consumer needs at hand."""

    frame: Frame
    destination: str | None
    subscription: str | None
    message_id: str | None
    ack_id: str | None
    matched: bool = True

    @classmethod
    def from_frame(cls, frame: Frame, known: Container[str] | None = None) -> Message:
        """Pick the common headers in one pass; `matched` = subscription id in `known`."""
        destination = subscription = message_id = ack_id = None
        # One pass over the headers; first occurrence wins as the spec says.
        for key, value in frame.headers:
            if key == "destination":
                if destination is None:
                    destination = value
            elif key == "subscription":
                if subscription is None:
                    subscription = value
            elif key == "message-id":
                if message_id is None:
                    message_id = value
            elif key == "ack" and ack_id is None:
                ack_id = value
        matched = known is None or (subscription is not None and subscription in known)
        if cls is not Message:
            return cls(frame, destination, subscription, message_id, ack_id, matched)
        # The client's hot path: one Message per MESSAGE. Storing through the slots skips the
        # generated __init__'s object.__setattr__ per field (test_events keeps them in step).
        message = _new(Message)
        _set_frame(message, frame)
        _set_destination(message, destination)
        _set_subscription(message, subscription)
        _set_message_id(message, message_id)
        _set_ack_id(message, ack_id)
        _set_matched(message, matched)
        return message

    @property
    def body(self) -> bytes:
        return self.frame.body

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        return self.frame.headers

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.frame.header(name, default)

    def text(self, errors: str = "strict") -> str:
        """The body as UTF-8 text (STOMP's default charset)."""
        return self.frame.body.decode("utf-8", errors)


_new = object.__new__
_set_frame = Message.__dict__["frame"].__set__
_set_destination = Message.__dict__["destination"].__set__
_set_subscription = Message.__dict__["subscription"].__set__
_set_message_id = Message.__dict__["message_id"].__set__
_set_ack_id = Message.__dict__["ack_id"].__set__
_set_matched = Message.__dict__["matched"].__set__


class Layer(StrEnum):
    """Which protocol a wire record belongs to. STOMP frames travel inside SockJS messages
    on http(s):// URLs; the SockJS frames around them (`o` opened, `h` SockJS heart-beat,
    `c[code,"reason"]` closed, and the `/info` answer) are recorded as SOCKJS records, with
    `data` as on the wire. The `a[...]` frames are not recorded: the STOMP records inside
    them are."""

    STOMP = "stomp"
    SOCKJS = "sockjs"


@dataclass(frozen=True, slots=True)
class WireRecord:
    """One frame, heart-beat or run of skipped bytes as it crossed the wire (passcode
    already redacted).

    `violations` are the deviations from the spec the client's lenient reader tolerated:
    for a frame, the same as `frame.violations`; for bytes it could not read as a frame
    (`frame` is None, `data` the bytes skipped), the one `Violation` that says why.
    """

    timestamp: float
    direction: Direction
    data: bytes
    frame: Frame | None = None
    violations: tuple[Violation, ...] = ()
    layer: Layer = Layer.STOMP

    @property
    def is_heartbeat(self) -> bool:
        """A STOMP heart-beat (a SockJS `h` is not one: see `Layer`)."""
        return self.frame is None and not self.violations and self.layer is Layer.STOMP


# ---------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Connecting:
    """A transport is being opened (first time or a reconnect attempt; attempt counts from 1)."""

    endpoint: Endpoint
    attempt: int = 1


@dataclass(frozen=True, slots=True)
class Connected:
    """CONNECTED arrived. `heartbeat` is the negotiated (send_every_ms, expect_every_ms).
    `transport` says what carries STOMP (`Client.transport_kind`: "tcp", "websocket",
    "sockjs-xhr-streaming", ...) and `transport_note` why, when it is not what the URL
    suggests (`Client.transport_note`)."""

    version: Version
    server: str | None
    session: str | None
    heartbeat: tuple[int, int]
    frame: Frame
    resubscribed: tuple[str, ...] = ()
    transport: str = ""
    transport_note: str = ""


@dataclass(frozen=True, slots=True)
class MessageReceived:
    message: Message


@dataclass(frozen=True, slots=True)
class ReceiptReceived:
    receipt_id: str
    frame: Frame


@dataclass(frozen=True, slots=True)
class ErrorReceived:
    """An ERROR frame. The broker may keep the connection open afterwards (often does)."""

    frame: Frame

    @property
    def message(self) -> str:
        return self.frame.header("message") or ""


@dataclass(frozen=True, slots=True)
class UnhandledFrame:
    """A frame the client has no use for (unknown command, unexpected CONNECTED)."""

    frame: Frame


@dataclass(frozen=True, slots=True)
class BytesSkipped:
    """The lenient reader could not read these bytes as a frame and skipped them;
    `violation.rule` says why, `violation.skipped` holds them."""

    violation: Violation


@dataclass(frozen=True, slots=True)
class Reconnecting:
    """The next connection attempt starts after `delay` seconds."""

    attempt: int
    delay: float
    reason: ClientError


@dataclass(frozen=True, slots=True)
class ConnectionLost:
    """The connection ended unexpectedly. Terminal unless `reconnecting`."""

    reason: ClientError
    reconnecting: bool = False


@dataclass(frozen=True, slots=True)
class Disconnected:
    """We ended the connection (disconnect() or close()). Terminal."""

    receipt_received: bool = False


Event = (
    Connecting
    | Connected
    | MessageReceived
    | ReceiptReceived
    | ErrorReceived
    | UnhandledFrame
    | BytesSkipped
    | Reconnecting
    | ConnectionLost
    | Disconnected
)
