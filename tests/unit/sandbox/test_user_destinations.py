"""Spring-style behaviour of the sandbox: user destinations (`/user/queue/x` is a queue of one
session, `/user/{login}/queue/x` reaches every session of that login) and the simple broker's
`heart-beat:0,0` answer on request."""

from __future__ import annotations

import asyncio

import pytest

from explorer.sandbox import InvalidDestination, SandboxBroker
from explorer.sandbox.users import send_target, session_destination
from tests.support.sandbox import running_sandbox
from tests.unit.sandbox.rawclient import RawClient


async def _user(broker: SandboxBroker, login: str | None, destination: str) -> RawClient:
    client = await RawClient.open(broker.tcp_port)
    headers = {"login": login, "passcode": "x"} if login else {}
    await client.connect(**headers)
    await client.send("SUBSCRIBE", id="mine", destination=destination, receipt="ready")
    await client.receipt("ready")
    return client


@pytest.mark.asyncio
async def test_each_session_of_a_login_gets_the_message_as_the_destination_it_subscribed_to(
    sandbox_broker: SandboxBroker,
) -> None:
    alice_1 = await _user(sandbox_broker, "alice", "/user/queue/notices")
    alice_2 = await _user(sandbox_broker, "alice", "/user/queue/notices")
    bob = await _user(sandbox_broker, "bob", "/user/queue/notices")
    async with alice_1, alice_2, bob, await RawClient.open(sandbox_broker.tcp_port) as sender:
        await sender.connect()
        await sender.send("SEND", "앨리스".encode(), destination="/user/alice/queue/notices")
        await sender.send("SEND", b"bob", destination="/user/bob/queue/notices", receipt="sent")
        await sender.receipt("sent")

        for client in (alice_1, alice_2):
            message = await client.frame()
            assert message.body == "앨리스".encode()
            assert message.header("destination") == "/user/queue/notices"
            assert message.header("subscription") == "mine"
        message = await bob.frame()
        assert (message.body, message.header("destination")) == (b"bob", "/user/queue/notices")
        assert await alice_1.nothing_for(0.2)


@pytest.mark.asyncio
async def test_the_per_session_queue_is_a_real_queue_that_goes_away_with_its_session(
    sandbox_broker: SandboxBroker,
) -> None:
    client = await _user(sandbox_broker, None, "/user/queue/replies")
    connected_as = "session-1"
    resolved = f"/queue/replies-user{connected_as}"
    rows = {row.destination: row for row in sandbox_broker.snapshot()}
    assert rows[resolved].consumers == 1
    # Sent to the resolved name, the message keeps that name (no /user/ rewrite).
    sandbox_broker.publish(resolved, "direct")
    message = await client.frame()
    assert (message.body, message.header("destination")) == (b"direct", resolved)
    await client.send("DISCONNECT", receipt="bye")
    await client.receipt("bye")
    await client.closed_by_server()
    await client.close()
    for _ in range(100):  # the session detaches right after the connection closes
        if not sandbox_broker.sessions:
            break
        await asyncio.sleep(0.05)
    assert resolved not in {row.destination for row in sandbox_broker.snapshot()}


@pytest.mark.asyncio
async def test_a_message_waits_in_the_session_queue_until_the_user_subscribes(
    sandbox_broker: SandboxBroker,
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as carol:
        await carol.connect(login="carol", passcode="x")
        sandbox_broker_sender = await RawClient.open(sandbox_broker.tcp_port)
        async with sandbox_broker_sender as sender:
            await sender.connect()
            await sender.send("SEND", b"early", destination="/user/carol/queue/q", receipt="r")
            await sender.receipt("r")
            # nobody is called dave: dropped, as Spring drops it, and the sender is not told
            await sender.send("SEND", b"lost", destination="/user/dave/queue/q", receipt="r2")
            await sender.receipt("r2")
        await carol.send("SUBSCRIBE", id="s", destination="/user/queue/q")
        message = await carol.frame()
        assert (message.body, message.header("destination")) == (b"early", "/user/queue/q")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("destination", "words"),
    [
        ("/user/queue/x", "send to /user/<login>/queue/<name>"),
        ("/user/alice", "send to /user/<login>/queue/<name>"),
        ("/user/alice/elsewhere/x", "send to /user/<login>/queue/<name>"),
        ("/user/alice/topic/a.*", "send to /user/<login>/queue/<name>"),
    ],
)
async def test_a_send_to_a_malformed_user_destination_is_answered_with_the_form_to_use(
    sandbox_broker: SandboxBroker, destination: str, words: str
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SEND", b"x", destination=destination)
        (error,) = await client.closed_by_server()
        assert error.command == "ERROR"
        assert words in (error.header("message") or "")


@pytest.mark.asyncio
async def test_a_subscription_to_a_user_wildcard_is_refused(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="w", destination="/user/topic/a.*")
        (error,) = await client.closed_by_server()
        assert "user destinations cannot hold wildcards" in (error.header("message") or "")


def test_resolution_follows_spring_naming() -> None:
    assert session_destination("/user/queue/x", "s1") == "/queue/x-users1"
    assert session_destination("/user/topic/news", "s1") == "/topic/news-users1"
    assert send_target("/user/alice/queue/x") == ("alice", "/user/queue/x")
    assert send_target("/user/bob@example.com/topic/a.b") == ("bob@example.com", "/user/topic/a.b")
    with pytest.raises(InvalidDestination, match="/user/queue/<name> or /user/topic/<name>"):
        session_destination("/user/elsewhere", "s1")


@pytest.mark.asyncio
async def test_heart_beats_off_answers_zero_like_springs_simple_broker() -> None:
    async with running_sandbox(heartbeats_off=True) as broker:
        client = await RawClient.open(broker.tcp_port)
        async with client:
            connected = await client.connect(heart_beat="1000,1000")
            assert connected.header("heart-beat") == "0,0"


@pytest.mark.asyncio
async def test_a_bearer_token_in_connect_names_the_user(sandbox_broker: SandboxBroker) -> None:
    dave = await RawClient.open(sandbox_broker.tcp_port)
    async with dave, await RawClient.open(sandbox_broker.tcp_port) as sender:
        await dave.connect(authorization="Bearer dave")
        await dave.send("SUBSCRIBE", id="n", destination="/user/queue/n", receipt="ready")
        await dave.receipt("ready")
        await sender.connect()
        await sender.send("SEND", b"hi dave", destination="/user/dave/queue/n")
        message = await dave.frame()
        assert (message.body, message.header("destination")) == (b"hi dave", "/user/queue/n")
