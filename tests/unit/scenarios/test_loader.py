"""Scenario files: the issue's contract reads as written; every mistake names file, line, key."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.scenarios import ScenarioFileError, check_templates, load_scenario, parse_scenario
from explorer.scenarios import scenario_engine as make_engine
from explorer.scenarios.model import Expect, ExpectNone, Send, Subscribe, Wait
from explorer.scenarios.yamlnodes import format_duration, parse_duration

CONTRACT = """\
name: order notification reaches the user
connection: stomp://127.0.0.1:61613      # or  profile: NAME
vars: {user: 1001}
steps:
  - subscribe: /topic/notifications.user.{{user}}
    id: inbox
  - send:
      destination: /queue/orders
      headers: {content-type: application/json, x-run: "{{uuid}}"}
      body: '{"order": 7, "user": {{user}}}'
      receipt: true
  - expect:
      subscription: inbox            # or  destination: /queue/x  (subscribed for this step)
      within: 2s
      count: 1                       # at least this many matching messages
      headers: {content-type: application/json}
      body: {json: {"$.user": 1001}} # or  {contains: "..."} | {equals: "..."} | {regex: "..."}
  - expect_none: {subscription: inbox, for: 500ms}
  - wait: 100ms
"""


def test_the_contract_of_the_issue_reads_as_written() -> None:
    scenario = parse_scenario(CONTRACT, "orders.yaml")
    assert scenario.name == "order notification reaches the user"
    assert scenario.connection == "stomp://127.0.0.1:61613"
    assert scenario.profile is None
    assert scenario.variables == {"user": 1001}
    subscribe, send, expect, expect_none, wait = scenario.steps
    assert isinstance(subscribe, Subscribe)
    assert (subscribe.destination.value, subscribe.id) == (
        "/topic/notifications.user.{{user}}",
        "inbox",
    )
    assert isinstance(send, Send)
    assert send.destination.value == "/queue/orders"
    assert [(k, v.value) for k, v in send.headers] == [
        ("content-type", "application/json"),
        ("x-run", "{{uuid}}"),
    ]
    assert send.body is not None and send.body.value == '{"order": 7, "user": {{user}}}'
    assert send.receipt and send.count == 1
    assert isinstance(expect, Expect)
    assert (expect.subscription, expect.within, expect.count) == ("inbox", 2.0, 1)
    assert expect.body is not None
    assert [(c.path, c.expected) for c in expect.body.json] == [("$.user", 1001)]
    assert isinstance(expect_none, ExpectNone) and expect_none.duration == 0.5
    assert isinstance(wait, Wait) and wait.duration == pytest.approx(0.1)
    assert [s.place.line for s in scenario.steps] == [5, 7, 12, 18, 19]


def test_profile_instead_of_connection_and_a_destination_expect() -> None:
    scenario = parse_scenario(
        "name: n\nprofile: staging\nsteps:\n"
        "  - expect: {destination: /queue/x, body: {contains: ok, regex: '^o.$'}}\n",
        "s.yaml",
    )
    assert scenario.profile == "staging" and scenario.connection is None
    (expect,) = scenario.steps
    assert isinstance(expect, Expect)
    assert expect.destination is not None and expect.destination.value == "/queue/x"
    assert expect.within == 5.0  # default
    assert expect.body is not None and expect.body.regex is not None


def test_bursts_and_extra_keys_on_subscribe() -> None:
    scenario = parse_scenario(
        "name: n\nsteps:\n"
        '  - subscribe: /queue/a\n    headers: {selector: "n > 2"}\n'
        "  - send: {destination: /queue/a, body: 'P-{{n}}', count: 5, rate: 100}\n",
        "s.yaml",
    )
    subscribe, send = scenario.steps
    assert isinstance(subscribe, Subscribe) and subscribe.id == "sub-1"
    assert [(k, v.value) for k, v in subscribe.headers] == [("selector", "n > 2")]
    assert isinstance(send, Send) and (send.count, send.rate) == (5, 100.0)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("500ms", 0.5), ("2s", 2.0), ("1.5s", 1.5), ("1m", 60.0), (" 250 ms ", 0.25), (".5s", 0.5)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


def test_duration_spelling() -> None:
    assert [format_duration(s) for s in (0.5, 2.0, 1.25, 60.0)] == ["500ms", "2s", "1250ms", "60s"]


# ----------------------------------------------------------------------------- mistakes


def mistake(text: str) -> ScenarioFileError:
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario(text, "bad.yaml")
    return info.value


STEPS = "name: n\nconnection: stomp://localhost\nsteps:\n  - subscribe: /queue/a\n    id: in\n"


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        ("name: n\nconection: x\nsteps: []\n", 2, "conection", "unknown key 'conection'"),
        (
            STEPS + "  - expect: {subscription: in, within: 2}\n",
            6,
            "steps[2].expect.within",
            "'2' needs a unit",
        ),
        (
            STEPS + "  - expect: {subscription: in, within: soon}\n",
            6,
            "steps[2].expect.within",
            "not a duration",
        ),
        (
            STEPS + "  - expect: {subscription: in, count: many}\n",
            6,
            "steps[2].expect.count",
            "whole number",
        ),
        (
            STEPS + "  - expect: {subscription: in, whithin: 2s}\n",
            6,
            "steps[2].expect.whithin",
            "unknown key 'whithin'",
        ),
        (
            STEPS + "  - expect: {subscription: out}\n",
            6,
            "steps[2].expect.subscription",
            "no subscribe step before this one has the id 'out'",
        ),
        (
            STEPS + "  - expect: {subscription: in, destination: /q/x}\n",
            6,
            "steps[2].expect",
            "exactly one",
        ),
        (
            STEPS + "  - expect:\n      subscription: in\n      body: {json: {'$.[': 1}}\n",
            8,
            "steps[2].expect.body.json.$.[",
            "not a JSONPath that parses",
        ),
        (
            STEPS + "  - expect: {subscription: in, body: {regex: '(unclosed'}}\n",
            6,
            "steps[2].expect.body.regex",
            "does not compile",
        ),
        (
            STEPS + "  - expect: {subscription: in, body: {xml: '<a/>'}}\n",
            6,
            "steps[2].expect.body.xml",
            "unknown key 'xml'",
        ),
        (
            STEPS + "  - expect_none: {subscription: in}\n",
            6,
            "steps[2].expect_none",
            "'for' is missing",
        ),
        (
            STEPS + "  - send: {destination: /q/x, receipt: yes please}\n",
            6,
            "steps[2].send.receipt",
            "true or false",
        ),
        (
            STEPS + "  - send: {destination: /q/x, count: 0}\n",
            6,
            "steps[2].send.count",
            "at least 1",
        ),
        (STEPS + "  - send: {body: x}\n", 6, "steps[2].send", "'destination' is missing"),
        (
            STEPS + "  - send: {destination: [a, b]}\n",
            6,
            "steps[2].send.destination",
            "should be text",
        ),
        (STEPS + "  - publish: {destination: /q/x}\n", 6, "steps[2]", "exactly one of"),
        (
            STEPS + "  - send: {destination: /q/x}\n    wait: 1s\n",
            6,
            "steps[2]",
            "exactly one of subscribe, send, expect, expect_none, wait (found send, wait)",
        ),
        (STEPS + "  - subscribe: /queue/b\n    id: in\n", 7, "steps[2].id", "used twice"),
        (STEPS + "  - wait: 100\n", 6, "steps[2].wait", "needs a unit"),
        (
            STEPS + "  - send: {destination: /q/x, headers: {receipt: r1}}\n",
            6,
            "steps[2].send.headers.receipt",
            "receipt: true",
        ),
        ("name: n\nconnection: a\nprofile: b\nsteps: [{wait: 1s}]\n", 3, "profile", "not both"),
        ("name: n\nsteps: []\n", 2, "steps", "there are no steps"),
        ("connection: x\nsteps: [{wait: 1s}]\n", 1, None, "'name' is missing"),
        ("name: n\nvars: {uuid: 1}\nsteps: [{wait: 1s}]\n", 2, "vars", "built-in name"),
        ("name: n\nsteps: {wait: 1s}\n", 2, "steps", "should be a list"),
        ("name: n\nname: m\nsteps: [{wait: 1s}]\n", 2, "name", "given twice"),
        ("- just\n- a list\n", 1, None, "should be a scenario"),
    ],
)
def test_mistakes_name_file_line_and_key(text: str, line: int, key: str | None, words: str) -> None:
    error = mistake(text)
    assert (error.file, error.line, error.key) == ("bad.yaml", line, key)
    assert words in error.reason
    assert str(error).startswith(f"bad.yaml:{line}: ")


def test_invalid_yaml_names_the_line() -> None:
    error = mistake("name: n\nsteps:\n  - send: {destination: /q/{{user}}}\n")
    assert error.line == 3
    assert "not valid YAML" in error.reason


def test_an_empty_file() -> None:
    assert "empty" in mistake("# nothing here\n").reason


def test_unreadable_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(ScenarioFileError, match="cannot read"):
        load_scenario(tmp_path / "missing.yaml")
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"name: \xff\xfe\n")
    with pytest.raises(ScenarioFileError, match="not UTF-8"):
        load_scenario(binary)


# ----------------------------------------------------------------------------- templates


def template_mistake(text: str, **command_line: str) -> ScenarioFileError:
    scenario = parse_scenario(text, "t.yaml")
    with pytest.raises(ScenarioFileError) as info:
        check_templates(scenario, make_engine(scenario, command_line=command_line, environ={}))
    return info.value


def test_a_template_error_points_into_the_file() -> None:
    error = template_mistake(
        "name: n\nsteps:\n  - send:\n      destination: /queue/a\n      body: 'x {{ user + }}'\n"
    )
    assert (error.line, error.key) == (5, "steps[1].send.body")
    assert error.reason.startswith("column 16: template syntax")  # the {{ of the bad tag


def test_a_template_error_in_a_block_body_counts_lines() -> None:
    error = template_mistake(
        "name: n\nsteps:\n  - send:\n      destination: /queue/a\n      body: |\n"
        '        {"a": 1,\n         "b": {{ usr }}}\n'
    )
    assert (error.line, error.key) == (7, "steps[1].send.body")
    assert "'usr' is not defined" in error.reason


def test_an_unknown_variable_in_an_expect_header() -> None:
    error = template_mistake(
        "name: n\nsteps:\n  - subscribe: /q/a\n    id: a\n"
        "  - expect: {subscription: a, headers: {x: '{{ nope }}'}}\n"
    )
    assert (error.line, error.key) == (5, "steps[2].expect.headers.x")


def test_a_missing_environment_variable_is_found_before_running() -> None:
    error = template_mistake("name: n\nsteps:\n  - send: {destination: '/q/{{env.QUEUE}}'}\n")
    assert error.line == 3
    assert "environment variable 'QUEUE' is not set" in error.reason


def test_command_line_variables_satisfy_templates() -> None:
    scenario = parse_scenario("name: n\nsteps:\n  - send: {destination: '/q/{{who}}'}\n", "t.yaml")
    uses = check_templates(scenario, make_engine(scenario, command_line={"who": "me"}))
    assert uses == frozenset()
