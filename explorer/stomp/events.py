"""What a connection object reports besides the frames themselves (see connection.py).

`events_received()` hands on every item the parser produced, in wire order (frames,
`HEARTBEAT`s, `Violation`s for dropped bytes), and puts one of these right after the frame
that caused it. Frozen values, like frames.
"""

from __future__ import annotations

from dataclasses import dataclass

from .frames import Frame, Heartbeat, Version
from .violations import Violation

__all__ = ["ConnectRefused", "ConnectRequested", "Established", "Event", "ReceiptsFailed"]


@dataclass(frozen=True, slots=True)
class Established:
    """(Client) CONNECTED arrived. `heartbeat` is the negotiated (send_every_ms,
    expect_every_ms); 0 means off."""

    version: Version
    heartbeat: tuple[int, int]
    frame: Frame


@dataclass(frozen=True, slots=True)
class ConnectRefused:
    """(Client) The server answered CONNECT with ERROR; the connection is CLOSED."""

    frame: Frame


@dataclass(frozen=True, slots=True)
class ReceiptsFailed:
    """(Client) An ERROR ends these pending receipts: the one its `receipt-id` names, or,
    when it names none, every pending one (the server does not say which command it
    refuses, and an answer that will never come is worse than an early one)."""

    receipt_ids: tuple[str, ...]
    frame: Frame


@dataclass(frozen=True, slots=True)
class ConnectRequested:
    """(Server) A CONNECT (or STOMP) arrived; answer with `accept()` or `send_error()`.
    `version` is already negotiated (it decides how the frames behind it are read);
    `heart_beat` is the client's (cx, cy)."""

    frame: Frame
    version: Version
    heart_beat: tuple[int, int]


Event = Established | ConnectRefused | ReceiptsFailed | ConnectRequested
Received = Frame | Heartbeat | Violation | Event
"""One item of `events_received()`."""
