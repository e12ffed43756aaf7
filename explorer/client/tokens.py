"""Bearer tokens: where they come from and where they are put.

Spring applications read a token from a CONNECT header (a `ChannelInterceptor`), from the
handshake (`Authorization`, which browsers and SockJS cannot set), from a query parameter or
from a cookie. The token comes from an environment variable, from a fixed value (a profile's
keyring entry) or from a command run before every connect and reconnect, like a credential
plugin, so an expiring JWT is fetched fresh each time. A token is a secret: it is never part
of an error message, a repr or the wire tap (see `requests.redact`).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from dataclasses import dataclass, field, replace
from enum import StrEnum

from explorer.client.errors import TokenError
from explorer.client.options import WebSocketOptions

__all__ = [
    "DEFAULT_TOKEN_NAMES",
    "PlacedToken",
    "TokenOptions",
    "TokenPlacement",
    "TokenSource",
    "place_token",
]

Headers = tuple[tuple[str, str], ...]


class TokenPlacement(StrEnum):
    CONNECT = "connect"  # a STOMP CONNECT header (what Spring recommends)
    HANDSHAKE = "handshake"  # an HTTP header of the WebSocket/SockJS handshake
    QUERY = "query"  # a query parameter of the URL (ends up in server logs)
    COOKIE = "cookie"  # a cookie sent with the handshake and every SockJS request


DEFAULT_TOKEN_NAMES: dict[TokenPlacement, str] = {
    TokenPlacement.CONNECT: "Authorization",
    TokenPlacement.HANDSHAKE: "Authorization",
    TokenPlacement.QUERY: "access_token",
    TokenPlacement.COOKIE: "access_token",
}


@dataclass(frozen=True, slots=True)
class TokenSource:
    """Exactly one of `env` (a variable name), `command` (a shell command whose standard
    output is the token) or `value` (a fixed token, e.g. from the keyring)."""

    env: str | None = None
    command: str | None = None
    value: str | None = field(default=None, repr=False)
    timeout: float = 30.0  # for the command

    def __post_init__(self) -> None:
        given = [x for x in (self.env, self.command, self.value) if x is not None]
        if len(given) != 1:
            raise ValueError("a token source needs exactly one of env, command or value")

    @property
    def kind(self) -> str:
        return "env" if self.env is not None else "command" if self.command else "keyring"

    async def fetch(self) -> str:
        """The token now; TokenError (never echoing the token) when there is none usable."""
        if self.env is not None:
            token = os.environ.get(self.env)
            if token is None:
                raise TokenError(f"the token variable {self.env} is not set", "env")
            return _checked(token, f"the token variable {self.env}", "env")
        if self.command is not None:
            token = await asyncio.to_thread(_run_command, self.command, self.timeout)
            return _checked(token, "the token command's output", "command")
        return _checked(self.value or "", "the token kept in the keyring", "keyring")


@dataclass(frozen=True, slots=True)
class TokenOptions:
    """Where the token goes. `name` defaults to Authorization (headers) or access_token
    (query, cookie); `prefix` defaults to "Bearer " in an Authorization header, else ""."""

    source: TokenSource
    placement: TokenPlacement = TokenPlacement.CONNECT
    name: str | None = None
    prefix: str | None = None

    @property
    def effective_name(self) -> str:
        return self.name or DEFAULT_TOKEN_NAMES[self.placement]

    def formatted(self, token: str) -> str:
        prefix = self.prefix
        if prefix is None:
            prefix = "Bearer " if self.effective_name.lower() == "authorization" else ""
        return prefix + token

    @property
    def secret_connect_headers(self) -> frozenset[str]:
        """The CONNECT header names that carry the token (redacted wherever frames show)."""
        if self.placement is not TokenPlacement.CONNECT:
            return frozenset()
        return frozenset({self.effective_name.lower()})

    async def fetch_and_place(self) -> PlacedToken:
        return place_token(self, await self.source.fetch())


@dataclass(frozen=True, slots=True)
class PlacedToken:
    """One connection attempt's token, by placement (all empty but one)."""

    connect_headers: Headers = field(default=(), repr=False)
    handshake_headers: Headers = field(default=(), repr=False)
    query: Headers = field(default=(), repr=False)
    cookies: Headers = field(default=(), repr=False)

    def in_handshake(self, ws: WebSocketOptions) -> WebSocketOptions:
        """The WebSocket/SockJS handshake options with this token in them."""
        return replace(
            ws,
            headers=ws.headers + self.handshake_headers,
            cookies=ws.cookies + self.cookies,
            query=ws.query + self.query,
        )


def place_token(options: TokenOptions, token: str) -> PlacedToken:
    pair = ((options.effective_name, options.formatted(token)),)
    match options.placement:
        case TokenPlacement.CONNECT:
            return PlacedToken(connect_headers=pair)
        case TokenPlacement.HANDSHAKE:
            return PlacedToken(handshake_headers=pair)
        case TokenPlacement.QUERY:
            return PlacedToken(query=pair)
        case TokenPlacement.COOKIE:
            return PlacedToken(cookies=pair)


def _run_command(command: str, timeout: float) -> str:
    # The command itself is never quoted back: it may carry a credential of its own (a
    # client secret for the token endpoint).
    try:
        result = subprocess.run(
            command,
            shell=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise TokenError(
            f"the token command did not finish within {timeout:g} s", "command"
        ) from None
    except OSError as exc:
        raise TokenError(
            f"the token command could not be run: {exc.strerror or exc}", "command"
        ) from None
    if result.returncode != 0:
        # stderr says why (it is the command's diagnostics, not its output); stdout might
        # hold a partial token and is never shown.
        why = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = f": {why[-1][:200]}" if why else ""
        raise TokenError(
            f"the token command failed with exit code {result.returncode}{detail}",
            "command",
        )
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise TokenError("the token command printed bytes that are not UTF-8", "command") from None


def _checked(raw: str, what: str, source: str) -> str:
    """One line, trimmed; nothing else can go into a header, a URL or a cookie."""
    token = raw.strip()
    if not token:
        raise TokenError(f"{what} is empty; there is no token to send", source)
    if any(ch in token for ch in "\r\n"):
        raise TokenError(
            f"{what} has more than one line; a token must be a single line (print only the token)",
            source,
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in token):
        raise TokenError(f"{what} contains a control character; a token cannot carry it", source)
    return token
