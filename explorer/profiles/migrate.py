"""Forward migration of the profiles file, one schema step at a time.

Schema 1 (the first releases) described the endpoint with separate `transport`, `host`,
`port` and `path` fields and wrote the heart-beat as a "send,receive" string. Schema 2 keeps a
single `url` (the source of truth) and a `{"send_ms", "receive_ms"}` object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from explorer.client.url import CANONICAL_SCHEME, Transport
from explorer.profiles.errors import ProfileFileError, ProfileSchemaTooNew

CURRENT_SCHEMA = 2


def _v1_url(p: dict[str, Any], where: str) -> str:
    try:
        transport = Transport(str(p.get("transport", "tcp")).lower())
    except ValueError:
        raise ProfileFileError(
            f"{where}: unknown transport '{p.get('transport')}'; expected tcp, tls, ws or wss"
        ) from None
    host = p.get("host")
    if not isinstance(host, str) or not host:
        raise ProfileFileError(f"{where}: 'host' is missing")
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    port = p.get("port")
    port_part = f":{port}" if isinstance(port, int) and not isinstance(port, bool) else ""
    path = p.get("path") or ""
    if transport not in (Transport.WS, Transport.WSS) or path == "/":
        path = ""
    return f"{CANONICAL_SCHEME[transport]}://{host}{port_part}{path}"


def _v1_heart_beat(value: Any, where: str) -> dict[str, int]:
    if value is None:
        return {"send_ms": 10_000, "receive_ms": 10_000}
    try:
        send, receive = (int(x) for x in str(value).split(","))
    except ValueError:
        raise ProfileFileError(f"{where}: heart_beat '{value}' is not 'send,receive'") from None
    return {"send_ms": send, "receive_ms": receive}


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    profiles = []
    for i, p in enumerate(doc.get("profiles", [])):
        if not isinstance(p, dict):
            raise ProfileFileError(f"profile #{i + 1} should be a JSON object")
        where = f"profile '{p.get('name', i + 1)}'"
        new = {k: v for k, v in p.items() if k not in ("transport", "host", "port", "path")}
        new["url"] = _v1_url(p, where)
        # v1 had no separate vhost field name clash: its `virtual_host` becomes `vhost`
        if "virtual_host" in new:
            new["vhost"] = new.pop("virtual_host")
        new["heart_beat"] = _v1_heart_beat(p.get("heart_beat"), where)
        profiles.append(new)
    return {**doc, "schema": 2, "profiles": profiles}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a decoded profiles document up to CURRENT_SCHEMA; raise ProfileFileError if the
    file is from a newer version of the app or has no schema number."""
    schema = doc.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ProfileFileError("the file has no valid 'schema' number")
    if schema > CURRENT_SCHEMA:
        raise ProfileSchemaTooNew(
            f"the file uses schema {schema}, written by a newer STOMP Explorer "
            f"(this one reads up to {CURRENT_SCHEMA}); upgrade to change it"
        )
    while schema < CURRENT_SCHEMA:
        doc = MIGRATIONS[schema](doc)
        schema = doc["schema"]
    return doc
