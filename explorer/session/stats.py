"""Counters and rates of one session, and whether the broker still shows signs of life.

Times come from the session's clock (monotonic seconds), so tests drive them by hand.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from explorer.stomp import is_late

# Messages per second are averaged over this many whole seconds (the current one excluded).
RATE_WINDOW = 5


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
        heart-beats are expected (or not connected). Healthy follows the one liveness rule
        of `explorer.stomp.heartbeat` (the client's and the sandbox's too)."""
        since = now - self.last_in if self.last_in else 0.0
        if not connected or not expect_ms:
            return None, since
        return not is_late(now, self.last_in, expect_ms), since
