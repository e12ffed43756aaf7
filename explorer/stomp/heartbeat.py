"""Heart-beat header arithmetic (STOMP 1.1/1.2 "Heart-beating"). No clocks here."""

from __future__ import annotations

from .errors import FrameError


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
