"""How a message body is shown: kind detection, hex dump, pretty XML, visible control bytes.

Plain functions (no widgets), so the detail pane, the traffic inspector and the tests share
them and they can be timed on their own.
"""

from __future__ import annotations

import codecs
import json
from enum import StrEnum
from typing import Any
from xml.dom import minidom
from xml.parsers.expat import ExpatError

TEXT_PREVIEW_BYTES = 256 * 1024  # bodies longer than this are shown truncated until "show all"
HEX_PREVIEW_BYTES = 64 * 1024


class BodyKind(StrEnum):
    TEXT = "text"
    JSON = "json"  # the foldable tree
    JSON_TEXT = "json-text"  # pretty-printed text (a view choice; never detected)
    XML = "xml"
    BINARY = "binary"


# Bodies larger than this are not pretty-printed (json.dumps of 10 MB takes seconds).
PRETTY_JSON_BYTES = 2 * 1024 * 1024


def decode_text(body: bytes, partial: bool = False) -> str | None:
    """The body as UTF-8 text, or None when it is binary (invalid UTF-8 or control bytes).
    With `partial`, `body` is a prefix and may end inside a character."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(body, final=not partial)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > max(2, len(sample) // 100):
        return None
    return text


def detect_kind(body: bytes, content_type: str | None) -> BodyKind:
    """Guess how to show a body from its content-type, then from its first bytes."""
    ctype = (content_type or "").lower()
    head = body[:64].lstrip()
    if decode_text(body[: 64 * 1024], partial=len(body) > 64 * 1024) is None:
        return BodyKind.BINARY
    if "json" in ctype or head[:1] in (b"{", b"["):
        return BodyKind.JSON
    if "xml" in ctype or head[:1] == b"<":
        return BodyKind.XML
    return BodyKind.TEXT


def parse_json(text: str) -> tuple[Any, json.JSONDecodeError | None]:
    """(document, None) or (None, the error: `lineno`, `colno`, `msg`; the window words it
    with `explorer.ui.parse_errors.json_error_text`)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, exc


def pretty_json(document: Any) -> str:
    """Indented JSON, non-ASCII text kept as is."""
    return json.dumps(document, indent=2, ensure_ascii=False)


def pretty_xml(text: str) -> tuple[str, str | None]:
    """Indented XML, or the text unchanged plus the parse error."""
    try:
        pretty = minidom.parseString(text.encode("utf-8")).toprettyxml(indent="  ")
    except (ExpatError, ValueError) as exc:
        return text, str(exc)
    lines = [line for line in pretty.splitlines() if line.strip()]
    return "\n".join(lines), None


def hex_dump(data: bytes, limit: int | None = HEX_PREVIEW_BYTES) -> str:
    """Offset, 16 hex bytes and their printable ASCII, one line per 16 bytes."""
    view = data if limit is None else data[:limit]
    lines = []
    for offset in range(0, len(view), 16):
        chunk = view[offset : offset + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        if len(chunk) > 8:
            hexes = hexes[:23] + " " + hexes[23:]
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{offset:08x}  {hexes:<48}  {text}")
    return "\n".join(lines)


# Control bytes made visible in the traffic inspector and raw frame views.
NUL_MARK = "␀"
_VISIBLE = {0: NUL_MARK, 10: "↵\n", 13: "␍", 9: "→"}


def visible_bytes(data: bytes) -> str:
    """Wire bytes as text with NUL, LF, CR and TAB marked, other control bytes as \\xNN."""
    text = data.decode("utf-8", errors="backslashreplace")
    out = []
    for ch in text:
        code = ord(ch)
        if code in _VISIBLE:
            out.append(_VISIBLE[code])
        elif code < 32 or code == 127:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def frame_text(
    command: str, headers: tuple[tuple[str, str], ...], body: bytes, raw: bytes | None
) -> str:
    """A frame as it travels (NUL shown as ␀, line breaks kept), from its wire bytes when
    known, else serialized again."""
    if raw is None:
        from explorer.stomp import Frame, serialize

        raw = serialize(Frame(command, headers, body))
    return visible_bytes(raw).replace("↵\n", "\n")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / (1024 * 1024):.1f} MiB"


def break_long_lines(text: str, width: int) -> tuple[str, bool]:
    """Lines longer than `width` cut into `width` pieces (for display only: Qt lays out a
    text block in one go, and a multi-megabyte line freezes the window); and whether any was."""
    lines = text.split("\n")
    if all(len(line) <= width for line in lines):
        return text, False
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(line[i : i + width] for i in range(0, len(line), width))
    return "\n".join(out), True
