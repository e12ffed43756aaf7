"""`stomp-explorer replay` against real brokers: order kept, headers kept minus the broker's,
pacing kept (checked by counting what arrived half-way through a recorded gap)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.client import Client, Message, ReceiveTimeout
from tests.support.brokers import Broker, unique
from tests.support.sandbox import SandboxThread


def recording(path: Path, groups: list[tuple[float, int]]) -> Path:
    """`count` messages at each recorded time, as `tail --format jsonl` plus timestamps."""
    seq = 0
    with path.open("w", encoding="utf-8") as fp:
        for at, count in groups:
            for _ in range(count):
                record = {
                    "timestamp": 1_800_000_000.0 + at,
                    "destination": "/queue/recorded",
                    "headers": {
                        "destination": "/queue/recorded",
                        "message-id": f"ID:old-{seq}",
                        "subscription": "old-sub",
                        "expires": "1",
                        "timestamp": "1",
                        "x-seq": str(seq),
                        "content-type": "text/plain",
                    },
                    "body": f"메시지 {seq}",
                }
                fp.write(json.dumps(record, ensure_ascii=False) + "\n")
                seq += 1
    return path


async def collect(client: Client, destination: str, count: int) -> list[Message]:
    subscription = await client.subscribe(destination, receipt=True)
    return [await subscription.get(timeout=30) for _ in range(count)]


async def replay_process(*argv: str) -> int:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "explorer",
        "replay",
        *argv,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await process.communicate()
    assert b"Traceback" not in err
    return process.returncode or 0


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_order_headers_and_pacing_on_activemq(activemq: Broker, tmp_path: Path) -> None:
    destination = f"/queue/{unique('replay')}"
    # three messages, a recorded gap of 8 s, three more; at --speed 2 the gap is 4 s
    path = recording(tmp_path / "r.jsonl", [(0.0, 3), (8.0, 3)])
    async with Client(activemq.stomp_url) as client:
        subscription = await client.subscribe(destination, receipt=True)
        replaying = asyncio.create_task(
            replay_process(
                str(path), activemq.stomp_url, "--destination", destination, "--speed", "2"
            )
        )
        first = [await subscription.get(timeout=30)]
        await asyncio.sleep(1.0)  # well inside the scaled gap
        while True:
            try:
                first.append(await subscription.get(timeout=0.01))
            except ReceiveTimeout:
                break
        assert len(first) == 3, "the second group came before its recorded gap had passed"
        rest = [await subscription.get(timeout=30) for _ in range(3)]
        assert await replaying == 0
    received = first + rest
    assert [m.header("x-seq") for m in received] == ["0", "1", "2", "3", "4", "5"]
    assert [m.text() for m in received] == [f"메시지 {i}" for i in range(6)]
    for message in received:
        assert message.header("content-type") == "text/plain"
        assert message.message_id is not None and not message.message_id.startswith("ID:old")
        assert message.header("expires") != "1"  # the old absolute expiry was not re-sent


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_replay_as_fast_as_possible_keeps_order_on_rabbitmq(
    rabbitmq: Broker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    destination = f"/topic/{unique('replay')}"
    path = recording(tmp_path / "r.jsonl", [(float(i), 1) for i in range(50)])  # 49 s recorded
    monkeypatch.setenv("REPLAY_PW", "guest")
    url = f"stomp://guest@{rabbitmq.host}:{rabbitmq.stomp_port}"
    async with Client(rabbitmq.stomp_url, login="guest", passcode="guest") as client:
        subscription = await client.subscribe(destination, receipt=True)
        code = await replay_process(
            str(path),
            url,
            "--destination",
            destination,
            "--speed",
            "max",
            "--count",
            "40",
            "--passcode-env",
            "REPLAY_PW",
        )
        assert code == 0
        received = [await subscription.get(timeout=30) for _ in range(40)]
    assert [m.header("x-seq") for m in received] == [str(i) for i in range(40)]


def test_replay_into_the_sandbox_over_websocket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = recording(tmp_path / "r.jsonl", [(0.0, 5)])
    with SandboxThread() as sandbox:

        async def scenario() -> list[Message]:
            async with Client(sandbox.ws_url) as client:
                waiting = asyncio.create_task(collect(client, "/queue/recorded", 5))
                await asyncio.sleep(0.2)
                code = await asyncio.to_thread(main, ["replay", str(path), sandbox.ws_url])
                assert code == 0
                return await waiting

        received = asyncio.run(scenario())
    assert [m.text() for m in received] == [f"메시지 {i}" for i in range(5)]
    assert "replayed 5 messages" in capsys.readouterr().err


def test_replay_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"destination": "/q"}\n{oops\n')
    assert main(["replay", str(bad), "stomp://127.0.0.1:1"]) == 2
    assert f"{bad}:2: not JSON" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    assert main(["replay", str(empty), "stomp://127.0.0.1:1"]) == 2
    assert "there are no messages to replay" in capsys.readouterr().err
    good = recording(tmp_path / "g.jsonl", [(0.0, 1)])
    assert main(["replay", str(good), "stomp://127.0.0.1:1"]) == 3
    assert "connection refused" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["replay", str(good), "stomp://127.0.0.1:1", "--speed", "0"])
    assert exit_info.value.code == 2
