"""Spring-style user destinations, the way a Spring application with the simple broker (or a
broker relay) resolves them, so a page's `/user/...` code can be tried on the sandbox:

- SUBSCRIBE `/user/queue/x` subscribes to the session's own queue `/queue/x-user{session}`;
- SEND `/user/{login}/queue/x` goes to `/queue/x-user{session}` of every session connected
  with that login, and is delivered with `destination:/user/queue/x` (what the subscriber
  subscribed to: Spring rewrites it back the same way); a login with no session: dropped,
  as Spring drops it;
- the per-session queues go away with their session.

The user is the CONNECT frame's `login` header, else the token of an `Authorization: Bearer
<token>` CONNECT header taken as the user's name (Spring takes the user from the handshake or
a ChannelInterceptor that reads the token; the sandbox checks no token).
"""

from __future__ import annotations

from typing import Final

from explorer.sandbox.destinations import is_wildcard, kind_of
from explorer.sandbox.errors import InvalidDestination

__all__ = ["USER_PREFIX", "is_user_destination", "send_target", "session_destination"]

USER_PREFIX: Final = "/user/"


def is_user_destination(destination: str) -> bool:
    return destination.startswith(USER_PREFIX)


def session_suffix(session_id: str) -> str:
    """What Spring appends to a destination for one session: `-user{session id}`."""
    return f"-user{session_id}"


def session_destination(destination: str, session_id: str) -> str:
    """`/user/queue/x` -> `/queue/x-user{session}` for a SUBSCRIBE (or a SEND to oneself)."""
    target = destination[len(USER_PREFIX) - 1 :]
    if is_wildcard(target):
        raise InvalidDestination(
            f"user destinations cannot hold wildcards ({destination}); subscribe to "
            "/user/queue/<name> or /user/topic/<name>"
        )
    try:
        kind_of(target)
    except InvalidDestination:
        raise InvalidDestination(
            f"{destination} is not a user destination the sandbox serves; subscribe to "
            "/user/queue/<name> or /user/topic/<name>"
        ) from None
    return target + session_suffix(session_id)


def send_target(destination: str) -> tuple[str, str]:
    """`/user/{login}/queue/x` -> (`alice`, `/user/queue/x`); the login and what its sessions
    subscribed to. Raises `InvalidDestination` with the form to use."""
    login, _, rest = destination[len(USER_PREFIX) :].partition("/")
    target = "/" + rest
    valid = bool(login and rest)
    if valid:
        try:
            kind_of(target)
        except InvalidDestination:
            valid = False
    if not valid or is_wildcard(target):
        raise InvalidDestination(
            f"cannot send to {destination}: send to /user/<login>/queue/<name> (it reaches the "
            "queue of each session connected with that login)"
        )
    return login, USER_PREFIX[:-1] + target
