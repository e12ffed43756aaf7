"""The client's exception family: everything raised by `explorer.client` is a `ClientError`.

Messages are written for the person at the keyboard: they say what went wrong and what to
change. Exceptions carry data (the ERROR frame, the receipt id) for programs.
"""

from __future__ import annotations

from explorer.stomp import Frame

__all__ = [
    "BrokerError",
    "ClientError",
    "ClientTimeout",
    "ConnectFailed",
    "ConnectTimeout",
    "ConnectionLostError",
    "HeartbeatTimeout",
    "NotConnected",
    "NotSupported",
    "ProtocolError",
    "ReceiptTimeout",
    "ReceiveTimeout",
    "SockJsError",
    "TlsError",
    "TokenError",
    "TransportError",
    "WebSocketHandshakeError",
]

# Words in an ERROR answering CONNECT that mean "your credentials are wrong": retrying
# without a change cannot help (RabbitMQ "Access refused", Artemis "Security Error", ...).
_AUTH_WORDS = (
    "access refused",
    "access denied",
    "authentication",
    "unauthorized",
    "not authorized",
    "security",
    "password",
    "passcode",
    "credentials",
    "login",
)


class ClientError(Exception):
    """Root of every error raised by `explorer.client`."""


class TransportError(ClientError):
    """The endpoint cannot be reached or the byte stream broke (refused, DNS, reset)."""


class TlsError(TransportError):
    """TLS handshake or certificate verification failed."""


class WebSocketHandshakeError(TransportError):
    """The HTTP upgrade was refused (status code, subprotocol, path)."""


class SockJsError(TransportError):
    """An http(s):// URL that does not speak SockJS as it claims (or at all): no usable
    `/info`, no transport that opens, a frame that is not SockJS."""


class TokenError(ClientError):
    """The bearer token could not be had: the environment variable is unset or empty, the
    token command failed, printed nothing, or printed more than one line. The message never
    contains the token."""

    def __init__(self, message: str, source: str) -> None:
        super().__init__(message)
        self.source = source  # "env", "command" or "keyring": where the token was to come from


class ConnectFailed(ClientError):
    """The broker answered CONNECT with an ERROR frame."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.message = frame.header("message") or "(no message header)"
        self.body = frame.body.decode("utf-8", "replace").strip()
        text = f"the broker refused the connection: {self.message}"
        if self.body and self.body != self.message:
            text += f" ({_first_line(self.body)})"
        super().__init__(text)

    @property
    def is_auth_failure(self) -> bool:
        """True when the broker's words point at credentials or the vhost (do not retry)."""
        text = f"{self.message}\n{self.body}".lower()
        return any(word in text for word in _AUTH_WORDS) or "virtual host" in text


class ConnectionLostError(ClientError):
    """The connection ended without our DISCONNECT (the broker closed, the network failed)."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


class HeartbeatTimeout(ConnectionLostError):
    """Nothing arrived for longer than the negotiated heart-beat allows: the peer is dead."""

    def __init__(self, silent_for: float, interval: float) -> None:
        super().__init__(
            f"no data from the broker for {silent_for:.1f} s although it promised a heart-beat "
            f"every {interval:.1f} s; the connection is considered dead"
        )
        self.silent_for = silent_for
        self.interval = interval


class ClientTimeout(ClientError):
    """Something we waited for did not happen in time."""


class ConnectTimeout(ClientTimeout):
    """No CONNECTED (or no transport) within the connect timeout."""


class ReceiptTimeout(ClientTimeout):
    """No RECEIPT within the timeout (some brokers, e.g. Spring's simple broker, never send one)."""

    def __init__(self, receipt_id: str, timeout: float) -> None:
        super().__init__(
            f"no RECEIPT for '{receipt_id}' within {timeout:g} s "
            "(the broker may not send receipts for this command)"
        )
        self.receipt_id = receipt_id
        self.timeout = timeout


class ReceiveTimeout(ClientTimeout):
    """No message arrived within the timeout."""


class BrokerError(ClientError):
    """An ERROR frame answered a command that we were waiting on (its `receipt-id` matched)."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.message = frame.header("message") or "(no message header)"
        super().__init__(f"the broker answered with an ERROR: {describe_error_frame(frame)}")


def describe_error_frame(frame: Frame) -> str:
    """The `message` header plus the body's first line when it adds something.

    Brokers put the short reason in `message` and the specifics in the body (RabbitMQ:
    "Unknown destination" + "'/bogus/x' is not a valid destination.").
    """
    message = frame.header("message") or "(no message header)"
    lines = frame.body.decode("utf-8", "replace").strip().splitlines()
    if lines and lines[0].strip() and lines[0].strip() != message:
        return f"{message} ({lines[0].strip()})"
    return message


class NotConnected(ClientError):
    """A command was issued while the client is not connected (not yet, reconnecting, closed)."""


class NotSupported(ClientError):
    """The negotiated version or the message cannot do this (NACK in 1.0, ACK without id)."""


class ProtocolError(ClientError):
    """The broker sent bytes the codec rejects; the connection cannot continue."""


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else text
