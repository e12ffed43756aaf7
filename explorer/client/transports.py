"""Byte transports under the STOMP connection: TCP, TLS and WebSocket behind one interface.

The connection only needs to send bytes, receive bytes and close. Everything that differs per
transport (how a heart-beat looks on the wire, how a frame maps to a WebSocket message, how
socket errors read) stays here. Errors leave this module as `TransportError` subclasses with
messages that say what to check.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from explorer.client.errors import (
    ConnectTimeout,
    TlsError,
    TransportError,
    WebSocketHandshakeError,
)
from explorer.client.options import TlsOptions, WebSocketOptions
from explorer.client.url import Endpoint, redact_query
from explorer.stomp import Direction

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

__all__ = [
    "READ_SIZE",
    "LayerTap",
    "TcpTransport",
    "Transport",
    "WebSocketTransport",
    "connect_websocket",
    "open_transport",
    "with_query",
]

# A record of the layer under STOMP (SockJS frames): (time.monotonic(), direction, bytes).
LayerTap = Callable[[float, Direction, bytes], None]

# Large reads: one read carries hundreds of small MESSAGE frames, so the per-read cost
# (an await, a parser call) is spread thin.
READ_SIZE = 256 * 1024


class Transport(ABC):
    """A connected byte stream to the broker."""

    description: str
    # What carries STOMP: "tcp", "tls", "websocket", "sockjs-websocket",
    # "sockjs-xhr-streaming", "sockjs-xhr-polling"; `note` says why when it is not the
    # obvious one (e.g. a raw WebSocket because an http:// URL had no SockJS /info).
    kind: str = "tcp"
    note: str = ""
    # True when frames may be joined into one send (TCP, TLS); a WebSocket message
    # carries one frame.
    byte_stream: bool = False

    @abstractmethod
    async def receive(self) -> bytes:
        """The next bytes from the peer; b"" once the peer has closed. Raises TransportError."""

    @abstractmethod
    async def send(self, data: bytes) -> None:
        """Send one serialized frame (or several, on byte streams)."""

    @abstractmethod
    async def send_heartbeat(self) -> None:
        """Send one heart-beat EOL the way this transport expects it."""

    @abstractmethod
    async def close(self) -> None:
        """Close politely (WebSocket close handshake, TLS close_notify); never raises."""

    @abstractmethod
    def abort(self) -> None:
        """Drop the connection at once (dead peer): pending receive() returns b"" or fails."""

    @property
    def close_reason(self) -> str | None:
        """Why the peer closed, when the transport knows (WebSocket close code and reason)."""
        return None

    def attach_layer_tap(self, tap: LayerTap | None) -> None:
        """Report the frames of the layer under STOMP (SockJS: o, h, c[...]) to `tap`,
        those seen while opening first. Plain byte streams have none."""
        return None


class TcpTransport(Transport):
    """TCP or TLS through asyncio streams."""

    byte_stream = True

    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, description: str
    ) -> None:
        self._reader = reader
        self._writer = writer
        self.description = description
        self.kind = "tls" if writer.get_extra_info("sslcontext") is not None else "tcp"

    async def receive(self) -> bytes:
        try:
            return await self._reader.read(READ_SIZE)
        except (ConnectionError, OSError) as exc:
            raise self._broken(exc) from exc

    async def send(self, data: bytes) -> None:
        writer = self._writer
        if writer.is_closing():
            raise TransportError(f"the connection to {self.description} is closed")
        writer.write(data)
        try:
            await writer.drain()
        except (ConnectionError, OSError) as exc:
            raise self._broken(exc) from exc

    async def send_heartbeat(self) -> None:
        await self.send(b"\n")

    def _broken(self, exc: OSError) -> TransportError:
        return TransportError(f"the connection to {self.description} broke: {_os_reason(exc)}")

    def abort(self) -> None:
        self._writer.transport.abort()

    async def close(self) -> None:
        writer = self._writer
        if not writer.is_closing():
            writer.close()
        with contextlib.suppress(ConnectionError, OSError, ssl.SSLError):
            await writer.wait_closed()


class WebSocketTransport(Transport):
    """STOMP over WebSocket: one frame per message out, any framing accepted in."""

    def __init__(self, connection: ClientConnection, description: str, force_binary: bool = False):
        self._ws = connection
        self.description = description
        self.kind = "websocket"
        self._force_binary = force_binary
        self._close_reason: str | None = None

    @property
    def subprotocol(self) -> str | None:
        return self._ws.subprotocol

    async def receive(self) -> bytes:
        from websockets.exceptions import ConnectionClosed

        try:
            data = await self._ws.recv(decode=False)  # text messages arrive as their UTF-8 bytes
        except ConnectionClosed as exc:
            self._close_reason = _ws_close_reason(exc)
            return b""
        assert isinstance(data, bytes)
        return data

    async def send(self, data: bytes) -> None:
        from websockets.exceptions import ConnectionClosed

        # Text when the frame is valid UTF-8 (ActiveMQ ignores binary messages), else binary.
        text = not self._force_binary and _is_utf8(data)
        try:
            await self._ws.send(data, text=text)
        except ConnectionClosed as exc:
            self._close_reason = _ws_close_reason(exc)
            raise TransportError(
                f"the WebSocket to {self.description} is closed ({self._close_reason})"
            ) from exc

    async def send_heartbeat(self) -> None:
        # ActiveMQ recognises a heart-beat only as a text message that is exactly "\n".
        await self.send(b"\n")

    def abort(self) -> None:
        self._close_reason = "aborted"
        self._ws.transport.abort()

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self._ws.close()

    @property
    def close_reason(self) -> str | None:
        return self._close_reason


async def open_transport(
    endpoint: Endpoint,
    *,
    tls: TlsOptions,
    websocket: WebSocketOptions,
    max_message_size: int | None,
    timeout: float | None,
    phases: list[str] | None = None,
) -> Transport:
    """Connect to `endpoint`; raise TransportError (or ConnectTimeout) saying what to check.

    `phases` gets "tcp" once TCP is up under TLS (stomp+ssl:// and wss:// alike), for a
    caller whose own timeout cut the handshake off (`tls_stalled` words that)."""
    where = f"{endpoint.host}:{endpoint.port}"
    context = tls.context() if endpoint.is_tls else None
    server_name = (tls.server_name or endpoint.host) if context else None
    phases = [] if phases is None else phases
    try:
        if endpoint.is_websocket:
            return await asyncio.wait_for(
                _open_websocket(
                    endpoint, context, server_name, websocket, max_message_size, phases
                ),
                timeout,
            )
        reader, writer = await asyncio.wait_for(
            _open_tcp(endpoint, context, server_name, phases), timeout
        )
        _tune_socket(writer)
        return TcpTransport(reader, writer, where)
    except TimeoutError:
        if phases:  # TCP is up: the TLS handshake got no answer
            raise tls_stalled(where, timeout or 0.0) from None
        raise ConnectTimeout(
            f"no connection to {where} within {timeout:g} s; check the host, port and firewall"
        ) from None
    except ssl.SSLCertVerificationError as exc:
        raise TlsError(
            f"TLS certificate verification failed for host {server_name}: "
            f"{exc.verify_message or exc.reason}; use --ca-file or --insecure"
        ) from exc
    except ssl.SSLError as exc:
        if exc.reason == "WRONG_VERSION_NUMBER":  # the answer was not TLS at all
            raise TlsError(
                f"TLS handshake with {where} failed: the server answered with something "
                "that is not TLS (WRONG_VERSION_NUMBER); is this port TLS? (for a plain "
                "STOMP port use stomp://)"
            ) from exc
        raise TlsError(f"TLS handshake with {where} failed: {exc.reason or exc}") from exc
    except socket.gaierror as exc:
        raise TransportError(f"cannot resolve host '{endpoint.host}': {exc.strerror}") from exc
    except ConnectionRefusedError as exc:
        raise TransportError(f"connection refused by {where} — is the broker running?") from exc
    except OSError as exc:
        raise TransportError(f"cannot connect to {where}: {_os_reason(exc)}") from exc


def tls_stalled(where: str, timeout: float) -> ConnectTimeout:
    """TCP connected, the TLS handshake never finished: most likely a plain (non-TLS) port,
    which waits for a STOMP frame and ignores the ClientHello."""
    return ConnectTimeout(
        f"TCP connected to {where}, but the TLS handshake got no answer within {timeout:g} s; "
        "is this port TLS? (a plain STOMP port waits silently: use stomp:// for it, or the "
        "broker's TLS port)"
    )


async def _open_tcp(
    endpoint: Endpoint,
    context: ssl.SSLContext | None,
    server_name: str | None,
    phases: list[str],
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """TCP, then TLS as a step of its own, so a handshake that stalls (TLS to a plain port)
    is told apart from a host that does not answer."""
    reader, writer = await asyncio.open_connection(endpoint.host, endpoint.port, limit=READ_SIZE)
    if context is None:
        return reader, writer
    phases.append("tcp")
    try:
        await writer.start_tls(context, server_hostname=server_name)
    except BaseException:
        writer.transport.abort()
        raise
    return reader, writer


async def _tcp_socket(host: str, port: int) -> socket.socket:
    """A connected TCP socket (each address of `host` in turn), so that wss:// can tell a
    TLS handshake that stalls from a host that does not answer, as stomp+ssl:// does."""
    loop = asyncio.get_running_loop()
    error: OSError = OSError(f"no address for {host}")
    for family, kind, proto, _name, address in await loop.getaddrinfo(
        host, port, type=socket.SOCK_STREAM
    ):
        sock = socket.socket(family, kind, proto)
        sock.setblocking(False)
        try:
            await loop.sock_connect(sock, address)
        except OSError as exc:  # refused, unreachable: the next address may answer
            sock.close()
            error = exc
            continue
        except BaseException:
            sock.close()
            raise
        return sock
    raise error


async def _open_websocket(
    endpoint: Endpoint,
    context: ssl.SSLContext | None,
    server_name: str | None,
    options: WebSocketOptions,
    max_message_size: int | None,
    phases: list[str],
) -> WebSocketTransport:
    sock = None
    if context is not None:  # TCP first, as a step of its own (see `_open_tcp`)
        sock = await _tcp_socket(endpoint.host, endpoint.port)
        phases.append("tcp")
    scheme = "wss" if endpoint.is_tls else "ws"
    host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
    uri = f"{scheme}://{host}:{endpoint.port}{endpoint.path}"
    shown = f"{scheme}://{host}:{endpoint.port}{redact_query(endpoint.path)}"
    own_origin = f"{'https' if endpoint.is_tls else 'http'}://{host}:{endpoint.port}"
    try:
        connection = await connect_websocket(
            uri,
            shown,
            context,
            server_name,
            options,
            max_message_size,
            subprotocols=options.offered_subprotocols(),
            origin=options.origin_for(own_origin),
            sock=sock,
        )
    except BaseException:
        if sock is not None:
            sock.close()
        raise
    return WebSocketTransport(connection, shown, force_binary=options.force_binary)


def with_query(url: str, query: tuple[tuple[str, str], ...]) -> str:
    """`url` with the parameters added (a token's: never shown, see Endpoint.url())."""
    if not query:
        return url
    return url + ("&" if "?" in url else "?") + urlencode(query, quote_via=quote)


async def connect_websocket(
    uri: str,
    shown: str,
    context: ssl.SSLContext | None,
    server_name: str | None,
    options: WebSocketOptions,
    max_message_size: int | None,
    *,
    subprotocols: tuple[str, ...],
    origin: str | None,
    sock: socket.socket | None = None,
) -> ClientConnection:
    """The WebSocket handshake (headers, cookies and query of `options`); errors name
    `shown`, the URL without secrets."""
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidHandshake, InvalidStatus, NegotiationError
    from websockets.typing import Origin, Subprotocol

    extra: dict[str, object] = {}
    if context is not None:
        extra["ssl"] = context
        extra["server_hostname"] = server_name
    if sock is not None:  # connected already: websockets adds TLS and the HTTP upgrade
        extra["sock"] = sock
    uri = with_query(uri, options.query)
    try:
        return await connect(
            uri,
            subprotocols=[Subprotocol(p) for p in subprotocols] or None,
            additional_headers=options.request_headers() or None,
            origin=Origin(origin) if origin else None,
            compression="deflate" if options.compression else None,
            max_size=max_message_size,
            open_timeout=options.open_timeout,
            proxy=None,
            **extra,  # type: ignore[arg-type]
        )
    except InvalidStatus as exc:
        status = exc.response.status_code
        hint = {
            404: " (check the path)",
            401: " (check the Authorization/Cookie headers)",
            403: " (check the Authorization/Cookie headers or Origin)",
        }.get(status, "")
        raise WebSocketHandshakeError(
            f"the WebSocket handshake with {shown} was refused with HTTP {status}{hint}"
        ) from exc
    except NegotiationError as exc:
        raise WebSocketHandshakeError(
            f"the WebSocket handshake with {shown} failed: {exc} "
            f"(offered {', '.join(subprotocols)})"
        ) from exc
    except InvalidHandshake as exc:
        raise WebSocketHandshakeError(
            f"the WebSocket handshake with {shown} failed: {exc}"
        ) from exc


def _tune_socket(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _os_reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _ws_close_reason(exc: Exception) -> str:
    rcvd = getattr(exc, "rcvd", None)
    if rcvd is not None:
        reason = f": {rcvd.reason}" if rcvd.reason else ""
        return f"close code {rcvd.code}{reason}"
    return "closed without a close frame"
