"""Frame to exact wire bytes: LF line ends, version-aware escaping, no trimming, header
order kept, `content-length` added for non-empty bodies."""

from __future__ import annotations

from .errors import FrameError, UnrepresentableHeader
from .escaping import escape_header
from .frames import UNESCAPED_COMMANDS, Frame, Version


def serialize(
    frame: Frame, version: Version = Version.V1_2, *, content_length: bool = True
) -> bytes:
    """Encode `frame` for a peer speaking `version`.

    With `content_length=True` a `content-length` header is appended when the body is not
    empty and the frame has none; a `content-length` the caller gave must match the body.
    With `content_length=False` the headers go out exactly as given (a composer may want to
    send a wrong one on purpose), but a body containing NUL then needs a `content-length`.
    Raises `UnrepresentableHeader` for a header the version cannot carry (a NUL byte never).
    """
    if version.__class__ is not Version:
        version = Version(version)  # "1.2" works too; identity checks below need the member
    command = frame.command
    if not command or "\n" in command or "\r" in command or "\0" in command or ":" in command:
        raise FrameError(f"cannot send command {command!r}")
    body = frame.body
    escaped = version is not Version.V1_0 and command not in UNESCAPED_COMMANDS
    parts = [command]
    given: str | None = None
    for name, value in frame.headers:
        if not name:
            raise UnrepresentableHeader(f"{command} frame: empty header name (value {value!r})")
        if name == "content-length" and given is None:
            given = value
        if escaped:
            parts.append(f"{escape_header(name, version)}:{escape_header(value, version)}")
        else:
            _check_unescaped(command, version, name, value)
            parts.append(f"{name}:{value}")
    if content_length:
        if given is None:
            if body:
                parts.append(f"content-length:{len(body)}")
        elif not (given.isascii() and given.isdigit() and int(given) == len(body)):
            raise UnrepresentableHeader(
                f"{command} frame: content-length {given!r} does not match the "
                f"{len(body)}-byte body (leave it out and it is computed)"
            )
    elif given is None and b"\0" in body:
        raise UnrepresentableHeader(
            f"{command} frame: a body containing NUL needs a content-length header"
        )
    parts.append("\n")
    text = "\n".join(parts)
    if "\0" in text:  # one scan of the whole head; NUL would end the frame early
        _refuse_nul(command, frame.headers)
    try:
        head = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UnrepresentableHeader(
            f"{command} frame: header text is not encodable as UTF-8 ({exc.reason})"
        ) from None
    return b"".join((head, body, b"\0"))


def _refuse_nul(command: str, headers: tuple[tuple[str, str], ...]) -> None:
    """No STOMP version can carry NUL in a header: it is the frame terminator."""
    for name, value in headers:
        if "\0" in name or "\0" in value:
            raise UnrepresentableHeader(
                f"{command} frame: header {name!r} contains a NUL byte, which no STOMP "
                "version can carry (remove it)"
            )


def _check_unescaped(command: str, version: Version, name: str, value: str) -> None:
    """Headers sent without escaping (CONNECT/STOMP/CONNECTED, or any 1.0 frame)."""
    where = command if command in UNESCAPED_COMMANDS else f"STOMP {version}"
    for text in (name, value):
        if "\n" in text or "\r" in text:
            raise UnrepresentableHeader(f"{where} headers cannot contain line breaks: {text!r}")
    if ":" in name:
        raise UnrepresentableHeader(f"{where} header names cannot contain ':': {name!r}")
