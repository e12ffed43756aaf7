"""Broker URLs: `stomp://`, `stomp+ssl://`, `ws://`, `wss://` to an `Endpoint`.

Pure parsing, no I/O, shared by the client, the profiles and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit


class Transport(StrEnum):
    TCP = "tcp"
    TLS = "tls"
    WS = "ws"
    WSS = "wss"


SCHEMES: dict[str, Transport] = {
    "stomp": Transport.TCP,
    "tcp": Transport.TCP,
    "stomp+ssl": Transport.TLS,
    "stomp+tls": Transport.TLS,
    "stomps": Transport.TLS,
    "ssl": Transport.TLS,
    "ws": Transport.WS,
    "wss": Transport.WSS,
}

DEFAULT_PORTS: dict[Transport, int] = {
    Transport.TCP: 61613,
    Transport.TLS: 61614,
    Transport.WS: 80,
    Transport.WSS: 443,
}

CANONICAL_SCHEME: dict[Transport, str] = {
    Transport.TCP: "stomp",
    Transport.TLS: "stomp+ssl",
    Transport.WS: "ws",
    Transport.WSS: "wss",
}


class UrlError(ValueError):
    """A broker URL that cannot be used; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where a broker listens. `path` (with query) only matters for WebSocket."""

    transport: Transport
    host: str
    port: int
    path: str = "/"
    login: str | None = None

    @property
    def is_websocket(self) -> bool:
        return self.transport in (Transport.WS, Transport.WSS)

    @property
    def is_tls(self) -> bool:
        return self.transport in (Transport.TLS, Transport.WSS)

    def url(self) -> str:
        """The canonical URL, without secrets (a login name is kept, a passcode never)."""
        user = f"{self.login}@" if self.login else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        path = self.path if self.is_websocket and self.path != "/" else ""
        return f"{CANONICAL_SCHEME[self.transport]}://{user}{host}:{self.port}{path}"


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
        raise UrlError(f"'{text}' has no scheme; use stomp://, stomp+ssl://, ws:// or wss://")
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
        raise UrlError(
            f"unknown scheme '{parts.scheme}' in '{text}'; use stomp://, stomp+ssl://, ws:// or wss://"
        )
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
        raise UrlError(f"'{text}' has a path, which only WebSocket URLs (ws://, wss://) use")
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
