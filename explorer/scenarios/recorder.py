"""Record a scenario: what a user subscribes, sends and receives becomes a scenario file.

SUBSCRIBEs become `subscribe` steps, SENDs become `send` steps, each received message an
`expect` step with the headers and body that were seen (minus what the broker sets per
delivery, such as `message-id` or `timestamp`). A JSON body is matched as a whole document
(`json: {"$": ...}`: key order and spacing do not matter), any other body with `equals`.
Text that looks like a template is wrapped in `{% raw %}` so it is sent and expected as it
was, not expanded. The window's Record button feeds this; `to_yaml()` gives the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from explorer.scenarios.recording import BROKER_SET_HEADERS
from explorer.templates import literal

# Also left out of expectations: they differ from one delivery to the next.
_DELIVERY_HEADERS = BROKER_SET_HEADERS | {"priority", "persistent", "ack-mode"}
# Set by the runner's own SUBSCRIBE.
_SUBSCRIBE_OWN_HEADERS = frozenset({"destination", "id", "ack", "receipt"})


@dataclass
class ScenarioRecorder:
    """Collects steps in the order they happen."""

    steps: list[dict[str, Any]] = field(default_factory=list)
    _subscriptions: dict[str, str] = field(default_factory=dict)  # id -> destination

    def subscribed(
        self, destination: str, subscription_id: str, headers: Sequence[tuple[str, str]] = ()
    ) -> None:
        """`headers`: the extra SUBSCRIBE headers (a selector, a prefetch count)."""
        self._subscriptions[subscription_id] = destination
        step: dict[str, Any] = {"subscribe": literal(destination), "id": subscription_id}
        kept = _headers(headers, _SUBSCRIBE_OWN_HEADERS)
        if kept:
            step["headers"] = kept
        self.steps.append(step)

    def sent(
        self,
        destination: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
        receipt: bool = False,
    ) -> None:
        step: dict[str, Any] = {"destination": literal(destination)}
        kept = _headers(headers, BROKER_SET_HEADERS)
        if kept:
            step["headers"] = kept
        if body:
            step["body"] = literal(body.decode("utf-8", errors="replace"))
        if receipt:
            step["receipt"] = True
        self.steps.append({"send": step})

    def received(
        self,
        subscription_id: str | None,
        destination: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
    ) -> None:
        expect: dict[str, Any] = {}
        if subscription_id is not None and subscription_id in self._subscriptions:
            expect["subscription"] = subscription_id
        else:
            expect["destination"] = literal(destination)
        kept = _headers(headers, _DELIVERY_HEADERS)
        if kept:
            expect["headers"] = kept
        matcher = _body_matcher(body)
        if matcher is not None:
            expect["body"] = matcher
        self.steps.append({"expect": expect})

    def to_yaml(
        self, name: str, *, connection: str | None = None, profile: str | None = None
    ) -> str:
        """The scenario file (UTF-8 text), ready for `stomp-explorer run`."""
        document: dict[str, Any] = {"name": name}
        if connection is not None:
            document["connection"] = connection
        elif profile is not None:
            document["profile"] = profile
        document["steps"] = self.steps
        return yaml.safe_dump(
            document, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
        )


def _headers(
    headers: Sequence[tuple[str, str]], leave_out: frozenset[str] | set[str]
) -> dict[str, str]:
    kept: dict[str, str] = {}
    for name, value in headers:
        if name.lower() not in leave_out and name not in kept:
            kept[name] = literal(value)
    return kept


def _body_matcher(body: bytes) -> dict[str, Any] | None:
    if not body:
        return None
    text = body.decode("utf-8", errors="replace")
    try:
        document = json.loads(text)
    except ValueError:
        return {"equals": literal(text)}
    if isinstance(document, dict | list):  # objects and lists are compared, never expanded
        return {"json": {"$": document}}
    return {"equals": literal(text)}
