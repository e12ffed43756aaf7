"""What a session tells its owner besides data: state changes and notices.

Each is a frozen value with structured fields (the window words it for translation) and an
English `sentence` (for the command line and logs).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

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


def error_words(frame: Frame) -> tuple[str, str]:
    """An ERROR frame's `message` header and the first line of its body when it adds to it
    (brokers put the short reason in `message`, the specifics in the body)."""
    message = frame.header("message") or ""
    lines = frame.body.decode("utf-8", "replace").strip().splitlines()
    detail = lines[0].strip()[:200] if lines else ""
    return message, "" if detail == message else detail


def _joined(message: str, detail: str) -> str:
    words = message or "(no message header)"
    return f"{words} ({detail})" if detail else words


@dataclass(frozen=True, slots=True)
class BrokerErrorReceived:
    """An ERROR frame arrived (the broker may close the connection after it)."""

    severity: ClassVar[Severity] = Severity.ERROR
    message: str
    detail: str

    @property
    def sentence(self) -> str:
        return f"The broker sent an ERROR: {_joined(self.message, self.detail)}"


@dataclass(frozen=True, slots=True)
class ConnectionFailed:
    """The connection failed for good (`reason`: a ClientError, or a bug below us)."""

    severity: ClassVar[Severity] = Severity.ERROR
    reason: BaseException

    @property
    def sentence(self) -> str:
        return str(self.reason)


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

    @property
    def login_refused(self) -> bool:
        return self.refusal is not None


Notice = (
    BrokerErrorReceived
    | ConnectionFailed
    | LoginRefused
    | SendRefusedLater
    | SubscriptionRefused
    | SubscribeFailed
    | DiscoveryProblem
    | DiscoveryStopped
)
