"""From a profile name to everything a client needs to connect (used by `--profile NAME`).

The command line's shared connection arguments call `connection_from_profile`; the window
uses it too. Options given on the command line override the profile afterwards (their job).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from explorer.client.url import Endpoint
from explorer.profiles import secrets as sec
from explorer.profiles.errors import FieldError, ProfileInvalid
from explorer.profiles.model import (
    Headers,
    HeartBeat,
    Profile,
    Reconnect,
    TlsSettings,
    TokenSettings,
)
from explorer.profiles.store import ProfileStore

if TYPE_CHECKING:
    from explorer.client.tokens import TokenOptions


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """A profile resolved for connecting: parsed endpoint, secrets filled in.

    `passcode` is None when none is stored; when `secrets_persistent` is False the caller
    should ask for it (the window) or require --passcode-env (the command line).
    """

    profile: Profile
    endpoint: Endpoint
    login: str | None
    passcode: str | None
    host_header: str
    versions: tuple[str, ...]
    heart_beat: HeartBeat
    reconnect: Reconnect
    tls: TlsSettings
    tls_key_passphrase: str | None
    ws_headers: Headers  # plain and secret handshake headers together
    ws_origin: str | None
    secrets_persistent: bool
    secrets_note: str
    connect_headers: Headers = ()  # plain and secret CONNECT headers together
    token: TokenSettings = field(default_factory=TokenSettings)
    token_value: str | None = None  # the keyring's token (source "keyring")
    browser_like: bool = False
    sockjs_transport: str | None = None

    @property
    def needs_passcode(self) -> bool:
        """A login without a known passcode: ask the user (the Connect button says why)."""
        return bool(self.login) and self.passcode is None

    def __repr__(self) -> str:  # never show secrets in logs or tracebacks
        return (
            f"ConnectionSettings(profile={self.profile.name!r}, url={self.endpoint.url()!r}, "
            f"login={self.login!r}, passcode={'***' if self.passcode else None})"
        )


def settings_for(profile: Profile, store: ProfileStore) -> ConnectionSettings:
    """Resolve an already loaded profile (it may be unsaved, e.g. from the dialog)."""
    return settings_from(
        profile,
        store.get_secrets(profile.name) if profile.name in store else {},
        store.secrets_persistent,
        store.secrets_note,
    )


def settings_from(
    profile: Profile, secrets: dict[str, str], persistent: bool = True, note: str = ""
) -> ConnectionSettings:
    """Resolve a profile with explicitly given secrets (the dialog's "Test connection")."""
    try:
        endpoint = profile.endpoint()
    except ValueError as exc:
        raise ProfileInvalid([FieldError("url", str(exc))]) from None
    headers = list(profile.websocket.headers)
    for name in profile.websocket.secret_headers:
        value = secrets.get(sec.header_field(name))
        if value:
            headers.append((name, value))
    connect_headers = list(profile.connect_headers)
    for name in profile.secret_connect_headers:
        value = secrets.get(sec.connect_header_field(name))
        if value:
            connect_headers.append((name, value))
    return ConnectionSettings(
        profile=profile,
        endpoint=endpoint,
        login=profile.effective_login,
        passcode=secrets.get(sec.PASSCODE),
        host_header=profile.host_header,
        versions=profile.versions,
        heart_beat=profile.heart_beat,
        reconnect=profile.reconnect,
        tls=profile.tls,
        tls_key_passphrase=secrets.get(sec.TLS_KEY_PASSPHRASE),
        ws_headers=tuple(headers),
        ws_origin=profile.websocket.origin,
        secrets_persistent=persistent,
        secrets_note=note,
        connect_headers=tuple(connect_headers),
        token=profile.token,
        token_value=secrets.get(sec.TOKEN),
        browser_like=profile.websocket.browser_like,
        sockjs_transport=profile.websocket.sockjs_transport,
    )


def connection_from_profile(name: str, store: ProfileStore | None = None) -> ConnectionSettings:
    """The settings of saved profile `name` (ProfileNotFound names the fix)."""
    store = store if store is not None else ProfileStore()
    return settings_for(store.get(name), store)


def client_kwargs(settings: ConnectionSettings) -> dict[str, Any]:
    """Keyword arguments for `explorer.client.Client(settings.endpoint, **kwargs)`."""
    from explorer.client.options import ReconnectPolicy, SockJsOptions
    from explorer.client.options import TlsOptions as ClientTls
    from explorer.client.options import WebSocketOptions as ClientWs

    tls = settings.tls
    rc = settings.reconnect
    return {
        "login": settings.login,
        "passcode": settings.passcode,
        "host": settings.host_header,
        "accept_versions": settings.versions,
        "heartbeat": (settings.heart_beat.send_ms, settings.heart_beat.receive_ms),
        "tls": ClientTls(
            ca_file=tls.ca_file,
            cert_file=tls.cert_file,
            key_file=tls.key_file,
            key_password=settings.tls_key_passphrase,
            server_name=tls.server_name,
            insecure=not tls.verify,
        ),
        "websocket": ClientWs(
            headers=settings.ws_headers,
            origin=settings.ws_origin,
            browser_like=settings.browser_like,
        ),
        "connect_headers": settings.connect_headers,
        "sockjs": SockJsOptions(settings.sockjs_transport),
        "token": token_options(settings),
        "reconnect": ReconnectPolicy(
            initial_delay=rc.initial_delay_ms / 1000, max_delay=rc.max_delay_ms / 1000
        )
        if rc.enabled
        else None,
    }


def token_options(settings: ConnectionSettings) -> TokenOptions | None:
    """The profile's bearer token for `Client(token=...)` (None: no token)."""
    from explorer.client.tokens import TokenOptions, TokenPlacement, TokenSource

    token = settings.token
    if token.source == "env" and token.env:
        source = TokenSource(env=token.env)
    elif token.source == "command" and token.command:
        source = TokenSource(command=token.command)
    elif token.source == "keyring":
        source = TokenSource(value=settings.token_value or "")
    else:
        return None
    return TokenOptions(source, TokenPlacement(token.placement), token.name, token.prefix)
