"""LogEntry: fields, immutability, derived display fields."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.store import LogEntry, StoreError, one_line


@dataclass(frozen=True)
class FakeFrame:
    command: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


def test_from_frame_takes_destination_from_the_first_header() -> None:
    frame = FakeFrame(
        "MESSAGE",
        (("destination", "/queue/a"), ("destination", "/queue/b"), ("x", "1")),
        b"hi",
    )
    entry = LogEntry.from_frame(frame, "in", timestamp=12.5)
    assert entry.destination == "/queue/a"
    assert entry.command == "MESSAGE"
    assert entry.direction == "in"
    assert entry.timestamp == 12.5
    assert entry.headers == (("destination", "/queue/a"), ("destination", "/queue/b"), ("x", "1"))
    assert entry.header("destination") == "/queue/a"
    assert entry.header("missing") is None
    assert entry.header("missing", "d") == "d"
    assert entry.seq == -1


def test_explicit_destination_and_defaults() -> None:
    entry = LogEntry("out", "SEND", (), b"", destination="/topic/t")
    assert entry.destination == "/topic/t"
    assert LogEntry("in", "ERROR").destination == ""
    assert LogEntry("in", "ERROR").timestamp > 0


def test_entry_is_immutable_and_seq_is_assigned_once() -> None:
    entry = LogEntry("in", "MESSAGE", (), b"x")
    with pytest.raises(AttributeError):
        entry.body = b"y"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del entry.command
    entry._assign_seq(7)
    assert entry.seq == 7
    with pytest.raises(StoreError, match="already has sequence number 7"):
        entry._assign_seq(8)


def test_entry_has_no_instance_dict() -> None:
    entry = LogEntry("in", "MESSAGE", (("a", "b"),), b"x")
    assert not hasattr(entry, "__dict__")


def test_bad_direction_is_refused() -> None:
    with pytest.raises(StoreError, match="direction must be 'in' or 'out'"):
        LogEntry("sideways", "MESSAGE")


def test_size_and_content_type() -> None:
    entry = LogEntry("in", "MESSAGE", (("content-type", "application/json"),), b"{}")
    assert entry.size == 2
    assert entry.content_type == "application/json"
    assert LogEntry("in", "MESSAGE").content_type == ""


def test_preview_is_one_line_and_cut_at_200_characters() -> None:
    body = ("line one\r\nline two\tend\n" + "x" * 500).encode()
    preview = LogEntry("in", "MESSAGE", (), body).preview
    assert preview.startswith("line one line two end ")
    assert "\n" not in preview and "\r" not in preview and "\t" not in preview
    assert len(preview) == 200


def test_preview_of_korean_text_keeps_whole_characters() -> None:
    body = ("안녕" * 300).encode()
    entry = LogEntry("in", "MESSAGE", (), body)
    assert entry.is_text
    assert entry.preview == ("안녕" * 100)


def test_preview_of_a_long_multibyte_body_cut_mid_character_is_still_text() -> None:
    # 1,000 three-byte characters: the preview reads only a prefix, maybe mid-character.
    entry = LogEntry("in", "MESSAGE", (), ("한" * 1000).encode())
    assert entry.preview == "한" * 200


def test_binary_bodies_get_a_marker() -> None:
    entry = LogEntry("in", "MESSAGE", (), b"\x00\x01\x02" + bytes(1231))
    assert not entry.is_text
    assert entry.preview == "⟨binary 1234 B⟩"
    invalid_utf8 = LogEntry("in", "MESSAGE", (), b"\xff\xfe")
    assert not invalid_utf8.is_text
    assert invalid_utf8.preview == "⟨binary 2 B⟩"


def test_empty_body_is_text_with_empty_preview() -> None:
    entry = LogEntry("in", "RECEIPT")
    assert entry.is_text
    assert entry.preview == ""
    assert entry.text() == ""


def test_text_decodes_leniently() -> None:
    assert LogEntry("in", "MESSAGE", (), b"ok\xff").text() == "ok\ufffd"


def test_one_line() -> None:
    assert one_line("a\nb\r\nc\rd\te", 100) == "a b c d e"
    assert one_line("abcdef", 3) == "abc"


def test_destinations_are_shared_between_entries() -> None:
    a = LogEntry("in", "MESSAGE", (("destination", "".join(["/queue/", "shared"])),))
    b = LogEntry("in", "MESSAGE", (("destination", "".join(["/queue/", "shared"])),))
    assert a.destination is b.destination


header_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)


@given(
    headers=st.lists(st.tuples(header_text, header_text), max_size=6),
    body=st.binary(max_size=64),
    seq=st.integers(-1, 2**62),
    timestamp=st.floats(allow_nan=False, allow_infinity=False),
)
def test_packed_fields_round_trip(
    headers: list[tuple[str, str]], body: bytes, seq: int, timestamp: float
) -> None:
    entry = LogEntry("out", "SEND", headers, body, timestamp=timestamp, seq=seq)
    assert entry.headers == tuple(headers)
    assert entry.body == body
    assert entry.size == len(body)
    assert entry.seq == seq
    assert entry.timestamp == timestamp
    for name, value in headers:
        assert entry.header(name) == next(v for n, v in headers if n == name)
        del value


def test_header_values_with_colons_newlines_and_backslashes() -> None:
    headers = (
        ("message-id", "ID:host-1:2:3"),
        ("multi", "line one\nline two\r\n"),
        ("path", "C:\\dir\\n"),
        ("odd:name", "v"),
        ("인사", "안녕"),
        ("empty", ""),
    )
    entry = LogEntry("in", "MESSAGE", headers, b"\n\nbody starts with blank lines")
    assert entry.headers == headers
    assert entry.body == b"\n\nbody starts with blank lines"
    assert entry.header("message-id") == "ID:host-1:2:3"
    assert entry.header("multi") == "line one\nline two\r\n"
    assert entry.header("path") == "C:\\dir\\n"
    assert entry.header("odd:name") == "v"
    assert entry.header("인사") == "안녕"
    assert entry.header("empty") == ""
    assert entry.header("name") is None  # "odd:name" is not "name"
    assert entry.header("line two") is None  # a value's text is not a header


def test_no_headers_and_empty_body() -> None:
    entry = LogEntry("out", "DISCONNECT", (), b"")
    assert entry.headers == ()
    assert entry.body == b""
    assert entry.header("x") is None
    assert LogEntry("in", "MESSAGE", (), b"\n").body == b"\n"


def test_a_large_binary_body_is_sniffed_from_its_start() -> None:
    entry = LogEntry("in", "MESSAGE", (), b"ok" * 10 + b"\x00" + b"a" * 100_000)
    assert entry.preview == "⟨binary 100021 B⟩"
    text = LogEntry("in", "MESSAGE", (), "가".encode() * 100_000)  # cut mid-character at 4 KB
    assert text.preview == "가" * 200
    assert text.is_text


def test_explicit_destination_that_differs_from_the_header_is_kept() -> None:
    entry = LogEntry("out", "SEND", (("destination", "/queue/a"),), b"x", destination="/queue/b")
    assert entry.destination == "/queue/b"
    assert entry.header("destination") == "/queue/a"
    assert entry.headers == (("destination", "/queue/a"),)
    assert entry.body == b"x"
    copy = LogEntry.from_packed(entry.packed)
    assert copy.destination == "/queue/b"
    odd = LogEntry("in", "MESSAGE", (), b"", destination="/queue/line\nbreak")
    assert LogEntry.from_packed(odd.packed).destination == "/queue/line\nbreak"


def test_wrappers_of_the_same_packed_bytes_are_equal_and_hash_alike() -> None:
    entry = LogEntry("in", "MESSAGE", (("destination", "/queue/a"),), b"x", timestamp=1.0)
    copy = LogEntry.from_packed(entry.packed)
    assert copy == entry and hash(copy) == hash(entry)
    assert copy.command == "MESSAGE" and copy.direction == "in" and copy.destination == "/queue/a"
    other = LogEntry("in", "MESSAGE", (("destination", "/queue/a"),), b"y", timestamp=1.0)
    assert other != entry
    assert entry != "not an entry"


def test_a_command_with_a_line_break_is_refused() -> None:
    with pytest.raises(StoreError, match="line break"):
        LogEntry("in", "MESS\nAGE")
