"""ERROR frames and closes explained: real brokers' words (as seen on this machine or quoted
in the issues the table cites) find their entry; unknown words find none."""

from __future__ import annotations

import pytest

from explorer.broker.explain import (
    display_value,
    explain_close,
    explain_error,
    explain_text,
    explained,
)
from explorer.broker.explain_table import CLOSE_RULES, ERROR_RULES, CloseRule, ErrorRule
from explorer.client.sockjs_frames import describe_close
from explorer.stomp import Frame, Version

SPRING_DENIED = (
    "Failed to send message to ExecutorSubscribableChannel[clientInboundChannel]; nested "
    "exception is org.springframework.security.access.AccessDeniedException\\c Access is denied"
)


def _error(message: str, body: str = "") -> Frame:
    return Frame("ERROR", (("message", message),), body.encode())


@pytest.mark.parametrize(
    ("message", "body", "key"),
    [
        (SPRING_DENIED, "", "spring.access-denied"),
        (
            "The 'content-length' header 70000  exceeds the configured buffer size limit 65536",
            "",
            "spring.buffer-limit",
        ),
        ("Bad CONNECT", "Access refused for user 'guest'\n", "rabbitmq.access-refused"),
        ("Bad CONNECT", "Virtual host '127.0.0.1' access denied", "rabbitmq.vhost"),
        ("not_found", "NOT_FOUND - no queue 'doesnotexist' in vhost '/'", "rabbitmq.not-found"),
        (
            "Unknown destination",
            "'/bogus/x' is not a valid destination.\nValid destination types are: /temp-queue",
            "rabbitmq.unknown-destination",
        ),
        (
            "Unknown destination",
            "'/user/212/message' is not a valid destination.",
            "rabbitmq.user-destination",
        ),
        ("Duplicated subscription identifier", "", "stomp.duplicate-subscription"),
        (
            "Unexpected ACK received for message-id [null]",
            "org.apache.activemq.transport.stomp.ProtocolException: Unexpected ACK received",
            "activemq.unexpected-ack",
        ),
        ("No subscription matched.", "", "activemq.no-subscription"),
        ("SEND received without a Destination specified!", "", "stomp.no-destination"),
        ("AMQ229031: Unable to validate user from /127.0.0.1:1", "", "artemis.validate-user"),
        (
            "Failed to send message to ExecutorSubscribableChannel[clientInboundChannel]; "
            "nested exception is java.lang.IllegalStateException\\c no user",
            "",
            "spring.inbound-channel",
        ),
        ("io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024", "", "spring.token-expired"),
        ("Could not verify the provided CSRF token", "", "spring.csrf"),
    ],
)
def test_known_error_words_find_their_entry(message: str, body: str, key: str) -> None:
    explanation = explain_error(_error(message, body))
    assert explanation is not None and explanation.key == key


def test_unknown_words_have_no_explanation() -> None:
    assert explain_error(_error("something nobody has seen", "really")) is None
    assert explain_text("the connection was reset") is None


def test_spring_escapes_are_decoded_before_a_version_is_agreed() -> None:
    assert display_value(SPRING_DENIED, None).endswith("AccessDeniedException: Access is denied")
    assert display_value("a\\cb", Version.V1_0) == "a:b"
    # under 1.1/1.2 the parser decoded already: a backslash left is the broker's own
    assert display_value("C:\\new", Version.V1_2) == "C:\\new"


@pytest.mark.parametrize(
    ("code", "reason", "layer", "key"),
    [
        (1009, "", "websocket", "websocket.too-big"),
        (1011, "", "websocket", "websocket.server-error"),
        (1008, "Origin not allowed", "websocket", "websocket.policy"),
        (1006, "", "websocket", "websocket.abnormal"),
        (3000, "Go away!", "sockjs", "sockjs.go-away"),
        (2010, "Another connection still open", "sockjs", "sockjs.another-connection"),
        (1002, "Connection interrupted", "sockjs", "sockjs.interrupted"),
        (4500, "", "sockjs", "spring.session-not-reliable"),
        (1009, "", "sockjs", "websocket.too-big"),  # a WebSocket code passed on by SockJS
        # RabbitMQ Web-STOMP puts the STOMP error in the close reason
        (1000, "Access refused for user 'guest'", "websocket", "rabbitmq.access-refused"),
    ],
)
def test_close_codes(code: int, reason: str, layer: str, key: str) -> None:
    explanation = explain_close(code, reason, layer)
    assert explanation is not None and explanation.key == key


def test_a_normal_close_needs_no_explanation() -> None:
    assert explain_close(1000, "", "websocket") is None
    assert explain_close(None) is None


@pytest.mark.parametrize(
    ("code", "reason", "key"),
    [
        (3000, "Go away!", "sockjs.go-away"),
        (2010, "Another connection still open", "sockjs.another-connection"),
        (1002, "Connection interrupted", "sockjs.interrupted"),
        (4500, "", "spring.session-not-reliable"),
        (1009, "", "websocket.too-big"),
    ],
)
def test_close_codes_inside_the_clients_sockjs_words(code: int, reason: str, key: str) -> None:
    text = f"http://x/ws closed the connection ({describe_close(code, reason)})"
    found = explain_text(text)
    assert found is not None and found.key == key


def test_close_codes_inside_the_clients_websocket_words() -> None:
    found = explain_text("ws://x/ws closed the connection (close code 1011: internal error)")
    assert found is not None and found.key == "websocket.server-error"
    found = explain_text("the connection was lost: WebSocket close code 1009: message too big")
    assert found is not None and found.key == "websocket.too-big"


def test_the_command_line_layout() -> None:
    explanation = explain_close(1009)
    assert explained("the connection was lost", explanation) == (
        "the connection was lost — likely cause and fix: "
        + (explanation.sentence if explanation else "")
    )
    assert explained("plain", None) == "plain"


def test_every_entry_is_one_sentence_with_a_cause_and_a_fix_and_a_unique_key() -> None:
    rules: list[ErrorRule | CloseRule] = [*ERROR_RULES, *CLOSE_RULES]
    keys = [rule.key for rule in rules]
    assert len(keys) == len(set(keys))
    for rule in rules:
        assert rule.sentence.endswith(".") and ": " in rule.sentence, rule.key
        assert rule.source, rule.key
