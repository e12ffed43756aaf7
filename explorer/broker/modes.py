"""Subscription modes, described without a GUI: what each does and which SUBSCRIBE headers.

- observe: auto-ack, meant for topics (on a queue it takes messages away from other consumers);
- peek: non-destructive browse (ActiveMQ `browser:true`, ends with a MESSAGE `browser:end`);
- consume: manual ACK/NACK per message (`ack:client-individual`);
- drain: auto-ack consume of a queue: every message is removed.

`removes_messages(mode, kind)` is what the UI checks before asking for confirmation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.broker.errors import PeekUnsupported
from explorer.broker.kind import BrokerKind


class Mode(StrEnum):
    OBSERVE = "observe"
    PEEK = "peek"
    CONSUME = "consume"
    DRAIN = "drain"


@dataclass(frozen=True, slots=True)
class ModeInfo:
    mode: Mode
    label: str
    description: str
    ack: str


MODES: dict[Mode, ModeInfo] = {
    Mode.OBSERVE: ModeInfo(
        Mode.OBSERVE,
        "Observe",
        "Receive copies of messages published to a topic (auto-ack). On a queue this "
        "competes with other consumers and takes messages away.",
        "auto",
    ),
    Mode.PEEK: ModeInfo(
        Mode.PEEK,
        "Peek",
        "Look at the messages waiting in a queue without removing them (queue browser).",
        "auto",
    ),
    Mode.CONSUME: ModeInfo(
        Mode.CONSUME,
        "Consume (manual ACK/NACK)",
        "Receive messages and acknowledge or reject each one by hand; acknowledged "
        "messages are removed from the queue.",
        "client-individual",
    ),
    Mode.DRAIN: ModeInfo(
        Mode.DRAIN,
        "Drain",
        "Consume every message of the queue with automatic acknowledgement: they are removed.",
        "auto",
    ),
}

_QUEUE_LIKE = (DestinationKind.QUEUE, DestinationKind.TEMP_QUEUE)


def describe(mode: Mode) -> ModeInfo:
    return MODES[mode]


def removes_messages(mode: Mode, kind: DestinationKind) -> bool:
    """True when subscribing this way takes messages off a queue (the UI confirms first)."""
    if mode is Mode.PEEK:
        return False
    if mode is Mode.OBSERVE:
        return kind in _QUEUE_LIKE or kind is DestinationKind.UNKNOWN
    return True  # consume removes what is acked; drain removes everything


def peek_unsupported_reason(broker: BrokerKind, kind: DestinationKind) -> str | None:
    """Why peek cannot work here, or None when it can."""
    if kind not in _QUEUE_LIKE:
        return "peek browses queues; a topic keeps no messages to look at (use observe)"
    if broker is BrokerKind.ACTIVEMQ:
        return None
    if broker is BrokerKind.RABBITMQ:
        return (
            "RabbitMQ has no queue browser over STOMP; the management UI's 'Get messages' "
            "with requeue is the nearest thing (it marks messages redelivered)"
        )
    if broker is BrokerKind.ARTEMIS:
        return "Artemis has no queue browser over STOMP; use its console or Jolokia browse()"
    if broker is BrokerKind.SPRING:
        return "Spring's STOMP broker has no queue browser"
    return f"this broker ({broker}) has no known queue browser over STOMP"


def available_modes(broker: BrokerKind, destination: str) -> tuple[Mode, ...]:
    """The modes worth offering for a destination on this broker."""
    kind = kind_of(destination)
    modes = [Mode.OBSERVE]
    if peek_unsupported_reason(broker, kind) is None:
        modes.append(Mode.PEEK)
    if broker is not BrokerKind.SPRING:  # the simple broker has no ACK/NACK
        modes.append(Mode.CONSUME)
    if kind in _QUEUE_LIKE or kind is DestinationKind.UNKNOWN:
        modes.append(Mode.DRAIN)
    return tuple(modes)


def subscribe_headers(mode: Mode, broker: BrokerKind, destination: str) -> dict[str, str]:
    """Headers for SUBSCRIBE (besides `id`); raises PeekUnsupported with the reason."""
    info = MODES[mode]
    headers = {"destination": destination, "ack": info.ack}
    if mode is Mode.PEEK:
        reason = peek_unsupported_reason(broker, kind_of(destination))
        if reason is not None:
            raise PeekUnsupported(f"cannot peek at {destination}: {reason}")
        headers["browser"] = "true"
    return headers


def is_browser_end(headers: Mapping[str, str]) -> bool:
    """ActiveMQ ends a browse with an empty MESSAGE carrying `browser:end`."""
    return headers.get("browser") == "end"
