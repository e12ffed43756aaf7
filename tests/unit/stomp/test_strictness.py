"""Strict, standard and lenient parsing: what each mode refuses, tolerates and reports, and
how the lenient parser resynchronises after a frame it cannot read, however it is fed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.stomp import (
    DROPPING_RULES,
    HEARTBEAT,
    Command,
    Frame,
    FrameError,
    FrameParser,
    LimitExceeded,
    Limits,
    Rule,
    Strictness,
    Version,
    Violation,
)

from .helpers import Items, bytewise, feed_chunks, split_at, whole

STRICT = Strictness.STRICT
STANDARD = Strictness.STANDARD
LENIENT = Strictness.LENIENT
GOOD = b"MESSAGE\ndestination:/queue/a\n\nok\0"
GOOD_FRAME = Frame(Command.MESSAGE, (("destination", "/queue/a"),), b"ok")


def violations(items: Items) -> list[tuple[Rule, int]]:
    """Every violation in `items` (on frames or dropped) as (rule, offset), in order."""
    found: list[tuple[Rule, int]] = []
    for item in items:
        if isinstance(item, Violation):
            found.append((item.rule, item.offset))
        elif isinstance(item, Frame):
            found.extend((v.rule, v.offset) for v in item.violations)
    return found


# -- bodies on frames that may not carry one (STOMP 1.2 "Body") -------------------------------


@pytest.mark.parametrize(
    "data",
    [b"CONNECTED\nversion:1.2\n\nhello\0", b"RECEIPT\nreceipt-id:1\ncontent-length:2\n\n\0\0\0"],
)
def test_strict_refuses_a_body_on_connected_and_receipt(data: bytes) -> None:
    with pytest.raises(
        FrameError, match=r"frame: a \d-byte body, but only SEND, MESSAGE and ERROR"
    ):
        whole(data, strictness=STRICT)
    [frame] = whole(data)  # standard: as it always was
    assert isinstance(frame, Frame) and frame.body and not frame.violations


@pytest.mark.parametrize("command", [b"SUBSCRIBE", b"ACK", b"DISCONNECT", b"CONNECT"])
def test_strict_server_refuses_a_body_on_client_frames_without_one(command: bytes) -> None:
    with pytest.raises(FrameError, match="may carry one"):
        whole(command + b"\nid:1\n\nbody\0", strictness=STRICT, server_side=True)


@pytest.mark.parametrize(
    ("data", "server_side"),
    [
        (b"SEND\ndestination:/queue/a\n\nbody\0", True),
        (b"MESSAGE\n\nbody\0", False),
        (b"ERROR\nmessage:x\n\nbody\0", False),
        (b"RECEIPT\nreceipt-id:1\n\n\0", False),
    ],
)
def test_strict_accepts_bodies_where_allowed_and_empty_bodies_anywhere(
    data: bytes, server_side: bool
) -> None:
    [frame] = whole(data, strictness=STRICT, server_side=server_side)
    assert isinstance(frame, Frame)


def test_lenient_keeps_a_forbidden_body_and_reports_it() -> None:
    data = b"\n\nRECEIPT\nreceipt-id:1\n\nxy\0"
    items = whole(data, strictness=LENIENT)
    assert items[:2] == [HEARTBEAT, HEARTBEAT]
    frame = items[2]
    assert isinstance(frame, Frame) and frame.body == b"xy"
    [violation] = frame.violations
    assert violation.rule is Rule.BODY_NOT_ALLOWED
    assert violation.offset == 2  # where the RECEIPT starts in the stream
    assert violation.skipped == b""
    assert "RECEIPT frame: a 2-byte body" in violation.detail


# -- NUL in the header section -------------------------------------------------------------------


def test_strict_fails_at_the_nul_without_waiting_for_a_blank_line() -> None:
    parser = FrameParser(strictness=STRICT)
    with pytest.raises(FrameError, match="a NUL 15 bytes into the frame, before the blank line"):
        parser.feed(b"MESSAGE\nfoo:bar\0")  # no blank line ever comes
    assert parser.error is not None


def test_standard_keeps_a_nul_in_a_header_value_as_it_always_did() -> None:
    [frame] = whole(b"MESSAGE\nfoo:b\0r\n\n\0")
    assert isinstance(frame, Frame) and frame.header("foo") == "b\0r"


def test_lenient_drops_a_frame_with_a_nul_in_its_head_and_goes_on() -> None:
    broken = b"MESSAGE\nfoo:bar\0"
    items = whole(broken + GOOD, strictness=LENIENT)
    assert items == [
        Violation(
            Rule.NUL_IN_HEAD,
            0,
            "a NUL 15 bytes into the frame, before the blank line that ends the headers",
            broken,
        ),
        GOOD_FRAME,
    ]


# -- everything else the lenient mode tolerates --------------------------------------------------


@pytest.mark.parametrize(
    ("data", "rule", "expected"),
    [
        (
            b"MESSAGE\na:x\\ty\n\nb\0",
            Rule.UNDEFINED_ESCAPE,
            Frame(Command.MESSAGE, (("a", "x\\ty"),), b"b"),
        ),
        (
            b"MESSAGE\ncontent-length:zz\n\nab\0",
            Rule.BAD_CONTENT_LENGTH,
            Frame(Command.MESSAGE, (("content-length", "zz"),), b"ab"),
        ),
        (
            b"MESSAGE\ncontent-length:2\n\nabcd\0",
            Rule.MISSING_NUL,
            Frame(Command.MESSAGE, (("content-length", "2"),), b"abcd"),
        ),
        (b"FROB\nx:1\n\n\0", Rule.UNEXPECTED_COMMAND, Frame("FROB", (("x", "1"),))),
        (b"SEND\nx:1\n\n\0", Rule.UNEXPECTED_COMMAND, Frame(Command.SEND, (("x", "1"),))),
    ],
    ids=["undefined-escape", "bad-content-length", "missing-nul", "unknown", "client-command"],
)
def test_lenient_keeps_what_it_can_read_and_says_why(
    data: bytes, rule: Rule, expected: Frame
) -> None:
    with pytest.raises(FrameError):
        whole(data, version=Version.V1_2)  # standard refuses each of them
    for items in (
        whole(b"\n" + data + GOOD, version=Version.V1_2, strictness=LENIENT),
        bytewise(b"\n" + data + GOOD, version=Version.V1_2, strictness=LENIENT),
    ):
        assert items == [HEARTBEAT, expected, GOOD_FRAME]
        frame = items[1]
        assert isinstance(frame, Frame)
        assert [(v.rule, v.offset, v.skipped) for v in frame.violations] == [(rule, 1, b"")]
        assert str(frame.violations[0]).startswith(f"{rule} at byte 1: ")


def test_a_name_is_unescaped_once_when_its_value_has_an_undefined_escape() -> None:
    [frame] = whole(b"MESSAGE\nk\\\\n:v\\t\n\n\0", version=Version.V1_2, strictness=LENIENT)
    assert isinstance(frame, Frame)
    assert frame.headers == (("k\\n", "v\\t"),)  # the name's escaped backslash stays one
    assert [v.rule for v in frame.violations] == [Rule.UNDEFINED_ESCAPE]


def test_several_deviations_in_one_frame_are_all_reported() -> None:
    data = b"FROB\na:\\t\ncontent-length:x\n\nbody\0"
    [frame] = whole(data, version=Version.V1_2, strictness=LENIENT)
    assert isinstance(frame, Frame)
    assert [v.rule for v in frame.violations] == [
        Rule.UNEXPECTED_COMMAND,
        Rule.UNDEFINED_ESCAPE,
        Rule.BAD_CONTENT_LENGTH,
    ]


# -- frames the lenient parser cannot read: dropped, then resynchronised --------------------------

BROKEN = [
    (b"MESSAGE\nfoo:bar\0", Rule.NUL_IN_HEAD),
    (b"MESSAGE\nno colon here\n\nbody\0", Rule.BAD_HEADER_LINE),
    (b"MESSAGE\n:empty-name\n\nbody\0", Rule.BAD_HEADER_LINE),
    (b"MESSAGE\nkey:\xff\xfe\n\nbody\0", Rule.INVALID_UTF8),
    (b"MESSAGE\nkey:a\rb\n\nbody\0", Rule.CR_IN_HEAD),
]


@pytest.mark.parametrize(("broken", "rule"), BROKEN, ids=[str(r) for _, r in BROKEN])
def test_resynchronises_at_the_next_nul_whole_bytewise_and_at_every_split(
    broken: bytes, rule: Rule
) -> None:
    assert rule in DROPPING_RULES
    stream = GOOD + b"\n" + broken + b"\n" + GOOD
    start = len(GOOD) + 1
    expected_drop = (rule, start, broken)
    expected = [GOOD_FRAME, HEARTBEAT, "dropped", HEARTBEAT, GOOD_FRAME]

    def check(items: Items) -> None:
        shape = ["dropped" if isinstance(item, Violation) else item for item in items]
        assert shape == expected
        drop = items[2]
        assert isinstance(drop, Violation)
        assert (drop.rule, drop.offset, drop.skipped) == expected_drop
        assert drop.detail.endswith("skipped to the next NUL") or rule is Rule.NUL_IN_HEAD

    check(whole(stream, strictness=LENIENT))
    check(bytewise(stream, strictness=LENIENT))
    for cut in range(1, len(stream)):
        check(feed_chunks(FrameParser(strictness=LENIENT), split_at(stream, [cut])))
        with pytest.raises(FrameError):  # the same bytes stop a standard parser
            feed_chunks(FrameParser(), split_at(stream, [cut]))


def test_a_bare_cr_between_frames_is_skipped() -> None:
    items = whole(b"\r" + GOOD + b"\rx", strictness=LENIENT)
    assert items[0] == Violation(
        Rule.BARE_CR, 0, "a CR between frames is not followed by LF", b"\r"
    )
    assert items[1] == GOOD_FRAME
    assert isinstance(items[2], Violation) and items[2].offset == len(GOOD) + 1


def test_limits_stay_fatal_in_lenient_mode() -> None:
    parser = FrameParser(limits=Limits(max_frame_bytes=64), strictness=LENIENT)
    with pytest.raises(LimitExceeded, match="max_frame_bytes"):
        parser.feed(b"MESSAGE\n\n" + b"x" * 100)
    skipping = FrameParser(limits=Limits(max_frame_bytes=64), strictness=LENIENT)
    with pytest.raises(LimitExceeded):  # skipping to a NUL that never comes is bounded too
        skipping.feed(b"MESSAGE\nbad line\n\n" + b"x" * 100)


def test_offsets_count_from_the_first_byte_ever_fed() -> None:
    parser = FrameParser(strictness=LENIENT)
    assert parser.feed(GOOD * 3) == [GOOD_FRAME] * 3
    assert parser.offset == 3 * len(GOOD)
    [frame] = parser.feed(b"RECEIPT\nreceipt-id:1\n\nx\0")
    assert isinstance(frame, Frame) and frame.violations[0].offset == 3 * len(GOOD)


def test_strictness_can_change_between_frames() -> None:
    parser = FrameParser()
    assert parser.strictness is STANDARD
    assert parser.feed(b"FR") == []
    parser.strictness = LENIENT  # applies to the frame being read, too
    [frame] = parser.feed(b"OB\n\n\0")
    assert isinstance(frame, Frame) and frame.violations[0].rule is Rule.UNEXPECTED_COMMAND
    parser.strictness = Strictness("strict")
    with pytest.raises(FrameError, match="unknown command 'FROB'"):
        parser.feed(b"FROB\n\n\0")


# -- chunking never changes what any mode reports -------------------------------------------------

TOKENS = st.sampled_from(
    [b"MESSAGE", b"RECEIPT", b"SEND", b"\n", b"\r\n", b"\r", b"\0", b":", b"a", b"\\", b"\\t",
     b"content-length:", b"2", b"-", b"\xff", b"\xc3\xa9", b"\n\n", b"x" * 30]
)  # fmt: skip


def lenient_outcome(chunks: list[bytes], strictness: Strictness) -> tuple[list[Any], str]:
    """Items with the frames' violations spelled out (they are not part of frame equality)."""
    limits = Limits(max_frame_bytes=200, max_headers=5, max_line_bytes=40, max_command_bytes=16)
    parser = FrameParser(Version.V1_2, limits, strictness=strictness)
    items: Items = []
    verdict = "ok"
    try:
        for chunk in chunks:
            items += parser.feed(chunk)
        parser.feed_eof()
    except FrameError as exc:
        items += exc.items
        verdict = type(exc).__name__
    spelled = [(i, i.violations) if isinstance(i, Frame) else i for i in items]
    return spelled, verdict


@settings(max_examples=300)
@given(
    st.lists(TOKENS, max_size=40).map(b"".join),
    st.lists(st.integers(0, 300), max_size=10),
    st.sampled_from(list(Strictness)),
)
def test_chunking_never_changes_what_is_reported(
    stream: bytes, cuts: list[int], strictness: Strictness
) -> None:
    whole_outcome = lenient_outcome([stream], strictness)
    assert lenient_outcome(split_at(stream, cuts), strictness) == whole_outcome
    assert lenient_outcome(split_at(stream, range(len(stream))), strictness) == whole_outcome
    if strictness is LENIENT:  # only a limit or a half-read frame at the end can stop it
        assert whole_outcome[1] in ("ok", "LimitExceeded", "IncompleteFrame")
