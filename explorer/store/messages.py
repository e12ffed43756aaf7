"""One message seen or sent on a connection, kept small because the log holds up to a million.

`LogEntry` is a slotted record with no per-entry dict. Headers are stored as one flat tuple
(name, value, name, value, ...) rather than a tuple of pairs, which saves a 2-tuple per header;
`headers` rebuilds the pairs on demand (the detail pane and the export ask for them, the table
never does). Display text (preview, time) is derived on demand so that only visible rows pay.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import Final, Literal, Protocol

from explorer.store.errors import StoreError

Direction = Literal["in", "out"]
IN: Final = "in"
OUT: Final = "out"

PREVIEW_CHARS: Final = 200
# Enough bytes for PREVIEW_CHARS characters of up to 4 bytes each.
_PREVIEW_BYTES: Final = PREVIEW_CHARS * 4
# Header values that repeat across messages: interning them shares one string per value.
_REPEATING_HEADERS: Final = frozenset(
    {
        "destination", "subscription", "content-type", "content-length", "persistent",
        "priority", "reply-to", "type", "transformation", "redelivered", "ack", "receipt",
        "server", "version", "heart-beat", "session", "host",
    }
)
# C0 controls that make a body "binary" (tab, newline, carriage return, form feed are text).
_BINARY_CONTROLS: Final = frozenset(range(32)) - {9, 10, 12, 13}
_TEXT_CONTENT_TYPES: Final = ("text/", "application/json", "application/xml", "+json", "+xml")


class FrameLike(Protocol):
    """What `LogEntry.from_frame` needs from `explorer.stomp.Frame` (no import at load time)."""

    @property
    def command(self) -> str: ...
    @property
    def headers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def body(self) -> bytes: ...


class LogEntry:
    """An immutable record of one frame on one connection.

    `seq` is -1 until a `MessageLog` assigns it (once) on `append`; everything else is fixed
    at construction. Derived fields (`size`, `content_type`, `is_text`, `preview`) are cheap:
    `is_text` is cached in the one spare slot, the others are computed from a bounded prefix.
    """

    __slots__ = (
        "_flat_headers",
        "_is_text",
        "body",
        "command",
        "destination",
        "direction",
        "seq",
        "timestamp",
    )

    seq: int
    timestamp: float
    direction: str
    command: str
    destination: str
    body: bytes
    _flat_headers: tuple[str, ...]
    _is_text: bool | None

    def __init__(
        self,
        direction: Direction | str,
        command: str,
        headers: Iterable[tuple[str, str]] = (),
        body: bytes = b"",
        *,
        destination: str | None = None,
        timestamp: float | None = None,
        seq: int = -1,
    ) -> None:
        if direction not in (IN, OUT):
            raise StoreError(f"direction must be 'in' or 'out', not {direction!r}")
        flat: list[str] = []
        first_destination: str | None = None
        intern = sys.intern
        for name, value in headers:
            name = intern(str(name))
            if name in _REPEATING_HEADERS:
                value = intern(str(value))
                if name == "destination" and first_destination is None:
                    first_destination = value
            flat.append(name)
            flat.append(value)
        if destination is None:
            destination = first_destination or ""
        setter = object.__setattr__
        setter(self, "seq", seq)
        setter(self, "timestamp", time.time() if timestamp is None else timestamp)
        setter(self, "direction", IN if direction == IN else OUT)
        setter(self, "command", intern(str(command)))
        setter(self, "destination", intern(destination))
        setter(self, "_flat_headers", tuple(flat))
        setter(self, "body", bytes(body))
        setter(self, "_is_text", None)

    @classmethod
    def from_frame(
        cls, frame: FrameLike, direction: Direction | str, timestamp: float | None = None
    ) -> LogEntry:
        """Record a frame from `explorer.stomp` as seen (`"in"`) or sent (`"out"`)."""
        return cls(direction, frame.command, frame.headers, frame.body, timestamp=timestamp)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"LogEntry is immutable (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"LogEntry is immutable (tried to delete {name!r})")

    def __repr__(self) -> str:
        return (
            f"LogEntry(seq={self.seq}, direction={self.direction!r}, command={self.command!r}, "
            f"destination={self.destination!r}, size={self.size})"
        )

    def _assign_seq(self, seq: int) -> None:
        """Called once by `MessageLog.append`; a second assignment is a bug."""
        if self.seq != -1:
            raise StoreError(f"entry already has sequence number {self.seq}")
        object.__setattr__(self, "seq", seq)

    # -- headers ---------------------------------------------------------------------------

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        """(name, value) pairs in wire order, repeats kept."""
        flat = self._flat_headers
        return tuple(zip(flat[0::2], flat[1::2], strict=True))

    def iter_headers(self) -> Iterator[tuple[str, str]]:
        """Like `headers` without building the tuple."""
        flat = self._flat_headers
        return zip(flat[0::2], flat[1::2], strict=True)

    def header(self, name: str, default: str | None = None) -> str | None:
        """The first `name` header's value: the STOMP rule for repeated headers."""
        flat = self._flat_headers
        for i in range(0, len(flat), 2):
            if flat[i] == name:
                return flat[i + 1]
        return default

    # -- derived fields --------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Body size in bytes."""
        return len(self.body)

    @property
    def content_type(self) -> str:
        """The `content-type` header, or "" when absent."""
        return self.header("content-type") or ""

    @property
    def is_text(self) -> bool:
        """True when the body is UTF-8 without control characters (cached: one full decode)."""
        cached = self._is_text
        if cached is None:
            cached = _looks_like_text(self.body)
            object.__setattr__(self, "_is_text", cached)
        return cached

    @property
    def preview(self) -> str:
        """One line for the table: the start of the body, or a binary marker."""
        body = self.body
        if not body:
            return ""
        if not self.is_text:
            return f"⟨binary {len(body)} B⟩"
        return one_line(body[:_PREVIEW_BYTES].decode("utf-8", errors="ignore"), PREVIEW_CHARS)

    def text(self, errors: str = "replace") -> str:
        """The whole body decoded as UTF-8 (lenient by default)."""
        return self.body.decode("utf-8", errors=errors)


def one_line(text: str, limit: int = PREVIEW_CHARS) -> str:
    """`text` cut to `limit` characters with line breaks and tabs turned into spaces."""
    text = text[: limit * 2]  # a CRLF becomes one space: keep enough to fill `limit`
    if "\n" in text or "\r" in text or "\t" in text:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return text[:limit]


def _looks_like_text(body: bytes) -> bool:
    if not body:
        return True
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # Deleting the allowed bytes leaves only controls; translate runs in C.
    controls = body.translate(None, _ALLOWED_BYTES)
    return not controls


_ALLOWED_BYTES: Final = bytes(b for b in range(256) if b not in _BINARY_CONTROLS)


def is_text_content_type(content_type: str) -> bool:
    """True for content types that are text by declaration (used by the detail pane)."""
    lowered = content_type.lower()
    return any(marker in lowered for marker in _TEXT_CONTENT_TYPES)
