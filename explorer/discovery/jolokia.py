"""ActiveMQ Classic destinations and counts through Jolokia (JMX over HTTP).

One POST carries a bulk request: a wildcard `read` per destination type
(`org.apache.activemq:type=Broker,brokerName=*,destinationType=Queue,destinationName=*`) with
the attributes we show. Jolokia answers HTTP 200 even when one read fails, with a per-read
`status`; 404 there means "no MBean of this type yet" and is simply an empty list.

The shipped jolokia-access.xml enforces CORS strict checking, so we send an `Origin` header.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from explorer.broker.destinations import DestinationKind
from explorer.discovery.errors import DiscoveryProtocolError
from explorer.discovery.http import HttpEndpoint, fetch_json
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.naming import is_advisory_name

ATTRIBUTES: tuple[str, ...] = ("Name", "QueueSize", "ConsumerCount", "EnqueueCount", "DequeueCount")

# JMX destinationType → (STOMP prefix, kind)
DESTINATION_TYPES: dict[str, tuple[str, DestinationKind]] = {
    "Queue": ("/queue/", DestinationKind.QUEUE),
    "Topic": ("/topic/", DestinationKind.TOPIC),
    "TempQueue": ("/remote-temp-queue/", DestinationKind.TEMP_QUEUE),
    "TempTopic": ("/remote-temp-topic/", DestinationKind.TEMP_TOPIC),
}


def bulk_request(broker_name: str = "*") -> list[dict[str, Any]]:
    """The Jolokia bulk read for every destination type (one HTTP round trip)."""
    return [
        {
            "type": "read",
            "mbean": (
                f"org.apache.activemq:type=Broker,brokerName={broker_name},"
                f"destinationType={jmx_type},destinationName=*"
            ),
            "attribute": list(ATTRIBUTES),
        }
        for jmx_type in DESTINATION_TYPES
    ]


def _mbean_properties(name: str) -> dict[str, str]:
    """`domain:k=v,k=v` → {k: v} (ActiveMQ encodes special characters, so a plain split works)."""
    _, _, props = name.partition(":")
    result: dict[str, str] = {}
    for part in props.split(","):
        key, sep, value = part.partition("=")
        if sep:
            result[key] = value
    return result


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_bulk_response(
    answer: Any, *, where: str = "Jolokia", include_advisory: bool = False
) -> list[DiscoveredDestination]:
    """Turn Jolokia's bulk answer into destinations; raise DiscoveryProtocolError on odd shapes."""
    if not isinstance(answer, list):
        answer = [answer]
    found: list[DiscoveredDestination] = []
    for item in answer:
        if not isinstance(item, Mapping):
            raise DiscoveryProtocolError(f"{where}: unexpected answer {item!r:.200}", "jolokia")
        status = item.get("status")
        if status == 404:
            continue  # no MBean of this destination type exists yet
        if status != 200:
            error = item.get("error") or f"status {status}"
            raise DiscoveryProtocolError(f"{where}: read failed: {error}", "jolokia")
        values = item.get("value")
        if not isinstance(values, Mapping):
            raise DiscoveryProtocolError(f"{where}: unexpected value {values!r:.200}", "jolokia")
        for mbean, attributes in values.items():
            props = _mbean_properties(str(mbean))
            jmx_type = props.get("destinationType", "")
            if jmx_type not in DESTINATION_TYPES or not isinstance(attributes, Mapping):
                continue
            name = attributes.get("Name")
            if not isinstance(name, str):
                name = props.get("destinationName", "")
            if not name or (is_advisory_name(name) and not include_advisory):
                continue
            prefix, kind = DESTINATION_TYPES[jmx_type]
            found.append(
                DiscoveredDestination(
                    destination=prefix + name,
                    kind=kind,
                    source=Source.JOLOKIA,
                    depth=_int(attributes.get("QueueSize")),
                    consumers=_int(attributes.get("ConsumerCount")),
                    enqueued=_int(attributes.get("EnqueueCount")),
                    dequeued=_int(attributes.get("DequeueCount")),
                )
            )
    found.sort(key=lambda d: d.destination)
    return found


class JolokiaClient:
    """Reads ActiveMQ destinations with their counts from a Jolokia endpoint."""

    def __init__(
        self,
        url: str,
        *,
        login: str | None = None,
        password: str | None = None,
        broker_name: str = "*",
        timeout: float = 10.0,
        include_advisory: bool = False,
    ) -> None:
        self.endpoint = HttpEndpoint(
            url=url,
            service="Jolokia",
            source=str(Source.JOLOKIA),
            login=login,
            password=password,
            auth_hint="check the Jolokia login and password in the profile",
        )
        self.broker_name = broker_name
        self.timeout = timeout
        self.include_advisory = include_advisory

    def _origin(self) -> str:
        parts = urlsplit(self.endpoint.url)
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"

    async def destinations(self) -> list[DiscoveredDestination]:
        """One bulk read: every queue, topic and temporary destination with its counts."""
        answer = await fetch_json(
            self.endpoint,
            "?ignoreErrors=true&includeStackTrace=false",
            body=bulk_request(self.broker_name),
            headers={"Origin": self._origin()},
            timeout=self.timeout,
        )
        return parse_bulk_response(
            answer,
            where=f"Jolokia at {self.endpoint.url}",
            include_advisory=self.include_advisory,
        )
