"""The exception family of the protocol layer: everything raised here is a `StompError`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .frames import Frame, Heartbeat
    from .violations import Violation


class StompError(Exception):
    """Root of every error raised by `explorer.stomp`."""


class FrameError(StompError):
    """Malformed STOMP input. The parser is unusable afterwards (the error is sticky).

    `items` holds what the failing `feed()` call completed before the bad bytes (frames and
    heart-beats, in order); it is empty when the sticky error is raised again.
    """

    items: tuple[Frame | Heartbeat | Violation, ...] = ()


class LimitExceeded(FrameError):
    """A configured size limit was hit; `limit` is the `Limits` field that was exceeded."""

    def __init__(self, limit: str, maximum: int, actual: int) -> None:
        super().__init__(
            f"{limit} exceeded: {actual} > {maximum} (raise Limits.{limit} to allow it)"
        )
        self.limit = limit
        self.maximum = maximum
        self.actual = actual

    def __reduce__(self) -> tuple[type[LimitExceeded], tuple[str, int, int]]:
        return (type(self), (self.limit, self.maximum, self.actual))


class InvalidEscape(FrameError):
    """An escape sequence that the negotiated version does not define (e.g. `\\t`)."""


class IncompleteFrame(FrameError):
    """The stream ended (`feed_eof`) in the middle of a frame."""


class UnrepresentableHeader(StompError):
    """The serializer cannot encode this header (or body) in the requested version."""


class InvalidState(StompError, RuntimeError):
    """A connection verb called in a state that does not allow it (our own mistake), e.g.
    sending a frame before CONNECTED or after DISCONNECT."""

    def __init__(self, role: str, state: str, action: str) -> None:
        super().__init__(f"a {role} connection cannot {action} while it is {state}")
        self.role = role
        self.state = state
        self.action = action


class UnexpectedFrame(StompError):
    """The peer sent a well-formed frame its state does not allow (SEND before CONNECT, a
    second CONNECT, a server talking before CONNECT). Sticky, like a `FrameError`."""

    def __init__(self, frame: Frame, state: str) -> None:
        super().__init__(f"unexpected {frame.command} while the connection is {state}")
        self.frame = frame
        self.state = state


class VersionMismatch(StompError):
    """CONNECT offered no version this side speaks (STOMP 1.2 "Protocol Negotiation")."""

    def __init__(self, offered: str, supported: tuple[str, ...]) -> None:
        super().__init__(
            f"no common STOMP version: the client accepts {offered}, "
            f"this side speaks {','.join(supported)}"
        )
        self.offered = offered
        self.supported = supported


class PeerSilent(StompError):
    """Nothing arrived for longer than the negotiated heart-beat allows (see `heartbeat.py`)."""

    def __init__(self, silent_for: float, expect_every_ms: int) -> None:
        super().__init__(
            f"no data from the peer for {silent_for:.1f} s although it promised a heart-beat "
            f"every {expect_every_ms / 1000:.1f} s"
        )
        self.silent_for = silent_for
        self.expect_every_ms = expect_every_ms
