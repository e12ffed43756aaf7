"""Destination discovery: what lives on a broker before any traffic flows (no Qt here).

A `explorer.session.ConnectionSession` runs this for its connection (the window's tabs, with
the profile's endpoints); `stomp-explorer destinations` runs `scan.scan` once. By hand::

    from explorer.broker.kind import detect_broker_kind
    from explorer.discovery import (DiscoveryConfig, DiscoveryService, apply_to_tree,
                                    SourceProblem, SourceReady)

    kind = detect_broker_kind(client.connected_frame.headers, configured=None,
                              websocket=client.endpoint.is_websocket)
    config = DiscoveryConfig.from_profile(profile, kind, management_password=secret)
    async with DiscoveryService(config, client) as discovery:   # client: connected Client
        async for event in discovery:        # or: batch = discovery.get_nowait_batch()
            if not apply_to_tree(tree, event):   # DiscoveredDestination → upsert / mark_gone
                ...                               # SourceProblem / SourceReady → status line

Sources, each yielding `DiscoveredDestination` records in STOMP syntax with `source` set:

- `advisory`: ActiveMQ advisory topics over our client (`topic_watch.py`, parsing in
  `advisories.py`); `sandbox`: the sandbox's discovery topic;
- `jolokia`: ActiveMQ counts over HTTP (`jolokia.py`); `management`: the RabbitMQ
  management API mapped to STOMP syntax (`rabbitmq_management.py`);
- `seen`, `bookmark`, `import`: any broker (`local.py`; `DiscoveryService.observe_frame`,
  `add_bookmark`, `import_file`).

Also: `scan.scan` (one-shot discovery, used by the CLI). What a broker is and can do (kind
detection, destination syntax, subscription modes, the queue browser) lives in
`explorer.broker`.
"""

from __future__ import annotations

from explorer.discovery.errors import (
    DiscoveryAuthError,
    DiscoveryError,
    DiscoveryProtocolError,
    DiscoveryUnavailable,
)
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.service import (
    DiscoveryConfig,
    DiscoveryEvent,
    DiscoveryService,
    SourceProblem,
    SourceReady,
    apply_to_tree,
)

__all__ = [
    "DiscoveredDestination",
    "DiscoveryAuthError",
    "DiscoveryConfig",
    "DiscoveryError",
    "DiscoveryEvent",
    "DiscoveryProtocolError",
    "DiscoveryService",
    "DiscoveryUnavailable",
    "Source",
    "SourceProblem",
    "SourceReady",
    "apply_to_tree",
]
