"""TLS endpoints with an untrusted, a mismatched and an expired certificate: the client
refuses each with words that name the problem, and the command line exits 3 with one line.
A valid certificate from the same CA connects (so the refusals are about the certificate)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import ssl
import sys
from collections.abc import AsyncIterator

import pytest

from explorer.client import Client, TlsError, TlsOptions
from tests.faults.pki import NOW, CertFiles, FaultCa

CONNECTED = b"CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:fault-test\n\n\0"


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> FaultCa:
    return FaultCa(tmp_path_factory.mktemp("fault-pki"))


@contextlib.asynccontextmanager
async def tls_endpoint(cert: CertFiles) -> AsyncIterator[int]:
    """A TLS listener that answers CONNECT with CONNECTED (enough for a handshake test)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert.cert, cert.key)
    writers: set[asyncio.StreamWriter] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.add(writer)
        try:
            await reader.readuntil(b"\0")
            writer.write(CONNECTED)
            await writer.drain()
            await reader.read()  # until the client goes
        except (OSError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            writer.close()
            writers.discard(writer)

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    try:
        yield int(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        for writer in list(writers):
            writer.close()
        await server.wait_closed()


CASES = {
    "untrusted": ("self-signed certificate", {"self_signed": True}),
    "mismatched": ("not valid for '127.0.0.1'", {"hosts": ("broker.example.org",)}),
    "expired": (
        "certificate has expired",
        {"not_before": NOW - dt.timedelta(days=10), "not_after": NOW - dt.timedelta(days=2)},
    ),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("case", sorted(CASES))
async def test_a_bad_certificate_is_refused_with_words_that_name_it(ca: FaultCa, case: str) -> None:
    words, options = CASES[case]
    cert = ca.server(case, **options)  # type: ignore[arg-type]
    async with tls_endpoint(cert) as port:
        client = Client(f"stomp+ssl://127.0.0.1:{port}", tls=TlsOptions(ca_file=str(ca.files.cert)))
        with pytest.raises(TlsError) as info:
            await client.connect()
    text = str(info.value)
    assert "certificate verification failed for host 127.0.0.1" in text
    assert words in text
    assert "--ca-file or --insecure" in text


@pytest.mark.asyncio
async def test_a_valid_certificate_of_the_same_ca_connects(ca: FaultCa) -> None:
    cert = ca.server("valid")
    async with tls_endpoint(cert) as port:
        client = Client(f"stomp+ssl://127.0.0.1:{port}", tls=TlsOptions(ca_file=str(ca.files.cert)))
        await client.connect()
        assert client.server == "fault-test"
        await client.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("case", sorted(CASES))
async def test_the_cli_exits_3_with_one_line(ca: FaultCa, case: str) -> None:
    words, options = CASES[case]
    cert = ca.server(f"cli-{case}", **options)  # type: ignore[arg-type]
    async with tls_endpoint(cert) as port:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "explorer",
            "send",
            f"stomp+ssl://127.0.0.1:{port}",
            "/queue/x",
            "--body",
            "x",
            "--ca-file",
            str(ca.files.cert),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _out, err = await asyncio.wait_for(process.communicate(), 60)
    text = err.decode()
    assert process.returncode == 3, text
    assert words in text and "Traceback" not in text
    assert text.count("\n") == 1
