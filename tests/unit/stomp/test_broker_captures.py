"""Byte streams captured from the real brokers of the test rig (ActiveMQ 5.17.2 and RabbitMQ
3.10.8, STOMP 1.2 over TCP): CONNECTED with raw colons, escaped MESSAGE headers, RabbitMQ's raw
colon in a MESSAGE's message-id, bodies with NULs, ERROR frames, `\\0\\n` after every frame."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from explorer.stomp import HEARTBEAT, Command, Frame, FrameParser, Version

from .helpers import Items, bytewise, frames, whole

Parse = Callable[[bytes], Items]

ACTIVEMQ_TRACE = (
    b"org.apache.activemq.transport.stomp.ProtocolException: SEND received without a Destination"
    b" specified!\n"
    b"\tat org.apache.activemq.transport.stomp.ProtocolConverter.onStompSend(ProtocolConverter"
    b".java:325)\n"
    b"\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
)  # shortened: the broker sends the whole stack trace

ACTIVEMQ = (
    b"CONNECTED\nserver:ActiveMQ/5.17.2\nheart-beat:0,0\n"
    b"session:ID:vm-44631-1795555747001-3:457\nversion:1.2\n\n\x00\n"
    b"RECEIPT\nreceipt-id:sub-1\n\n\x00\n"
    b"MESSAGE\nnote:a\\cb\\\\c\ncontent-length:8\nexpires:0\ndestination:/queue/codec-capture\n"
    b"subscription:s\\c1\npriority:4\nmessage-id:ID\\cvm-44631-1795555747001-3\\c457\\c-1\\c1\\c1\n"
    b"timestamp:1795556996670\n\nhi\x00there\x00\n"
    b"ERROR\ncontent-type:text/plain\nreceipt-id:bad-1\n"
    b"message:SEND received without a Destination specified!\n\n" + ACTIVEMQ_TRACE + b"\x00\n"
)

RABBITMQ = (
    b"CONNECTED\nserver:RabbitMQ/3.10.8\nsession:session-ERI1v8B-dLUeNzTL1mIhHg\n"
    b"heart-beat:0,0\nversion:1.2\n\n\x00\n"
    b"RECEIPT\nreceipt-id:sub-1\n\n\x00\n"
    b"ERROR\nmessage:Missing destination\ncontent-type:text/plain\nversion:1.0,1.1,1.2\n"
    b"content-length:43\n\n\"SEND\" must include a 'destination' header\n\x00\n"
    b"MESSAGE\nsubscription:s\\c1\ndestination:/queue/codec-capture\n"
    b"message-id:T_s:1@@session-ERI1v8B-dLUeNzTL1mIhHg@@1\nredelivered:false\nreceipt:send-1\n"
    b"note:a\\cb\\\\c\ncontent-length:8\n\nhi\x00there\x00\n"
)


@pytest.mark.parametrize("parse", [whole, bytewise])
def test_activemq_stream(parse: Parse) -> None:
    items = parse(ACTIVEMQ)
    assert items[1::2] == [HEARTBEAT] * 4  # every frame is followed by one EOL
    connected, receipt, message, error = frames(items)
    assert connected.command is Command.CONNECTED
    assert connected.header("session") == "ID:vm-44631-1795555747001-3:457"
    assert receipt == Frame(Command.RECEIPT, (("receipt-id", "sub-1"),))
    assert message.header("note") == "a:b\\c"
    assert message.header("subscription") == "s:1"
    assert message.header("message-id") == "ID:vm-44631-1795555747001-3:457:-1:1:1"
    assert message.body == b"hi\x00there"
    assert error.header("message") == "SEND received without a Destination specified!"
    assert error.body == ACTIVEMQ_TRACE


@pytest.mark.parametrize("parse", [whole, bytewise])
def test_rabbitmq_stream(parse: Parse) -> None:
    items = parse(RABBITMQ)
    connected, _, error, message = frames(items)
    assert connected.header("version") == "1.2"
    assert error.body == b"\"SEND\" must include a 'destination' header\n"
    assert error.header("version") == "1.0,1.1,1.2"
    assert message.header("message-id") == "T_s:1@@session-ERI1v8B-dLUeNzTL1mIhHg@@1"
    assert message.header("subscription") == "s:1"
    assert message.header("note") == "a:b\\c"
    assert message.body == b"hi\x00there"


def test_client_parser_learns_the_version_from_connected() -> None:
    parser = FrameParser()
    parser.feed(RABBITMQ[:40])
    assert parser.version is None
    parser.feed(RABBITMQ[40:])
    assert parser.version is Version.V1_2


def test_rabbitmq_escapes_even_in_1_0_sessions() -> None:
    # Captured with accept-version:1.0: RabbitMQ still writes `\c` for a colon. A 1.0 parser
    # keeps it literally (the spec's rule); resetting parser.version to None decodes it.
    stream = b"MESSAGE\nsubscription:0\nx-test:plain\\ccolon\ncontent-length:1\n\nx\x00\n"
    assert frames(whole(stream, version=Version.V1_0))[0].header("x-test") == "plain\\ccolon"
    assert frames(whole(stream, version=None))[0].header("x-test") == "plain:colon"
