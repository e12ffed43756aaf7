"""ActiveMQ advisory messages over STOMP → destination changes.

Subscribing to `/topic/ActiveMQ.Advisory.Queue` (and `.Topic`, `.TempQueue`, `.TempTopic`)
makes the broker replay one advisory per existing destination, then send one per creation
(operationType 0) or removal (operationType 1). Without a `transformation` header the broker
serialises the command as JSON with XStream + Jettison, e.g. (captured on ActiveMQ 5.17.2):

    {"DestinationInfo":{"commandId":0,"responseRequired":false,
     "connectionId":{"value":"ID:vm-…-3:17"},
     "destination":{"@class":"ActiveMQQueue","string":"probe.cap","null":""},
     "operationType":0,"timeout":0}}

Jettison's quirk is the destination object `{"@class":…,"string":"<name>","null":""}`; we also
accept `physicalName` in case another serialiser is configured. Consumer advisories
(`/topic/ActiveMQ.Advisory.Consumer.Queue.<name>`) carry a `consumerCount` header, which gives
live consumer counts without Jolokia. ActiveMQ's own advisory topics are skipped unless asked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from explorer.broker.destinations import DestinationKind
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.naming import ADVISORY_PREFIX, is_advisory_name

TOPIC_PREFIX = "/topic/"

# What we subscribe to. The four destination advisories are replayed on subscribe.
DESTINATION_ADVISORIES: tuple[str, ...] = (
    "/topic/ActiveMQ.Advisory.Queue",
    "/topic/ActiveMQ.Advisory.Topic",
    "/topic/ActiveMQ.Advisory.TempQueue",
    "/topic/ActiveMQ.Advisory.TempTopic",
)
CONSUMER_ADVISORIES: tuple[str, ...] = ("/topic/ActiveMQ.Advisory.Consumer.>",)

# XStream class name of the destination → (STOMP prefix, kind)
DESTINATION_CLASSES: dict[str, tuple[str, DestinationKind]] = {
    "ActiveMQQueue": ("/queue/", DestinationKind.QUEUE),
    "ActiveMQTopic": ("/topic/", DestinationKind.TOPIC),
    "ActiveMQTempQueue": ("/remote-temp-queue/", DestinationKind.TEMP_QUEUE),
    "ActiveMQTempTopic": ("/remote-temp-topic/", DestinationKind.TEMP_TOPIC),
}

# The advisory topic a DestinationInfo arrived on tells the kind when the body does not.
ADVISORY_TOPIC_KINDS: dict[str, str] = {
    "/topic/ActiveMQ.Advisory.Queue": "ActiveMQQueue",
    "/topic/ActiveMQ.Advisory.Topic": "ActiveMQTopic",
    "/topic/ActiveMQ.Advisory.TempQueue": "ActiveMQTempQueue",
    "/topic/ActiveMQ.Advisory.TempTopic": "ActiveMQTempTopic",
}

CONSUMER_PREFIXES: dict[str, tuple[str, DestinationKind]] = {
    f"{TOPIC_PREFIX}{ADVISORY_PREFIX}Consumer.Queue.": ("/queue/", DestinationKind.QUEUE),
    f"{TOPIC_PREFIX}{ADVISORY_PREFIX}Consumer.Topic.": ("/topic/", DestinationKind.TOPIC),
}

ADD, REMOVE = 0, 1


def _destination_name(value: Any) -> tuple[str | None, str | None]:
    """(class name, physical name) from an XStream/Jettison destination object."""
    if isinstance(value, str):
        return None, value
    if not isinstance(value, Mapping):
        return None, None
    cls = value.get("@class")
    for key in ("physicalName", "string", "name"):
        name = value.get(key)
        if isinstance(name, str) and name:
            return (cls if isinstance(cls, str) else None), name
    # Another nesting: {"ActiveMQQueue": {"physicalName": "x"}}
    for key, inner in value.items():
        if key in DESTINATION_CLASSES and isinstance(inner, Mapping):
            _, name = _destination_name(inner)
            return key, name
    return None, None


def parse_destination_info(
    advisory_topic: str, body: bytes | str, *, include_advisory: bool = False
) -> DiscoveredDestination | None:
    """A DestinationInfo advisory → the destination added (or removed: `gone=True`).

    Returns None for other payloads, unreadable bodies and (unless asked) advisory topics.
    """
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if not isinstance(document, Mapping):
        return None
    info = document.get("DestinationInfo")
    if not isinstance(info, Mapping):
        return None
    cls, name = _destination_name(info.get("destination"))
    if not name:
        return None
    cls = cls if cls in DESTINATION_CLASSES else ADVISORY_TOPIC_KINDS.get(advisory_topic)
    if cls is None:
        return None
    if is_advisory_name(name) and not include_advisory:
        return None
    prefix, kind = DESTINATION_CLASSES[cls]
    operation = info.get("operationType")
    return DiscoveredDestination(
        destination=prefix + name,
        kind=kind,
        source=Source.ADVISORY,
        gone=operation == REMOVE,
    )


def parse_consumer_advisory(
    advisory_topic: str, headers: Mapping[str, str], *, include_advisory: bool = False
) -> DiscoveredDestination | None:
    """A consumer advisory → the destination with its current consumer count (header)."""
    matched = next((p for p in CONSUMER_PREFIXES if advisory_topic.startswith(p)), None)
    if matched is None:
        return None
    stomp_prefix, kind = CONSUMER_PREFIXES[matched]
    name = advisory_topic[len(matched) :]
    if not name or (is_advisory_name(name) and not include_advisory):
        return None
    try:
        consumers = int(headers.get("consumerCount", ""))
    except ValueError:
        return None
    return DiscoveredDestination(
        destination=stomp_prefix + name,
        kind=kind,
        source=Source.ADVISORY,
        consumers=consumers,
    )


def parse_advisory(
    headers: Mapping[str, str], body: bytes | str, *, include_advisory: bool = False
) -> DiscoveredDestination | None:
    """Any advisory MESSAGE (its headers and body) → a destination change, or None."""
    topic = headers.get("destination", "")
    if topic in ADVISORY_TOPIC_KINDS:
        return parse_destination_info(topic, body, include_advisory=include_advisory)
    return parse_consumer_advisory(topic, headers, include_advisory=include_advisory)
