"""A check done by hand on a real broker, recorded, runs headless and passes (the core of
the window's Record button; the button itself comes with the window's scenario dock)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.client import Client
from explorer.scenarios import ScenarioRecorder
from tests.support.brokers import Broker, unique


async def record_by_hand(url: str, destination: str) -> ScenarioRecorder:
    recorder = ScenarioRecorder()
    async with Client(url) as client:
        subscription = await client.subscribe(destination, id="inbox", receipt=True)
        recorder.subscribed(destination, "inbox")
        for body in ('{"order": 7, "user": "민수"}', "plain {{text}}"):
            headers = (("content-type", "application/json"), ("x-kind", "order"))
            await client.send(destination, body, headers=list(headers), receipt=True)
            recorder.sent(destination, headers, body.encode(), receipt=True)
            message = await subscription.get(timeout=10)
            recorder.received(
                message.subscription, message.destination or "", message.headers, message.body
            )
    return recorder


@pytest.mark.activemq
def test_recorded_on_activemq_runs_headless_and_passes(
    activemq: Broker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    destination = f"/topic/{unique('recorded')}"
    recorder = asyncio.run(record_by_hand(activemq.stomp_url, destination))
    path = tmp_path / "recorded.yaml"
    path.write_text(recorder.to_yaml("recorded check", connection=activemq.stomp_url), "utf-8")
    assert main(["run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  ok    3 expect 1 message on inbox within 5s" in out
    assert "  ok    5 expect 1 message on inbox within 5s" in out
    assert "PASSED recorded check" in out
