"""The message library: its file format, editing, secrets left out, import/export, templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.library import (
    Collection,
    Library,
    LibraryFileError,
    LibraryMessage,
    LibraryNameError,
    LibraryStore,
    default_path,
    looks_secret,
    profile_variables,
    read_library,
    write_library,
)
from explorer.templates import TemplateError

ORDER = LibraryMessage(
    "new order",
    ("/queue/orders", "/topic/orders.{{user}}"),
    headers=(("x-run", "{{uuid}}"), ("priority", "9")),
    body='{"user": {{user}}, "n": {{n}}}',
    content_type="application/json",
    receipt=True,
    count=3,
    rate=50.0,
)


def test_the_library_lives_next_to_the_profiles(isolated_config: Path) -> None:
    assert default_path() == isolated_config / "library.json"
    store = LibraryStore()
    store.save_message("orders", ORDER)
    assert (isolated_config / "library.json").is_file()


def test_file_format_round_trip_and_shape(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    library = Library(
        (Collection("orders", (ORDER,), {"user": 1001}),), {"staging": {"user": 2002}}
    )
    assert write_library(path, library) == []
    data = json.loads(path.read_text("utf-8"))
    assert data == {
        "schema": 1,
        "collections": [
            {
                "name": "orders",
                "variables": {"user": 1001},
                "messages": [
                    {
                        "name": "new order",
                        "destinations": ["/queue/orders", "/topic/orders.{{user}}"],
                        "headers": [["x-run", "{{uuid}}"], ["priority", "9"]],
                        "body": '{"user": {{user}}, "n": {{n}}}',
                        "content_type": "application/json",
                        "receipt": True,
                        "count": 3,
                        "rate": 50.0,
                    }
                ],
            }
        ],
        "profile_variables": {"staging": {"user": 2002}},
    }
    assert read_library(path) == library
    assert path.read_text("utf-8").endswith("}\n")


def test_a_binary_body_is_kept_as_base64(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    message = LibraryMessage("bin", ("/queue/b",), body=b"\x00\xff\x10")
    write_library(path, Library((Collection("c", (message,)),)))
    assert json.loads(path.read_text())["collections"][0]["messages"][0]["body_base64"] == "AP8Q"
    assert read_library(path).collections[0].messages[0].body == b"\x00\xff\x10"


def test_missing_file_is_an_empty_library(tmp_path: Path) -> None:
    assert read_library(tmp_path / "none.json") == Library()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"schema": 99}, "newer STOMP Explorer"),
        ({"collections": {}}, "collections: should be a list"),
        ({"collections": [{"name": ""}]}, "collections[1].name: is missing or empty"),
        (
            {"collections": [{"name": "c", "messages": [{"name": "m", "destinations": []}]}]},
            "collections[1].messages[1].destinations: give at least one destination",
        ),
        (
            {
                "collections": [
                    {"name": "c", "messages": [{"name": "m", "destinations": ["/q"], "count": 0}]}
                ]
            },
            "messages[1].count: should be at least 1",
        ),
        (
            {
                "collections": [
                    {
                        "name": "c",
                        "messages": [{"name": "m", "destinations": ["/q"], "receipt": "yes"}],
                    }
                ]
            },
            "receipt: should be true or false",
        ),
        (
            {
                "collections": [
                    {
                        "name": "c",
                        "messages": [{"name": "m", "destinations": ["/q"], "headers": [["a"]]}],
                    }
                ]
            },
            'each header is ["name", "value"]',
        ),
        ({"collections": [{"name": "c"}, {"name": "c"}]}, "the collection 'c' is given twice"),
        ({"collections": [{"name": "c", "variables": {"n": 1}}]}, "built-in name"),
    ],
)
def test_bad_files_name_the_place(tmp_path: Path, data: object, words: str) -> None:
    path = tmp_path / "lib.json"
    path.write_text(json.dumps(data))
    with pytest.raises(LibraryFileError) as info:
        read_library(path)
    assert words in str(info.value)
    assert str(info.value).startswith(str(path))


def test_a_corrupt_library_is_moved_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text("{not json")
    store = LibraryStore(path)
    assert store.library == Library()
    assert "moved to library.json.corrupt-" in store.load_warnings[0]
    (aside,) = tmp_path.glob("library.json.corrupt-*")
    assert aside.read_text() == "{not json"


def test_save_replace_rename_and_remove_messages(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "l.json")
    store.save_message("orders", ORDER)
    store.save_message("orders", LibraryMessage("cancel", ("/queue/cancel",)))
    store.save_message("orders", LibraryMessage("renamed", ("/queue/x",)), replacing="new order")
    assert [m.name for m in store.library.collections[0].messages] == ["renamed", "cancel"]
    with pytest.raises(LibraryNameError, match="already has a message named 'cancel'"):
        store.save_message("orders", LibraryMessage("cancel", ("/q",)), replacing="renamed")
    store.remove_message("orders", "renamed")
    assert LibraryStore(tmp_path / "l.json").library.collections[0].messages[0].name == "cancel"
    with pytest.raises(LibraryNameError):
        store.remove_message("orders", "renamed")
    store.remove_collection("orders")
    assert store.library.collections == ()


def test_search_finds_names_destinations_and_bodies(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "l.json")
    store.save_message("orders", ORDER)
    store.save_message("alerts", LibraryMessage("disk full", ("/topic/alerts",), body="디스크"))
    assert [m.name for _c, m in store.library.search("ORDER")] == ["new order"]
    assert [m.name for _c, m in store.library.search("alerts")] == ["disk full"]
    assert [m.name for _c, m in store.library.search("디스크")] == ["disk full"]


# ----------------------------------------------------------------------------- secrets


@pytest.mark.parametrize(
    ("name", "value", "secret"),
    [
        ("Authorization", "Bearer abc.def", True),
        ("x-api-key", "k-123", True),
        ("passcode", "guest", True),
        ("X-Auth-Token", "t", True),
        ("cookie", "session=1", True),
        ("x-note", "Basic dXNlcjpwdw==", True),
        ("Authorization", "Bearer {{env.TOKEN}}", False),
        ("x-author", "Kim", False),
        ("priority", "9", False),
        ("content-type", "application/json", False),
    ],
)
def test_what_looks_secret(name: str, value: str, secret: bool) -> None:
    assert looks_secret(name, value) is secret


def test_secrets_are_stripped_on_save_and_the_caller_is_told(tmp_path: Path) -> None:
    path = tmp_path / "l.json"
    store = LibraryStore(path)
    message = LibraryMessage(
        "call api",
        ("/queue/api",),
        headers=(
            ("Authorization", "Bearer s3cr3t-value"),
            ("x-token", "{{env.API_TOKEN}}"),
            ("x-ok", "1"),
        ),
    )
    stripped = store.save_message("api", message)
    assert [(s.collection, s.message, s.name) for s in stripped] == [
        ("api", "call api", "Authorization")
    ]
    assert "looked like a secret and was not saved" in str(stripped[0])
    assert "s3cr3t-value" not in path.read_text()
    assert store.library.collections[0].messages[0].headers == (
        ("x-token", "{{env.API_TOKEN}}"),
        ("x-ok", "1"),
    )
    stripped = store.save_collection(
        Collection("api", store.library.collections[0].messages, {"password": "hunter2", "u": 1})
    )
    assert [s.name for s in stripped] == ["password"]
    assert "hunter2" not in path.read_text()


def test_export_and_import_a_team_file(tmp_path: Path) -> None:
    mine = LibraryStore(tmp_path / "mine.json")
    mine.save_message("orders", ORDER)
    mine.save_message("private", LibraryMessage("x", ("/q/x",)))
    mine.set_profile_variables("staging", {"user": 2002})
    team_file = tmp_path / "repo" / "stomp-library.json"
    assert mine.export_to(team_file, ["orders"]) == []
    exported = json.loads(team_file.read_text())
    assert [c["name"] for c in exported["collections"]] == ["orders"]
    assert exported["profile_variables"] == {}  # profile variables stay private

    theirs = LibraryStore(tmp_path / "theirs.json")
    theirs.save_message("orders", LibraryMessage("old", ("/q/old",)))
    theirs.save_message("alerts", LibraryMessage("a", ("/q/a",)))
    report = theirs.import_from(team_file)
    assert (report.added, report.replaced) == ((), ("orders",))
    assert [c.name for c in theirs.library.collections] == ["orders", "alerts"]
    assert theirs.library.collections[0].messages == (ORDER,)
    with pytest.raises(LibraryNameError):
        mine.export_to(tmp_path / "x.json", ["nope"])


def test_importing_a_file_with_secrets_strips_them(tmp_path: Path) -> None:
    team_file = tmp_path / "team.json"
    team_file.write_text(
        json.dumps(
            {
                "collections": [
                    {
                        "name": "c",
                        "messages": [
                            {
                                "name": "m",
                                "destinations": ["/q"],
                                "headers": [["x-api-key", "AKIA123"]],
                            }
                        ],
                    }
                ]
            }
        )
    )
    store = LibraryStore(tmp_path / "l.json")
    report = store.import_from(team_file)
    assert report.added == ("c",)
    assert [s.name for s in report.stripped] == ["x-api-key"]
    assert "AKIA123" not in (tmp_path / "l.json").read_text()
    with pytest.raises(LibraryFileError, match="does not exist"):
        store.import_from(tmp_path / "missing.json")


# ----------------------------------------------------------------------------- templates


def test_variables_layer_profile_collection_command_line(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "l.json")
    store.save_collection(Collection("orders", (ORDER,), {"user": 1, "shop": "a"}))
    store.set_profile_variables("staging", {"user": 2, "region": "kr"})
    engine = store.engine_for("orders", profile="staging", command_line={"shop": "b"})
    assert engine.expand("{{user}} {{shop}} {{region}}") == "1 b kr"
    assert profile_variables("staging", tmp_path / "l.json") == {"user": 2, "region": "kr"}
    assert profile_variables("other", tmp_path / "l.json") == {}


def test_an_engine_is_kept_until_the_library_changes(tmp_path: Path) -> None:
    """The composer asks on every check while typing: the same engine until a save."""
    store = LibraryStore(tmp_path / "l.json")
    store.save_collection(Collection("orders", (ORDER,), {"user": 1}))
    engine = store.engine_for("orders", profile="staging")
    assert store.engine_for("orders", profile="staging") is engine
    assert store.engine_for("orders", profile="other") is not engine
    store.set_profile_variables("staging", {"user": 2})
    changed = store.engine_for("orders", profile="staging")
    assert changed is not engine and changed.expand("{{user}}") == "1"  # the collection wins
    store.save_collection(Collection("orders", (ORDER,), {}))
    assert store.engine_for("orders", profile="staging").expand("{{user}}") == "2"
    assert store.engine_for("orders", command_line={"user": 3}).expand("{{user}}") == "3"


def test_a_saved_message_previews_per_destination(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "l.json")
    store.save_collection(Collection("orders", (ORDER,), {"user": 1001}))
    first, second = store.templates("orders", "new order")
    shown = second.render(2)
    assert shown.destination == "/topic/orders.1001"
    assert json.loads(shown.body) == {"user": 1001, "n": 2}
    assert shown.header("content-type") == "application/json"
    assert first.preview().destination == "/queue/orders"


def test_a_bad_template_in_a_saved_message_says_where(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "l.json")
    store.save_message("c", LibraryMessage("m", ("/q",), body="a\n{{ nope }}"))
    with pytest.raises(TemplateError) as info:
        store.templates("c", "m")
    assert (info.value.field, info.value.line, info.value.column) == ("body", 2, 4)
