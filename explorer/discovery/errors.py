"""The discovery layer's exception family; every message says what to fix."""

from __future__ import annotations


class DiscoveryError(Exception):
    """Root of discovery errors. `source` names the source that failed (e.g. "management")."""

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.source = source


class DiscoveryAuthError(DiscoveryError):
    """The endpoint refused our login (HTTP 401/403)."""


class DiscoveryUnavailable(DiscoveryError):
    """The endpoint could not be reached (refused, DNS, timeout, 5xx)."""


class DiscoveryNotFound(DiscoveryUnavailable):
    """HTTP 404: a wrong URL, or (for a path naming one queue) a queue that does not exist."""


class DiscoveryProtocolError(DiscoveryError):
    """The endpoint answered something we cannot read (not JSON, unexpected shape)."""
