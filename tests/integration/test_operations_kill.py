"""`kill -9` of a running `stomp-explorer move`: nothing is lost, duplicates are bounded and
reported. Source + target are counted message by message (each carries its `seq`)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess

import pytest

from explorer.client import Message
from tests.integration.test_operations_brokers import (
    COMMAND,
    Queues,
    amq_queues,
    broker_args,
    cli,
    drain,
    fill,
    listed,
    rmq_queues,
    seqs,
)
from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker

__all__ = ["amq_queues", "rmq_queues"]  # the fixtures, used by name below

COUNT = 2000
WINDOW = 25
KILL_AFTER_BATCHES = 4


def start_mover(broker: Broker, source: str, target: str) -> subprocess.Popen[str]:
    args = [*broker_args(broker), source, target, "--yes", "--progress"]
    return subprocess.Popen(
        [*COMMAND, "move", *args, "--window", str(WINDOW), "--idle", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PW": "guest"},
    )


def kill_mid_way(mover: subprocess.Popen[str]) -> list[str]:
    """SIGKILL the mover after a few confirmed batches (its --progress lines)."""
    assert mover.stderr is not None
    lines: list[str] = []
    while len(lines) < KILL_AFTER_BATCHES:
        line = mover.stderr.readline()
        assert line, f"the mover ended early: {lines} {mover.wait()}"
        if line.startswith("moved "):
            lines.append(line)
    os.kill(mover.pid, signal.SIGKILL)
    assert mover.wait(timeout=30) == -signal.SIGKILL
    mover.stderr.close()
    assert mover.stdout is not None
    mover.stdout.close()
    return lines


async def both_sides(broker: Broker, source: str, target: str) -> tuple[list[int], list[int]]:
    """The seqs on each side once the broker has taken back what the dead mover held
    (it does when it sees the socket close; until then a few are with nobody)."""
    everything = set(range(COUNT))
    async with asyncio.timeout(60):
        while True:
            left, moved = seqs(await listed(broker, source)), seqs(await listed(broker, target))
            if set(left) | set(moved) == everything:
                return left, moved
            await asyncio.sleep(0.5)


async def kill_and_finish(broker: Broker, queues: Queues) -> None:
    source, target = queues.new("killed.src"), queues.new("killed.dst")
    await fill(broker, source, COUNT)
    mover = start_mover(broker, source, target)
    progress = kill_mid_way(mover)
    last = re.fullmatch(r"moved (\d+) \(0 duplicated, 0 failed, 0 skipped\)\n", progress[-1])
    assert last is not None, progress
    confirmed = int(last.group(1))  # moved, and the source's ACKs confirmed

    left, moved = await both_sides(broker, source, target)
    assert len(set(moved)) >= confirmed and left  # killed mid-way
    assert len(moved) == len(set(moved)) and len(left) == len(set(left))
    duplicates = set(left) & set(moved)
    assert len(duplicates) <= WINDOW  # at most the batch in flight at the kill

    finish = cli("move", *broker_args(broker), source, target, "--yes", "--idle", "2")
    assert finish.returncode == 0, finish.stderr
    assert finish.stdout.startswith(
        f"moved {len(left)} messages from {source} to {target}; 0 duplicated, 0 failed"
    )
    if duplicates:  # the second run says some may be there twice
        assert "had been delivered before" in finish.stdout
    final: list[Message] = await drain(broker, target)
    assert sorted(set(seqs(final))) == list(range(COUNT))  # nothing lost
    assert len(final) - COUNT == len(duplicates)  # every duplicate accounted for
    assert await drain(broker, source) == []


@pytest.mark.activemq
@pytest.mark.slow
@pytest.mark.asyncio
async def test_activemq_mover_killed_mid_way_loses_nothing(amq_queues: Queues) -> None:
    assert amq_queues.broker is ACTIVEMQ
    await kill_and_finish(ACTIVEMQ, amq_queues)


@pytest.mark.rabbitmq
@pytest.mark.slow
@pytest.mark.asyncio
async def test_rabbitmq_mover_killed_mid_way_loses_nothing(rmq_queues: Queues) -> None:
    assert rmq_queues.broker is RABBITMQ
    await kill_and_finish(RABBITMQ, rmq_queues)
