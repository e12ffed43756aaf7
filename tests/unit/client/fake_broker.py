"""A scripted in-process STOMP peer on 127.0.0.1 for client unit tests.

It answers CONNECT with a configurable CONNECTED (or ERROR) and otherwise only records what it
receives; each test sends whatever frames it needs through `Peer.send`. Nothing here is a
broker: the tests decide every answer, so timing and broker quirks cannot blur what is tested.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from explorer.stomp import HEARTBEAT, Frame, FrameParser, Heartbeat, Version, Violation, serialize

ConnectAnswer = Callable[[Frame, int], Frame | None]


def connected(version: str | None = "1.2", heart_beat: str | None = "0,0", **extra: str) -> Frame:
    headers = []
    if version is not None:
        headers.append(("version", version))
    if heart_beat is not None:
        headers.append(("heart-beat", heart_beat))
    headers += [("server", "fake/1.0"), ("session", "s-1")]
    headers += [(k.replace("_", "-"), v) for k, v in extra.items()]
    return Frame("CONNECTED", tuple(headers))


@dataclass
class Peer:
    """One accepted client connection."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    parser: FrameParser = field(default_factory=lambda: FrameParser(server_side=True))
    frames: asyncio.Queue[Frame] = field(default_factory=asyncio.Queue)
    heartbeats: int = 0
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    version: Version = Version.V1_2

    async def next_frame(self, timeout: float = 5.0) -> Frame:
        return await asyncio.wait_for(self.frames.get(), timeout)

    async def expect(self, command: str, timeout: float = 5.0) -> Frame:
        frame = await self.next_frame(timeout)
        assert frame.command == command, f"expected {command}, got {frame}"
        return frame

    def send(self, frame: Frame | bytes) -> None:
        data = frame if isinstance(frame, bytes) else serialize(frame, self.version)
        self.writer.write(data)

    def receipt_for(self, frame: Frame) -> None:
        receipt = frame.header("receipt")
        assert receipt is not None, f"{frame.command} carries no receipt header"
        self.send(Frame("RECEIPT", (("receipt-id", receipt),)))

    def close(self) -> None:
        self.writer.close()


class FakeBroker:
    """`async with FakeBroker() as broker:` then `broker.url` and `await broker.accept()`."""

    def __init__(
        self, answer: ConnectAnswer | None = None, *, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self.answer: ConnectAnswer = answer or (lambda frame, n: connected())
        self.ssl_context = ssl_context
        self.peers: asyncio.Queue[Peer] = asyncio.Queue()
        self.silent_peers: asyncio.Queue[Peer] = asyncio.Queue()  # CONNECT left unanswered
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: list[asyncio.StreamWriter] = []
        self.port = 0

    @property
    def url(self) -> str:
        scheme = "stomp+ssl" if self.ssl_context else "stomp"
        return f"{scheme}://127.0.0.1:{self.port}"

    async def __aenter__(self) -> FakeBroker:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.ssl_context)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in self._writers:
            writer.close()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for writer in self._writers:
            with contextlib.suppress(Exception):
                await writer.wait_closed()
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    async def accept(self, timeout: float = 5.0) -> Peer:
        """The next client connection that got past CONNECT."""
        return await asyncio.wait_for(self.peers.get(), timeout)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.append(writer)
        peer = Peer(reader, writer)
        try:
            async for item in _items(reader, peer.parser):
                if isinstance(item, Heartbeat):
                    peer.heartbeats += 1
                    continue
                if item.command in ("CONNECT", "STOMP"):
                    self.connections += 1
                    answer = self.answer(item, self.connections)
                    if answer is None:
                        await self.silent_peers.put(peer)
                        continue  # say nothing: the client must time out
                    version = answer.header("version") or "1.0"
                    peer.version = Version(version)
                    peer.parser.version = peer.version
                    peer.send(answer)
                    await peer.frames.put(item)
                    if answer.command == "ERROR":
                        writer.close()
                        break
                    await self.peers.put(peer)
                    continue
                await peer.frames.put(item)
        except (ConnectionError, OSError, ssl.SSLError):
            pass
        finally:
            peer.closed.set()
            self._tasks.discard(task)
            writer.close()


async def _items(
    reader: asyncio.StreamReader, parser: FrameParser
) -> AsyncIterator[Frame | Heartbeat]:
    while True:
        data = await reader.read(65536)
        if not data:
            return
        for item in parser.feed(data):
            assert not isinstance(item, Violation)  # a standard parser raises instead
            yield item


__all__ = ["HEARTBEAT", "FakeBroker", "Peer", "connected"]
