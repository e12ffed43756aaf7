""" "Test connection": connect once with a profile, report what was negotiated, disconnect."""

from __future__ import annotations

from explorer.profiles.model import Profile
from explorer.profiles.resolve import client_kwargs, settings_from


async def probe_connection(profile: Profile, secrets: dict[str, str], timeout: float = 10.0) -> str:
    """One line for the user: negotiated STOMP version, server and heart-beat.

    Raises the client's errors (ClientError family) with their own what-to-fix messages.
    """
    from explorer.client import Client

    settings = settings_from(profile, secrets)
    kwargs = client_kwargs(settings)
    kwargs["reconnect"] = None  # a test connects once; it never retries
    client = Client(settings.endpoint, connect_timeout=timeout, **kwargs)
    await client.connect()
    try:
        send_ms, expect_ms = client.heartbeat
        return (
            f"STOMP {client.version} with {client.server or 'an unnamed server'}; "
            f"heart-beat: send every {send_ms} ms, expect every {expect_ms} ms"
        )
    finally:
        await client.disconnect(timeout=3.0)
