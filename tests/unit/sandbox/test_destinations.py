"""Queues, topics, caps and acknowledgements without any network."""

from __future__ import annotations

import pytest

from explorer.sandbox import CapacityExceeded, Caps, InvalidDestination
from explorer.sandbox.destinations import (
    DestinationInfo,
    Destinations,
    Message,
    Subscription,
    compile_wildcard,
    is_wildcard,
)
from explorer.stomp import AckMode


class FakeConsumer:
    """Records deliveries; client-mode deliveries are tracked like a session does."""

    def __init__(self, busy: bool = False) -> None:
        self.busy = busy
        self.got: list[tuple[str, bytes, int]] = []
        self.counter = 0

    def can_take(self) -> bool:
        return not self.busy

    def deliver(self, subscription: Subscription, message: Message) -> None:
        self.got.append((subscription.id, message.body, message.redelivery_count))
        if subscription.ack != AckMode.AUTO:
            self.counter += 1
            subscription.unacked[f"a{self.counter}"] = message


def sub(
    consumer: FakeConsumer, destination: str, ack: AckMode = AckMode.AUTO, sub_id: str = "s"
) -> Subscription:
    return Subscription(sub_id, destination, ack, consumer)


def test_round_robin_skips_busy_consumers_and_resumes() -> None:
    d = Destinations()
    a, b = FakeConsumer(), FakeConsumer(busy=True)
    d.subscribe(sub(a, "/queue/q", sub_id="a"))
    d.subscribe(sub(b, "/queue/q", sub_id="b"))
    d.publish("/queue/q", (), b"1")
    d.publish("/queue/q", (), b"2")
    assert [g[1] for g in a.got] == [b"1", b"2"] and b.got == []
    a.busy, b.busy = True, False
    d.publish("/queue/q", (), b"3")
    a.busy = False
    d.publish("/queue/q", (), b"4")
    assert [g[1] for g in b.got] == [b"3"]
    assert [g[1] for g in a.got] == [b"1", b"2", b"4"]
    a.busy = b.busy = True
    d.publish("/queue/q", (), b"5")
    assert d.depth("/queue/q") == 1
    b.busy = False
    d.resume()
    assert [g[1] for g in b.got] == [b"3", b"5"]
    assert d.depth("/queue/q") == 0


def test_nack_requeues_in_order_at_the_front() -> None:
    d = Destinations()
    c = FakeConsumer()
    s = sub(c, "/queue/q", AckMode.CLIENT)
    d.subscribe(s)
    for n in range(3):
        d.publish("/queue/q", (), str(n).encode())
    assert d.depth("/queue/q") == 3
    d.settle(s, d.unacked_through(s, "a2"), accept=False)  # cumulative NACK of 0 and 1
    assert c.got[3:] == [("s", b"0", 1), ("s", b"1", 1)]
    d.settle(s, list(s.unacked), accept=True)
    assert d.depth("/queue/q") == 0
    (row,) = d.snapshot()
    assert row == DestinationInfo("/queue/q", "queue", 0, 1, 3, 3)


def test_unsubscribe_gives_unacked_messages_to_the_next_consumer() -> None:
    d = Destinations()
    a, b = FakeConsumer(), FakeConsumer()
    sa = sub(a, "/queue/q", AckMode.CLIENT_INDIVIDUAL, "a")
    d.subscribe(sa)
    d.publish("/queue/q", (), b"x")
    d.subscribe(sub(b, "/queue/q", sub_id="b"))
    d.unsubscribe(sa)
    assert b.got == [("b", b"x", 1)]
    assert d.depth("/queue/q") == 0


def test_topic_fans_out_and_keeps_nothing() -> None:
    d = Destinations()
    a, b, late = FakeConsumer(), FakeConsumer(), FakeConsumer()
    d.subscribe(sub(a, "/topic/t"))
    d.subscribe(sub(b, "/topic/t"))
    d.publish("/topic/t", (("x", "1"),), b"hi")
    d.subscribe(sub(late, "/topic/t"))
    assert a.got == b.got == [("s", b"hi", 0)] and late.got == []
    (row,) = d.snapshot()
    assert row == DestinationInfo("/topic/t", "topic", 0, 3, 1, 2)


@pytest.mark.parametrize(
    ("pattern", "name", "matches"),
    [
        ("notifications/>", "notifications/user.1001", True),
        ("notifications/>", "notifications", False),
        ("notifications/*", "notifications/user.1001", False),
        ("notifications/user.*", "notifications/user.1001", True),
        ("alerts.*", "alerts.info", True),
        ("alerts.*", "alerts.info.x", False),
        ("#", "anything/at.all", True),
        ("a*", "a*", True),  # not a whole segment: literal
    ],
)
def test_wildcards(pattern: str, name: str, matches: bool) -> None:
    assert bool(compile_wildcard(pattern).fullmatch(name)) is matches


def test_wildcard_detection_and_rules() -> None:
    assert is_wildcard("/topic/a/>") and is_wildcard("/topic/*.b")
    assert not is_wildcard("/topic/a*b")
    with pytest.raises(InvalidDestination, match="must be the last segment"):
        compile_wildcard("a/>/b")
    d = Destinations()
    with pytest.raises(InvalidDestination, match="wildcards work on topics only"):
        d.subscribe(sub(FakeConsumer(), "/queue/*"))


def test_discovery_topic_is_not_matched_by_wildcards_nor_listed() -> None:
    d = Destinations()
    c = FakeConsumer()
    d.subscribe(sub(c, "/topic/>"))
    d.publish("/topic/sandbox.destinations", (), b"{}")
    d.publish("/topic/x", (), b"x")
    assert [g[1] for g in c.got] == [b"x"]
    assert [r.destination for r in d.snapshot()] == ["/topic/x"]


def test_caps() -> None:
    d = Destinations(Caps(queue_messages=1, destinations=2))
    d.publish("/queue/a", (), b"1")
    with pytest.raises(CapacityExceeded, match=r"queue /queue/a is full \(1 messages, cap 1\)"):
        d.publish("/queue/a", (), b"2")
    d.publish("/topic/b", (), b"")
    with pytest.raises(CapacityExceeded, match="already holds 2 destinations"):
        d.publish("/queue/c", (), b"")


def test_control_characters_in_names_are_refused() -> None:
    with pytest.raises(InvalidDestination, match="control characters"):
        Destinations().publish("/queue/a\tb", (), b"")


def test_browse_and_purge() -> None:
    d = Destinations()
    c = FakeConsumer()
    s = sub(c, "/queue/q", AckMode.CLIENT)
    d.publish("/queue/q", (), b"1")
    d.subscribe(s)  # takes "1", unacked
    c.busy = True
    d.publish("/queue/q", (), b"2")
    assert [m.body for m in d.browse("/queue/q")] == [b"1", b"2"]
    assert d.purge("/queue/q") == 1  # only the waiting one
    assert d.depth("/queue/q") == 1
    assert d.total_bytes == 1
    d.settle(s, list(s.unacked), accept=True)
    assert d.total_bytes == 0


def test_change_callback() -> None:
    calls: list[int] = []
    d = Destinations(on_change=lambda: calls.append(1))
    d.publish("/queue/a", (), b"")
    assert calls


def test_unacked_limit_works_like_a_prefetch() -> None:
    d = Destinations(Caps(unacked_per_subscription=2))
    slow, other = FakeConsumer(), FakeConsumer()
    s = sub(slow, "/queue/q", AckMode.CLIENT_INDIVIDUAL, "slow")
    d.subscribe(s)
    t = sub(slow, "/topic/t", AckMode.CLIENT, "t")
    d.subscribe(t)
    for n in range(4):
        d.publish("/queue/q", (), str(n).encode())
    assert [g[1] for g in slow.got] == [b"0", b"1"]
    assert d.depth("/queue/q") == 4  # two unacked, two waiting
    d.settle(s, ["a1"], accept=True)
    assert [g[1] for g in slow.got] == [b"0", b"1", b"2"]
    d.subscribe(sub(other, "/queue/q", sub_id="other"))
    assert [g[1] for g in other.got] == [b"3"]
    d.publish("/topic/t", (), b"t1")
    d.publish("/topic/t", (), b"t2")
    d.publish("/topic/t", (), b"t3")
    assert [g[1] for g in slow.got if g[0] == "t"] == [b"t1", b"t2"]
