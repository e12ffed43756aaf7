"""The connection profile: plain frozen data, with its JSON form.

The URL is the single source of truth for transport, host, port and WebSocket path. Secrets
(passcode, TLS key passphrase, secret handshake and CONNECT headers, a bearer token,
management password) are not part of a `Profile`: they live in the keyring (see
`secrets.py`), so a profile can be written, logged and exported as it is.

Fields added after schema 2 (connect headers, the token, browser-like mode, the SockJS
transport) read as their defaults from files that do not have them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from explorer.client.url import Endpoint, parse_url
from explorer.profiles.document import TooLargeNumber
from explorer.profiles.errors import ProfileFileError

ALL_VERSIONS: tuple[str, ...] = ("1.0", "1.1", "1.2")
SPLIT_RULES: tuple[str, ...] = ("/", ".", "/.", "none")

SOCKJS_TRANSPORTS: tuple[str, ...] = ("websocket", "xhr-streaming", "xhr-polling")
TOKEN_SOURCES: tuple[str, ...] = ("none", "keyring", "env", "command")
TOKEN_PLACEMENTS: tuple[str, ...] = ("connect", "handshake", "query", "cookie")

# Handshake headers whose values are credentials: kept in the keyring, never in the file.
SECRET_HEADER_NAMES: frozenset[str] = frozenset(
    {"authorization", "proxy-authorization", "cookie", "x-auth-token", "x-api-key"}
)

Headers = tuple[tuple[str, str], ...]


def is_secret_header(name: str) -> bool:
    """True for handshake headers that carry credentials (their values go to the keyring)."""
    return name.strip().lower() in SECRET_HEADER_NAMES


@dataclass(frozen=True, slots=True)
class HeartBeat:
    """What we offer in CONNECT's `heart-beat` header (milliseconds, 0 = off)."""

    send_ms: int = 10_000
    receive_ms: int = 10_000


@dataclass(frozen=True, slots=True)
class Reconnect:
    """Automatic reconnection with exponential back-off between the two delays."""

    enabled: bool = True
    initial_delay_ms: int = 1_000
    max_delay_ms: int = 30_000


@dataclass(frozen=True, slots=True)
class TlsSettings:
    """TLS settings; the key passphrase is a secret and lives in the keyring."""

    verify: bool = True
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    server_name: str | None = None


@dataclass(frozen=True, slots=True)
class WebSocketSettings:
    """Handshake extras (ws://, wss:// and SockJS's http://, https://). `headers` holds plain
    headers; the values of the headers named in `secret_headers` (Authorization, Cookie, ...)
    live in the keyring. `browser_like`: only what a browser page can do (no handshake
    headers but cookies, an Origin, stompjs's subprotocols). `sockjs_transport` forces one
    SockJS transport (None: the best the server offers)."""

    headers: Headers = ()
    secret_headers: tuple[str, ...] = ()
    origin: str | None = None
    browser_like: bool = False
    sockjs_transport: str | None = None


@dataclass(frozen=True, slots=True)
class TokenSettings:
    """A bearer token: `source` "none", "keyring" (the value is a secret of the profile),
    "env" (variable `env`) or "command" (`command` prints it; run before every connect and
    reconnect). It goes in a CONNECT header, a handshake header, a query parameter or a
    cookie (`placement`) named `name` (None: Authorization, or access_token for the query
    and cookies), after `prefix` (None: "Bearer " in an Authorization header)."""

    source: str = "none"
    env: str | None = None
    command: str | None = None
    placement: str = "connect"
    name: str | None = None
    prefix: str | None = None

    @property
    def enabled(self) -> bool:
        return self.source != "none"


@dataclass(frozen=True, slots=True)
class Subscription:
    """A subscription opened as soon as the profile connects."""

    destination: str
    ack: str = "auto"
    headers: Headers = ()


@dataclass(frozen=True, slots=True)
class Management:
    """Endpoints used for destination discovery; the password lives in the keyring."""

    jolokia_url: str | None = None
    management_url: str | None = None
    login: str | None = None


@dataclass(frozen=True, slots=True)
class RecordingSettings:
    """Keep recording: every connection of the profile is recorded to a new capture file
    in `folder` (None: the default captures folder), with the oldest messages evicted past
    `max_mb` mebibytes or `max_days` days (None: no cap). Files written before this field
    existed read as "not recording"."""

    keep: bool = False
    folder: str | None = None
    max_mb: int | None = None
    max_days: int | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A saved broker connection, minus its secrets."""

    name: str
    url: str
    vhost: str | None = None  # the CONNECT `host` header; None sends "/"
    login: str | None = None
    versions: tuple[str, ...] = ALL_VERSIONS
    heart_beat: HeartBeat = field(default_factory=HeartBeat)
    reconnect: Reconnect = field(default_factory=Reconnect)
    tls: TlsSettings = field(default_factory=TlsSettings)
    websocket: WebSocketSettings = field(default_factory=WebSocketSettings)
    connect_headers: Headers = ()  # extra CONNECT headers with plain values
    secret_connect_headers: tuple[str, ...] = ()  # CONNECT headers whose values are secrets
    token: TokenSettings = field(default_factory=TokenSettings)
    split_rule: str = "/."
    subscriptions: tuple[Subscription, ...] = ()
    management: Management = field(default_factory=Management)
    recording: RecordingSettings = field(default_factory=RecordingSettings)
    colour: str | None = None
    notes: str = ""
    hidden: bool = False
    builtin: bool = False  # comes from the code (e.g. the sandbox), never from the file

    def endpoint(self) -> Endpoint:
        """The parsed URL; raises UrlError when the URL is invalid (validate() first)."""
        return parse_url(self.url)

    @property
    def effective_login(self) -> str | None:
        """The login field, or the user part of the URL when the field is empty."""
        if self.login:
            return self.login
        try:
            return parse_url(self.url).login
        except ValueError:
            return None

    @property
    def host_header(self) -> str:
        """What CONNECT sends as `host` (RabbitMQ reads it as the virtual host)."""
        return self.vhost or "/"

    def renamed(self, name: str) -> Profile:
        return replace(self, name=name)


# ---------------------------------------------------------------------------------------------
# JSON form (the current schema). Empty/default values are still written, so the file is easy
# to read and edit by hand.


def _headers_to_json(headers: Headers) -> list[list[str]]:
    return [[k, v] for k, v in headers]


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The file form of a profile (no secrets exist in a Profile, so none can leak here)."""
    return {
        "name": profile.name,
        "url": profile.url,
        "vhost": profile.vhost,
        "login": profile.login,
        "versions": list(profile.versions),
        "heart_beat": {
            "send_ms": profile.heart_beat.send_ms,
            "receive_ms": profile.heart_beat.receive_ms,
        },
        "reconnect": {
            "enabled": profile.reconnect.enabled,
            "initial_delay_ms": profile.reconnect.initial_delay_ms,
            "max_delay_ms": profile.reconnect.max_delay_ms,
        },
        "tls": {
            "verify": profile.tls.verify,
            "ca_file": profile.tls.ca_file,
            "cert_file": profile.tls.cert_file,
            "key_file": profile.tls.key_file,
            "server_name": profile.tls.server_name,
        },
        "websocket": {
            "headers": _headers_to_json(profile.websocket.headers),
            "secret_headers": list(profile.websocket.secret_headers),
            "origin": profile.websocket.origin,
            "browser_like": profile.websocket.browser_like,
            "sockjs_transport": profile.websocket.sockjs_transport,
        },
        "connect_headers": _headers_to_json(profile.connect_headers),
        "secret_connect_headers": list(profile.secret_connect_headers),
        "token": {
            "source": profile.token.source,
            "env": profile.token.env,
            "command": profile.token.command,
            "placement": profile.token.placement,
            "name": profile.token.name,
            "prefix": profile.token.prefix,
        },
        "split_rule": profile.split_rule,
        "subscriptions": [
            {"destination": s.destination, "ack": s.ack, "headers": _headers_to_json(s.headers)}
            for s in profile.subscriptions
        ],
        "management": {
            "jolokia_url": profile.management.jolokia_url,
            "management_url": profile.management.management_url,
            "login": profile.management.login,
        },
        "recording": {
            "keep": profile.recording.keep,
            "folder": profile.recording.folder,
            "max_mb": profile.recording.max_mb,
            "max_days": profile.recording.max_days,
        },
        "colour": profile.colour,
        "notes": profile.notes,
        "hidden": profile.hidden,
    }


_TYPE_WORDS: dict[type, str] = {
    str: "text in double quotes",
    int: "a whole number",
    bool: "true or false",
    list: "a [list]",
    dict: "an {object}",
}


class _Reader:
    """Typed access to one JSON object, with errors that name the profile and the field."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise ProfileFileError(f"{where} should be a JSON object")
        self.data = data
        self.where = where

    def _get(self, key: str, types: tuple[type, ...], default: Any, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise ProfileFileError(f"{self.where}: '{key}' is missing")
            return default
        value = self.data[key]
        if isinstance(value, TooLargeNumber):
            raise ProfileFileError(
                f"{self.where}: '{key}' is a number of {value.digits} digits, far too large"
            )
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            wanted = " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in types)
            raise ProfileFileError(f"{self.where}: '{key}' has the wrong type (expected {wanted})")
        return value

    def text(self, key: str, default: str = "", required: bool = False) -> str:
        return str(self._get(key, (str,), default, required))

    def opt_text(self, key: str) -> str | None:
        value = self._get(key, (str,), None, False)
        return value if value else None

    def text_or_none(self, key: str) -> str | None:
        """Like opt_text, but "" stays "" (a chosen empty value, e.g. no token prefix)."""
        value = self._get(key, (str,), None, False)
        return None if value is None else str(value)

    def integer(self, key: str, default: int) -> int:
        return int(self._get(key, (int,), default, False))

    def opt_integer(self, key: str) -> int | None:
        value = self._get(key, (int,), None, False)
        return None if value is None else int(value)

    def flag(self, key: str, default: bool) -> bool:
        return bool(self._get(key, (bool,), default, False))

    def items(self, key: str) -> list[Any]:
        return list(self._get(key, (list,), [], False))

    def child(self, key: str) -> _Reader:
        return _Reader(self._get(key, (dict,), {}, False), f"{self.where}.{key}")

    def headers(self, key: str) -> Headers:
        out: list[tuple[str, str]] = []
        for item in self.items(key):
            if (
                not isinstance(item, list)
                or len(item) != 2
                or not all(isinstance(x, str) for x in item)
            ):
                raise ProfileFileError(f"{self.where}: '{key}' entries must be [name, value]")
            out.append((item[0], item[1]))
        return tuple(out)


def profile_from_dict(data: Any, where: str = "profile") -> Profile:
    """Build a Profile from its file form; raise ProfileFileError naming the bad field."""
    r = _Reader(data, where)
    name = r.text("name", required=True)
    r.where = f"profile '{name}'"
    hb, rc, tls, ws, mg, rec, tok = (
        r.child(k)
        for k in (
            "heart_beat",
            "reconnect",
            "tls",
            "websocket",
            "management",
            "recording",
            "token",
        )
    )
    subscriptions = []
    for i, item in enumerate(r.items("subscriptions")):
        s = _Reader(item, f"{r.where}.subscriptions[{i}]")
        subscriptions.append(
            Subscription(
                destination=s.text("destination", required=True),
                ack=s.text("ack", "auto"),
                headers=s.headers("headers"),
            )
        )
    versions = r.items("versions") if "versions" in r.data else list(ALL_VERSIONS)
    if not all(isinstance(v, str) for v in versions):
        raise ProfileFileError(f'{r.where}: \'versions\' must be a list like ["1.1", "1.2"]')
    secret_headers = ws.items("secret_headers")
    if not all(isinstance(v, str) for v in secret_headers):
        raise ProfileFileError(f"{r.where}: 'websocket.secret_headers' must list header names")
    secret_connect = r.items("secret_connect_headers")
    if not all(isinstance(v, str) for v in secret_connect):
        raise ProfileFileError(f"{r.where}: 'secret_connect_headers' must list header names")
    return Profile(
        name=name,
        url=r.text("url", required=True),
        vhost=r.opt_text("vhost"),
        login=r.opt_text("login"),
        versions=tuple(versions),
        heart_beat=HeartBeat(hb.integer("send_ms", 10_000), hb.integer("receive_ms", 10_000)),
        reconnect=Reconnect(
            rc.flag("enabled", True),
            rc.integer("initial_delay_ms", 1_000),
            rc.integer("max_delay_ms", 30_000),
        ),
        tls=TlsSettings(
            verify=tls.flag("verify", True),
            ca_file=tls.opt_text("ca_file"),
            cert_file=tls.opt_text("cert_file"),
            key_file=tls.opt_text("key_file"),
            server_name=tls.opt_text("server_name"),
        ),
        websocket=WebSocketSettings(
            headers=ws.headers("headers"),
            secret_headers=tuple(secret_headers),
            origin=ws.opt_text("origin"),
            browser_like=ws.flag("browser_like", False),
            sockjs_transport=ws.opt_text("sockjs_transport"),
        ),
        connect_headers=r.headers("connect_headers"),
        secret_connect_headers=tuple(secret_connect),
        token=TokenSettings(
            source=tok.text("source", "none"),
            env=tok.opt_text("env"),
            command=tok.opt_text("command"),
            placement=tok.text("placement", "connect"),
            name=tok.opt_text("name"),
            prefix=tok.text_or_none("prefix"),
        ),
        split_rule=r.text("split_rule", "/."),
        subscriptions=tuple(subscriptions),
        management=Management(
            jolokia_url=mg.opt_text("jolokia_url"),
            management_url=mg.opt_text("management_url"),
            login=mg.opt_text("login"),
        ),
        recording=RecordingSettings(
            keep=rec.flag("keep", False),
            folder=rec.opt_text("folder"),
            max_mb=rec.opt_integer("max_mb"),
            max_days=rec.opt_integer("max_days"),
        ),
        colour=r.opt_text("colour"),
        notes=r.text("notes"),
        hidden=r.flag("hidden", False),
    )
