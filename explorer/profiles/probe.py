""" "Test connection": connect once with a profile, report what was negotiated, disconnect."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.profiles.model import Profile
from explorer.profiles.resolve import client_kwargs, settings_from


@dataclass(frozen=True, slots=True)
class ProbeReport:
    """What a test connection negotiated: the window words it, `sentence()` is English."""

    version: str
    server: str | None
    send_ms: int
    expect_ms: int

    def sentence(self) -> str:
        return (
            f"STOMP {self.version} with {self.server or 'an unnamed server'}; "
            f"heart-beat: send every {self.send_ms} ms, expect every {self.expect_ms} ms"
        )


async def probe(profile: Profile, secrets: dict[str, str], timeout: float = 10.0) -> ProbeReport:
    """Connect once and disconnect: the negotiated STOMP version, server and heart-beat.

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
        return ProbeReport(f"{client.version}", client.server, send_ms, expect_ms)
    finally:
        await client.disconnect(timeout=3.0)


async def probe_connection(profile: Profile, secrets: dict[str, str], timeout: float = 10.0) -> str:
    """One line for the user (English): negotiated STOMP version, server and heart-beat."""
    return (await probe(profile, secrets, timeout)).sentence()
