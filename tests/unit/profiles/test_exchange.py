"""Export without secrets, import with rename/replace, a single URL as a profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.profiles import (
    PASSCODE,
    Profile,
    ProfileInvalid,
    ProfileNotFound,
    ProfileStore,
    export_profiles,
    import_profiles,
    import_url,
    profile_from_url,
)
from tests.unit.profiles.helpers import full_tls_profile


def test_export_selected_then_import_into_another_file(tmp_path: Path) -> None:
    mine = ProfileStore()
    full = full_tls_profile(tmp_path)
    mine.add(full, {PASSCODE: "s3cr3t"})
    mine.add(Profile("other", "stomp://h"))
    shared = tmp_path / "team.json"
    assert export_profiles(mine, shared, ["prod"]) == ["prod"]
    doc = json.loads(shared.read_bytes())
    assert [p["name"] for p in doc["profiles"]] == ["prod"]
    assert doc["profiles"][0]["hidden"] is False  # an export is meant to be seen
    assert b"s3cr3t" not in shared.read_bytes()

    team = ProfileStore(tmp_path / "team-store.json")
    result = import_profiles(team, shared)
    assert result.added == ["prod"]
    from dataclasses import replace

    assert team.get("prod") == replace(full, hidden=False)
    assert team.get_secret("prod", PASSCODE) == "s3cr3t"  # same keyring entry name


def test_export_of_an_unknown_name_fails(tmp_path: Path) -> None:
    with pytest.raises(ProfileNotFound):
        export_profiles(ProfileStore(), tmp_path / "x.json", ["ghost"])


def test_import_conflicts_are_renamed_or_replaced(tmp_path: Path) -> None:
    source = ProfileStore(tmp_path / "source.json")
    source.add(Profile("dev", "stomp://new-host"))
    source.add(Profile("qa", "stomp://qa"))
    export = tmp_path / "export.json"
    export_profiles(source, export)

    store = ProfileStore()
    store.add(Profile("dev", "stomp://old-host"), {PASSCODE: "kept"})
    result = import_profiles(store, export)
    assert result.renamed == [("dev", "dev (2)")]
    assert result.added == ["qa"]
    assert store.get("dev").url == "stomp://old-host"
    assert store.get("dev (2)").url == "stomp://new-host"
    assert "renamed 'dev' to 'dev (2)'" in result.summary()

    result = import_profiles(store, export, replace_existing=True)
    assert sorted(result.replaced) == ["dev", "qa"]
    assert store.get("dev").url == "stomp://new-host"
    assert store.get_secret("dev", PASSCODE) == "kept"
    assert store.names() == ["dev", "dev (2)", "qa"]


def test_import_skips_invalid_profiles_and_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "schema": 2,
                "profiles": [
                    {"name": "good", "url": "stomp://h"},
                    {
                        "name": "bad",
                        "url": "stomp+ssl://h",
                        "tls": {"ca_file": "/nonexistent/ca.pem"},
                    },
                ],
            }
        )
    )
    store = ProfileStore()
    result = import_profiles(store, bad)
    assert result.added == ["good"]
    assert result.skipped[0][0] == "bad"
    assert "CA file '/nonexistent/ca.pem' does not exist" in result.skipped[0][1]


def test_import_reads_v1_files(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "schema": 1,
                "profiles": [{"name": "legacy", "transport": "tcp", "host": "h", "port": 1234}],
            }
        )
    )
    store = ProfileStore()
    import_profiles(store, old)
    assert store.get("legacy").url == "stomp://h:1234"


def test_a_url_becomes_a_profile() -> None:
    p = profile_from_url("stomp://guest@localhost:61623")
    assert (p.name, p.url, p.login) == ("localhost:61623", "stomp://localhost:61623", "guest")
    store = ProfileStore()
    assert import_url(store, "ws://localhost:15674/ws").name == "localhost:15674"
    assert import_url(store, "ws://localhost:15674/ws").name == "localhost:15674 (2)"
    assert store.get("localhost:15674").endpoint().path == "/ws"
    with pytest.raises(ProfileInvalid) as exc:
        profile_from_url("stomp://u:pw@h")
    assert exc.value.errors[0].field == "url"
    assert "passcode in the URL" in exc.value.message
