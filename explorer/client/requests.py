"""Building the frames a client sends: CONNECT, ACK/NACK headers per version, redaction.

Pure functions (no I/O), so the rules are easy to read and test in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from explorer.client.errors import NotSupported
from explorer.client.events import Message
from explorer.stomp import ACK_MODES, Command, Frame, Version

__all__ = [
    "ACK_MODES",
    "REDACTED",
    "HeadersLike",
    "ack_headers",
    "connect_frame",
    "header_tuple",
    "is_secret_header",
    "redact",
]

HeadersLike = Mapping[str, str] | Iterable[tuple[str, str]]
REDACTED = "***"


def connect_frame(
    accept_versions: tuple[str, ...],
    host: str | None,
    login: str | None,
    passcode: str | None,
    heartbeat: tuple[int, int],
    extra: tuple[tuple[str, str], ...] = (),
    use_stomp_command: bool = False,
) -> Frame:
    """CONNECT (or STOMP): `accept-version` without spaces (ActiveMQ and RabbitMQ split on ","
    without trimming), `host`, credentials, `heart-beat` (not in a 1.0-only offer)."""
    headers: list[tuple[str, str]] = [("accept-version", ",".join(accept_versions))]
    if host is not None:
        headers.append(("host", host))
    if login is not None:
        headers.append(("login", login))
    if passcode is not None:
        headers.append(("passcode", passcode))
    if tuple(accept_versions) != ("1.0",):
        cx, cy = heartbeat
        headers.append(("heart-beat", f"{cx},{cy}"))
    headers.extend(extra)
    command = Command.STOMP if use_stomp_command else Command.CONNECT
    return Frame(command, tuple(headers))


def ack_headers(
    version: Version, message: Message, command: str, transaction: str | None
) -> list[tuple[str, str]]:
    """ACK/NACK headers: 1.2 `id` = the MESSAGE's `ack`; 1.1 `message-id` + `subscription`;
    1.0 `message-id`."""
    if version is Version.V1_2:
        if message.ack_id is None:
            raise NotSupported(
                f"cannot {command} this message: it has no 'ack' header (its subscription "
                "uses ack:auto, or the broker did not send one)"
            )
        headers = [("id", message.ack_id)]
    else:
        if message.message_id is None:
            raise NotSupported(f"cannot {command} a message without a 'message-id' header")
        headers = [("message-id", message.message_id)]
        if version is Version.V1_1 and message.subscription is not None:
            headers.append(("subscription", message.subscription))
    if transaction is not None:
        headers.append(("transaction", transaction))
    return headers


def header_tuple(headers: HeadersLike) -> tuple[tuple[str, str], ...]:
    """A mapping or pairs as the frame's header tuple (order kept)."""
    if isinstance(headers, Mapping):
        return tuple((str(k), str(v)) for k, v in headers.items())
    return tuple((str(k), str(v)) for k, v in headers)


# Words in a CONNECT header's name that say its value is a credential (Authorization,
# X-Auth-Token, access_token, X-CSRF-TOKEN, api-key, passcode, ...).
_SECRET_WORDS = ("passcode", "password", "token", "secret", "authorization", "jwt", "cookie")
_SECRET_NAMES = frozenset({"api-key", "apikey", "x-api-key", "api_key", "auth"})


def is_secret_header(name: str) -> bool:
    """True when a CONNECT header of this name carries a credential (shown as ***)."""
    lowered = name.lower()
    return lowered in _SECRET_NAMES or any(word in lowered for word in _SECRET_WORDS)


def redact(frame: Frame, secret_names: frozenset[str] = frozenset()) -> Frame:
    """The CONNECT frame with the values of its credential headers (passcode, tokens, and
    `secret_names`, lower case) replaced by `***` (for the wire tap)."""
    if frame.command not in (Command.CONNECT, Command.STOMP):
        return frame

    def secret(name: str) -> bool:
        return is_secret_header(name) or name.lower() in secret_names

    if not any(secret(k) for k, _ in frame.headers):
        return frame
    headers = tuple((k, REDACTED) if secret(k) else (k, v) for k, v in frame.headers)
    return Frame(frame.command, headers, frame.body)
