"""What kind of thing a destination is (queue, topic, exchange, temporary), by its name.

Shared by discovery (what a source reports), the subscription modes (what a mode can do on
it) and the window (which actions to offer).
"""

from __future__ import annotations

from enum import StrEnum


class DestinationKind(StrEnum):
    """What a destination is, as far as a source can tell."""

    QUEUE = "queue"
    TOPIC = "topic"
    EXCHANGE = "exchange"
    TEMP_QUEUE = "temp-queue"
    TEMP_TOPIC = "temp-topic"
    UNKNOWN = "unknown"


def kind_of(destination: str) -> DestinationKind:
    """Guess the kind from a destination's STOMP prefix (for seen/bookmarked/imported names)."""
    if destination.startswith(("/queue/", "/amq/queue/", "/reply-queue/")):
        return DestinationKind.QUEUE
    if destination.startswith("/topic/"):
        return DestinationKind.TOPIC
    if destination.startswith("/exchange/"):
        return DestinationKind.EXCHANGE
    if destination.startswith(("/temp-queue/", "/remote-temp-queue/")):
        return DestinationKind.TEMP_QUEUE
    if destination.startswith(("/temp-topic/", "/remote-temp-topic/")):
        return DestinationKind.TEMP_TOPIC
    return DestinationKind.UNKNOWN
