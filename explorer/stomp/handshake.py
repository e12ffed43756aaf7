"""Version negotiation (STOMP 1.2 "Protocol Negotiation"), pure functions.

The client offers `accept-version:1.0,1.1,1.2` (never with spaces: ActiveMQ and RabbitMQ
split on "," without trimming); the server picks the highest version both speak. A CONNECT
without `accept-version` speaks 1.0. A CONNECTED without `version` means a 1.0 server.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .errors import VersionMismatch
from .frames import Version

__all__ = ["SUPPORTED_VERSIONS", "negotiate_version"]

SUPPORTED_VERSIONS: Final = (Version.V1_0, Version.V1_1, Version.V1_2)


def negotiate_version(
    accept_version: str | None, supported: Iterable[Version] = SUPPORTED_VERSIONS
) -> Version:
    """The highest version in both the CONNECT's `accept-version` and `supported`.

    Items are trimmed (a server should be kind to `1.1, 1.2`). Raises `VersionMismatch`.
    """
    ours = sorted(Version(v) for v in supported)
    offered: set[str] = {"1.0"}
    if accept_version is not None:
        offered = {part.strip() for part in accept_version.split(",")}
    for version in reversed(ours):
        if version in offered:
            return version
    raise VersionMismatch(accept_version or "1.0", tuple(str(v) for v in ours))
