"""Profile input that is refused with one sentence and exit 2, never a traceback
(issue 16, defects 2 and 5, as far as `profiles` commands go)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.profiles import Profile, ProfileStore, validate
from explorer.profiles.model import Subscription, WebSocketSettings

Capsys = pytest.CaptureFixture[str]
LONG_LABEL = "a" * 64

# A shell passes bytes that are not UTF-8 to Python as lone surrogates ("\udcff" for \xff).
REFUSED: list[tuple[list[str], str]] = [
    (["add", "x", "--url", "stomp://[::1:61613"], "IPv6 address in brackets"),
    (["import", "stomp://[::1:61613"], "IPv6 address in brackets"),
    (["add", "x", "--url", f"stomp://{LONG_LABEL}.example.org"], "1 to 63 characters"),
    (["import", f"stomp://{LONG_LABEL}.example.org"], "1 to 63 characters"),
    (["add", "x", "--url", "stomp://h\udcff:61613"], "not UTF-8 text"),
    (["import", "stomp://h\udcff"], "not UTF-8 text"),
    (["add", "x", "--url", "stomp://my broker:61613"], "contains a space"),
    (["add", "x", "--url", "ws://h/my path"], "contains a space"),
    (["add", "a\nb", "--url", "stomp://h"], "line breaks"),
    (["add", "n" * 201, "--url", "stomp://h"], "longer than 200 characters"),
    (["add", "x\udcff", "--url", "stomp://h"], "name: it holds a byte that is not UTF-8"),
    (["import", "stomp://h", "--name", "x\udcff"], "not UTF-8"),
    (["add", "x", "--url", "stomp://h", "--login", "\udcff"], "login: it holds a byte"),
    (["add", "x", "--url", "stomp://h", "--login", "a\0b"], "NUL"),
    (["add", "x", "--url", "stomp://h", "--vhost", "a\0b"], "NUL"),
    (["add", "x", "--url", "stomp://h", "--vhost", "a\nb"], "line break"),
    (["add", "x", "--url", "stomp+ssl://h", "--ca-file", "\udcff.pem"], "not UTF-8"),
    (["add", "x", "--url", "stomp://h", "--heart-beat", "9" * 5000 + ",0"], "SEND,RECV"),
    (["add", "x", "--url", "stomp://h", "--heart-beat=-5,0"], "heart-beat values"),
    (["add", "x", "--url", "stomp://h", "--heart-beat", "²,0"], "SEND,RECV"),
    (["export", "/nonexistent-dir-e/out.json"], "does not exist; create it first"),
    (["show", "ghost\udcff"], "no profile named"),
]


@pytest.mark.parametrize(("argv", "words"), REFUSED)
def test_refused_with_one_sentence_and_exit_2(capsys: Capsys, argv: list[str], words: str) -> None:
    code = main(["profiles", *argv])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert words in err
    assert err.startswith("stomp-explorer: error: ") and err.count("\n") == 1
    assert "Traceback" not in err and out == ""
    assert ProfileStore().names() == []


def test_a_passcode_variable_with_bad_bytes_is_refused(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PW", "se\udcffcret")
    code = main(["profiles", "add", "x", "--url", "stomp://h", "--passcode-env", "PW"])
    assert code == 2
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "cret" not in err


def test_export_into_a_folder_name_is_refused(capsys: Capsys, tmp_path: Path) -> None:
    ProfileStore().add(Profile("p", "stomp://h"))
    assert main(["profiles", "export", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_export_does_not_create_folders(capsys: Capsys, tmp_path: Path) -> None:
    ProfileStore().add(Profile("p", "stomp://h"))
    assert main(["profiles", "export", str(tmp_path / "new" / "team.json")]) == 2
    assert not (tmp_path / "new").exists()
    assert main(["profiles", "export", str(tmp_path / "team.json")]) == 0
    assert (tmp_path / "team.json").is_file()


def test_real_undecodable_arguments_through_a_real_process(tmp_path: Path) -> None:
    """The bytes a shell passes for $'x\\xff', end to end (argv decoding included)."""
    env = {"STOMP_EXPLORER_CONFIG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    for args in (
        [b"profiles", b"add", b"x\xff", b"--url", b"stomp://h"],
        [b"profiles", b"add", b"x", b"--url", b"stomp://h", b"--login", b"\xff"],
        [b"profiles", b"add", b"x", b"--url", b"stomp://h\xe9"],
        [b"profiles", b"import", b"stomp://[::1:61613"],
    ):
        result = subprocess.run(
            [sys.executable.encode(), b"-m", b"explorer", *args],
            env=env,
            capture_output=True,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert b"Traceback" not in result.stderr
        assert result.stderr.count(b"\n") == 1
    assert not (tmp_path / "profiles.json").exists()


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        (Profile("p", "ws://h/ws", websocket=WebSocketSettings(headers=(("X-A", "a\0b"),))), "ws"),
        (
            Profile("p", "stomp://h", subscriptions=(Subscription("/q", "auto", (("s", "\0"),)),)),
            "sub",
        ),
        (Profile("p", "stomp://h", subscriptions=(Subscription("/q\0x"),)), "sub"),
    ],
)
def test_nul_in_header_values_and_destinations_is_refused(profile: Profile, field: str) -> None:
    errors = validate(profile)
    assert errors and all("NUL" in e.message for e in errors)


def test_a_file_with_a_nul_header_value_imports_the_rest(capsys: Capsys, tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    team.write_text(
        json.dumps(
            {
                "schema": 2,
                "profiles": [
                    {"name": "ok", "url": "ws://h/ws"},
                    {"name": "nul", "url": "ws://h/ws", "websocket": {"headers": [["X", "a\0"]]}},
                ],
            }
        )
    )
    assert main(["profiles", "import", str(team)]) == 0
    assert "skipped 'nul'" in capsys.readouterr().out
    assert ProfileStore().names() == ["ok"]
