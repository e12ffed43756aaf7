"""Frame values, header lookup, the enums, the heart-beat sentinel and the public API."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

import explorer.stomp
from explorer.stomp import HEARTBEAT, HEARTBEAT_BYTES, Command, Frame, Heartbeat, Version


def test_header_first_occurrence_wins() -> None:
    frame = Frame(Command.MESSAGE, (("a", "1"), ("b", "2"), ("a", "3")))
    assert frame.header("a") == "1"
    assert frame.header("b") == "2"
    assert frame.header("c") is None
    assert frame.header("c", "default") == "default"


def test_header_lookup_with_many_headers() -> None:
    headers = tuple((f"h{i % 50}", str(i)) for i in range(200))
    frame = Frame(Command.MESSAGE, headers)
    for i in range(50):
        assert frame.header(f"h{i}") == str(i)
    assert frame.header("absent", "x") == "x"
    assert frame == Frame(Command.MESSAGE, headers)  # the lookup cache is not compared


def test_frame_is_frozen_hashable_and_compares_without_raw() -> None:
    frame = Frame(Command.SEND, (("a", "b"),), b"x", raw=b"SEND\na:b\n\nx\0")
    with pytest.raises(dataclasses.FrozenInstanceError):
        frame.body = b"y"  # type: ignore[misc]
    assert frame == Frame("SEND", (("a", "b"),), b"x")
    assert hash(frame) == hash(Frame("SEND", (("a", "b"),), b"x"))
    assert repr(frame) == "Frame(command=<Command.SEND: 'SEND'>, headers=(('a', 'b'),), body=b'x')"
    assert not hasattr(frame, "__dict__")


def test_frame_pickles() -> None:
    frame = Frame(Command.SEND, (("a", "b"),), b"x")
    assert pickle.loads(pickle.dumps(frame)) == frame


def test_commands_and_versions() -> None:
    assert {c.value for c in Command} == {
        "CONNECT", "STOMP", "CONNECTED", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK",
        "BEGIN", "COMMIT", "ABORT", "DISCONNECT", "MESSAGE", "RECEIPT", "ERROR",
    }  # fmt: skip
    assert Command.SEND == "SEND"
    assert [v.value for v in Version] == ["1.0", "1.1", "1.2"]
    assert Version("1.2") is Version.V1_2


def test_heartbeat_sentinel() -> None:
    assert Heartbeat() is HEARTBEAT
    assert repr(HEARTBEAT) == "HEARTBEAT"
    assert pickle.loads(pickle.dumps(HEARTBEAT)) is HEARTBEAT
    assert HEARTBEAT_BYTES == b"\n"


def test_public_api() -> None:
    contract = {
        "Frame", "Command", "Version", "HEARTBEAT", "Heartbeat", "HEARTBEAT_BYTES", "FrameParser",
        "Limits", "serialize", "negotiate_heartbeat", "parse_heart_beat", "escape_header",
        "unescape_header", "StompError", "FrameError", "LimitExceeded", "InvalidEscape",
        "IncompleteFrame", "UnrepresentableHeader",
    }  # fmt: skip
    assert contract <= set(explorer.stomp.__all__)
    for name in explorer.stomp.__all__:
        assert hasattr(explorer.stomp, name)


def test_limits_defaults() -> None:
    limits = explorer.stomp.Limits()
    assert (limits.max_frame_bytes, limits.max_headers) == (64 * 2**20, 1000)
    assert (limits.max_line_bytes, limits.max_command_bytes) == (64 * 2**10, 1024)


def test_replace_does_not_reuse_the_lookup_cache() -> None:
    frame = Frame(Command.SEND, tuple((f"h{i}", str(i)) for i in range(20)))
    assert frame.header("h3") == "3"  # builds the cache
    changed = dataclasses.replace(frame, headers=(("h3", "new"), *frame.headers))
    assert changed.header("h3") == "new"
