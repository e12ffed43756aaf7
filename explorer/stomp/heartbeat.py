"""Heart-beat header arithmetic and the one liveness rule (STOMP 1.1/1.2 "Heart-beating").

No clocks here: every function takes the times it needs, in seconds of whatever monotonic
clock the caller uses (the asyncio loop's, `time.monotonic()`).

The liveness rule, used by the client, the sandbox and the window's status bar alike: the
peer is late once it has been silent for `grace` x its interval plus a slack of
max(10 % of the interval, 0.3 s) (`silence_allowed`). The grace is 2.0 because ActiveMQ's
own keep-alive check skips any period in which it wrote something, so its gaps between
beats reach 2.0x the interval (1004 ms measured at 500 ms); the spec asks receivers for an
error margin and stompjs also waits 2x. The slack absorbs scheduling jitter on a loaded
machine. With a 10 s interval a dead peer is reported 21 s after its last byte.

We send a heart-beat once we have been silent for half our interval (RabbitMQ does the
same): ActiveMQ checks with a grace of 1.0, so "exactly every n ms" would race it.
"""

from __future__ import annotations

from typing import Final

from .errors import FrameError

__all__ = [
    "LIVENESS_GRACE",
    "heartbeat_due",
    "is_late",
    "negotiate_heartbeat",
    "parse_heart_beat",
    "peer_deadline",
    "silence_allowed",
]

LIVENESS_GRACE: Final = 2.0
"""How many of the peer's intervals may pass in silence (before the slack); see above."""
_SLACK_SHARE: Final = 0.1
_MIN_SLACK: Final = 0.3


def parse_heart_beat(value: str | None) -> tuple[int, int]:
    """`"cx,cy"` to `(cx, cy)` in milliseconds; an absent header means `(0, 0)`."""
    if value is None:
        return (0, 0)
    parts = value.split(",")
    if len(parts) != 2 or not all(_is_count(part) for part in parts):
        raise FrameError(
            f"invalid heart-beat header {value!r}: "
            "expected two non-negative integers like '10000,10000'"
        )
    return (int(parts[0]), int(parts[1]))


def _is_count(text: str) -> bool:
    text = text.strip(" ")
    return text.isascii() and text.isdigit()


def negotiate_heartbeat(client: tuple[int, int], server: tuple[int, int]) -> tuple[int, int]:
    """The client's `(send_every_ms, expect_every_ms)`; 0 means off.

    `client` is the CONNECT `heart-beat` (cx, cy), `server` the CONNECTED one (sx, sy). A broker
    gets its own view by swapping the result: it sends every `expect` and expects every `send`.
    """
    cx, cy = client
    sx, sy = server
    if min(cx, cy, sx, sy) < 0:
        raise ValueError(f"heart-beat intervals cannot be negative: {client}, {server}")
    send = 0 if cx == 0 or sy == 0 else max(cx, sy)
    expect = 0 if sx == 0 or cy == 0 else max(sx, cy)
    return (send, expect)


def silence_allowed(expect_every_ms: int, grace: float = LIVENESS_GRACE) -> float:
    """Seconds the peer may stay silent: grace x its interval + max(10 %, 0.3 s)."""
    interval = expect_every_ms / 1000
    return interval * grace + max(interval * _SLACK_SHARE, _MIN_SLACK)


def peer_deadline(
    last_received: float, expect_every_ms: int, grace: float = LIVENESS_GRACE
) -> float | None:
    """When the peer becomes late if nothing arrives; None when it promised no heart-beats."""
    if expect_every_ms <= 0:
        return None
    return last_received + silence_allowed(expect_every_ms, grace)


def is_late(
    now: float, last_received: float, expect_every_ms: int, grace: float = LIVENESS_GRACE
) -> bool:
    """True once the peer has been silent for longer than the rule allows."""
    deadline = peer_deadline(last_received, expect_every_ms, grace)
    return deadline is not None and now > deadline


def heartbeat_due(last_sent: float, send_every_ms: int) -> float | None:
    """When we must send an EOL if we send nothing else; None when we promised none."""
    if send_every_ms <= 0:
        return None
    return last_sent + send_every_ms / 2000
