"""STOMP 1.0/1.1/1.2 protocol layer, sans-I/O: frames, header escaping, an incremental
parser, a serializer and heart-beat arithmetic. No asyncio, sockets, clocks or Qt here.

    parser = FrameParser(server_side=False)
    for item in parser.feed(chunk):
        if item is HEARTBEAT: ...
        elif item.command == Command.MESSAGE: item.header("destination"), item.body
    sock.send(serialize(Frame(Command.SEND, (("destination", "/queue/a"),), b"hi")))
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
    CLIENT_COMMANDS,
    HEARTBEAT,
    HEARTBEAT_BYTES,
    SERVER_COMMANDS,
    Command,
    Frame,
    Heartbeat,
    Version,
)
from .heartbeat import negotiate_heartbeat, parse_heart_beat
from .parser import FrameParser, Limits
from .serializer import serialize

__all__ = [
    "CLIENT_COMMANDS",
    "HEARTBEAT",
    "HEARTBEAT_BYTES",
    "SERVER_COMMANDS",
    "Command",
    "Frame",
    "FrameError",
    "FrameParser",
    "Heartbeat",
    "IncompleteFrame",
    "InvalidEscape",
    "LimitExceeded",
    "Limits",
    "StompError",
    "UnrepresentableHeader",
    "Version",
    "escape_header",
    "negotiate_heartbeat",
    "parse_heart_beat",
    "serialize",
    "unescape_header",
]
