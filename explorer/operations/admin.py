"""The brokers' HTTP admin APIs, for what STOMP cannot do: purge, remove by selector, counts.

- ActiveMQ through Jolokia (JMX over HTTP): every request is a bulk POST (a JSON list), so
  each answer carries its own `status`; 404 there means "no such MBean" (no such queue).
  The queue MBean's exact name (with the real `brokerName`) comes from a wildcard read.
- RabbitMQ through the management API: `GET /api/queues/{vhost}/{name}`,
  `DELETE /api/queues/{vhost}/{name}/contents` (purge), `GET /api/queues/{vhost}`.

HTTP failures arrive as `explorer.discovery` errors and leave here as `ApiFailed` (with
`unreachable` for refused logins and unreachable endpoints) or `QueueNotFound`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from explorer.discovery.errors import (
    DiscoveryAuthError,
    DiscoveryError,
    DiscoveryNotFound,
    DiscoveryUnavailable,
)
from explorer.discovery.http import HttpEndpoint, fetch_json
from explorer.operations.errors import ApiFailed, InvalidSelector, QueueNotFound
from explorer.profiles.model import Profile

JMX_DOMAIN = "org.apache.activemq"
# JMX destinationType → STOMP prefix (temporary destinations are not operated on).
JMX_PREFIXES = {"Queue": "/queue/", "Topic": "/topic/"}
STRING_EXPRESSIONS = "convert_string_expressions:"


def _api_failed(error: DiscoveryError) -> ApiFailed:
    unreachable = isinstance(error, DiscoveryAuthError | DiscoveryUnavailable)
    return ApiFailed(error.message, unreachable=unreachable)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def mbean_properties(name: str) -> dict[str, str]:
    """`domain:k=v,k=v` → {k: v} (ActiveMQ encodes special characters, so a split works)."""
    _, _, props = name.partition(":")
    result: dict[str, str] = {}
    for part in props.split(","):
        key, sep, value = part.partition("=")
        if sep:
            result[key] = value
    return result


def parse_jms_timestamp(value: Any) -> float | None:
    """Jolokia renders a JMS timestamp as ISO 8601 (`2026-11-30T01:38:52Z`) or epoch ms."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) / 1000.0 if value > 0 else None
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


class JolokiaAdmin:
    """ActiveMQ queue administration over Jolokia."""

    def __init__(
        self,
        url: str,
        *,
        login: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.endpoint = HttpEndpoint(
            url=url,
            service="Jolokia",
            source="jolokia",
            login=login,
            password=password,
            auth_hint="check the Jolokia login and password",
        )
        self.timeout = timeout

    @property
    def url(self) -> str:
        return self.endpoint.url

    def _origin(self) -> str:
        parts = urlsplit(self.endpoint.url)
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"

    async def bulk(
        self, requests: Sequence[Mapping[str, Any]], *, query: str = ""
    ) -> list[Mapping[str, Any]]:
        """POST a list of Jolokia requests; the answers in the same order."""
        path = "?ignoreErrors=true&includeStackTrace=false" + query
        try:
            answer = await fetch_json(
                self.endpoint,
                path,
                body=list(requests),
                headers={"Origin": self._origin()},
                timeout=self.timeout,
            )
        except DiscoveryError as exc:
            raise _api_failed(exc) from None
        if not isinstance(answer, list) or not all(isinstance(a, Mapping) for a in answer):
            raise ApiFailed(
                f"Jolokia at {self.url}: unexpected answer {answer!r:.200}", unreachable=False
            )
        return answer

    @staticmethod
    def _value(item: Mapping[str, Any], what: str) -> Any:
        status = item.get("status")
        if status != 200:
            error = item.get("error") or f"status {status}"
            raise ApiFailed(f"Jolokia: {what} failed: {error}", unreachable=False)
        return item.get("value")

    async def destination_mbean(self, destination: str) -> str | None:
        """The exact MBean name of a `/queue/x` or `/topic/x`, or None when there is none."""
        jmx_type, name = _jmx_destination(destination)
        pattern = (
            f"{JMX_DOMAIN}:type=Broker,brokerName=*,destinationType={jmx_type},"
            f"destinationName={name}"
        )
        [item] = await self.bulk([{"type": "read", "mbean": pattern, "attribute": ["Name"]}])
        if item.get("status") == 404:
            return None
        values = self._value(item, f"looking up {destination}")
        if isinstance(values, Mapping):
            for mbean in values:
                return str(mbean)
        return None

    async def require_queue(self, destination: str) -> str:
        mbean = await self.destination_mbean(destination)
        if mbean is None:
            raise QueueNotFound(destination, "Jolokia lists no such queue")
        return mbean

    async def read_destinations(
        self, attributes: Sequence[str], jmx_types: Sequence[str] = ("Queue", "Topic")
    ) -> dict[str, dict[str, Any]]:
        """{STOMP destination: {attribute: value}} for every queue/topic (one round trip)."""
        requests = [
            {
                "type": "read",
                "mbean": (
                    f"{JMX_DOMAIN}:type=Broker,brokerName=*,destinationType={jmx_type},"
                    "destinationName=*"
                ),
                "attribute": ["Name", *attributes],
            }
            for jmx_type in jmx_types
        ]
        found: dict[str, dict[str, Any]] = {}
        for item in await self.bulk(requests):
            if item.get("status") == 404:
                continue  # no destination of that type yet
            values = self._value(item, "reading destinations")
            if not isinstance(values, Mapping):
                continue
            for mbean, attrs in values.items():
                props = mbean_properties(str(mbean))
                prefix = JMX_PREFIXES.get(props.get("destinationType", ""))
                if prefix is None or not isinstance(attrs, Mapping):
                    continue
                name = attrs.get("Name")
                if not isinstance(name, str):
                    name = props.get("destinationName", "")
                found[prefix + name] = {**attrs, "_mbean": str(mbean)}
        return found

    async def read(self, mbean: str, attributes: Sequence[str]) -> Mapping[str, Any]:
        """Some attributes of one MBean."""
        [item] = await self.bulk([{"type": "read", "mbean": mbean, "attribute": list(attributes)}])
        value = self._value(item, f"reading {', '.join(attributes)}")
        return value if isinstance(value, Mapping) else {}

    async def purge(self, mbean: str) -> None:
        """Delete every message of the queue (QueueViewMBean.purge)."""
        [item] = await self.bulk([{"type": "exec", "mbean": mbean, "operation": "purge()"}])
        self._value(item, "purge")

    async def remove_matching(self, mbean: str, selector: str) -> int:
        """Delete the messages matching a JMS selector; how many were removed.

        ActiveMQ's STOMP subscriptions read selectors with `convert_string_expressions:`
        (STOMP headers are string properties, and `priority > 4` should compare numbers);
        the same prefix here makes `--selector` mean the same to a purge as to a move.
        """
        expression = selector
        if not expression.startswith(STRING_EXPRESSIONS):
            expression = STRING_EXPRESSIONS + expression
        request = {
            "type": "exec",
            "mbean": mbean,
            "operation": "removeMatchingMessages(java.lang.String)",
            "arguments": [expression],
        }
        [item] = await self.bulk([request])
        if item.get("status") != 200:
            error = str(item.get("error") or "")
            if "Selector" in error or "selector" in error:
                raise InvalidSelector(selector, error)
        value = self._value(item, "removing matching messages")
        return _int(value) or 0

    async def head_timestamps(self, mbeans: Sequence[str]) -> list[float | None]:
        """The JMS timestamp (epoch seconds) of the message at the head of each queue.

        `browse()` with Jolokia's `maxCollectionSize=1` sends back one message per queue
        (the broker still pages in its browse page, 400 by default).
        """
        if not mbeans:
            return []
        requests = [{"type": "exec", "mbean": m, "operation": "browse()"} for m in mbeans]
        answers = await self.bulk(requests, query="&maxCollectionSize=1&maxDepth=3")
        result: list[float | None] = []
        for item in answers:
            value = item.get("value") if item.get("status") == 200 else None
            first = value[0] if isinstance(value, list) and value else None
            stamp = first.get("JMSTimestamp") if isinstance(first, Mapping) else None
            result.append(parse_jms_timestamp(stamp))
        return result


def _jmx_destination(destination: str) -> tuple[str, str]:
    if destination.startswith("/topic/"):
        return "Topic", destination[len("/topic/") :]
    if destination.startswith("/queue/"):
        return "Queue", destination[len("/queue/") :]
    return "Queue", destination  # ActiveMQ: a name without a prefix is a queue


class ManagementAdmin:
    """RabbitMQ queue administration over the management HTTP API (one virtual host)."""

    def __init__(
        self,
        url: str,
        *,
        login: str | None = "guest",
        password: str | None = None,
        vhost: str = "/",
        timeout: float = 30.0,
    ) -> None:
        self.endpoint = HttpEndpoint(
            url=url,
            service="RabbitMQ management",
            source="management",
            login=login,
            password=password,
            auth_hint="check the management login and password",
        )
        self.vhost = vhost
        self.timeout = timeout

    @property
    def url(self) -> str:
        return self.endpoint.url

    def _queue_path(self, name: str) -> str:
        return f"api/queues/{quote(self.vhost, safe='')}/{quote(name, safe='')}"

    async def queue(self, name: str) -> Mapping[str, Any] | None:
        """The queue's management record, or None when it does not exist."""
        try:
            answer = await fetch_json(self.endpoint, self._queue_path(name), timeout=self.timeout)
        except DiscoveryNotFound:
            return None
        except DiscoveryError as exc:
            raise _api_failed(exc) from None
        if not isinstance(answer, Mapping):
            raise ApiFailed(
                f"RabbitMQ management at {self.url}: unexpected answer {answer!r:.200}",
                unreachable=False,
            )
        return answer

    async def require_queue(self, name: str, destination: str) -> Mapping[str, Any]:
        record = await self.queue(name)
        if record is None:
            raise QueueNotFound(destination, f"no queue '{name}' in virtual host '{self.vhost}'")
        return record

    async def purge(self, name: str) -> None:
        """Delete every ready message of the queue (unacknowledged ones stay)."""
        try:
            await fetch_json(
                self.endpoint,
                self._queue_path(name) + "/contents",
                method="DELETE",
                timeout=self.timeout,
            )
        except DiscoveryError as exc:
            raise _api_failed(exc) from None

    async def queues(self, columns: Sequence[str]) -> list[Mapping[str, Any]]:
        """Every queue of the virtual host with the given columns."""
        path = f"api/queues/{quote(self.vhost, safe='')}?columns={','.join(columns)}"
        try:
            answer = await fetch_json(self.endpoint, path, timeout=self.timeout)
        except DiscoveryError as exc:
            raise _api_failed(exc) from None
        if not isinstance(answer, list) or not all(isinstance(a, Mapping) for a in answer):
            raise ApiFailed(
                f"RabbitMQ management at {self.url}: /api/queues did not return a list",
                unreachable=False,
            )
        return answer


@dataclass(frozen=True, slots=True)
class AdminApis:
    """The HTTP APIs an operation may use: checks (does the queue exist?) and purges."""

    jolokia: JolokiaAdmin | None = None
    management: ManagementAdmin | None = None

    @classmethod
    def from_profile(cls, profile: Profile, password: str | None = None) -> AdminApis:
        """The endpoints a profile's Management page names (the window's operations and
        health dock), logged in as discovery does: one login for both, Jolokia only with a
        login of its own, the management API as the STOMP login (or guest) otherwise."""
        saved = profile.management
        jolokia = None
        if saved.jolokia_url:
            jolokia = JolokiaAdmin(
                saved.jolokia_url,
                login=saved.login,
                password=password if saved.login else None,
            )
        management = None
        if saved.management_url:
            management = ManagementAdmin(
                saved.management_url,
                login=saved.login or profile.effective_login or "guest",
                password=password,
                vhost=profile.host_header,
            )
        return cls(jolokia=jolokia, management=management)
