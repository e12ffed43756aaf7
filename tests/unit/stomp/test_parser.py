"""FrameParser: framing, chunking, heart-beats, EOLs, headers, bodies, errors, limits."""

from __future__ import annotations

import re
from typing import Any

import pytest

from explorer.stomp import (
    HEARTBEAT,
    Command,
    Frame,
    FrameError,
    FrameParser,
    IncompleteFrame,
    InvalidEscape,
    LimitExceeded,
    Limits,
    StompError,
    Strictness,
    Version,
)

from .helpers import bytewise, crlf_head, feed_chunks, frames, one_frame, split_at, whole
from .samples import SPEC_SAMPLES


def side(sender: str) -> dict[str, Any]:
    return {"server_side": sender == "client"}


# -- spec samples ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "expected", "sender"), SPEC_SAMPLES)
def test_spec_sample_whole(name: str, data: bytes, expected: Frame, sender: str) -> None:
    assert whole(data, **side(sender)) == [expected]


@pytest.mark.parametrize(("name", "data", "expected", "sender"), SPEC_SAMPLES)
def test_spec_sample_byte_by_byte(name: str, data: bytes, expected: Frame, sender: str) -> None:
    assert bytewise(data, **side(sender)) == [expected]


@pytest.mark.parametrize(("name", "data", "expected", "sender"), SPEC_SAMPLES)
@pytest.mark.parametrize("trailer", [b"\n", b"\r\n\n", b"\0\0", b"SEN", b"\nCONN"])
def test_spec_sample_with_trailing_bytes(
    name: str, data: bytes, expected: Frame, sender: str, trailer: bytes
) -> None:
    parser = FrameParser(**side(sender))
    items = parser.feed(data + trailer)
    assert items[0] == expected
    assert items[1:] == [HEARTBEAT] * trailer.count(b"\n")
    # the trailing bytes stay buffered: the rest of the stream still parses
    if trailer.endswith((b"SEN", b"CONN")):
        with pytest.raises(IncompleteFrame):
            parser.feed_eof()
    else:
        parser.feed_eof()


@pytest.mark.parametrize(("name", "data", "expected", "sender"), SPEC_SAMPLES)
def test_spec_sample_with_crlf(name: str, data: bytes, expected: Frame, sender: str) -> None:
    converted = crlf_head(data)
    assert whole(converted, **side(sender)) == [expected]
    assert bytewise(converted, **side(sender)) == [expected]


def test_all_spec_samples_in_one_chunk_and_every_split() -> None:
    server = [s for s in SPEC_SAMPLES if s[3] == "server"]
    stream = b"\n".join(data for _, data, _, _ in server)
    expected = []
    for _, _, frame, _ in server:
        expected += [frame, HEARTBEAT]
    expected.pop()
    assert whole(stream) == expected
    for cut in range(len(stream) + 1):
        assert feed_chunks(FrameParser(), split_at(stream, [cut])) == expected, cut


def test_several_frames_and_split_points() -> None:
    one = b"RECEIPT\nreceipt-id:1\n\n\0"
    stream = one * 3
    for a in range(len(stream)):
        for b in range(a, len(stream), 7):
            items = feed_chunks(FrameParser(), split_at(stream, [a, b]))
            assert items == [Frame(Command.RECEIPT, (("receipt-id", "1"),))] * 3


# -- heart-beats, EOLs and noise between frames -----------------------------------------------


@pytest.mark.parametrize(
    ("data", "count"),
    [(b"\n", 1), (b"\r\n", 1), (b"\n\n\n", 3), (b"\r\n\n\r\n", 3), (b"", 0), (b"\0", 0)],
)
def test_heartbeats(data: bytes, count: int) -> None:
    assert whole(data) == [HEARTBEAT] * count
    assert bytewise(data) == [HEARTBEAT] * count


def test_eols_after_a_frame_are_heartbeats_whatever_the_chunking() -> None:
    # Documented choice: the EOLs that follow a frame's NUL are reported too.
    data = b"RECEIPT\nreceipt-id:1\n\n\0\n\r\n"
    expected = [Frame(Command.RECEIPT, (("receipt-id", "1"),)), HEARTBEAT, HEARTBEAT]
    assert whole(data) == expected
    assert bytewise(data) == expected


def test_stray_nuls_between_frames_are_skipped() -> None:
    data = b"\0\0\nRECEIPT\nreceipt-id:1\n\n\0\0\0\nRECEIPT\nreceipt-id:2\n\n\0"
    assert whole(data) == [
        HEARTBEAT,
        Frame(Command.RECEIPT, (("receipt-id", "1"),)),
        HEARTBEAT,
        Frame(Command.RECEIPT, (("receipt-id", "2"),)),
    ]


def test_cr_at_chunk_end_waits_for_its_lf() -> None:
    parser = FrameParser()
    assert parser.feed(b"\r") == []
    assert parser.feed(b"\n") == [HEARTBEAT]
    assert parser.feed(b"\n\r") == [HEARTBEAT]
    assert parser.feed(b"\nRECEIPT\r") == [HEARTBEAT]
    assert parser.feed(b"\nreceipt-id:1\r") == []
    assert parser.feed(b"\n\r") == []
    assert parser.feed(b"\n\0") == [Frame(Command.RECEIPT, (("receipt-id", "1"),))]


def test_lone_cr_between_frames() -> None:
    with pytest.raises(FrameError, match="a CR between frames is not followed by LF"):
        whole(b"\n\rX")


@pytest.mark.parametrize(
    "data",
    [
        b"MESSAGE\rX\n\n\0",
        b"MESSAGE\na:b\rc\n\n\0",
        b"MESSAGE\na:b\r\r\n\n\0",
        b"MESSAGE\r\r\n\n\0",
    ],
)
def test_lone_cr_inside_a_head(data: bytes) -> None:
    with pytest.raises(FrameError, match="CR not followed by LF in line"):
        whole(data)
    with pytest.raises(FrameError, match="CR not followed by LF in line"):
        bytewise(data)


def test_crlf_accepted_in_every_version() -> None:
    data = b"MESSAGE\r\na:1\r\n\r\nbody\0\r\n"
    for version in (None, *Version):
        assert whole(data, version=version) == [
            Frame(Command.MESSAGE, (("a", "1"),), b"body"),
            HEARTBEAT,
        ]


def test_mixed_line_ends() -> None:
    data = b"MESSAGE\na:1\r\nb:2\n\r\n\0RECEIPT\r\nreceipt-id:9\r\n\n\0"
    assert whole(data) == [
        Frame(Command.MESSAGE, (("a", "1"), ("b", "2"))),
        Frame(Command.RECEIPT, (("receipt-id", "9"),)),
    ]


# -- headers ---------------------------------------------------------------------------------


def test_raw_colons_in_values() -> None:
    data = b"MESSAGE\nsession:ID:host-1234-5:1\nurl:http://x:80/a\n\n\0"
    for version in (None, *Version):
        frame = one_frame(whole(data, version=version))
        assert frame.header("session") == "ID:host-1234-5:1"
        assert frame.header("url") == "http://x:80/a"


def test_repeated_headers_first_wins_and_all_kept() -> None:
    frame = one_frame(whole(b"MESSAGE\nfoo:World\nfoo:Hello\nbar:1\n\n\0"))
    assert frame.header("foo") == "World"
    assert frame.headers == (("foo", "World"), ("foo", "Hello"), ("bar", "1"))


def test_empty_value_and_spaces_are_kept_untrimmed() -> None:
    frame = one_frame(whole(b"MESSAGE\nempty:\n spaced : value \n\n\0"))
    assert frame.headers == (("empty", ""), (" spaced ", " value "))


def test_utf8_headers() -> None:
    frame = one_frame(whole("MESSAGE\ndestination:/queue/café\nключ:值\n\n\0".encode()))
    assert frame.headers == (("destination", "/queue/café"), ("ключ", "值"))


def test_invalid_utf8_in_head() -> None:
    with pytest.raises(FrameError, match=r"invalid UTF-8 in the frame head \(line 2"):
        whole(b"MESSAGE\nkey:\xff\xfe\n\n\0")


def test_body_is_never_decoded() -> None:
    frame = one_frame(whole(b"MESSAGE\n\n\xff\xfe\x80\0"))
    assert frame.body == b"\xff\xfe\x80"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b":value", "header line ':value' has an empty header name"),
        (b"novalue", "header line 'novalue' has no ':'"),
        (b" ", "header line ' ' has no ':'"),
    ],
)
def test_malformed_header_lines(line: bytes, message: str) -> None:
    with pytest.raises(FrameError, match=f"^MESSAGE frame: {message}$"):
        whole(b"MESSAGE\nok:1\n" + line + b"\n\n\0")


# -- escaping in the parser --------------------------------------------------------------------


ESCAPED = b"MESSAGE\nk\\cey:a\\nb\\\\c\\cd\n\n\0"


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (None, ("k:ey", "a\nb\\c:d")),
        (Version.V1_0, ("k\\cey", "a\\nb\\\\c\\cd")),
        (Version.V1_1, ("k:ey", "a\nb\\c:d")),
        (Version.V1_2, ("k:ey", "a\nb\\c:d")),
    ],
)
def test_header_unescaping_per_version(version: Version | None, expected: tuple[str, str]) -> None:
    assert whole(ESCAPED, version=version) == [Frame(Command.MESSAGE, (expected,))]


def test_escaped_backslash_then_n_is_not_a_newline() -> None:
    frame = one_frame(whole(b"MESSAGE\na:\\\\n\n\n\0", version=Version.V1_2))
    assert frame.header("a") == "\\n"


@pytest.mark.parametrize("command", [b"CONNECTED"])
def test_connected_is_never_unescaped(command: bytes) -> None:
    data = command + b"\nversion:1.2\nsession:a\\cb\\x\n\n\0"
    for version in (None, *Version):
        frame = one_frame(whole(data, version=version))
        assert frame.header("session") == "a\\cb\\x"


@pytest.mark.parametrize("command", [b"CONNECT", b"STOMP"])
def test_connect_and_stomp_are_never_unescaped(command: bytes) -> None:
    data = command + b"\nlogin:a\\cb\\x\npasscode:p:q\n\n\0"
    for version in (None, *Version):
        frame = one_frame(whole(data, version=version, server_side=True))
        assert frame.headers == (("login", "a\\cb\\x"), ("passcode", "p:q"))


@pytest.mark.parametrize(
    ("version", "escape"),
    [(Version.V1_2, "\\t"), (Version.V1_1, "\\t"), (Version.V1_1, "\\r"), (Version.V1_2, "\\C")],
)
def test_undefined_escape_is_fatal(version: Version, escape: str) -> None:
    data = f"MESSAGE\na:x{escape}y\n\n\0".encode()
    message = f"MESSAGE frame: undefined escape sequence '{escape}' in STOMP {version} header"
    with pytest.raises(InvalidEscape, match="^" + re.escape(message)):
        whole(data, version=version)


def test_trailing_backslash_is_fatal() -> None:
    with pytest.raises(InvalidEscape, match="MESSAGE frame: header ends with a lone backslash"):
        whole(b"MESSAGE\na:x\\\n\n\0", version=Version.V1_2)


def test_unknown_escapes_kept_before_negotiation_and_when_lenient() -> None:
    data = b"MESSAGE\na:x\\ty\\c\\\nb\\:\\r\n\n\0"
    expected = [Frame(Command.MESSAGE, (("a", "x\\ty:\\"), ("b\\", "\r")))]
    assert whole(data) == expected
    assert whole(data, version=Version.V1_2, strictness=Strictness.LENIENT) == expected
    assert whole(data, version=Version.V1_1, strictness=Strictness.LENIENT) == [
        Frame(Command.MESSAGE, (("a", "x\\ty:\\"), ("b\\", "\\r")))
    ]


def test_error_before_connected_is_decoded_leniently() -> None:
    frame = one_frame(whole(b"ERROR\nmessage:Bad\\cCONNECT \\q\n\nno\0"))
    assert frame.header("message") == "Bad:CONNECT \\q"


# -- negotiated version ------------------------------------------------------------------------


def test_client_parser_adopts_the_connected_version() -> None:
    parser = FrameParser()
    stream = b"CONNECTED\nversion:1.1\n\n\0MESSAGE\na:\\r\n\n\0"
    with pytest.raises(InvalidEscape, match=r"STOMP 1\.1"):
        parser.feed(stream)
    assert parser.version is Version.V1_1


def test_connected_without_version_means_1_0() -> None:
    parser = FrameParser()
    items = parser.feed(b"CONNECTED\n\n\0MESSAGE\na:\\n\n\n\0")
    assert parser.version is Version.V1_0
    assert frames(items)[1].header("a") == "\\n"


def test_unknown_connected_version_leaves_version_unset() -> None:
    parser = FrameParser()
    parser.feed(b"CONNECTED\nversion:2.0\n\n\0")
    assert parser.version is None


def test_explicit_version_is_not_overridden_and_server_side_does_not_adopt() -> None:
    parser = FrameParser(Version.V1_2)
    parser.feed(b"CONNECTED\nversion:1.0\n\n\0")
    assert parser.version is Version.V1_2
    server = FrameParser(server_side=True, accept_any_command=True)
    server.feed(b"CONNECTED\nversion:1.0\n\n\0")
    assert server.version is None


def test_version_is_settable_from_a_string() -> None:
    parser = FrameParser()
    parser.version = "1.1"
    assert parser.version is Version.V1_1
    parser.version = None
    assert parser.version is None
    with pytest.raises(ValueError):
        parser.version = "3.0"


# -- bodies and content-length -----------------------------------------------------------------


def test_body_without_content_length_ends_at_first_nul() -> None:
    assert whole(b"MESSAGE\n\nab\0RECEIPT\nreceipt-id:1\n\n\0") == [
        Frame(Command.MESSAGE, (), b"ab"),
        Frame(Command.RECEIPT, (("receipt-id", "1"),)),
    ]


def test_content_length_allows_nuls_in_the_body() -> None:
    data = b"MESSAGE\ncontent-length:5\n\n\0a\0b\0\0\n"
    expected = [Frame(Command.MESSAGE, (("content-length", "5"),), b"\0a\0b\0"), HEARTBEAT]
    assert whole(data) == expected
    assert bytewise(data) == expected


def test_content_length_is_honoured_on_every_frame() -> None:
    data = b"RECEIPT\nreceipt-id:1\ncontent-length:2\n\n\0\0\0"
    assert whole(data)[0].body == b"\0\0"  # type: ignore[union-attr]


def test_first_content_length_wins() -> None:
    frame = one_frame(whole(b"MESSAGE\ncontent-length:3\ncontent-length:1\n\na\0b\0"))
    assert frame.body == b"a\0b"


def test_zero_content_length() -> None:
    assert whole(b"MESSAGE\ncontent-length:0\n\n\0") == [
        Frame(Command.MESSAGE, (("content-length", "0"),))
    ]


def test_byte_after_content_length_must_be_nul() -> None:
    message = r"^MESSAGE frame: the byte after its content-length \(2 bytes\) is not NUL$"
    with pytest.raises(FrameError, match=message):
        whole(b"MESSAGE\ncontent-length:2\n\nabc\0")


@pytest.mark.parametrize("value", ["abc", "-1", "+3", " 3", "3 ", "", "1e3", "٣", "0x10"])
def test_invalid_content_length(value: str) -> None:
    data = f"MESSAGE\ncontent-length:{value}\n\nabc\0".encode()
    with pytest.raises(FrameError, match="is not a non-negative integer") as caught:
        whole(data)
    expected = f"MESSAGE frame: content-length {value!r} is not a non-negative integer"
    assert str(caught.value) == expected


def test_escaped_content_length_name_is_honoured() -> None:
    frame = one_frame(whole(b"MESSAGE\ncontent-length:2\n\n\0\0\0", version=Version.V1_2))
    assert frame.body == b"\0\0"


@pytest.mark.parametrize("size", [70_000, 200_000])
def test_big_bodies(size: int) -> None:
    body = bytes(range(256)) * (size // 256)
    with_length = b"MESSAGE\ncontent-length:%d\n\n" % len(body) + body + b"\0"
    chunks = split_at(with_length, range(0, len(with_length), 4096))
    assert frames(feed_chunks(FrameParser(), chunks))[0].body == body
    no_nul = body.replace(b"\0", b"-")
    plain = b"MESSAGE\n\n" + no_nul + b"\0"
    assert (
        frames(feed_chunks(FrameParser(), split_at(plain, range(0, len(plain), 4096))))[0].body
        == no_nul
    )


# -- commands ------------------------------------------------------------------------------------


def test_unknown_command() -> None:
    with pytest.raises(FrameError, match=r"^unknown command 'FOO'$"):
        whole(b"FOO\n\n\0")
    with pytest.raises(FrameError, match=r"^unknown command 'message'$"):
        whole(b"message\n\n\0")


def test_commands_of_the_wrong_side() -> None:
    with pytest.raises(FrameError, match=r"^unexpected command 'SEND': only a client sends it$"):
        whole(b"SEND\ndestination:/q\n\n\0")
    with pytest.raises(FrameError, match=r"^unexpected command 'MESSAGE': only a server sends it$"):
        whole(b"MESSAGE\n\n\0", server_side=True)


@pytest.mark.parametrize("command", list(Command))
def test_every_command_is_accepted_by_its_side(command: Command) -> None:
    client = command not in (Command.CONNECTED, Command.MESSAGE, Command.RECEIPT, Command.ERROR)
    frame = one_frame(whole(f"{command}\n\n\0".encode(), server_side=client))
    assert frame.command is command


def test_accept_any_command() -> None:
    items = whole(b"FOO\na:b\n\n\0SEND\n\n\0MESSAGE\n\n\0", accept_any_command=True)
    assert [f.command for f in frames(items)] == ["FOO", Command.SEND, Command.MESSAGE]
    assert frames(items)[1].command is Command.SEND


# -- keep_raw -----------------------------------------------------------------------------------


def test_keep_raw_is_the_exact_wire_bytes() -> None:
    first = b"MESSAGE\r\na:\\c1\r\ncontent-length:1\r\n\r\n\0\0"
    second = b"RECEIPT\nreceipt-id:7\n\n\0"
    stream = b"\n" + first + b"\n\r\n\0" + second + b"\n"
    for items in (whole(stream, keep_raw=True), bytewise(stream, keep_raw=True)):
        assert [f.raw for f in frames(items)] == [first, second]
    assert whole(stream)[1].raw is None  # type: ignore[union-attr]


def test_raw_is_not_part_of_equality() -> None:
    frame = one_frame(whole(b"RECEIPT\nreceipt-id:7\n\n\0", keep_raw=True))
    assert frame == Frame(Command.RECEIPT, (("receipt-id", "7"),))
    assert "raw" not in repr(frame)


# -- errors: sticky, items, eof ------------------------------------------------------------------


def test_errors_are_sticky_and_carry_the_items_before_them() -> None:
    parser = FrameParser()
    good = b"RECEIPT\nreceipt-id:1\n\n\0\n"
    with pytest.raises(FrameError) as first:
        parser.feed(good + b"BOGUS\n\n\0" + good)
    assert first.value.items == (Frame(Command.RECEIPT, (("receipt-id", "1"),)), HEARTBEAT)
    assert parser.error is first.value
    for call in (lambda: parser.feed(good), lambda: parser.feed(b""), parser.feed_eof):
        with pytest.raises(FrameError) as again:
            call()
        assert again.value is first.value
        assert again.value.items == ()


def test_error_family() -> None:
    for error in (InvalidEscape, IncompleteFrame, LimitExceeded):
        assert issubclass(error, FrameError)
    assert issubclass(FrameError, StompError)


def test_feed_eof_between_frames_is_fine() -> None:
    parser = FrameParser()
    parser.feed(b"RECEIPT\nreceipt-id:1\n\n\0\n\n")
    parser.feed_eof()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"MESSA", "stream ended in the middle of a frame (5 bytes buffered)"),
        (b"MESSAGE\na:b\n", "stream ended in the middle of a frame (12 bytes buffered)"),
        (b"\nMESSAGE\n\nbody", "stream ended in the middle of a MESSAGE frame (13 bytes buffered)"),
        (
            b"MESSAGE\ncontent-length:5\n\nab",
            "stream ended in the middle of a MESSAGE frame (28 bytes buffered)",
        ),
        (b"\n\r", "stream ended after a CR without its LF"),
    ],
)
def test_feed_eof_inside_a_frame(data: bytes, message: str) -> None:
    parser = FrameParser()
    parser.feed(data)
    with pytest.raises(IncompleteFrame, match=f"^{re.escape(message)}$"):
        parser.feed_eof()
    with pytest.raises(IncompleteFrame):
        parser.feed(b"\0")


def test_feed_after_eof() -> None:
    parser = FrameParser()
    parser.feed_eof()
    with pytest.raises(FrameError, match=r"feed\(\) called after feed_eof\(\)"):
        parser.feed(b"\n")


# -- limits --------------------------------------------------------------------------------------


def limit_error(parser: FrameParser, chunks: list[bytes]) -> tuple[LimitExceeded, int]:
    """Feed chunks until LimitExceeded; return it and how many chunks were fed."""
    for fed, chunk in enumerate(chunks, 1):
        try:
            parser.feed(chunk)
        except LimitExceeded as exc:
            return exc, fed
    raise AssertionError("no LimitExceeded")


def test_limit_exceeded_names_the_limit() -> None:
    error = LimitExceeded("max_headers", 3, 4)
    assert (error.limit, error.maximum, error.actual) == ("max_headers", 3, 4)
    assert str(error) == "max_headers exceeded: 4 > 3 (raise Limits.max_headers to allow it)"


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_headers"):
        Limits(max_headers=0)


def test_max_command_bytes() -> None:
    parser = FrameParser(limits=Limits(max_command_bytes=8))
    error, fed = limit_error(parser, [b"ABCDE", b"FGHIJ", b"K" * 100])
    assert (error.limit, error.maximum, error.actual, fed) == ("max_command_bytes", 8, 10, 2)
    with pytest.raises(LimitExceeded, match="max_command_bytes exceeded: 9 > 8"):
        FrameParser(limits=Limits(max_command_bytes=8)).feed(b"ABCDEFGHI\n\n\0")
    with pytest.raises(LimitExceeded, match="max_command_bytes exceeded: 9 > 8"):
        FrameParser(limits=Limits(max_command_bytes=8)).feed(b"ABCDEFGHI\na:b\n")


def test_max_line_bytes_while_the_line_is_incomplete() -> None:
    parser = FrameParser(limits=Limits(max_line_bytes=50))
    chunks = [b"MESSAGE\nok:1\n", b"a:" + b"x" * 40, b"x" * 40, b"x" * 1000]
    error, fed = limit_error(parser, chunks)
    assert (error.limit, error.maximum, error.actual, fed) == ("max_line_bytes", 50, 82, 3)


def test_max_line_bytes_in_a_complete_head() -> None:
    data = b"MESSAGE\nok:1\na:" + b"x" * 60 + b"\n\n\0"
    with pytest.raises(LimitExceeded, match="max_line_bytes exceeded: 62 > 50"):
        whole(data, limits=Limits(max_line_bytes=50))
    with pytest.raises(LimitExceeded, match="max_line_bytes exceeded: 51 > 50"):
        bytewise(data, limits=Limits(max_line_bytes=50))


def test_max_headers() -> None:
    data = b"MESSAGE\na:1\nb:2\nc:3\nd:4\n\n\0"
    with pytest.raises(LimitExceeded, match="max_headers exceeded: 4 > 3"):
        whole(data, limits=Limits(max_headers=3))
    with pytest.raises(LimitExceeded, match="max_headers exceeded: 4 > 3"):
        bytewise(data, limits=Limits(max_headers=3))
    assert len(frames(whole(data, limits=Limits(max_headers=4)))[0].headers) == 4


def test_max_frame_bytes_checked_from_content_length_before_the_body() -> None:
    parser = FrameParser(limits=Limits(max_frame_bytes=1000))
    with pytest.raises(LimitExceeded) as caught:
        parser.feed(b"MESSAGE\ncontent-length:1000000000\n\n")
    error = caught.value
    assert (error.limit, error.maximum) == ("max_frame_bytes", 1000)
    assert error.actual == len(b"MESSAGE\ncontent-length:1000000000\n\n") + 1_000_000_000 + 1


def test_max_frame_bytes_without_content_length_stops_buffering() -> None:
    parser = FrameParser(limits=Limits(max_frame_bytes=1000))
    chunks = [b"MESSAGE\n\n"] + [b"x" * 100] * 100
    error, fed = limit_error(parser, chunks)
    assert (error.limit, fed) == ("max_frame_bytes", 11)
    assert error.actual == 1009


def test_max_frame_bytes_counts_the_whole_frame() -> None:
    frame = b"MESSAGE\n\n" + b"x" * 990 + b"\0"  # 1000 bytes with its NUL
    assert len(frame) == 1000
    assert frames(whole(frame, limits=Limits(max_frame_bytes=1000)))[0].body == b"x" * 990
    with pytest.raises(LimitExceeded, match="max_frame_bytes exceeded: 1001 > 1000"):
        whole(b"MESSAGE\n\n" + b"x" * 991 + b"\0", limits=Limits(max_frame_bytes=1000))
    with pytest.raises(LimitExceeded, match="max_frame_bytes exceeded: 1001 > 1000"):
        data = b"MESSAGE\ncontent-length:972\n\n" + b"x" * 972 + b"\0"
        whole(data, limits=Limits(max_frame_bytes=1000))


def test_max_frame_bytes_for_a_huge_head() -> None:
    parser = FrameParser(limits=Limits(max_frame_bytes=1000, max_line_bytes=10_000))
    error, fed = limit_error(parser, [b"MESSAGE\n"] + [b"h:" + b"v" * 98 + b"\n"] * 20)
    assert error.limit == "max_frame_bytes"
    assert fed == 11


def test_feed_eof_names_only_the_frame_being_read() -> None:
    parser = FrameParser()
    parser.feed(b"MESSAGE\ncontent-length:1\n\n")
    parser.feed(b"x\0RECEI")
    with pytest.raises(IncompleteFrame, match=r"^stream ended in the middle of a frame \("):
        parser.feed_eof()


def test_partial_head_counters_restart_with_each_frame() -> None:
    parser = FrameParser(limits=Limits(max_headers=2, max_line_bytes=8))
    assert parser.feed(b"MESSAGE\na:1\nb:2\n") == []
    assert parser.feed(b"\n\0MESSAGE\nc:3\n") == [Frame(Command.MESSAGE, (("a", "1"), ("b", "2")))]
    assert parser.feed(b"d:4\n") == []
    assert parser.feed(b"\n\0") == [Frame(Command.MESSAGE, (("c", "3"), ("d", "4")))]
    assert parser.feed(b"MESSAGE\ne:5\nf:6\n") == []
    with pytest.raises(LimitExceeded, match="max_headers exceeded: 3 > 2"):
        parser.feed(b"g:7\n")
