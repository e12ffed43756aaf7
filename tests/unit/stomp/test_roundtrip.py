"""Property tests: parse(serialize(frame)) == frame under any chunking, per version, and the
parser's output never depends on how the stream is chunked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.stomp import (
    CLIENT_COMMANDS,
    HEARTBEAT,
    SERVER_COMMANDS,
    Command,
    Frame,
    FrameError,
    FrameParser,
    Heartbeat,
    Item,
    Limits,
    Version,
    serialize,
)

from .helpers import feed_chunks, split_at

# Any unicode except lone surrogates (not encodable as UTF-8).
ANY_TEXT = st.characters(exclude_categories=["Cs"])
SPECIALS = st.sampled_from(":\n\r\\\0 ")
CHARS = st.one_of(ANY_TEXT, SPECIALS)  # the specials often, everything else too
ESCAPED_COMMANDS = sorted((CLIENT_COMMANDS | SERVER_COMMANDS) - {"CONNECT", "STOMP", "CONNECTED"})


def text_for(version: Version | None, *, name: bool, escaped: bool) -> st.SearchStrategy[str]:
    """Header text the version can represent (no version carries NUL; unescaped frames
    cannot carry CR/LF, or ':' in a name; 1.1 cannot carry CR)."""
    forbidden = {"\0"}
    if not escaped or version is Version.V1_0:
        forbidden |= {"\n", "\r"} | ({":"} if name else set())
    elif version is Version.V1_1:
        forbidden.add("\r")
    chars = CHARS.filter(lambda c: c not in forbidden)
    strategy = st.text(chars, min_size=1 if name else 0, max_size=12)
    return strategy.filter(lambda t: t != "content-length") if name else strategy


@st.composite
def frames_for(draw: st.DrawFn, version: Version, command: str | None = None) -> Frame:
    command = command or draw(st.sampled_from(ESCAPED_COMMANDS))
    escaped = command not in ("CONNECT", "STOMP", "CONNECTED")
    names = text_for(version, name=True, escaped=escaped)
    values = text_for(version, name=False, escaped=escaped)
    headers = draw(st.lists(st.tuples(names, values), max_size=6))
    if draw(st.booleans()) and headers:
        headers.append(headers[0])  # a repeat
    body = draw(st.binary(max_size=40) | st.sampled_from([b"", b"\0", b"\0\0x\0"]))
    if body:  # serialize() would add it, so put it in the expected frame (anywhere)
        headers.insert(draw(st.integers(0, len(headers))), ("content-length", str(len(body))))
    return Frame(Command(command), tuple(headers), body)


def parser_for(frame: Frame, version: Version | None, **options: object) -> FrameParser:
    return FrameParser(version, server_side=frame.command in CLIENT_COMMANDS, **options)  # type: ignore[arg-type]


@settings(max_examples=300)
@given(st.data(), st.sampled_from(list(Version)))
def test_round_trip_any_chunking(data: st.DataObject, version: Version) -> None:
    frame = data.draw(frames_for(version))
    wire = serialize(frame, version)
    cuts = data.draw(st.lists(st.integers(0, len(wire)), max_size=8))
    parser = parser_for(frame, version, keep_raw=True)
    [parsed] = feed_chunks(parser, split_at(wire, cuts))
    assert parsed == frame
    assert isinstance(parsed, Frame)
    assert parsed.raw == wire
    parser.feed_eof()


@settings(max_examples=100)
@given(st.data())
def test_round_trip_before_negotiation_reads_1_2(data: st.DataObject) -> None:
    frame = data.draw(frames_for(Version.V1_2))
    wire = serialize(frame, Version.V1_2)
    assert parser_for(frame, None).feed(wire) == [frame]


@settings(max_examples=150)
@given(
    st.data(), st.sampled_from(list(Version)), st.sampled_from(["CONNECT", "STOMP", "CONNECTED"])
)
def test_round_trip_connect_frames(data: st.DataObject, version: Version, command: str) -> None:
    frame = data.draw(frames_for(version, command))
    wire = serialize(frame, version)
    cuts = data.draw(st.lists(st.integers(0, len(wire)), max_size=4))
    parser = parser_for(frame, version)
    assert feed_chunks(parser, split_at(wire, cuts)) == [frame]


@settings(max_examples=100)
@given(st.data(), st.sampled_from(list(Version)))
def test_round_trip_without_content_length(data: st.DataObject, version: Version) -> None:
    frame = data.draw(frames_for(version))
    headers = tuple(h for h in frame.headers if h[0] != "content-length")
    plain = Frame(frame.command, headers, frame.body.replace(b"\0", b""))
    assert parser_for(plain, version).feed(serialize(plain, version, content_length=False)) == [
        plain
    ]


EOLS = st.lists(st.sampled_from([b"\n", b"\r\n", b"\0"]), max_size=3)


@settings(max_examples=150)
@given(st.data(), st.sampled_from(list(Version)))
def test_streams_of_frames_and_heartbeats(data: st.DataObject, version: Version) -> None:
    server_commands = sorted(SERVER_COMMANDS - {"CONNECTED"})
    command = st.sampled_from(server_commands)
    frames = data.draw(st.lists(command.flatmap(lambda c: frames_for(version, c)), max_size=5))
    wire = b""
    expected: list[Frame | Heartbeat] = []
    for frame in frames:
        for gap in data.draw(EOLS):
            wire += gap
            expected += [HEARTBEAT] if gap != b"\0" else []
        wire += serialize(frame, version)
        expected.append(frame)
    cuts = data.draw(st.lists(st.integers(0, len(wire)), max_size=10))
    assert feed_chunks(FrameParser(version), split_at(wire, cuts)) == expected


# Streams built from the pieces that matter to the parser, valid or not.
TOKENS = st.sampled_from(
    [b"MESSAGE", b"RECEIPT", b"SEND", b"\n", b"\r\n", b"\r", b"\0", b":", b"a", b"\\", b"\\n",
     b"content-length:", b"2", b"-", b"\xff", b"\xc3\xa9", b"\n\n", b"x" * 30]
)  # fmt: skip


def outcome(parser: FrameParser, chunks: list[bytes]) -> tuple[list[Item], str]:
    items: list[Item] = []
    for chunk in chunks:
        try:
            items += parser.feed(chunk)
        except FrameError as exc:
            return items + list(exc.items), type(exc).__name__
    try:
        parser.feed_eof()
    except FrameError as exc:
        return items, type(exc).__name__
    return items, "ok"


@settings(max_examples=400)
@given(
    st.lists(TOKENS, max_size=40).map(b"".join),
    st.lists(st.integers(0, 300), max_size=10),
    st.sampled_from([None, *Version]),
)
def test_chunking_never_changes_the_outcome(
    stream: bytes, cuts: list[int], version: Version | None
) -> None:
    limits = Limits(max_frame_bytes=200, max_headers=5, max_line_bytes=40, max_command_bytes=16)
    whole = outcome(FrameParser(version, limits), [stream])
    chunked = outcome(FrameParser(version, limits), split_at(stream, cuts))
    bytewise = outcome(FrameParser(version, limits), split_at(stream, range(len(stream))))
    assert chunked == whole
    assert bytewise == whole


@settings(max_examples=200)
@given(st.binary(max_size=300), st.lists(st.integers(0, 300), max_size=10))
def test_random_bytes_raise_only_frame_errors(stream: bytes, cuts: list[int]) -> None:
    for server_side in (False, True):
        outcome(FrameParser(server_side=server_side), split_at(stream, cuts))
