"""Counters and rates of one session, and whether the broker still shows signs of life.

Times come from the session's clock (monotonic seconds), so tests drive them by hand.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

# Messages per second are averaged over this many whole seconds (the current one excluded).
RATE_WINDOW = 5

# The broker is overdue after this many of its heart-beat intervals without a byte.
# ActiveMQ's own keep-alive gaps reach 2.0x the interval on a busy machine; 1.5x (the old
# status-bar rule) turned the heart red while the client (2x plus slack) still trusted it.
LIVENESS_FACTOR = 2.0
LIVENESS_SLACK = 0.3  # seconds: scheduling noise on small intervals


def overdue_after(expect_ms: int) -> float:
    """Seconds of silence after which a peer expected every `expect_ms` counts as dead."""
    interval = expect_ms / 1000
    return LIVENESS_FACTOR * interval + max(0.1 * interval, LIVENESS_SLACK)


@dataclass
class Counters:
    """What the status bar and scenario reports show."""

    received: int = 0  # MESSAGE frames in
    sent: int = 0  # SEND frames out
    errors: int = 0  # ERROR frames in
    refused: int = 0  # SENDs refused (receipt or refusal window)
    # (whole second, messages received in it) for the last few seconds: O(1) per batch.
    _arrivals: deque[list[int]] = field(default_factory=deque, repr=False)
    last_in: float = 0.0  # monotonic time of the last byte from the broker (0: none yet)

    def count_received(self, count: int, now: float) -> None:
        if not count:
            return
        self.received += count
        second = int(now)
        arrivals = self._arrivals
        if arrivals and arrivals[-1][0] == second:
            arrivals[-1][1] += count
        else:
            arrivals.append([second, count])

    def prune(self, now: float) -> None:
        """Forget seconds that no longer count (call about once a second)."""
        cutoff = int(now) - RATE_WINDOW
        while self._arrivals and self._arrivals[0][0] < cutoff:
            self._arrivals.popleft()

    def rate(self, now: float) -> float:
        """Messages received per second over the last RATE_WINDOW whole seconds."""
        second = int(now)
        recent = sum(n for s, n in self._arrivals if second - RATE_WINDOW <= s < second)
        return recent / RATE_WINDOW

    def heartbeat_health(
        self, now: float, expect_ms: int, connected: bool
    ) -> tuple[bool | None, float]:
        """(healthy?, seconds since the broker last sent anything); None when no
        heart-beats are expected (or not connected)."""
        since = now - self.last_in if self.last_in else 0.0
        if not connected or not expect_ms:
            return None, since
        return since <= overdue_after(expect_ms), since
