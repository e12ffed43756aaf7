"""The connection state machine, written as data (in the spirit of h11's `_state.py`).

House rule: every state and every transition of a STOMP connection is in `TRANSITIONS`.
`ClientConnection` and `ServerConnection` (connection.py) look a transition up before they
act, and a missing entry is a mistake: `InvalidState` when we tried it, `UnexpectedFrame`
when the peer did.

The states, seen from either end:

    IDLE           no CONNECT has crossed the wire yet
    CONNECTING     CONNECT crossed, its answer (CONNECTED or ERROR) has not
    CONNECTED      frames flow both ways
    DISCONNECTING  (client) DISCONNECT sent, its RECEIPT not yet received; nothing more may be
                   sent, MESSAGEs already under way still arrive
    CLOSED         over: the peer's end of stream, the DISCONNECT receipt, a refused CONNECT,
                   or (server) a closing ERROR; input is ignored, nothing may be sent

A server has no DISCONNECTING: a DISCONNECT is just a frame it answers (RECEIPT) before it
closes the connection. A server receives frames while CONNECTING: clients may pipeline
frames behind CONNECT, and the server answers CONNECT before it reads them.

Failures are not states. Malformed input, an unexpected frame or a silent peer make the
connection's receive side fail for good (the error is sticky, as in h11), while the send side
stays usable: a server must still answer what it read before the failure, and send its ERROR.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = ["TRANSITIONS", "ConnectionState", "Role", "Trigger"]


class Role(StrEnum):
    CLIENT = "client"
    SERVER = "server"


class ConnectionState(StrEnum):
    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTING = "disconnecting"
    CLOSED = "closed"


class Trigger(StrEnum):
    """What happened on the wire, seen from this end. Values read as the action."""

    SEND_CONNECT = "send CONNECT"
    RECEIVE_CONNECT = "receive CONNECT"
    SEND_CONNECTED = "send CONNECTED"
    RECEIVE_CONNECTED = "receive CONNECTED"
    SEND_FRAME = "send a frame"  # anything else; an ERROR that keeps the connection, too
    RECEIVE_FRAME = "receive a frame"  # anything else, DISCONNECT on a server too
    SEND_ERROR = "send a closing ERROR"
    RECEIVE_ERROR = "receive ERROR"
    SEND_DISCONNECT = "send DISCONNECT"
    RECEIVE_DISCONNECT_RECEIPT = "receive the DISCONNECT's RECEIPT"
    RECEIVE_EOF = "receive the end of the stream"


S = ConnectionState
T = Trigger

TRANSITIONS: Final[dict[Role, dict[ConnectionState, dict[Trigger, ConnectionState]]]] = {
    Role.CLIENT: {
        S.IDLE: {T.SEND_CONNECT: S.CONNECTING, T.RECEIVE_EOF: S.CLOSED},
        S.CONNECTING: {
            T.RECEIVE_CONNECTED: S.CONNECTED,
            T.RECEIVE_ERROR: S.CLOSED,  # the CONNECT was refused; the broker closes
            T.RECEIVE_FRAME: S.CONNECTING,  # tolerated, handed on as is
            T.RECEIVE_EOF: S.CLOSED,
        },
        S.CONNECTED: {
            T.SEND_FRAME: S.CONNECTED,
            T.SEND_DISCONNECT: S.DISCONNECTING,
            T.RECEIVE_FRAME: S.CONNECTED,
            T.RECEIVE_CONNECTED: S.CONNECTED,  # a second one: handed on as is
            T.RECEIVE_ERROR: S.CONNECTED,  # brokers often keep the connection after an ERROR
            T.RECEIVE_EOF: S.CLOSED,
        },
        S.DISCONNECTING: {
            T.RECEIVE_FRAME: S.DISCONNECTING,
            T.RECEIVE_CONNECTED: S.DISCONNECTING,
            T.RECEIVE_ERROR: S.DISCONNECTING,
            T.RECEIVE_DISCONNECT_RECEIPT: S.CLOSED,
            T.RECEIVE_EOF: S.CLOSED,
        },
        S.CLOSED: {T.RECEIVE_EOF: S.CLOSED},
    },
    Role.SERVER: {
        S.IDLE: {
            T.RECEIVE_CONNECT: S.CONNECTING,
            T.SEND_ERROR: S.CLOSED,  # e.g. no common version, or a frame before CONNECT
            T.RECEIVE_EOF: S.CLOSED,
        },
        S.CONNECTING: {
            T.SEND_CONNECTED: S.CONNECTED,
            T.SEND_ERROR: S.CLOSED,  # e.g. a wrong passcode
            T.RECEIVE_FRAME: S.CONNECTING,  # pipelined behind CONNECT
            T.RECEIVE_EOF: S.CLOSED,
        },
        S.CONNECTED: {
            T.SEND_FRAME: S.CONNECTED,
            T.SEND_ERROR: S.CLOSED,
            T.RECEIVE_FRAME: S.CONNECTED,
            T.RECEIVE_EOF: S.CLOSED,
        },
        S.CLOSED: {T.RECEIVE_EOF: S.CLOSED},
    },
}
"""(role, state, trigger) -> next state. What is not here is not allowed."""
