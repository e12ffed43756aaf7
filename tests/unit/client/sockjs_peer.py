"""A small SockJS server on aiohttp for the client's unit tests: a STOMP answer to CONNECT,
an echo of SENDs as MESSAGEs, and the misbehaviours the bad-input tests need (no /info, an
/info that lies or is a web page, a close during CONNECT, short streaming answers). The real
peer (sockjs-node) is in tests/integration/test_sockjs_relay.py.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

from explorer.stomp import Frame, FrameParser, serialize

PRELUDE = b"h" * 2048 + b"\n"


@dataclass
class PeerConfig:
    info: str = "sockjs"  # sockjs | missing | html | forbidden
    info_websocket: bool = True  # what /info claims
    websocket: bool = True  # whether the SockJS websocket transport really works
    raw_websocket: bool = False  # a plain STOMP WebSocket at the base path
    close_on_connect: bool = False  # answer CONNECT with c[3000,"Go away!"]
    response_limit: int = 128 * 1024  # xhr-streaming bytes per answer
    set_cookie: str | None = None  # a cookie /info sets (a sticky session)


@dataclass
class Seen:
    """What the peer saw, for the tests to assert on."""

    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path_qs)
    headers: list[dict[str, str]] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)  # STOMP frames received (text)
    connected: asyncio.Event = field(default_factory=asyncio.Event)


class _Session:
    def __init__(self) -> None:
        self.outbox: asyncio.Queue[str] = asyncio.Queue()  # frame texts for the client
        self.opened = False


class SockJsPeer:
    def __init__(self, config: PeerConfig) -> None:
        self.config = config
        self.seen = Seen()
        self.sessions: dict[str, _Session] = {}
        self.subscription = ""
        self.websockets: list[web.WebSocketResponse] = []
        self.app = web.Application()
        self.app.router.add_get("/stomp/info", self.info)
        self.app.router.add_get("/stomp", self.raw)
        self.app.router.add_route("*", "/stomp/{server}/{session}/{transport}", self.session)

    def _note(self, request: web.Request) -> None:
        self.seen.requests.append((request.method, request.path_qs))
        self.seen.headers.append({k.lower(): v for k, v in request.headers.items()})

    async def info(self, request: web.Request) -> web.StreamResponse:
        self._note(request)
        kind = self.config.info
        if kind == "missing":
            raise web.HTTPNotFound()
        if kind == "forbidden":
            raise web.HTTPForbidden()
        if kind == "html":
            return web.Response(text="<html>app</html>", content_type="text/html")
        response = web.json_response(
            {"websocket": self.config.info_websocket, "cookie_needed": False, "origins": ["*:*"]}
        )
        if self.config.set_cookie:
            name, value = self.config.set_cookie.split("=", 1)
            response.set_cookie(name, value)
        return response

    async def raw(self, request: web.Request) -> web.StreamResponse:
        """A plain STOMP WebSocket at the base path (what a URL without SockJS may have)."""
        self._note(request)
        if not self.config.raw_websocket or request.headers.get("Upgrade") is None:
            raise web.HTTPNotFound()
        ws = web.WebSocketResponse(protocols=("v12.stomp",))
        await ws.prepare(request)
        async for msg in ws:
            if msg.type is WSMsgType.TEXT:
                for reply in self._stomp(msg.data):
                    await ws.send_str(reply)
        return ws

    async def kick(self) -> None:
        """Drop every open SockJS WebSocket (a server restart, a load balancer's timeout)."""
        for ws in self.websockets:
            await ws.close(code=1001, message=b"going away")
        self.websockets.clear()

    # -- STOMP ---------------------------------------------------------------------------

    def _stomp(self, text: str) -> list[str]:
        """Replies to one STOMP frame (as texts); records it."""
        if text == "\n":
            return []
        self.seen.sent.append(text)
        frame = next(
            i for i in FrameParser(server_side=True).feed(text.encode()) if isinstance(i, Frame)
        )
        if frame.command in ("CONNECT", "STOMP"):
            self.seen.connected.set()
            hb = "0,0"
            return [
                serialize(Frame("CONNECTED", (("version", "1.2"), ("heart-beat", hb)))).decode()
            ]
        replies: list[str] = []
        if frame.command == "SUBSCRIBE":
            self.subscription = frame.header("id") or ""
        if frame.command == "SEND":
            headers = (
                ("destination", frame.header("destination") or ""),
                ("subscription", self.subscription),
                ("message-id", str(len(self.seen.sent))),
            )
            replies.append(serialize(Frame("MESSAGE", headers, frame.body)).decode())
        receipt = frame.header("receipt")
        if receipt is not None:
            replies.append(serialize(Frame("RECEIPT", (("receipt-id", receipt),))).decode())
        return replies

    def _frames_for(self, messages: list[str]) -> list[str]:
        out: list[str] = []
        for message in messages:
            if self.config.close_on_connect and message.startswith("CONNECT"):
                out.append('c[3000,"Go away!"]')
                continue
            replies = self._stomp(message)
            if replies:
                out.append("a" + json.dumps(replies))
        return out

    # -- sessions ------------------------------------------------------------------------

    async def session(self, request: web.Request) -> web.StreamResponse:
        self._note(request)
        transport = request.match_info["transport"]
        key = request.match_info["session"]
        if transport == "websocket":
            return await self._websocket(request)
        if transport == "xhr_send":
            session = self.sessions.get(key)
            if session is None:
                raise web.HTTPNotFound()
            body = await request.text()
            if not body:
                return web.Response(status=500, text="Payload expected.")
            for frame in self._frames_for(json.loads(body)):
                session.outbox.put_nowait(frame)
            return web.Response(status=204)
        session = self.sessions.setdefault(key, _Session())
        if transport == "xhr":
            if not session.opened:
                session.opened = True
                return web.Response(text="o\n")
            first = await session.outbox.get()
            frames = [first]
            while not session.outbox.empty():
                frames.append(session.outbox.get_nowait())
            return web.Response(text="".join(f + "\n" for f in frames))
        if transport == "xhr_streaming":
            response = web.StreamResponse()
            await response.prepare(request)
            await response.write(PRELUDE)
            written = 0
            if not session.opened:
                session.opened = True
                await response.write(b"o\n")
            while written < self.config.response_limit:
                frame = await session.outbox.get()
                data = (frame + "\n").encode()
                await response.write(data)
                written += len(data)
                if frame.startswith("c"):
                    break
            await response.write_eof()
            return response
        raise web.HTTPNotFound()

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        if not self.config.websocket:
            raise web.HTTPNotFound()
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.websockets.append(ws)
        await ws.send_str("o")
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            for frame in self._frames_for(json.loads(msg.data)):
                await ws.send_str(frame)
                if frame.startswith("c"):
                    await ws.close()
        return ws


@asynccontextmanager
async def sockjs_peer(
    config: PeerConfig | None = None, ssl_context: ssl.SSLContext | None = None
) -> AsyncIterator[tuple[str, SockJsPeer]]:
    """A running peer and its base URL (http://127.0.0.1:PORT/stomp, https:// with TLS)."""
    peer = SockJsPeer(config or PeerConfig())
    runner = web.AppRunner(peer.app, handle_signals=False, access_log=None, shutdown_timeout=1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    port = runner.addresses[0][1]
    try:
        scheme = "https" if ssl_context is not None else "http"
        yield f"{scheme}://127.0.0.1:{port}/stomp", peer
    finally:
        await runner.cleanup()
