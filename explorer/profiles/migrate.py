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


def _v1_profile(p: dict[str, Any], where: str) -> dict[str, Any]:
    new = {k: v for k, v in p.items() if k not in ("transport", "host", "port", "path")}
    new["url"] = _v1_url(p, where)
    # v1 had no separate vhost field name clash: its `virtual_host` becomes `vhost`
    if "virtual_host" in new:
        new["vhost"] = new.pop("virtual_host")
    new["heart_beat"] = _v1_heart_beat(p.get("heart_beat"), where)
    return new


# One step per schema, applied to one profile (so a bad profile fails alone).
MIGRATIONS: dict[int, Callable[[dict[str, Any], str], dict[str, Any]]] = {1: _v1_profile}


def check_schema(schema: Any) -> int:
    """The file's schema number; ProfileFileError when missing, ProfileSchemaTooNew when the
    file was written by a newer version of the app."""
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ProfileFileError("the file has no valid 'schema' number")
    if schema > CURRENT_SCHEMA:
        raise ProfileSchemaTooNew(
            f"the file uses schema {schema}, written by a newer STOMP Explorer "
            f"(this one reads up to {CURRENT_SCHEMA}); upgrade to change it"
        )
    return schema


def migrate_profile(item: Any, schema: int, where: str) -> Any:
    """Bring one profile's JSON from `schema` up to CURRENT_SCHEMA."""
    while schema < CURRENT_SCHEMA:
        if not isinstance(item, dict):
            raise ProfileFileError(f"{where} should be a JSON object")
        name = item.get("name")
        item = MIGRATIONS[schema](item, f"profile '{name}'" if isinstance(name, str) else where)
        schema += 1
    return item


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a decoded profiles document up to CURRENT_SCHEMA; raise ProfileFileError if the
    file is from a newer version of the app or has no schema number."""
    schema = check_schema(doc.get("schema"))
    items = doc.get("profiles", [])
    if schema == CURRENT_SCHEMA or not isinstance(items, list):
        return doc
    profiles = [migrate_profile(p, schema, f"profile #{i + 1}") for i, p in enumerate(items)]
    return {**doc, "schema": CURRENT_SCHEMA, "profiles": profiles}
