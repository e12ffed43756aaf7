"""SockJS framing, sans-I/O: server frames, the /info answer, streaming lines, client sends."""

from __future__ import annotations

import json
import re

import pytest

from explorer.client.sockjs_frames import (
    SockJsFrame,
    SockJsFrameError,
    SockJsKind,
    StreamLines,
    describe_close,
    encode_messages,
    joined_messages,
    parse_frame,
    parse_info,
    session_path,
)


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("o", SockJsFrame(SockJsKind.OPEN)),
        ("h", SockJsFrame(SockJsKind.HEARTBEAT)),
        (
            'a["CONNECTED\\nversion:1.2\\n\\n\\u0000"]',
            SockJsFrame(SockJsKind.MESSAGES, ("CONNECTED\nversion:1.2\n\n\0",)),
        ),
        ('a["\\n","안녕"]', SockJsFrame(SockJsKind.MESSAGES, ("\n", "안녕"))),
        ('c[3000,"Go away!"]', SockJsFrame(SockJsKind.CLOSE, code=3000, reason="Go away!")),
    ],
)
def test_server_frames_decode(text: str, frame: SockJsFrame) -> None:
    assert parse_frame(text) == frame


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("CONNECTED\nversion:1.2\n\n\0", "not a SockJS frame (expected o, h, a[...] or c[...])"),
        ("a[broken", "message frame that is not JSON"),
        ('a[1,"x"]', "not a list of strings"),
        ('c["x"]', 'not [code,"reason"]'),
        ("", "not a SockJS frame"),
    ],
)
def test_what_is_not_a_frame_is_said(text: str, words: str) -> None:
    with pytest.raises(SockJsFrameError, match=re.escape(words)):
        parse_frame(text)


def test_client_sends_are_a_json_array_of_strings_in_utf8() -> None:
    data = encode_messages(["SEND\ndestination:/q\n\n안녕\0"])
    assert json.loads(data) == ["SEND\ndestination:/q\n\n안녕\0"]
    assert "안녕".encode() in data  # not \\u-escaped: a third of the bytes


def test_info_is_read_and_a_lying_info_is_refused() -> None:
    info = parse_info(
        b'{"websocket": false, "cookie_needed": true, "origins": ["*:*"], "entropy": 1}'
    )
    assert (info.websocket, info.cookie_needed, info.origins) == (False, True, ("*:*",))
    with pytest.raises(SockJsFrameError, match="not JSON"):
        parse_info(b"<html>")
    with pytest.raises(SockJsFrameError, match="not SockJS's"):
        parse_info(b'{"status": "UP"}')


def test_stream_lines_skip_the_prelude_and_join_frames_cut_anywhere() -> None:
    lines = StreamLines(max_line=1000, prelude=True)
    wire = b"h" * 2048 + b'\no\na["x"]\nh\n'
    out: list[str] = []
    for i in range(0, len(wire), 7):
        out.extend(lines.feed(wire[i : i + 7]))
    assert out == ["o", 'a["x"]', "h"] and not lines.pending


def test_stream_lines_refuse_what_is_not_a_prelude_and_an_endless_line() -> None:
    with pytest.raises(SockJsFrameError, match="prelude"):
        StreamLines(max_line=100, prelude=True).feed(b"<html>\n")
    lines = StreamLines(max_line=10, prelude=False)
    with pytest.raises(SockJsFrameError, match="longer than 10 bytes"):
        lines.feed(b"a" * 11)


def test_stream_lines_refuse_bytes_that_are_not_utf8() -> None:
    with pytest.raises(SockJsFrameError, match="UTF-8"):
        StreamLines(max_line=100, prelude=False).feed(b'a["\xff"]\n')


def test_session_paths_have_a_three_digit_server_and_a_random_session() -> None:
    first, second = session_path("/stomp/", "websocket"), session_path("/stomp", "websocket")
    assert re.fullmatch(r"/stomp/\d{3}/[a-z0-9]{8}/websocket", first)
    assert first != second


def test_close_codes_are_described() -> None:
    assert (
        describe_close(3000, "Go away!")
        == 'SockJS close 3000 "Go away!": the server closed the session'
    )
    assert describe_close(4999, "") == "SockJS close 4999"


def test_a_batch_of_message_frames_is_decoded_in_one_go_or_not_at_all() -> None:
    assert joined_messages(['a["CONNECTED\\n\\n\\u0000"]', 'a["\\n","x"]']) == "CONNECTED\n\n\0\nx"
    for odd in (
        ['a["x"]', "h"],  # a heart-beat among them: frame by frame
        ['a["x"]', 'c[3000,"Go away!"]'],
        ['a["x"]', "a[1]"],  # a message that is not a string
        ['a["x"]', 'a{"k":"v"}'],  # an object instead of a list
        ['a["x"]', 'x["y"]'],  # not a message frame at all
        ['a["x"]', "a[broken"],
    ):
        assert joined_messages(odd) is None, odd
