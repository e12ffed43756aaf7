"""From a saved profile to a connected client (`--profile NAME`, "Test connection")."""

from __future__ import annotations

import pytest

from explorer.client import Client, ConnectFailed
from explorer.profiles import (
    PASSCODE,
    HeartBeat,
    Profile,
    ProfileNotFound,
    ProfileStore,
    WebSocketSettings,
    client_kwargs,
    connection_from_profile,
    header_field,
    probe_connection,
)
from tests.support.brokers import Broker


def test_settings_merge_secrets_and_never_show_them() -> None:
    store = ProfileStore()
    store.add(
        Profile(
            "web",
            "wss://h/ws",
            login="bob",
            heart_beat=HeartBeat(0, 5000),
            websocket=WebSocketSettings(headers=(("X-A", "1"),), secret_headers=("Authorization",)),
        ),
        {PASSCODE: "pw-SECRET", header_field("Authorization"): "Bearer SECRET"},
    )
    s = connection_from_profile("web", store)
    assert (s.endpoint.host, s.endpoint.path, s.login, s.passcode) == (
        "h",
        "/ws",
        "bob",
        "pw-SECRET",
    )
    assert s.host_header == "/"
    assert s.ws_headers == (("X-A", "1"), ("Authorization", "Bearer SECRET"))
    assert "SECRET" not in repr(s)
    kwargs = client_kwargs(s)
    assert kwargs["heartbeat"] == (0, 5000)
    assert kwargs["host"] == "/"
    assert kwargs["reconnect"].initial_delay == 1.0
    assert kwargs["tls"].insecure is False
    assert "SECRET" not in repr(kwargs["tls"])


def test_unknown_profile_name() -> None:
    with pytest.raises(ProfileNotFound, match="no profile named 'x'"):
        connection_from_profile("x", ProfileStore())


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_a_saved_profile_connects_to_activemq(activemq: Broker) -> None:
    store = ProfileStore()
    store.add(Profile("amq", f"stomp://{activemq.host}:{activemq.stomp_port}"))
    settings = connection_from_profile("amq", store)
    client = Client(settings.endpoint, **client_kwargs(settings))
    await client.connect()
    try:
        assert client.version == "1.2"
        assert (client.server or "").startswith("ActiveMQ/")
    finally:
        await client.disconnect()
    report = await probe_connection(store.get("amq"), {})
    assert report.startswith("STOMP 1.2 with ActiveMQ/")
    assert "heart-beat: send every 10000 ms" in report


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_needs_the_passcode_from_the_keyring(rabbitmq: Broker) -> None:
    store = ProfileStore()
    url = f"stomp://{rabbitmq.host}:{rabbitmq.stomp_port}"
    store.add(Profile("rabbit", url, login="guest"), {PASSCODE: "guest"})
    report = await probe_connection(store.get("rabbit"), store.get_secrets("rabbit"))
    assert "RabbitMQ/" in report
    with pytest.raises(ConnectFailed):
        await probe_connection(store.get("rabbit"), {PASSCODE: "wrong"})


def test_needs_passcode_when_a_login_has_no_stored_passcode() -> None:
    store = ProfileStore()
    store.add(Profile("anon", "stomp://h"))
    store.add(Profile("user", "stomp://h", login="u"))
    store.add(Profile("ok", "stomp://h", login="u"), {PASSCODE: "p"})
    assert not connection_from_profile("anon", store).needs_passcode
    assert connection_from_profile("user", store).needs_passcode
    assert not connection_from_profile("ok", store).needs_passcode
