"""TLS: a certificate authority, server and client certificates made by openssl in the test,
and a local TLS endpoint (an asyncio TLS proxy in front of ActiveMQ's STOMP port).

Verification succeeds with the CA file, fails clearly without it, and the explicit insecure
switch connects anyway; SNI/server name and client certificates with a passphrase work.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from explorer.client import Client, TlsError, TlsOptions
from tests.support.brokers import Broker, unique

pytestmark = pytest.mark.activemq

KEY_PASSPHRASE = "correct horse"


@dataclass(frozen=True)
class Pki:
    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path  # encrypted with KEY_PASSPHRASE


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    d = tmp_path_factory.mktemp("pki")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    openssl(
        "req",
        "-x509",
        *ec,
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=STOMP Explorer test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        cwd=d,
    )
    (d / "server.ext").write_text(
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
    )
    openssl(
        "req",
        *ec,
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
        cwd=d,
    )
    openssl(
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        cwd=d,
    )
    (d / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    openssl(
        "req",
        *ec,
        "-passout",
        f"pass:{KEY_PASSPHRASE}",
        "-keyout",
        "client.key",
        "-out",
        "client.csr",
        "-subj",
        "/CN=test client",
        cwd=d,
    )
    openssl(
        "x509",
        "-req",
        "-in",
        "client.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "client.pem",
        "-days",
        "2",
        "-extfile",
        "client.ext",
        cwd=d,
    )
    return Pki(d / "ca.pem", d / "server.pem", d / "server.key", d / "client.pem", d / "client.key")


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()


@dataclass
class TlsProxy:
    port: int

    def url(self, host: str = "127.0.0.1") -> str:
        return f"stomp+ssl://{host}:{self.port}"


async def start_proxy(
    context: ssl.SSLContext, target: Broker
) -> tuple[asyncio.Server, set[asyncio.Task[None]]]:
    tasks: set[asyncio.Task[None]] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        tasks.add(task)
        try:
            up_reader, up_writer = await asyncio.open_connection(target.host, target.stomp_port)
        except OSError:
            writer.close()
            return
        try:
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        finally:
            for w in (writer, up_writer):
                with contextlib.suppress(Exception):
                    await w.wait_closed()
            tasks.discard(task)

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    return server, tasks


def server_context(pki: Pki, require_client_cert: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pki.server_cert, pki.server_key)
    if require_client_cert:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(pki.ca)
    return context


async def _proxy(pki: Pki, broker: Broker, require_client_cert: bool) -> AsyncIterator[TlsProxy]:
    server, tasks = await start_proxy(server_context(pki, require_client_cert), broker)
    try:
        yield TlsProxy(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        for task in list(tasks):
            task.cancel()
        for task in list(tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await server.wait_closed()


@pytest_asyncio.fixture
async def proxy(pki: Pki, activemq: Broker) -> AsyncIterator[TlsProxy]:
    async for value in _proxy(pki, activemq, require_client_cert=False):
        yield value


@pytest_asyncio.fixture
async def mtls_proxy(pki: Pki, activemq: Broker) -> AsyncIterator[TlsProxy]:
    async for value in _proxy(pki, activemq, require_client_cert=True):
        yield value


async def round_trip(client: Client) -> None:
    await client.connect()
    try:
        destination = f"/queue/{unique('tls')}"
        sub = await client.subscribe(destination, receipt=True)
        await client.send(destination, "안녕 over TLS", receipt=True)
        assert (await sub.get(timeout=10)).body == "안녕 over TLS".encode()
    finally:
        await client.disconnect()


@pytest.mark.asyncio
async def test_verification_succeeds_with_the_ca_file(proxy: TlsProxy, pki: Pki) -> None:
    await round_trip(Client(proxy.url(), tls=TlsOptions(ca_file=str(pki.ca))))


@pytest.mark.asyncio
async def test_verification_fails_without_the_ca_file_with_a_clear_message(
    proxy: TlsProxy,
) -> None:
    client = Client(proxy.url())
    with pytest.raises(TlsError) as info:
        await client.connect()
    text = str(info.value)
    assert "TLS certificate verification failed for host 127.0.0.1" in text
    assert "--ca-file or --insecure" in text


@pytest.mark.asyncio
async def test_insecure_switch_connects_without_verification(proxy: TlsProxy) -> None:
    await round_trip(Client(proxy.url(), tls=TlsOptions(insecure=True)))


@pytest.mark.asyncio
async def test_server_name_is_what_the_certificate_must_match(proxy: TlsProxy, pki: Pki) -> None:
    await round_trip(
        Client(proxy.url(), tls=TlsOptions(ca_file=str(pki.ca), server_name="localhost"))
    )
    client = Client(proxy.url(), tls=TlsOptions(ca_file=str(pki.ca), server_name="other.example"))
    with pytest.raises(TlsError, match=r"other\.example"):
        await client.connect()


@pytest.mark.asyncio
async def test_client_certificate_with_passphrase(mtls_proxy: TlsProxy, pki: Pki) -> None:
    tls = TlsOptions(
        ca_file=str(pki.ca),
        cert_file=str(pki.client_cert),
        key_file=str(pki.client_key),
        key_password=KEY_PASSPHRASE,
    )
    await round_trip(Client(mtls_proxy.url(), tls=tls))


def test_wrong_key_passphrase_is_reported_with_the_file(pki: Pki) -> None:
    tls = TlsOptions(
        cert_file=str(pki.client_cert), key_file=str(pki.client_key), key_password="wrong"
    )
    with pytest.raises(TlsError, match=r"cannot load the client certificate .*client\.pem"):
        tls.context()


@pytest.mark.asyncio
async def test_cli_exit_code_3_and_hint_when_the_certificate_is_not_trusted(
    proxy: TlsProxy, pki: Pki
) -> None:
    async def send(*extra: str) -> tuple[int, str]:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "explorer",
            "send",
            proxy.url(),
            f"/queue/{unique('tls')}",
            "--body",
            "x",
            "--receipt",
            *extra,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _out, err = await process.communicate()
        assert process.returncode is not None
        return process.returncode, err.decode()

    code, err = await send()
    assert code == 3
    assert "certificate verification failed" in err and "--ca-file" in err
    assert "Traceback" not in err
    code, err = await send("--ca-file", str(pki.ca))
    assert code == 0, err
    code, err = await send("--insecure")
    assert code == 0, err


@pytest.mark.asyncio
async def test_wss_verifies_with_the_ca_file_and_fails_clearly_without(pki: Pki) -> None:
    from websockets.asyncio.server import ServerConnection, serve
    from websockets.typing import Subprotocol

    async def handler(ws: ServerConnection) -> None:
        async for msg in ws:
            if isinstance(msg, str) and msg.startswith("CONNECT"):
                await ws.send("CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0")

    async with serve(
        handler, "127.0.0.1", 0, ssl=server_context(pki), subprotocols=[Subprotocol("v12.stomp")]
    ) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        url = f"wss://localhost:{port}/stomp"
        client = Client(url, tls=TlsOptions(ca_file=str(pki.ca)))
        await client.connect()
        assert client.connected
        await client.close()
        with pytest.raises(TlsError, match="verification failed for host localhost"):
            await Client(url).connect()
