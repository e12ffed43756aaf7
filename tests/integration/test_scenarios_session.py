"""Scenarios over the session core (`SessionConnection`): the window's connection runs the
same scenario code as `stomp-explorer run`. No Qt here."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from explorer.client.url import parse_url
from explorer.scenarios import ScenarioResult, ScenarioRunner, Status, parse_scenario
from explorer.scenarios import scenario_engine as make_engine
from explorer.scenarios.session_adapter import SessionConnection, TeeSink
from explorer.session import ConnectionSession, NullSink, Target
from tests.support.brokers import Broker
from tests.support.sandbox import running_sandbox

ROUND_TRIP = """\
name: over the session
vars: {user: 1001}
steps:
  - subscribe: /topic/{{run}}.user.{{user}}
    id: inbox
  - send:
      destination: /topic/{{run}}.user.{{user}}
      headers: {content-type: application/json, x-run: "{{uuid}}"}
      body: '{"order": 7, "user": {{user}}, "name": "{{faker["ko_KR"].name()}}"}'
      receipt: true
  - expect:
      subscription: inbox
      headers: {x-run: "{{uuid}}"}
      body: {json: {"$.user": 1001}, regex: '"name": "[가-힣]+"'}
  - send: {destination: "/topic/{{run}}.user.{{user}}", body: "P-{{n}}", count: 10}
  - expect: {subscription: inbox, count: 10, body: {regex: '^P-\\d+$'}}
  - send: {destination: "/topic/{{run}}.user.{{user}}", body: "{% raw %}{{kept}}{% endraw %}"}
  - expect: {subscription: inbox, body: {equals: "{% raw %}{{kept}}{% endraw %}"}}
  - expect_none: {subscription: inbox, for: 200ms}
"""


@asynccontextmanager
async def session_for(
    url: str, **options: Any
) -> AsyncIterator[tuple[ConnectionSession, SessionConnection]]:
    tee = TeeSink(NullSink())  # NullSink stands for the window's own sink
    session = ConnectionSession(
        Target("scenario", parse_url(url), {"heartbeat": (0, 0), **options}), tee
    )
    connection = SessionConnection(session)
    tee.sinks.append(connection)
    await session.connect()
    try:
        yield session, connection
    finally:
        await session.shutdown()


async def run(
    text: str, session: ConnectionSession, connection: SessionConnection
) -> ScenarioResult:
    scenario = parse_scenario(text, "session.yaml")
    engine = make_engine(scenario, command_line={"run": f"s{uuid.uuid4().hex[:8]}"})
    return await ScenarioRunner(scenario, engine, connection).run()


@pytest.mark.asyncio
async def test_a_scenario_passes_over_the_session_on_the_sandbox() -> None:
    async with running_sandbox() as broker, session_for(broker.tcp_url) as (session, connection):
        result = await run(ROUND_TRIP, session, connection)
        assert result.passed, result.first_problem
        assert session.subscriptions == {}  # what the scenario opened, it closed


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_a_scenario_passes_over_the_session_on_activemq(activemq: Broker) -> None:
    async with session_for(activemq.stomp_url) as (session, connection):
        result = await run(ROUND_TRIP, session, connection)
    assert result.passed, result.first_problem
    assert result.steps[2].latency is not None


@pytest.mark.asyncio
async def test_the_users_own_subscription_is_shared_and_kept() -> None:
    async with running_sandbox() as broker, session_for(broker.ws_url) as (session, connection):
        await session.subscribe("/topic/mine", confirm=True)
        result = await run(
            "name: shared\nsteps:\n  - subscribe: /topic/mine\n    id: a\n"
            "  - send: {destination: /topic/mine, body: hi}\n"
            "  - expect: {subscription: a, body: {equals: hi}}\n",
            session,
            connection,
        )
        assert result.passed, result.first_problem
        assert list(session.subscriptions) == ["/topic/mine"]


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_a_refused_send_fails_the_step_with_the_brokers_words(rabbitmq: Broker) -> None:
    async with session_for(
        rabbitmq.stomp_url, login=rabbitmq.login, passcode=rabbitmq.passcode, host="/"
    ) as (session, connection):
        result = await run(
            "name: refused\nsteps:\n  - send: {destination: /bogus/x, body: x, receipt: true}\n",
            session,
            connection,
        )
    step = result.steps[0]
    assert step.status is Status.FAILED and step.failure is not None
    assert step.failure.refused is not None and "/bogus/x" in step.failure.refused


@pytest.mark.asyncio
async def test_a_comma_in_a_send_fails_the_step_before_anything_is_sent() -> None:
    """The sandbox is not ActiveMQ: a comma would plant one odd name (the session's rule)."""
    async with running_sandbox() as broker, session_for(broker.tcp_url) as (session, connection):
        result = await run(
            "name: comma\nsteps:\n  - send: {destination: '/queue/a,/queue/b', body: x}\n",
            session,
            connection,
        )
        assert session.counters.sent == 0
    step = result.steps[0]
    assert step.status is Status.FAILED and step.failure is not None
    assert step.failure.summary.startswith("not sent: A comma in '/queue/a,/queue/b'")
