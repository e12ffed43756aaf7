"""Smoke tests of the public API: parse, serialize, round trip, errors."""

from __future__ import annotations

import pytest

from explorer.stomp import (
    HEARTBEAT,
    Command,
    Frame,
    FrameError,
    FrameParser,
    Version,
    serialize,
)

MESSAGE = b"MESSAGE\ndestination:/queue/a\nmessage-id:1\nsubscription:0\n\nhello\0"


def test_parse_one_frame() -> None:
    [frame] = FrameParser(Version.V1_2).feed(MESSAGE)
    assert frame == Frame(
        Command.MESSAGE,
        (("destination", "/queue/a"), ("message-id", "1"), ("subscription", "0")),
        b"hello",
    )
    assert frame.header("destination") == "/queue/a"
    assert frame.header("absent") is None


def test_byte_by_byte_equals_whole() -> None:
    stream = MESSAGE + b"\n" + MESSAGE
    parser = FrameParser(Version.V1_2)
    items = [item for i in range(len(stream)) for item in parser.feed(stream[i : i + 1])]
    assert items == FrameParser(Version.V1_2).feed(stream)
    assert items[1] is HEARTBEAT


def test_round_trip() -> None:
    frame = Frame(Command.SEND, (("destination", "/queue/a"), ("weird:name", "a\nb\\c\r")), b"x\0y")
    data = serialize(frame)
    [parsed] = FrameParser(Version.V1_2, server_side=True).feed(data)
    assert parsed.headers[:2] == frame.headers
    assert parsed.header("content-length") == "3"
    assert parsed.body == b"x\0y"


def test_errors_are_sticky() -> None:
    parser = FrameParser()
    with pytest.raises(FrameError, match="unknown command 'FOO'") as first:
        parser.feed(b"FOO\n\n\0")
    with pytest.raises(FrameError) as second:
        parser.feed(MESSAGE)
    assert second.value is first.value
