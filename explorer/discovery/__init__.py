"""Destination discovery: what lives on a broker before any traffic flows (no Qt here).

Sources (each yields `DiscoveredDestination` records in STOMP syntax):

- ActiveMQ advisories over our STOMP client (`advisories.py`), Jolokia counts (`jolokia.py`);
- the RabbitMQ management API (`rabbitmq_management.py`);
- for any broker: destinations seen in traffic, bookmarks and imported files (`local.py`).

`service.DiscoveryService` runs the sources configured for one connection and yields changes
that the window feeds into `explorer.store.DestinationTree` (`upsert` / `mark_gone`).
`broker_kind.py` detects the broker from CONNECTED and gives per-broker syntax help;
`modes.py` describes the subscription modes (observe, peek, consume, drain).
"""

from __future__ import annotations

from explorer.discovery.errors import (
    DiscoveryAuthError,
    DiscoveryError,
    DiscoveryProtocolError,
    DiscoveryUnavailable,
    PeekUnsupported,
)
from explorer.discovery.model import DiscoveredDestination, Kind, Source

__all__ = [
    "DiscoveredDestination",
    "DiscoveryAuthError",
    "DiscoveryError",
    "DiscoveryProtocolError",
    "DiscoveryUnavailable",
    "Kind",
    "PeekUnsupported",
    "Source",
]
