"""Reconnect delays that keep growing while connections keep dropping right after they
come up.

The client's back-off starts over at every loss. A broker that accepts the connection and
then closes it at once (RabbitMQ after an ERROR, a proxy that resets) made that a loop at a
constant rate: connect, fail, wait the initial delay, again. Here a connection counts as
stable only after `stable_after` seconds up; each loss before that doubles where the next
series of delays starts, up to the maximum.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from explorer.client import ReconnectPolicy
from explorer.session.ports import Clock

STABLE_AFTER = 10.0  # seconds up before a connection counts as stable


class FlapBackoff:
    """Hand `delays` to `ReconnectPolicy(delays=...)`; call `connected()` on CONNECTED."""

    def __init__(
        self,
        clock: Clock,
        *,
        initial_delay: float = 0.5,
        max_delay: float = 30.0,
        factor: float = 2.0,
        jitter: float = 0.2,
        stable_after: float = STABLE_AFTER,
        rng: random.Random | None = None,
    ) -> None:
        self._clock = clock
        self.initial_delay = initial_delay
        self.max_delay = max_delay
        self.factor = factor
        self.jitter = jitter
        self.stable_after = stable_after
        self._rng = rng or random.Random()
        self._connected_at: float | None = None
        self._lost_at: float | None = None
        self.flaps = 0  # losses in a row, each soon after connecting

    def connected(self) -> None:
        self._connected_at = self._clock.monotonic()

    def delays(self) -> Iterator[float]:
        """One series per loss (the client asks at each); starts later after each flap.

        How long the connection was up is known from `connected()`; when the loss comes
        before the session saw CONNECTED, the time since the previous loss bounds it."""
        now = self._clock.monotonic()
        since_loss = now - self._lost_at if self._lost_at is not None else float("inf")
        connected_at = self._connected_at
        if connected_at is not None and (self._lost_at is None or connected_at >= self._lost_at):
            up_for = now - connected_at
        else:
            up_for = since_loss
        self.flaps = self.flaps + 1 if up_for < self.stable_after else 0
        self._lost_at = now
        return self._series(self.flaps)

    def _series(self, flaps: int) -> Iterator[float]:
        delay = min(self.max_delay, self.initial_delay * self.factor**flaps)
        while True:
            spread = delay * self.jitter
            yield min(self.max_delay, max(0.0, delay + self._rng.uniform(-spread, spread)))
            delay = min(self.max_delay, delay * self.factor)


def with_flap_backoff(
    client_options: Mapping[str, Any], clock: Clock
) -> tuple[dict[str, Any], FlapBackoff | None]:
    """The client's options with its reconnect policy's delays from a new FlapBackoff
    (returned too, to be told about each CONNECTED); unchanged without a policy."""
    options = dict(client_options)
    policy = options.get("reconnect")
    if not isinstance(policy, ReconnectPolicy) or policy.delays is not None:
        return options, None
    backoff = FlapBackoff(
        clock,
        initial_delay=policy.initial_delay,
        max_delay=policy.max_delay,
        factor=policy.factor,
        jitter=policy.jitter,
    )
    options["reconnect"] = replace(policy, delays=backoff.delays)
    return options, backoff
