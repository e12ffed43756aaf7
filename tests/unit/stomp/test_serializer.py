"""serialize(): exact bytes, escaping per version, content-length, refusals."""

from __future__ import annotations

import pytest

from explorer.stomp import (
    Command,
    Frame,
    FrameError,
    UnrepresentableHeader,
    Version,
    serialize,
)


def test_send_with_body_gets_content_length() -> None:
    frame = Frame(Command.SEND, (("destination", "/queue/a"),), b"hello")
    assert serialize(frame) == b"SEND\ndestination:/queue/a\ncontent-length:5\n\nhello\0"


def test_empty_body_gets_no_content_length() -> None:
    frame = Frame(Command.SUBSCRIBE, (("id", "0"), ("destination", "/queue/a"), ("ack", "auto")))
    assert serialize(frame) == b"SUBSCRIBE\nid:0\ndestination:/queue/a\nack:auto\n\n\0"


def test_no_headers() -> None:
    assert serialize(Frame(Command.DISCONNECT)) == b"DISCONNECT\n\n\0"


def test_content_length_false() -> None:
    frame = Frame(Command.SEND, (("destination", "/q"),), b"hi")
    assert serialize(frame, content_length=False) == b"SEND\ndestination:/q\n\nhi\0"


def test_given_content_length_is_not_duplicated() -> None:
    frame = Frame(Command.SEND, (("content-length", "2"), ("destination", "/q")), b"hi")
    assert serialize(frame) == b"SEND\ncontent-length:2\ndestination:/q\n\nhi\0"


def test_given_content_length_is_compared_as_a_number() -> None:
    frame = Frame(Command.SEND, (("content-length", "02"),), b"hi")
    assert serialize(frame) == b"SEND\ncontent-length:02\n\nhi\0"
    for wrong in ("", "x", " 2", "-2", "2.0"):
        with pytest.raises(UnrepresentableHeader, match="does not match"):
            serialize(Frame(Command.SEND, (("content-length", wrong),), b"hi"))


def test_wrong_content_length_is_refused() -> None:
    frame = Frame(Command.SEND, (("content-length", "3"), ("destination", "/q")), b"hi")
    with pytest.raises(
        UnrepresentableHeader,
        match="SEND frame: content-length '3' does not match the 2-byte body",
    ):
        serialize(frame)
    # a composer may send a wrong one on purpose: content_length=False sends it as given
    expected = b"SEND\ncontent-length:3\ndestination:/q\n\nhi\0"
    assert serialize(frame, content_length=False) == expected


def test_only_the_first_content_length_is_checked() -> None:
    frame = Frame(Command.SEND, (("content-length", "2"), ("content-length", "9")), b"hi")
    assert serialize(frame) == b"SEND\ncontent-length:2\ncontent-length:9\n\nhi\0"


def test_nul_in_body() -> None:
    frame = Frame(Command.SEND, (("destination", "/q"),), b"a\0b")
    assert serialize(frame) == b"SEND\ndestination:/q\ncontent-length:3\n\na\0b\0"
    with pytest.raises(UnrepresentableHeader, match="a body containing NUL needs a content-length"):
        serialize(frame, content_length=False)
    given = Frame(Command.SEND, (("content-length", "3"),), b"a\0b")
    assert serialize(given, content_length=False) == b"SEND\ncontent-length:3\n\na\0b\0"


def test_header_order_repeats_and_spaces_are_kept() -> None:
    headers = (("b", "2"), ("a", " 1 "), ("b", "3"), (" c", ""))
    assert serialize(Frame(Command.SEND, headers)) == b"SEND\nb:2\na: 1 \nb:3\n c:\n\n\0"


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (Version.V1_2, b"SEND\nk\\cx:a\\cb\\nc\\rd\\\\e\n\n\0"),
        (Version.V1_1, UnrepresentableHeader),
        (Version.V1_0, UnrepresentableHeader),
    ],
)
def test_escaping_per_version(version: Version, expected: bytes | type[Exception]) -> None:
    frame = Frame(Command.SEND, (("k:x", "a:b\nc\rd\\e"),))
    if isinstance(expected, bytes):
        assert serialize(frame, version) == expected
    else:
        with pytest.raises(expected):
            serialize(frame, version)


def test_escaping_1_1_without_cr() -> None:
    frame = Frame(Command.MESSAGE, (("k:x", "a:b\nc\\e"),))
    assert serialize(frame, Version.V1_1) == b"MESSAGE\nk\\cx:a\\cb\\nc\\\\e\n\n\0"


def test_1_0_is_not_escaped() -> None:
    frame = Frame(Command.SEND, (("destination", "/q"), ("k", "a:b\\n")))
    assert serialize(frame, Version.V1_0) == b"SEND\ndestination:/q\nk:a:b\\n\n\n\0"
    with pytest.raises(UnrepresentableHeader, match=r"STOMP 1\.0 header names cannot contain ':'"):
        serialize(Frame(Command.SEND, (("a:b", "x"),)), Version.V1_0)
    with pytest.raises(UnrepresentableHeader, match=r"STOMP 1\.0 headers cannot contain line"):
        serialize(Frame(Command.SEND, (("a", "x\ny"),)), Version.V1_0)


@pytest.mark.parametrize("command", [Command.CONNECT, Command.STOMP, Command.CONNECTED])
@pytest.mark.parametrize("version", list(Version))
def test_connect_frames_are_never_escaped(command: Command, version: Version) -> None:
    frame = Frame(command, (("login", "a\\b"), ("passcode", "p:q")))
    assert serialize(frame, version) == f"{command}\nlogin:a\\b\npasscode:p:q\n\n\0".encode()
    for bad in ("a\nb", "a\rb"):
        with pytest.raises(UnrepresentableHeader, match=f"{command} headers cannot contain line"):
            serialize(Frame(command, (("passcode", bad),)), version)
    with pytest.raises(UnrepresentableHeader, match="header names cannot contain ':'"):
        serialize(Frame(command, (("a:b", "x"),)), version)


def test_utf8_headers_and_unencodable_text() -> None:
    frame = Frame(Command.SEND, (("destination", "/queue/café"),))
    assert serialize(frame) == "SEND\ndestination:/queue/café\n\n\0".encode()
    with pytest.raises(UnrepresentableHeader, match="not encodable as UTF-8"):
        serialize(Frame(Command.SEND, (("k", "\udcff"),)))


def test_empty_header_name_is_refused() -> None:
    with pytest.raises(UnrepresentableHeader, match="empty header name"):
        serialize(Frame(Command.SEND, (("", "x"),)))


@pytest.mark.parametrize("command", ["", "SE\nND", "A:B", "X\0", "\r"])
def test_bad_command(command: str) -> None:
    with pytest.raises(FrameError, match="cannot send command"):
        serialize(Frame(command))


def test_plain_string_commands_serialize_like_the_enum() -> None:
    assert serialize(Frame("SEND", (("a", "b"),))) == serialize(Frame(Command.SEND, (("a", "b"),)))
    assert serialize(Frame("CUSTOM")) == b"CUSTOM\n\n\0"


def test_version_may_be_given_as_a_string() -> None:
    frame = Frame(Command.SEND, (("k", "a:b"),))
    assert serialize(frame, "1.0") == b"SEND\nk:a:b\n\n\0"  # type: ignore[arg-type]
    assert serialize(frame, "1.2") == b"SEND\nk:a\\cb\n\n\0"  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        serialize(frame, "2.0")  # type: ignore[arg-type]
