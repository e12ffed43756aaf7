"""Destination-name helpers shared by the sources."""

from __future__ import annotations

ADVISORY_PREFIX = "ActiveMQ.Advisory."


def is_advisory_name(name: str) -> bool:
    """ActiveMQ's own advisory topics (hidden from the tree unless asked for)."""
    return name.startswith(ADVISORY_PREFIX)
