"""What a session command can fail with: one family, structured fields, an English sentence.

The command line prints `str(error)`; the window words each type itself (with the fields)
so the sentence can be translated. Connection problems stay `explorer.client.ClientError`s
(`ConnectFailed`, `TransportError`, ...): they pass through the session unchanged.
"""

from __future__ import annotations


class SessionError(Exception):
    """Root of the family. `message` says what happened and what to do about it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotConnected(SessionError):
    """A command needs the connection, which is not up (not yet, reconnecting, closed)."""

    def __init__(self) -> None:
        super().__init__("Not connected: wait until the connection is up.")


class EmptyDestination(SessionError):
    """SEND/SUBSCRIBE without a destination: brokers refuse it, or worse, accept it."""

    def __init__(self, command: str) -> None:
        super().__init__(
            f"A {command} needs a destination: give one such as /queue/orders or /topic/prices."
        )
        self.command = command


class InvalidRawFrame(SessionError):
    """Raw text that is not a client frame (the codec's reason in `detail`)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"The raw frame is not valid STOMP: {detail}")
        self.detail = detail


class IncompleteRawFrame(SessionError):
    """Raw text with no complete frame: nothing would be sent."""

    def __init__(self) -> None:
        super().__init__("The raw text holds no complete frame: end each frame with a NUL (␀).")


class CommandRefused(SessionError):
    """The broker answered a command with an ERROR. `broker_message` is its `message`
    header, `broker_detail` the first line of its body when that adds something."""

    def __init__(
        self, command: str, destination: str, broker_message: str, broker_detail: str = ""
    ) -> None:
        words = broker_message + (f" ({broker_detail})" if broker_detail else "")
        target = f" to {destination}" if destination else ""
        super().__init__(f"The broker refused the {command}{target}: {words}")
        self.command = command
        self.destination = destination
        self.broker_message = broker_message
        self.broker_detail = broker_detail


class SendRefused(CommandRefused):
    """A SEND (or another frame of the composer) answered by an ERROR instead of a RECEIPT."""


class SubscribeRefused(CommandRefused):
    """A SUBSCRIBE the broker refused: it is dropped, never re-subscribed."""

    def __init__(self, destination: str, broker_message: str, broker_detail: str = "") -> None:
        super().__init__("SUBSCRIBE", destination, broker_message, broker_detail)


class PeekUnavailable(SessionError):
    """This broker or connection cannot browse the queue (`reason` from explorer.broker)."""

    def __init__(self, destination: str, reason: str) -> None:
        super().__init__(reason)
        self.destination = destination
        self.reason = reason


class BrowseTimeout(SessionError):
    """The queue browser did not say it was done in time."""

    def __init__(self, destination: str, seconds: float) -> None:
        super().__init__(f"The browse of {destination} did not end within {seconds:g} s.")
        self.destination = destination
        self.seconds = seconds


class CompositeRefused(SessionError):
    """A comma in a SEND's destination where it cannot mean several destinations.

    ActiveMQ reads `/queue/a,/topic/b` as a composite destination (one SEND, a copy to each);
    other brokers take the comma as part of one name, which plants junk. `part` is the piece
    at fault on ActiveMQ (empty when the broker has no composites at all), `broker` the
    broker kind's name."""

    def __init__(self, destination: str, broker: str, part: str | None = None) -> None:
        if part is None:
            message = (
                f"A comma in {destination!r} means several destinations only on ActiveMQ; "
                f"this broker ({broker}) would take it as one name. Put each destination on "
                "its own line in the composer's destination list (one SEND each) instead."
            )
        else:
            message = (
                f"Each destination in {destination!r} must start with /queue/, /topic/, "
                f"/temp-queue/ or /temp-topic/ on ActiveMQ; {part!r} does not."
            )
        super().__init__(message)
        self.destination = destination
        self.broker = broker
        self.part = part


class BodyFileUnreadable(SessionError):
    """The file chosen as the body could not be read when sending."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"The body file {path} cannot be read: {reason}. Choose it again.")
        self.path = path
        self.reason = reason
