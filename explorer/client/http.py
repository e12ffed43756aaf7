"""The client's HTTP: one aiohttp session per SockJS connection, and its failures in words.

aiohttp because it is asyncio-native (no thread per request; it runs on the window's qasync
loop), parses HTTP in C (xhr-streaming is one long response of many small frames) and keeps
cookies (a load balancer's sticky-session cookie, SockJS's `cookie_needed`).
"""

from __future__ import annotations

import socket
import ssl

import aiohttp

from explorer.client.errors import TlsError, TransportError

__all__ = ["http_failure", "new_http_session"]


def new_http_session(
    *,
    context: ssl.SSLContext | None,
    headers: list[tuple[str, str]],
    origin: str | None,
    connections: int = 4,
) -> aiohttp.ClientSession:
    """A session whose requests all carry `headers` (and `Origin`). Cookies set by the server
    are kept for the session's life; the jar accepts IP-address hosts (127.0.0.1) too."""
    connector = aiohttp.TCPConnector(
        ssl=context if context is not None else True,
        limit=connections,
        force_close=False,
        enable_cleanup_closed=False,
    )
    base = [(k, v) for k, v in headers if k.lower() != "origin"]
    if origin:
        base.append(("Origin", origin))
    return aiohttp.ClientSession(
        connector=connector,
        cookie_jar=aiohttp.CookieJar(unsafe=True),
        headers=base,
        timeout=aiohttp.ClientTimeout(total=None, sock_connect=None),
        auto_decompress=True,
        trust_env=False,
    )


def http_failure(exc: BaseException, shown: str, server_name: str | None) -> TransportError:
    """An aiohttp or OS error met at `shown` (a URL without secrets) as a TransportError
    that says what to check."""
    where = shown
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        cert = exc.certificate_error
        reason = getattr(cert, "verify_message", None) or getattr(cert, "reason", None) or cert
        return TlsError(
            f"TLS certificate verification failed for host {server_name}: {reason}; "
            "use --ca-file or --insecure"
        )
    if isinstance(exc, aiohttp.ClientConnectorSSLError):
        return TlsError(f"TLS handshake with {where} failed: {exc.os_error}")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return TransportError(f"cannot resolve the host of {where}: {_os_words(exc.os_error)}")
    if isinstance(exc, aiohttp.ClientConnectorError):
        os_error = exc.os_error
        if isinstance(os_error, ConnectionRefusedError):
            return TransportError(f"connection refused by {where} — is the server running?")
        if isinstance(os_error, socket.gaierror):
            return TransportError(f"cannot resolve the host of {where}: {_os_words(os_error)}")
        return TransportError(f"cannot connect to {where}: {_os_words(os_error)}")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return TransportError(f"{where} closed the connection without an answer")
    if isinstance(exc, aiohttp.ClientPayloadError):
        return TransportError(f"the answer from {where} broke off: {exc}")
    if isinstance(exc, aiohttp.ClientResponseError):
        return TransportError(f"{where} answered with HTTP {exc.status} {exc.message}")
    if isinstance(exc, aiohttp.ClientError):
        return TransportError(f"the HTTP request to {where} failed: {exc or type(exc).__name__}")
    if isinstance(exc, OSError):
        return TransportError(f"the connection to {where} broke: {_os_words(exc)}")
    return TransportError(f"the HTTP request to {where} failed: {type(exc).__name__}")


def _os_words(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
