"""Bearer tokens: their sources (variable, command, keyring value), their placements
(CONNECT, handshake, query, cookie), a fresh token on every (re)connect, and the token
never shown: not in the wire tap, not in a URL, not in an error."""

from __future__ import annotations

import asyncio
import itertools
import sys
from pathlib import Path

import pytest

from explorer.client import (
    Client,
    Connected,
    ConnectionLost,
    ReconnectPolicy,
    SockJsError,
    SockJsOptions,
    TokenError,
    TokenOptions,
    TokenPlacement,
    TokenSource,
    WireRecord,
    parse_url,
)
from explorer.client.tokens import PlacedToken, place_token
from explorer.client.url import redact_url
from tests.unit.client.sockjs_peer import PeerConfig, sockjs_peer

SECRET = "eyJhbGciOi.s3cr3t.sig"


def py(code: str) -> str:
    """A shell command running `code` with this Python (portable quoting)."""
    return f'"{sys.executable}" -c "{code}"'


# -- sources ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_an_environment_variable_gives_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("S1_TOKEN", f"  {SECRET}\n")
    assert await TokenSource(env="S1_TOKEN").fetch() == SECRET


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "the token variable S1_TOKEN is not set"),
        ("  ", "is empty"),
        ("a\nb", "more than one line"),
    ],
)
async def test_a_bad_variable_is_said_without_the_token(
    monkeypatch: pytest.MonkeyPatch, value: str | None, words: str
) -> None:
    if value is None:
        monkeypatch.delenv("S1_TOKEN", raising=False)
    else:
        monkeypatch.setenv("S1_TOKEN", value)
    with pytest.raises(TokenError, match=words) as info:
        await TokenSource(env="S1_TOKEN").fetch()
    assert info.value.source == "env"


@pytest.mark.asyncio
async def test_a_command_gives_the_token_without_its_newline() -> None:
    assert await TokenSource(command=py(f"print('{SECRET}')")).fetch() == SECRET


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("code", "words"),
    [
        (
            f"import sys; print('{SECRET}'); "
            "sys.stderr.write('vault: permission denied\\n'); sys.exit(3)",
            "failed with exit code 3: vault: permission denied",
        ),
        ("pass", "the token command's output is empty"),
        (f"print('{SECRET}'); print('second')", "has more than one line"),
        ("import sys; sys.stdout.buffer.write(b'\\xff')", "printed bytes that are not UTF-8"),
    ],
)
async def test_a_failing_command_is_said_without_the_token(code: str, words: str) -> None:
    with pytest.raises(TokenError, match=words) as info:
        await TokenSource(command=py(code)).fetch()
    assert SECRET not in str(info.value) and info.value.source == "command"


@pytest.mark.asyncio
async def test_a_command_that_hangs_is_stopped() -> None:
    with pytest.raises(TokenError, match=r"did not finish within 0\.5 s"):
        await TokenSource(command=py("import time; time.sleep(30)"), timeout=0.5).fetch()


def test_a_source_needs_exactly_one_origin_and_hides_its_value() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        TokenSource(env="A", command="b")
    assert SECRET not in repr(TokenSource(value=SECRET))
    assert SECRET not in repr(place_token(TokenOptions(TokenSource(value="x")), SECRET))


# -- placements ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            TokenPlacement.CONNECT,
            PlacedToken(connect_headers=(("Authorization", f"Bearer {SECRET}"),)),
        ),
        (
            TokenPlacement.HANDSHAKE,
            PlacedToken(handshake_headers=(("Authorization", f"Bearer {SECRET}"),)),
        ),
        (TokenPlacement.QUERY, PlacedToken(query=(("access_token", SECRET),))),
        (TokenPlacement.COOKIE, PlacedToken(cookies=(("access_token", SECRET),))),
    ],
)
def test_default_names_and_prefixes_per_placement(
    options: TokenPlacement, expected: PlacedToken
) -> None:
    assert place_token(TokenOptions(TokenSource(value="x"), options), SECRET) == expected


def test_name_and_prefix_can_be_chosen() -> None:
    options = TokenOptions(TokenSource(value="x"), TokenPlacement.CONNECT, "X-Auth-Token", "")
    assert place_token(options, SECRET).connect_headers == (("X-Auth-Token", SECRET),)
    options = TokenOptions(TokenSource(value="x"), TokenPlacement.QUERY, "jwt", "Bearer ")
    assert place_token(options, SECRET).query == (("jwt", f"Bearer {SECRET}"),)


@pytest.mark.asyncio
async def test_a_connect_header_token_is_sent_and_shown_as_stars_in_the_wire_tap() -> None:
    records: list[WireRecord] = []
    token = TokenOptions(TokenSource(value=SECRET), TokenPlacement.CONNECT, "X-Token", "")
    async with sockjs_peer() as (url, peer):
        client = Client(url, token=token, wire_tap=records.append)
        await client.connect()
        await client.disconnect()
    assert f"\nX-Token:{SECRET}\n" in peer.seen.sent[0]
    connect = next(r for r in records if r.frame is not None and r.frame.command == "CONNECT")
    assert connect.frame is not None and connect.frame.header("X-Token") == "***"
    assert b"X-Token:***" in connect.data
    assert not any(SECRET.encode() in r.data for r in records)


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", ["websocket", "xhr-streaming", "xhr-polling"])
@pytest.mark.parametrize(
    "placement", [TokenPlacement.HANDSHAKE, TokenPlacement.QUERY, TokenPlacement.COOKIE]
)
async def test_handshake_query_and_cookie_tokens_go_with_every_request(
    transport: str, placement: TokenPlacement
) -> None:
    token = TokenOptions(TokenSource(value=SECRET), placement)
    async with sockjs_peer() as (url, peer):
        client = Client(url, token=token, sockjs=SockJsOptions(transport))
        await client.connect()
        await client.disconnect()
    assert len(peer.seen.requests) >= 2  # /info, the session (and its sends over HTTP)
    for (_, path), headers in zip(peer.seen.requests, peer.seen.headers, strict=True):
        if placement is TokenPlacement.HANDSHAKE:
            assert headers["authorization"] == f"Bearer {SECRET}"
        elif placement is TokenPlacement.QUERY:
            assert path.endswith(f"access_token={SECRET}") or f"access_token={SECRET}&" in path
        else:
            assert f"access_token={SECRET}" in headers["cookie"]


@pytest.mark.asyncio
async def test_a_query_token_is_not_in_a_url_or_error_shown() -> None:
    token = TokenOptions(TokenSource(value=SECRET), TokenPlacement.QUERY)
    async with sockjs_peer(PeerConfig(info="forbidden")) as (url, _):
        client = Client(url, token=token)
        with pytest.raises(SockJsError) as info:
            await client.connect()
    assert SECRET not in str(info.value) and SECRET not in client.endpoint.url()


def test_a_token_typed_into_the_url_is_shown_as_stars() -> None:
    endpoint = parse_url(f"https://app.example/ws?lang=ko&access_token={SECRET}")
    assert endpoint.url() == "https://app.example:443/ws?lang=ko&access_token=***"
    assert SECRET not in repr(Client(endpoint)) and SECRET not in repr(endpoint)


@pytest.mark.asyncio
async def test_a_token_command_runs_before_every_connect_and_reconnect(tmp_path: Path) -> None:
    counter = tmp_path / "n"
    counter.write_text("0")
    code = (
        "import pathlib; p = pathlib.Path(r'" + str(counter) + "'); n = int(p.read_text()) + 1; "
        "p.write_text(str(n)); print(f'token-{n}')"
    )
    token = TokenOptions(TokenSource(command=py(code)), TokenPlacement.CONNECT, "token", "")
    policy = ReconnectPolicy(delays=lambda: itertools.repeat(0.0), max_attempts=3)
    async with sockjs_peer() as (url, peer):
        client = Client(url, token=token, reconnect=policy, sockjs=SockJsOptions("websocket"))
        events = client.events()
        await client.connect()
        await peer.kick()
        connects = 0
        async with asyncio.timeout(20):
            async for event in events:
                if isinstance(event, Connected):
                    connects += 1
                    if connects == 2:
                        break
                assert not (isinstance(event, ConnectionLost) and not event.reconnecting)
        await client.disconnect()
    tokens = [
        line
        for s in peer.seen.sent
        if s.startswith("CONNECT")
        for line in s.split("\n")
        if line.startswith("token:")
    ]
    assert tokens == ["token:token-1", "token:token-2"]


@pytest.mark.asyncio
async def test_a_failing_token_command_fails_the_connect_in_a_sentence() -> None:
    token = TokenOptions(TokenSource(command=py("import sys; sys.exit(1)")))
    async with sockjs_peer() as (url, peer):
        with pytest.raises(TokenError, match="failed with exit code 1"):
            await Client(url, token=token).connect()
    assert peer.seen.requests == []  # nothing was sent without the token


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("wss://h/ws?lang=ko&access_token=abc", "wss://h/ws?lang=ko&access_token=***"),
        ("http://h:8080?token=x", "http://h:8080?token=***"),
        ("https://h/a?x=1", "https://h/a?x=1"),
        ("stomp://h:61613", "stomp://h:61613"),
    ],
)
def test_a_url_as_typed_is_shown_without_its_token(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_a_quick_connection_keeps_a_typed_token_working_but_never_shows_it() -> None:
    from explorer.profiles import profile_from_url

    profile = profile_from_url(f"wss://app.example/ws?access_token={SECRET}", name="quick")
    assert parse_url(profile.url).path == f"/ws?access_token={SECRET}"  # what is sent
    assert SECRET not in parse_url(profile.url).url()  # what is shown
