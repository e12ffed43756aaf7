"""The window's words for what a `ConnectionSession` reports (states, notices, results,
errors), in the "SessionController" translation context.

The session core reports structured values in English for logs and the command line; here
each one becomes a sentence the translation files know. Technical text from lower layers
(a broker's ERROR message, a client error's detail) is kept as is inside the sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.broker.explain import explain_text
from explorer.client import ClientError
from explorer.session import (
    BrokerErrorReceived,
    BrowseTimeout,
    CommandRefused,
    ConnectionFailed,
    DiscoveryProblem,
    DiscoveryStopped,
    EmptyDestination,
    IncompleteRawFrame,
    InvalidRawFrame,
    LoginRefused,
    NotConnected,
    Notice,
    ResultKind,
    SendRefusedLater,
    SendResult,
    SessionError,
    SessionState,
    Status,
    SubscribeFailed,
    SubscriptionRefused,
)
from explorer.session.errors import BodyFileUnreadable, CompositeRefused
from explorer.session.notices import ErrorLeftOpen, explain_reason
from explorer.templates import TemplateError
from explorer.ui import discovery_text
from explorer.ui.composer_check import composite_text, template_error_text
from explorer.ui.explain_text import with_explanation
from explorer.ui.messages import describe_client_error

CONTEXT = "SessionController"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def broker_error(message: str, detail: str) -> str:
    """An ERROR frame as the banner says it: its `message` header, then its body's first
    line when that adds something."""
    text = tr("The broker sent an ERROR: {message}").format(
        message=message or tr("(no message header)")
    )
    return text + (" — " + detail if detail else "")


def failure(reason: BaseException) -> str:
    """A failure in our words, with the likely cause and fix when the broker's words or the
    close code are known (explorer.broker.explain)."""
    if isinstance(reason, ClientError):
        return with_explanation(describe_client_error(reason), explain_reason(reason))
    return tr("Unexpected error: {error}").format(error=reason)


def closed_after_error(message: str, detail: str) -> str:
    """The reason to show when the broker closed the connection right after its ERROR."""
    return with_explanation(
        tr("The broker closed the connection after its ERROR: {message}").format(
            message=message or tr("(no message header)")
        )
        + (" — " + detail if detail else ""),
        explain_text(f"{message}\n{detail}"),
    )


def login_refused(notice: LoginRefused) -> str:
    detail = notice.message + (" — " + notice.detail if notice.detail else "")
    return tr(
        "The broker refused the login for '{login}': {detail}. Check the login and passcode."
    ).format(login=notice.login, detail=detail)


def status_detail(status: Status) -> str:
    """The reason or server line shown next to the state."""
    state = status.state
    if state is SessionState.CONNECTING:
        return tr("attempt {n}").format(n=status.attempt) if status.attempt > 1 else ""
    if state is SessionState.CONNECTED:
        return status.server or ""
    if state in (SessionState.RECONNECTING, SessionState.FAILED) and status.reason is not None:
        if status.refusal is not None:
            return login_refused(status.refusal)
        if status.after_error is not None:
            return closed_after_error(*status.after_error)
        return failure(status.reason)
    return ""


def notice_text(notice: Notice) -> str:
    match notice:
        case BrokerErrorReceived(message=message, detail=detail, explanation=explanation):
            return with_explanation(broker_error(message, detail), explanation)
        case ErrorLeftOpen(message=message, seconds=seconds):
            return tr(
                "The broker sent an ERROR ({message}) but left the connection open for "
                "{seconds:g} s so far: STOMP brokers close it after an ERROR, so nothing will "
                "reconnect by itself; disconnect and connect again if the ERROR means the "
                "session is unusable (an expired token, for example)."
            ).format(message=message or tr("(no message header)"), seconds=seconds)
        case ConnectionFailed(reason=reason):
            return failure(reason)
        case LoginRefused():
            return login_refused(notice)
        case SendRefusedLater(message=message, detail=detail):
            return tr(
                "The broker sent an ERROR right after the SEND, so it was probably refused: {error}"
            ).format(error=broker_error(message, detail))
        case SubscriptionRefused(destination=destination, message=message, detail=detail):
            return tr(
                "The broker refused the subscription to {destination}: {error}. "
                "It will not be subscribed again."
            ).format(destination=destination, error=broker_error(message, detail))
        case SubscribeFailed(destination=destination, reason=reason):
            return tr("Could not subscribe to {destination}: {error}").format(
                destination=destination, error=failure(reason)
            )
        case DiscoveryProblem(source=source, error=error):
            return discovery_text.problem(source, error)
        case DiscoveryStopped(error=error):
            return tr("Destination discovery stopped: {error}").format(error=error)
    return notice.sentence


def session_error(error: SessionError) -> str:
    match error:
        case NotConnected():
            return tr("Not connected: wait until the connection is up.")
        case EmptyDestination(command=command):
            return tr(
                "A {command} needs a destination: give one such as /queue/orders or /topic/prices."
            ).format(command=command)
        case InvalidRawFrame(detail=detail):
            return tr("The raw frame is not valid STOMP: {error}").format(error=detail)
        case IncompleteRawFrame():
            return tr("The raw text holds no complete frame: end each frame with ␀.")
        case CommandRefused(command=command, broker_message=message, broker_detail=detail):
            return tr("The broker refused the {command}: {error}").format(
                command=command, error=broker_error(message, detail)
            )
        case CompositeRefused():
            return composite_text(error)
        case BodyFileUnreadable(path=path, reason=reason):
            return tr("The body file {path} cannot be read ({reason}): choose it again.").format(
                path=path, reason=reason
            )
        case BrowseTimeout(destination=destination, seconds=seconds):
            return tr("The browse of {destination} did not end within {seconds:g} s.").format(
                destination=destination, seconds=seconds
            )
    return error.message  # PeekUnavailable: explorer.broker's reason, worded there


def template_error(error: TemplateError) -> str:
    """A composer template that does not compile or render (where, then the engine's reason)."""
    return template_error_text(error)


def send_result(result: SendResult) -> str:
    """The composer's one-line result."""
    if result.kind is ResultKind.SUBSCRIBED:
        return tr("Subscribed to {destination}").format(destination=result.destination)
    if result.kind is ResultKind.UNSUBSCRIBED:
        return tr("Unsubscribed from {destination}").format(destination=result.destination)
    if result.kind is ResultKind.RAW:
        text = tr("Sent {count} raw frame(s)").format(count=result.frames)
    elif result.frames > 1:
        text = tr("Sent {count} frames in {ms:.0f} ms").format(
            count=result.frames, ms=result.elapsed * 1000
        )
    else:
        text = tr("Sent {command}").format(command=result.command)
    if result.receipt_rtt is not None:
        if result.kind is ResultKind.RAW:
            return text
        return text + " · " + tr("receipt after {ms:.1f} ms").format(ms=result.receipt_rtt * 1000)
    return text + " " + tr("(no receipt requested)")


def mode_result(destination: str, mode: str, peeked: int | None) -> str:
    """What subscribing in a mode did (explorer.broker.modes)."""
    if peeked is not None:
        return tr("Peeked at {count} message(s) on {destination}; they stay on the queue.").format(
            count=peeked, destination=destination
        )
    if mode == "consume":
        return tr(
            "Consuming {destination}: select a message and press ACK or NACK in the message pane."
        ).format(destination=destination)
    if mode == "drain":
        return tr("Draining {destination}: every message is removed.").format(
            destination=destination
        )
    return tr("Observing {destination}").format(destination=destination)


def answered(message_id: str, accept: bool) -> str:
    if accept:
        return tr("Acknowledged (ACK) {id}").format(id=message_id)
    return tr("Rejected (NACK) {id}").format(id=message_id)
