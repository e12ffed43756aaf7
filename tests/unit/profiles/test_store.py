"""ProfileStore: round trips, order, built-ins, undoable removal, secrets following renames."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.profiles import (
    MANAGEMENT_PASSWORD,
    PASSCODE,
    TLS_KEY_PASSPHRASE,
    BuiltinProfileError,
    Profile,
    ProfileInvalid,
    ProfileNotFound,
    ProfileStore,
    config_dir,
    header_field,
    register_builtin,
)
from explorer.profiles import store as store_module
from tests.support.keyrings import MemoryKeyring
from tests.unit.profiles.helpers import full_tls_profile


def test_default_file_lives_in_the_overridden_config_dir(isolated_config: Path) -> None:
    store = ProfileStore()
    assert config_dir() == isolated_config
    assert store.path == isolated_config / "profiles.json"
    store.add(Profile("local", "stomp://localhost:61613"))
    assert (isolated_config / "profiles.json").is_file()


def test_every_field_survives_a_restart(tmp_path: Path) -> None:
    profile = full_tls_profile(tmp_path)
    ProfileStore().add(profile)
    again = ProfileStore().get("prod")
    assert again == profile
    assert again.builtin is False


def test_the_file_is_readable_json_with_a_schema(isolated_config: Path) -> None:
    ProfileStore().add(Profile("local", "stomp://localhost:61613", vhost="/"))
    text = (isolated_config / "profiles.json").read_text("utf-8")
    assert text.startswith('{\n  "schema": 2,')
    doc = json.loads(text)
    assert doc["profiles"][0]["url"] == "stomp://localhost:61613"
    assert doc["profiles"][0]["heart_beat"] == {"send_ms": 10000, "receive_ms": 10000}


def test_defaults_send_slash_as_host_and_offer_every_version() -> None:
    p = Profile("rabbit", "stomp://localhost:61623", login="guest")
    assert p.host_header == "/"
    assert p.versions == ("1.0", "1.1", "1.2")
    assert (p.heart_beat.send_ms, p.heart_beat.receive_ms) == (10000, 10000)


def test_add_refuses_invalid_profiles_with_field_errors() -> None:
    store = ProfileStore()
    store.add(Profile("a", "stomp://localhost"))
    with pytest.raises(ProfileInvalid) as exc:
        store.add(Profile("A", "ftp://x"))
    fields = {e.field for e in exc.value.errors}
    assert fields == {"name", "url"}
    assert "already exists" in exc.value.message
    assert store.names() == ["a"]


def test_order_and_move_persist() -> None:
    store = ProfileStore()
    for n in ("a", "b", "c"):
        store.add(Profile(n, "stomp://localhost"))
    store.move("c", 0)
    assert store.names() == ["c", "a", "b"]
    store.move("c", 99)
    assert ProfileStore().names() == ["a", "b", "c"]


def test_update_renames_and_moves_every_secret(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    store = ProfileStore()
    profile = full_tls_profile(tmp_path, "old")
    store.add(
        profile,
        {
            PASSCODE: "pw",
            TLS_KEY_PASSPHRASE: "kp",
            MANAGEMENT_PASSWORD: "mp",
            header_field("Authorization"): "Bearer t",
        },
    )
    store.update("old", replace(profile, name="new"))
    assert "old" not in store
    assert store.get_secrets("new") == {
        PASSCODE: "pw",
        TLS_KEY_PASSPHRASE: "kp",
        MANAGEMENT_PASSWORD: "mp",
        header_field("Authorization"): "Bearer t",
    }
    assert all(not user.startswith("old/") for _, user in memory_keyring.passwords)
    assert ("stomp-explorer", "new/passcode") in memory_keyring.passwords


def test_update_secret_none_deletes_missing_keeps() -> None:
    store = ProfileStore()
    store.add(Profile("p", "stomp://h"), {PASSCODE: "one", MANAGEMENT_PASSWORD: "m"})
    store.update("p", Profile("p", "stomp://h2"), {PASSCODE: None})
    assert store.get_secrets("p") == {MANAGEMENT_PASSWORD: "m"}
    assert store.get("p").url == "stomp://h2"


def test_dropping_a_secret_header_deletes_its_value(tmp_path: Path) -> None:
    store = ProfileStore()
    profile = full_tls_profile(tmp_path)
    store.add(profile, {header_field("Authorization"): "Bearer t"})
    store.update("prod", replace(profile, websocket=replace(profile.websocket, secret_headers=())))
    assert store.get_secret("prod", header_field("Authorization")) is None


def test_remove_deletes_secrets_and_restore_undoes_it(memory_keyring: MemoryKeyring) -> None:
    store = ProfileStore()
    store.add(Profile("a", "stomp://h"))
    store.add(Profile("b", "stomp://h"), {PASSCODE: "pw"})
    store.add(Profile("c", "stomp://h"))
    removed = store.remove("b")
    assert store.names() == ["a", "c"]
    assert memory_keyring.passwords == {}
    assert "b" not in ProfileStore()
    store.restore(removed)
    assert store.names() == ["a", "b", "c"]
    assert store.get_secret("b", PASSCODE) == "pw"
    assert ProfileStore().names() == ["a", "b", "c"]


def test_unknown_names_raise_a_helpful_error() -> None:
    with pytest.raises(ProfileNotFound, match="profiles list"):
        ProfileStore().remove("nope")


def test_lookup_ignores_case_when_unambiguous() -> None:
    store = ProfileStore()
    store.add(Profile("Staging", "stomp://h"))
    assert store.get("staging").name == "Staging"


def test_duplicate_copies_secrets_under_a_free_name() -> None:
    store = ProfileStore()
    store.add(Profile("p", "stomp://h", login="u"), {PASSCODE: "pw"})
    copy = store.duplicate("p")
    assert copy.name == "p (2)"
    assert store.duplicate("p").name == "p (3)"
    assert store.get_secret("p (2)", PASSCODE) == "pw"
    assert store.get("p (2)").login == "u"


def test_builtin_profiles_can_be_hidden_not_changed() -> None:
    sandbox = Profile("Sandbox", "stomp://127.0.0.1:61699", notes="built in")
    store = ProfileStore(builtins=[sandbox])
    store.add(Profile("mine", "stomp://h"))
    assert store.names() == ["Sandbox", "mine"]
    assert store.get("Sandbox").builtin
    with pytest.raises(BuiltinProfileError, match="hidden or duplicated"):
        store.remove("Sandbox")
    with pytest.raises(BuiltinProfileError):
        store.update("Sandbox", replace(sandbox, url="stomp://other"))
    with pytest.raises(ProfileInvalid, match="already exists"):
        store.add(Profile("sandbox", "stomp://h"))
    store.set_hidden("Sandbox", True)
    again = ProfileStore(builtins=[sandbox])
    assert again.get("Sandbox").hidden
    assert again.names(include_hidden=False) == ["mine"]
    assert "Sandbox" not in json.dumps(again.document()["profiles"])
    copy = again.duplicate("Sandbox")
    assert (copy.builtin, copy.hidden, copy.url) == (False, False, sandbox.url)


def test_registered_builtins_appear_in_every_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_BUILTIN_FACTORIES", [])
    register_builtin(lambda: Profile("Sandbox", "ws://127.0.0.1:8999/ws"))
    assert ProfileStore().builtin_profiles[0].name == "Sandbox"
    assert ProfileStore().get("Sandbox").builtin


def test_changes_from_another_process_are_not_overwritten() -> None:
    window = ProfileStore()
    window.add(Profile("from-window", "stomp://h"))
    cli = ProfileStore()
    cli.add(Profile("from-cli", "stomp://h"))
    window.add(Profile("second-from-window", "stomp://h"))
    assert ProfileStore().names() == ["from-window", "from-cli", "second-from-window"]


def test_set_hidden_on_a_saved_profile() -> None:
    store = ProfileStore()
    store.add(Profile("p", "stomp://h"))
    store.set_hidden("p", True)
    assert ProfileStore().get("p").hidden
    assert ProfileStore().names(include_hidden=False) == []


def test_a_saved_profile_whose_name_a_builtin_took_is_renamed_not_lost(
    memory_keyring: MemoryKeyring,
) -> None:
    ProfileStore(builtins=[]).add(Profile("Sandbox", "stomp://mine"), {PASSCODE: "pw"})
    store = ProfileStore(builtins=[Profile("Sandbox", "stomp://127.0.0.1:61699")])
    assert store.names() == ["Sandbox", "Sandbox (2)"]
    assert store.get("Sandbox (2)").url == "stomp://mine"
    assert store.get_secret("Sandbox (2)", PASSCODE) == "pw"
    assert "shown as 'Sandbox (2)'" in store.load_warnings[0]


def test_hand_edited_duplicates_are_both_kept(isolated_config: Path) -> None:
    (isolated_config / "profiles.json").write_text(
        json.dumps(
            {
                "schema": 2,
                "profiles": [
                    {"name": "x", "url": "stomp://one"},
                    {"name": "X", "url": "stomp://two"},
                ],
            }
        )
    )
    store = ProfileStore()
    assert [(p.name, p.url) for p in store.profiles()] == [
        ("x", "stomp://one"),
        ("X (2)", "stomp://two"),
    ]
