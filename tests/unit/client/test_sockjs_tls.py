"""SockJS over https:// (and its WebSocket over wss://): the CA file, verification failures
said with what to do, --insecure."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from explorer.client import Client, SockJsOptions, TlsError, TlsOptions
from tests.faults.pki import FaultCa
from tests.unit.client.sockjs_peer import sockjs_peer


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> FaultCa:
    return FaultCa(tmp_path_factory.mktemp("sockjs-pki"))


def server_context(ca: FaultCa) -> ssl.SSLContext:
    files = ca.server("sockjs")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(files.cert, files.key)
    return context


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", ["websocket", "xhr-streaming", "xhr-polling"])
async def test_https_with_the_ca_file_over_each_transport(ca: FaultCa, transport: str) -> None:
    async with sockjs_peer(ssl_context=server_context(ca)) as (url, _):
        assert url.startswith("https://")
        client = Client(
            url, tls=TlsOptions(ca_file=str(ca.files.cert)), sockjs=SockJsOptions(transport)
        )
        await client.connect()
        assert client.transport_kind == f"sockjs-{transport}"
        await client.disconnect()


@pytest.mark.asyncio
async def test_an_unknown_ca_is_said_with_the_fix(ca: FaultCa, tmp_path: Path) -> None:
    async with sockjs_peer(ssl_context=server_context(ca)) as (url, _):
        with pytest.raises(TlsError) as info:
            await Client(url, connect_timeout=10).connect()
        text = str(info.value)
        assert "TLS certificate verification failed for host 127.0.0.1" in text
        assert "use --ca-file or --insecure" in text
        client = Client(url, tls=TlsOptions(insecure=True))
        await client.connect()
        await client.disconnect()
