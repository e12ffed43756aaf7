"""The exception family of the sandbox broker: everything raised here is a `SandboxError`.

Each error that reaches a client becomes an ERROR frame whose `message` header is the
exception's text, so the texts say what happened and what to do about it. `fatal` decides
whether the connection is closed after the ERROR (the STOMP spec says it must be; the
sandbox keeps the connection only where closing would punish a well-behaved client, such
as a full queue).
"""

from __future__ import annotations


class SandboxError(Exception):
    """Root of every error raised by `explorer.sandbox`."""

    fatal: bool = True

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ProtocolViolation(SandboxError):
    """The client broke the STOMP protocol (bad frame, unknown id...): ERROR, then close."""


class InvalidDestination(SandboxError):
    """A destination the sandbox does not serve (wrong prefix, empty name, read-only)."""


class CapacityExceeded(SandboxError):
    """A queue (or the whole sandbox) is full: the producer gets an ERROR, keeps its connection."""

    fatal = False


class SlowConsumer(SandboxError):
    """A client reads so slowly that its pending output passed the cap; it is disconnected."""


class ListenError(SandboxError):
    """A listener could not start (the port is taken, or the address is unusable)."""
