"""How the client's events reach a session: in slices the event loop can afford, and under a
firehose with the oldest messages skipped and counted, never silently.

A session reads one ordered event stream (`Client.events()`); its log and its destination
tree both come from it (the wire tap feeds only the traffic inspector, recordings and the
liveness check). Each turn, the intake moves what the stream holds into its backlog and
hands the session one slice, sized so that handling it takes about `slice_seconds` of CPU
(the cost per event is measured as it goes, in this thread's CPU time: time the process
spends descheduled on a busy machine must not shrink the slices), then yields: the reader,
the models' publish timers and painting get their turn between slices, so a burst never
freezes the window.

When messages arrive faster than the session handles them, something has to give. Letting
the backlog grow costs memory without bound; letting the stream's bound stop the reader
(back-pressure) makes the broker hold what we do not read: ActiveMQ then slows the topic's
producers or spools to disk, and the window shows messages that are minutes old. A window
watching live traffic prefers fresh messages and must not slow a busy topic down, so beyond
`max_backlog` the oldest messages that need no answer are skipped: counted in `skipped`
(and still counted on their destination) but not logged. Messages of client-ack
subscriptions are never skipped: each waits for the user's ACK or NACK. When they alone fill
the backlog, the intake stops taking from the stream, whose bound then stops the reader.
State events (connected, lost, receipts, errors) are never skipped.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import Final

from explorer.client import ClientError, Event, Message, MessageReceived
from explorer.session.ports import StompEvents

__all__ = ["MAX_BACKLOG", "SLICE_SECONDS", "Intake"]

MAX_BACKLOG: Final = 4_000
"""Events waiting to be handled before the oldest skippable messages are skipped: a tenth of
a second of a 40,000 msg/s flood, so what the window shows is never older than that (and a
burst's frames wait too briefly to reach the garbage collector's older generations)."""

SLICE_SECONDS: Final = 0.008
"""Work per slice: the event loop answers (timers, painting, input) between slices. While
messages are being skipped, slices take half as long: reading the socket comes first (a
reader that falls behind makes the broker hold and spool what it cannot deliver), and the
newest messages are shown with what is left."""

_MIN_SLICE: Final = 128
_MAX_SLICE: Final = 4096
_FIRST_COST: Final = 20e-6  # seconds per event assumed before the first measurement


class Intake:
    """The session's side of its event stream: a backlog handed out in timed slices.

    `handle(events)` is the session's handler for one slice (messages and state events in
    stream order); `skip(messages)` counts messages skipped under a firehose (never logged);
    `must_answer(message)` is True for a message that may not be skipped (client ack).
    """

    def __init__(
        self,
        handle: Callable[[list[Event]], None],
        skip: Callable[[list[Message]], None],
        must_answer: Callable[[Message], bool],
        *,
        max_backlog: int = MAX_BACKLOG,
        slice_seconds: float = SLICE_SECONDS,
        timer: Callable[[], float] = time.thread_time,
    ) -> None:
        if max_backlog < 1:
            raise ValueError(f"max_backlog must be at least 1, not {max_backlog}")
        self._handle = handle
        self._skip = skip
        self._must_answer = must_answer
        self.max_backlog = max_backlog
        self.slice_seconds = slice_seconds
        self._timer = timer
        self._backlog: deque[Event] = deque()
        self._cost = _FIRST_COST
        self._overloaded = False  # the last take had to skip
        self.skipped = 0
        """Messages skipped so far (counted, never logged)."""

    @property
    def backlog(self) -> int:
        """Events taken from the stream and not handled yet."""
        return len(self._backlog)

    async def run(self, events: StompEvents) -> None:
        """Hand `events` to the session until the stream ends (or fails)."""
        backlog = self._backlog
        while True:
            if not backlog:
                try:
                    batch = await events.get_batch()
                except (StopAsyncIteration, ClientError):
                    return
                self.take(batch)
            elif len(backlog) < self.max_backlog:
                self.take(events.take_all())
            self.handle_slice()
            if backlog:
                await asyncio.sleep(0)  # the reader, timers and painting, then the next slice

    def take(self, events: list[Event]) -> None:
        """Add events from the stream; over `max_backlog`, skip the oldest skippable ones."""
        backlog = self._backlog
        backlog.extend(events)
        excess = len(backlog) - self.max_backlog
        self._overloaded = excess > 0
        if excess > 0:
            self._skip_oldest(excess)

    def handle_slice(self) -> int:
        """Hand the session the next slice; returns how many events it held."""
        backlog = self._backlog
        budget = self.slice_seconds / 2 if self._overloaded else self.slice_seconds
        size = max(_MIN_SLICE, min(_MAX_SLICE, int(budget / self._cost)))
        if size >= len(backlog):
            batch = list(backlog)
            backlog.clear()
        else:
            batch = [backlog.popleft() for _ in range(size)]
        if not batch:
            return 0
        started = self._timer()
        self._handle(batch)
        spent = self._timer() - started
        # A running average, so one slow slice (a collection, another process) does not
        # shrink the next slices for long.
        self._cost = 0.7 * self._cost + 0.3 * max(spent / len(batch), 1e-7)
        return len(batch)

    def _skip_oldest(self, excess: int) -> None:
        backlog = self._backlog
        kept: list[Event] = []  # events older than the skipped ones that must stay
        skipped: list[Message] = []
        must_answer = self._must_answer
        while excess > 0 and backlog:
            event = backlog.popleft()
            if event.__class__ is MessageReceived:
                message = event.message
                if message.matched:
                    excess -= 1  # another part's subscription (discovery): not ours to log
                    continue
                if not must_answer(message):
                    skipped.append(message)
                    excess -= 1
                    continue
            kept.append(event)
        backlog.extendleft(reversed(kept))
        if skipped:
            self.skipped += len(skipped)
            self._skip(skipped)
