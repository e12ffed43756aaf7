"""SockJS over a WebSocket (`{base}/{server}/{session}/websocket`): each WebSocket message
is one SockJS frame.

On aiohttp, like the HTTP transports: the same session (its cookies, Origin and headers go
with the handshake) and a WebSocket reader in C, which matters here because Spring sends one
small frame per STOMP message. The frames already received are handed to the STOMP parser in
one chunk.
"""

from __future__ import annotations

import contextlib

import aiohttp

from explorer.client.errors import TransportError, WebSocketHandshakeError
from explorer.client.http import http_failure
from explorer.client.sockjs_base import SockJsTransport, outgoing
from explorer.client.transports import READ_SIZE

__all__ = ["SockJsWebSocket", "open_sockjs_websocket"]

_CLOSING = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.CLOSED)


class SockJsWebSocket(SockJsTransport):
    def __init__(
        self, ws: aiohttp.ClientWebSocketResponse, http: aiohttp.ClientSession, shown: str
    ) -> None:
        super().__init__(shown, "websocket")
        self._ws = ws
        self._http = http  # its cookies and headers made the handshake; closed with us
        self._ended = False

    async def open(self) -> list[str]:
        text = await self._next_text()
        return self.opened([text] if text is not None else [])

    async def _next_text(self) -> str | None:
        """The next message as text; None once the WebSocket is closed (reason kept)."""
        while True:
            msg = await self._ws.receive()
            kind = msg.type
            if kind is aiohttp.WSMsgType.TEXT:
                return str(msg.data)
            if kind is aiohttp.WSMsgType.BINARY:
                return bytes(msg.data).decode("utf-8", "replace")
            if kind in _CLOSING:
                code = self._ws.close_code
                reason = f": {msg.extra}" if isinstance(msg.extra, str) and msg.extra else ""
                self.set_close_reason(
                    f"WebSocket close code {code}{reason}"
                    if code is not None
                    else "the WebSocket closed without a close frame"
                )
                return None
            if kind is aiohttp.WSMsgType.ERROR:
                self.set_close_reason(f"the WebSocket failed: {msg.data}")
                return None
            # PING and PONG are answered by aiohttp (autoping)

    def _queued(self) -> int:
        """Messages already received and waiting (0 when unknown): read in one go, they
        reach the STOMP parser as one chunk instead of one call per frame."""
        buffer = getattr(getattr(self._ws, "_reader", None), "_buffer", None)
        try:
            return len(buffer)  # type: ignore[arg-type]
        except TypeError:
            return 0

    async def receive(self) -> bytes:
        while not self.closed_by_server and not self._ended:
            texts: list[str] = []
            text = await self._next_text()
            if text is not None:
                texts.append(text)
                size, ready = len(text), self._queued()
                while ready and size < READ_SIZE:
                    text = await self._next_text()
                    if text is None:
                        break
                    texts.append(text)
                    size += len(text)
                    ready = ready - 1 or self._queued()
            if text is None:
                self._ended = True  # what came before the close is still delivered
            data = self.consume(texts)
            if data:
                return data
        return b""

    async def send(self, data: bytes) -> None:
        message = outgoing(data).decode("utf-8")
        if self._ws.closed:
            raise TransportError(
                f"the SockJS WebSocket to {self.description} is closed"
                + (f" ({self.close_reason})" if self.close_reason else "")
            )
        try:
            await self._ws.send_str(message)
        except (aiohttp.ClientError, ConnectionError) as exc:
            raise TransportError(
                f"the SockJS WebSocket to {self.description} broke: {exc or type(exc).__name__}"
            ) from exc

    def abort(self) -> None:
        self.aborted = True
        self.set_close_reason("aborted")
        response = getattr(self._ws, "_response", None)
        if isinstance(response, aiohttp.ClientResponse):
            response.close()  # drops the connection: a pending receive() ends

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self._ws.close()
        with contextlib.suppress(Exception):
            await self._http.close()


async def open_sockjs_websocket(
    http: aiohttp.ClientSession,
    url: str,
    shown: str,
    server_name: str | None,
    *,
    max_message_size: int | None,
    compression: bool,
) -> SockJsWebSocket:
    """The handshake at `url` (with its query) and SockJS's `o`; errors name `shown`."""
    try:
        ws = await http.ws_connect(
            url,
            autoping=True,
            max_msg_size=0 if max_message_size is None else max_message_size,
            compress=15 if compression else 0,
            server_hostname=server_name,
        )
    except aiohttp.WSServerHandshakeError as exc:
        hint = {404: " (check the path)", 403: " (check the token and the Origin)"}
        raise WebSocketHandshakeError(
            f"the SockJS WebSocket handshake with {shown} was refused with HTTP "
            f"{exc.status}{hint.get(exc.status, '')}"
        ) from None
    except (aiohttp.ClientError, OSError) as exc:
        raise http_failure(exc, shown, server_name) from None
    transport = SockJsWebSocket(ws, http, shown)
    try:
        await transport.open()
    except BaseException:
        transport.abort()
        with contextlib.suppress(Exception):
            await ws.close()
        raise
    return transport
