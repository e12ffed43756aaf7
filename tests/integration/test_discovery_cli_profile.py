"""`destinations --profile NAME`: management endpoints and password from a saved profile."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import stomp

from explorer.cli.main import main
from explorer.profiles import secrets as sec
from explorer.profiles.model import Management, Profile
from explorer.profiles.store import ProfileStore
from tests.support.brokers import Broker, unique
from tests.support.keyrings import MemoryKeyring, use_keyring


@pytest.fixture
def keyring_in_memory() -> Iterator[object]:
    yield from use_keyring(MemoryKeyring())


def _profiles(path: Path, management_password: str) -> None:
    store = ProfileStore(path)
    store.add(
        Profile(
            name="rabbit",
            url="stomp://guest@127.0.0.1:61623",
            vhost="/",
            management=Management(management_url="http://127.0.0.1:15672", login="guest"),
        ),
        {sec.PASSCODE: "guest", sec.MANAGEMENT_PASSWORD: management_password},
    )


@pytest.mark.rabbitmq
def test_profile_gives_the_management_endpoint_and_password(
    rabbitmq: Broker,
    tmp_path: Path,
    keyring_in_memory: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = unique("cli.profile")
    peer = stomp.Connection12([(rabbitmq.host, rabbitmq.stomp_port)], vhost="/")
    peer.connect("guest", "guest", wait=True)
    try:  # an exclusive auto-delete queue: it lives as long as this peer is connected
        peer.subscribe(
            f"/queue/{name}", id="1", headers={"durable": "false", "auto-delete": "true"}
        )
        peer.send("/queue/nowhere.sync", b"", headers={"persistent": "false"}, receipt="s")
        path = tmp_path / "profiles.json"
        _profiles(path, "guest")
        code = main(
            ["--profiles", str(path), "destinations", "--profile", "rabbit", "--format", "jsonl"]
        )
    finally:
        peer.disconnect()
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    rows = {row["destination"]: row for row in map(json.loads, out.splitlines())}
    assert all(row["sources"] == ["management"] for row in rows.values())
    assert rows[f"/queue/{name}"]["kind"] == "queue"
    assert {"exclusive", "auto-delete"} <= set(rows[f"/queue/{name}"]["labels"])


@pytest.mark.rabbitmq
def test_profile_with_a_wrong_management_password_exits_3(
    rabbitmq: Broker,
    tmp_path: Path,
    keyring_in_memory: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "profiles.json"
    _profiles(path, "not-the-password")
    code = main(["--profiles", str(path), "destinations", "--profile", "rabbit"])
    out, err = capsys.readouterr()
    assert code == 3
    assert out.splitlines()[0].split()[0] == "DESTINATION"
    assert "401 Unauthorized" in err and err.count("\n") == 1
