"""Per-field checks of a profile, shared by the dialog (inline messages) and the CLI."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from explorer.client.url import UrlError, parse_url
from explorer.profiles.errors import FieldError
from explorer.profiles.model import ALL_VERSIONS, SPLIT_RULES, Headers, Profile, profile_to_dict
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
