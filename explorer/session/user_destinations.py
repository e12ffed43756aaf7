"""Spring-style user destinations as the session logs them.

A subscription to `/user/queue/x` receives MESSAGE frames whose `destination` may be the
broker's per-session name (`/queue/x-user3fa2`: a RabbitMQ or ActiveMQ relay, or a message
sent straight to it) or `/user/queue/x` itself (Spring rewrites it back). The session logs and
counts such messages under the destination subscribed to, so the tree groups them under
`/user` instead of growing a node per session, and the log shows the delivered one beside it
(`LogEntry.delivered_from`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol

__all__ = ["USER_PREFIX", "is_user_destination", "user_subscriptions"]

USER_PREFIX: Final = "/user/"


class _Subscribed(Protocol):
    @property
    def id(self) -> str: ...


def is_user_destination(destination: str) -> bool:
    return destination.startswith(USER_PREFIX)


def user_subscriptions(live: Mapping[str, _Subscribed]) -> dict[str, str]:
    """Subscription id -> the `/user/...` destination subscribed to, for the live
    subscriptions by destination (empty, the usual case, when there is none)."""
    return {
        sub.id: destination for destination, sub in live.items() if is_user_destination(destination)
    }
