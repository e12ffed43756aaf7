"""The sockjs-node relay (tests/node/sockjs_relay.js) as a test helper: a real SockJS server
in front of ActiveMQ's STOMP port, one STOMP frame per SockJS message as Spring does.

    with sockjs_relay(heartbeat_ms=300) as base:        # http://127.0.0.1:PORT/stomp
        ...
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
SCRIPT = NODE_DIR / "sockjs_relay.js"


@contextmanager
def sockjs_relay(
    *,
    broker: str = "127.0.0.1:61613",
    heartbeat_ms: int = 25_000,
    websocket: bool = True,
    response_limit: int | None = None,
) -> Iterator[str]:
    """Start the relay on a free port; yield its SockJS base URL; stop it afterwards."""
    node = shutil.which("node")
    assert node, "Node.js is missing: scripts/test installs it"
    assert (NODE_DIR / "node_modules" / "sockjs").is_dir(), (
        "npm packages missing: run (cd tests/node && npm install)"
    )
    args = [node, str(SCRIPT), "--broker", broker, "--heartbeat-ms", str(heartbeat_ms)]
    if not websocket:
        args.append("--no-websocket")
    if response_limit is not None:
        args += ["--response-limit", str(response_limit)]
    process = subprocess.Popen(
        args,
        cwd=NODE_DIR,
        stdin=subprocess.PIPE,  # the relay stops when this closes (a test that dies)
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line, "the SockJS relay did not start (see tests/node/sockjs_relay.js)"
        ready = json.loads(line)
        yield f"http://127.0.0.1:{ready['port']}{ready['prefix']}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
