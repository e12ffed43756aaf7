"""The fast builders of the hot path make exactly what the dataclass constructors make."""

from __future__ import annotations

from dataclasses import fields

from explorer.client import Message
from explorer.stomp import Frame, Rule, Violation
from explorer.stomp.frames import make_frame


def test_make_frame_equals_the_constructor_and_knows_every_field() -> None:
    assert [f.name for f in fields(Frame)] == ["command", "headers", "body", "raw", "violations"]
    violation = Violation(Rule.MISSING_NUL, 3, "detail")
    fast = make_frame("MESSAGE", (("a", "1"),), b"x", b"raw", (violation,))
    slow = Frame("MESSAGE", (("a", "1"),), b"x", b"raw", (violation,))
    assert fast == slow and hash(fast) == hash(slow) and type(fast) is Frame
    assert (fast.raw, fast.violations) == (slow.raw, slow.violations)
    assert repr(fast) == repr(slow)
    assert make_frame("RECEIPT", (), b"").violations == ()


def test_message_from_frame_equals_the_constructor_and_knows_every_field() -> None:
    assert [f.name for f in fields(Message)] == [
        "frame",
        "destination",
        "subscription",
        "message_id",
        "ack_id",
        "matched",
    ]
    frame = Frame(
        "MESSAGE",
        (
            ("destination", "/q/a"),
            ("subscription", "s1"),
            ("message-id", "m1"),
            ("ack", "a1"),
            ("destination", "/q/ignored"),
        ),
    )
    fast = Message.from_frame(frame, {"s1"})
    assert fast == Message(frame, "/q/a", "s1", "m1", "a1", True)
    assert type(fast) is Message
    assert not Message.from_frame(frame, {"other"}).matched
    assert Message.from_frame(frame).matched  # no known ids: everything matches
