"""Reading one frame head (command line and header lines) under a `Strictness`.

The framing (where a head starts and ends) is the parser's job; this module turns the bytes
between them into a command, headers and a content-length. The common case is one UTF-8
decode, one `str.split` and a loop of `str.partition`; headers are unescaped only when the
head holds a backslash.

In `LENIENT` mode a deviation it can read past is returned as a `(Rule, detail)` pair; one
that makes the head unreadable raises `UnreadableHead`, and the parser then drops the frame.
In the other modes every deviation raises the `FrameError` it always raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .errors import FrameError, InvalidEscape
from .escaping import unescape_header
from .frames import UNESCAPED_COMMANDS, Command, Version
from .violations import Rule, Strictness

__all__ = ["Head", "UnreadableHead", "first_header", "read_head"]

Headers = tuple[tuple[str, str], ...]
Found = list[tuple[Rule, str]]
Head = tuple[str, Headers, int, Found | None]
"""command, headers, content-length (-1 when absent or ignored), tolerated deviations."""


class UnreadableHead(FrameError):
    """A lenient parser cannot make a frame of this head; it skips to the next NUL."""

    def __init__(self, rule: Rule, detail: str) -> None:
        super().__init__(detail)
        self.rule = rule


def read_head(
    data: bytes | bytearray,
    commands: dict[str, Command],
    other_side: dict[str, Command],
    server_side: bool,
    accept_any_command: bool,
    version: Version | None,
    strictness: Strictness,
) -> Head:
    """Command, headers and content-length of one head (without its blank line)."""
    lenient = strictness is _LENIENT
    found: Found | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        number = data.count(b"\n", 0, exc.start) + 1
        detail = (
            f"invalid UTF-8 in the frame head (line {number}, byte {exc.start}): "
            "commands and headers must be UTF-8"
        )
        if lenient:
            raise UnreadableHead(Rule.INVALID_UTF8, detail) from None
        raise FrameError(detail) from None
    lines = text.split("\n")
    if "\r" in text:
        lines = _strip_cr(lines, lenient)

    name = lines[0]
    command: str | None = commands.get(name)
    if command is None:
        if not (accept_any_command and name):
            detail = _unknown_command(name, other_side, server_side)
            if not lenient:
                raise FrameError(detail)
            found = [(Rule.UNEXPECTED_COMMAND, detail)]
        command = _ANY_COMMAND.get(name, name)

    if "\\" in text and version is not _V1_0 and command not in UNESCAPED_COMMANDS:
        headers, kept = _split_escaped(name, lines, version, lenient)
        if kept is not None:
            found = [*(found or ()), *kept]
    else:
        headers = _split(name, lines, lenient)

    length = -1
    if "content-length" in text:
        given = first_header(headers, "content-length")
        if given is not None:
            if given.isascii() and given.isdigit():
                length = int(given)
            else:
                detail = f"{name} frame: content-length {given!r} is not a non-negative integer"
                if not lenient:
                    raise FrameError(detail)
                found = [*(found or ()), (Rule.BAD_CONTENT_LENGTH, detail + "; ignored")]
    return command, tuple(headers), length, found


_ANY_COMMAND: Final = {str(c): c for c in Command}
_LENIENT: Final = Strictness.LENIENT
_V1_0: Final = Version.V1_0


def _unknown_command(name: str, other_side: dict[str, Command], server_side: bool) -> str:
    if name in other_side:
        sender = "a server" if server_side else "a client"
        return f"unexpected command {name!r}: only {sender} sends it"
    return f"unknown command {name!r}"


def _split(command: str, lines: list[str], lenient: bool) -> list[tuple[str, str]]:
    """Header lines to (name, value) pairs, split at the first colon."""
    headers: list[tuple[str, str]] = []
    append = headers.append
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if not key or not colon:
            raise _bad_line(command, line, colon, lenient)
        append((key, value))
    return headers


def _split_escaped(
    command: str, lines: list[str], version: Version | None, lenient: bool
) -> tuple[list[tuple[str, str]], Found | None]:
    """`_split` plus unescaping, done only on the names and values holding a backslash.
    Returns the headers and, when lenient, the undefined escapes kept literally (or None)."""
    headers: list[tuple[str, str]] = []
    kept: Found | None = None
    append = headers.append
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if not key or not colon:
            raise _bad_line(command, line, colon, lenient)
        if "\\" in line:
            raw_key, raw_value = key, value
            try:
                if "\\" in key:
                    key = unescape_header(raw_key, version)
                if "\\" in value:
                    value = unescape_header(raw_value, version)
            except InvalidEscape as exc:
                if not lenient:
                    raise InvalidEscape(f"{command} frame: {exc}") from None
                detail = f"{command} frame: {exc}; kept as sent"
                kept = [*(kept or ()), (Rule.UNDEFINED_ESCAPE, detail)]
                key = unescape_header(raw_key, version, lenient=True)
                value = unescape_header(raw_value, version, lenient=True)
        append((key, value))
    return headers, kept


def _bad_line(command: str, line: str, colon: str, lenient: bool) -> FrameError:
    what = "an empty header name" if colon else "no ':'"
    detail = f"{command} frame: header line {line!r} has {what}"
    return UnreadableHead(Rule.BAD_HEADER_LINE, detail) if lenient else FrameError(detail)


def first_header(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key == name:
            return value
    return None


def _strip_cr(lines: list[str], lenient: bool) -> list[str]:
    """Drop the CR of each CRLF; any other CR is an error (a lone CR is not an EOL)."""
    stripped = [line[:-1] if line.endswith("\r") else line for line in lines]
    for line in stripped:
        if "\r" in line:
            detail = f"CR not followed by LF in line {line!r}"
            raise UnreadableHead(Rule.CR_IN_HEAD, detail) if lenient else FrameError(detail)
    return stripped
