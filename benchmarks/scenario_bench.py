"""QA workbench figures (printed, never asserted).

1. `stomp-explorer bench` receive throughput against ActiveMQ (non-persistent 100-byte
   messages, --rate max) next to the raw-socket drain of `drain_bench.py` in the same run
   (target: bench >= 0.8x raw), plus our client's own drain for reference, and the raw
   pass-through: a raw producer process and a raw consumer socket on one queue at the same
   time, the broker's ceiling for sending and receiving at once (what bench does).
2. The scenario runner's cost: a send -> expect round trip run as scenario steps versus a
   bare client doing the same (target: <= 1 ms added), on ActiveMQ, RabbitMQ and the sandbox.
3. Template renders per second (compile once, render many).

    .venv/bin/python benchmarks/scenario_bench.py                  # everything
    .venv/bin/python benchmarks/scenario_bench.py --only bench --n 50000 --reps 3
    .venv/bin/python benchmarks/scenario_bench.py --only runner --trips 300
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTIVEMQ = "stomp://127.0.0.1:61613"
RABBITMQ = "stomp://127.0.0.1:61623"


def drain_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "drain_bench", ROOT / "benchmarks" / "drain_bench.py"
    )
    assert spec is not None and spec.loader is not None
    if "drain_bench" in sys.modules:
        return sys.modules["drain_bench"]
    module = importlib.util.module_from_spec(spec)
    sys.modules["drain_bench"] = module  # dataclasses look their module up while loading
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------ 1. bench vs raw


def raw_drain(drain: ModuleType, kind: str, n: int) -> float:
    """msg/s of one drainer of drain_bench.py on a freshly pre-filled ActiveMQ queue."""
    name = f"bench.scn.{kind}.{uuid.uuid4().hex[:8]}"
    asyncio.run(drain.prefill(drain.ACTIVEMQ_TCP, f"/queue/{name}", n, "/", None, None, {}))
    drain.wait_depth(drain.activemq_depth, name, n)
    seconds = drain.run_drainer(kind, f"/queue/{name}", n)
    drain.activemq_remove(name)
    return n / float(seconds)


PRODUCER = (
    "import asyncio, sys; sys.path.insert(0, sys.argv[3]); import drain_bench as d; "
    "asyncio.run(d.prefill(d.ACTIVEMQ_TCP, sys.argv[1], int(sys.argv[2]), '/', None, None, {}))"
)


async def raw_pass_through(drain: ModuleType, n: int) -> float:
    """msg/s a raw socket receives from a queue that a raw producer process floods at the
    same time (pipelined SENDs, as drain_bench's pre-fill): sending and delivering at once."""
    queue = f"/queue/bench.scn.pass.{uuid.uuid4().hex[:8]}"
    reader, writer = await asyncio.open_connection(*drain.ACTIVEMQ_TCP)
    writer.write(drain.connect_frame("/", None, None))
    await drain.read_until_nul(reader)
    writer.write(drain.frame("SUBSCRIBE", {"destination": queue, "id": "1", "receipt": "s"}))
    receipt = b""
    while b"\0" not in receipt:  # the RECEIPT: the subscription is live
        receipt += await reader.read(65536)
    producer = await asyncio.create_subprocess_exec(
        sys.executable, "-c", PRODUCER, queue, str(n), str(ROOT / "benchmarks")
    )
    count, start = 0, 0.0
    while count < n:
        data = await reader.read(262144)
        if not data:
            raise SystemExit("raw pass-through: connection closed")
        if count == 0:
            start = time.perf_counter()
        count += data.count(b"\0")
    elapsed = time.perf_counter() - start
    await producer.wait()
    writer.close()
    await writer.wait_closed()
    drain.activemq_remove(queue.removeprefix("/queue/"))
    return n / elapsed


def bench_run(n: int) -> dict[str, object]:
    """One `stomp-explorer bench` process; adds "cpu_us" (its CPU per message, start-up
    included) to its JSON."""
    destination = f"/queue/bench.scn.cli.{uuid.uuid4().hex[:8]}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "explorer",
            "bench",
            ACTIVEMQ,
            "--messages",
            str(n),
            "--rate",
            "max",
            "--size",
            "100",
            "--destination",
            destination,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        cwd=ROOT,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    drain_bench().activemq_remove(destination.removeprefix("/queue/"))
    data: dict[str, object] = json.loads(result.stdout)
    data["cpu_us"] = cpu / n * 1e6
    return data


def bench_versus_raw(n: int, reps: int) -> None:
    drain = drain_bench()
    raw: list[float] = []
    ours: list[float] = []
    passing: list[float] = []
    bench: list[float] = []
    total: list[float] = []
    lost: list[int] = []
    cpu: list[float] = []
    for rep in range(reps):
        order = ["raw", "ours", "pass", "bench"]
        order = order[rep % 4 :] + order[: rep % 4]
        for kind in order:
            if kind == "pass":
                passing.append(asyncio.run(raw_pass_through(drain, n)))
                print(f"  rep {rep + 1} raw    pass-through {passing[-1]:9,.0f} msg/s", flush=True)
            elif kind == "bench":
                data = bench_run(n)
                bench.append(float(data["receive_msg_s"]))  # type: ignore[arg-type]
                total.append(float(data["throughput_msg_s"]))  # type: ignore[arg-type]
                lost.append(int(data["lost"]))  # type: ignore[call-overload]
                cpu.append(float(data["cpu_us"]))  # type: ignore[arg-type]
                print(
                    f"  rep {rep + 1} bench  receiving {bench[-1]:9,.0f} msg/s "
                    f"(end to end {total[-1]:,.0f}, lost {lost[-1]}, "
                    f"{cpu[-1]:.1f} us CPU per message sent and received)",
                    flush=True,
                )
            else:
                rate = raw_drain(drain, kind, n)
                (raw if kind == "raw" else ours).append(rate)
                print(f"  rep {rep + 1} {kind:5s}  drain     {rate:9,.0f} msg/s", flush=True)
    base = statistics.median(raw)
    load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
    print(f"\nActiveMQ, {n:,} non-persistent 100-byte messages, median of {reps} (load {load}):")
    print(f"  raw socket drain        {base:9,.0f} msg/s   1.00x")
    print(
        f"  our client drain        {statistics.median(ours):9,.0f} msg/s   "
        f"{statistics.median(ours) / base:.2f}x"
    )
    print(
        f"  bench receive (--rate max, send+receive in one process)"
        f" {statistics.median(bench):9,.0f} msg/s   {statistics.median(bench) / base:.2f}x"
        f"   lost {max(lost)}"
    )
    print(f"  bench end to end        {statistics.median(total):9,.0f} msg/s")
    through = statistics.median(passing)
    print(
        f"  raw pass-through (a raw producer process and a raw socket at once) "
        f"{through:9,.0f} msg/s   {through / base:.2f}x;"
        f" bench receive / raw pass-through = {statistics.median(bench) / through:.2f}"
    )
    for kind in ("raw", "ours"):
        runs = drain.CPU.get(kind, [])
        if runs:
            print(f"  {kind} drain CPU          {statistics.median(runs) / n * 1e6:6.1f} us/msg")
    print(
        f"  bench CPU (process)     {statistics.median(cpu):6.1f} us/msg, start-up included\n",
        flush=True,
    )


# ------------------------------------------------------------------------ 2. runner cost


async def bare_round_trips(url: str, login: str | None, trips: int) -> list[float]:
    from explorer.client import Client

    destination = f"/topic/scn.bare.{uuid.uuid4().hex[:8]}"
    async with Client(url, login=login, passcode=login) as client:
        subscription = await client.subscribe(destination, receipt=True)
        times = []
        for n in range(trips):
            start = time.monotonic()
            await client.send(destination, f'{{"n": {n}}}', headers={"x-run": str(uuid.uuid4())})
            await subscription.get(timeout=10)
            times.append(time.monotonic() - start)
    return times


async def scenario_round_trips(url: str, login: str | None, trips: int) -> list[float]:
    from explorer.client import Client
    from explorer.scenarios import ClientConnection, ScenarioRunner, parse_scenario
    from explorer.scenarios import scenario_engine as make_engine

    steps = ["  - subscribe: /topic/scn.runner.{{run}}\n    id: inbox\n"]
    for n in range(trips):
        steps.append(
            f"  - send: {{destination: '/topic/scn.runner.{{{{run}}}}', "
            f"headers: {{x-run: '{{{{uuid}}}}'}}, body: '{{\"n\": {n}}}'}}\n"
            f"  - expect: {{subscription: inbox, within: 10s, headers: {{x-run: '{{{{uuid}}}}'}}, "
            f"body: {{json: {{'$.n': {n}}}}}}}\n"
        )
    scenario = parse_scenario("name: round trips\nsteps:\n" + "".join(steps), "bench.yaml")
    engine = make_engine(scenario, command_line={"run": uuid.uuid4().hex[:8]})
    async with ClientConnection(Client(url, login=login, passcode=login)) as connection:
        result = await ScenarioRunner(scenario, engine, connection).run()
    assert result.passed, result.first_problem
    times = []
    for send, expect in zip(result.steps[1::2], result.steps[2::2], strict=True):
        times.append(expect.started + expect.duration - send.started)
    return times


def runner_cost(trips: int) -> None:
    from tests.support.sandbox import SandboxThread

    print(f"send -> expect round trip, {trips} trips each, medians (p90):")
    with SandboxThread() as sandbox:
        targets = [
            ("ActiveMQ", ACTIVEMQ, None),
            ("RabbitMQ", RABBITMQ, "guest"),
            ("sandbox", sandbox.tcp_url, None),
        ]
        for name, url, login in targets:
            bare = asyncio.run(bare_round_trips(url, login, trips))
            runner = asyncio.run(scenario_round_trips(url, login, trips))
            b, r = statistics.median(bare), statistics.median(runner)
            b90 = statistics.quantiles(bare, n=10)[-1]
            r90 = statistics.quantiles(runner, n=10)[-1]
            print(
                f"  {name:9s} bare client {b * 1000:7.3f} ms ({b90 * 1000:.3f})   "
                f"scenario runner {r * 1000:7.3f} ms ({r90 * 1000:.3f})   "
                f"added {(r - b) * 1000:+.3f} ms",
                flush=True,
            )
    print()


# ------------------------------------------------------------------------ 3. templates


def template_speed() -> None:
    from explorer.templates import MessageTemplate, TemplateEngine

    engine = TemplateEngine({"user": 1001}, seed=1)
    cases = {
        "plain text (no template)": '{"order": 7}',
        "{{n}} and a variable": '{"order": {{n}}, "user": {{user}}}',
        "{{uuid}} {{now}} {{random_int}}": (
            '{"id": "{{uuid}}", "at": "{{now}}", "r": {{random_int(1, 9)}}}'
        ),
        "{{faker.name()}}": '{"name": "{{faker.name()}}"}',
    }
    print("template renders per second (whole message: destination, 2 headers, body):")
    for label, body in cases.items():
        template = MessageTemplate(engine, "/queue/orders", [("x-n", "{{n}}"), ("a", "b")], body)
        count = 20_000 if "faker" not in label else 5_000
        start = time.perf_counter()
        for n in range(1, count + 1):
            template.render(n)
        rate = count / (time.perf_counter() - start)
        print(f"  {label:32s} {rate:10,.0f} messages/s", flush=True)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("bench", "runner", "templates"))
    parser.add_argument("--n", type=int, default=50_000, help="messages for bench vs raw")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--trips", type=int, default=300)
    args = parser.parse_args()
    if args.only in (None, "templates"):
        template_speed()
    if args.only in (None, "runner"):
        runner_cost(args.trips)
    if args.only in (None, "bench"):
        bench_versus_raw(args.n, args.reps)


if __name__ == "__main__":
    main()
