"""The queue operations' exception family: structured fields plus an English sentence.

The window words these itself (from the fields) so they can be translated; the command line
prints `message`. Connection problems stay `explorer.client.ClientError`s.
"""

from __future__ import annotations


class OperationError(Exception):
    """Root of the family. `message` says what happened and what to do about it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnsupportedOperation(OperationError):
    """The broker (or the destination's kind) cannot do what was asked; nothing was touched.

    `operation` is "move", "copy", "purge", "selector", ...; `reason` the sentence's tail.
    """

    def __init__(self, operation: str, destination: str, reason: str) -> None:
        super().__init__(f"cannot {operation} {destination}: {reason}")
        self.operation = operation
        self.destination = destination
        self.reason = reason


class ApiMissing(OperationError):
    """The operation needs the broker's HTTP API and none was given; `flag` gives it."""

    def __init__(self, operation: str, service: str, flag: str) -> None:
        super().__init__(
            f"{operation} needs the {service}; give it with {flag} "
            f"(e.g. {flag} {_EXAMPLES.get(flag, 'URL')})"
        )
        self.operation = operation
        self.service = service
        self.flag = flag


_EXAMPLES = {
    "--jolokia": "http://localhost:8161/api/jolokia",
    "--management": "http://localhost:15672",
}


class QueueNotFound(OperationError):
    """The named queue does not exist on the broker; nothing was touched."""

    def __init__(self, destination: str, detail: str = "") -> None:
        text = f"there is no queue {destination} on this broker"
        super().__init__(text + (f" ({detail})" if detail else "") + "; check the name")
        self.destination = destination
        self.detail = detail


class DestinationRefused(OperationError):
    """The broker answered a SEND or SUBSCRIBE with an ERROR (`broker_message`: its words)."""

    def __init__(self, destination: str, broker_message: str) -> None:
        super().__init__(f"the broker refused {destination}: {broker_message}")
        self.destination = destination
        self.broker_message = broker_message


class ApiFailed(OperationError):
    """The HTTP API (Jolokia, RabbitMQ management) failed; `unreachable` when it could not
    be reached or refused the login (a connection problem, exit 3 on the command line)."""

    def __init__(self, message: str, *, unreachable: bool) -> None:
        super().__init__(message)
        self.unreachable = unreachable


class InvalidSelector(OperationError):
    """The broker refused the selector expression (`broker_message`: its words)."""

    def __init__(self, selector: str, broker_message: str) -> None:
        super().__init__(f"the broker refused the selector {selector!r}: {broker_message}")
        self.selector = selector
        self.broker_message = broker_message


class InvalidFilter(OperationError):
    """Our own filter expression (`where`, explorer.search syntax) does not parse;
    `error` is the `explorer.search.SearchSyntaxError` (offset, caret) to show."""

    def __init__(self, expression: str, error: Exception) -> None:
        super().__init__(f"the filter {expression!r} does not parse: {error}")
        self.expression = expression
        self.error = error
