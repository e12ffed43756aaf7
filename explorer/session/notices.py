"""What a session tells its owner besides data: state changes and notices.

Each is a frozen value with structured fields (the window words it for translation) and an
English `sentence` (for the command line and logs).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from explorer.broker.explain import Explanation, display_value, explain_text
from explorer.client import ConnectFailed
from explorer.stomp import Frame


class SessionState(StrEnum):
    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    CLOSED = "closed"


class Severity(StrEnum):
    INFO = "info"
    ERROR = "error"


def error_words(frame: Frame, version: str | None = None) -> tuple[str, str]:
    """An ERROR frame's `message` header and the first line of its body when it adds to it
    (brokers put the short reason in `message`, the specifics in the body). The header is
    unescaped as the negotiated `version` says (before one, the 1.2 way: Spring's `\\c`)."""
    message = display_value(frame.header("message") or "", version)
    lines = frame.body.decode("utf-8", "replace").strip().splitlines()
    detail = lines[0].strip()[:200] if lines else ""
    return message, "" if detail == message else detail


def _joined(message: str, detail: str) -> str:
    words = message or "(no message header)"
    return f"{words} ({detail})" if detail else words


def explain_reason(reason: BaseException | Frame | None) -> Explanation | None:
    """The likely cause and fix of a failure: an ERROR frame, or the one a failure carries
    (ConnectFailed, BrokerError), else the words of its text (a close code, a message)."""
    if reason is None:
        return None
    frame = reason if isinstance(reason, Frame) else getattr(reason, "frame", None)
    if isinstance(frame, Frame):
        message, detail = error_words(frame)
        body = frame.body[:4096].decode("utf-8", "replace")
        return explain_text(f"{message}\n{detail}\n{body}")
    return explain_text(str(reason))


def _with_explanation(sentence: str, explanation: Explanation | None) -> str:
    return f"{sentence} — {explanation.sentence}" if explanation else sentence


@dataclass(frozen=True, slots=True)
class BrokerErrorReceived:
    """An ERROR frame arrived (the broker may close the connection after it). `explanation`:
    the likely cause and fix when the words are known (explorer.broker.explain)."""

    severity: ClassVar[Severity] = Severity.ERROR
    message: str
    detail: str
    explanation: Explanation | None = None

    @property
    def sentence(self) -> str:
        return _with_explanation(
            f"The broker sent an ERROR: {_joined(self.message, self.detail)}", self.explanation
        )


@dataclass(frozen=True, slots=True)
class ErrorLeftOpen:
    """The broker sent an ERROR and kept the connection open (the STOMP spec says it closes
    it: ActiveMQ keeps it for errors it deems recoverable; Spring did, spring-framework#23039,
    so a client with an expired token waited forever). Said once per ERROR, after `seconds`."""

    severity: ClassVar[Severity] = Severity.INFO
    message: str
    seconds: float

    @property
    def sentence(self) -> str:
        return (
            f"The broker sent an ERROR ({self.message or 'no message header'}) but left the "
            f"connection open for {self.seconds:g} s so far: STOMP brokers close it after an "
            "ERROR, so nothing will reconnect by itself; disconnect and connect again if the "
            "ERROR means the session is unusable (an expired token, for example)."
        )


@dataclass(frozen=True, slots=True)
class ConnectionFailed:
    """The connection failed for good (`reason`: a ClientError, or a bug below us)."""

    severity: ClassVar[Severity] = Severity.ERROR
    reason: BaseException

    @property
    def explanation(self) -> Explanation | None:
        return explain_reason(self.reason)

    @property
    def sentence(self) -> str:
        return _with_explanation(str(self.reason), self.explanation)


def is_login_refusal(error: ConnectFailed) -> bool:
    """The broker said no to the credentials (asking again may help; retrying will not)."""
    return error.is_auth_failure or "bad connect" in error.message.lower()


@dataclass(frozen=True, slots=True)
class LoginRefused:
    """The broker refused the login: the owner asks for the passcode again."""

    severity: ClassVar[Severity] = Severity.ERROR
    login: str
    message: str
    detail: str

    @classmethod
    def of(cls, error: ConnectFailed, login: str) -> LoginRefused:
        lines = (error.body or "").strip().splitlines()
        detail = lines[0][:200] if lines and lines[0] != error.message else ""
        return cls(login, error.message, detail)

    @property
    def sentence(self) -> str:
        return (
            f"The broker refused the login for '{self.login}': "
            f"{self.message}{' — ' + self.detail if self.detail else ''}. "
            "Check the login and passcode."
        )


@dataclass(frozen=True, slots=True)
class SendRefusedLater:
    """An ERROR followed SENDs sent without a receipt within the refusal window, so they
    were probably refused (and are not counted in the tree)."""

    severity: ClassVar[Severity] = Severity.ERROR
    destinations: tuple[str, ...]
    message: str
    detail: str

    @property
    def sentence(self) -> str:
        return (
            "The broker sent an ERROR right after the SEND, so it was probably refused: "
            f"{_joined(self.message, self.detail)}"
        )


@dataclass(frozen=True, slots=True)
class SubscriptionRefused:
    """The broker refused a SUBSCRIBE: dropped from the subscriptions and never restored."""

    severity: ClassVar[Severity] = Severity.ERROR
    destination: str
    message: str
    detail: str

    @property
    def sentence(self) -> str:
        return (
            f"The broker refused the subscription to {self.destination}: "
            f"{_joined(self.message, self.detail)}. It will not be subscribed again."
        )


@dataclass(frozen=True, slots=True)
class SubscribeFailed:
    """Re-opening a subscription after a (re)start failed for another reason."""

    severity: ClassVar[Severity] = Severity.ERROR
    destination: str
    reason: BaseException

    @property
    def sentence(self) -> str:
        return f"Could not subscribe to {self.destination}: {self.reason}"


@dataclass(frozen=True, slots=True)
class DiscoveryProblem:
    """A discovery source failed (reported once until it recovers); the others go on."""

    severity: ClassVar[Severity] = Severity.INFO
    source: str
    error: Exception

    @property
    def sentence(self) -> str:
        return f"Destination discovery through {self.source} failed: {self.error}"


@dataclass(frozen=True, slots=True)
class DiscoveryStopped:
    """Discovery ended on an unexpected error; the connection is not affected."""

    severity: ClassVar[Severity] = Severity.INFO
    error: BaseException

    @property
    def sentence(self) -> str:
        return f"Destination discovery stopped: {self.error}"


@dataclass(frozen=True, slots=True)
class Status:
    """Where the session is. `reason` says why for RECONNECTING and FAILED."""

    state: SessionState
    attempt: int = 1  # CONNECTING: 1 for the first try, more while reconnecting
    server: str | None = None  # CONNECTED: the broker's `server` header
    reason: BaseException | None = None
    reconnect_in: float | None = None  # RECONNECTING: seconds until the next attempt
    refusal: LoginRefused | None = None  # FAILED because the broker refused the login
    # RECONNECTING/FAILED: the broker closed the connection right after this ERROR
    # (message, detail), so the ERROR, not "connection lost", is the reason to show.
    after_error: tuple[str, str] | None = None
    # CONNECTED: what carries STOMP ("tcp", "websocket", "sockjs-xhr-streaming", ...: the
    # client's transport_kind) and, when it is a fallback, why (an http:// URL without
    # SockJS served by a raw WebSocket; SockJS transports that failed first).
    transport: str = ""
    transport_note: str = ""

    @property
    def login_refused(self) -> bool:
        return self.refusal is not None


Notice = (
    BrokerErrorReceived
    | ErrorLeftOpen
    | ConnectionFailed
    | LoginRefused
    | SendRefusedLater
    | SubscriptionRefused
    | SubscribeFailed
    | DiscoveryProblem
    | DiscoveryStopped
)
