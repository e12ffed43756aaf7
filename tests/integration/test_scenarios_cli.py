"""`stomp-explorer run` and user mistakes: exit 2 with file:line, exit 3 with the broker's
words, never a traceback; profiles, their library variables, --var, several files."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.library import LibraryStore
from tests.support.brokers import Broker
from tests.support.sandbox import SandboxThread

COMMAND = [sys.executable, "-m", "explorer", "run"]

ROUND_TRIP = """\
name: {name}
{connection}
steps:
  - subscribe: /topic/{{{{run}}}}.{{{{user}}}}
    id: inbox
  - send: {{destination: "/topic/{{{{run}}}}.{{{{user}}}}", body: 'hello {{{{user}}}}'}}
  - expect: {{subscription: inbox, within: 5s, body: {{equals: 'hello {{{{user}}}}'}}}}
"""


def scenario(tmp_path: Path, text: str, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *argv], capture_output=True, text=True, timeout=90, check=False
    )


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("name: n\nconnection: stomp://x\nstepz: []\n", ":3:", "stepz: unknown key 'stepz'"),
        (
            "name: n\nconnection: stomp://x\nsteps:\n  - wait: 2\n",
            ":4:",
            "steps[1].wait: '2' needs a unit, for example 2s or 500ms",
        ),
        (
            "name: n\nconnection: stomp://x\nsteps:\n"
            "  - send: {destination: /q/a, body: '{{ n + }}'}\n",
            ":4:",
            "steps[1].send.body: column 38: template syntax",
        ),
        (
            "name: n\nconnection: stomp://x\nsteps:\n  - subscribe: /q/a\n"
            "  - expect: {subscription: sub-1, body: {json: {'$..[': 1}}}\n",
            ":5:",
            "is not a JSONPath that parses",
        ),
        (
            "name: n\nconnection: stomp://x\nsteps:\n  - send: {destination: 7, count: many}\n",
            ":4:",
            "steps[1].send.count: should be a whole number of at least 1",
        ),
    ],
)
def test_scenario_file_mistakes_exit_2_with_file_and_line(
    tmp_path: Path, text: str, where: str, words: str
) -> None:
    path = scenario(tmp_path, text)
    result = run_process(str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"stomp-explorer: error: {path}{where} ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # nothing ran


def test_an_unreadable_file_and_a_missing_one(tmp_path: Path) -> None:
    missing = run_process(str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2
    assert f"{tmp_path / 'nope.yaml'}: cannot read: No such file or directory" in missing.stderr
    directory = run_process(str(tmp_path))
    assert directory.returncode == 2 and "cannot read" in directory.stderr
    assert "Traceback" not in missing.stderr + directory.stderr


def test_every_file_is_checked_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = scenario(
        tmp_path,
        ROUND_TRIP.format(name="good", connection="connection: stomp://127.0.0.1:1"),
        "a.yaml",
    )
    bad = scenario(tmp_path, "name: bad\nsteps:\n  - wait: soon\n", "b.yaml")
    assert main(["run", str(good), str(bad), "--var", "run=x", "--var", "user=1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # the good file never connected
    assert f"{bad}:3: steps[1].wait: 'soon' is not a duration" in captured.err


def test_missing_profile_bad_var_and_no_broker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = scenario(tmp_path, "name: n\nprofile: nosuch\nsteps:\n  - wait: 1ms\n", "p.yaml")
    assert main(["run", str(unknown)]) == 2
    assert f"{unknown}:2: no profile named 'nosuch'" in capsys.readouterr().err
    assert main(["run", str(unknown), "--var", "novalue"]) == 2
    assert "--var: 'novalue' is not NAME=VALUE" in capsys.readouterr().err
    nowhere = scenario(tmp_path, "name: n\nsteps:\n  - wait: 1ms\n", "n.yaml")
    assert main(["run", str(nowhere)]) == 2
    assert "the scenario names no broker" in capsys.readouterr().err


def test_a_template_that_needs_an_unset_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCENARIO_QUEUE", raising=False)
    path = scenario(
        tmp_path,
        "name: n\nconnection: stomp://x\nsteps:\n"
        "  - send: {destination: '/q/{{env.SCENARIO_QUEUE}}'}\n",
    )
    assert main(["run", str(path)]) == 2
    assert "the environment variable 'SCENARIO_QUEUE' is not set" in capsys.readouterr().err


def test_a_closed_port_is_exit_3(tmp_path: Path) -> None:
    path = scenario(
        tmp_path,
        ROUND_TRIP.format(name="closed", connection="connection: stomp://127.0.0.1:1"),
    )
    junit = tmp_path / "j.xml"
    result = run_process(str(path), "--var", "run=x", "--var", "user=1", "--junit", str(junit))
    assert result.returncode == 3
    assert "connection refused" in result.stderr
    assert "Traceback" not in result.stderr
    error = ET.parse(junit).getroot().find("testsuite/testcase/error")
    assert error is not None and "connection refused" in (error.get("message") or "")


@pytest.mark.rabbitmq
def test_a_refused_login_is_exit_3_with_the_brokers_words(rabbitmq: Broker, tmp_path: Path) -> None:
    path = scenario(
        tmp_path,
        ROUND_TRIP.format(
            name="login",
            connection=f"connection: stomp://guest@{rabbitmq.host}:{rabbitmq.stomp_port}",
        ),
    )
    result = subprocess.run(
        [*COMMAND, str(path), "--var", "run=x", "--var", "user=1", "--passcode-env", "PW"],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env={**os.environ, "PW": "not-the-passcode"},
    )
    assert result.returncode == 3
    assert "Access refused for user 'guest'" in result.stderr
    assert "not-the-passcode" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.rabbitmq
def test_a_destination_the_broker_refuses_fails_the_step_with_its_words(
    rabbitmq: Broker,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PW", "guest")
    path = scenario(
        tmp_path,
        f"name: refused\nconnection: stomp://guest@{rabbitmq.host}:{rabbitmq.stomp_port}\n"
        "steps:\n  - send: {destination: /bogus/x, body: x, receipt: true}\n",
    )
    assert main(["run", str(path), "--passcode-env", "PW"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  1 send 1 message to /bogus/x (receipt)" in out
    assert "the broker refused it: " in out and "/bogus/x" in out


def test_profile_with_library_variables_and_var_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SandboxThread() as sandbox:
        assert main(["profiles", "add", "local", "--url", sandbox.tcp_url]) == 0
        LibraryStore().set_profile_variables("local", {"user": "from-profile", "run": "r1"})
        path = scenario(tmp_path, ROUND_TRIP.format(name="profiled", connection="profile: local"))
        capsys.readouterr()
        assert main(["run", str(path)]) == 0
        assert "subscribe /topic/r1.from-profile as inbox" in capsys.readouterr().out
        assert main(["run", str(path), "--var", "user=from-cli"]) == 0
        assert "subscribe /topic/r1.from-cli as inbox" in capsys.readouterr().out
        no_connection = scenario(tmp_path, ROUND_TRIP.format(name="any", connection=""), "b.yaml")
        assert main(["run", "--profile", "local", str(no_connection)]) == 0
        assert "(stomp://127.0.0.1:" in capsys.readouterr().out


def test_several_files_one_junit_and_the_exit_code_of_the_worst(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SandboxThread() as sandbox:
        run = f"r{uuid.uuid4().hex[:8]}"
        good = scenario(
            tmp_path,
            ROUND_TRIP.format(name="good", connection=f"connection: {sandbox.tcp_url}"),
            "a.yaml",
        )
        bad = scenario(
            tmp_path,
            f"name: bad\nconnection: {sandbox.ws_url}\nsteps:\n  - subscribe: /topic/q\n"
            "  - expect: {subscription: sub-1, within: 100ms}\n",
            "b.yaml",
        )
        junit = tmp_path / "out" / "junit.xml"
        code = main(
            [
                "run",
                str(good),
                str(bad),
                "--var",
                f"run={run}",
                "--var",
                "user=1",
                "--junit",
                str(junit),
            ]
        )
        assert code == 1
        out = capsys.readouterr().out
        assert "PASSED good" in out and "FAILED bad" in out
        assert out.rstrip().endswith("2 scenarios: 1 passed, 1 failed")
        cases = ET.parse(junit).getroot().findall("testsuite/testcase")
        assert [c.get("name") for c in cases] == ["good", "bad"]
        assert cases[0].find("failure") is None and cases[1].find("failure") is not None


def test_a_template_failing_only_for_a_later_copy_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SandboxThread() as sandbox:
        path = scenario(
            tmp_path,
            f"name: late\nconnection: {sandbox.tcp_url}\nsteps:\n"
            "  - send: {destination: /queue/late, count: 3, body: '{{ 10 / (n - 2) }}'}\n",
        )
        assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:4: steps[1].send.body: " in err
    assert "ZeroDivisionError" in err


def test_a_comma_in_a_send_fails_the_step_on_a_broker_other_than_activemq(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SandboxThread() as sandbox:
        path = scenario(
            tmp_path,
            f"name: comma\nconnection: {sandbox.tcp_url}\nsteps:\n"
            "  - send: {destination: '/queue/a,/queue/b', body: x}\n",
        )
        assert main(["run", str(path)]) == 1
        names = [info.destination for info in sandbox.call(lambda broker: broker.snapshot())]
        assert not any("," in name for name in names)  # nothing was sent
    out = capsys.readouterr().out
    assert "FAIL  1 send 1 message to /queue/a,/queue/b" in out
    assert "not sent: A comma in '/queue/a,/queue/b' means several destinations only on" in out
