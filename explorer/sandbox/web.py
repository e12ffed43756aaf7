"""The sandbox's HTTP port: raw STOMP over WebSocket on any path, and SockJS at `/sockjs`.

Why aiohttp and not `websockets` for this port: SockJS's HTTP transports (xhr-streaming keeps
a response open and writes a line per frame; xhr-polling answers one POST per batch) need a
real HTTP server, and one port must serve both, as Spring's endpoints do. aio-libs' `sockjs`
(the maintained SockJS server for aiohttp) does the SockJS framing, sessions and transports;
we add what a browser page on another origin needs (CORS, like sockjs-node) and the link
between a SockJS session and a sandbox session.

Paths (prefix `SandboxOptions.sockjs_path`, default `/sockjs`):
    /sockjs/info, /sockjs/{server}/{session}/{websocket|xhr_streaming|xhr|xhr_send|...}
    /sockjs/websocket          raw STOMP over WebSocket, as Spring serves it on a SockJS endpoint
    anything else              raw STOMP over WebSocket (a plain GET is told to upgrade)

SockJS's own heart-beat: `h` every `SandboxOptions.sockjs_heartbeat` seconds on the HTTP
transports; on its websocket transport the library sends WebSocket pings instead (Spring and
sockjs-node send `h` there too). Neither is a STOMP heart-beat.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Final

import sockjs
from aiohttp import hdrs, web

from explorer.sandbox.options import SandboxOptions
from explorer.sandbox.web_links import SockJsLink, WebSocketLink

log = logging.getLogger(__name__)

__all__ = ["SUBPROTOCOLS", "WebPort"]

# Offered WebSocket subprotocols, best first (the STOMP accept-version still decides).
SUBPROTOCOLS: Final = ("v12.stomp", "v11.stomp", "v10.stomp")
_CLOSE_TIMEOUT: Final = 2.0
_SOCKJS_ENDPOINT: Final = "sandbox"
# A SockJS message carries one JSON-escaped frame: up to 6 characters per byte of control
# characters, so an HTTP body may be much longer than the frame inside it.
_JSON_GROWTH: Final = 6

Serve = Callable[[Any], Awaitable[None]]  # SandboxBroker._serve(link)

# The library keys applications and requests with plain strings, which aiohttp discourages
# with a warning on every request; nothing for a user to act on (pyproject.toml's pytest
# filters say the same for the tests).
warnings.filterwarnings("ignore", category=web.NotAppKeyWarning, module=r"sockjs\.")


class CountingSession(sockjs.Session):  # type: ignore[misc]  # untyped library
    """A SockJS session that knows how many characters of ours wait in its queue, so that a
    writer can wait for the transport (`wait_for_room`) instead of queueing without bound.

    The library queues frames in `feed` and hands them to a transport in `get_frame`, one
    queue entry each (consecutive messages share an entry); we mirror that bookkeeping.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sizes: deque[list[Any]] = deque()  # [is_message, characters] per queue entry
        self.queued_chars = 0
        self._drained = asyncio.Event()
        self._drained.set()

    def feed(self, frame: sockjs.Frame, data: Any) -> None:
        size = len(data) if frame is sockjs.Frame.MESSAGE else 0
        if frame is sockjs.Frame.MESSAGE and self._sizes and self._sizes[-1][0]:
            self._sizes[-1][1] += size
        else:
            self._sizes.append([frame is sockjs.Frame.MESSAGE, size])
        self.queued_chars += size
        super().feed(frame, data)

    async def get_frame(self, pack: bool = True) -> Any:
        result = await super().get_frame(pack)  # pops exactly one entry, or raises
        if self._sizes:
            self.queued_chars -= self._sizes.popleft()[1]
        self._drained.set()
        return result

    async def wait_for_room(self, high_water: int) -> None:
        while self.queued_chars > high_water and self.state is sockjs.SessionState.OPEN:
            self._drained.clear()
            await self._drained.wait()

    def close(self, code: int = 3000, reason: str = "Go away!") -> None:
        super().close(code, reason)
        self._drained.set()  # a writer waiting for room must not wait for a closed session


class WebPort:
    """The aiohttp server of the WebSocket port; every accepted connection is handed to
    `serve(link)` (the broker's session runner) as a `WebSocketLink` or a `SockJsLink`."""

    def __init__(self, options: SandboxOptions, serve: Serve) -> None:
        self._options = options
        self._serve = serve
        self._runner: web.AppRunner | None = None
        self._links: dict[str, SockJsLink] = {}  # SockJS session id -> link
        self._tasks: set[asyncio.Task[None]] = set()
        self.port: int | None = None

    async def start(self) -> None:
        """Listen; raises OSError like `loop.create_server` (the broker words it)."""
        options = self._options
        app = web.Application(
            middlewares=[self._preflight],
            client_max_size=options.max_frame_bytes * _JSON_GROWTH + 64 * 1024,
        )
        app.on_response_prepare.append(self._allow_origin)
        manager = sockjs.SessionManager(
            _SOCKJS_ENDPOINT,
            app,
            self._on_sockjs,
            heartbeat_delay=options.sockjs_heartbeat,
            disconnect_delay=options.sockjs_disconnect_delay,
        )
        manager.factory = CountingSession
        with warnings.catch_warnings():  # (synchronous: no other task sees the filter)
            warnings.simplefilter("ignore", web.NotAppKeyWarning)
            sockjs.add_endpoint(
                app,
                self._on_sockjs,
                name=_SOCKJS_ENDPOINT,
                prefix=options.sockjs_path,
                manager=manager,
                # Our own raw WebSocket answers {prefix}/websocket (subprotocols, frame limits).
                disable_transports=("websocket-raw",),
                cookie_needed=True,
            )
        app.router.add_route(hdrs.METH_GET, "/{path:.*}", self._on_websocket)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=_CLOSE_TIMEOUT)
        await runner.setup()
        try:
            site = web.TCPSite(runner, options.host, options.ws_port)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        address = runner.addresses[0]
        self.port = int(address[1])

    async def stop(self) -> None:
        """Stop listening and close what is left (sessions were aborted by the broker)."""
        runner, self._runner = self._runner, None
        for link in list(self._links.values()):
            link.peer_closed()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if runner is not None:
            await runner.cleanup()

    # -- raw STOMP over WebSocket ----------------------------------------------------------

    async def _on_websocket(self, request: web.Request) -> web.StreamResponse:
        offered = [
            p.strip() for p in request.headers.get(hdrs.SEC_WEBSOCKET_PROTOCOL, "").split(",")
        ]
        chosen = next((p for p in SUBPROTOCOLS if p in offered), None)
        socket = web.WebSocketResponse(
            protocols=(chosen,) if chosen else (),
            max_msg_size=self._options.max_frame_bytes + 1024,
            timeout=_CLOSE_TIMEOUT,
        )
        if not socket.can_prepare(request).ok:
            return web.Response(
                status=426,
                headers={hdrs.UPGRADE: "websocket", hdrs.CONNECTION: "Upgrade"},
                text="This is the STOMP Explorer sandbox's WebSocket port: connect with a "
                f"WebSocket client (ws://host:port/ws) or with SockJS at "
                f"http://host:port{self._options.sockjs_path}\n",
            )
        await socket.prepare(request)
        await self._serve(WebSocketLink(socket, request))
        return socket

    # -- SockJS ----------------------------------------------------------------------------

    async def _on_sockjs(
        self, manager: sockjs.SessionManager, session: Any, message: sockjs.SockjsMessage
    ) -> None:
        """The library's callback for every SockJS session event."""
        if message.type is sockjs.MsgType.OPEN:
            request = session.request
            transport = request.get("sockjs_transport_name", "?") if request else "?"
            opened = SockJsLink(session, transport, request)
            self._links[session.id] = opened
            task = asyncio.create_task(self._run(session.id, opened), name=f"sockjs-{session.id}")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return
        link = self._links.get(session.id)
        if link is None:
            return
        if message.type is sockjs.MsgType.MESSAGE:
            await link.deliver(message.data)
        else:  # CLOSE (the client went away or the transport failed) or CLOSED
            link.peer_closed()

    async def _run(self, session_id: str, link: SockJsLink) -> None:
        try:
            await self._serve(link)
        finally:
            self._links.pop(session_id, None)

    @web.middleware
    async def _preflight(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Answer CORS preflights on the SockJS paths (the library routes no OPTIONS)."""
        if request.method == hdrs.METH_OPTIONS and request.path.startswith(
            self._options.sockjs_path
        ):
            response = web.Response(status=204)
            response.headers[hdrs.ACCESS_CONTROL_ALLOW_METHODS] = "OPTIONS, GET, POST"
            requested = request.headers.get(hdrs.ACCESS_CONTROL_REQUEST_HEADERS)
            if requested:
                response.headers[hdrs.ACCESS_CONTROL_ALLOW_HEADERS] = requested
            response.headers[hdrs.ACCESS_CONTROL_MAX_AGE] = "31536000"
            return response
        return await handler(request)

    async def _allow_origin(self, request: web.Request, response: web.StreamResponse) -> None:
        """Let a page from another origin use SockJS's HTTP transports, as sockjs-node does:
        sockjs-client sends credentials, so the origin is echoed rather than `*`. Set just
        before the headers go out, so streaming responses get it too."""
        origin = request.headers.get(hdrs.ORIGIN)
        if origin and request.path.startswith(self._options.sockjs_path):
            response.headers[hdrs.ACCESS_CONTROL_ALLOW_ORIGIN] = origin
            response.headers[hdrs.ACCESS_CONTROL_ALLOW_CREDENTIALS] = "true"
            response.headers.add(hdrs.VARY, "Origin")
