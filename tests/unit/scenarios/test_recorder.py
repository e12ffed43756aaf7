"""Recording a scenario: what was subscribed, sent and received becomes a file that runs."""

from __future__ import annotations

import pytest

from explorer.scenarios import ScenarioRecorder, ScenarioRunner, Status, parse_scenario
from explorer.scenarios import scenario_engine as make_engine
from explorer.scenarios.model import Expect, Send, Subscribe
from tests.unit.scenarios.fake_connection import LoopbackConnection


def recorded() -> ScenarioRecorder:
    recorder = ScenarioRecorder()
    recorder.subscribed("/topic/orders", "inbox")
    recorder.sent(
        "/topic/orders",
        (("destination", "/topic/orders"), ("content-type", "application/json"), ("receipt", "r1")),
        '{"order": 7, "name": "민수"}'.encode(),
        receipt=True,
    )
    recorder.received(
        "inbox",
        "/topic/orders",
        (
            ("destination", "/topic/orders"),
            ("message-id", "ID:1"),
            ("subscription", "inbox"),
            ("timestamp", "1"),
            ("content-type", "application/json"),
        ),
        b'{"name": "\\ubbfc\\uc218", "order": 7}',
    )
    recorder.sent("/topic/orders", (), b"literal {{n}} text")
    recorder.received("inbox", "/topic/orders", (), b"literal {{n}} text")
    return recorder


def test_the_recording_reads_as_a_scenario() -> None:
    text = recorded().to_yaml("checkout", connection="stomp://127.0.0.1:61613")
    assert text.startswith("name: checkout\nconnection: stomp://127.0.0.1:61613\nsteps:\n")
    assert "민수" in text  # written as UTF-8, not escaped
    scenario = parse_scenario(text, "recorded.yaml")
    subscribe, send, expect, _send2, expect2 = scenario.steps
    assert isinstance(subscribe, Subscribe) and subscribe.id == "inbox"
    assert isinstance(send, Send) and send.receipt
    assert [(k, v.value) for k, v in send.headers] == [("content-type", "application/json")]
    assert isinstance(expect, Expect) and expect.subscription == "inbox"
    assert [(k, v.value) for k, v in expect.headers] == [("content-type", "application/json")]
    assert expect.body is not None
    assert [(c.path, c.expected) for c in expect.body.json] == [("$", {"name": "민수", "order": 7})]
    assert isinstance(expect2, Expect) and expect2.body is not None
    assert expect2.body.equals is not None
    assert expect2.body.equals.value == "{% raw %}literal {{n}} text{% endraw %}"


@pytest.mark.asyncio
async def test_a_recording_runs_and_passes() -> None:
    scenario = parse_scenario(recorded().to_yaml("checkout"), "recorded.yaml")
    connection = LoopbackConnection()
    result = await ScenarioRunner(scenario, make_engine(scenario), connection).run()
    assert [s.status for s in result.steps] == [Status.PASSED] * 5
    assert connection.sent[1][2] == b"literal {{n}} text"  # sent as recorded, not expanded


def test_a_message_on_an_unrecorded_subscription_expects_its_destination() -> None:
    recorder = ScenarioRecorder()
    recorder.received("elsewhere", "/queue/replies", (), b"done")
    (expect,) = parse_scenario(recorder.to_yaml("r", profile="local"), "r.yaml").steps
    assert isinstance(expect, Expect)
    assert expect.destination is not None and expect.destination.value == "/queue/replies"
