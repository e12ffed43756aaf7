"""Frames, commands, versions and the heart-beat sentinel: plain values, no parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar, Final

from .violations import Violation


class Command(StrEnum):
    """Every STOMP command. `Frame.command` compares equal to these (they are `str`)."""

    # client -> server
    CONNECT = "CONNECT"
    STOMP = "STOMP"
    SEND = "SEND"
    SUBSCRIBE = "SUBSCRIBE"
    UNSUBSCRIBE = "UNSUBSCRIBE"
    ACK = "ACK"
    NACK = "NACK"
    BEGIN = "BEGIN"
    COMMIT = "COMMIT"
    ABORT = "ABORT"
    DISCONNECT = "DISCONNECT"
    # server -> client
    CONNECTED = "CONNECTED"
    MESSAGE = "MESSAGE"
    RECEIPT = "RECEIPT"
    ERROR = "ERROR"


class Version(StrEnum):
    """Protocol versions, valued as they appear in `accept-version` / `version` headers."""

    V1_0 = "1.0"
    V1_1 = "1.1"
    V1_2 = "1.2"


class Direction(StrEnum):
    """Which way a frame went on a connection, seen from our side."""

    IN = "in"
    OUT = "out"


class AckMode(StrEnum):
    """SUBSCRIBE `ack` header values (STOMP 1.2 "SUBSCRIBE ack Header")."""

    AUTO = "auto"
    CLIENT = "client"
    CLIENT_INDIVIDUAL = "client-individual"


ACK_MODES: Final = tuple(mode.value for mode in AckMode)
"""The `ack` values as plain strings, in the order people read them."""

CLIENT_COMMANDS: Final = frozenset(
    {
        Command.CONNECT,
        Command.STOMP,
        Command.SEND,
        Command.SUBSCRIBE,
        Command.UNSUBSCRIBE,
        Command.ACK,
        Command.NACK,
        Command.BEGIN,
        Command.COMMIT,
        Command.ABORT,
        Command.DISCONNECT,
    }
)
SERVER_COMMANDS: Final = frozenset(
    {Command.CONNECTED, Command.MESSAGE, Command.RECEIPT, Command.ERROR}
)
# Frames whose headers are never escaped (STOMP 1.1/1.2 keep them 1.0-compatible).
UNESCAPED_COMMANDS: Final = frozenset({Command.CONNECT, Command.STOMP, Command.CONNECTED})
# STOMP 1.2 "Body": "Only the SEND, MESSAGE, and ERROR frames MAY have a body."
BODILESS_COMMANDS: Final = (CLIENT_COMMANDS | SERVER_COMMANDS) - {
    Command.SEND,
    Command.MESSAGE,
    Command.ERROR,
}

# Linear scan beats building a dict for the few headers most frames carry.
_INDEX_THRESHOLD: Final = 12


class _IndexSlot:
    """Gives `Frame` a slot for its lazily built header index that is not a dataclass field,
    so building a frame (the parser's hot path) never spends a store on it."""

    __slots__ = ("_index",)


@dataclass(frozen=True, slots=True)
class Frame(_IndexSlot):
    """One STOMP frame. `headers` keep wire order and repeats; `raw` is the exact wire bytes
    when the parser was asked to keep them; `violations` are the deviations a lenient parser
    tolerated in this frame (neither is part of equality)."""

    command: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    raw: bytes | None = field(default=None, compare=False, repr=False)
    violations: tuple[Violation, ...] = field(default=(), compare=False, repr=False)

    def header(self, name: str, default: str | None = None) -> str | None:
        """The value of the first `name` header (the spec says the first occurrence wins)."""
        headers = self.headers
        if len(headers) <= _INDEX_THRESHOLD:
            for key, value in headers:
                if key == name:
                    return value
            return default
        index: dict[str, str] | None = getattr(self, "_index", None)
        if index is None:
            index = dict(reversed(headers))  # later assignments lose: first occurrence wins
            object.__setattr__(self, "_index", index)
        return index.get(name, default)


_new = object.__new__
_set_command = Frame.__dict__["command"].__set__
_set_headers = Frame.__dict__["headers"].__set__
_set_body = Frame.__dict__["body"].__set__
_set_raw = Frame.__dict__["raw"].__set__
_set_violations = Frame.__dict__["violations"].__set__


def make_frame(
    command: str,
    headers: tuple[tuple[str, str], ...],
    body: bytes,
    raw: bytes | None = None,
    violations: tuple[Violation, ...] = (),
) -> Frame:
    """`Frame(command, headers, body, raw, violations)`, built without the generated
    `__init__`'s five `object.__setattr__` calls (half the cost of a frame): the parser makes
    one per frame on its hot path. tests/unit/stomp/test_frames.py keeps the two in step."""
    frame = _new(Frame)
    _set_command(frame, command)
    _set_headers(frame, headers)
    _set_body(frame, body)
    _set_raw(frame, raw)
    _set_violations(frame, violations)
    return frame


class Heartbeat:
    """The type of `HEARTBEAT`, the one value the parser emits for an EOL between frames."""

    __slots__ = ()
    _instance: ClassVar[Heartbeat | None] = None

    def __new__(cls) -> Heartbeat:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "HEARTBEAT"

    def __reduce__(self) -> str:
        return "HEARTBEAT"


HEARTBEAT: Final = Heartbeat()
HEARTBEAT_BYTES: Final = b"\n"
