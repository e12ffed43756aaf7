"""Secrets go to the keyring, never the file; without a keyring they stay in memory only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from explorer.profiles import (
    MANAGEMENT_PASSWORD,
    PASSCODE,
    TLS_KEY_PASSPHRASE,
    Profile,
    ProfileStore,
    SecretStore,
    export_profiles,
    header_field,
)
from tests.support.keyrings import MemoryKeyring, use_keyring
from tests.unit.profiles.helpers import full_tls_profile

SECRETS = {
    PASSCODE: "pass-SECRET-1",
    TLS_KEY_PASSPHRASE: "kp-SECRET-2",
    MANAGEMENT_PASSWORD: "mgmt-SECRET-3",
    header_field("Authorization"): "Bearer tok-SECRET-4",
}


def test_secrets_are_in_the_keyring_never_in_the_file_or_an_export(
    memory_keyring: MemoryKeyring, isolated_config: Path, tmp_path: Path
) -> None:
    store = ProfileStore()
    store.add(full_tls_profile(tmp_path), SECRETS)
    assert store.secrets_persistent
    assert store.secrets_note == ""
    assert memory_keyring.passwords[("stomp-explorer", "prod/passcode")] == "pass-SECRET-1"
    assert len(memory_keyring.passwords) == 4
    export = tmp_path / "shared.json"
    export_profiles(store, export)
    for data in ((isolated_config / "profiles.json").read_bytes(), export.read_bytes()):
        assert b"SECRET" not in data
        assert b"tok-" not in data
        assert b"Authorization" in data  # the header name is kept, its value is not
    assert ProfileStore().get_secrets("prod") == SECRETS


@pytest.fixture
def no_keyring() -> Iterator[object]:
    yield from use_keyring(fail.Keyring())


def test_without_a_keyring_secrets_stay_in_memory_and_the_store_says_why(
    no_keyring: object, isolated_config: Path
) -> None:
    store = ProfileStore()
    assert not store.secrets_persistent
    assert "memory only" in store.secrets_note
    assert "no keyring backend" in store.secrets_note
    store.add(Profile("p", "stomp://h", login="u"), {PASSCODE: "typed-in-SECRET"})
    assert store.get_secret("p", PASSCODE) == "typed-in-SECRET"  # for this session
    assert b"SECRET" not in (isolated_config / "profiles.json").read_bytes()
    restarted = ProfileStore()
    assert restarted.get_secret("p", PASSCODE) is None  # the app asks again after a restart
    assert restarted.get("p").login == "u"


def test_memory_secrets_follow_renames_and_removals(no_keyring: object) -> None:
    store = ProfileStore()
    store.add(Profile("a", "stomp://h"), {PASSCODE: "pw"})
    store.update("a", Profile("b", "stomp://h"))
    assert store.get_secret("b", PASSCODE) == "pw"
    store.remove("b")
    store.add(Profile("b", "stomp://h"))
    assert store.get_secret("b", PASSCODE) is None


@pytest.mark.parametrize("backend", [null.Keyring(), chainer.ChainerBackend()])
def test_null_and_empty_chainer_backends_count_as_no_keyring(
    backend: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a chainer with nothing to chain is what a headless Linux box without Secret Service has
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    secrets = SecretStore(backend)  # type: ignore[arg-type]
    assert not secrets.persistent
    secrets.set("p", PASSCODE, "x")
    assert secrets.get("p", PASSCODE) == "x"


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses to work (e.g. the user cancelled the unlock)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def test_a_failing_keyring_falls_back_to_memory_and_explains() -> None:
    secrets = SecretStore(LockedKeyring())
    assert secrets.persistent
    secrets.set("p", PASSCODE, "pw")
    assert secrets.get("p", PASSCODE) == "pw"
    assert not secrets.persistent
    assert "KeyringLocked" in secrets.note


def test_setting_an_empty_secret_deletes_it(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    secrets.set("p", PASSCODE, "pw")
    secrets.set("p", PASSCODE, "")
    assert memory_keyring.passwords == {}
    secrets.delete("p", PASSCODE)  # deleting nothing is fine
