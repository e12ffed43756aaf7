"""`stomp-explorer profiles ...` through the real entry point: output, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.profiles import PASSCODE, Profile, ProfileStore
from tests.support.keyrings import MemoryKeyring

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_show_remove(
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    isolated_config: Path,
) -> None:
    monkeypatch.setenv("RABBIT_PW", "guest-SECRET")
    code, out, err = run(
        capsys,
        "profiles",
        "add",
        "rabbit",
        "--url",
        "stomp://localhost:61623",
        "--login",
        "guest",
        "--passcode-env",
        "RABBIT_PW",
        "--vhost",
        "/",
        "--heart-beat",
        "4000,0",
    )
    assert (code, err) == (0, "")
    assert "added profile 'rabbit'" in out
    assert memory_keyring.passwords[("stomp-explorer", "rabbit/passcode")] == "guest-SECRET"
    assert b"SECRET" not in (isolated_config / "profiles.json").read_bytes()

    code, out, _ = run(capsys, "profiles", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "URL", "LOGIN", "VHOST", "FLAGS"]
    assert lines[1].split() == ["rabbit", "stomp://localhost:61623", "guest", "/", "-"]

    code, out, _ = run(capsys, "profiles", "list", "--format", "jsonl")
    row = json.loads(out.splitlines()[0])
    assert row["name"] == "rabbit" and row["passcode_stored"] is True
    assert row["heart_beat"] == {"send_ms": 4000, "receive_ms": 0}
    assert "SECRET" not in out

    code, out, _ = run(capsys, "profiles", "show", "rabbit")
    assert code == 0
    assert "passcode:           stored in keyring" in out
    assert "heart-beat:         4000,0" in out
    assert "SECRET" not in out

    code, out, _ = run(capsys, "profiles", "remove", "rabbit")
    assert code == 0 and "removed profile 'rabbit'" in out
    assert memory_keyring.passwords == {}
    code, out, _ = run(capsys, "profiles", "list")
    assert "no profiles in" in out


def test_show_says_when_no_passcode_is_stored(capsys: Capsys) -> None:
    run(capsys, "profiles", "add", "amq", "--url", "stomp://localhost:61613")
    _, out, _ = run(capsys, "profiles", "show", "amq")
    assert "passcode:           (not stored)" in out


def test_edit_changes_only_what_is_given(capsys: Capsys, tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("pem")
    run(capsys, "profiles", "add", "p", "--url", "stomp://h", "--login", "me")
    code, _, err = run(
        capsys,
        "profiles",
        "edit",
        "p",
        "--url",
        "stomp+ssl://h:61614",
        "--ca-file",
        str(ca),
        "--insecure",
    )
    assert (code, err) == (0, "")
    p = ProfileStore().get("p")
    assert (p.url, p.login, p.tls.ca_file, p.tls.verify) == (
        "stomp+ssl://h:61614",
        "me",
        str(ca),
        False,
    )
    code, _out, _ = run(capsys, "profiles", "edit", "p", "--rename", "q")
    assert code == 0
    assert ProfileStore().names() == ["q"]


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["add", "x", "--url", "mqtt://h"], 2, "url: unknown scheme 'mqtt'"),
        (["add", "x", "--url", "stomp://h:0"], 2, "between 1 and 65535"),
        (
            ["add", "x", "--url", "stomp+ssl://h", "--ca-file", "/no/ca.pem"],
            2,
            "tls.ca_file: CA file '/no/ca.pem' does not exist",
        ),
        (["add", "x", "--url", "stomp://h", "--heart-beat", "fast"], 2, "SEND,RECV"),
        (
            ["add", "x", "--url", "stomp://h", "--passcode-env", "NOPE_NOT_SET"],
            2,
            "NOPE_NOT_SET (from --passcode-env) is not set",
        ),
        (["show", "ghost"], 2, "no profile named 'ghost'"),
        (["remove", "ghost"], 2, "no profile named 'ghost'"),
        (["edit", "ghost", "--login", "x"], 2, "no profile named 'ghost'"),
    ],
)
def test_mistakes_give_one_line_and_an_exit_code(
    capsys: Capsys, argv: list[str], code: int, message: str
) -> None:
    got, _out, err = run(capsys, "profiles", *argv)
    assert got == code
    assert message in err
    assert err.count("\n") == 1 and err.startswith("stomp-explorer: error: ")
    assert "Traceback" not in err


def test_a_duplicate_name_is_refused(capsys: Capsys) -> None:
    run(capsys, "profiles", "add", "x", "--url", "stomp://h")
    code, _, err = run(capsys, "profiles", "add", "X", "--url", "stomp://h")
    assert code == 2 and "a profile named 'X' already exists" in err


def test_missing_required_url_is_a_usage_error(capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["profiles", "add", "x"])
    assert exc.value.code == 2
    assert "--url" in capsys.readouterr().err


def test_export_then_import_with_and_without_replace(capsys: Capsys, tmp_path: Path) -> None:
    ProfileStore().add(Profile("dev", "stomp://dev"), {PASSCODE: "dev-SECRET"})
    ProfileStore().add(Profile("qa", "stomp://qa"))
    export = tmp_path / "team.json"
    code, out, _ = run(capsys, "profiles", "export", str(export), "dev")
    assert code == 0 and "exported 1 profile(s)" in out
    assert b"SECRET" not in export.read_bytes()
    assert [p["name"] for p in json.loads(export.read_text())["profiles"]] == ["dev"]

    code, out, _ = run(capsys, "profiles", "import", str(export))
    assert code == 0 and "renamed 'dev' to 'dev (2)'" in out
    code, out, _ = run(capsys, "profiles", "import", str(export), "--replace")
    assert code == 0 and "replaced 1" in out
    assert ProfileStore().names() == ["dev", "qa", "dev (2)"]

    code, _, err = run(capsys, "profiles", "import", str(tmp_path / "missing.json"))
    assert code == 2 and "does not exist" in err


def test_import_a_single_url(capsys: Capsys) -> None:
    code, out, _ = run(
        capsys, "profiles", "import", "ws://guest@localhost:15674/ws", "--name", "web"
    )
    assert code == 0 and "added profile 'web'" in out
    p = ProfileStore().get("web")
    assert (p.url, p.login) == ("ws://localhost:15674/ws", "guest")


def test_profiles_flag_opens_a_team_file(
    capsys: Capsys, tmp_path: Path, isolated_config: Path
) -> None:
    team = tmp_path / "repo" / "stomp-profiles.json"
    code, _, _ = run(
        capsys, "--profiles", str(team), "profiles", "add", "shared", "--url", "stomp://broker.team"
    )
    assert code == 0
    assert team.is_file()
    assert not (isolated_config / "profiles.json").exists()
    _, out, _ = run(capsys, "--profiles", str(team), "profiles", "list")
    assert "shared" in out
    _, out, _ = run(capsys, "profiles", "list")
    assert "shared" not in out


def test_a_corrupt_file_is_reported_on_stderr_and_the_command_still_works(
    capsys: Capsys, isolated_config: Path
) -> None:
    (isolated_config / "profiles.json").write_text("{ not json")
    code, out, err = run(capsys, "profiles", "list")
    assert code == 0
    assert "warning: The profiles file could not be read" in err
    assert "renamed to profiles.json.corrupt-<date-time>" in err
    assert "no profiles in" in out
    assert (isolated_config / "profiles.json").read_text() == "{ not json"  # list only reads


def test_without_a_keyring_the_cli_warns_that_the_passcode_was_not_saved(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setenv("PW", "x")
        code, _, err = run(
            capsys, "profiles", "add", "p", "--url", "stomp://h", "--passcode-env", "PW"
        )
    finally:
        keyring.set_keyring(previous)
    assert code == 0
    assert "the passcode was not saved" in err and "memory only" in err
