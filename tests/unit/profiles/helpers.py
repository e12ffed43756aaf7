"""A profile with every field set to a non-default value, for round-trip tests."""

from __future__ import annotations

from pathlib import Path

from explorer.profiles import (
    HeartBeat,
    Management,
    Profile,
    Reconnect,
    Subscription,
    TlsSettings,
    WebSocketSettings,
)


def pem_files(tmp: Path) -> tuple[str, str, str]:
    """Three readable files standing in for a CA, a client certificate and its key."""
    paths = []
    for name in ("ca.pem", "client.pem", "client.key"):
        p = tmp / name
        p.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
        paths.append(str(p))
    return paths[0], paths[1], paths[2]


def full_tls_profile(tmp: Path, name: str = "prod") -> Profile:
    ca, cert, key = pem_files(tmp)
    return Profile(
        name=name,
        url="wss://broker.example.com:15673/ws?x=1",
        vhost="team-a",
        login="alice",
        versions=("1.1", "1.2"),
        heart_beat=HeartBeat(5000, 7000),
        reconnect=Reconnect(enabled=False, initial_delay_ms=250, max_delay_ms=9000),
        tls=TlsSettings(
            verify=False, ca_file=ca, cert_file=cert, key_file=key, server_name="broker.internal"
        ),
        websocket=WebSocketSettings(
            headers=(("X-Team", "blue"),),
            secret_headers=("Authorization",),
            origin="https://app.example.com",
        ),
        split_rule=".",
        subscriptions=(
            Subscription("/topic/orders.>", "client-individual", (("selector", "a = 1"),)),
            Subscription("/queue/audit"),
        ),
        management=Management(
            jolokia_url="http://broker:8161/api/jolokia",
            management_url="https://broker:15672",
            login="ops",
        ),
        colour="#1e90ff",
        notes="production: be careful\nsecond line — ünïcode",
        hidden=True,
    )
