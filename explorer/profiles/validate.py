"""Per-field checks of a profile, shared by the dialog (inline messages) and the CLI."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from explorer.client.url import UrlError, parse_url
from explorer.profiles.errors import FieldError
from explorer.profiles.model import ALL_VERSIONS, SPLIT_RULES, Headers, Profile
from explorer.stomp import ACK_MODES

MAX_HEARTBEAT_MS = 24 * 3600 * 1000
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_HEADER_NAME_BAD = re.compile(r"[:\r\n]")


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


def validate(profile: Profile, other_names: Iterable[str] = ()) -> list[FieldError]:
    """Every problem with `profile`, one FieldError per problem (empty when it is usable).

    `other_names` are the names of the other saved profiles, for the duplicate check.
    """
    errors: list[FieldError] = []
    name = profile.name.strip()
    if not name:
        errors.append(FieldError("name", "the name is empty; give the profile a name"))
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

    if profile.vhost is not None and ("\n" in profile.vhost or "\r" in profile.vhost):
        errors.append(FieldError("vhost", "the virtual host cannot contain a line break"))
    if profile.login is not None and ("\n" in profile.login or "\r" in profile.login):
        errors.append(FieldError("login", "the login cannot contain a line break"))

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
        and not endpoint.is_websocket
    ):
        errors.append(
            FieldError("url", "WebSocket options are set but the URL is not ws:// or wss://")
        )

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

    if profile.colour is not None and not _COLOUR.match(profile.colour):
        errors.append(FieldError("colour", f"colour '{profile.colour}' is not like #1e90ff"))
    return errors
