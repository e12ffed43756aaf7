"""STOMP 1.0/1.1/1.2 protocol layer, sans-I/O: frames, header escaping, an incremental
parser, a serializer, heart-beat arithmetic and the liveness rule, and connection objects
(`ClientConnection`, `ServerConnection`: state machine, negotiation, receipts, deadlines).
No asyncio, sockets, clocks or Qt here.

    parser = FrameParser()                      # a client: accepts server commands
    for item in parser.feed(chunk):             # any chunking; raises FrameError subclasses
        if item is HEARTBEAT: ...               # one per EOL between frames (incl. after NUL)
        elif item.command == Command.MESSAGE: item.header("destination"), item.body
    parser.feed_eof()                           # IncompleteFrame if the peer stopped mid-frame
    wire = serialize(Frame(Command.SEND, (("destination", "/queue/a"),), b"hi"), Version.V1_2)

Beyond the contract in docs/architecture.md: `FrameParser(strictness=..., accept_any_command=...)`,
`FrameParser.error` (the sticky error), `FrameError.items` (what the failing `feed()` parsed
before the bad bytes), `CLIENT_COMMANDS` / `SERVER_COMMANDS`, and a client-side parser adopts
the CONNECTED frame's `version` by itself.

Strictness and violations (`violations.py`)::

    parser = FrameParser(strictness=Strictness.LENIENT)
    for item in parser.feed(chunk):
        if isinstance(item, Violation): item.rule, item.offset, item.skipped   # a dropped frame
        elif item is not HEARTBEAT: item.violations   # deviations tolerated in this frame
"""

from __future__ import annotations

from .client_connection import ClientConnection
from .connection import Connection, Deadlines
from .errors import (
    FrameError,
    IncompleteFrame,
    InvalidEscape,
    InvalidState,
    LimitExceeded,
    PeerSilent,
    StompError,
    UnexpectedFrame,
    UnrepresentableHeader,
    VersionMismatch,
)
from .escaping import escape_header, unescape_header
from .events import ConnectRefused, ConnectRequested, Established, Event, ReceiptsFailed, Received
from .frames import (
    ACK_MODES,
    CLIENT_COMMANDS,
    HEARTBEAT,
    HEARTBEAT_BYTES,
    SERVER_COMMANDS,
    AckMode,
    Command,
    Direction,
    Frame,
    Heartbeat,
    Version,
)
from .handshake import SUPPORTED_VERSIONS, negotiate_version
from .heartbeat import (
    LIVENESS_GRACE,
    heartbeat_due,
    is_late,
    negotiate_heartbeat,
    parse_heart_beat,
    peer_deadline,
    silence_allowed,
)
from .parser import FrameParser, Item, Limits
from .serializer import serialize
from .server_connection import ServerConnection
from .state import TRANSITIONS, ConnectionState, Role, Trigger
from .violations import DROPPING_RULES, Rule, Strictness, Violation

__all__ = [
    "ACK_MODES",
    "CLIENT_COMMANDS",
    "DROPPING_RULES",
    "HEARTBEAT",
    "HEARTBEAT_BYTES",
    "LIVENESS_GRACE",
    "SERVER_COMMANDS",
    "SUPPORTED_VERSIONS",
    "TRANSITIONS",
    "AckMode",
    "ClientConnection",
    "Command",
    "ConnectRefused",
    "ConnectRequested",
    "Connection",
    "ConnectionState",
    "Deadlines",
    "Direction",
    "Established",
    "Event",
    "Frame",
    "FrameError",
    "FrameParser",
    "Heartbeat",
    "IncompleteFrame",
    "InvalidEscape",
    "InvalidState",
    "Item",
    "LimitExceeded",
    "Limits",
    "PeerSilent",
    "ReceiptsFailed",
    "Received",
    "Role",
    "Rule",
    "ServerConnection",
    "StompError",
    "Strictness",
    "Trigger",
    "UnexpectedFrame",
    "UnrepresentableHeader",
    "Version",
    "VersionMismatch",
    "Violation",
    "escape_header",
    "heartbeat_due",
    "is_late",
    "negotiate_heartbeat",
    "negotiate_version",
    "parse_heart_beat",
    "peer_deadline",
    "serialize",
    "silence_allowed",
    "unescape_header",
]
