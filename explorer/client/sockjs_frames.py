"""SockJS framing (protocol 0.3), sans-I/O: the `/info` answer, server frames, client sends.

SockJS wraps a message stream in a few one-letter frames: `o` (open), `h` (heart-beat),
`a["m1","m2"]` (messages, a JSON array of strings), `c[code,"reason"]` (close). Clients send
a JSON array of strings. STOMP rides inside the message strings, one frame per message with
Spring. Everything here is pure so the transports (sockjs.py) only move bytes.
"""

from __future__ import annotations

import json
import random
import secrets
import string
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain

__all__ = [
    "PRELUDE_BYTE",
    "SockJsFrame",
    "SockJsFrameError",
    "SockJsInfo",
    "SockJsKind",
    "StreamLines",
    "describe_close",
    "encode_messages",
    "joined_messages",
    "parse_frame",
    "parse_info",
    "session_path",
]

PRELUDE_BYTE = ord("h")  # xhr-streaming opens with 2,048 of them and a newline (for old IE)

# Close codes the SockJS servers use (sockjs-node, Spring's SockJS service).
CLOSE_CODES: dict[int, str] = {
    1000: "normal closure",
    1002: "protocol error (the server could not read what was sent)",
    2010: "another connection is still open for this SockJS session",
    3000: "the server closed the session",
    3003: "the server refused the session (Spring: CloseStatus.GOING_AWAY or a policy)",
}


class SockJsFrameError(ValueError):
    """Text that is not a SockJS frame; the message says what was expected."""


class SockJsKind(StrEnum):
    OPEN = "o"
    HEARTBEAT = "h"
    MESSAGES = "a"
    CLOSE = "c"


@dataclass(frozen=True, slots=True)
class SockJsFrame:
    """One decoded server frame. `messages` for `a`, `code`/`reason` for `c`."""

    kind: SockJsKind
    messages: tuple[str, ...] = ()
    code: int | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SockJsInfo:
    """The `/info` answer: what the server offers."""

    websocket: bool
    cookie_needed: bool
    origins: tuple[str, ...]


OPEN = SockJsFrame(SockJsKind.OPEN)
HEARTBEAT = SockJsFrame(SockJsKind.HEARTBEAT)


def parse_frame(text: str) -> SockJsFrame:
    """Decode one server frame; SockJsFrameError when `text` is none of o, h, a[...], c[...]."""
    if text == "o":
        return OPEN
    if text == "h":
        return HEARTBEAT
    head = text[:1]
    if head == "a":
        try:
            messages = json.loads(text[1:])
        except ValueError:
            raise SockJsFrameError(
                f"a SockJS message frame that is not JSON: {_clip(text)}"
            ) from None
        if not isinstance(messages, list) or not all(isinstance(m, str) for m in messages):
            raise SockJsFrameError(
                f"a SockJS message frame that is not a list of strings: {_clip(text)}"
            )
        return SockJsFrame(SockJsKind.MESSAGES, tuple(messages))
    if head == "c":
        try:
            payload = json.loads(text[1:])
        except ValueError:
            payload = None
        if (
            not isinstance(payload, list)
            or len(payload) != 2
            or not isinstance(payload[0], int)
            or not isinstance(payload[1], str)
        ):
            raise SockJsFrameError(
                f'a SockJS close frame that is not [code,"reason"]: {_clip(text)}'
            )
        return SockJsFrame(SockJsKind.CLOSE, code=payload[0], reason=payload[1])
    raise SockJsFrameError(f"not a SockJS frame (expected o, h, a[...] or c[...]): {_clip(text)}")


def joined_messages(texts: list[str]) -> str | None:
    """The messages of several `a[...]` frames, decoded in one JSON parse for the whole
    batch and joined (STOMP frames end with their NUL); None when any text is not a
    well-formed message frame: `parse_frame` then says which. Set and map checks instead
    of a generator per item: this runs once per read on the drain path."""
    if {text[:1] for text in texts} != {"a"}:
        return None
    try:
        batches = json.loads("[" + ",".join([text[1:] for text in texts]) + "]")
    except ValueError:
        return None
    if set(map(type, batches)) != {list}:
        return None
    try:
        return "".join(chain.from_iterable(batches))
    except TypeError:  # a message that is not a string
        return None


def encode_messages(messages: list[str]) -> bytes:
    """What a client sends: a JSON array of strings, UTF-8 (sockjs-client's form)."""
    return json.dumps(messages, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def describe_close(code: int | None, reason: str) -> str:
    """`SockJS close 3000 "Go away!"` with what the code usually means."""
    meaning = CLOSE_CODES.get(code) if code is not None else None
    quoted = f' "{reason}"' if reason else ""
    return f"SockJS close {code}{quoted}" + (f": {meaning}" if meaning else "")


def parse_info(body: bytes) -> SockJsInfo:
    """Read `/info`; SockJsFrameError when it is not the JSON object a SockJS server sends."""
    try:
        data = json.loads(body)
    except ValueError:
        raise SockJsFrameError("its /info answer is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("websocket"), bool):
        raise SockJsFrameError(
            'its /info answer is JSON but not SockJS\'s (no "websocket": true|false in it)'
        )
    origins = data.get("origins")
    return SockJsInfo(
        websocket=data["websocket"],
        cookie_needed=data.get("cookie_needed") is True,
        origins=tuple(o for o in origins if isinstance(o, str))
        if isinstance(origins, list)
        else (),
    )


def session_path(base: str, transport: str) -> str:
    """`{base}/{server}/{session}/{transport}`: a three-digit server id and a random
    session id, chosen by the client (sockjs-client picks 8 characters)."""
    server = f"{random.randrange(1000):03d}"
    alphabet = string.ascii_lowercase + string.digits
    session = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"{base.rstrip('/')}/{server}/{session}/{transport}"


class StreamLines:
    """Splits an HTTP streaming body (xhr-streaming, xhr-polling) into frame texts: one frame
    per line; the 2,048-`h` prelude of xhr-streaming is skipped. `max_line` bounds memory
    against a server that never sends a newline."""

    def __init__(self, max_line: int, prelude: bool) -> None:
        self._buffer = bytearray()
        self._max_line = max_line
        self._prelude = prelude

    def feed(self, data: bytes) -> list[str]:
        buffer = self._buffer
        buffer += data
        if self._prelude:
            end = buffer.find(b"\n")
            if end < 0:
                if buffer.strip(b"h"):
                    raise SockJsFrameError(
                        "the xhr-streaming answer does not start with SockJS's prelude"
                    )
                return []
            if buffer[:end].strip(b"h"):
                raise SockJsFrameError(
                    "the xhr-streaming answer does not start with SockJS's prelude"
                )
            del buffer[: end + 1]
            self._prelude = False
        lines: list[str] = []
        start = 0
        while True:
            end = buffer.find(b"\n", start)
            if end < 0:
                break
            try:
                lines.append(buffer[start:end].decode("utf-8"))
            except UnicodeDecodeError:
                raise SockJsFrameError("a SockJS frame that is not UTF-8 text") from None
            start = end + 1
        if start:
            del buffer[:start]
        if len(buffer) > self._max_line:
            raise SockJsFrameError(
                f"a SockJS frame longer than {self._max_line} bytes without its end of line"
            )
        return lines

    @property
    def pending(self) -> bool:
        """Bytes of an unfinished line are waiting (a body that ended mid-frame)."""
        return bool(self._buffer)


def _clip(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")
