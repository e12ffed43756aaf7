"""The sans-I/O connections: every transition of the table, negotiation, receipts, ERRORs,
heart-beat deadlines on a fake clock, sticky errors, and random operation orders."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.stomp import (
    HEARTBEAT,
    TRANSITIONS,
    ClientConnection,
    Command,
    Connection,
    ConnectionState,
    ConnectRefused,
    ConnectRequested,
    Established,
    Frame,
    FrameError,
    InvalidState,
    PeerSilent,
    ReceiptsFailed,
    Received,
    Role,
    ServerConnection,
    StompError,
    Strictness,
    Trigger,
    UnexpectedFrame,
    Version,
    VersionMismatch,
    Violation,
    negotiate_version,
    serialize,
)

S = ConnectionState
T = Trigger
CONNECT = Frame(Command.CONNECT, (("accept-version", "1.0,1.1,1.2"), ("heart-beat", "1000,2000")))
CONNECTED = b"CONNECTED\nversion:1.2\nheart-beat:3000,500\n\n\0"
MESSAGE = b"MESSAGE\nsubscription:1\nmessage-id:m\ndestination:/queue/a\n\nhi\0"


def receipt(receipt_id: str) -> bytes:
    return f"RECEIPT\nreceipt-id:{receipt_id}\n\n\0".encode()


def state_of(conn: Connection) -> ConnectionState:
    """The state, read through a call so that the type checker does not narrow it."""
    return conn.state


def frames(events: list[Received]) -> list[str]:
    return [str(e.command) for e in events if isinstance(e, Frame)]


# -- bringing a connection into a state, and firing a trigger ------------------------------------


def client_in(state: ConnectionState) -> ClientConnection:
    """A client connection in `state`, with nothing left to read or to send."""
    conn = _client_in(state)
    conn.events_received()
    conn.data_to_send(0.0)
    return conn


def _client_in(state: ConnectionState) -> ClientConnection:
    conn = ClientConnection()
    if state is S.IDLE:
        return conn
    conn.connect(CONNECT)
    if state is S.CONNECTING:
        return conn
    conn.receive_data(CONNECTED, 0.0)
    if state is S.CONNECTED:
        return conn
    conn.disconnect("bye")
    if state is S.DISCONNECTING:
        return conn
    conn.receive_data(receipt("bye"), 0.0)
    assert conn.state is S.CLOSED
    return conn


def server_in(state: ConnectionState) -> ServerConnection:
    """A server connection in `state`, with nothing left to read (or to send, once past
    CONNECTING)."""
    conn = _server_in(state)
    if state is not S.CONNECTING:
        conn.events_received()
    conn.data_to_send(0.0)
    return conn


def _server_in(state: ConnectionState) -> ServerConnection:
    conn = ServerConnection()
    if state is S.IDLE:
        return conn
    conn.receive_data(serialize(CONNECT), 0.0)
    if state is S.CONNECTING:
        return conn
    if state is S.CLOSED:
        conn.send_error("go away")
        return conn
    conn.accept()
    assert state is S.CONNECTED
    return conn


CLIENT_TRIGGERS: dict[Trigger, Callable[[ClientConnection], None]] = {
    T.SEND_CONNECT: lambda c: c.connect(CONNECT),
    T.SEND_FRAME: lambda c: c.send_frame(Frame(Command.SEND, (("destination", "/queue/a"),))),
    T.SEND_DISCONNECT: lambda c: c.disconnect("again"),
    T.RECEIVE_CONNECTED: lambda c: c.receive_data(CONNECTED, 0.0),
    T.RECEIVE_FRAME: lambda c: c.receive_data(MESSAGE, 0.0),
    T.RECEIVE_ERROR: lambda c: c.receive_data(b"ERROR\nmessage:no\n\n\0", 0.0),
    T.RECEIVE_DISCONNECT_RECEIPT: lambda c: c.receive_data(receipt("bye"), 0.0),
    T.RECEIVE_EOF: lambda c: c.receive_eof(),
}
SERVER_TRIGGERS: dict[Trigger, Callable[[ServerConnection], None]] = {
    T.RECEIVE_CONNECT: lambda c: c.receive_data(serialize(CONNECT), 0.0),
    T.SEND_CONNECTED: lambda c: c.accept(),
    T.SEND_FRAME: lambda c: c.send_frame(Frame(Command.RECEIPT, (("receipt-id", "1"),))),
    T.RECEIVE_FRAME: lambda c: c.receive_data(b"SEND\ndestination:/queue/a\n\nx\0", 0.0),
    T.SEND_ERROR: lambda c: c.send_error("bad"),
    T.RECEIVE_EOF: lambda c: c.receive_eof(),
}
RECEIVES = {t for t in Trigger if t.name.startswith("RECEIVE_") and t is not T.RECEIVE_EOF}


def cases(role: Role, triggers: Iterable[Trigger]) -> list[tuple[S, Trigger]]:
    return [(state, trigger) for state in TRANSITIONS[role] for trigger in triggers]


@pytest.mark.parametrize(("state", "trigger"), cases(Role.CLIENT, CLIENT_TRIGGERS))
def test_every_client_transition(state: ConnectionState, trigger: Trigger) -> None:
    conn = client_in(state)
    expected = TRANSITIONS[Role.CLIENT][state].get(trigger)
    if trigger is T.RECEIVE_DISCONNECT_RECEIPT and state is not S.DISCONNECTING:
        expected = TRANSITIONS[Role.CLIENT][state].get(T.RECEIVE_FRAME)  # just a RECEIPT then
    if expected is not None:
        CLIENT_TRIGGERS[trigger](conn)
        assert conn.state is expected
    elif state is S.CLOSED and trigger in RECEIVES:
        CLIENT_TRIGGERS[trigger](conn)  # input after the end is ignored
        assert conn.state is S.CLOSED and conn.events_received() == []
    else:
        error = InvalidState if trigger.name.startswith("SEND_") else UnexpectedFrame
        with pytest.raises(error):
            CLIENT_TRIGGERS[trigger](conn)
        assert conn.state is state


@pytest.mark.parametrize(("state", "trigger"), cases(Role.SERVER, SERVER_TRIGGERS))
def test_every_server_transition(state: ConnectionState, trigger: Trigger) -> None:
    conn = server_in(state)
    expected = TRANSITIONS[Role.SERVER][state].get(trigger)
    if expected is not None:
        SERVER_TRIGGERS[trigger](conn)
        assert conn.state is expected
    elif state is S.CLOSED and trigger in RECEIVES:
        SERVER_TRIGGERS[trigger](conn)
        assert conn.state is S.CLOSED and conn.events_received() == []
    else:
        error = InvalidState if trigger.name.startswith("SEND_") else UnexpectedFrame
        with pytest.raises(error):
            SERVER_TRIGGERS[trigger](conn)
        assert conn.state is state


def test_the_table_names_only_known_states() -> None:
    for role, table in TRANSITIONS.items():
        for state, moves in table.items():
            assert set(moves.values()) <= set(table), (role, state)
        assert table[S.CLOSED] == {T.RECEIVE_EOF: S.CLOSED}


# -- the client: handshake, negotiation, ERROR, receipts ----------------------------------------


def test_client_handshake_negotiates_version_and_heart_beats() -> None:
    conn = ClientConnection()
    conn.connect(CONNECT)
    [data] = conn.data_to_send(0.0)
    assert data == serialize(CONNECT)
    conn.receive_data(CONNECTED + b"\n" + MESSAGE, 1.0)
    events = conn.events_received()
    assert isinstance(events[1], Established)
    assert events[1].version is Version.V1_2
    assert events[1].heartbeat == (1000, 3000)  # max(cx, sy), max(sx, cy)
    assert events[2:] == [HEARTBEAT, Frame(Command.MESSAGE, events[3].headers, b"hi")]  # type: ignore[union-attr]
    assert conn.version is Version.V1_2 and conn.heartbeat == (1000, 3000)


@pytest.mark.parametrize(
    ("connected", "version", "heartbeat"),
    [
        (b"CONNECTED\n\n\0", Version.V1_0, (0, 0)),  # no version: a 1.0 server, no beats
        (b"CONNECTED\nversion:1.1\n\n\0", Version.V1_1, (0, 0)),  # no heart-beat: 0,0
        (b"CONNECTED\nversion:1.2\nheart-beat:x\n\n\0", Version.V1_2, (0, 0)),  # broken: off
    ],
)
def test_client_handles_sparse_connected_frames(
    connected: bytes, version: Version, heartbeat: tuple[int, int]
) -> None:
    conn = ClientConnection()
    conn.connect(CONNECT)
    conn.receive_data(connected, 0.0)
    [_, established] = conn.events_received()
    assert established == Established(version, heartbeat, established.frame)  # type: ignore[union-attr]


def test_an_error_answering_connect_is_a_refusal() -> None:
    conn = client_in(S.CONNECTING)
    conn.receive_data(b"ERROR\nmessage:Bad CONNECT\n\nAccess refused\0MESSAGE\n\n\0", 0.0)
    events = conn.events_received()
    assert frames(events) == ["ERROR"]  # what follows a refusal is ignored
    assert events[1] == ConnectRefused(events[0])  # type: ignore[arg-type]
    assert conn.state is S.CLOSED


def test_frames_before_connected_are_handed_on() -> None:
    conn = client_in(S.CONNECTING)
    conn.receive_data(MESSAGE + CONNECTED, 0.0)
    assert frames(conn.events_received()) == ["MESSAGE", "CONNECTED"]
    assert conn.state is S.CONNECTED


def test_garbage_in_answer_to_connect_fails_even_when_lenient() -> None:
    conn = ClientConnection(strictness=Strictness.LENIENT)
    conn.connect(CONNECT)
    with pytest.raises(FrameError, match=re.escape("unknown command 'HTTP/1.1 400 Bad Request'")):
        conn.receive_data(b"HTTP/1.1 400 Bad Request\r\nServer: x\r\n\r\n\0", 0.0)


def test_lenient_reading_starts_with_the_frame_after_connected() -> None:
    conn = ClientConnection(strictness=Strictness.LENIENT)
    conn.connect(CONNECT)
    conn.receive_data(CONNECTED + b"FROB\n\n\0MESSAGE\nbad line\n\n\0" + MESSAGE, 0.0)
    events = conn.events_received()
    frob = events[2]
    assert isinstance(frob, Frame) and frob.violations[0].rule == "unexpected-command"
    assert isinstance(events[3], Violation) and events[3].rule == "bad-header-line"
    assert frames(events) == ["CONNECTED", "FROB", "MESSAGE"]


def test_receipts_are_pending_until_answered_failed_or_forgotten() -> None:
    conn = client_in(S.CONNECTED)
    for rid in ("r1", "r2", "r3", "r4"):
        conn.send_frame(Frame(Command.SEND, (("destination", "/q/a"), ("receipt", rid))))
    conn.send_frame(Frame(Command.SEND, (("destination", "/q/a"),)))
    assert list(conn.pending_receipts) == ["r1", "r2", "r3", "r4"]
    conn.receive_data(receipt("r2") + receipt("unknown"), 0.0)
    assert list(conn.pending_receipts) == ["r1", "r3", "r4"]
    conn.forget_receipt("r4")
    conn.forget_receipt("never")
    conn.receive_data(b"ERROR\nreceipt-id:r3\nmessage:no\n\n\0", 0.0)
    events = conn.events_received()
    assert isinstance(events[-1], ReceiptsFailed) and events[-1].receipt_ids == ("r3",)
    conn.send_frame(Frame(Command.SEND, (("destination", "/q/a"), ("receipt", "r5"))))
    conn.receive_data(b"ERROR\nmessage:Invalid destination\n\n\0", 0.0)  # names none: all
    events = conn.events_received()
    assert isinstance(events[-1], ReceiptsFailed) and events[-1].receipt_ids == ("r1", "r5")
    assert list(conn.pending_receipts) == []
    conn.receive_data(b"ERROR\nmessage:again\n\n\0", 0.0)  # nothing pending: no event
    assert frames(conn.events_received()) == ["ERROR"]
    assert conn.state is S.CONNECTED  # an ERROR does not end the connection


def test_disconnect_closes_on_its_receipt_and_messages_still_arrive_before() -> None:
    conn = client_in(S.CONNECTED)
    conn.disconnect("bye")
    assert conn.data_to_send(0.0) == [b"DISCONNECT\nreceipt:bye\n\n\0"]
    with pytest.raises(InvalidState, match="cannot send SEND while it is disconnecting"):
        conn.send_frame(Frame(Command.SEND, (("destination", "/q/a"),)))
    conn.receive_data(MESSAGE + receipt("bye") + MESSAGE, 0.0)
    assert frames(conn.events_received()) == ["MESSAGE", "RECEIPT"]
    assert conn.state is S.CLOSED


def test_send_frame_refuses_what_cannot_be_encoded_without_sending() -> None:
    conn = client_in(S.CONNECTED)
    conn.data_to_send(0.0)
    with pytest.raises(StompError):
        conn.send_frame(Frame(Command.SEND, (("", "x"), ("receipt", "r"))))
    assert conn.data_to_send(0.0) == [] and list(conn.pending_receipts) == []
    with pytest.raises(ValueError, match="connect\\(\\) sends CONNECT or STOMP, not SEND"):
        ClientConnection().connect(Frame(Command.SEND))


# -- the server ---------------------------------------------------------------------------------


def test_server_negotiates_at_connect_and_reads_pipelined_frames_with_that_version() -> None:
    conn = ServerConnection()
    pipelined = b"CONNECT\naccept-version:1.0\n\n\0SEND\ndestination:/q/a\nk:a\\nb\n\nx\0"
    conn.receive_data(pipelined, 0.0)
    events = conn.events_received()
    assert isinstance(events[1], ConnectRequested) and events[1].version is Version.V1_0
    send = events[2]
    assert isinstance(send, Frame) and send.header("k") == "a\\nb"  # 1.0: no escapes
    assert conn.version is None and conn.state is S.CONNECTING
    conn.accept(heart_beat=(500, 500), headers=[("server", "test/1"), ("session", "s-1")])
    assert conn.data_to_send(0.0) == [b"CONNECTED\nversion:1.0\nserver:test/1\nsession:s-1\n\n\0"]
    assert conn.heartbeat == (0, 0) and conn.version is Version.V1_0


def test_server_heart_beats_mirror_the_clients_view() -> None:
    conn = server_in(S.CONNECTING)  # the client asked for 1000,2000
    [_, requested] = conn.events_received()
    assert isinstance(requested, ConnectRequested) and requested.heart_beat == (1000, 2000)
    conn.accept(heart_beat=(2000, 1000))
    [connected] = conn.data_to_send(0.0)
    assert connected.endswith(b"heart-beat:2000,1000\n\n\0")
    assert conn.heartbeat == (2000, 1000)  # send every 2000 ms, expect every 1000 ms


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("1.0,1.1,1.2", "1.2"), ("1.1", "1.1"), ("1.1, 1.2", "1.2"), (None, "1.0"), ("1.2,9", "1.2")],
)
def test_version_negotiation(accept: str | None, expected: str) -> None:
    assert negotiate_version(accept) == expected


def test_no_common_version_is_a_sticky_mismatch_answered_with_our_versions() -> None:
    assert negotiate_version("1.1,1.2", [Version.V1_1]) is Version.V1_1
    with pytest.raises(
        VersionMismatch, match=re.escape("the client accepts 2.0, this side speaks 1.0,1.1")
    ):
        negotiate_version("2.0", [Version.V1_1, Version.V1_0])
    conn = ServerConnection()
    with pytest.raises(VersionMismatch) as caught:
        conn.receive_data(b"CONNECT\naccept-version:2.0\n\n\0", 0.0)
    assert state_of(conn) is S.IDLE and conn.error is caught.value
    with pytest.raises(VersionMismatch):
        conn.receive_data(b"more", 0.0)
    conn.send_error("no common version")
    [error] = conn.data_to_send(0.0)
    assert error == b"ERROR\nmessage:no common version\nversion:1.0,1.1,1.2\n\n\0"
    assert state_of(conn) is S.CLOSED


def test_frames_before_connect_and_a_second_connect_are_unexpected() -> None:
    conn = ServerConnection()
    with pytest.raises(UnexpectedFrame, match="unexpected SEND while the connection is idle"):
        conn.receive_data(b"SEND\ndestination:/q/a\n\n\0", 0.0)
    conn = ServerConnection()
    with pytest.raises(UnexpectedFrame) as caught:
        conn.receive_data(serialize(CONNECT) + b"STOMP\n\n\0", 0.0)
    assert caught.value.frame.command == "STOMP"
    assert [type(e).__name__ for e in conn.events_received()] == ["Frame", "ConnectRequested"]
    conn.accept()  # the send side still answers what was read before the failure
    conn.send_error("already connected", answering=Frame("STOMP", (("receipt", "r9"),)))
    [_, error] = conn.data_to_send(0.0)
    assert error.startswith(b"ERROR\nmessage:already connected\nreceipt-id:r9\n\n")
    assert conn.state is S.CLOSED


def test_server_receipts_and_errors_that_keep_the_connection() -> None:
    conn = server_in(S.CONNECTED)
    conn.data_to_send(0.0)
    conn.send_receipt(Frame(Command.SEND, (("receipt", "7"),)))
    conn.send_receipt(Frame(Command.SEND))
    conn.send_error("queue full", close=False, headers=[("content-type", "text/plain")])
    assert conn.data_to_send(0.0) == [
        b"RECEIPT\nreceipt-id:7\n\n\0",
        b"ERROR\nmessage:queue full\ncontent-type:text/plain\n\n\0",
    ]
    assert conn.state is S.CONNECTED


# -- heart-beat deadlines on a fake clock --------------------------------------------------------


def test_client_deadlines_and_check_on_a_fake_clock() -> None:
    conn = ClientConnection()
    conn.connect(CONNECT)  # asks 1000,2000; the server below answers 3000,500
    conn.data_to_send(10.0)  # CONNECT written at t=10
    assert conn.deadlines().next is None  # nothing until CONNECTED
    conn.receive_data(CONNECTED, 10.5)
    assert conn.heartbeat == (1000, 3000)
    deadlines = conn.deadlines()
    assert deadlines.send_heartbeat_at == 10.5  # half of 1000 ms after the CONNECT
    assert deadlines.peer_late_at == pytest.approx(10.5 + 2 * 3.0 + 0.3)
    conn.check(10.4)
    assert conn.data_to_send(10.4) == []
    conn.check(10.5)
    assert conn.data_to_send(10.5) == [b"\n"]  # taking it counts as sending
    assert conn.deadlines().send_heartbeat_at == 11.0
    conn.send_frame(Frame(Command.SEND, (("destination", "/q/a"),)))
    conn.data_to_send(10.9)  # any write postpones the beat
    conn.check(11.0)
    assert conn.data_to_send(11.0) == []
    conn.receive_data(b"\n", 14.0)  # any byte postpones the peer's deadline
    assert conn.deadlines().peer_late_at == pytest.approx(20.3)
    conn.check(20.3)  # exactly at the deadline is not late yet
    with pytest.raises(PeerSilent, match=r"no data from the peer for 6\.4 s") as caught:
        conn.check(20.4)
    assert caught.value.expect_every_ms == 3000
    assert conn.error is caught.value
    with pytest.raises(PeerSilent):
        conn.receive_data(b"\n", 20.5)  # sticky
    assert conn.deadlines().next is None
    conn.check(99.0)  # nothing more to do once failed


def test_silence_the_reader_caused_is_excused() -> None:
    conn = client_in(S.CONNECTED)  # expects a beat every 3000 ms; last heard at t=0
    conn.excuse_silence(5.0)  # we did not read from t=0 to t=5 (back-pressure)
    assert conn.deadlines().peer_late_at == pytest.approx(5.0 + 6.3)
    conn.check(11.0)
    conn.excuse_silence(1.0)  # never moves the deadline back
    assert conn.deadlines().peer_late_at == pytest.approx(11.3)


def test_grace_is_configurable_and_the_server_uses_the_same_rule() -> None:
    conn = ServerConnection(grace=1.0)
    conn.receive_data(serialize(CONNECT), 0.0)  # client: sends every 1000, wants 2000
    conn.accept(heart_beat=(2000, 1000))
    conn.data_to_send(0.0)
    assert conn.deadlines().peer_late_at == pytest.approx(1.0 + 0.3)
    assert conn.deadlines().send_heartbeat_at == 1.0
    with pytest.raises(PeerSilent):
        conn.check(1.31)


def test_no_heart_beats_no_deadlines() -> None:
    conn = ClientConnection()
    conn.connect(Frame(Command.CONNECT, (("accept-version", "1.2"),)))
    conn.receive_data(b"CONNECTED\nversion:1.2\nheart-beat:1000,1000\n\n\0", 0.0)
    assert conn.heartbeat == (0, 0)
    assert conn.deadlines().next is None
    conn.check(1e9)


# -- sticky errors and misuse --------------------------------------------------------------------


def test_malformed_input_is_sticky_and_what_came_before_is_kept() -> None:
    conn = client_in(S.CONNECTED)
    with pytest.raises(FrameError) as caught:
        conn.receive_data(MESSAGE + b"MESSAGE\nno colon\n\n\0", 0.0)
    assert frames(conn.events_received()) == ["MESSAGE"]
    with pytest.raises(FrameError) as again:
        conn.receive_data(MESSAGE, 0.0)
    assert again.value is caught.value
    conn.send_frame(Frame(Command.SEND, (("destination", "/q/a"),)))  # sending still works
    conn.receive_eof()
    assert conn.state is S.CLOSED


def test_eof_mid_frame_and_data_after_eof() -> None:
    conn = client_in(S.CONNECTED)
    conn.receive_data(b"MESSAGE\n", 0.0)
    with pytest.raises(FrameError, match="stream ended in the middle"):
        conn.receive_eof()
    assert conn.state is S.CLOSED
    conn.receive_eof()  # idempotent
    ended = client_in(S.CONNECTED)
    ended.receive_eof()
    with pytest.raises(InvalidState, match="receive data after the end of stream"):
        ended.receive_data(b"\n", 0.0)


# -- random orders of operations never reach an invalid state -------------------------------------


def drain(conn: Connection) -> None:
    conn.data_to_send(3.0)
    conn.events_received()


CLIENT_OPS: list[Callable[[ClientConnection], None]] = [
    *CLIENT_TRIGGERS.values(),
    lambda c: c.receive_data(receipt("r"), 1.0),
    lambda c: c.send_frame(Frame(Command.SEND, (("destination", "/q"), ("receipt", "r")))),
    lambda c: c.receive_data(b"ERROR\n\n\0", 1.0),
    lambda c: c.receive_data(b"garbage\n\n\0", 1.0),
    lambda c: c.receive_data(b"\n", 2.0),
    lambda c: c.check(5.0),
    lambda c: c.check(50.0),
    lambda c: c.forget_receipt("r"),
    lambda c: drain(c),
]
SERVER_OPS: list[Callable[[ServerConnection], None]] = [
    *SERVER_TRIGGERS.values(),
    lambda c: c.receive_data(b"CONNECT\naccept-version:2.0\n\n\0", 1.0),
    lambda c: c.receive_data(b"DISCONNECT\nreceipt:x\n\n\0", 1.0),
    lambda c: c.receive_data(b"\n", 1.0),
    lambda c: c.send_receipt(Frame(Command.SEND, (("receipt", "1"),))),
    lambda c: c.send_error("soft", close=False),
    lambda c: c.check(5.0),
    lambda c: c.check(50.0),
    lambda c: drain(c),
]


@settings(max_examples=300)
@given(st.lists(st.integers(0, len(CLIENT_OPS) - 1), max_size=25), st.sampled_from(Strictness))
def test_random_client_operations(ops: list[int], strictness: Strictness) -> None:
    conn = ClientConnection(strictness=strictness)
    for index in ops:
        before = conn.state
        try:
            CLIENT_OPS[index](conn)
        except InvalidState:
            assert conn.state is before  # a refused verb changes nothing
        except (StompError, ValueError):
            pass
        assert conn.state in TRANSITIONS[Role.CLIENT]
        if conn.error is not None:  # sticky, whatever the state
            with pytest.raises(type(conn.error)):
                conn.receive_data(b"\n", 9.0)


@settings(max_examples=300)
@given(st.lists(st.integers(0, len(SERVER_OPS) - 1), max_size=25))
def test_random_server_operations(ops: list[int]) -> None:
    conn = ServerConnection()
    for index in ops:
        before = conn.state
        try:
            SERVER_OPS[index](conn)
        except InvalidState:
            assert conn.state is before
        except StompError:
            pass
        assert conn.state in TRANSITIONS[Role.SERVER]
        if conn.state is S.CONNECTED:
            assert conn.version is not None


# -- the two ends against each other (h11's ConnectionPair idea) ----------------------------------


def pump(source: Connection, target: Connection, now: float = 0.0) -> list[Received]:
    """Deliver what `source` wrote to `target`; return what `target` made of it."""
    for data in source.data_to_send(now):
        target.receive_data(data, now)
    return target.events_received()


def test_a_client_and_a_server_connection_agree() -> None:
    client, server = ClientConnection(strictness=Strictness.LENIENT), ServerConnection()
    client.connect(Frame(Command.STOMP, (("accept-version", "1.1,1.2"), ("heart-beat", "0,500"))))
    [_, requested] = pump(client, server)
    assert isinstance(requested, ConnectRequested) and requested.heart_beat == (0, 500)
    server.accept(heart_beat=(1000, 0), headers=[("session", "s")])
    [_, established] = pump(server, client)
    assert isinstance(established, Established)
    assert client.version is server.version is Version.V1_2
    assert client.heartbeat == (0, 1000) and server.heartbeat == (1000, 0)  # mirrored
    client.send_frame(Frame(Command.SEND, (("destination", "/q/a"), ("k", "a:b\nc"))))
    client.send_frame(Frame(Command.SUBSCRIBE, (("id", "1"), ("receipt", "r1"))))
    send, subscribe = pump(client, server)
    assert isinstance(send, Frame) and send.header("k") == "a:b\nc"  # escaped and back
    assert isinstance(subscribe, Frame)
    server.send_receipt(subscribe)
    server.send_frame(Frame(Command.MESSAGE, (("subscription", "1"), ("x", "é\\")), b"hi"))
    assert frames(pump(server, client)) == ["RECEIPT", "MESSAGE"]
    assert client.pending_receipts == ()
    client.disconnect("bye")
    [disconnect] = pump(client, server)
    assert isinstance(disconnect, Frame)
    server.send_receipt(disconnect)
    pump(server, client)
    assert client.state is S.CLOSED and server.state is S.CONNECTED  # the server closes next
