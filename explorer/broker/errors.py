"""What a broker cannot do, said so a person knows why (one family for explorer.broker)."""

from __future__ import annotations


class BrokerFeatureError(Exception):
    """Root: the broker (or the negotiated STOMP version) lacks a feature we were asked for."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PeekUnsupported(BrokerFeatureError):
    """The broker has no non-destructive browse over STOMP."""
