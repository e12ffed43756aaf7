"""Broker URLs: `stomp://`, `stomp+ssl://`, `ws://`, `wss://`, and `http://`, `https://`
(a SockJS endpoint, e.g. Spring's `.withSockJS()`) to an `Endpoint`.

Pure parsing, no I/O, shared by the client, the profiles and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit


class Transport(StrEnum):
    TCP = "tcp"
    TLS = "tls"
    WS = "ws"
    WSS = "wss"
    HTTP = "http"  # SockJS (falls back to a raw WebSocket when there is no /info)
    HTTPS = "https"


SCHEMES: dict[str, Transport] = {
    "stomp": Transport.TCP,
    "tcp": Transport.TCP,
    "stomp+ssl": Transport.TLS,
    "stomp+tls": Transport.TLS,
    "stomps": Transport.TLS,
    "ssl": Transport.TLS,
    "ws": Transport.WS,
    "wss": Transport.WSS,
    "http": Transport.HTTP,
    "https": Transport.HTTPS,
}

DEFAULT_PORTS: dict[Transport, int] = {
    Transport.TCP: 61613,
    Transport.TLS: 61614,
    Transport.WS: 80,
    Transport.WSS: 443,
    Transport.HTTP: 80,
    Transport.HTTPS: 443,
}

CANONICAL_SCHEME: dict[Transport, str] = {
    Transport.TCP: "stomp",
    Transport.TLS: "stomp+ssl",
    Transport.WS: "ws",
    Transport.WSS: "wss",
    Transport.HTTP: "http",
    Transport.HTTPS: "https",
}

SCHEME_LIST = "stomp://, stomp+ssl://, ws://, wss://, http:// or https:// (SockJS)"

# Query parameters that carry credentials: their values are shown as *** (Endpoint.url()).
SECRET_QUERY_NAMES: frozenset[str] = frozenset(
    {
        "access_token",
        "token",
        "jwt",
        "auth",
        "authorization",
        "api_key",
        "apikey",
        "key",
        "password",
        "passcode",
        "secret",
        "x-auth-token",
    }
)


class UrlError(ValueError):
    """A broker URL that cannot be used; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where a broker listens. `path` (with query) only matters for WebSocket and SockJS."""

    transport: Transport
    host: str
    port: int
    path: str = "/"
    login: str | None = None

    @property
    def is_websocket(self) -> bool:
        return self.transport in (Transport.WS, Transport.WSS)

    def __repr__(self) -> str:  # a token typed into the query never reaches a log
        return (
            f"Endpoint(transport={self.transport!r}, host={self.host!r}, port={self.port}, "
            f"path={redact_query(self.path)!r}, login={self.login!r})"
        )

    @property
    def is_sockjs(self) -> bool:
        """http:// or https://: SockJS (or a raw WebSocket when the server has no /info)."""
        return self.transport in (Transport.HTTP, Transport.HTTPS)

    @property
    def has_path(self) -> bool:
        return self.is_websocket or self.is_sockjs

    @property
    def is_tls(self) -> bool:
        return self.transport in (Transport.TLS, Transport.WSS, Transport.HTTPS)

    def url(self, *, reveal: bool = False) -> str:
        """The canonical URL, without secrets (a login name is kept, a passcode never; the
        values of token-like query parameters are *** unless `reveal`: only for a URL that
        is connected to, never for one that is shown or written)."""
        user = f"{self.login}@" if self.login else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        path = self.path if reveal else redact_query(self.path)
        path = path if self.has_path and self.path != "/" else ""
        return f"{CANONICAL_SCHEME[self.transport]}://{user}{host}:{self.port}{path}"


def redact_url(url: str) -> str:
    """A URL as typed, with the values of token-like query parameters shown as ***."""
    head, sep, _ = url.partition("?")
    if not sep:
        return url
    path_start = head.find("/", head.find("://") + 3) if "://" in head else 0
    if path_start < 0:
        path_start = len(head)
    return head[:path_start] + redact_query(url[path_start:])


def redact_query(path: str) -> str:
    """`path?a=1&access_token=***`: secret-looking parameter values hidden."""
    base, sep, query = path.partition("?")
    if not sep:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(k.lower() in SECRET_QUERY_NAMES for k, _ in pairs):
        return path
    shown = [(k, "***" if k.lower() in SECRET_QUERY_NAMES else v) for k, v in pairs]
    return f"{base}?{urlencode(shown, safe='*', quote_via=quote)}"


def parse_url(url: str) -> Endpoint:
    """Parse a broker URL; raise UrlError naming the part to fix.

    A passcode inside the URL (`user:secret@host`) is refused: secrets go to the
    keyring or an environment variable, never into a string that ends up in logs.
    """
    text = url.strip()
    if not text:
        raise UrlError("the URL is empty; expected for example stomp://localhost:61613")
    _check_characters(text)
    if "://" not in text:
        raise UrlError(f"'{text}' has no scheme; use {SCHEME_LIST}")
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # "Invalid IPv6 URL"
        raise UrlError(
            f"'{text}' has an unclosed '[' or ']'; write an IPv6 address in brackets, "
            "for example stomp://[::1]:61613"
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UrlError(f"unknown scheme '{parts.scheme}' in '{text}'; use {SCHEME_LIST}")
    transport = SCHEMES[scheme]
    if parts.password is not None:
        raise UrlError(
            "a passcode in the URL is not accepted (it would end up in logs); "
            "give it with --passcode-env VAR or let the app ask for it"
        )
    if not host:
        raise UrlError(f"'{text}' has no host; expected for example {scheme}://localhost")
    _check_host(host)
    try:
        port = parts.port
    except ValueError:
        raise UrlError(f"the port in '{text}' is not a number between 1 and 65535") from None
    if port is None:
        port = DEFAULT_PORTS[transport]
    if not 0 < port < 65536:
        raise UrlError(f"the port in '{text}' is not a number between 1 and 65535")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    if transport in (Transport.TCP, Transport.TLS) and path not in ("", "/"):
        raise UrlError(
            f"'{text}' has a path, which only WebSocket and SockJS URLs (ws://, wss://, "
            "http://, https://) use"
        )
    login = unquote(parts.username) if parts.username else None
    return Endpoint(transport=transport, host=host, port=port, path=path, login=login)


def _check_characters(text: str) -> None:
    """Spaces, control characters and bytes that were not UTF-8 (a shell passes them as lone
    surrogates) cannot be sent to a broker: say so instead of failing later."""
    for char in text:
        if "\ud800" <= char <= "\udfff":
            raise UrlError(
                "the URL holds a byte that is not UTF-8 text; check the shell's quoting and "
                "the terminal's encoding"
            )
        if char.isspace() or ord(char) < 32 or ord(char) == 127:
            raise UrlError(
                f"the URL {text!r} contains a space or a control character; remove it "
                "(in a WebSocket path, write a space as %20)"
            )


def _check_host(host: str) -> None:
    """The name must be one the resolver accepts (IDNA: dot-separated labels of 1 to 63
    characters), or connecting fails later with a codec error instead of a sentence."""
    if ":" in host:
        return  # an IPv6 address (urlsplit checked the brackets)
    try:
        host.encode("idna")
    except UnicodeError:
        raise UrlError(
            f"the host name '{host}' is not valid: each dot-separated part must have "
            "1 to 63 characters"
        ) from None
