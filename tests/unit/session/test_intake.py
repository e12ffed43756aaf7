"""The session's intake: its event stream in slices, and under a firehose the oldest messages
skipped and counted (every message is logged or counted as skipped, never lost silently)."""

from __future__ import annotations

import pytest

from explorer.client import Event, Message, MessageReceived, ReceiptReceived
from explorer.session import ConnectionSession, MessageCounted
from explorer.session.intake import Intake
from explorer.stomp import Frame
from tests.unit.session.fakes import Factory, FakeClock, Recorder, settle, target


def message(n: int, *, ack: bool = False, subscription: str = "s-1") -> MessageReceived:
    headers = [("destination", f"/topic/t{n % 3}"), ("subscription", subscription)]
    if ack:
        headers.append(("ack", f"a-{n}"))
    frame = Frame("MESSAGE", (*headers, ("message-id", f"m-{n}")), f"{n}".encode())
    return MessageReceived(Message.from_frame(frame, set()))


def number(event: Event) -> int:
    assert isinstance(event, MessageReceived)
    return int(event.message.body)


class Handler:
    def __init__(self) -> None:
        self.slices: list[list[Event]] = []
        self.skipped: list[Message] = []

    def handle(self, events: list[Event]) -> None:
        self.slices.append(events)

    def skip(self, messages: list[Message]) -> None:
        self.skipped.extend(messages)

    @property
    def handled(self) -> list[Event]:
        return [event for events in self.slices for event in events]


def intake(handler: Handler, max_backlog: int) -> Intake:
    return Intake(
        handler.handle,
        handler.skip,
        lambda m: m.ack_id is not None,
        max_backlog=max_backlog,
    )


def test_beyond_the_backlog_the_oldest_messages_are_skipped_and_counted() -> None:
    handler = Handler()
    feed = intake(handler, max_backlog=10)
    feed.take([message(n) for n in range(25)])
    assert feed.skipped == 15
    assert [int(m.body) for m in handler.skipped] == list(range(15))
    while feed.handle_slice():
        pass
    assert [number(e) for e in handler.handled] == list(range(15, 25))
    assert feed.backlog == 0


def test_messages_waiting_for_an_ack_and_state_events_are_never_skipped() -> None:
    handler = Handler()
    feed = intake(handler, max_backlog=4)
    receipt = ReceiptReceived("r-1", Frame("RECEIPT", (("receipt-id", "r-1"),)))
    events: list[Event] = [
        message(0, ack=True),
        message(1),
        receipt,
        message(2, ack=True),
        message(3),
        message(4),
        message(5),
        message(6),
    ]
    feed.take(events)
    assert [int(m.body) for m in handler.skipped] == [1, 3, 4, 5]
    while feed.handle_slice():
        pass
    assert handler.handled == [events[0], receipt, events[3], events[7]]


def test_messages_of_other_parts_subscriptions_are_not_counted_as_skipped() -> None:
    handler = Handler()
    feed = intake(handler, max_backlog=2)
    discovery = MessageReceived(
        Message.from_frame(Frame("MESSAGE", (("subscription", "d"),), b"x"), {"d"})
    )
    feed.take([discovery, message(1), message(2)])
    assert feed.skipped == 0 and not handler.skipped
    while feed.handle_slice():
        pass
    assert [number(e) for e in handler.handled] == [1, 2]


def test_slices_follow_the_measured_cost_of_an_event() -> None:
    handler = Handler()
    clock = [0.0]

    def timer() -> float:
        return clock[0]

    def costly(events: list[Event]) -> None:
        handler.handle(events)
        clock[0] += 0.0005 * len(events)  # half a millisecond per event

    feed = Intake(
        costly, handler.skip, lambda m: False, max_backlog=100_000, slice_seconds=0.256, timer=timer
    )
    feed.take([message(n) for n in range(20_000)])
    for _ in range(20):
        feed.handle_slice()
    # The running estimate converges on 0.5 ms per event: slices of 512 events.
    assert len(handler.slices[0]) == 4096  # the most at once (the first guess: 20 us each)
    assert len(handler.slices[-1]) == 512
    assert [number(e) for e in handler.handled] == list(range(len(handler.handled)))
    # Skipping: the socket comes first, slices take half as long.
    feed.take([message(n) for n in range(20_000, 120_000)])
    assert feed.skipped > 0
    feed.handle_slice()
    assert len(handler.slices[-1]) == 256


def test_the_backlog_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_backlog"):
        intake(Handler(), max_backlog=0)


@pytest.mark.asyncio
async def test_a_flooded_session_logs_or_counts_every_message() -> None:
    factory, sink = Factory(), Recorder()
    session = ConnectionSession(target(), sink, client_factory=factory, clock=FakeClock())
    session._intake.max_backlog = 300
    await session.connect()
    sub = await session.subscribe("/topic/t", confirm=True)
    await settle()
    client = factory.client
    total = 1000
    for n in range(total):  # all at once, before the session gets a turn
        headers = (("destination", f"/topic/t{n % 3}"), ("subscription", sub.id))
        client.deliver(Frame("MESSAGE", (*headers, ("message-id", f"m-{n}")), b"x"))
    client.deliver(Frame("MESSAGE", (("destination", "/q/a"), ("subscription", sub.id))))
    for _ in range(100):
        await settle()
    assert session.skipped == total - 300 + 1
    assert len(sink.entries) + session.skipped == total + 1
    # The newest are logged, in order; the skipped ones still count on their destination.
    assert sink.entries[-1].destination == "/q/a"
    assert session.counters.received == total + 1
    counted = [c for c in sink.changes if isinstance(c, MessageCounted)]
    assert len(counted) == total + 1
    assert {c.destination for c in counted} == {"/topic/t0", "/topic/t1", "/topic/t2", "/q/a"}
    await session.shutdown()
