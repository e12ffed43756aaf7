"""The heart-beat timeline: offered vs negotiated, gaps per direction, late and missed beats
by the one liveness rule, and the Spring `0,0` warning."""

from __future__ import annotations

from explorer.client import Direction, Layer, WireRecord
from explorer.session.heartbeats import HeartbeatTimeline, HeartbeatWarning
from explorer.stomp import Frame
from explorer.stomp.heartbeat import silence_allowed

IN, OUT = Direction.IN, Direction.OUT


def _frame(at: float, direction: Direction, command: str, **headers: str) -> WireRecord:
    pairs = tuple((k.replace("_", "-"), v) for k, v in headers.items())
    frame = Frame(command, pairs)
    return WireRecord(at, direction, command.encode(), frame)


def _beat(at: float, direction: Direction) -> WireRecord:
    return WireRecord(at, direction, b"\n")


def _connected(timeline: HeartbeatTimeline, offered: str, answered: str | None) -> None:
    server = {"heart_beat": answered} if answered is not None else {}
    timeline.feed(
        [
            _frame(0.0, OUT, "CONNECT", heart_beat=offered),
            _frame(0.1, IN, "CONNECTED", version="1.2", **server),
        ]
    )


def test_offered_answered_and_negotiated() -> None:
    timeline = HeartbeatTimeline()
    _connected(timeline, "1000,2000", "500,500")
    negotiation = timeline.negotiation
    assert negotiation is not None
    assert (negotiation.offered, negotiation.answered) == ((1000, 2000), (500, 500))
    assert negotiation.negotiated == (1000, 2000)
    assert negotiation.warnings == ()
    assert timeline.interval(outbound=True) == 1000
    assert timeline.allowed(outbound=False) == silence_allowed(2000)


def test_gaps_late_beats_and_frames_count_as_life() -> None:
    timeline = HeartbeatTimeline()
    _connected(timeline, "1000,1000", "1000,1000")
    allowed = silence_allowed(1000)  # 2.3 s
    timeline.feed(
        [
            _beat(1.1, IN),
            _frame(2.0, IN, "MESSAGE", destination="/queue/a"),  # a frame resets the timer
            _beat(3.0, IN),
            _beat(3.0 + allowed + 0.5, IN),  # too long a silence: late
            _beat(0.6, OUT),
            _beat(1.1, OUT),
        ]
    )
    incoming = [b for b in timeline.beats if not b.outbound]
    assert [round(b.gap or 0, 2) for b in incoming[1:]] == [1.0, 0.9, 1.0, round(allowed + 0.5, 2)]
    assert [b.late for b in incoming] == [False, False, False, False, True]
    assert [b.heartbeat for b in incoming] == [False, True, False, True, True]
    assert timeline.late == {False: 1, True: 0}
    assert [round(g, 2) for g in timeline.gaps(outbound=False)] == [
        1.0,
        1.0,
        round(allowed + 0.5, 2),
    ]


def test_missed_deadlines_by_the_liveness_rule() -> None:
    timeline = HeartbeatTimeline()
    _connected(timeline, "0,1000", "1000,0")
    timeline.feed([_beat(1.0, IN)])
    allowed = silence_allowed(1000)
    assert timeline.missed(1.0 + allowed - 0.01) == []
    (missed,) = timeline.missed(1.0 + allowed + 1.0)
    assert (missed.outbound, missed.deadline) == (False, 1.0 + allowed)
    assert round(missed.silent_for, 2) == round(allowed + 1.0, 2)
    # nothing agreed outbound: no deadline there
    assert all(not m.outbound for m in timeline.missed(100.0))


def test_a_reconnect_starts_the_gaps_afresh() -> None:
    timeline = HeartbeatTimeline()
    _connected(timeline, "1000,1000", "1000,1000")
    timeline.feed([_beat(1.0, IN)])
    timeline.feed(
        [
            _frame(60.0, OUT, "CONNECT", heart_beat="1000,1000"),
            _frame(60.1, IN, "CONNECTED", heart_beat="1000,1000"),
            _beat(61.0, IN),
        ]
    )
    last = timeline.beats[-1]
    assert not last.late and round(last.gap or 0, 2) == 0.9
    assert timeline.late == {False: 0, True: 0}


def test_spring_simple_broker_without_a_task_scheduler_is_warned_about() -> None:
    timeline = HeartbeatTimeline()
    _connected(timeline, "10000,10000", "0,0")
    assert timeline.negotiation is not None
    assert timeline.negotiation.negotiated == (0, 0)
    (warning,) = timeline.negotiation.warnings
    assert warning is HeartbeatWarning.SERVER_OFF
    assert "TaskScheduler" in warning.sentence and "spring-framework#29153" in warning.sentence
    assert timeline.missed(1000.0) == []


def test_other_warnings_and_none_when_nothing_was_asked() -> None:
    no_header = HeartbeatTimeline()
    _connected(no_header, "1000,1000", None)
    assert no_header.negotiation is not None
    assert no_header.negotiation.warnings == (HeartbeatWarning.NO_HEADER,)
    one_way = HeartbeatTimeline()
    _connected(one_way, "1000,1000", "0,1000")
    assert one_way.negotiation is not None
    assert one_way.negotiation.warnings == (HeartbeatWarning.INCOMING_OFF,)
    quiet = HeartbeatTimeline()
    _connected(quiet, "0,0", "0,0")
    assert quiet.negotiation is not None and quiet.negotiation.warnings == ()


def test_sockjs_records_are_not_stomp_heart_beats() -> None:
    timeline = HeartbeatTimeline()
    _connected(timeline, "1000,1000", "1000,1000")
    timeline.feed([WireRecord(1.0, IN, b"h", layer=Layer.SOCKJS)])
    assert len(timeline.beats) == 2  # CONNECT and CONNECTED only


def test_a_flood_of_frames_does_not_push_the_heart_beats_out() -> None:
    timeline = HeartbeatTimeline(capacity=50)
    _connected(timeline, "1000,1000", "1000,1000")
    timeline.feed([_beat(1.0, IN)])
    flood = [_frame(1.0 + n / 10_000, IN, "MESSAGE", destination="/q") for n in range(1, 5000)]
    timeline.feed(flood)  # half a second of 10,000 messages/s
    timeline.feed([_beat(2.0, IN)])
    incoming = [b for b in timeline.beats if not b.outbound]
    assert [b.heartbeat for b in incoming].count(True) == 2
    assert len(incoming) <= 10  # one frame mark per 0.1 s
    assert round(incoming[-1].gap or 0, 3) == round(2.0 - flood[-1].timestamp, 3)
