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
