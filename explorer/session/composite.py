"""What a comma in a destination means: ActiveMQ's composite destinations, and nothing else.

ActiveMQ splits a STOMP destination at commas and sends one copy to each part, every part
with its own /queue/ or /topic/ prefix (`/queue/orders,/topic/audit`). Anywhere else the
comma is just a character of one name, which is almost never what the user meant: a typo
such as "/queue/1002," planted a queue named "1002," and nameless nodes in the tree. So a
comma is accepted on ActiveMQ (checked part by part) and refused elsewhere with a sentence;
the log shows the SEND once, as N destinations, and the tree counts each part.
"""

from __future__ import annotations

from explorer.broker.kind import BrokerKind
from explorer.session.errors import CompositeRefused

# Prefixes ActiveMQ's STOMP frame translator accepts for each part of a composite.
_PREFIXES = ("/queue/", "/topic/", "/temp-queue/", "/temp-topic/")


def composite_parts(destination: str) -> tuple[str, ...]:
    """The destinations a SEND to `destination` reaches on ActiveMQ (one when no comma).
    A trailing comma adds nothing (ActiveMQ drops trailing empty parts)."""
    if "," not in destination:
        return (destination,)
    parts = destination.strip().split(",")
    while parts and not parts[-1]:
        parts.pop()
    return tuple(parts)


def check_destination(destination: str, broker: BrokerKind) -> tuple[str, ...]:
    """The destinations one SEND to `destination` reaches on `broker`; raises
    `CompositeRefused` for a comma the broker would not read as several destinations."""
    if "," not in destination:
        return (destination,)
    if broker is not BrokerKind.ACTIVEMQ:
        raise CompositeRefused(destination, broker.value)
    parts = composite_parts(destination)
    for part in parts or ("",):
        prefix = next((p for p in _PREFIXES if part.startswith(p)), None)
        if prefix is None or len(part) == len(prefix):  # no prefix, or nothing after it
            raise CompositeRefused(destination, broker.value, part)
    return parts
