"""JSON Lines export: exact lines, base64 for non-UTF-8, repeated headers."""

from __future__ import annotations

import base64
import io
import json

from explorer.store import LogEntry, entry_to_json, to_json_line, write_jsonl


def test_utf8_body_exact_line() -> None:
    entry = LogEntry(
        "in",
        "MESSAGE",
        (("destination", "/queue/a"), ("content-type", "text/plain")),
        b"hello",
        timestamp=1700000000.25,
    )
    assert to_json_line(entry) == (
        '{"timestamp":1700000000.25,"direction":"in","command":"MESSAGE",'
        '"destination":"/queue/a","headers":{"destination":"/queue/a",'
        '"content-type":"text/plain"},"body":"hello"}'
    )


def test_korean_text_is_written_as_is() -> None:
    headers = (("destination", "/queue/인사"),)
    entry = LogEntry("out", "SEND", headers, "안녕".encode(), timestamp=2.0)
    line = to_json_line(entry)
    assert line == (
        '{"timestamp":2.0,"direction":"out","command":"SEND","destination":"/queue/인사",'
        '"headers":{"destination":"/queue/인사"},"body":"안녕"}'
    )
    assert json.loads(line)["body"] == "안녕"


def test_non_utf8_body_goes_to_body_base64() -> None:
    body = b"\xff\x00\xfe binary"
    obj = entry_to_json(LogEntry("in", "MESSAGE", (), body, timestamp=0.0))
    assert "body" not in obj
    assert base64.b64decode(obj["body_base64"]) == body
    assert list(obj) == [
        "timestamp",
        "direction",
        "command",
        "destination",
        "headers",
        "body_base64",
    ]


def test_text_with_control_characters_that_is_valid_utf8_stays_in_body() -> None:
    obj = entry_to_json(LogEntry("in", "MESSAGE", (), b"a\x00b", timestamp=0.0))
    assert obj["body"] == "a\x00b"


def test_repeated_headers_first_wins_and_all_are_kept_in_header_list() -> None:
    entry = LogEntry(
        "in", "MESSAGE", (("foo", "1"), ("bar", "x"), ("foo", "2")), b"", timestamp=0.0
    )
    obj = entry_to_json(entry)
    assert obj["headers"] == {"foo": "1", "bar": "x"}
    assert obj["header_list"] == [["foo", "1"], ["bar", "x"], ["foo", "2"]]
    assert "header_list" not in entry_to_json(LogEntry("in", "MESSAGE", (("a", "b"),)))


def test_write_jsonl_one_object_per_line() -> None:
    entries = [LogEntry("in", "MESSAGE", (), f"m{i}".encode(), timestamp=0.0) for i in range(3)]
    out = io.StringIO()
    assert write_jsonl(entries, out) == 3
    text = out.getvalue()
    assert text.endswith("\n")
    assert [json.loads(line)["body"] for line in text.splitlines()] == ["m0", "m1", "m2"]
