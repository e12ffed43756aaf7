"""Frames from the STOMP 1.2 specification (`^@` stands for NUL, as in the spec)."""

from __future__ import annotations

from explorer.stomp import Command, Frame


def wire(text: str) -> bytes:
    return text.replace("^@", "\0").encode()


_ERROR_BODY = (
    "The message:\n-----\nMESSAGE\ndestined:/queue/a\nreceipt:message-12345\n\n"
    "Hello queue a!\n-----\nDid not contain a destination header, which is REQUIRED\n"
    "for message propagation.\n"
)

# (name, wire bytes, the frame the parser must produce, which side sends it)
SPEC_SAMPLES: list[tuple[str, bytes, Frame, str]] = [
    (
        "connect",
        wire("CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n^@"),
        Frame(Command.CONNECT, (("accept-version", "1.2"), ("host", "stomp.github.org"))),
        "client",
    ),
    (
        "connected",
        wire("CONNECTED\nversion:1.2\n\n^@"),
        Frame(Command.CONNECTED, (("version", "1.2"),)),
        "server",
    ),
    (
        "send",
        wire("SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\n^@"),
        Frame(
            Command.SEND,
            (("destination", "/queue/a"), ("content-type", "text/plain")),
            b"hello queue a\n",
        ),
        "client",
    ),
    (
        "subscribe",
        wire("SUBSCRIBE\nid:0\ndestination:/queue/foo\nack:client\n\n^@"),
        Frame(Command.SUBSCRIBE, (("id", "0"), ("destination", "/queue/foo"), ("ack", "client"))),
        "client",
    ),
    (
        "begin-commit",
        wire("BEGIN\ntransaction:tx1\n\n^@"),
        Frame(Command.BEGIN, (("transaction", "tx1"),)),
        "client",
    ),
    (
        "ack",
        wire("ACK\nid:12345\ntransaction:tx1\n\n^@"),
        Frame(Command.ACK, (("id", "12345"), ("transaction", "tx1"))),
        "client",
    ),
    (
        "disconnect",
        wire("DISCONNECT\nreceipt:77\n\n^@"),
        Frame(Command.DISCONNECT, (("receipt", "77"),)),
        "client",
    ),
    (
        "message",
        wire(
            "MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\n"
            "content-type:text/plain\n\nhello queue a^@"
        ),
        Frame(
            Command.MESSAGE,
            (
                ("subscription", "0"),
                ("message-id", "007"),
                ("destination", "/queue/a"),
                ("content-type", "text/plain"),
            ),
            b"hello queue a",
        ),
        "server",
    ),
    (
        "receipt",
        wire("RECEIPT\nreceipt-id:message-12345\n\n^@"),
        Frame(Command.RECEIPT, (("receipt-id", "message-12345"),)),
        "server",
    ),
    (
        "error",
        wire(
            "ERROR\nreceipt-id:message-12345\ncontent-type:text/plain\ncontent-length:170\n"
            "message:malformed frame received\n\n" + _ERROR_BODY + "^@"
        ),
        Frame(
            Command.ERROR,
            (
                ("receipt-id", "message-12345"),
                ("content-type", "text/plain"),
                ("content-length", "170"),
                ("message", "malformed frame received"),
            ),
            _ERROR_BODY.encode(),
        ),
        "server",
    ),
    (
        "version-error",
        wire(
            "ERROR\nversion:1.2,2.1\ncontent-type:text/plain\n\n"
            "Supported protocol versions are 1.2 2.1^@"
        ),
        Frame(
            Command.ERROR,
            (("version", "1.2,2.1"), ("content-type", "text/plain")),
            b"Supported protocol versions are 1.2 2.1",
        ),
        "server",
    ),
    (
        "repeated-header",
        wire("MESSAGE\nfoo:World\nfoo:Hello\n\n^@"),
        Frame(Command.MESSAGE, (("foo", "World"), ("foo", "Hello"))),
        "server",
    ),
]
