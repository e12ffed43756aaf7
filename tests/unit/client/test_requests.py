"""Frame building rules: CONNECT headers, ACK/NACK headers per version, passcode redaction."""

from __future__ import annotations

import pytest

from explorer.client import Message, NotSupported
from explorer.client.requests import ack_headers, connect_frame, header_tuple, redact
from explorer.stomp import Frame, Version


def test_connect_offers_versions_without_spaces_and_heartbeat() -> None:
    frame = connect_frame(("1.0", "1.1", "1.2"), "/", "u", "p", (5000, 0), (("client-id", "c"),))
    assert frame.command == "CONNECT"
    assert frame.headers == (
        ("accept-version", "1.0,1.1,1.2"),
        ("host", "/"),
        ("login", "u"),
        ("passcode", "p"),
        ("heart-beat", "5000,0"),
        ("client-id", "c"),
    )


def test_a_1_0_only_offer_has_no_heartbeat_and_host_can_be_left_out() -> None:
    frame = connect_frame(("1.0",), None, None, None, (5000, 5000), use_stomp_command=True)
    assert frame.command == "STOMP"
    assert frame.headers == (("accept-version", "1.0"),)


def test_redact_replaces_every_passcode_and_nothing_else() -> None:
    frame = Frame("CONNECT", (("login", "u"), ("passcode", "a"), ("passcode", "b")))
    assert redact(frame).headers == (("login", "u"), ("passcode", "***"), ("passcode", "***"))
    plain = Frame("SEND", (("destination", "/queue/a"), ("passcode", "x")), b"passcode:x")
    assert redact(plain) is plain


def test_header_tuple_keeps_order_from_mappings_and_pairs() -> None:
    assert header_tuple({"b": "1", "a": "2"}) == (("b", "1"), ("a", "2"))
    assert header_tuple([("x", "1"), ("x", "2")]) == (("x", "1"), ("x", "2"))


MESSAGE = Message.from_frame(
    Frame(
        "MESSAGE",
        (
            ("destination", "/queue/a"),
            ("subscription", "s1"),
            ("message-id", "m1"),
            ("ack", "a1"),
            ("message-id", "ignored"),
        ),
    )
)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (Version.V1_2, [("id", "a1")]),
        (Version.V1_1, [("message-id", "m1"), ("subscription", "s1")]),
        (Version.V1_0, [("message-id", "m1")]),
    ],
)
def test_ack_headers_per_version(version: Version, expected: list[tuple[str, str]]) -> None:
    assert ack_headers(version, MESSAGE, "ACK", None) == expected
    assert ack_headers(version, MESSAGE, "ACK", "tx")[-1] == ("transaction", "tx")


def test_message_without_ids_cannot_be_acked() -> None:
    bare = Message.from_frame(Frame("MESSAGE", (("destination", "/queue/a"),)))
    with pytest.raises(NotSupported, match="no 'ack' header"):
        ack_headers(Version.V1_2, bare, "ACK", None)
    with pytest.raises(NotSupported, match="without a 'message-id'"):
        ack_headers(Version.V1_1, bare, "NACK", None)
