"""Running the bundle in tests: its executable, its sandbox, and Python code inside it.

A frozen bundle has no `python -c`. But its launcher calls `multiprocessing.freeze_support()`,
so `stomp-explorer --multiprocessing-fork pipe_handle=N` becomes a multiprocessing child that
unpickles its job from file descriptor N: the same way the capture writer's child starts.
`run_in_bundle` hands it a pickle that executes a script, so the script runs on the bundle's
own interpreter, modules and Qt plugins; anything the bundle lacks fails there as it would
for a user.
"""

from __future__ import annotations

import os
import pickle
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def executable(bundle: Path) -> Path:
    return bundle / "stomp-explorer"


def run_bundled(
    bundle: Path, *args: str, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the bundle's executable from a directory away from the checkout."""
    return subprocess.run(
        [str(executable(bundle)), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=bundle.parent,
        env=env,
    )


class _Exec:
    """Unpickles as `exec(source, namespace)`: how the script gets into the frozen child."""

    def __init__(self, source: str, namespace: dict[str, Any]) -> None:
        self.source = source
        self.namespace = namespace

    def __reduce__(self) -> tuple[Any, tuple[str, dict[str, Any]]]:
        return exec, (self.source, self.namespace)


def run_in_bundle(
    bundle: Path,
    script: Path,
    arguments: dict[str, str],
    *,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `script` inside the bundle (see the module docstring) with `ARGUMENTS` set to
    `arguments` in its globals; the script ends the process itself (SystemExit)."""
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        [str(executable(bundle)), "--multiprocessing-fork", f"pipe_handle={read_fd}"],
        pass_fds=(read_fd,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=bundle.parent,
        env=env,
    )
    os.close(read_fd)
    namespace = {"__name__": "__bundle_script__", "ARGUMENTS": arguments}
    with os.fdopen(write_fd, "wb") as pipe:
        pickle.dump(_Exec(script.read_text(encoding="utf-8"), namespace), pipe)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate(timeout=10)
        raise AssertionError(
            f"{script.name} ran past {timeout} s in the bundle:\n{stderr}"
        ) from None
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Sandbox:
    """The bundled `stomp-explorer sandbox` in the background."""

    port: int
    ws_port: int

    @property
    def url(self) -> str:
        return f"stomp://127.0.0.1:{self.port}"

    @property
    def sockjs_url(self) -> str:
        return f"http://127.0.0.1:{self.ws_port}/sockjs"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.ws_port}/ws"


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@contextmanager
def bundled_sandbox(bundle: Path, log_path: Path) -> Iterator[Sandbox]:
    """Start the bundle's sandbox; on exit stop it with Ctrl+C, as users do, and check that
    it exits 0 (a frozen executable must handle SIGINT cleanly too)."""
    sandbox = Sandbox(port=free_port(), ws_port=free_port())
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                str(executable(bundle)),
                "sandbox",
                "--port",
                str(sandbox.port),
                "--ws-port",
                str(sandbox.ws_port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=bundle.parent,
        )
        try:
            deadline = time.monotonic() + 30
            while not (_listening(sandbox.port) and _listening(sandbox.ws_port)):
                assert server.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "the bundled sandbox did not listen in 30 s"
                time.sleep(0.1)
            yield sandbox
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
    assert server.returncode == 0, log_path.read_text()
