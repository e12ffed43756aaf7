"""LogEntry packed from a frame's wire bytes: the same entry as the general path, byte for byte.

The window's client keeps each frame's wire bytes (`Frame.raw`); `LogEntry.from_frame` packs
from them instead of walking and re-escaping the parsed headers. Whatever the headers hold
(escapes, colons, repeats, non-ASCII) and whatever the body (binary, NULs, blank lines), the
entry must be the one the general path makes from the parsed frame.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from explorer.stomp import (
    Frame,
    FrameParser,
    Strictness,
    UnrepresentableHeader,
    Version,
    serialize,
)
from explorer.store import LogEntry

ACTIVEMQ_MESSAGE = (
    b"MESSAGE\ncontent-length:5\nexpires:0\ndestination:/topic/prices\nsubscription:s-1\n"
    b"priority:4\nmessage-id:ID\\cvm-43295-1796000107765-3\\c5061\\c-1\\c1\\c1\n"
    b"content-type:text/plain\ntimestamp:1796007477062\n\nhello\x00"
)


def parsed(wire: bytes, version: Version | None) -> Frame:
    parser = FrameParser(version=version, keep_raw=True, strictness=Strictness.LENIENT)
    [frame] = [item for item in parser.feed(wire) if isinstance(item, Frame)]
    return frame


def general(frame: Frame, timestamp: float) -> LogEntry:
    """The entry made from the parsed headers (the path taken without wire bytes)."""
    return LogEntry("in", frame.command, frame.headers, frame.body, timestamp=timestamp)


def test_an_activemq_message_is_packed_from_its_wire_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frame = parsed(ACTIVEMQ_MESSAGE, Version.V1_2)
    expected = general(frame, 5.0)

    def walk_headers(*args: object, **kwargs: object) -> None:
        raise AssertionError("the headers were walked and escaped again")

    with monkeypatch.context() as patched:
        patched.setattr(LogEntry, "__init__", walk_headers)
        entry = LogEntry.from_frame(frame, "in", 5.0, version="1.2")
    assert entry == expected
    assert entry.header("message-id") == "ID:vm-43295-1796000107765-3:5061:-1:1:1"
    assert entry.destination == "/topic/prices"
    assert entry.body == b"hello" and entry.size == 5
    assert entry.headers == frame.headers
    # The text part is the wire's head with the value's \c written as a colon.
    head = ACTIVEMQ_MESSAGE[: ACTIVEMQ_MESSAGE.index(b"\n\n") + 2].replace(b"\\c", b":")
    assert entry.packed[entry.packed.index(b"MESSAGE") :].startswith(head)


@pytest.mark.parametrize(
    ("wire", "version"),
    [
        # an escaped backslash: "\\c" must stay a backslash and a c
        (b"MESSAGE\ndestination:/q/a\npath:C\\\\cdir\n\nx\x00", Version.V1_2),
        # an escape in a header name
        (b"MESSAGE\ndestination:/q/a\nodd\\cname:v\n\nx\x00", Version.V1_2),
        # CRLF lines
        (b"MESSAGE\r\ndestination:/q/a\r\nk:v\r\n\r\nx\x00", Version.V1_2),
        # STOMP 1.0: a backslash is itself
        (b"MESSAGE\ndestination:/q/a\npath:C\\dir\\n\n\nx\x00", Version.V1_0),
        # a deviation the lenient parser tolerated (an undefined escape)
        (b"MESSAGE\ndestination:/q/a\nk:a\\tb\n\nx\x00", Version.V1_2),
        # repeated headers: the first wins, all are kept
        (b"MESSAGE\ndestination:/q/a\ndestination:/q/b\nk:1\nk:2\n\n\x00", Version.V1_1),
    ],
)
def test_heads_that_take_the_general_path_give_the_same_entry(
    wire: bytes, version: Version
) -> None:
    frame = parsed(wire, version)
    entry = LogEntry.from_frame(frame, "in", 1.0, version=str(version))
    assert entry == general(frame, 1.0)
    assert entry.headers == frame.headers
    assert entry.destination == "/q/a"


header_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12
)


@given(
    headers=st.lists(st.tuples(header_text.filter(bool), header_text), max_size=6),
    body=st.binary(max_size=64),
    version=st.sampled_from([Version.V1_0, Version.V1_1, Version.V1_2]),
    direction=st.sampled_from(["in", "out"]),
)
def test_any_frame_read_from_the_wire_packs_like_its_parsed_headers(
    headers: list[tuple[str, str]], body: bytes, version: Version, direction: str
) -> None:
    try:
        wire = serialize(Frame("MESSAGE", tuple(headers), body), version)
    except UnrepresentableHeader:
        assume(False)
        return
    frame = parsed(wire, version)
    assume(not frame.violations)  # 1.0 cannot tell a value's "\n" text from anything else
    entry = LogEntry.from_frame(frame, direction, 2.0, version=str(version))
    slow = LogEntry(direction, frame.command, frame.headers, frame.body, timestamp=2.0)
    assert entry.packed == slow.packed
    assert entry.headers == frame.headers
    assert entry.body == body
    assert entry.size == len(body)
    for name, _ in frame.headers:
        assert entry.header(name) == frame.header(name)


def test_a_binary_body_with_nuls_and_blank_lines() -> None:
    body = b"\n\n\x00\x01\xff\n\n:\\c"
    wire = serialize(Frame("MESSAGE", (("destination", "/q/bin"),), body), Version.V1_2)
    entry = LogEntry.from_frame(parsed(wire, Version.V1_2), "in", 3.0, version="1.2")
    assert entry.body == body
    assert entry.size == len(body)
    assert entry.preview == f"⟨binary {len(body)} B⟩"
    assert entry.header("content-length") == str(len(body))
    assert entry.header("\\c") is None  # the body's text is not a header


def test_without_the_version_a_head_with_escapes_takes_the_general_path() -> None:
    frame = parsed(ACTIVEMQ_MESSAGE, Version.V1_2)
    entry = LogEntry.from_frame(frame, "in", 5.0)
    assert entry == general(frame, 5.0)
    assert entry.header("message-id") == "ID:vm-43295-1796000107765-3:5061:-1:1:1"
