"""A profiles file the window must survive (issue 16, defect 3): one bad profile is set aside,
kept byte for byte in the quarantine file, and the others load; reading changes nothing."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.profiles import Profile, ProfileStore
from explorer.profiles.document import parse_document
from explorer.profiles.quarantine import quarantine_path

Capsys = pytest.CaptureFixture[str]

GOOD = b'{"name": "good", "url": "stomp://good.example:61613"}'
LATER = b'{"name": "later", "url": "stomp://later.example"}'


def write_file(path: Path, *items: bytes) -> bytes:
    content = b'{\n  "schema": 2,\n  "profiles": [\n    ' + b",\n    ".join(items) + b"\n  ]\n}\n"
    path.write_bytes(content)
    return content


def profile_with(field: str, value: bytes) -> bytes:
    """A profile whose `field` (dotted: heart_beat.send_ms) holds the raw JSON `value`."""
    if "." in field:
        outer, inner = field.split(".", 1)
        return b'{"name": "bad", "url": "stomp://h", "%s": {"%s": %s}}' % (
            outer.encode(),
            inner.encode(),
            value,
        )
    return b'{"name": "bad", "url": "stomp://h", "%s": %s}' % (field.encode(), value)


BAD_PROFILES: dict[str, tuple[bytes, str]] = {
    "integer of 5,000 digits": (
        profile_with("heart_beat.send_ms", b"9" * 5000),
        "5000 digits",
    ),
    "nested 100,000 deep": (
        profile_with("notes", b"[" * 100_000 + b"]" * 100_000),
        "levels deep",
    ),
    "negative heart-beat": (profile_with("heart_beat.send_ms", b"-5"), "heart_beat"),
    "NaN": (profile_with("reconnect.max_delay_ms", b"NaN"), "NaN"),
    "float delay": (profile_with("reconnect.max_delay_ms", b"1.5"), "a whole number"),
    "bytes that are not UTF-8": (profile_with("notes", b'"caf\xe9"'), "not UTF-8"),
    "lone surrogate escape": (profile_with("login", b'"\\ud800"'), "no character"),
    "no name": (b'{"url": "stomp://h"}', "'name' is missing"),
    "not an object": (b'"just text"', "should be a JSON object"),
    "name with a newline": (b'{"name": "a\\nb", "url": "stomp://h"}', "line breaks"),
    "NUL in the login": (profile_with("login", b'"a\\u0000b"'), "NUL"),
    "invalid IPv6 URL": (b'{"name": "bad", "url": "stomp://[::1:61613"}', "IPv6"),
    "url with a space": (b'{"name": "bad", "url": "stomp://a b"}', "space"),
    "wrong type: name": (b'{"name": 5, "url": "stomp://h"}', "wrong type"),
    "wrong type: url": (b'{"name": "bad", "url": ["stomp://h"]}', "wrong type"),
    "wrong type: vhost": (profile_with("vhost", b"1"), "wrong type"),
    "wrong type: versions": (profile_with("versions", b'"1.2"'), "wrong type"),
    "wrong type: version item": (profile_with("versions", b"[1.2]"), "versions"),
    "wrong type: heart_beat": (profile_with("heart_beat", b"[]"), "wrong type"),
    "wrong type: reconnect.enabled": (profile_with("reconnect.enabled", b'"yes"'), "wrong type"),
    "wrong type: tls.verify": (profile_with("tls.verify", b"1"), "wrong type"),
    "wrong type: websocket.headers": (profile_with("websocket.headers", b'{"a": 1}'), "wrong"),
    "wrong type: header pair": (profile_with("websocket.headers", b'[["a", 1]]'), "[name, value]"),
    "wrong type: subscriptions": (
        profile_with("subscriptions", b'[{"destination": 5}]'),
        "wrong type",
    ),
    "wrong type: management": (profile_with("management", b"3"), "wrong type"),
    "wrong type: colour": (profile_with("colour", b"7"), "wrong type"),
    "wrong type: notes": (profile_with("notes", b"[]"), "wrong type"),
    "wrong type: hidden": (profile_with("hidden", b'"no"'), "wrong type"),
    "wrong type: split_rule": (profile_with("split_rule", b"1"), "wrong type"),
}


@pytest.mark.parametrize("case", sorted(BAD_PROFILES))
def test_one_bad_profile_is_set_aside_and_the_others_load(isolated_config: Path, case: str) -> None:
    bad, words = BAD_PROFILES[case]
    path = isolated_config / "profiles.json"
    original = write_file(path, GOOD, bad, LATER)
    store = ProfileStore()
    assert store.names() == ["good", "later"]
    assert [e.position for e in store.set_aside] == [2]
    assert store.set_aside[0].raw == bad
    assert words in store.set_aside[0].problem
    assert len(store.load_warnings) == 2
    assert (
        store.load_warnings[0].startswith("Set aside: profile #2")
        and words in store.load_warnings[0]
    )
    assert "1 profile of profiles.json could not be loaded" in store.load_warnings[1]
    assert "profiles.quarantine.json" in store.load_warnings[1]
    assert path.read_bytes() == original  # loading wrote nothing
    assert not quarantine_path(path).exists()


def test_the_next_save_moves_the_bad_profile_byte_for_byte_to_the_quarantine_file(
    isolated_config: Path,
) -> None:
    bad, _ = BAD_PROFILES["integer of 5,000 digits"]
    deep, _ = BAD_PROFILES["nested 100,000 deep"]
    path = isolated_config / "profiles.json"
    write_file(path, GOOD, bad, LATER, deep)
    store = ProfileStore()
    store.add(Profile("new", "stomp://new"))

    assert ProfileStore().names() == ["good", "later", "new"]
    assert ProfileStore().load_warnings == []
    kept = quarantine_path(path)
    assert kept == isolated_config / "profiles.quarantine.json"
    raw = kept.read_bytes()
    assert bad in raw and deep in raw  # byte for byte
    doc = parse_document(raw)
    assert doc.items is not None
    assert [item.raw for item in doc.items] == [bad, deep]
    problems = doc.member("problems")
    assert [p["position"] for p in problems] == [2, 4]
    assert "5000 digits" in problems[0]["problem"]
    assert problems[0]["from"] == str(path)
    assert f"profiles import {kept}" in doc.member("about")
    assert store.load_warnings[-1].startswith(
        f"2 profiles could not be loaded and were moved, unchanged, to {kept}"
    )


def test_a_later_quarantine_adds_to_the_file_and_keeps_earlier_entries(
    isolated_config: Path,
) -> None:
    path = isolated_config / "profiles.json"
    first, _ = BAD_PROFILES["negative heart-beat"]
    second, _ = BAD_PROFILES["NaN"]
    write_file(path, GOOD, first)
    ProfileStore().add(Profile("a", "stomp://a"))
    doc = json.loads(path.read_text())
    doc["profiles"].append({"name": "b", "url": "stomp://b"})
    path.write_text(json.dumps(doc)[:-2] + ", " + second.decode() + "]}")
    ProfileStore().add(Profile("c", "stomp://c"))
    items = parse_document(quarantine_path(path).read_bytes()).items
    assert items is not None
    assert [item.raw for item in items] == [first, second]
    assert ProfileStore().names() == ["good", "a", "b", "c"]


def test_a_fixed_quarantine_file_imports_with_the_cli(
    capsys: Capsys, isolated_config: Path
) -> None:
    path = isolated_config / "profiles.json"
    bad, _ = BAD_PROFILES["negative heart-beat"]
    write_file(path, GOOD, bad)
    ProfileStore().add(Profile("new", "stomp://new"))
    kept = quarantine_path(path)
    kept.write_bytes(kept.read_bytes().replace(b'"send_ms": -5', b'"send_ms": 5'))
    assert main(["profiles", "import", str(kept)]) == 0
    out = capsys.readouterr().out
    assert "added 1" in out
    assert ProfileStore().get("bad").heart_beat.send_ms == 5


def test_import_of_a_file_with_bad_profiles_imports_the_good_ones(
    capsys: Capsys, tmp_path: Path
) -> None:
    team = tmp_path / "team.json"
    bad, _ = BAD_PROFILES["nested 100,000 deep"]
    write_file(team, GOOD, bad)
    assert main(["profiles", "import", str(team)]) == 0
    out, err = capsys.readouterr()
    assert "added 1" in out and "skipped '#2'" in out and "levels deep" in out
    assert "Traceback" not in err
    assert ProfileStore().names() == ["good"]


def test_import_of_nothing_but_bad_profiles_is_exit_2(capsys: Capsys, tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    write_file(team, BAD_PROFILES["integer of 5,000 digits"][0])
    assert main(["profiles", "import", str(team)]) == 2
    assert "5000 digits" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["profiles", "list"], ["profiles", "show", "good"]])
def test_read_only_commands_never_touch_the_file(
    capsys: Capsys, isolated_config: Path, command: list[str]
) -> None:
    path = isolated_config / "profiles.json"
    original = write_file(path, GOOD, BAD_PROFILES["nested 100,000 deep"][0])
    stale = isolated_config / ".profiles.json.killed.tmp"
    stale.write_bytes(b"half a write")
    before = sorted(p.name for p in isolated_config.iterdir())
    assert main(command) == 0
    out, err = capsys.readouterr()
    assert "good" in out
    assert "levels deep" in err and "Traceback" not in err
    assert path.read_bytes() == original
    assert sorted(p.name for p in isolated_config.iterdir() if p.name != "locks") == before


@pytest.mark.parametrize(
    "document",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"schema": ' + b"[" * 100_000 + b"]" * 100_000 + b', "profiles": []}',
        b'{"schema": ' + b"9" * 5000 + b', "profiles": []}',
        b'{"schema": 2, "profiles": [' + GOOD,
    ],
    ids=["deep document", "deep schema", "huge schema", "truncated"],
)
def test_a_file_broken_as_a_whole_is_reported_and_kept_until_the_next_save(
    capsys: Capsys, isolated_config: Path, document: bytes
) -> None:
    path = isolated_config / "profiles.json"
    path.write_bytes(document)
    assert main(["profiles", "list"]) == 0
    _out, err = capsys.readouterr()
    assert "could not be read" in err and "Traceback" not in err
    assert path.read_bytes() == document
    assert main(["profiles", "add", "x", "--url", "stomp://h"]) == 0
    (aside,) = isolated_config.glob("profiles.json.corrupt-*")
    assert aside.read_bytes() == document
    assert ProfileStore().names() == ["x"]


def test_a_deep_list_of_profiles_is_one_bad_profile(isolated_config: Path) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    write_file(isolated_config / "profiles.json", deep, GOOD)
    store = ProfileStore()
    assert store.names() == ["good"]
    assert store.set_aside[0].raw == deep


def test_unreadable_hidden_builtins_hide_nothing(isolated_config: Path) -> None:
    path = isolated_config / "profiles.json"
    path.write_bytes(
        b'{"schema": 2, "hidden_builtins": '
        + b"[" * 5000
        + b"]" * 5000
        + b', "profiles": ['
        + GOOD
        + b"]}"
    )
    store = ProfileStore()
    assert store.names() == ["good"]


def test_the_profiles_option_survives_a_bad_team_file(capsys: Capsys, tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    write_file(team, BAD_PROFILES["integer of 5,000 digits"][0], GOOD)
    assert main(["--profiles", str(team), "profiles", "list"]) == 0
    out, err = capsys.readouterr()
    assert "good" in out and "5000 digits" in err


def test_stale_temp_files_of_killed_writers_go_at_the_next_write(isolated_config: Path) -> None:
    store = ProfileStore()
    store.add(Profile("a", "stomp://a"))
    fresh = isolated_config / ".profiles.json.abc123.tmp"  # as new as can be: still stale
    fresh.write_bytes(b'{"schema": 2, "prof')
    old = isolated_config / ".profiles.json.old.tmp"
    old.write_bytes(b"")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    ProfileStore()  # loading leaves them
    assert fresh.exists() and old.exists()
    store.add(Profile("b", "stomp://b"))
    assert not fresh.exists() and not old.exists()
    assert sorted(p.name for p in isolated_config.iterdir()) == ["locks", "profiles.json"]


@pytest.mark.parametrize(
    "existing",
    [b'{"schema": 1, "profiles": [{"name": "old"}]}', b"edited by hand into nonsense"],
    ids=["another schema", "not a profiles file"],
)
def test_a_quarantine_file_that_cannot_take_more_is_left_alone(
    isolated_config: Path, existing: bytes
) -> None:
    path = isolated_config / "profiles.json"
    quarantine_path(path).write_bytes(existing)
    bad, _ = BAD_PROFILES["negative heart-beat"]
    write_file(path, GOOD, bad)
    ProfileStore().add(Profile("new", "stomp://new"))
    assert quarantine_path(path).read_bytes() == existing
    second = isolated_config / "profiles.quarantine-2.json"
    items = parse_document(second.read_bytes()).items
    assert items is not None and [i.raw for i in items] == [bad]


def test_v1_profiles_set_aside_keep_their_schema(isolated_config: Path) -> None:
    path = isolated_config / "profiles.json"
    bad = b'{"name": "pigeon", "transport": "carrier-pigeon", "host": "h"}'
    path.write_bytes(
        b'{"schema": 1, "profiles": [{"name": "ok", "transport": "tcp", "host": "h"}, '
        + bad
        + b"]}"
    )
    store = ProfileStore()
    assert store.names() == ["ok"]
    assert "unknown transport 'carrier-pigeon'" in store.set_aside[0].problem
    store.add(Profile("new", "stomp://new"))
    doc = parse_document(quarantine_path(path).read_bytes())
    assert doc.member("schema") == 1
    assert doc.items is not None and doc.items[0].raw == bad


def test_a_file_far_too_large_is_not_read(isolated_config: Path) -> None:
    from explorer.profiles.document import MAX_FILE_BYTES

    path = isolated_config / "profiles.json"
    path.write_bytes(b'{"schema": 2, "profiles": []}' + b" " * MAX_FILE_BYTES)
    store = ProfileStore()
    assert store.broken_file is not None and "more than a profiles file can be" in store.broken_file
    assert store.names() == []


def test_the_cli_says_where_the_profile_went_after_a_change(
    capsys: Capsys, isolated_config: Path
) -> None:
    write_file(isolated_config / "profiles.json", GOOD, BAD_PROFILES["negative heart-beat"][0])
    assert main(["profiles", "add", "new", "--url", "stomp://new"]) == 0
    err = capsys.readouterr().err
    assert "Set aside: profile #2 ('bad'): heart_beat:" in err
    assert "1 profile of profiles.json could not be loaded. It stays unchanged" in err
    assert (
        f"1 profile could not be loaded and was moved, unchanged, to "
        f"{isolated_config / 'profiles.quarantine.json'}" in err
    )
    assert err.count("Set aside:") == 1 and "Traceback" not in err
