"""Connection options that are values: TLS, WebSocket handshake, reconnect back-off.

Kept apart from the client so that profiles and the command line can build them without
touching sockets.
"""

from __future__ import annotations

import random
import ssl
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from explorer.client.errors import TlsError

__all__ = [
    "BROWSER_SUBPROTOCOLS",
    "SOCKJS_TRANSPORTS",
    "STOMP_SUBPROTOCOLS",
    "ReconnectPolicy",
    "SockJsOptions",
    "TlsOptions",
    "WebSocketOptions",
    "browser_like_problems",
]

# IANA-registered STOMP subprotocols, best first (ActiveMQ refuses a handshake that offers none).
STOMP_SUBPROTOCOLS: tuple[str, ...] = ("v12.stomp", "v11.stomp", "v10.stomp")
# What @stomp/stompjs offers from a browser page, in its order.
BROWSER_SUBPROTOCOLS: tuple[str, ...] = ("v10.stomp", "v11.stomp", "v12.stomp")
# SockJS transports we speak, in the order of preference (sockjs-client's order too).
SOCKJS_TRANSPORTS: tuple[str, ...] = ("websocket", "xhr-streaming", "xhr-polling")


@dataclass(frozen=True, slots=True)
class TlsOptions:
    """TLS settings for stomp+ssl:// and wss://. Verification is on unless `insecure`."""

    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    key_password: str | None = field(default=None, repr=False)
    server_name: str | None = None  # SNI and the name the certificate must match
    insecure: bool = False  # no certificate or host name check (explicit switch only)

    def context(self) -> ssl.SSLContext:
        """An SSLContext for these options; file problems become TlsError with the path."""
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
        if self.insecure:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        if self.ca_file:
            try:
                context.load_verify_locations(cafile=self.ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise TlsError(f"cannot load the CA file {self.ca_file}: {_reason(exc)}") from exc
        if self.cert_file:
            try:
                context.load_cert_chain(self.cert_file, self.key_file, password=self.key_password)
            except (OSError, ssl.SSLError) as exc:
                raise TlsError(
                    f"cannot load the client certificate {self.cert_file}"
                    f"{' / key ' + self.key_file if self.key_file else ''}: {_reason(exc)}"
                    " (wrong passphrase or not a PEM file?)"
                ) from exc
        return context


@dataclass(frozen=True, slots=True)
class WebSocketOptions:
    """Handshake settings for ws://, wss:// and the HTTP requests of SockJS (http://, https://).

    `cookies` and `query` carry tokens (tokens.py): they are added to every handshake and
    SockJS request, never to a URL that is shown. `browser_like` allows only what a page can
    do: no handshake headers but cookies, an Origin (the endpoint's own unless `origin` is
    set), stompjs's subprotocols (see `browser_like_problems`)."""

    headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # Authorization, ...
    origin: str | None = None  # sent only when set (Spring refuses foreign origins)
    subprotocols: tuple[str, ...] = STOMP_SUBPROTOCOLS
    force_binary: bool = False  # send every frame as a binary message
    compression: bool = True  # permessage-deflate when the server offers it
    open_timeout: float | None = None  # None: the client's connect timeout applies
    cookies: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    query: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    browser_like: bool = False

    def request_headers(self) -> list[tuple[str, str]]:
        """The headers every handshake and SockJS request carries (cookies merged into one
        Cookie header, after any Cookie given in `headers`)."""
        headers = [
            (k, v) for k, v in self.headers if not self.browser_like or k.lower() == "cookie"
        ]
        if self.cookies:
            headers.append(("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies)))
        return headers

    def origin_for(self, own_origin: str) -> str | None:
        """The Origin to send: the chosen one; in browser-like mode the page's (the
        endpoint's own scheme, host and port) when none is chosen."""
        if self.origin:
            return self.origin
        return own_origin if self.browser_like else None

    def offered_subprotocols(self) -> tuple[str, ...]:
        return BROWSER_SUBPROTOCOLS if self.browser_like else self.subprotocols


def browser_like_problems(options: WebSocketOptions) -> list[str]:
    """What a browser page could not do with these settings (empty: nothing)."""
    if not options.browser_like:
        return []
    names = sorted({k for k, _ in options.headers if k.lower() != "cookie"}, key=str.lower)
    if not names:
        return []
    return [
        f"a browser page cannot set WebSocket handshake headers ({', '.join(names)}); put a "
        "token in a CONNECT header, the query or a cookie, or turn browser-like mode off"
    ]


@dataclass(frozen=True, slots=True)
class SockJsOptions:
    """SockJS over http:// and https:// URLs. `transport` forces one of SOCKJS_TRANSPORTS
    (None: the best the server's /info offers, falling back in SOCKJS_TRANSPORTS order)."""

    transport: str | None = None

    def __post_init__(self) -> None:
        if self.transport is not None and self.transport not in SOCKJS_TRANSPORTS:
            raise ValueError(
                f"unknown SockJS transport '{self.transport}'; use " + ", ".join(SOCKJS_TRANSPORTS)
            )


@dataclass(frozen=True, slots=True)
class ReconnectPolicy:
    """Exponential back-off with jitter: initial * factor**n, capped, +- jitter fraction."""

    initial_delay: float = 0.5
    max_delay: float = 30.0
    factor: float = 2.0
    jitter: float = 0.2
    max_attempts: int | None = None  # None: forever (until disconnect()/close())
    delays: Callable[[], Iterable[float]] | None = None  # tests inject fixed delays

    def iter_delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """Delays before attempts 1, 2, ...; stops after max_attempts."""
        source: Iterable[float] = (
            self.delays() if self.delays else self._backoff(rng or random.Random())
        )
        for attempt, delay in enumerate(source, start=1):
            if self.max_attempts is not None and attempt > self.max_attempts:
                return
            yield max(0.0, delay)

    def _backoff(self, rng: random.Random) -> Iterator[float]:
        delay = self.initial_delay
        while True:
            spread = delay * self.jitter
            yield min(self.max_delay, delay + rng.uniform(-spread, spread))
            delay = min(self.max_delay, delay * self.factor)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
