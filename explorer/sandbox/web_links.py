"""The WebSocket and SockJS transports as a session sees them (`session.Link`).

Each link writes whole STOMP frames (or heart-beats), one per call, so each frame is one
WebSocket or SockJS message, as browsers and Spring expect. `send` waits while the
transport's own buffer is full, so the session's output limits (high-water mark,
slow-consumer cap) see a slow client whatever it is connected through.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import Any, Final

from aiohttp import WSMsgType, web

log = logging.getLogger(__name__)

__all__ = ["SOCKJS_CLOSE", "SockJsLink", "WebSocketLink"]

# SockJS: how many client messages may wait for the session before the transport stops
# reading (back-pressure to the client), and how many characters of ours may wait in the
# SockJS session's queue before `send` waits for the transport to write them out.
_INBOX_LIMIT: Final = 256
_OUTBOX_HIGH: Final = 256 * 1024
# The close a SockJS client sees when the sandbox ends its session (SockJS's usual "go away").
SOCKJS_CLOSE: Final = (3000, "Go away!")


class WebSocketLink:
    """Raw STOMP over WebSocket: one frame per message out (text when UTF-8, else binary);
    inbound messages are a byte stream (frames may span or share messages)."""

    def __init__(self, socket: web.WebSocketResponse, request: web.Request) -> None:
        self._socket = socket
        self.peer = f"ws {request.remote or '?'}{_port_of(request)}"

    async def receive(self) -> bytes | None:
        message = await self._socket.receive()
        if message.type is WSMsgType.TEXT:
            text: str = message.data
            return text.encode("utf-8")
        if message.type is WSMsgType.BINARY:
            data: bytes = message.data
            return data
        return None  # CLOSE, CLOSING, CLOSED, ERROR

    async def send(self, data: bytes) -> None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            await self._socket.send_bytes(data)
        else:
            await self._socket.send_str(text)

    async def close(self, linger: float = 0.0) -> None:
        await self._socket.close()


class SockJsLink:
    """STOMP inside SockJS messages (aio-libs' `sockjs` does the framing and transports): each
    frame we write is one SockJS message, each message the client sends is fed to the session.

    SockJS carries text only: a body that is not UTF-8 arrives with U+FFFD in place of the bad
    bytes (as in a browser), so binary payloads need another transport.
    """

    def __init__(self, session: Any, transport: str, request: web.Request | None) -> None:
        self._session = session  # a CountingSession (web.py)
        where = f"{request.remote or '?'}{_port_of(request)}" if request is not None else "?"
        self.peer = f"sockjs {transport} {where}"
        self.transport = transport
        self._inbox: deque[bytes] = deque()
        self._inbox_changed = asyncio.Event()
        self._room = asyncio.Event()
        self._room.set()
        self._peer_closed = False

    # -- called by the SockJS handler (web.py) ---------------------------------------------

    async def deliver(self, text: str) -> None:
        """A message from the client; waits while the session has not read the ones before."""
        if self._peer_closed:
            return
        self._inbox.append(text.encode("utf-8"))
        self._inbox_changed.set()
        if len(self._inbox) >= _INBOX_LIMIT:
            self._room.clear()
            await self._room.wait()

    def peer_closed(self) -> None:
        self._peer_closed = True
        self._inbox_changed.set()
        self._room.set()

    # -- the Link protocol -----------------------------------------------------------------

    async def receive(self) -> bytes | None:
        while not self._inbox:
            if self._peer_closed:
                return None
            self._inbox_changed.clear()
            await self._inbox_changed.wait()
        data = b"".join(self._inbox)
        self._inbox.clear()
        self._room.set()
        return data

    async def send(self, data: bytes) -> None:
        if self._peer_closed:
            raise ConnectionResetError("the SockJS session is closed")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            log.info("%s: a frame that is not UTF-8 was sent with U+FFFD replacements", self.peer)
            text = data.decode("utf-8", errors="replace")
        if not self._session.send(text):
            raise ConnectionResetError("the SockJS session is closed")
        await self._session.wait_for_room(_OUTBOX_HIGH)

    async def close(self, linger: float = 0.0) -> None:
        self._session.close(*SOCKJS_CLOSE)
        self.peer_closed()


def _port_of(request: web.Request | None) -> str:
    if request is None or request.transport is None:
        return ""
    peer = request.transport.get_extra_info("peername")
    return f":{peer[1]}" if isinstance(peer, tuple) else ""
