"""Incremental, sans-I/O STOMP frame parser.

Feed it bytes as they arrive, split anywhere; it returns every complete `Frame` and one
`HEARTBEAT` per EOL seen between frames. One `bytearray` holds the unconsumed input and the
parser remembers how far it has searched, so partial input is never rescanned, and the hot
path is a few `bytearray.find` calls plus one UTF-8 decode and one `str.split` per frame head;
headers are unescaped only when the head holds a backslash.

Choices worth knowing:
- Every EOL between frames is a `HEARTBEAT`, including the EOLs that directly follow a
  frame's NUL (ActiveMQ and RabbitMQ both write `\\0\\n`). The wire cannot tell those
  apart from a later heart-beat, so reporting each one keeps the output independent of how
  the bytes were chunked and never hides a heart-beat. Use them to refresh a liveness clock,
  not as a count of the peer's heart-beats.
- Stray NULs between frames are skipped silently (RabbitMQ's parser does the same).
- LF and CRLF are accepted everywhere whatever the version; a CR not followed by LF is a
  `FrameError`.
- A client-side parser (`server_side=False`) whose version is still `None` adopts the
  `version` header of the CONNECTED frame it parses (1.0 when absent), so frames that arrive
  in the same chunk are decoded with the negotiated rules. Setting `parser.version` yourself
  afterwards is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from .errors import FrameError, IncompleteFrame, InvalidEscape, LimitExceeded
from .escaping import unescape_header
from .frames import (
    CLIENT_COMMANDS,
    HEARTBEAT,
    SERVER_COMMANDS,
    UNESCAPED_COMMANDS,
    Command,
    Frame,
    Heartbeat,
    Version,
)

_LF: Final = 10
_CR: Final = 13
_NUL: Final = 0
# Bodies at least this long are copied once through a memoryview instead of twice via a slice.
_BIG_BODY: Final = 1 << 16

_CLIENT_TABLE: Final = {str(c): c for c in CLIENT_COMMANDS}
_SERVER_TABLE: Final = {str(c): c for c in SERVER_COMMANDS}
_ANY_TABLE: Final = {**_CLIENT_TABLE, **_SERVER_TABLE}
_VERSIONS: Final = {str(v): v for v in Version}


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits; exceeding one raises `LimitExceeded` naming the field."""

    max_frame_bytes: int = 64 * 2**20
    max_headers: int = 1000
    max_line_bytes: int = 64 * 2**10
    max_command_bytes: int = 1024

    def __post_init__(self) -> None:
        for name in ("max_frame_bytes", "max_headers", "max_line_bytes", "max_command_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"Limits.{name} must be at least 1")


class _State(Enum):
    IDLE = "between frames"
    HEAD = "command and headers"
    BODY = "body"


class FrameParser:
    """Turns a byte stream into frames and heart-beats. See the module docstring.

    - `version`: the negotiated version (header escaping depends on it); `None` before
      negotiation decodes the four 1.2 escapes and keeps unknown ones literally.
    - `keep_raw`: put each frame's exact wire bytes (through its NUL) in `Frame.raw`.
    - `server_side`: accept client commands (a broker); otherwise server commands.
    - `lenient`: keep undefined escapes literally instead of raising `InvalidEscape`
      (ActiveMQ echoes them).
    - `accept_any_command`: take any non-empty command line (raw mode); known commands are
      still returned as `Command` members.
    """

    def __init__(
        self,
        version: Version | None = None,
        limits: Limits = Limits(),
        keep_raw: bool = False,
        server_side: bool = False,
        lenient: bool = False,
        accept_any_command: bool = False,
    ) -> None:
        self._version: Version | None = None
        self.version = version
        self.limits = limits
        self.keep_raw = keep_raw
        self.server_side = server_side
        self.lenient = lenient
        self.accept_any_command = accept_any_command
        self._commands: dict[str, Command] = _CLIENT_TABLE if server_side else _SERVER_TABLE
        self._buf = bytearray()
        self._state = _State.IDLE
        self._error: FrameError | None = None
        self._eof = False
        # HEAD state, offsets relative to the frame start (index 0 of the buffer)
        self._search = 0  # where the next search for the blank line starts
        self._scanned = 0  # bytes already counted for the partial-head limit checks
        self._lines = 0  # complete lines in the partial head
        self._line_start = 0  # start of the partial line
        # BODY state
        self._command: str = ""
        self._headers: tuple[tuple[str, str], ...] = ()
        self._body_start = 0
        self._body_end = -1  # content-length end, or -1 when the body ends at the first NUL

    # -- public ---------------------------------------------------------------------------------

    @property
    def version(self) -> Version | None:
        """The negotiated version (escaping depends on it); `None` before negotiation."""
        return self._version

    @version.setter
    def version(self, value: Version | str | None) -> None:
        self._version = None if value is None else Version(value)

    @property
    def error(self) -> FrameError | None:
        """The sticky error, once the input was found malformed."""
        return self._error

    def feed(self, data: bytes) -> list[Frame | Heartbeat]:
        """Add `data` and return every item it completes, in stream order.

        On malformed input raises `FrameError` (the items completed earlier in the same call
        are on the exception as `items`); every later call raises the same error.
        """
        if self._error is not None:
            self._error.items = ()
            raise self._error
        if self._eof:
            raise self._fail(FrameError("feed() called after feed_eof()"))
        out: list[Frame | Heartbeat] = []
        if data:
            self._buf += data
            try:
                self._parse(out)
            except FrameError as exc:
                self._fail(exc)
                exc.items = tuple(out)
                raise
        return out

    def feed_eof(self) -> None:
        """The peer closed the stream: raise `IncompleteFrame` if a frame is half-read."""
        if self._error is not None:
            self._error.items = ()
            raise self._error
        self._eof = True
        if self._state is not _State.IDLE:
            what = f"a {self._command} frame" if self._state is _State.BODY else "a frame"
            raise self._fail(
                IncompleteFrame(
                    f"stream ended in the middle of {what} ({len(self._buf)} bytes buffered)"
                )
            )
        if self._buf:  # a lone CR waiting for its LF
            raise self._fail(IncompleteFrame("stream ended after a CR without its LF"))

    # -- parsing --------------------------------------------------------------------------------

    def _fail(self, error: FrameError) -> FrameError:
        self._error = error
        self._buf = bytearray()
        return error

    def _parse(self, out: list[Frame | Heartbeat]) -> None:
        """Consume `self._buf`; on return it holds only the unconsumed tail, which starts
        with the pending frame (offsets saved in `self` are relative to that start)."""
        buf = self._buf
        n = len(buf)
        max_frame = self.limits.max_frame_bytes
        keep_raw = self.keep_raw
        append = out.append
        pos = 0
        state = self._state
        fresh = False  # the frame being parsed started in this call
        if state is _State.IDLE:
            start = -1
        else:  # resume the pending frame, which starts at offset 0
            start = 0
            search = self._search
            if state is _State.BODY:
                command, headers = self._command, self._headers
                body_start, body_end = self._body_start, self._body_end
                self._headers = ()
        while True:
            if start < 0:
                # Heart-beats and noise between frames (rare, short runs: a plain loop is fine).
                while pos < n:
                    byte = buf[pos]
                    if byte == _LF:
                        append(HEARTBEAT)
                        pos += 1
                    elif byte == _NUL:
                        pos += 1
                    elif byte == _CR:
                        if pos + 1 == n:
                            break  # keep the CR until its LF arrives
                        if buf[pos + 1] != _LF:
                            raise FrameError("a CR between frames is not followed by LF")
                        append(HEARTBEAT)
                        pos += 2
                    else:
                        break
                if pos >= n or buf[pos] == _CR:
                    del buf[:pos]
                    self._state = _State.IDLE
                    return
                start = search = pos
                state = _State.HEAD
                fresh = True

            if state is _State.HEAD:
                end = buf.find(b"\n\n", search)
                crlf = buf.find(b"\n\r\n", search, end + 2 if end >= 0 else n)
                if crlf >= 0:
                    head_end, body_start = crlf, crlf + 3
                elif end >= 0:
                    head_end, body_start = end, end + 2
                else:
                    if fresh:
                        self._scanned = self._lines = self._line_start = 0
                    self._state = _State.HEAD
                    del buf[:start]
                    n -= start
                    self._search = max(0, n - 2)
                    self._check_partial_head(buf, n)
                    return
                if body_start + 1 - start > max_frame:  # a head alone can be too big
                    raise LimitExceeded("max_frame_bytes", max_frame, body_start + 1 - start)
                command, headers, length = self._parse_head(buf, start, head_end)
                if length >= 0:
                    body_end = body_start + length
                    if body_end + 1 - start > max_frame:
                        raise LimitExceeded("max_frame_bytes", max_frame, body_end + 1 - start)
                else:
                    body_end = -1
                search = body_start

            # the body
            if body_end >= 0:
                if body_end >= n:
                    return self._save_body(start, command, headers, body_start, body_end, start)
                if buf[body_end] != _NUL:
                    raise FrameError(
                        f"{command} frame: the byte after its content-length "
                        f"({body_end - body_start} bytes) is not NUL"
                    )
                end = body_end
            else:
                end = buf.find(b"\0", search)
                if end < 0:
                    if n - start > max_frame:
                        raise LimitExceeded("max_frame_bytes", max_frame, n - start)
                    return self._save_body(start, command, headers, body_start, body_end, n)
                if end + 1 - start > max_frame:
                    raise LimitExceeded("max_frame_bytes", max_frame, end + 1 - start)
            if end - body_start >= _BIG_BODY:
                with memoryview(buf) as view:
                    body = view[body_start:end].tobytes()
            else:
                body = bytes(buf[body_start:end])
            pos = end + 1
            append(Frame(command, headers, body, bytes(buf[start:pos]) if keep_raw else None))
            start = -1

    def _save_body(
        self,
        start: int,
        command: str,
        headers: tuple[tuple[str, str], ...],
        body_start: int,
        body_end: int,
        search: int,
    ) -> None:
        """Keep a frame whose body is incomplete, rebased so that it starts at offset 0."""
        del self._buf[:start]
        self._state = _State.BODY
        self._command, self._headers = command, headers
        self._body_start = body_start - start
        self._body_end = body_end - start if body_end >= 0 else -1
        self._search = search - start

    def _check_partial_head(self, buf: bytearray, n: int) -> None:
        """Limits on a head whose blank line has not arrived: fail before buffering it all."""
        limits = self.limits
        self._lines, self._line_start = self._check_lines(
            buf, self._scanned, n, self._lines, self._line_start
        )
        self._scanned = n
        partial = n - self._line_start
        if self._lines == 0:
            self._check_command_length(partial)
        elif partial > limits.max_line_bytes:
            raise LimitExceeded("max_line_bytes", limits.max_line_bytes, partial)
        if n > limits.max_frame_bytes:
            raise LimitExceeded("max_frame_bytes", limits.max_frame_bytes, n)

    def _check_lines(
        self, buf: bytearray, scan: int, end: int, lines: int, line_start: int
    ) -> tuple[int, int]:
        """Check the lines that end in `buf[scan:end]`, in stream order; return the updated
        count of complete lines and the start of the line after them."""
        limits = self.limits
        newline = buf.find(b"\n", scan, end)
        while newline >= 0:
            length = newline - line_start
            if lines == 0:
                self._check_command_length(length)
            elif length > limits.max_line_bytes:
                raise LimitExceeded("max_line_bytes", limits.max_line_bytes, length)
            lines += 1
            if lines - 1 > limits.max_headers:
                raise LimitExceeded("max_headers", limits.max_headers, lines - 1)
            line_start = newline + 1
            newline = buf.find(b"\n", line_start, end)
        return lines, line_start

    def _check_command_length(self, length: int) -> None:
        maximum = self.limits.max_command_bytes
        if length > maximum:
            raise LimitExceeded("max_command_bytes", maximum, length)

    def _parse_head(
        self, buf: bytearray, start: int, head_end: int
    ) -> tuple[str, tuple[tuple[str, str], ...], int]:
        """Command, headers and content-length (-1 if absent) of `buf[start:head_end]`."""
        limits = self.limits
        size = head_end - start
        if size > limits.max_command_bytes or size > limits.max_line_bytes:
            self._check_lines(buf, start, head_end + 1, 0, start)  # incl. its LF
        try:
            text = buf[start:head_end].decode("utf-8")
        except UnicodeDecodeError as exc:
            number = buf.count(b"\n", start, start + exc.start) + 1
            raise FrameError(
                f"invalid UTF-8 in the frame head (line {number}, byte {exc.start}): "
                "commands and headers must be UTF-8"
            ) from None
        lines = text.split("\n")
        if "\r" in text:
            lines = _strip_cr(lines)
        count = len(lines) - 1
        if count > limits.max_headers:
            raise LimitExceeded("max_headers", limits.max_headers, count)

        name = lines[0]
        command: str | None = self._commands.get(name)
        if command is None:
            command = self._unknown_command(name)

        version = self._version
        if "\\" in text and version is not Version.V1_0 and command not in UNESCAPED_COMMANDS:
            headers = _split_escaped(name, lines, version, self.lenient)
        else:
            headers = _split(name, lines)
            if command is Command.CONNECTED and version is None and not self.server_side:
                self._version = _VERSIONS.get(_first(headers, "version") or "1.0")

        length = -1
        if "content-length" in text:
            given = _first(headers, "content-length")
            if given is not None:
                if not (given.isascii() and given.isdigit()):
                    raise FrameError(
                        f"{name} frame: content-length {given!r} is not a non-negative integer"
                    )
                length = int(given)
        return command, tuple(headers), length

    def _unknown_command(self, name: str) -> str:
        if self.accept_any_command and name:
            return _ANY_TABLE.get(name, name)
        other = _SERVER_TABLE if self.server_side else _CLIENT_TABLE
        if name in other:
            sender = "a server" if self.server_side else "a client"
            raise FrameError(f"unexpected command {name!r}: only {sender} sends it")
        raise FrameError(f"unknown command {name!r}")


def _split(command: str, lines: list[str]) -> list[tuple[str, str]]:
    """Header lines to (name, value) pairs, split at the first colon."""
    headers: list[tuple[str, str]] = []
    append = headers.append
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if not key or not colon:
            raise _bad_line(command, line, colon)
        append((key, value))
    return headers


def _split_escaped(
    command: str, lines: list[str], version: Version | None, lenient: bool
) -> list[tuple[str, str]]:
    """`_split` plus unescaping, done only on the names and values holding a backslash."""
    headers: list[tuple[str, str]] = []
    append = headers.append
    try:
        for line in lines[1:]:
            key, colon, value = line.partition(":")
            if not key or not colon:
                raise _bad_line(command, line, colon)
            if "\\" in line:
                key = unescape_header(key, version, lenient=lenient)
                value = unescape_header(value, version, lenient=lenient)
            append((key, value))
    except InvalidEscape as exc:
        raise InvalidEscape(f"{command} frame: {exc}") from None
    return headers


def _bad_line(command: str, line: str, colon: str) -> FrameError:
    what = "an empty header name" if colon else "no ':'"
    return FrameError(f"{command} frame: header line {line!r} has {what}")


def _first(headers: list[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key == name:
            return value
    return None


def _strip_cr(lines: list[str]) -> list[str]:
    """Drop the CR of each CRLF; any other CR is an error (a lone CR is not an EOL)."""
    stripped = [line[:-1] if line.endswith("\r") else line for line in lines]
    for line in stripped:
        if "\r" in line:
            raise FrameError(f"CR not followed by LF in line {line!r}")
    return stripped
