"""The sandbox's TCP transport as a session sees it (`session.Link`).

A link reads chunks of client bytes and writes whole STOMP frames (or heart-beats), one per
call; the WebSocket and SockJS links are in `web_links.py` (they need aiohttp, which a
TCP-only sandbox does not import).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Final

__all__ = ["TcpLink"]

_READ_SIZE: Final = 64 * 1024
_CLOSE_TIMEOUT: Final = 2.0


class TcpLink:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        peer = writer.get_extra_info("peername")
        self.peer = f"tcp {peer[0]}:{peer[1]}" if isinstance(peer, tuple) else "tcp"

    async def receive(self) -> bytes | None:
        try:
            data = await self._reader.read(_READ_SIZE)
        except OSError:
            return None
        return data or None

    async def send(self, data: bytes) -> None:
        self._writer.write(data)
        await self._writer.drain()

    async def close(self, linger: float = 0.0) -> None:
        """Close; with `linger`, first half-close and discard input for up to that long, so the
        ERROR just written is not lost to a TCP reset while the client is still sending."""
        writer = self._writer
        if linger and not writer.is_closing() and writer.can_write_eof():
            with contextlib.suppress(OSError, TimeoutError):
                writer.write_eof()
                async with asyncio.timeout(linger):
                    while await self._reader.read(_READ_SIZE):
                        pass
        writer.close()
        try:
            async with asyncio.timeout(_CLOSE_TIMEOUT):
                await writer.wait_closed()
        except TimeoutError:  # the peer does not read what is left in the buffer
            writer.transport.abort()
        except OSError:
            pass
