"""Issue 16, defect 6: nothing insecure happens without a word.

- `--insecure` (the flag, or a profile with verification off) prints a warning on stderr
  for the connection it makes; a verified connection prints none.
- Without a keyring, `send --profile` with no terminal refuses to send CONNECT without the
  profile's passcode and says how to give one (`--passcode-env`).
- `destinations --management http://...` warns when the password goes in clear text to a
  host that is not this machine (loopback: no warning).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.fake_servers import DroppingBroker
from tests.faults.pki import FaultCa
from tests.faults.test_tls_faults import tls_endpoint
from tests.support.sandbox import SandboxThread

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> FaultCa:
    return FaultCa(tmp_path_factory.mktemp("insecure-pki"))


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as running:
        yield running


async def cli(*args: str, config: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the command line in a process of its own (no terminal: stdin is /dev/null)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "explorer",
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "STOMP_EXPLORER_CONFIG_DIR": str(config), **(env or {})},
    )
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    text = err.decode()
    assert "Traceback" not in text, text
    return process.returncode, text


@pytest.mark.asyncio
async def test_insecure_flag_warns_for_the_connection_and_verified_tls_does_not(
    ca: FaultCa, tmp_path: Path
) -> None:
    untrusted = ca.server("untrusted", self_signed=True)
    async with tls_endpoint(untrusted) as port:
        url = f"stomp+ssl://127.0.0.1:{port}"
        code, err = await cli("send", url, "/queue/x", "--body", "x", "--insecure", config=tmp_path)
    assert code == 0, err
    assert (
        f"stomp-explorer: warning: the certificate of {url} is not verified (--insecure): "
        "anyone on the way can pose as the broker"
    ) in err
    assert "sent 1 message" in err

    trusted = ca.server("trusted")
    async with tls_endpoint(trusted) as port:
        url = f"stomp+ssl://127.0.0.1:{port}"
        ca_file = str(ca.files.cert)
        code, err = await cli(
            "send", url, "/queue/x", "--body", "x", "--ca-file", ca_file, config=tmp_path
        )
    assert code == 0, err
    assert "warning" not in err


@pytest.mark.asyncio
async def test_a_profile_without_verification_warns_too(ca: FaultCa, tmp_path: Path) -> None:
    untrusted = ca.server("untrusted-profile", self_signed=True)
    async with tls_endpoint(untrusted) as port:
        url = f"stomp+ssl://127.0.0.1:{port}"
        code, err = await cli("profiles", "add", "lab", "--url", url, "--insecure", config=tmp_path)
        assert code == 0, err
        code, err = await cli(
            "send", "--profile", "lab", "/queue/x", "--body", "x", config=tmp_path
        )
    assert code == 0, err
    assert f"the certificate of {url} is not verified (profile 'lab')" in err


@pytest.mark.asyncio
async def test_without_a_keyring_a_profile_passcode_is_never_silently_left_out(
    tmp_path: Path,
) -> None:
    with DroppingBroker(after_sends=1000) as broker:
        url = broker.url.replace("stomp://", "stomp://qa@")
        code, err = await cli(
            "profiles", "add", "staging", "--url", url, "--passcode-env", "PW",
            config=tmp_path, env={**NO_KEYRING, "PW": "secret"},
        )  # fmt: skip
        assert code == 0, err
        assert "the passcode was not saved" in err  # the profiles command said so already
        code, err = await cli(
            "send", "--profile", "staging", "/queue/x", "--body", "x",
            config=tmp_path, env=NO_KEYRING,
        )  # fmt: skip
        assert code == 2, err
        assert (
            "the passcode of profile 'staging' (login qa) is unavailable: no keyring is "
            "available here to read it from; give it with --passcode-env VAR"
        ) in err
        assert broker.connects == []  # no CONNECT went out without the passcode
        code, err = await cli(
            "send", "--profile", "staging", "/queue/x", "--body", "x", "--passcode-env", "PW",
            config=tmp_path, env={**NO_KEYRING, "PW": "secret"},
        )  # fmt: skip
        assert code == 0, err
        [connect] = broker.connects
        assert b"\nlogin:qa\n" in connect and b"\npasscode:secret\n" in connect


@pytest.mark.asyncio
async def test_management_password_over_plain_http_to_another_host_warns(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    env = {"PW": "secret"}
    common = ("destinations", sandbox.tcp_url, "--management-user", "u")
    code, err = await cli(
        *common, "--management-passcode-env", "PW", "--management", "http://mq.invalid:15672",
        "--timeout", "2", config=tmp_path, env=env,
    )  # fmt: skip
    assert code == 3, err  # mq.invalid does not resolve: the listing is partial
    assert (
        "stomp-explorer: warning: the RabbitMQ management password goes to "
        "http://mq.invalid:15672 over plain HTTP, readable by anyone on the way; use an "
        "https:// URL"
    ) in err
    for quiet in ("http://127.0.0.1:9/", "https://mq.invalid:15671"):
        code, err = await cli(
            *common, "--management-passcode-env", "PW", "--management", quiet,
            "--timeout", "2", config=tmp_path, env=env,
        )  # fmt: skip
        assert code == 3, err
        assert "warning" not in err
