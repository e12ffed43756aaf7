"""Drain speed of our client against stomp-py and raw sockets (printed, never asserted).

Method (brokers.md §6): for each repetition and each drainer, pre-fill a FRESH queue with N
~100-byte messages (pipelined raw SENDs, a receipt on the last one, then poll the broker's
queue depth until all N are there), then drain it with one drainer in its own process and time
SUBSCRIBE -> N-th message. Drainers alternate within a repetition; medians are reported.

  ActiveMQ (TCP, non-persistent):   ours | stomp-py | raw asyncio socket counting NULs
  RabbitMQ Web-STOMP (durable q):   ours over WS | raw `websockets` counting NULs
  ActiveMQ through SockJS:          ours over SockJS websocket and xhr-streaming | @stomp/stompjs
                                    over sockjs-client (Node) on the same transports; all through
                                    one sockjs-node relay (tests/node/sockjs_relay.js), one STOMP
                                    frame per SockJS message as Spring sends them; and a raw
                                    SockJS WebSocket counting MESSAGEs: the relay's ceiling

    .venv/bin/python benchmarks/drain_bench.py                 # 100,000 messages, 3 reps
    .venv/bin/python benchmarks/drain_bench.py --n 20000 --reps 1 --only activemq
    .venv/bin/python benchmarks/drain_bench.py --n 20000 --reps 3 --only sockjs
    # and an older checkout's client beside ours, under the same load (`git archive REV
    # explorer | tar -x -C /tmp/base`): drainers base / base-ws
    .venv/bin/python benchmarks/drain_bench.py --baseline-path /tmp/base

CPU-heavy (2 cores): the drainer runs alone while the broker serves it.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

BODY = b"x" * 99

ACTIVEMQ_TCP = ("127.0.0.1", 61613)
JOLOKIA = "http://127.0.0.1:8161/api/jolokia"
RABBIT_TCP = ("127.0.0.1", 61623)
RABBIT_WS = "ws://127.0.0.1:15674/ws"
RABBIT_MGMT = "http://127.0.0.1:15672"
RABBIT_AUTH = ("guest", "guest")


@dataclass(frozen=True)
class Target:
    name: str
    drainers: tuple[str, ...]
    baseline: str


TARGETS = {
    "activemq": Target("ActiveMQ TCP, non-persistent", ("ours", "stomppy", "raw"), "raw"),
    "rabbitmq-ws": Target("RabbitMQ Web-STOMP, durable queue", ("ours-ws", "raw-ws"), "raw-ws"),
    "sockjs": Target(
        "ActiveMQ through a sockjs-node relay (SockJS)",
        (
            "ours-sockjs-ws",
            "stompjs-sockjs-ws",
            "ours-sockjs-xhr",
            "stompjs-sockjs-xhr",
            "raw-sockjs-ws",
        ),
        "stompjs-sockjs-ws",
    ),
}
CPU_SECONDS: list[float] = []  # a drainer's own CPU time while draining, when it measures it
CPU: dict[str, list[float]] = {}  # kind -> CPU seconds per run (drainers that report it)
NODE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "node")
SOCKJS_TRANSPORT = {"ws": "websocket", "xhr": "xhr-streaming"}


# ---------------------------------------------------------------- raw STOMP helpers


def frame(command: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    head = "".join(f"{k}:{v}\n" for k, v in headers.items())
    return f"{command}\n{head}\n".encode() + body + b"\0"


def connect_frame(host: str, login: str | None, passcode: str | None) -> bytes:
    headers = {"accept-version": "1.2", "host": host, "heart-beat": "0,0"}
    if login:
        headers["login"] = login
    if passcode:
        headers["passcode"] = passcode
    return frame("CONNECT", headers)


async def read_until_nul(reader: asyncio.StreamReader) -> bytes:
    """The first frame (CONNECTED); returns what followed it in the same read."""
    buf = b""
    while b"\0" not in buf:
        chunk = await reader.read(65536)
        if not chunk:
            raise SystemExit(f"broker closed the connection: {buf!r}")
        buf += chunk
    head, _, rest = buf.partition(b"\0")
    if not head.lstrip(b"\n").startswith(b"CONNECTED"):
        raise SystemExit(f"not CONNECTED: {head[:200]!r}")
    return rest


async def prefill(
    addr: tuple[str, int],
    queue: str,
    n: int,
    vhost: str,
    login: str | None,
    passcode: str | None,
    extra: dict[str, str],
) -> None:
    reader, writer = await asyncio.open_connection(*addr)
    writer.write(connect_frame(vhost, login, passcode))
    await read_until_nul(reader)
    one = frame("SEND", {"destination": queue, **extra, "content-length": str(len(BODY))}, BODY)
    batch = 2000
    for start in range(0, n - 1, batch):
        writer.write(one * min(batch, n - 1 - start))
        await writer.drain()
    writer.write(
        frame(
            "SEND",
            {"destination": queue, **extra, "receipt": "last", "content-length": str(len(BODY))},
            BODY,
        )
    )
    await writer.drain()
    buf = b""
    while b"receipt-id:last" not in buf:
        chunk = await reader.read(65536)
        if not chunk:
            raise SystemExit(f"pre-fill connection closed: {buf[-300:]!r}")
        buf = buf[-100:] + chunk
        if b"ERROR" in chunk:
            raise SystemExit(f"pre-fill got an ERROR: {chunk[:300]!r}")
    writer.write(frame("DISCONNECT", {}))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


def http_json(url: str, auth: tuple[str, str] | None = None, method: str = "GET") -> object:
    request = urllib.request.Request(url, method=method)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        data = response.read()
    return json.loads(data) if data else None


def activemq_depth(name: str) -> int:
    mbean = (
        f"org.apache.activemq:type=Broker,brokerName=localhost,destinationType=Queue,"
        f"destinationName={name}"
    )
    reply = http_json(f"{JOLOKIA}/read/{urllib.parse.quote(mbean, safe=':=,')}/QueueSize")
    assert isinstance(reply, dict)
    return int(reply.get("value") or 0)


def activemq_remove(name: str) -> None:
    mbean = "org.apache.activemq:type=Broker,brokerName=localhost"
    operation = "removeQueue(java.lang.String)"
    http_json(
        f"{JOLOKIA}/exec/{urllib.parse.quote(mbean, safe=':=,')}/{operation}/"
        f"{urllib.parse.quote(name)}"
    )


def rabbit_depth(name: str) -> int:
    try:
        reply = http_json(
            f"{RABBIT_MGMT}/api/queues/%2F/{urllib.parse.quote(name, safe='')}", RABBIT_AUTH
        )
    except urllib.error.HTTPError:
        return 0
    assert isinstance(reply, dict)
    return int(reply.get("messages") or 0)


def rabbit_remove(name: str) -> None:
    http_json(
        f"{RABBIT_MGMT}/api/queues/%2F/{urllib.parse.quote(name, safe='')}",
        RABBIT_AUTH,
        method="DELETE",
    )


def wait_depth(depth: object, name: str, n: int, limit: float = 120.0) -> None:
    assert callable(depth)
    deadline = time.monotonic() + limit
    while (seen := depth(name)) < n:
        if time.monotonic() > deadline:
            raise SystemExit(f"queue {name} holds {seen} of {n} messages after {limit:g} s")
        time.sleep(0.25)


# ---------------------------------------------------------------- drainers (child process)


async def drain_ours(
    url: str,
    queue: str,
    n: int,
    vhost: str,
    login: str | None,
    passcode: str | None,
    sockjs: str | None = None,
) -> float:
    from explorer.client import Client

    options: dict[str, Any] = {}
    if sockjs is not None:  # an older checkout (--baseline-path) may not know SockJS
        from explorer.client import SockJsOptions

        options["sockjs"] = SockJsOptions(sockjs)
    client = Client(url, login=login, passcode=passcode, host=vhost, heartbeat=(0, 0), **options)
    await client.connect()
    start, cpu = time.perf_counter(), time.process_time()
    sub = await client.subscribe(queue)
    count = 0
    async for _message in sub:
        count += 1
        if count >= n:
            break
    elapsed = time.perf_counter() - start
    CPU_SECONDS.append(time.process_time() - cpu)
    await client.close()
    return elapsed


async def drain_raw(
    queue: str, n: int, vhost: str, login: str | None, passcode: str | None
) -> float:
    reader, writer = await asyncio.open_connection(*ACTIVEMQ_TCP)
    writer.write(connect_frame(vhost, login, passcode))
    count = (await read_until_nul(reader)).count(b"\0")
    start = time.perf_counter()
    writer.write(frame("SUBSCRIBE", {"destination": queue, "id": "1", "ack": "auto"}))
    while count < n:
        data = await reader.read(262144)
        if not data:
            raise SystemExit("raw drain: connection closed")
        count += data.count(b"\0")
    elapsed = time.perf_counter() - start
    writer.close()
    await writer.wait_closed()
    return elapsed


async def drain_raw_ws(
    queue: str, n: int, vhost: str, login: str | None, passcode: str | None
) -> float:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    async with connect(
        RABBIT_WS, subprotocols=[Subprotocol("v12.stomp")], max_size=64 * 2**20, proxy=None
    ) as ws:
        await ws.send(connect_frame(vhost, login, passcode).decode())
        reply = await ws.recv(decode=False)
        assert isinstance(reply, bytes) and reply.startswith(b"CONNECTED"), reply
        start = time.perf_counter()
        await ws.send(frame("SUBSCRIBE", {"destination": queue, "id": "1", "ack": "auto"}).decode())
        count = 0
        while count < n:
            data = await ws.recv(decode=False)
            assert isinstance(data, bytes)
            count += data.count(b"\0")
        return time.perf_counter() - start


async def drain_raw_sockjs_ws(url: str, queue: str, n: int) -> float:
    """The relay's ceiling: a SockJS WebSocket session that only counts MESSAGE frames in
    the SockJS frames it gets (no STOMP parsing, no JSON decoding)."""
    from websockets.asyncio.client import connect

    session = "ws" + url[4:] + f"/000/{uuid.uuid4().hex[:8]}/websocket"
    async with connect(session, max_size=None, proxy=None, compression=None) as ws:
        assert await ws.recv() == "o"
        await ws.send(json.dumps([connect_frame("/", None, None).decode()]))
        reply = await ws.recv()
        assert isinstance(reply, str) and "CONNECTED" in reply, reply
        start = time.perf_counter()
        subscribe = frame("SUBSCRIBE", {"destination": queue, "id": "1", "ack": "auto"})
        await ws.send(json.dumps([subscribe.decode()]))
        count = 0
        while count < n:
            data = await ws.recv()
            assert isinstance(data, str)
            count += data.count("MESSAGE\\n")
        return time.perf_counter() - start


def drain_stomppy(queue: str, n: int, vhost: str, login: str | None, passcode: str | None) -> float:
    import threading

    import stomp

    done = threading.Event()

    class Counter(stomp.ConnectionListener):  # type: ignore[misc]
        count = 0

        def on_message(self, frame: object) -> None:
            Counter.count += 1
            if Counter.count >= n:
                done.set()

    conn = stomp.Connection12([ACTIVEMQ_TCP], vhost=vhost, heartbeats=(0, 0))
    conn.set_listener("counter", Counter())
    conn.connect(login, passcode, wait=True)
    start = time.perf_counter()
    conn.subscribe(queue, id="1", ack="auto")
    if not done.wait(300):
        raise SystemExit(f"stomp-py drained only {Counter.count} of {n}")
    elapsed = time.perf_counter() - start
    conn.disconnect()
    return elapsed


def child(args: argparse.Namespace) -> None:
    kind, queue, n = args.drain_one, args.queue, args.n
    if kind == "ours":
        elapsed = asyncio.run(
            drain_ours(f"stomp://{ACTIVEMQ_TCP[0]}:{ACTIVEMQ_TCP[1]}", queue, n, "/", None, None)
        )
    elif kind == "raw":
        elapsed = asyncio.run(drain_raw(queue, n, "/", None, None))
    elif kind == "stomppy":
        elapsed = drain_stomppy(queue, n, "/", None, None)
    elif kind == "ours-ws":
        elapsed = asyncio.run(drain_ours(RABBIT_WS, queue, n, "/", *RABBIT_AUTH))
    elif kind == "raw-ws":
        elapsed = asyncio.run(drain_raw_ws(queue, n, "/", *RABBIT_AUTH))
    elif kind == "raw-sockjs-ws":
        elapsed = asyncio.run(drain_raw_sockjs_ws(args.url, queue, n))
    elif kind.startswith("ours-sockjs-"):
        transport = SOCKJS_TRANSPORT[kind.rsplit("-", 1)[1]]
        elapsed = asyncio.run(drain_ours(args.url, queue, n, "/", None, None, transport))
    else:
        raise SystemExit(f"unknown drainer {kind}")
    print(json.dumps({"seconds": elapsed, "cpu": CPU_SECONDS[-1] if CPU_SECONDS else None}))


# ---------------------------------------------------------------- orchestration


def run_drainer(
    kind: str, queue: str, n: int, baseline_path: str | None = None, url: str | None = None
) -> float:
    if kind.startswith("stompjs-sockjs-"):
        assert url is not None
        transport = SOCKJS_TRANSPORT[kind.rsplit("-", 1)[1]]
        command = ["node", "drain_stompjs_sockjs.js", url, queue, str(n), transport]
        result = subprocess.run(
            command, cwd=NODE_DIR, capture_output=True, text=True, timeout=660, check=False
        )
        if result.returncode != 0:
            raise SystemExit(f"{kind} drainer failed:\n{result.stderr[-2000:]}")
        answer = json.loads(result.stdout.strip().splitlines()[-1])
        if answer["transport"] != transport:
            raise SystemExit(f"{kind}: sockjs-client used {answer['transport']}")
        CPU.setdefault(kind, []).append(float(answer["cpu"]))
        return float(answer["seconds"])
    env = dict(os.environ)
    if kind in ("base", "base-ws"):
        assert baseline_path is not None
        env["PYTHONPATH"] = baseline_path  # its `explorer` package shadows ours
        kind = "ours" if kind == "base" else "ours-ws"
    extra = ["--url", url] if url else []
    result = subprocess.run(
        [sys.executable, __file__, "--drain-one", kind, "--queue", queue, "--n", str(n), *extra],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        raise SystemExit(f"{kind} drainer failed:\n{result.stderr[-2000:]}")
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    if answer.get("cpu") is not None:
        CPU.setdefault(kind, []).append(float(answer["cpu"]))
    return float(answer["seconds"])


@contextlib.contextmanager
def sockjs_relay() -> Iterator[str]:
    """tests/node/sockjs_relay.js in front of ActiveMQ; yields its SockJS URL."""
    process = subprocess.Popen(
        ["node", "sockjs_relay.js", "--broker", f"{ACTIVEMQ_TCP[0]}:{ACTIVEMQ_TCP[1]}"],
        cwd=NODE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        yield f"http://127.0.0.1:{ready['port']}{ready['prefix']}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def bench(target_key: str, n: int, reps: int, baseline_path: str | None = None) -> None:
    if target_key == "sockjs":
        with sockjs_relay() as url:
            print(f"SockJS relay at {url} (sockjs-node -> ActiveMQ {ACTIVEMQ_TCP[1]})", flush=True)
            _bench(target_key, n, reps, baseline_path, url)
    else:
        _bench(target_key, n, reps, baseline_path, None)


def _bench(target_key: str, n: int, reps: int, baseline_path: str | None, url: str | None) -> None:
    target = TARGETS[target_key]
    drainers = list(target.drainers)
    if baseline_path and target_key != "sockjs":
        drainers.insert(1, "base" if target_key == "activemq" else "base-ws")
    times: dict[str, list[float]] = {d: [] for d in drainers}
    for rep in range(reps):
        order = list(drainers)
        order = order[rep % len(order) :] + order[: rep % len(order)]  # alternate who goes first
        for kind in order:
            name = f"bench.drain.{kind}.{uuid.uuid4().hex[:8]}"
            if target_key in ("activemq", "sockjs"):
                asyncio.run(prefill(ACTIVEMQ_TCP, f"/queue/{name}", n, "/", None, None, {}))
                wait_depth(activemq_depth, name, n)
            else:
                # Durable queue: no persistent:false (that makes RabbitMQ queues exclusive).
                asyncio.run(prefill(RABBIT_TCP, f"/queue/{name}", n, "/", *RABBIT_AUTH, {}))
                wait_depth(rabbit_depth, name, n)
            seconds = run_drainer(kind, f"/queue/{name}", n, baseline_path, url)
            times[kind].append(seconds)
            print(
                f"  rep {rep + 1} {kind:8s} {seconds:7.3f} s  {n / seconds:9,.0f} msg/s", flush=True
            )
            try:
                (rabbit_remove if target_key == "rabbitmq-ws" else activemq_remove)(name)
            except Exception as exc:  # cleanup only
                print(f"  (could not remove {name}: {exc})")
    print(f"\n{target.name}: {n:,} messages of {len(BODY)} bytes, median of {reps}")
    base = n / statistics.median(times[target.baseline])
    rates = {kind: n / statistics.median(values) for kind, values in times.items()}
    best_base = n / min(times[target.baseline])
    for kind, rate in rates.items():
        best = n / min(times[kind])
        print(
            f"  {kind:8s} {rate:9,.0f} msg/s   {rate / base:5.2f}x {target.baseline}"
            f"   (best run {best:9,.0f} msg/s, {best / best_base:5.2f}x)"
        )
    if "stomppy" in rates:
        print(f"  ours / stomp-py = {rates['ours'] / rates['stomppy']:.2f}")
    for short, transport in SOCKJS_TRANSPORT.items():
        ours, theirs = f"ours-sockjs-{short}", f"stompjs-sockjs-{short}"
        if ours in rates:
            ratio = rates[ours] / rates[theirs]
            print(f"  SockJS {transport}: ours / stompjs = {ratio:.2f} msg/s (target >= 2)")
            if CPU.get(ours) and CPU.get(theirs):
                mine = statistics.median(CPU[ours]) / n * 1e6
                other = statistics.median(CPU[theirs]) / n * 1e6
                print(
                    f"    drainer CPU per message: ours {mine:.1f} us, stompjs {other:.1f} us "
                    f"(stompjs / ours = {other / mine:.2f})"
                )
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", choices=sorted(TARGETS))
    parser.add_argument("--drain-one", help=argparse.SUPPRESS)
    parser.add_argument("--queue", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument(
        "--baseline-path", help="a directory holding another `explorer` package to drain with too"
    )
    args = parser.parse_args()
    if args.drain_one:
        child(args)
        return
    for key in TARGETS:
        if args.only in (None, key):
            bench(key, args.n, args.reps, args.baseline_path)


if __name__ == "__main__":
    main()
