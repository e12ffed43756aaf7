"""The scenario runner over an in-memory connection: pass, fail with the closest messages,
expect_none, destination expects, bursts, refusals, a lost connection."""

from __future__ import annotations

import asyncio
import json
import re

import pytest

from explorer.scenarios import (
    ConnectionProblem,
    ScenarioResult,
    ScenarioRunner,
    Status,
    StepResult,
    parse_scenario,
)
from explorer.scenarios import scenario_engine as make_engine
from explorer.scenarios.report import describe_failure, failure_lines, step_line
from tests.unit.scenarios.fake_connection import LoopbackConnection

HEAD = (
    "name: {name}\nvars: {{user: 1001}}\nsteps:\n"
    "  - subscribe: /topic/user.{{{{user}}}}\n    id: inbox\n"
)


async def run(
    steps: str,
    connection: LoopbackConnection | None = None,
    name: str = "t",
    **command_line: str,
) -> tuple[ScenarioResult, LoopbackConnection, list[StepResult]]:
    scenario = parse_scenario(HEAD.format(name=name) + steps, "t.yaml")
    connection = connection or LoopbackConnection()
    seen: list[StepResult] = []
    engine = make_engine(scenario, command_line=command_line, seed=1)
    result = await ScenarioRunner(scenario, engine, connection, on_step=seen.append).run()
    return result, connection, seen


SEND_JSON = """\
  - send:
      destination: /topic/user.{{user}}
      headers: {content-type: application/json, x-run: "{{uuid}}"}
      body: '{"order": 7, "user": {{user}}, "tags": ["a", "b"]}'
      receipt: true
"""


@pytest.mark.asyncio
async def test_send_then_expect_passes_with_headers_and_jsonpath() -> None:
    result, connection, seen = await run(
        SEND_JSON + "  - expect:\n      subscription: inbox\n      within: 1s\n"
        "      headers: {content-type: application/json, x-run: '{{uuid}}'}\n"
        '      body: {json: {"$.user": 1001, "$.tags[1]": b, "$.order": "{{7}}"}}\n'
        "  - expect_none: {subscription: inbox, for: 50ms}\n"
    )
    assert result.passed, [describe_failure(s.failure) for s in result.steps if s.failure]
    assert [s.status for s in seen] == [Status.PASSED] * 4
    destination, headers, body, receipt = connection.sent[0]
    assert dict(headers)["content-type"] == "application/json"
    assert destination == "/topic/user.1001" and receipt
    assert json.loads(body)["user"] == 1001
    expect = result.steps[2]
    assert expect.matched == 1
    assert expect.latency is not None and expect.latency >= 0
    assert connection.subscriptions == {}  # the run closed what it opened
    assert connection.unsubscribed == ["inbox"]


@pytest.mark.asyncio
async def test_a_failed_expect_reports_expected_and_the_closest_messages() -> None:
    connection = LoopbackConnection()
    result, _, _ = await run(
        "  - send: {destination: /topic/user.1001, body: '{\"user\": 1002}',"
        " headers: {content-type: application/json}}\n"
        "  - send: {destination: /topic/user.1001, body: 'not json'}\n"
        "  - expect:\n      subscription: inbox\n      within: 100ms\n"
        "      headers: {content-type: application/json}\n"
        '      body: {json: {"$.user": 1001}}\n'
        "  - wait: 1s\n",
        connection,
    )
    assert not result.passed
    failed = result.steps[3]
    assert failed.status is Status.FAILED and failed.failure is not None
    failure = failed.failure
    assert failure.summary == (
        "expected 1 matching message on 'inbox' within 100ms: 0 matched, 2 arrived"
    )
    assert failure.expected == ("header content-type = application/json", "body $.user = 1001")
    best = failure.closest[0]
    assert best.message.body == b'{"user": 1002}' and best.score == 1
    assert [(c.rule, c.expected, c.actual, c.ok) for c in best.checks] == [
        ("header content-type", "application/json", "application/json", True),
        ("body $.user", "1001", "1002", False),
    ]
    text = "\n".join(describe_failure(failure))
    assert "body $.user: expected 1001, got 1002" in text
    assert "header content-type: expected application/json, got (absent)" in text
    assert result.steps[4].status is Status.SKIPPED  # the wait never ran


@pytest.mark.asyncio
async def test_equals_failure_shows_a_diff() -> None:
    result, _, _ = await run(
        '  - send: {destination: /topic/user.1001, body: "line 1\\nline two\\n"}\n'
        '  - expect: {subscription: inbox, within: 50ms, body: {equals: "line 1\\nline 2\\n"}}\n'
    )
    step = result.steps[2]
    assert step.failure is not None
    text = "\n".join(describe_failure(step.failure))
    assert "-line 2" in text and "+line two" in text


@pytest.mark.asyncio
async def test_contains_and_regex_matchers() -> None:
    result, _, _ = await run(
        "  - send: {destination: /topic/user.1001, body: 'order 17 for 민수'}\n"
        "  - expect:\n      subscription: inbox\n"
        "      body: {contains: '민수', regex: '^order \\d+ for'}\n"
        "  - send: {destination: /topic/user.1001, body: 'refund'}\n"
        "  - expect: {subscription: inbox, within: 50ms, body: {regex: '^order'}}\n"
    )
    assert [s.status for s in result.steps] == [
        Status.PASSED,
        Status.PASSED,
        Status.PASSED,
        Status.PASSED,
        Status.FAILED,
    ]
    failure = result.steps[4].failure
    assert failure is not None and failure.received == 1  # only 'refund': the first was used


@pytest.mark.asyncio
async def test_a_burst_with_n_and_a_count() -> None:
    result, connection, _ = await run(
        "  - send: {destination: /topic/user.1001, body: 'P-{{n}}', count: 5}\n"
        "  - expect: {subscription: inbox, count: 5, body: {regex: '^P-[1-5]$'}}\n"
        "  - expect: {subscription: inbox, count: 1, within: 50ms}\n"
    )
    assert [body for _d, _h, body, _r in connection.sent] == [b"P-%d" % i for i in range(1, 6)]
    assert result.steps[2].status is Status.PASSED and result.steps[2].matched == 5
    assert result.steps[3].status is Status.FAILED  # all five were used by the first expect


@pytest.mark.asyncio
async def test_faker_data_in_a_burst() -> None:
    result, connection, _ = await run(
        "  - send: {destination: /topic/user.1001, count: 3,"
        ' body: \'{"name": "{{faker["ko_KR"].name()}}", "n": {{n}}}\'}\n'
        '  - expect: {subscription: inbox, count: 3, body: {regex: \'"name": "[가-힣]+"\'}}\n'
    )
    assert result.passed
    names = [json.loads(body)["name"] for _d, _h, body, _r in connection.sent]
    assert all(re.fullmatch("[가-힣]+", name) for name in names)


@pytest.mark.asyncio
async def test_expect_none_fails_as_soon_as_a_message_arrives() -> None:
    connection = LoopbackConnection()

    async def later() -> None:
        await asyncio.sleep(0.05)
        connection.deliver("/topic/user.1001", (("kind", "surprise"),), b"boo")

    task = asyncio.create_task(later())
    # `for: 1000s`: were the step to wait it out, the test would hit pytest's timeout
    result, _, _ = await run("  - expect_none: {subscription: inbox, for: 1000s}\n", connection)
    await task
    step = result.steps[1]
    assert step.status is Status.FAILED and step.failure is not None
    assert "expected no message on 'inbox' for 1000s" in step.failure.summary
    assert step.failure.closest[0].message.body == b"boo"


@pytest.mark.asyncio
async def test_expect_none_with_a_matcher_ignores_other_messages() -> None:
    result, _, _ = await run(
        "  - send: {destination: /topic/user.1001, body: 'fine'}\n"
        "  - expect_none: {subscription: inbox, for: 50ms, body: {contains: error}}\n"
    )
    assert result.passed


@pytest.mark.asyncio
async def test_a_destination_expect_listens_from_the_start() -> None:
    connection = LoopbackConnection()
    result, _, _ = await run(
        "  - send: {destination: /queue/replies, body: early}\n"
        "  - wait: 20ms\n"
        "  - expect: {destination: /queue/replies, body: {equals: early}}\n",
        connection,
    )
    assert result.passed
    assert "expect-1" in connection.unsubscribed


@pytest.mark.asyncio
async def test_a_refused_send_fails_the_step_with_the_brokers_words() -> None:
    connection = LoopbackConnection(refuse=frozenset({"/queue/forbidden"}))
    result, _, _ = await run("  - send: {destination: /queue/forbidden}\n", connection)
    step = result.steps[1]
    assert step.status is Status.FAILED and step.failure is not None
    assert step.failure.refused == "not allowed to send to /queue/forbidden"
    assert result.error is None


@pytest.mark.asyncio
async def test_a_lost_connection_is_an_error_and_the_rest_is_skipped() -> None:
    connection = LoopbackConnection()
    connection.fail(ConnectionProblem("connection reset by peer", refused=False))
    result, _, _ = await run(
        "  - expect: {subscription: inbox, within: 5s}\n  - wait: 10ms\n", connection
    )
    assert [s.status for s in result.steps] == [Status.PASSED, Status.ERROR, Status.SKIPPED]
    assert result.error == "connection reset by peer"
    assert not result.passed
    assert failure_lines(result.steps[1]) == ["       connection lost: connection reset by peer"]
    assert step_line(result.steps[2]).startswith("  skip  3 wait 10ms")


@pytest.mark.asyncio
async def test_command_line_variables_win_and_labels_show_rendered_text() -> None:
    result, connection, seen = await run(
        "  - send: {destination: '/topic/user.{{user}}', body: x}\n", user="7"
    )
    assert connection.sent[0][0] == "/topic/user.7"
    assert seen[0].label == "subscribe /topic/user.7 as inbox"
    assert seen[1].label == "send 1 message to /topic/user.7"
    assert result.passed


@pytest.mark.asyncio
async def test_a_destination_expect_is_named_once_at_the_start() -> None:
    connection = LoopbackConnection()
    result, _, _ = await run(
        "  - send: {destination: '/queue/r.1', body: a, count: 3}\n"
        "  - expect: {destination: '/queue/r.{{n}}', body: {equals: a}}\n",
        connection,
    )
    assert result.passed  # `{{n}}` was 1 when it subscribed, and stays that subscription


@pytest.mark.asyncio
async def test_destination_subscriptions_never_take_a_scenario_id() -> None:
    connection = LoopbackConnection()
    result, _, _ = await run(
        "  - subscribe: /queue/other\n    id: expect-1\n"
        "  - send: {destination: /queue/r, body: a}\n"
        "  - expect: {destination: /queue/r}\n",
        connection,
    )
    assert result.passed
    assert "expect-2" in connection.unsubscribed
