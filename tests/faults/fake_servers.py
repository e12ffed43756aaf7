"""Tiny misbehaving servers on loopback, each in a thread, for the bad-input table:

    with DroppingBroker(after_sends=5) as broker:   # CONNECTED, then closes after 5 SENDs
        broker.url, broker.sends
    with SilentPort() as port:                      # TCP accepts (the backlog), never answers
        port.port
    with GreetingPort(b"ERROR\n\n\0") as port:      # talks first, keeps the connection open
        port.port

They answer just enough STOMP to reach the fault; nothing here is a broker to test against.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType


class SilentPort:
    """A listening socket nobody accepts from: connect() succeeds, nothing ever answers
    (an HTTP client or a TLS handshake waits until its own timeout)."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.port = int(self._socket.getsockname()[1])

    def __enter__(self) -> SilentPort:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._socket.close()


class GreetingPort:
    """Accepts each connection, writes `greeting` at once and keeps it open: a server that
    talks first (a TLS client reading it sees no TLS record)."""

    def __init__(self, greeting: bytes) -> None:
        self.greeting = greeting
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.port = int(self._socket.getsockname()[1])
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return  # closed
            with contextlib.suppress(OSError):
                connection.sendall(self.greeting)
            self._open.append(connection)

    def __enter__(self) -> GreetingPort:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()
        self._thread.join(timeout=5)
        for connection in self._open:
            connection.close()


class DroppingBroker:
    """Answers CONNECT with CONNECTED (keeping each CONNECT in `connects`), counts SEND
    frames (`sends`, over all connections), and closes each connection (the lost broker)
    after `after_sends` of its SENDs."""

    def __init__(self, after_sends: int) -> None:
        self.after_sends = after_sends
        self.sends = 0
        self.connects: list[bytes] = []  # each CONNECT frame as received
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(4)
        self.port = int(self._socket.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"stomp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return  # closed
            with connection:
                connection.settimeout(30)
                with contextlib.suppress(OSError):
                    self._one(connection)

    def _one(self, connection: socket.socket) -> None:
        buffer, sends = b"", 0
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                frame, _, buffer = buffer.partition(b"\0")
                command = frame.lstrip(b"\r\n").split(b"\n", 1)[0]
                if command in (b"CONNECT", b"STOMP"):
                    self.connects.append(frame)
                    connection.sendall(b"CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0")
                elif command == b"SEND":
                    self.sends += 1
                    sends += 1
                    if sends >= self.after_sends:
                        return  # `with connection` closes it: the broker is gone

    def __enter__(self) -> DroppingBroker:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._socket.close()
        self._thread.join(timeout=5)
