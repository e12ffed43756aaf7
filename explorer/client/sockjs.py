"""The SockJS client transport behind http:// and https:// URLs (e.g. Spring's `.withSockJS()`).

`open_sockjs` asks `{url}/info`, then opens a session with the best transport the server
offers: websocket (`{url}/{server}/{session}/websocket`), xhr-streaming, xhr-polling, in that
order, moving on when one fails (or only the one forced). A URL without `/info` is not SockJS:
a raw WebSocket on the same path is tried instead, and the transport's `note` says so. Each
STOMP frame goes out as one SockJS message; SockJS frames are recorded as `Layer.SOCKJS`
wire records (sockjs_base.py says why SockJS heart-beats are not STOMP's).
"""

from __future__ import annotations

import asyncio
import ssl
import time

import aiohttp

from explorer.client.errors import ClientError, SockJsError
from explorer.client.http import http_failure, new_http_session
from explorer.client.options import SOCKJS_TRANSPORTS, SockJsOptions, TlsOptions, WebSocketOptions
from explorer.client.sockjs_base import SockJsTransport
from explorer.client.sockjs_frames import SockJsFrameError, SockJsInfo, parse_info, session_path
from explorer.client.sockjs_ws import open_sockjs_websocket
from explorer.client.sockjs_xhr import XhrPolling, XhrStreaming
from explorer.client.transports import (
    Transport,
    WebSocketTransport,
    connect_websocket,
    with_query,
)
from explorer.client.url import Endpoint, redact_query
from explorer.stomp import Direction

__all__ = ["open_sockjs"]

_MAX_INFO = 64 * 1024


async def open_sockjs(
    endpoint: Endpoint,
    *,
    tls: TlsOptions,
    websocket: WebSocketOptions,
    sockjs: SockJsOptions,
    max_message_size: int | None,
) -> Transport:
    """Probe `/info` and open a SockJS session (or a raw WebSocket where there is no SockJS).

    Raises TransportError subclasses: SockJsError when the URL is neither SockJS nor
    WebSocket, or no transport opens (each one's failure is named), TlsError, or the
    connection's own failure (refused, DNS)."""
    context = tls.context() if endpoint.is_tls else None
    server_name = (tls.server_name or endpoint.host) if context else None
    scheme = "https" if endpoint.is_tls else "http"
    host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
    root = f"{scheme}://{host}:{endpoint.port}"
    path, _, user_query = endpoint.path.partition("?")
    base = root + path.rstrip("/")
    query = (*_pairs(user_query), *websocket.query)
    http = new_http_session(
        context=context, headers=websocket.request_headers(), origin=websocket.origin_for(root)
    )
    opener = _Opener(endpoint, root, base, query, http, context, server_name, websocket)
    max_line = (max_message_size or 64 * 2**20) * 6 + 1024  # JSON may escape each byte
    try:
        info, why_not = await opener.info()
        if info is None:
            await http.close()
            return await opener.raw_websocket(why_not, max_message_size)
        return await opener.session(info, sockjs, max_message_size, max_line)
    except BaseException:
        await http.close()
        raise


class _Opener:
    """One connect attempt's state: the URL's parts, the HTTP session, the failures met."""

    def __init__(
        self,
        endpoint: Endpoint,
        root: str,
        base: str,
        query: tuple[tuple[str, str], ...],
        http: aiohttp.ClientSession,
        context: ssl.SSLContext | None,
        server_name: str | None,
        websocket: WebSocketOptions,
    ) -> None:
        self.endpoint = endpoint
        self.root = root  # http(s)://host:port: the origin of a page served by the endpoint
        self.ws_root = "ws" + root[4:]  # ws(s)://host:port
        self.base = base
        self.query = query
        self.shown = endpoint.url()
        self.http = http
        self.context = context
        self.server_name = server_name
        self.websocket = websocket
        self.origin = websocket.origin_for(root)
        self.info_record: tuple[float, Direction, bytes] | None = None
        self.rtt = 0.0

    async def info(self) -> tuple[SockJsInfo | None, str]:
        """The server's /info, or None and why this is not SockJS."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            async with self.http.get(with_query(f"{self.base}/info", self.query)) as resp:
                status = resp.status
                body = await resp.content.read(_MAX_INFO)
        except (aiohttp.ClientError, OSError) as exc:
            raise http_failure(exc, self.shown, self.server_name) from None
        self.rtt = loop.time() - started
        if status in (401, 403):
            raise SockJsError(
                f"GET {self.shown}/info was refused with HTTP {status}: check the token and "
                "the Origin (Spring answers 403 to an Origin its allowedOrigins do not list)"
            )
        if status != 200:
            return None, f"GET /info answered HTTP {status}"
        try:
            info = parse_info(body)
        except SockJsFrameError as exc:
            return None, str(exc)
        self.info_record = (time.monotonic(), Direction.IN, body)
        return info, ""

    def attempt_limit(self) -> float:
        """How long one transport may take to open before the next is tried: a few
        seconds, more on a slow link (ten times /info's round trip)."""
        return self.websocket.open_timeout or max(3.0, 10 * self.rtt)

    async def raw_websocket(self, why_not: str, max_message_size: int | None) -> Transport:
        """No SockJS here: a plain STOMP WebSocket on the same path, or say it is neither."""
        uri = self.ws_root + self.endpoint.path
        shown = self.ws_root + redact_query(self.endpoint.path)
        options = self.websocket
        limit = self.attempt_limit()
        try:
            async with asyncio.timeout(limit):
                ws = await connect_websocket(
                    uri,
                    shown,
                    self.context,
                    self.server_name,
                    options,
                    max_message_size,
                    subprotocols=options.offered_subprotocols(),
                    origin=self.origin,
                )
        except (ClientError, TimeoutError) as exc:
            why = str(exc) or f"no answer to the WebSocket handshake within {limit:g} s"
            raise SockJsError(
                f"{self.shown} is neither a SockJS endpoint ({why_not}) nor a WebSocket "
                f"endpoint ({why}); check the path (Spring: the one given to addEndpoint)"
            ) from None
        transport = WebSocketTransport(ws, shown, force_binary=options.force_binary)
        transport.note = (
            f"{self.shown} is not SockJS ({why_not}); connected with a raw WebSocket at {shown}"
        )
        return transport

    async def session(
        self,
        info: SockJsInfo,
        options: SockJsOptions,
        max_message_size: int | None,
        max_line: int,
    ) -> Transport:
        """Try the transports in order until one opens; the failures, if all fail."""
        if options.transport is not None:
            names: tuple[str, ...] = (options.transport,)
        else:
            names = tuple(n for n in SOCKJS_TRANSPORTS if n != "websocket" or info.websocket)
        limit = self.attempt_limit()
        failures: list[str] = []
        for name in names:
            try:
                async with asyncio.timeout(limit if len(names) > 1 else None):
                    transport = await self._open(name, max_message_size, max_line)
            except TimeoutError:
                failures.append(f"{name}: no answer within {limit:g} s")
                continue
            except ClientError as exc:
                if name == "websocket" and not info.websocket:
                    failures.append(f"{name} (which /info does not offer): {exc}")
                else:
                    failures.append(f"{name}: {exc}")
                continue
            if self.info_record is not None:
                transport.add_early(self.info_record)
            if failures:
                transport.note = f"SockJS {name} (failed first: {'; '.join(failures)})"
            return transport
        raise SockJsError(f"no SockJS transport of {self.shown} opened: {'; '.join(failures)}")

    async def _open(
        self, name: str, max_message_size: int | None, max_line: int
    ) -> SockJsTransport:
        session_url = session_path(self.base, "").rstrip("/")
        if name == "websocket":
            return await self._open_websocket(session_url, max_message_size)
        cls = XhrStreaming if name == "xhr-streaming" else XhrPolling
        transport = cls(self.http, session_url, self.query, self.shown, self.server_name, max_line)
        try:
            await transport.open()
        except BaseException:
            transport.abort()
            raise
        return transport

    async def _open_websocket(
        self, session_url: str, max_message_size: int | None
    ) -> SockJsTransport:
        uri = with_query("ws" + session_url[4:] + "/websocket", self.query)
        return await open_sockjs_websocket(
            self.http,
            uri,
            f"{self.shown} (SockJS websocket)",
            self.server_name,
            # A SockJS frame wraps the STOMP frame in JSON: allow for the escaping.
            max_message_size=None if max_message_size is None else max_message_size * 6 + 1024,
            compression=self.websocket.compression,
        )


def _pairs(query: str) -> tuple[tuple[str, str], ...]:
    from urllib.parse import parse_qsl

    return tuple(parse_qsl(query, keep_blank_values=True)) if query else ()
