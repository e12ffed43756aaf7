"""STOMP 1.0/1.1/1.2 protocol layer, sans-I/O: frames, header escaping, an incremental
parser, a serializer and heart-beat arithmetic. No asyncio, sockets, clocks or Qt here.

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

from .errors import (
    FrameError,
    IncompleteFrame,
    InvalidEscape,
    LimitExceeded,
    StompError,
    UnrepresentableHeader,
)
from .escaping import escape_header, unescape_header
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
from .heartbeat import negotiate_heartbeat, parse_heart_beat
from .parser import FrameParser, Item, Limits
from .serializer import serialize
from .violations import DROPPING_RULES, Rule, Strictness, Violation

__all__ = [
    "ACK_MODES",
    "CLIENT_COMMANDS",
    "DROPPING_RULES",
    "HEARTBEAT",
    "HEARTBEAT_BYTES",
    "SERVER_COMMANDS",
    "AckMode",
    "Command",
    "Direction",
    "Frame",
    "FrameError",
    "FrameParser",
    "Heartbeat",
    "IncompleteFrame",
    "InvalidEscape",
    "Item",
    "LimitExceeded",
    "Limits",
    "Rule",
    "StompError",
    "Strictness",
    "UnrepresentableHeader",
    "Version",
    "Violation",
    "escape_header",
    "negotiate_heartbeat",
    "parse_heart_beat",
    "serialize",
    "unescape_header",
]
