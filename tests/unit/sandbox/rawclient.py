"""A minimal STOMP client on a raw socket, for asserting the sandbox's exact behaviour.

It writes whatever bytes a test gives it (including broken frames) and parses what comes
back with our own codec.
"""

from __future__ import annotations

import asyncio
import contextlib
from types import TracebackType

from explorer.stomp import HEARTBEAT, Frame, FrameParser, Version, serialize

TIMEOUT = 5.0


class RawClient:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.parser = FrameParser(server_side=False)
        self.items: list[Frame] = []
        self.heartbeats = 0
        self.version = Version.V1_2

    @classmethod
    async def open(cls, port: int) -> RawClient:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def __aenter__(self) -> RawClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()

    async def write(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def send(self, command: str, body: bytes = b"", /, **headers: str) -> None:
        pairs = tuple((name.replace("_", "-"), value) for name, value in headers.items())
        await self.write(serialize(Frame(command, pairs, body), self.version))

    async def connect(self, version: str = "1.2", **headers: str) -> Frame:
        headers.setdefault("host", "localhost")
        await self.send("CONNECT", accept_version=version, **headers)
        frame = await self.frame()
        assert frame.command == "CONNECTED", frame
        self.version = Version(frame.header("version") or "1.0")
        return frame

    async def _fill(self, timeout: float) -> bool:
        """Read once; False at EOF."""
        try:
            data = await asyncio.wait_for(self.reader.read(65536), timeout)
        except ConnectionResetError:
            return False
        if not data:
            return False
        for item in self.parser.feed(data):
            if item is HEARTBEAT:
                self.heartbeats += 1
            else:
                assert isinstance(item, Frame)
                self.items.append(item)
        return True

    async def frame(self, timeout: float = TIMEOUT) -> Frame:
        """The next frame (heart-beats are counted, not returned)."""
        while not self.items:
            if not await self._fill(timeout):
                raise EOFError("connection closed while waiting for a frame")
        return self.items.pop(0)

    async def frames(self, count: int, timeout: float = TIMEOUT) -> list[Frame]:
        return [await self.frame(timeout) for _ in range(count)]

    async def closed_by_server(self, timeout: float = TIMEOUT) -> list[Frame]:
        """Read until the server closes; returns the frames that came before."""
        while await self._fill(timeout):
            pass
        frames, self.items = self.items, []
        return frames

    async def nothing_for(self, seconds: float) -> bool:
        """True when no frame arrives within `seconds` (heart-beats do not count)."""
        try:
            await self.frame(seconds)
        except TimeoutError:
            return True
        return False

    async def receipt(self, receipt_id: str) -> Frame:
        frame = await self.frame()
        assert frame.command == "RECEIPT" and frame.header("receipt-id") == receipt_id, frame
        return frame
