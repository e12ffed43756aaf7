"""`--profile NAME` instead of a URL for the subcommands that connect (send, tail)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli.connection_args import resolve_connection
from explorer.cli.errors import CliError
from explorer.cli.main import build_parser, main
from explorer.profiles import (
    PASSCODE,
    TLS_KEY_PASSPHRASE,
    HeartBeat,
    Profile,
    ProfileStore,
    TlsSettings,
    WebSocketSettings,
    header_field,
)
from tests.support.brokers import Broker

Capsys = pytest.CaptureFixture[str]


def parse(*argv: str) -> object:
    return build_parser().parse_args(list(argv))


def test_a_profile_supplies_everything_and_flags_override_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("pem")
    ProfileStore().add(
        Profile(
            "web",
            "wss://h:15673/ws",
            login="bob",
            vhost="team",
            heart_beat=HeartBeat(1000, 2000),
            tls=TlsSettings(ca_file=str(ca)),
            websocket=WebSocketSettings(secret_headers=("Authorization",), origin="https://o"),
        ),
        {PASSCODE: "pw", TLS_KEY_PASSPHRASE: "kp", header_field("Authorization"): "Bearer t"},
    )
    connection = resolve_connection(parse("send", "--profile", "web", "/queue/a"))  # type: ignore[arg-type]
    assert connection.endpoint.url() == "wss://h:15673/ws"
    o = connection.options
    assert (o["login"], o["passcode"], o["host"], o["heartbeat"]) == (
        "bob",
        "pw",
        "team",
        (1000, 2000),
    )
    assert (o["tls"].ca_file, o["tls"].key_password, o["tls"].insecure) == (str(ca), "kp", False)
    assert o["websocket"].headers == (("Authorization", "Bearer t"),)
    assert o["websocket"].origin == "https://o"
    assert "reconnect" not in o

    monkeypatch.setenv("OTHER_PW", "pw2")
    args = parse(
        "tail",
        "/queue/a",
        "/queue/b",
        "--profile=web",
        "--user",
        "eve",
        "--passcode-env",
        "OTHER_PW",
        "--vhost",
        "/",
        "--heart-beat",
        "0,0",
        "--insecure",
        "--ws-header",
        "X-A:1",
    )
    assert args.destinations == ["/queue/a", "/queue/b"]  # type: ignore[attr-defined]
    o = resolve_connection(args).options  # type: ignore[arg-type]
    assert (o["login"], o["passcode"], o["host"], o["heartbeat"]) == ("eve", "pw2", "/", (0, 0))
    assert o["tls"].insecure is True
    assert o["websocket"].headers == (("Authorization", "Bearer t"), ("X-A", "1"))


def test_without_a_profile_the_defaults_are_unchanged() -> None:
    o = resolve_connection(parse("send", "stomp://h", "/queue/a")).options  # type: ignore[arg-type]
    assert (o["host"], o["heartbeat"]) == ("/", (10000, 10000))


def test_url_and_profile_together_or_an_unknown_profile_are_errors(capsys: Capsys) -> None:
    ProfileStore().add(Profile("p", "stomp://h"))
    with pytest.raises(CliError, match="either a broker URL or --profile"):
        resolve_connection(parse("send", "stomp://h", "/q", "--profile", "p"))  # type: ignore[arg-type]
    assert main(["send", "--profile", "ghost", "/queue/a", "--body", "x"]) == 2
    assert "no profile named 'ghost'" in capsys.readouterr().err


def test_a_team_file_given_with_profiles_is_used(tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    ProfileStore(team).add(Profile("shared", "stomp://team-broker:1234"))
    args = parse("--profiles", str(team), "send", "--profile", "shared", "/q")
    assert resolve_connection(args).endpoint.port == 1234  # type: ignore[arg-type]


@pytest.mark.activemq
def test_send_and_tail_with_a_profile_on_activemq(activemq: Broker, capsys: Capsys) -> None:
    from tests.support.brokers import unique

    ProfileStore().add(Profile("amq", activemq.stomp_url))
    queue = f"/queue/{unique('profiles')}"
    assert main(["send", "--profile", "amq", queue, "--body", "from a profile"]) == 0
    assert main(["tail", "--profile", "amq", queue, "--count", "1", "--timeout", "20"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    message = json.loads(out[-1])
    assert "from a profile" in json.dumps(message)
