"""The profiles file: migration, corrupt files moved aside at the next save, writes that never
half-happen."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from explorer.profiles import CURRENT_SCHEMA, Profile, ProfileFileError, ProfileStore, storage
from explorer.profiles.migrate import migrate
from explorer.profiles.model import profile_from_dict

V1_DOC = {
    "schema": 1,
    "profiles": [
        {
            "name": "local",
            "transport": "tcp",
            "host": "localhost",
            "port": 61613,
            "login": "admin",
            "heart_beat": "4000,8000",
            "versions": ["1.2"],
        },
        {
            "name": "rabbit-ws",
            "transport": "ws",
            "host": "10.0.0.5",
            "port": 15674,
            "path": "/ws",
            "virtual_host": "/",
            "split_rule": ".",
        },
        {"name": "v6", "transport": "tls", "host": "::1", "port": 61614},
    ],
}


def test_v1_file_is_migrated_on_load_and_saved_as_v2(isolated_config: Path) -> None:
    path = isolated_config / "profiles.json"
    path.write_text(json.dumps(V1_DOC))
    store = ProfileStore()
    assert store.load_warnings == []
    local = store.get("local")
    assert local.url == "stomp://localhost:61613"
    assert local.login == "admin"
    assert (local.heart_beat.send_ms, local.heart_beat.receive_ms) == (4000, 8000)
    assert local.versions == ("1.2",)
    ws = store.get("rabbit-ws")
    assert ws.url == "ws://10.0.0.5:15674/ws"
    assert ws.vhost == "/"
    assert ws.split_rule == "."
    assert ws.endpoint().path == "/ws"
    assert store.get("v6").endpoint().host == "::1"
    # the file itself is only rewritten on the next change, then as schema 2
    store.add(Profile("new", "stomp://h"))
    doc = json.loads(path.read_text())
    assert doc["schema"] == CURRENT_SCHEMA
    assert "transport" not in doc["profiles"][0]
    assert doc["profiles"][0]["url"] == "stomp://localhost:61613"


def test_v1_with_a_bad_transport_is_reported() -> None:
    with pytest.raises(ProfileFileError, match="unknown transport 'carrier-pigeon'"):
        migrate(
            {"schema": 1, "profiles": [{"name": "x", "transport": "carrier-pigeon", "host": "h"}]}
        )


def test_a_corrupt_file_is_left_alone_until_the_next_save_then_moved_aside(
    isolated_config: Path,
) -> None:
    path = isolated_config / "profiles.json"
    broken = b'{"schema": 2, "profiles": [{"name": "x", "url": '
    path.write_bytes(broken)
    store = ProfileStore()
    assert store.names() == []
    assert store.broken_file is not None and "never closed" in store.broken_file
    assert len(store.load_warnings) == 1
    assert "profiles.json.corrupt-<date-time>" in store.load_warnings[0]
    assert path.read_bytes() == broken  # reading changes nothing on disk
    assert list(isolated_config.glob("profiles.json.corrupt-*")) == []
    store.add(Profile("fresh", "stomp://h"))
    aside = list(isolated_config.glob("profiles.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == broken
    assert str(aside[0]) in store.load_warnings[0]
    assert ProfileStore().names() == ["fresh"]


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe not utf-8", b"[1, 2, 3]", b'{"profiles": []}', b'{"schema": 2, "profiles": 7}'],
)
def test_every_kind_of_broken_file_is_reported_and_kept(
    isolated_config: Path, content: bytes
) -> None:
    (isolated_config / "profiles.json").write_bytes(content)
    store = ProfileStore()
    assert store.names() == []
    assert "could not be read" in store.load_warnings[0]
    assert (isolated_config / "profiles.json").read_bytes() == content
    store.add(Profile("fresh", "stomp://h"))
    (aside,) = isolated_config.glob("profiles.json.corrupt-*")
    assert aside.read_bytes() == content


def test_a_file_from_a_newer_version_is_left_alone(isolated_config: Path) -> None:
    path = isolated_config / "profiles.json"
    original = b'{"schema": 99, "profiles": []}'
    path.write_bytes(original)
    store = ProfileStore()
    assert store.read_only
    assert "newer STOMP Explorer" in store.load_warnings[0]
    with pytest.raises(ProfileFileError):
        store.add(Profile("x", "stomp://h"))
    assert path.read_bytes() == original
    assert list(isolated_config.glob("*.corrupt-*")) == []


def test_a_failed_write_keeps_the_old_file_and_no_temp_file(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProfileStore()
    store.add(Profile("kept", "stomp://h"))
    before = (isolated_config / "profiles.json").read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ProfileFileError, match="No space left"):
        store.add(Profile("lost", "stomp://h"))
    monkeypatch.undo()
    assert store.names() == ["kept"]  # the store did not change either
    assert (isolated_config / "profiles.json").read_bytes() == before
    assert list(isolated_config.glob(".profiles.json.*")) == []


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from explorer.profiles import storage
    path = Path(sys.argv[1])
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        profiles = [{"name": f"p{i}", "url": "stomp://h", "notes": "x" * 2000 * (n % 7)}
                    for i in range(150)]
        storage.atomic_write(path, storage.encode({"schema": 2, "profiles": profiles}))
""")


@pytest.mark.slow
def test_killing_the_writer_at_any_moment_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    rng = random.Random(1234)
    for _ in range(15):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if path.exists():
            doc = storage.read_document(path)
            assert doc is not None
            for i, item in enumerate(migrate(doc)["profiles"]):
                assert profile_from_dict(item).name == f"p{i}"
    assert path.exists(), "the writer never completed one write; the test proved nothing"
    interrupted = list(tmp_path.glob(".profiles.json.*.tmp"))
    assert interrupted, "no kill landed inside a write; the test proved nothing"
    storage.remove_stale_temps(path, older_than_s=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profiles.json"]


def test_a_file_the_os_refuses_to_read_is_not_moved_or_overwritten(isolated_config: Path) -> None:
    (isolated_config / "profiles.json").mkdir()  # root reads anything; a directory it cannot
    store = ProfileStore()
    assert store.read_only
    assert "cannot read" in store.load_warnings[0]
    with pytest.raises(ProfileFileError):
        store.add(Profile("x", "stomp://h"))
    assert (isolated_config / "profiles.json").is_dir()
    assert list(isolated_config.glob("*.corrupt-*")) == []


ADDER = textwrap.dedent("""
    import sys
    from explorer.profiles import Profile, ProfileStore
    store = ProfileStore()
    for i in range(25):
        store.add(Profile(f"{sys.argv[1]}-{i}", "stomp://h"))
""")


@pytest.mark.slow
def test_two_processes_adding_at_once_lose_nothing(isolated_config: Path) -> None:
    children = [subprocess.Popen([sys.executable, "-c", ADDER, who]) for who in ("cli", "gui")]
    assert [c.wait(timeout=100) for c in children] == [0, 0]
    names = ProfileStore().names()
    assert len(names) == 50
    assert sorted(names) == sorted(f"{w}-{i}" for w in ("cli", "gui") for i in range(25))
