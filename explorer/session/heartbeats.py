"""Heart-beats on a timeline, without a GUI: what was offered and agreed, every beat in and
out with the gap before it, late arrivals and missed deadlines, and the warnings a person
debugging a Spring endpoint needs (a server that answers `0,0`).

Fed with the client's wire records (the same ones the traffic inspector shows). Any frame
counts as a sign of life as much as a heart-beat does (the spec's rule), so gaps are measured
between consecutive records of one direction. "Late" and "missed" use the one liveness rule,
`explorer.stomp.heartbeat.silence_allowed` / `is_late`: a record is late when the silence
before it was longer than the rule allows for that direction's interval; a deadline is missed
when that much silence has passed and nothing came yet.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, NamedTuple

from explorer.client import Direction, Layer, WireRecord
from explorer.stomp import Command, FrameError, negotiate_heartbeat
from explorer.stomp.heartbeat import is_late, parse_heart_beat, silence_allowed

__all__ = ["Beat", "HeartbeatTimeline", "HeartbeatWarning", "Missed", "Negotiation"]

_HANDSHAKE: Final = frozenset({Command.CONNECT, Command.STOMP, Command.CONNECTED})

CAPACITY: Final = 2000  # beats kept for the timeline (the newest)
# Frames closer than this to the previous kept frame of their direction only move its
# "last seen" time: a flood of messages must not push the heart-beats out of the timeline.
FRAME_MERGE: Final = 0.1


class HeartbeatWarning(StrEnum):
    """What is worth a warning in a heart-beat negotiation."""

    SERVER_OFF = "server-off"  # we asked for beats, the server answered 0,0
    NO_HEADER = "no-header"  # CONNECTED carried no heart-beat header (STOMP 1.0, or ignored)
    INCOMING_OFF = "incoming-off"  # we expect beats, the server sends none (x,0 answer)

    @property
    def sentence(self) -> str:
        return _SENTENCES[self]


_SENTENCES: Final = {
    HeartbeatWarning.SERVER_OFF: (
        "The server answered heart-beat:0,0, as Spring's simple broker does without a "
        "TaskScheduler (spring-framework#29153): neither side sends heart-beats, so a dead "
        "connection goes unnoticed until a write fails; give the broker a TaskScheduler "
        "(enableSimpleBroker(...).setTaskScheduler(...)) and a heart-beat value."
    ),
    HeartbeatWarning.NO_HEADER: (
        "The server's CONNECTED carried no heart-beat header (STOMP 1.0, or a server that "
        "ignores heart-beats): no heart-beats are used on this connection."
    ),
    HeartbeatWarning.INCOMING_OFF: (
        "The server sends no heart-beats although we asked for them: its silence cannot tell "
        "a dead connection from an idle one."
    ),
}


@dataclass(frozen=True, slots=True)
class Negotiation:
    """Our CONNECT offer, the server's CONNECTED answer, and what follows: (send every,
    expect every) in ms, 0 meaning off."""

    offered: tuple[int, int]
    answered: tuple[int, int] | None  # None: no heart-beat header in CONNECTED
    negotiated: tuple[int, int]

    @property
    def warnings(self) -> tuple[HeartbeatWarning, ...]:
        if self.answered is None:
            return (HeartbeatWarning.NO_HEADER,) if any(self.offered) else ()
        if any(self.offered) and self.answered == (0, 0):
            return (HeartbeatWarning.SERVER_OFF,)
        if self.offered[1] and not self.answered[0]:
            return (HeartbeatWarning.INCOMING_OFF,)
        return ()


class Beat(NamedTuple):
    """One record on the timeline. `heartbeat` False: a frame (it counts as life too).
    `gap`: seconds since the previous record in the same direction on this connection.
    `late`: that gap broke the liveness rule for this direction's interval. A tuple of plain
    values, so the garbage collector does not track the thousands a busy connection keeps."""

    at: float  # the wire tap's monotonic timestamp
    outbound: bool
    heartbeat: bool
    gap: float | None
    late: bool
    command: str = ""


@dataclass(frozen=True, slots=True)
class Missed:
    """A deadline that passed with nothing received (in) or sent (out) yet."""

    outbound: bool
    deadline: float
    silent_for: float


class HeartbeatTimeline:
    """The timeline of one connection's beats (and of its reconnects: each CONNECT starts
    the gaps afresh)."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.beats: deque[Beat] = deque(maxlen=capacity)
        self.negotiation: Negotiation | None = None
        self._offered: tuple[int, int] = (0, 0)
        self._last: dict[bool, float | None] = {True: None, False: None}
        self._last_frame: dict[bool, float | None] = {True: None, False: None}
        self.late = {True: 0, False: 0}  # outbound -> late records counted
        self.changes = 0  # bumped on every record (a view repaints when it moved)

    def feed(self, records: Iterable[WireRecord]) -> None:
        for record in records:
            if record.layer is not Layer.STOMP:
                continue  # SockJS's own `h` and frames are not STOMP's heart-beats
            self._take(record)

    def _take(self, record: WireRecord) -> None:
        outbound = record.direction is Direction.OUT
        frame = record.frame
        command = str(frame.command) if frame is not None else ""
        if outbound and command in (Command.CONNECT, Command.STOMP):
            assert frame is not None
            self._offered = _parse(frame.header("heart-beat")) or (0, 0)
            self.negotiation = None
            self._last = {True: None, False: None}
        elif not outbound and command == Command.CONNECTED:
            assert frame is not None
            answered = _parse(frame.header("heart-beat"))
            self.negotiation = Negotiation(
                self._offered,
                answered,
                negotiate_heartbeat(self._offered, answered or (0, 0)),
            )
        interval = self.interval(outbound)
        previous = self._last[outbound]
        gap = None if previous is None else record.timestamp - previous
        late = (
            previous is not None
            and interval > 0
            and is_late(record.timestamp, previous, interval)
            and command not in _HANDSHAKE
        )
        self._last[outbound] = record.timestamp
        heartbeat = record.is_heartbeat
        if late:
            self.late[outbound] += 1
        elif not heartbeat and command not in _HANDSHAKE and self._merges(outbound, record):
            return
        self.beats.append(Beat(record.timestamp, outbound, heartbeat, gap, late, command))
        if not heartbeat:
            self._last_frame[outbound] = record.timestamp
        self.changes += 1

    def _merges(self, outbound: bool, record: WireRecord) -> bool:
        last_frame = self._last_frame[outbound]
        return last_frame is not None and record.timestamp - last_frame < FRAME_MERGE

    def interval(self, outbound: bool) -> int:
        """The agreed interval in ms for a direction (0: none agreed, or off)."""
        if self.negotiation is None:
            return 0
        send, expect = self.negotiation.negotiated
        return send if outbound else expect

    def allowed(self, outbound: bool) -> float | None:
        """Seconds of silence the liveness rule allows in a direction; None when off."""
        interval = self.interval(outbound)
        return silence_allowed(interval) if interval > 0 else None

    def missed(self, now: float) -> list[Missed]:
        """The directions whose deadline passed with nothing since (at `now`, monotonic)."""
        found: list[Missed] = []
        for outbound in (False, True):
            last, interval = self._last[outbound], self.interval(outbound)
            if last is None or interval <= 0 or not is_late(now, last, interval):
                continue
            found.append(Missed(outbound, last + silence_allowed(interval), now - last))
        return found

    def gaps(self, outbound: bool, heartbeats_only: bool = True) -> list[float]:
        """The gaps before the kept records of one direction (heart-beats only by default)."""
        return [
            b.gap
            for b in self.beats
            if b.outbound is outbound and b.gap is not None and (b.heartbeat or not heartbeats_only)
        ]

    def clear(self) -> None:
        self.beats.clear()
        self.late = {True: 0, False: 0}
        self.changes += 1


def _parse(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        return parse_heart_beat(value)
    except FrameError:
        return None
