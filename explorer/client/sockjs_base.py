"""What every SockJS transport shares: frame handling, the SockJS layer's wire records,
closing reasons. The transports themselves are in sockjs.py (WebSocket) and sockjs_xhr.py.

SockJS heart-beats (`h`) are kept apart from STOMP's: they prove the HTTP or WebSocket link
is alive, not the STOMP session behind it (Spring's SockJS layer goes on beating while its
broker relay is stuck), so they never reach the STOMP connection and never count against
or for its heart-beat deadline. They are reported as SOCKJS wire records instead.
"""

from __future__ import annotations

import time

from explorer.client.errors import NotSupported, SockJsError
from explorer.client.sockjs_frames import (
    SockJsFrameError,
    SockJsKind,
    describe_close,
    encode_messages,
    joined_messages,
    parse_frame,
)
from explorer.client.transports import LayerTap, Transport
from explorer.stomp import Direction

__all__ = ["SockJsTransport", "outgoing"]

_EARLY_RECORDS = 16  # records kept until a tap is attached (the /info answer, `o`)


class SockJsTransport(Transport):
    """Base of the SockJS transports: subclasses read frame texts and call `consume`."""

    def __init__(self, shown: str, name: str) -> None:
        self.description = shown
        self.kind = f"sockjs-{name}"
        self.name = name
        self._early: list[tuple[float, Direction, bytes]] | None = []
        self._tap: LayerTap | None = None
        self._close_reason: str | None = None
        self.closed_by_server = False  # a c[...] frame arrived
        self.aborted = False

    # -- the SockJS layer's records -------------------------------------------------------

    def layer(self, direction: Direction, data: bytes) -> None:
        tap = self._tap
        if tap is not None:
            tap(time.monotonic(), direction, data)
        elif self._early is not None and len(self._early) < _EARLY_RECORDS:
            self._early.append((time.monotonic(), direction, data))

    def add_early(self, record: tuple[float, Direction, bytes]) -> None:
        """A record from before the session (the /info answer), put first."""
        if self._early is not None:
            self._early.insert(0, record)

    def attach_layer_tap(self, tap: LayerTap | None) -> None:
        early, self._early = self._early or [], None
        self._tap = tap
        if tap is not None:
            for record in early:
                tap(*record)

    # -- frames ---------------------------------------------------------------------------

    def consume(self, texts: list[str]) -> bytes:
        """The STOMP bytes carried by these frame texts; `h` and `o` are recorded, a `c`
        ends the stream (`closed_by_server`; what follows it is ignored)."""
        if len(texts) > 1:
            joined = joined_messages(texts)  # the usual case: only message frames
            if joined is not None:
                return joined.encode("utf-8", "replace")
        out: list[str] = []
        for text in texts:
            if not text:
                continue
            try:
                frame = parse_frame(text)
            except SockJsFrameError as exc:
                raise SockJsError(f"{self.description} sent {exc}") from None
            kind = frame.kind
            if kind is SockJsKind.MESSAGES:
                out.extend(frame.messages)
            elif kind is SockJsKind.HEARTBEAT:
                self.layer(Direction.IN, b"h")
            elif kind is SockJsKind.OPEN:
                self.layer(Direction.IN, b"o")
            else:
                self.layer(Direction.IN, text.encode("utf-8"))
                self._close_reason = describe_close(frame.code, frame.reason)
                self.closed_by_server = True
                break
        if len(out) == 1:
            return out[0].encode("utf-8", "replace")
        return "".join(out).encode("utf-8", "replace")

    def opened(self, texts: list[str]) -> list[str]:
        """Check that the first frame is `o` (record it) and return the frames after it;
        SockJsError with the server's close reason or what came instead."""
        if not texts:
            raise SockJsError(f"{self.description} ended the {self.name} session before opening it")
        first, rest = texts[0], texts[1:]
        if first == "o":
            self.layer(Direction.IN, b"o")
            return rest
        try:
            frame = parse_frame(first)
        except SockJsFrameError as exc:
            raise SockJsError(
                f"{self.description} did not open a SockJS session: it sent {exc}"
            ) from None
        if frame.kind is SockJsKind.CLOSE:
            self.layer(Direction.IN, first.encode("utf-8"))
            raise SockJsError(
                f"{self.description} refused the SockJS {self.name} session: "
                f"{describe_close(frame.code, frame.reason)}"
            )
        raise SockJsError(
            f"{self.description} sent '{first[:20]}' before opening the SockJS session "
            "(expected 'o')"
        )

    @property
    def close_reason(self) -> str | None:
        return self._close_reason

    def set_close_reason(self, reason: str) -> None:
        if self._close_reason is None:
            self._close_reason = reason

    async def send_heartbeat(self) -> None:
        # A STOMP heart-beat is an EOL in a SockJS message of its own (what stompjs sends).
        await self.send(b"\n")


def outgoing(data: bytes) -> bytes:
    """One STOMP frame as the JSON array a SockJS client sends; NotSupported when the frame
    is not UTF-8 (SockJS carries text only)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotSupported(
            "SockJS carries text only: this frame's body is not UTF-8 (send it over "
            "stomp://, ws:// or wss:// instead, or encode it, e.g. as base64)"
        ) from None
    return encode_messages([text])
