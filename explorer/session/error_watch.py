"""What became of the connection after an ERROR: closed right after it (then the ERROR, not
"connection lost", is the reason to show), or left open (said once: the STOMP spec has the
broker close it, and a client that waits for the close never reconnects, as with Spring
before spring-framework#23039 was fixed, or ActiveMQ's recoverable errors)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Final

from explorer.session.notices import ErrorLeftOpen, Notice
from explorer.session.ports import Clock, Sleep

__all__ = ["CLOSE_AFTER_ERROR", "ErrorWatch"]

# A broker that closes after its ERROR does so at once (RabbitMQ: milliseconds, the sandbox:
# after a 1 s linger at most); still open after this long means it will not.
CLOSE_AFTER_ERROR: Final = 2.0


class ErrorWatch:
    """Fed by the session with ERRORs and connection changes (one generation per connection)."""

    def __init__(
        self,
        notify: Callable[[Notice], None],
        clock: Clock,
        sleep: Sleep,
        spawn: Callable[[Coroutine[Any, Any, None]], None],
        grace: float = CLOSE_AFTER_ERROR,
    ) -> None:
        self._notify = notify
        self._clock = clock
        self._sleep = sleep
        self._spawn = spawn
        self._grace = grace
        self._generation = 0
        self._last: tuple[tuple[str, str], float] | None = None  # (words, monotonic time)

    def error(self, words: tuple[str, str]) -> None:
        self._last = (words, self._clock.monotonic())
        self._spawn(self._check(self._generation, words[0]))

    def connection_changed(self) -> None:
        """Connected again, lost, or closed: the previous connection's ERROR is settled."""
        self._generation += 1

    def lost(self) -> tuple[str, str] | None:
        """The connection just ended: the ERROR's words when it came right before."""
        self.connection_changed()
        last, self._last = self._last, None
        if last is None:
            return None
        words, at = last
        return words if self._clock.monotonic() - at <= self._grace else None

    async def _check(self, generation: int, message: str) -> None:
        await self._sleep(self._grace)
        if generation == self._generation:
            self._notify(ErrorLeftOpen(message, self._grace))
