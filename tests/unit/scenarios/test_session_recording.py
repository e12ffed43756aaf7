"""SessionRecording: a session sink that turns what happened on a connection into a scenario."""

from __future__ import annotations

import yaml

from explorer.scenarios import parse_scenario
from explorer.scenarios.model import Expect, Send, Subscribe
from explorer.scenarios.session_recording import SessionRecording
from explorer.session.subscriptions import LiveSubscription, SubscriptionSpec
from explorer.store import IN, OUT, LogEntry


def live(sub_id: str, destination: str, *headers: tuple[str, str]) -> LiveSubscription:
    return LiveSubscription(sub_id, SubscriptionSpec(destination, "auto", tuple(headers)))


def message(sub_id: str, destination: str, body: str, *headers: tuple[str, str]) -> LogEntry:
    return LogEntry(
        IN,
        "MESSAGE",
        (
            ("destination", destination),
            ("subscription", sub_id),
            ("message-id", "ID:1"),
            *headers,
        ),
        body.encode(),
    )


def sent(destination: str, body: str, *headers: tuple[str, str]) -> LogEntry:
    return LogEntry(OUT, "SEND", (("destination", destination), *headers), body.encode())


def test_open_subscriptions_sends_and_messages_become_steps_in_order() -> None:
    inbox = "/topic/notifications.user.1001"
    recording = SessionRecording({inbox: live("sub-0", inbox, ("selector", "kind = 'order'"))})
    recording.on_entries(
        [
            sent(
                "/queue/orders",
                '{"order": 7}',
                ("content-type", "application/json"),
                ("receipt", "r-1"),
            ),
            message("sub-0", inbox, '{"user": 1001}', ("content-type", "application/json")),
            LogEntry(IN, "RECEIPT", (("receipt-id", "r-1"),)),
        ]
    )
    assert (recording.sent, recording.received, recording.empty) == (1, 1, False)
    [subscription] = recording.subscriptions()
    assert (subscription.id, subscription.destination, subscription.messages) == (
        "user-1001",
        inbox,
        1,
    )
    text = recording.scenario("recorded", connection="stomp://127.0.0.1:61613")
    scenario = parse_scenario(text, "recorded.yaml")
    subscribe, send, expect = scenario.steps
    assert isinstance(subscribe, Subscribe) and subscribe.id == "user-1001"
    assert [(k, v.value) for k, v in subscribe.headers] == [("selector", "kind = 'order'")]
    assert isinstance(send, Send) and send.receipt and send.destination.value == "/queue/orders"
    assert [(k, v.value) for k, v in send.headers] == [("content-type", "application/json")]
    assert isinstance(expect, Expect) and expect.subscription == "user-1001"
    document = yaml.safe_load(text)
    assert document["connection"] == "stomp://127.0.0.1:61613"
    assert document["steps"][2]["expect"]["body"] == {"json": {"$": {"user": 1001}}}
    assert "message-id" not in document["steps"][2]["expect"].get("headers", {})


def test_a_subscription_opened_while_recording_is_a_step_where_it_happened() -> None:
    recording = SessionRecording()
    recording.on_entries([sent("/queue/a", "first")])
    recording.on_subscriptions({"/queue/a": live("sub-3", "/queue/a")})
    recording.on_subscriptions({"/queue/a": live("sub-3", "/queue/a")})  # seen once
    recording.on_entries([message("sub-3", "/queue/a", "first")])
    kinds = [step.kind for step in parse_scenario(recording.scenario("x"), "x.yaml").steps]
    assert kinds == ["send", "subscribe", "expect"]


def test_left_out_subscriptions_lose_their_step_and_messages() -> None:
    recording = SessionRecording(
        {
            "/topic/demo.prices": live("sub-0", "/topic/demo.prices"),
            "/queue/a": live("sub-1", "/queue/a"),
        }
    )
    recording.on_entries(
        [
            message("sub-0", "/topic/demo.prices", "price 1"),
            message("sub-0", "/topic/demo.prices", "price 2"),
            sent("/queue/a", "hello"),
            message("sub-1", "/queue/a", "hello"),
            message("elsewhere", "/queue/typed", "from a SUBSCRIBE typed in the composer"),
        ]
    )
    counts = {s.id: (s.messages, s.suggested) for s in recording.subscriptions()}
    # Older subscriptions are suggested only when the user sent to them.
    assert counts == {"prices": (2, False), "queue-a": (1, True), "/queue/typed": (1, True)}
    text = recording.scenario("x", leave_out={"prices", "/queue/typed"})
    steps = parse_scenario(text, "x.yaml").steps
    assert [step.kind for step in steps] == ["subscribe", "send", "expect"]
    assert "demo.prices" not in text and "typed" not in text


def test_ids_are_unique_and_readable() -> None:
    recording = SessionRecording(
        {
            "/queue/orders": live("s1", "/queue/orders"),
            "/topic/orders": live("s2", "/topic/orders"),
            "/topic/a.b": live("s3", "/topic/a.b"),
        }
    )
    assert [s.id for s in recording.subscriptions()] == ["orders", "orders-2", "a-b"]
