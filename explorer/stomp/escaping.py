"""Header value encoding per version (STOMP 1.1/1.2 "Value Encoding"). 1.0 has none.

Decoding is one left-to-right pass, so `\\\\n` (an escaped backslash, then `n`) stays a
backslash and an `n`; sequential `str.replace` calls get that wrong.
"""

from __future__ import annotations

import re
from typing import Final

from .errors import InvalidEscape, UnrepresentableHeader
from .frames import Version

_DECODE_1_1: Final = {"n": "\n", "c": ":", "\\": "\\"}
_DECODE_1_2: Final = {**_DECODE_1_1, "r": "\r"}
# A backslash and the character after it, or a backslash at the very end.
_ESCAPE_RE: Final = re.compile(r"\\(.|\Z)", re.DOTALL)
_NEEDS_ESCAPE_RE: Final = re.compile(r"[\\\n\r:]")


def unescape_header(text: str, version: Version | None, *, lenient: bool = False) -> str:
    """Decode a header name or value received under `version`.

    `version=None` (not negotiated yet) decodes the four 1.2 sequences and keeps unknown ones
    literally; so does `lenient=True` for the negotiated version (ActiveMQ echoes unknown
    escapes). Otherwise an undefined escape or a trailing lone backslash is `InvalidEscape`.
    """
    if "\\" not in text:
        return text
    if version is not None and version.__class__ is not Version:
        version = Version(version)
    if version is Version.V1_0:
        return text
    if "\\\\" not in text:
        # Without an escaped backslash no two sequences can overlap, so plain replaces are a
        # correct single pass; a backslash left over means an undefined escape (slow path).
        fast = text.replace("\\c", ":").replace("\\n", "\n")
        if version is not Version.V1_1:
            fast = fast.replace("\\r", "\r")
        if "\\" not in fast:
            return fast
    if version is None:
        table, lenient = _DECODE_1_2, True
    else:
        table = _DECODE_1_1 if version is Version.V1_1 else _DECODE_1_2

    def decode(match: re.Match[str]) -> str:
        char = match.group(1)
        decoded = table.get(char)
        if decoded is not None:
            return decoded
        if lenient:
            return match.group(0)
        if not char:
            raise InvalidEscape(f"header ends with a lone backslash: {text!r}")
        raise InvalidEscape(
            f"undefined escape sequence '\\{char}' in STOMP {version} header {text!r}"
        )

    return _ESCAPE_RE.sub(decode, text)


def escape_header(text: str, version: Version) -> str:
    """Encode a header name or value for `version`; refuse what that version cannot carry."""
    if _NEEDS_ESCAPE_RE.search(text) is None:
        return text
    if version.__class__ is not Version:
        version = Version(version)
    if version is Version.V1_0:
        if "\n" in text or "\r" in text:
            raise UnrepresentableHeader(f"STOMP 1.0 headers cannot contain line breaks: {text!r}")
        return text
    if "\r" in text and version is Version.V1_1:
        raise UnrepresentableHeader(
            f"STOMP 1.1 headers cannot contain a carriage return: {text!r} (use 1.2)"
        )
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\c")
    return text.replace("\r", "\\r")
