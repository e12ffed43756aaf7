"""Per-field checks of a profile, shared by the dialog (inline messages) and the CLI."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from explorer.client.url import Endpoint, UrlError, parse_url
from explorer.profiles.errors import FieldError
from explorer.profiles.model import (
    ALL_VERSIONS,
    SOCKJS_TRANSPORTS,
    SPLIT_RULES,
    TOKEN_PLACEMENTS,
    TOKEN_SOURCES,
    Headers,
    Profile,
    profile_to_dict,
)
from explorer.stomp import ACK_MODES

MAX_HEARTBEAT_MS = 24 * 3600 * 1000
MAX_NAME_LENGTH = 200
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_HEADER_NAME_BAD = re.compile(r"[:\r\n\0]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _readable_file(field: str, label: str, path: str | None, errors: list[FieldError]) -> None:
    if not path:
        return
    expanded = os.path.expanduser(path)
    if not os.path.isfile(expanded):
        errors.append(FieldError(field, f"{label} '{path}' does not exist or is not a file"))
    elif not os.access(expanded, os.R_OK):
        errors.append(FieldError(field, f"{label} '{path}' is not readable (check permissions)"))


def _http_url(field: str, label: str, url: str | None, errors: list[FieldError]) -> None:
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        errors.append(FieldError(field, f"{label} must be an http:// or https:// URL with a host"))


def _headers(field: str, headers: Headers, errors: list[FieldError]) -> None:
    for name, value in headers:
        if not name.strip():
            errors.append(FieldError(field, "a header has an empty name"))
        elif _HEADER_NAME_BAD.search(name):
            errors.append(FieldError(field, f"header name '{name}' contains ':' or a line break"))
        if "\r" in value or "\n" in value:
            errors.append(FieldError(field, f"the value of header '{name}' has a line break"))
        if "\0" in value:
            errors.append(FieldError(field, f"the value of header '{name}' has a NUL byte"))


def _one_line(field: str, label: str, value: str | None, errors: list[FieldError]) -> None:
    """Values sent in a STOMP header: no line break (it would end the header), no NUL (it
    would end the frame)."""
    if value is None:
        return
    if "\n" in value or "\r" in value:
        errors.append(FieldError(field, f"the {label} cannot contain a line break"))
    elif "\0" in value:
        errors.append(FieldError(field, f"the {label} cannot contain a NUL byte"))


def _undecodable(value: object, field: str, errors: list[FieldError]) -> None:
    """Text from a shell in another encoding arrives with bytes Python cannot decode (as lone
    surrogates); such text can be neither saved nor sent, so name the field."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            errors.append(
                FieldError(
                    field,
                    "it holds a byte that is not UTF-8 text; check the shell's quoting and "
                    "the terminal's encoding",
                )
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _undecodable(item, f"{field}.{key}" if field else str(key), errors)
    elif isinstance(value, list):
        for item in value:
            _undecodable(item, field, errors)


def validate(
    profile: Profile, other_names: Iterable[str] = (), *, check_files: bool = True
) -> list[FieldError]:
    """Every problem with `profile`, one FieldError per problem (empty when it is usable).

    `other_names` are the names of the other saved profiles, for the duplicate check.
    `check_files=False` leaves out the checks that depend on this machine (do the TLS files
    exist?): loading a file uses it, so a missing CA file never sets a profile aside.
    """
    errors: list[FieldError] = []
    _undecodable(profile_to_dict(profile), "", errors)
    if errors:
        return errors  # nothing else can be said about text that is not text
    name = profile.name.strip()
    if not name:
        errors.append(FieldError("name", "the name is empty; give the profile a name"))
    elif len(profile.name) > MAX_NAME_LENGTH:
        errors.append(
            FieldError("name", f"the name is longer than {MAX_NAME_LENGTH} characters; shorten it")
        )
    elif _CONTROL.search(profile.name):
        errors.append(
            FieldError("name", "the name cannot contain line breaks, tabs or control characters")
        )
    elif name != profile.name:
        errors.append(FieldError("name", "the name starts or ends with spaces"))
    elif "/" in name:
        errors.append(FieldError("name", "the name cannot contain '/'"))
    elif name.casefold() in {n.casefold() for n in other_names}:
        errors.append(FieldError("name", f"a profile named '{name}' already exists"))

    endpoint = None
    try:
        endpoint = parse_url(profile.url)
    except UrlError as exc:
        errors.append(FieldError("url", str(exc)))

    _one_line("vhost", "virtual host", profile.vhost, errors)
    _one_line("login", "login", profile.login, errors)
    _one_line("management.login", "management login", profile.management.login, errors)

    if not profile.versions:
        errors.append(FieldError("versions", "choose at least one STOMP version"))
    unknown = [v for v in profile.versions if v not in ALL_VERSIONS]
    if unknown:
        errors.append(
            FieldError(
                "versions",
                f"unknown STOMP version(s) {', '.join(unknown)}; use 1.0, 1.1 and/or 1.2",
            )
        )

    hb = profile.heart_beat
    if not (0 <= hb.send_ms <= MAX_HEARTBEAT_MS and 0 <= hb.receive_ms <= MAX_HEARTBEAT_MS):
        errors.append(
            FieldError(
                "heart_beat",
                f"heart-beat values are milliseconds between 0 (off) and {MAX_HEARTBEAT_MS}",
            )
        )

    rc = profile.reconnect
    if rc.initial_delay_ms <= 0 or rc.max_delay_ms <= 0:
        errors.append(FieldError("reconnect", "reconnect delays must be more than 0 ms"))
    elif rc.initial_delay_ms > rc.max_delay_ms:
        errors.append(
            FieldError("reconnect", "the first reconnect delay is longer than the maximum delay")
        )

    if check_files:
        _readable_file("tls.ca_file", "CA file", profile.tls.ca_file, errors)
        _readable_file("tls.cert_file", "client certificate", profile.tls.cert_file, errors)
        _readable_file("tls.key_file", "client key", profile.tls.key_file, errors)
    if profile.tls.key_file and not profile.tls.cert_file:
        errors.append(FieldError("tls.cert_file", "a client key needs a client certificate"))
    if (
        endpoint is not None
        and not endpoint.is_tls
        and (profile.tls.ca_file or profile.tls.cert_file or profile.tls.server_name)
    ):
        errors.append(
            FieldError(
                "url", "TLS options are set but the URL is not TLS; use stomp+ssl:// or wss://"
            )
        )

    _headers("websocket.headers", profile.websocket.headers, errors)
    if (
        (profile.websocket.headers or profile.websocket.secret_headers or profile.websocket.origin)
        and endpoint is not None
        and not endpoint.has_path
    ):
        errors.append(
            FieldError(
                "url",
                "WebSocket options are set but the URL is not ws://, wss:// or a SockJS "
                "http://, https://",
            )
        )
    _transport_and_token(profile, endpoint, check_files, errors)

    if profile.split_rule not in SPLIT_RULES:
        errors.append(
            FieldError(
                "split_rule",
                f"unknown split rule '{profile.split_rule}'; use '/', '.', '/.' or 'none'",
            )
        )

    for i, sub in enumerate(profile.subscriptions, start=1):
        if not sub.destination.strip():
            errors.append(FieldError("subscriptions", f"subscription {i} has no destination"))
        _one_line("subscriptions", f"destination of subscription {i}", sub.destination, errors)
        if sub.ack not in ACK_MODES:
            errors.append(
                FieldError(
                    "subscriptions",
                    f"subscription {i} has unknown ack mode '{sub.ack}'; "
                    "use auto, client or client-individual",
                )
            )
        _headers("subscriptions", sub.headers, errors)

    _http_url("management.jolokia_url", "the Jolokia URL", profile.management.jolokia_url, errors)
    _http_url(
        "management.management_url", "the management URL", profile.management.management_url, errors
    )

    _recording(profile, check_files, errors)
    if profile.colour is not None and not _COLOUR.match(profile.colour):
        errors.append(FieldError("colour", f"colour '{profile.colour}' is not like #1e90ff"))
    return errors


_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _transport_and_token(
    profile: Profile, endpoint: Endpoint | None, saving: bool, errors: list[FieldError]
) -> None:
    """CONNECT headers, the bearer token, browser-like mode and the SockJS transport: each
    one possible with this URL, and no credential in the file. A token typed into the URL
    is refused when saving (`saving`: the dialog, the command line), not when loading: a
    file written before this check keeps loading (its URL is shown with *** anyway)."""
    from explorer.client.requests import is_secret_header as is_secret_connect_header
    from explorer.client.url import SECRET_QUERY_NAMES

    _headers("connect_headers", profile.connect_headers, errors)
    for name, _ in profile.connect_headers:
        if is_secret_connect_header(name):
            errors.append(
                FieldError(
                    "connect_headers",
                    f"the value of CONNECT header '{name}' is a credential: it is kept in the "
                    "keyring, not in the profiles file",
                )
            )
    if endpoint is not None and saving:
        query = endpoint.path.partition("?")[2]
        secret = [k for k, _ in parse_qsl(query) if k.lower() in SECRET_QUERY_NAMES]
        if secret:
            errors.append(
                FieldError(
                    "url",
                    f"the URL carries '{secret[0]}', a credential that would be saved in the "
                    "profiles file; remove it and set a token placed in the query instead",
                )
            )
    ws = profile.websocket
    has_path = endpoint is None or endpoint.has_path
    if ws.sockjs_transport is not None:
        if ws.sockjs_transport not in SOCKJS_TRANSPORTS:
            errors.append(
                FieldError(
                    "websocket.sockjs_transport",
                    f"unknown SockJS transport '{ws.sockjs_transport}'; use "
                    + ", ".join(SOCKJS_TRANSPORTS),
                )
            )
        elif endpoint is not None and not endpoint.is_sockjs:
            errors.append(
                FieldError(
                    "websocket.sockjs_transport",
                    "a SockJS transport is chosen but the URL is not http:// or https://",
                )
            )
    if ws.browser_like:
        if not has_path:
            errors.append(
                FieldError(
                    "websocket.browser_like",
                    "browser-like mode needs a ws://, wss://, http:// or https:// URL",
                )
            )
        custom = [n for n, _ in ws.headers if n.lower() != "cookie"]
        custom += [n for n in ws.secret_headers if n.lower() != "cookie"]
        if custom:
            errors.append(
                FieldError(
                    "websocket.browser_like",
                    f"a browser page cannot set handshake headers ({', '.join(custom)}); "
                    "remove them or turn browser-like mode off",
                )
            )
    _token(profile, has_path, errors)


def _token(profile: Profile, has_path: bool, errors: list[FieldError]) -> None:
    token = profile.token
    if token.source not in TOKEN_SOURCES:
        errors.append(
            FieldError(
                "token.source",
                f"unknown token source '{token.source}'; use " + ", ".join(TOKEN_SOURCES),
            )
        )
        return
    if token.placement not in TOKEN_PLACEMENTS:
        errors.append(
            FieldError(
                "token.placement",
                f"unknown token placement '{token.placement}'; use " + ", ".join(TOKEN_PLACEMENTS),
            )
        )
    if not token.enabled:
        return
    if token.source == "env" and not (token.env and _ENV_NAME.match(token.env)):
        errors.append(
            FieldError("token.env", "name the environment variable holding the token, e.g. JWT")
        )
    if token.source == "command" and not (token.command or "").strip():
        errors.append(FieldError("token.command", "give the command that prints the token"))
    _one_line("token.command", "token command", token.command, errors)
    if token.name is not None and (not token.name.strip() or _HEADER_NAME_BAD.search(token.name)):
        errors.append(
            FieldError("token.name", "the token's name cannot be empty or contain ':' or a line")
        )
    _one_line("token.prefix", "token prefix", token.prefix, errors)
    if token.placement != "connect" and not has_path:
        errors.append(
            FieldError(
                "token.placement",
                "over stomp:// a token can only go in CONNECT (handshake, query and cookie "
                "need a ws://, wss://, http:// or https:// URL)",
            )
        )
    if token.placement == "handshake" and profile.websocket.browser_like:
        errors.append(
            FieldError(
                "token.placement",
                "a browser page cannot put a token in a handshake header; use CONNECT, the "
                "query or a cookie",
            )
        )


MAX_RECORDING_MB = 1 << 20  # 1 TiB
MAX_RECORDING_DAYS = 3650


def _recording(profile: Profile, check_files: bool, errors: list[FieldError]) -> None:
    """Keep-recording caps that a capture can honour, and a folder that can hold files."""
    recording = profile.recording
    if recording.max_mb is not None and not 1 <= recording.max_mb <= MAX_RECORDING_MB:
        errors.append(
            FieldError(
                "recording.max_mb",
                f"the capture size limit is in MiB between 1 and {MAX_RECORDING_MB} "
                "(leave it empty for no limit)",
            )
        )
    if recording.max_days is not None and not 1 <= recording.max_days <= MAX_RECORDING_DAYS:
        errors.append(
            FieldError(
                "recording.max_days",
                f"the capture age limit is in days between 1 and {MAX_RECORDING_DAYS} "
                "(leave it empty for no limit)",
            )
        )
    folder = recording.folder
    if folder is not None:
        if _CONTROL.search(folder):
            errors.append(
                FieldError("recording.folder", "the capture folder has a control character")
            )
        elif check_files:
            expanded = os.path.expanduser(folder)
            if os.path.exists(expanded) and not os.path.isdir(expanded):
                errors.append(
                    FieldError(
                        "recording.folder", f"the capture folder '{folder}' is a file, not a folder"
                    )
                )
