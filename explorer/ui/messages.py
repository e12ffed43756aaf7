"""User-facing wording for conditions the lower layers report in English.

The client, profile and secrets layers word their errors in English for logs and the command
line. The window translates the conditions it knows (by error type, by profile field) and
keeps the layer's own text as a technical detail in parentheses, so a Korean sentence never
has an English clause in the middle.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.client import (
    ClientError,
    ConnectFailed,
    ConnectionLostError,
    ConnectTimeout,
    HeartbeatTimeout,
    SockJsError,
    TlsError,
    TokenError,
    TransportError,
    WebSocketHandshakeError,
)
from explorer.profiles.errors import FieldError
from explorer.profiles.model import Profile
from explorer.profiles.probe import ProbeReport, probe
from explorer.stomp import Rule, Violation

translate = QCoreApplication.translate


def keyring_notice() -> str:
    """Why passcodes are asked for: there is no keyring (from `store.secrets_persistent`)."""
    return translate(
        "Messages",
        "Passcodes are kept in memory only: this system has no keyring. You will be "
        "asked for them when connecting; install and unlock a keyring (for example "
        "gnome-keyring or KWallet) to save them.",
    )


def with_detail(sentence: str, detail: str) -> str:
    return f"{sentence} ({detail})" if detail else sentence


def describe_client_error(exc: BaseException) -> str:
    """A translated sentence for a connection problem, the layer's text in parentheses."""
    detail = str(exc)
    if isinstance(exc, ConnectFailed):
        sentence = translate("Messages", "The broker refused the connection.")
    elif isinstance(exc, TlsError):
        sentence = translate(
            "Messages",
            "The secure (TLS) connection failed: check the profile's TLS "
            "settings and certificates.",
        )
    elif isinstance(exc, SockJsError):
        sentence = translate(
            "Messages",
            "This http(s) address does not speak SockJS as expected: check the URL's path "
            "(Spring: the endpoint registered with withSockJS()).",
        )
    elif isinstance(exc, TokenError):
        sentence = translate(
            "Messages",
            "No usable bearer token: check the profile's token settings (Token & SockJS).",
        )
    elif isinstance(exc, WebSocketHandshakeError):
        sentence = translate(
            "Messages",
            "The WebSocket handshake was refused: check the URL's path and the "
            "profile's WebSocket settings.",
        )
    elif isinstance(exc, TransportError):
        text = detail.lower()
        if "refused" in text:
            sentence = translate(
                "Messages",
                "Nothing answers at this address: is the broker running, and are "
                "the host and port right?",
            )
        elif "resolve" in text:
            sentence = translate("Messages", "The host name cannot be resolved: check the URL.")
        else:
            sentence = translate("Messages", "The broker cannot be reached.")
    elif isinstance(exc, ConnectTimeout):
        sentence = translate("Messages", "The broker did not answer in time.")
    elif isinstance(exc, HeartbeatTimeout):
        sentence = translate("Messages", "The broker went silent (heart-beats stopped).")
    elif isinstance(exc, ConnectionLostError):
        sentence = translate("Messages", "The connection was lost.")
    elif isinstance(exc, ClientError):
        return detail
    else:
        sentence = translate("Messages", "Unexpected error.")
    return with_detail(sentence, detail)


_FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Messages", "Name"),
    "url": QT_TRANSLATE_NOOP("Messages", "URL"),
    "vhost": QT_TRANSLATE_NOOP("Messages", "Virtual host"),
    "login": QT_TRANSLATE_NOOP("Messages", "Login"),
    "passcode": QT_TRANSLATE_NOOP("Messages", "Passcode"),
    "versions": QT_TRANSLATE_NOOP("Messages", "STOMP versions"),
    "heart_beat": QT_TRANSLATE_NOOP("Messages", "Heart-beat"),
    "reconnect": QT_TRANSLATE_NOOP("Messages", "Reconnect"),
    "tls.ca_file": QT_TRANSLATE_NOOP("Messages", "CA file"),
    "tls.cert_file": QT_TRANSLATE_NOOP("Messages", "Client certificate"),
    "tls.key_file": QT_TRANSLATE_NOOP("Messages", "Client key"),
    "websocket.headers": QT_TRANSLATE_NOOP("Messages", "Handshake headers"),
    "websocket.origin": QT_TRANSLATE_NOOP("Messages", "Origin"),
    "websocket.browser_like": QT_TRANSLATE_NOOP("Messages", "Browser-like"),
    "websocket.sockjs_transport": QT_TRANSLATE_NOOP("Messages", "SockJS transport"),
    "connect_headers": QT_TRANSLATE_NOOP("Messages", "CONNECT headers"),
    "token.source": QT_TRANSLATE_NOOP("Messages", "Token"),
    "token.env": QT_TRANSLATE_NOOP("Messages", "Token variable"),
    "token.command": QT_TRANSLATE_NOOP("Messages", "Token command"),
    "token.placement": QT_TRANSLATE_NOOP("Messages", "Token placement"),
    "token.name": QT_TRANSLATE_NOOP("Messages", "Token name"),
    "token.prefix": QT_TRANSLATE_NOOP("Messages", "Token prefix"),
    "split_rule": QT_TRANSLATE_NOOP("Messages", "Split rule"),
    "subscriptions": QT_TRANSLATE_NOOP("Messages", "Subscriptions"),
    "management.management_url": QT_TRANSLATE_NOOP("Messages", "Management URL"),
    "management.jolokia_url": QT_TRANSLATE_NOOP("Messages", "Jolokia URL"),
    "colour": QT_TRANSLATE_NOOP("Messages", "Colour"),
}


def field_label(field: str) -> str:
    """The form's label for a profile field (never the key)."""
    label = _FIELD_LABELS.get(field)
    if label is None:
        return field.rsplit(".", 1)[-1].replace("_", " ").capitalize()
    return QCoreApplication.translate("Messages", str(label))


def field_message(error: FieldError) -> str:
    """A translated message for the validation errors people meet most; others as is."""
    text = error.message
    known = {
        "the name is empty; give the profile a name": translate(
            "Messages", "The name is empty: give the profile a name."
        ),
        "the name starts or ends with spaces": translate(
            "Messages", "The name starts or ends with spaces."
        ),
        "the name cannot contain '/'": translate("Messages", "The name cannot contain '/'."),
        "choose at least one STOMP version": translate(
            "Messages", "Choose at least one STOMP version."
        ),
        "reconnect delays must be more than 0 ms": translate(
            "Messages", "Reconnect delays must be more than 0 ms."
        ),
        "a client key needs a client certificate": translate(
            "Messages", "A client key needs a client certificate."
        ),
    }
    if text in known:
        return known[text]
    if text.startswith("a profile named '"):
        return translate("Messages", "A profile with this name already exists.")
    if text.lower().startswith("the url is empty"):
        return translate("Messages", "The URL is empty: type one such as stomp://localhost:61613.")
    if error.field == "url":
        return with_detail(translate("Messages", "This URL cannot be used."), text)
    return text


def describe_field_error(error: FieldError) -> str:
    return f"{field_label(error.field)}: {field_message(error)}"


_RULE_SENTENCES = {
    Rule.BODY_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages", "A body on a frame that may not carry one (kept)."
    ),
    Rule.UNDEFINED_ESCAPE: QT_TRANSLATE_NOOP(
        "Messages", "An undefined escape sequence in a header (kept as it is)."
    ),
    Rule.BAD_CONTENT_LENGTH: QT_TRANSLATE_NOOP(
        "Messages", "A content-length that does not fit (ignored: the body ends at the NUL)."
    ),
    Rule.MISSING_NUL: QT_TRANSLATE_NOOP(
        "Messages", "No NUL where the body should end (the body runs on to the next NUL)."
    ),
    Rule.UNEXPECTED_COMMAND: QT_TRANSLATE_NOOP(
        "Messages", "An unknown command, or one only the other side may send."
    ),
    Rule.BARE_CR: QT_TRANSLATE_NOOP(
        "Messages", "A carriage return without a line feed between frames (skipped)."
    ),
    Rule.NUL_IN_HEAD: QT_TRANSLATE_NOOP("Messages", "A NUL inside the headers (frame dropped)."),
    Rule.BAD_HEADER_LINE: QT_TRANSLATE_NOOP(
        "Messages", "A header line without ':' or without a name (frame dropped)."
    ),
    Rule.INVALID_UTF8: QT_TRANSLATE_NOOP(
        "Messages", "The command or the headers are not UTF-8 (frame dropped)."
    ),
    Rule.CR_IN_HEAD: QT_TRANSLATE_NOOP(
        "Messages", "A carriage return without a line feed inside the headers (frame dropped)."
    ),
}


def describe_violation(violation: Violation) -> str:
    """A translated sentence for a deviation the lenient parser tolerated; the rule's name,
    the byte offset and the parser's English detail in parentheses."""
    sentence = _RULE_SENTENCES.get(violation.rule)
    text = translate("Messages", str(sentence)) if sentence else str(violation.rule)
    return with_detail(text, f"{violation.rule} @ {violation.offset}: {violation.detail}")


def probe_text(report: ProbeReport) -> str:
    """What "Test connection" negotiated, in the window's words."""
    return translate(
        "Messages",
        "STOMP {version} with {server}; heart-beat: send every {send} ms, expect every {expect} ms",
    ).format(
        version=report.version,
        server=report.server or translate("Messages", "an unnamed server"),
        send=report.send_ms,
        expect=report.expect_ms,
    )


async def worded_probe(profile: Profile, secrets: dict[str, str]) -> str:
    """The profile dialog's "Test connection": connect once, say what was negotiated."""
    return probe_text(await probe(profile, secrets))
