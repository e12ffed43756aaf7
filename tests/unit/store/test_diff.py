"""Message diff rows: JSON pretty-printed with sorted keys, volatile headers left out."""

from __future__ import annotations

from explorer.store import LogEntry
from explorer.store.diff import (
    MAX_DIFF_BYTES,
    body_lines,
    changed_count,
    diff_messages,
    side_by_side,
)


def message(body: bytes, message_id: str, **headers: str) -> LogEntry:
    pairs = [("destination", "/topic/a"), ("message-id", message_id), *headers.items()]
    return LogEntry("in", "MESSAGE", pairs, body, timestamp=1.0)


def test_reordered_json_with_one_changed_value_is_one_changed_row() -> None:
    older = message(b'{"b": 1, "a": {"x": 1, "y": 2}}', "m-1")
    newer = message(b'{"a": {"y": 2, "x": 5}, "b": 1}', "m-2")
    rows = diff_messages(older, newer)
    assert [(r.left, r.right) for r in rows if r.tag != "equal"] == [('    "x": 1,', '    "x": 5,')]
    assert changed_count(rows) == 1
    assert all("m-1" not in (r.left or "") for r in rows)  # message-id is volatile


def test_volatile_headers_are_compared_when_asked_and_header_changes_show() -> None:
    older = message(b"same", "m-1", priority="4")
    newer = message(b"same", "m-2", priority="9")
    quiet = [(r.left, r.right) for r in diff_messages(older, newer) if r.tag != "equal"]
    assert quiet == [("priority: 4", "priority: 9")]
    loud = [r for r in diff_messages(older, newer, volatile=True) if r.tag != "equal"]
    assert len(loud) == 2


def test_added_and_removed_lines_pair_with_gaps() -> None:
    rows = side_by_side(["a", "b", "c"], ["a", "c", "d", "e"])
    assert [(r.tag, r.left, r.right) for r in rows] == [
        ("equal", "a", "a"),
        ("removed", "b", None),
        ("equal", "c", "c"),
        ("added", None, "d"),
        ("added", None, "e"),
    ]


def test_text_and_oversized_bodies() -> None:
    assert body_lines(b"line 1\nline 2") == ["line 1", "line 2"]
    assert body_lines(b"{not json") == ["{not json"]
    big = body_lines(b"x" * (MAX_DIFF_BYTES + 10))
    assert big[-1].startswith("… (10 more bytes")
