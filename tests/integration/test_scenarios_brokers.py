"""`stomp-explorer run` against every broker we support: scenarios that pass and that fail,
with header, JSONPath and regex matchers, expect_none, bursts with {{n}} and Faker data."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.cli.main import main
from tests.support.brokers import Broker
from tests.support.sandbox import SandboxThread

PASSING = """\
name: notifications reach the user
connection: {url}
vars: {{user: 1001}}
steps:
  - subscribe: /topic/{{{{run}}}}.user.{{{{user}}}}
    id: inbox
  - send:
      destination: /topic/{{{{run}}}}.user.{{{{user}}}}
      headers: {{content-type: application/json, x-run: "{{{{uuid}}}}"}}
      body: '{{"order": 7, "user": {{{{user}}}}, "name": "{{{{faker["ko_KR"].name()}}}}"}}'
      receipt: true
  - expect:
      subscription: inbox
      within: 5s
      headers: {{content-type: application/json, x-run: "{{{{uuid}}}}"}}
      body: {{json: {{"$.user": 1001, "$.order": 7}}, regex: '"name": "[가-힣]+"'}}
  - send: {{destination: "/topic/{{{{run}}}}.user.{{{{user}}}}", body: "P-{{{{n}}}}", count: 20}}
  - expect: {{subscription: inbox, count: 20, within: 5s, body: {{regex: '^P-\\d+$'}}}}
  - expect_none: {{subscription: inbox, for: 200ms}}
"""

FAILING = """\
name: the wrong user gets it
connection: {url}
steps:
  - subscribe: /topic/{{{{run}}}}.user
    id: inbox
  - send:
      destination: /topic/{{{{run}}}}.user
      headers: {{content-type: text/plain}}
      body: '{{"user": 1002}}'
      receipt: true
  - expect:
      subscription: inbox
      within: 1s
      headers: {{content-type: application/json}}
      body: {{json: {{"$.user": 1001}}}}
  - wait: 10ms
"""

NOTHING_EXPECTED = """\
name: nothing may arrive
connection: {url}
steps:
  - subscribe: /topic/{{{{run}}}}.quiet
    id: quiet
  - send: {{destination: "/topic/{{{{run}}}}.quiet", body: surprise}}
  - expect_none: {{subscription: quiet, for: 2s}}
"""


class Target:
    def __init__(self, url: str, login: bool) -> None:
        self.url = url
        self.login = login


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as running:
        yield running


def target(name: str, request: pytest.FixtureRequest) -> Target:
    if name == "activemq":
        broker: Broker = request.getfixturevalue("activemq")
        return Target(broker.stomp_url, login=False)
    if name in ("rabbitmq", "rabbitmq-ws"):
        broker = request.getfixturevalue("rabbitmq")
        if name == "rabbitmq":
            return Target(f"stomp://guest@{broker.host}:{broker.stomp_port}", login=True)
        assert broker.ws_url is not None
        return Target(broker.ws_url.replace("ws://", "ws://guest@"), login=True)
    sandbox: SandboxThread = request.getfixturevalue("sandbox")
    return Target(sandbox.tcp_url if name == "sandbox" else sandbox.ws_url, login=False)


BROKERS = [
    pytest.param("activemq", marks=pytest.mark.activemq),
    pytest.param("rabbitmq", marks=pytest.mark.rabbitmq),
    pytest.param("rabbitmq-ws", marks=pytest.mark.rabbitmq),
    "sandbox",
    "sandbox-ws",
]


def run_cli(tmp_path: Path, text: str, where: Target, *extra: str) -> tuple[int, Path]:
    """`stomp-explorer run` in this process on a fresh scenario file; (exit code, junit)."""
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(text.format(url=where.url), encoding="utf-8")
    junit = tmp_path / "junit.xml"
    run = f"scn{uuid.uuid4().hex[:10]}"
    argv = ["run", str(scenario), "--var", f"run={run}", "--junit", str(junit)]
    if where.login:
        argv += ["--passcode-env", "SCENARIO_TEST_PW"]
    return main([*argv, *extra]), junit


@pytest.fixture(autouse=True)
def rabbitmq_passcode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCENARIO_TEST_PW", "guest")


@pytest.mark.parametrize("broker", BROKERS)
def test_a_passing_scenario(
    broker: str, request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = target(broker, request)
    code, junit = run_cli(tmp_path, PASSING, where)
    out = capsys.readouterr().out
    assert code == 0, out
    assert "  ok    3 expect 1 message on inbox within 5s" in out
    assert "  ok    5 expect 20 messages on inbox within 5s" in out
    assert "PASSED notifications reach the user" in out
    assert out.rstrip().endswith("1 scenario: 1 passed, 0 failed")
    case = ET.parse(junit).getroot().find("testsuite/testcase")
    assert case is not None and case.get("name") == "notifications reach the user"
    assert case.find("failure") is None and case.find("error") is None


@pytest.mark.parametrize("broker", BROKERS)
def test_a_failing_scenario_shows_what_arrived(
    broker: str, request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = target(broker, request)
    code, junit = run_cli(tmp_path, FAILING, where)
    out = capsys.readouterr().out
    assert code == 1, out
    assert "  FAIL  3 expect 1 message on inbox within 1s" in out
    assert "header content-type: expected application/json, got text/plain" in out
    assert "body $.user: expected 1001, got 1002" in out
    assert "  skip  4 wait 10ms" in out
    root = ET.parse(junit).getroot()
    suite = root.find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("1", "1")
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert (failure.get("message") or "").startswith("step 3: expected 1 matching message")
    assert "body $.user: expected 1001, got 1002" in (failure.text or "")


@pytest.mark.parametrize("broker", BROKERS)
def test_expect_none_fails_when_something_arrives(
    broker: str, request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = target(broker, request)
    code, _ = run_cli(tmp_path, NOTHING_EXPECTED, where, "--format", "json")
    out = capsys.readouterr().out
    assert code == 1
    document = json.loads(out)
    (scenario,) = document["scenarios"]
    step = scenario["steps"][2]
    assert step["status"] == "failed"
    assert step["failure"]["summary"] == ("expected no message on 'quiet' for 2s, but one arrived")
    assert step["failure"]["closest"][0]["body"] == "surprise"
