"""Incremental, sans-I/O STOMP frame parser.

Feed it bytes as they arrive, split anywhere; it returns every complete `Frame` and one
`HEARTBEAT` per EOL seen between frames. One `bytearray` holds the unconsumed input and the
parser remembers how far it has searched, so partial input is never rescanned, and the hot
path is a few `bytearray.find` calls plus one UTF-8 decode and one `str.split` per frame head
(`head.py`); headers are unescaped only when the head holds a backslash.

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
- `strictness` (see `violations.py`): `STANDARD` by default; `STRICT` also refuses bodies on
  bodiless frames and NULs in heads; `LENIENT` tolerates and reports (`Frame.violations`),
  drops what it cannot read (a `Violation` item with the skipped bytes) and goes on. Size
  limits are fatal in every mode: they guard memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from .errors import FrameError, IncompleteFrame, LimitExceeded
from .frames import (
    BODILESS_COMMANDS,
    CLIENT_COMMANDS,
    HEARTBEAT,
    SERVER_COMMANDS,
    Command,
    Frame,
    Heartbeat,
    Version,
    make_frame,
)
from .head import UnreadableHead, first_header, read_head
from .violations import Rule, Strictness, Violation

__all__ = ["FrameParser", "Item", "Limits"]

Item = Frame | Heartbeat | Violation
"""What `FrameParser.feed` returns; a `Violation` only in `LENIENT` mode (dropped bytes)."""

_LF: Final = 10
_CR: Final = 13
_NUL: Final = 0
# Bodies at least this long are copied once through a memoryview instead of twice via a slice.
_BIG_BODY: Final = 1 << 16

_CLIENT_TABLE: Final = {str(c): c for c in CLIENT_COMMANDS}
_SERVER_TABLE: Final = {str(c): c for c in SERVER_COMMANDS}
_VERSIONS: Final = {str(v): v for v in Version}
_first = first_header
_CONNECTED: Final = Command.CONNECTED
_LENIENT: Final = Strictness.LENIENT
_STANDARD: Final = Strictness.STANDARD


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
    - `strictness`: `Strictness.STANDARD`, `STRICT` or `LENIENT` (settable at any time; it
      applies from the next frame on).
    - `accept_any_command`: take any non-empty command line (raw mode); known commands are
      still returned as `Command` members.
    """

    def __init__(
        self,
        version: Version | None = None,
        limits: Limits = Limits(),
        keep_raw: bool = False,
        server_side: bool = False,
        strictness: Strictness = Strictness.STANDARD,
        accept_any_command: bool = False,
    ) -> None:
        self._version: Version | None = None
        self.version = version
        self.limits = limits
        self.keep_raw = keep_raw
        self.server_side = server_side
        self.accept_any_command = accept_any_command
        self._commands: dict[str, Command] = _CLIENT_TABLE if server_side else _SERVER_TABLE
        self._other_side: dict[str, Command] = _SERVER_TABLE if server_side else _CLIENT_TABLE
        self._strictness = Strictness.STANDARD
        self._no_body: frozenset[str] = frozenset()
        self.strictness = strictness
        self._buf = bytearray()
        self._offset = 0  # stream offset of self._buf[0]
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
        self._found: list[tuple[Rule, str]] | None = None  # deviations tolerated so far
        self._drop: UnreadableHead | None = None  # set: skip this frame up to its NUL

    # -- public ---------------------------------------------------------------------------------

    @property
    def version(self) -> Version | None:
        """The negotiated version (escaping depends on it); `None` before negotiation."""
        return self._version

    @version.setter
    def version(self, value: Version | str | None) -> None:
        self._version = None if value is None else Version(value)

    @property
    def strictness(self) -> Strictness:
        return self._strictness

    @strictness.setter
    def strictness(self, value: Strictness | str) -> None:
        strictness = Strictness(value)
        self._strictness = strictness
        side = self._commands.values()
        standard = strictness is Strictness.STANDARD
        self._no_body = frozenset() if standard else BODILESS_COMMANDS.intersection(side)

    @property
    def offset(self) -> int:
        """How many bytes were consumed so far (the stream offset of the next unread byte
        is at least this)."""
        return self._offset

    @property
    def error(self) -> FrameError | None:
        """The sticky error, once the input was found malformed."""
        return self._error

    def feed(self, data: bytes) -> list[Item]:
        """Add `data` and return every item it completes, in stream order.

        On malformed input raises `FrameError` (the items completed earlier in the same call
        are on the exception as `items`); every later call raises the same error.
        """
        if self._error is not None:
            self._error.items = ()
            raise self._error
        if self._eof:
            raise self._fail(FrameError("feed() called after feed_eof()"))
        out: list[Item] = []
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

    def _parse(self, out: list[Item]) -> None:
        """Consume `self._buf`; on return it holds only the unconsumed tail, which starts
        with the pending frame (offsets saved in `self` are relative to that start)."""
        buf = self._buf
        n = len(buf)
        limits = self.limits
        max_frame = limits.max_frame_bytes
        keep_raw = self.keep_raw
        strictness = self._strictness
        lenient = strictness is _LENIENT
        standard = strictness is _STANDARD
        no_body = self._no_body
        commands, other_side = self._commands, self._other_side
        server_side, any_command = self.server_side, self.accept_any_command
        append = out.append
        pos = 0
        nul = -1  # the first NUL at or after the head's search start, when known
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
                found, drop = self._found, self._drop
                self._headers, self._found, self._drop = (), None, None
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
                            detail = "a CR between frames is not followed by LF"
                            if not lenient:
                                raise FrameError(detail)
                            append(Violation(Rule.BARE_CR, self._offset + pos, detail, b"\r"))
                            pos += 1
                            continue
                        append(HEARTBEAT)
                        pos += 2
                    else:
                        break
                if pos >= n or buf[pos] == _CR:
                    del buf[:pos]
                    self._offset += pos
                    self._state = _State.IDLE
                    return
                start = search = pos
                state = _State.HEAD
                fresh = True

            if state is _State.HEAD:
                nul = buf.find(b"\0", search)
                limit = n if nul < 0 or standard else nul
                end = buf.find(b"\n\n", search, limit)
                crlf = buf.find(b"\n\r\n", search, end + 2 if end >= 0 else limit)
                if crlf >= 0:
                    head_end, body_start = crlf, crlf + 3
                elif end >= 0:
                    head_end, body_start = end, end + 2
                elif nul >= 0 and not standard:
                    # A NUL ends frames: this head can never end with a blank line. First the
                    # limits a byte-by-byte feed would have checked before reaching the NUL.
                    if fresh:
                        self._scanned = self._lines = self._line_start = 0
                    self._check_partial_head(buf, start, nul)
                    detail = (
                        f"a NUL {nul - start} bytes into the frame, before the blank line that "
                        "ends the headers"
                    )
                    if not lenient:
                        raise FrameError(detail)
                    pos = nul + 1
                    offset = self._offset + start
                    append(Violation(Rule.NUL_IN_HEAD, offset, detail, bytes(buf[start:pos])))
                    start = nul = -1
                    continue
                else:
                    if fresh:
                        self._scanned = self._lines = self._line_start = 0
                    self._state = _State.HEAD
                    del buf[:start]
                    self._offset += start
                    n -= start
                    self._search = max(0, n - 2)
                    self._check_partial_head(buf, 0, n)
                    return
                if body_start + 1 - start > max_frame:  # a head alone can be too big
                    raise LimitExceeded("max_frame_bytes", max_frame, body_start + 1 - start)
                size = head_end - start
                if size > limits.max_command_bytes or size > limits.max_line_bytes:
                    self._check_lines(buf, start, head_end + 1, 0, start)  # incl. its LF
                drop = None
                try:
                    command, headers, length, found = read_head(
                        buf[start:head_end],
                        commands,
                        other_side,
                        server_side,
                        any_command,
                        self._version,  # may change mid-call: a client adopts CONNECTED's
                        strictness,
                    )
                except UnreadableHead as exc:  # lenient only: skip to the next NUL
                    drop, command, headers, length, found = exc, "", (), -1, None
                if len(headers) > limits.max_headers:
                    raise LimitExceeded("max_headers", limits.max_headers, len(headers))
                if command is _CONNECTED and self._version is None and not server_side:
                    self._version = _VERSIONS.get(_first(headers, "version") or "1.0")
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
                    self._save_body(start, command, headers, body_start, body_end, start)
                    self._found, self._drop = found, drop
                    return
                if buf[body_end] == _NUL:
                    end = body_end
                else:
                    detail = (
                        f"{command} frame: the byte after its content-length "
                        f"({body_end - body_start} bytes) is not NUL"
                    )
                    if not lenient:
                        raise FrameError(detail)
                    note = "; the body runs on to the next NUL"
                    found = [*(found or ()), (Rule.MISSING_NUL, detail + note)]
                    search = body_end
                    body_end = -1
            if body_end < 0:
                end = nul if nul >= search else buf.find(b"\0", search)
                if end < 0:
                    if n - start > max_frame:
                        raise LimitExceeded("max_frame_bytes", max_frame, n - start)
                    self._save_body(start, command, headers, body_start, body_end, n)
                    self._found, self._drop = found, drop
                    return
                if end + 1 - start > max_frame:
                    raise LimitExceeded("max_frame_bytes", max_frame, end + 1 - start)
            pos = end + 1
            if drop is not None:
                detail = f"{drop}; skipped to the next NUL"
                append(Violation(drop.rule, self._offset + start, detail, bytes(buf[start:pos])))
                start = nul = -1
                continue
            if end - body_start >= _BIG_BODY:
                with memoryview(buf) as view:
                    body = view[body_start:end].tobytes()
            else:
                body = bytes(buf[body_start:end])
            if no_body and end > body_start and command in no_body:
                detail = (
                    f"{command} frame: a {end - body_start}-byte body, but only SEND, MESSAGE "
                    "and ERROR frames may carry one"
                )
                if not lenient:
                    raise FrameError(detail)
                found = [*(found or ()), (Rule.BODY_NOT_ALLOWED, detail)]
            raw = bytes(buf[start:pos]) if keep_raw else None
            if found is None:
                append(make_frame(command, headers, body, raw))
            else:
                offset = self._offset + start
                violations = tuple(Violation(rule, offset, text) for rule, text in found)
                append(make_frame(command, headers, body, raw, violations))
            start = nul = -1

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
        self._offset += start
        self._state = _State.BODY
        self._command, self._headers = command, headers
        self._body_start = body_start - start
        self._body_end = body_end - start if body_end >= 0 else -1
        self._search = search - start

    def _check_partial_head(self, buf: bytearray, start: int, stop: int) -> None:
        """Limits on the head `buf[start:stop]` whose blank line has not arrived: fail before
        buffering it all. The counters in `self` are relative to `start`."""
        limits = self.limits
        lines, line_start = self._check_lines(
            buf, start + self._scanned, stop, self._lines, start + self._line_start
        )
        self._lines, self._line_start, self._scanned = lines, line_start - start, stop - start
        partial = stop - line_start
        if lines == 0:
            self._check_command_length(partial)
        elif partial > limits.max_line_bytes:
            raise LimitExceeded("max_line_bytes", limits.max_line_bytes, partial)
        if stop - start > limits.max_frame_bytes:
            raise LimitExceeded("max_frame_bytes", limits.max_frame_bytes, stop - start)

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
