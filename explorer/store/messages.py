r"""One message seen or sent on a connection, kept small because the log holds up to a million.

Everything about a message is packed into one `bytes` object:

    <int64 seq><float64 timestamp><uint32 body offset << 2 | flags> "COMMAND\n"
    ["destination\n"] "name:value\n" per header (escaped) "\n" <body>

(the destination line is present only when the destination is not the first `destination`
header). The body's offset in the prefix makes `size` and `body` O(1). The log stores these
bytes, not Python objects with references: one object per message instead of six, about 430
bytes for a 200-byte body with five headers, and nothing for Python's cyclic garbage
collector to walk (a million tracked objects cost ~180 ms per full collection, a visible
stall). `LogEntry` is a small wrapper made on demand around the bytes; two wrappers of the
same message compare equal.

Header values are escaped like STOMP 1.2 (`\\`, `\n`, `\r`; `\c` for a colon in a
name), so the header block never holds an empty line and the body starts after the first one.

A received frame is packed from its wire bytes when the parser kept them (`Frame.raw`, which
the window's client keeps for the traffic inspector): the head as the broker wrote it is
already this text, once a value's `\c` is written as the colon it stands for. Headers are not
walked, re-escaped and encoded again (`from_frame`); a head that needs more (STOMP 1.0
backslashes, an escaped backslash, an escape in a name, CRLF lines, a tolerated deviation)
takes the general path.
"""

from __future__ import annotations

import struct
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Final, Protocol

from explorer.stomp import Direction
from explorer.store.errors import StoreError

IN: Final = Direction.IN
OUT: Final = Direction.OUT

PREVIEW_CHARS: Final = 200
# Enough bytes for PREVIEW_CHARS characters of up to 4 bytes each.
_PREVIEW_BYTES: Final = PREVIEW_CHARS * 4
# The preview decides "binary or text" from this much of the body.
_SNIFF_BYTES: Final = 4096

_PREFIX: Final = struct.Struct("<qdI")
_SEQ: Final = struct.Struct("<q")
_TIME: Final = struct.Struct("<d")
_WORD: Final = struct.Struct("<I")
_FLAGS_AT: Final = 16  # the low byte of the little-endian word: its two low bits are flags
_OUT_FLAG: Final = 1
_DESTINATION_FLAG: Final = 2
_FLAG_BITS: Final = 2
TEXT_OFFSET: Final = _PREFIX.size
"""Where the text part (command line, header lines, body) starts in the packed bytes."""

# C0 controls that make a body "binary" (tab, newline, form feed, carriage return are text).
_ALLOWED_BYTES: Final = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))
_COMMANDS: dict[bytes, str] = {}
_HEADER_KEYS: dict[str, tuple[bytes, bytes]] = {}


class FrameLike(Protocol):
    """What `LogEntry.from_frame` needs from `explorer.stomp.Frame` (no import at load time).

    A frame may also carry `raw` (its exact wire bytes) and `violations` (deviations the
    lenient parser tolerated), as `explorer.stomp.Frame` does: then it is packed from `raw`.
    """

    @property
    def command(self) -> str: ...
    @property
    def headers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def body(self) -> bytes: ...


class LogEntry:
    """An immutable record of one frame on one connection.

    `seq` is -1 until a `MessageLog` assigns it (once) on `append`; everything else is fixed
    at construction. Read `seq`, `timestamp`, `direction`, `command`, `destination`,
    `headers` (wire order, repeats kept), `body`, and the derived `size`, `content_type`,
    `is_text`, `preview`. `packed` is the one bytes object the log keeps.
    """

    __slots__ = ("_data", "_destination")

    _data: bytes
    _destination: str | None

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
        if "\n" in command:
            raise StoreError("a command cannot contain a line break")
        lines: list[str] = [f"{command}\n"]
        first_destination: str | None = None
        for name, value in headers:
            if name == "destination" and first_destination is None:
                first_destination = value
            lines.append(f"{_escape_name(name)}:{_escape_value(value)}\n")
        lines.append("\n")
        flags = _OUT_FLAG if direction == OUT else 0
        if destination is None:
            destination = first_destination or ""
        elif destination != (first_destination or ""):
            flags |= _DESTINATION_FLAG
            lines.insert(1, f"{_escape_value(destination)}\n")
        when = time.time() if timestamp is None else timestamp
        text = "".join(lines).encode("utf-8", "surrogatepass")
        word = (TEXT_OFFSET + len(text)) << _FLAG_BITS | flags
        setter = object.__setattr__
        setter(self, "_data", b"".join((_PREFIX.pack(seq, when, word), text, body)))
        setter(self, "_destination", sys.intern(str(destination)))

    @classmethod
    def from_frame(
        cls,
        frame: FrameLike,
        direction: Direction | str,
        timestamp: float | None = None,
        *,
        version: str | None = None,
        destination_header: str | None = None,
    ) -> LogEntry:
        """Record a frame from `explorer.stomp` as seen (`"in"`) or sent (`"out"`).

        `version` is the STOMP version the frame was read under ("1.0", "1.1", "1.2"): with
        it, a frame that kept its wire bytes is packed from them (see the module docstring).
        `destination_header` is the frame's first `destination` header when the caller has
        it at hand (the client's `Message.destination`): the entry need not look it up.
        """
        raw: bytes | None = getattr(frame, "raw", None)
        if raw is not None and direction in (IN, OUT) and not getattr(frame, "violations", ()):
            text = _wire_text(raw, len(frame.body), version)
            if text is not None:
                head, body = text
                word = (TEXT_OFFSET + len(head)) << _FLAG_BITS | (direction == OUT)
                when = time.time() if timestamp is None else timestamp
                entry = _new(cls)
                _set_data(entry, b"".join((_PREFIX.pack(-1, when, word), head, body)))
                known = destination_header
                _set_destination(entry, None if known is None else sys.intern(known))
                return entry
        return cls(direction, frame.command, frame.headers, body=frame.body, timestamp=timestamp)

    @classmethod
    def from_packed(cls, data: bytes) -> LogEntry:
        """The entry whose `packed` bytes are `data` (how the log hands out its rows)."""
        entry = _new(cls)
        _set_data(entry, data)
        _set_destination(entry, None)
        return entry

    @property
    def packed(self) -> bytes:
        """Everything about this entry in one bytes object (what the log stores)."""
        return self._data

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"LogEntry is immutable (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"LogEntry is immutable (tried to delete {name!r})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LogEntry) and other._data == self._data

    def __hash__(self) -> int:
        return hash(self._data)

    def __repr__(self) -> str:
        return (
            f"LogEntry(seq={self.seq}, direction={self.direction!r}, command={self.command!r}, "
            f"destination={self.destination!r}, size={self.size})"
        )

    def _assign_seq(self, seq: int) -> None:
        """Called once by `MessageLog.append`; a second assignment is a bug."""
        if self.seq != -1:
            raise StoreError(f"entry already has sequence number {self.seq}")
        with memoryview(self._data) as rest:
            _set_data(self, b"".join((_SEQ.pack(seq), rest[_SEQ.size :])))

    # -- fixed fields ----------------------------------------------------------------------

    @property
    def seq(self) -> int:
        """Position in its log's arrival order (-1 before `MessageLog.append`)."""
        return packed_seq(self._data)

    @property
    def timestamp(self) -> float:
        """Wall-clock time (`time.time()`) when the frame was seen or sent."""
        when: float = _TIME.unpack_from(self._data, _SEQ.size)[0]
        return when

    @property
    def direction(self) -> str:
        """ "in" (received) or "out" (sent)."""
        return OUT if self._data[_FLAGS_AT] & _OUT_FLAG else IN

    @property
    def command(self) -> str:
        """The STOMP command, e.g. "MESSAGE", "SEND", "ERROR"."""
        data = self._data
        raw = data[TEXT_OFFSET : data.index(b"\n", TEXT_OFFSET)]
        command = _COMMANDS.get(raw)
        if command is None:
            command = raw.decode("utf-8", "surrogatepass")
            if len(_COMMANDS) < 64:  # the real commands, not whatever a broken peer sends
                _COMMANDS[raw] = sys.intern(command)
        return command

    @property
    def destination(self) -> str:
        """The destination ("" when none): the first `destination` header unless given."""
        destination = self._destination
        if destination is None:
            data = self._data
            if data[_FLAGS_AT] & _DESTINATION_FLAG:
                start = data.index(b"\n", TEXT_OFFSET) + 1
                stop = data.index(b"\n", start)
                destination = _unescape(data[start:stop].decode("utf-8", "surrogatepass"))
            else:
                destination = self.header("destination") or ""
            object.__setattr__(self, "_destination", destination)
        return destination

    @property
    def delivered_from(self) -> str:
        """A received MESSAGE's own `destination` header when it is logged under another
        destination (a user destination's subscription: explorer.session.user_destinations);
        "" otherwise."""
        if self._data[_FLAGS_AT] & (_DESTINATION_FLAG | _OUT_FLAG) != _DESTINATION_FLAG:
            return ""
        header = self.header("destination") or ""
        return header if header != self.destination else ""

    # -- headers ---------------------------------------------------------------------------

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        """(name, value) pairs in wire order, repeats kept."""
        return tuple(self.iter_headers())

    def iter_headers(self) -> Iterator[tuple[str, str]]:
        """Like `headers` without building the tuple."""
        data = self._data
        block = data[_headers_start(data) : _body_start(data)]
        for line in block.decode("utf-8", "surrogatepass").split("\n"):
            if line:
                name, _, value = line.partition(":")
                yield _unescape(name), _unescape(value)

    def header(self, name: str, default: str | None = None) -> str | None:
        """The first `name` header's value: the STOMP rule for repeated headers."""
        data = self._data
        begin = _headers_start(data)
        if data[begin] == 10:  # no headers
            return default
        first_key, line_key = _header_keys(name)
        if data.startswith(first_key, begin):
            start = begin + len(first_key)
        else:
            at = data.find(line_key, begin, _body_start(data))
            if at < 0:
                return default
            start = at + len(line_key)
        stop = data.index(b"\n", start)
        return _unescape(data[start:stop].decode("utf-8", "surrogatepass"))

    # -- body and derived fields -------------------------------------------------------------

    @property
    def body(self) -> bytes:
        """The body bytes (a copy: read it once per use)."""
        data = self._data
        return data[_body_start(data) :]

    def body_view(self) -> memoryview:
        """The body without copying it (for searching and decoding large bodies)."""
        data = self._data
        return memoryview(data)[_body_start(data) :]

    @property
    def size(self) -> int:
        """Body size in bytes."""
        return packed_body_size(self._data)

    @property
    def content_type(self) -> str:
        """The `content-type` header, or "" when absent."""
        return self.header("content-type") or ""

    @property
    def is_text(self) -> bool:
        """True when the whole body is UTF-8 without control characters (a full decode)."""
        return _looks_like_text(self.body_view(), complete=True)

    @property
    def preview(self) -> str:
        """One line for the table: the start of the body, or a binary marker."""
        view = self.body_view()
        if not len(view):
            return ""
        if not _looks_like_text(view[:_SNIFF_BYTES], complete=len(view) <= _SNIFF_BYTES):
            return f"⟨binary {len(view)} B⟩"
        return one_line(str(view[:_PREVIEW_BYTES], "utf-8", "ignore"), PREVIEW_CHARS)

    def text(self, errors: str = "replace") -> str:
        """The whole body decoded as UTF-8 (lenient by default)."""
        return str(self.body_view(), "utf-8", errors)


def packed_seq(data: bytes) -> int:
    """The sequence number inside packed entry bytes."""
    seq: int = _SEQ.unpack_from(data, 0)[0]
    return seq


def packed_body_size(data: bytes) -> int:
    """The body size inside packed entry bytes."""
    body_start: int = _WORD.unpack_from(data, _FLAGS_AT)[0] >> _FLAG_BITS
    return len(data) - body_start


def _header_keys(name: str) -> tuple[bytes, bytes]:
    """`name:` and `\\nname:` as packed, cached for the few names a program asks for."""
    keys = _HEADER_KEYS.get(name)
    if keys is None:
        key = f"{_escape_name(name)}:".encode("utf-8", "surrogatepass")
        keys = (key, b"\n" + key)
        if len(_HEADER_KEYS) < 256:
            _HEADER_KEYS[name] = keys
    return keys


def _headers_start(data: bytes) -> int:
    start = data.index(b"\n", TEXT_OFFSET) + 1  # after the command line
    if data[_FLAGS_AT] & _DESTINATION_FLAG:
        start = data.index(b"\n", start) + 1
    return start


def _body_start(data: bytes) -> int:
    start: int = _WORD.unpack_from(data, _FLAGS_AT)[0] >> _FLAG_BITS
    return start


# Setting the slots directly skips the class's __setattr__ guard (the entry is being made).
_new = object.__new__
_set_data = LogEntry.__dict__["_data"].__set__
_set_destination = LogEntry.__dict__["_destination"].__set__


def _wire_text(
    raw: bytes, body_size: int, version: str | None
) -> tuple[bytes | memoryview, memoryview] | None:
    """The packed text, as (head with its blank line, body), of a frame whose wire bytes
    are `raw` (the same and a NUL), or None when it needs the general path. The wire's STOMP
    1.1/1.2 escaping is the packed one except a value's colon, written `\\c` on the wire
    and plain here; without a backslash the wire bytes are the text as they are."""
    stop = len(raw) - 1 - body_size
    if stop < 2 or not raw.startswith(b"\n\n", stop - 2) or raw[-1] != 0:
        return None
    if raw.find(b"\r", 0, stop) >= 0:
        return None
    view = memoryview(raw)
    at = raw.find(b"\\", 0, stop)
    if at < 0:
        return view[:stop], view[stop:-1]
    if version not in ("1.1", "1.2") or raw.find(b"\\\\", at, stop) >= 0:
        return None
    while at >= 0:  # every escape must be in a value: its line has a colon before it
        line = raw.rfind(b"\n", 0, at) + 1
        if raw.find(b":", line, at) < 0:
            return None
        end = raw.find(b"\n", at, stop)
        at = raw.find(b"\\", end, stop)
    return raw[:stop].replace(b"\\c", b":"), view[stop:-1]


def one_line(text: str, limit: int = PREVIEW_CHARS) -> str:
    """`text` cut to `limit` characters with line breaks and tabs turned into spaces."""
    text = text[: limit * 2]  # a CRLF becomes one space: keep enough to fill `limit`
    if "\n" in text or "\r" in text or "\t" in text:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return text[:limit]


def _looks_like_text(body: memoryview, *, complete: bool) -> bool:
    """UTF-8 without control characters. When `complete` is false `body` is a prefix, which
    may end inside a multi-byte character and is still text then."""
    if not len(body):
        return True
    try:
        str(body, "utf-8")
    except UnicodeDecodeError as exc:
        cut_short = exc.reason == "unexpected end of data" and exc.start >= len(body) - 3
        if complete or not cut_short:
            return False
    return not bytes(body).translate(None, _ALLOWED_BYTES)


def _escape_name(name: str) -> str:
    if "\\" in name or "\n" in name or "\r" in name or ":" in name:
        name = (
            name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace(":", "\\c")
        )
    return name


def _escape_value(value: str) -> str:
    # A value may contain ':' unescaped: the first ':' of a line ends the (escaped) name.
    if "\\" in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return value


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "r": "\r", "c": ":", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)
