"""`stomp-explorer tail URL DESTINATION...`: print the messages arriving on destinations.

`--format jsonl` prints one JSON object per MESSAGE:
`{"timestamp": ..., "destination": ..., "headers": {...}, "body": "..."}`, with
`"body_base64"` instead of `"body"` when the body is not UTF-8. `timestamp` is when it was
received (seconds since the epoch, the key of the window's export), so `stomp-explorer
replay` keeps the gaps. `--format raw` writes the frames as they came off the wire.

It subscribes through the session core (`explorer.session`), like the window: each
SUBSCRIBE waits for the broker's answer, and a refusal ends the tail with the broker's words.

`--follow` survives a lost connection (a broker restart, a network cut): it says so on
stderr, reconnects with growing delays (0.5 s doubling up to 30 s, later after connections
that drop at once), subscribes again and keeps printing. With `--ack client` or
`client-individual` nothing is lost: a message is acknowledged only after it was printed and
flushed, so one that was in flight comes again (a duplicate, often with `redelivered:true`).
A tail started before its broker is up waits for it: the first connection is retried with
the same delays while the broker cannot be reached (refused, no answer, no route, a name
that does not resolve yet), each attempt said on stderr with the reason, so a mistyped host
shows at once. What retrying cannot fix ends the tail at once (exit 3): a refused login (on
a reconnect too), a TLS certificate that is not trusted, a WebSocket path that is refused.

`--record FILE` also writes every frame in and out (CONNECT with its passcode as ***) to a
capture (`explorer.capture`), the format the window opens; a full disk stops the recording
(exit 1 at the end, the printing goes on).

Exit status: 0 done (--count reached, or --timeout passed without --count), 2 usage (an
empty destination too), 3 connection or login failed / connection lost (without --follow;
with it, only what retrying cannot fix: a refused login, TLS, a refused WebSocket path),
4 --timeout passed before --count messages, 1 the broker sent an ERROR (e.g. a destination
it refuses).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from explorer.cli.argtypes import seconds, text, whole_number
from explorer.cli.connection_args import (
    BrokerErrors,
    add_connection_arguments,
    insecure_warning,
    parse_header,
    resolve_connection,
    run_client,
)
from explorer.cli.errors import CliError, ExitCode
from explorer.cli.security import warn
from explorer.stomp import Direction

# --follow: the longest wait between two reconnect attempts, in seconds.
FOLLOW_MAX_DELAY = 30.0

if TYPE_CHECKING:
    from explorer.capture import CaptureWriter
    from explorer.client import WireRecord
    from explorer.session import ConnectionSession, Notice, Status, Target
    from explorer.store import LogEntry


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "tail",
        help="print messages arriving on one or more destinations",
        description="Subscribe to each DESTINATION and print every message, e.g. "
        "stomp-explorer tail stomp://localhost /queue/orders --count 10",
    )
    add_connection_arguments(parser)
    parser.add_argument(
        "destinations",
        metavar="DESTINATION",
        nargs="+",
        type=text,
        help="e.g. /queue/orders /topic/prices",
    )
    parser.add_argument(
        "--count", metavar="N", type=whole_number, help="stop after N messages (in total)"
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=seconds,
        help="stop after this long; with --count, fail (exit 4) if fewer arrived",
    )
    parser.add_argument(
        "--ack",
        choices=("auto", "client", "client-individual"),
        default="auto",
        help="ack mode; with client modes every printed message is acknowledged",
    )
    parser.add_argument(
        "-H",
        "--header",
        metavar="NAME:VALUE",
        action="append",
        type=parse_header,
        default=[],
        dest="headers",
        help="add a SUBSCRIBE header, e.g. 'selector:type = 1' (repeatable)",
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "raw"),
        default="jsonl",
        help="jsonl: one JSON object per message (default); raw: the frames as on the wire",
    )
    parser.add_argument(
        "--follow",
        action="store_true",
        help="when the connection is lost, or the broker is not up yet, (re)connect with "
        "growing delays, subscribe again and keep printing; with --ack client or "
        "client-individual nothing is lost",
    )
    parser.add_argument(
        "--record",
        metavar="FILE",
        help="also record every frame in and out to this capture file (.stompcap; appends "
        "when it is a capture already)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if not all(str(d).strip() for d in args.destinations):
        raise CliError(
            "a destination is empty: give one such as /queue/orders or /topic/prices",
            ExitCode.USAGE,
        )
    connection = resolve_connection(args)
    overrides: dict[str, Any] = {}
    if args.follow:
        from explorer.client import ReconnectPolicy

        overrides["reconnect"] = ReconnectPolicy(initial_delay=0.5, max_delay=FOLLOW_MAX_DELAY)
    followed = _Follow(connection.endpoint.url(), insecure_warning(connection, args))
    target = connection.target("tail", **overrides)
    received = run_client(_tail(args, target, sys.stdout.buffer, followed if args.follow else None))
    if args.count is not None and received < args.count:
        raise CliError(
            f"timed out after {args.timeout:g} s with {received} of {args.count} messages",
            ExitCode.TIMEOUT,
        )
    return int(ExitCode.OK)


@dataclass
class _Follow:
    """What `--follow` says on stderr while it reconnects."""

    url: str
    insecure: str | None  # the warning repeated for every new connection, or None
    lost: bool = False  # between a loss and the next CONNECTED


class _Printer(BrokerErrors):
    """Session sink: what to print comes in as log entries (jsonl) or wire records (raw,
    exactly as received); an ERROR or a lost connection ends the tail, unless it follows
    (`follow`): then a loss is announced and the session reconnects and subscribes again.

    Each message to acknowledge is kept with the number of the connection it came on
    (`generation`): an ack id means nothing on the next connection (the broker redelivers
    such a message instead)."""

    def __init__(
        self, raw: bool, recorder: CaptureWriter | None = None, follow: _Follow | None = None
    ) -> None:
        super().__init__()
        self.raw = raw
        self.recorder = recorder
        self.follow = follow
        self.generation = 0  # connections made so far
        self.lines: asyncio.Queue[bytes | None] = asyncio.Queue()  # None: stop
        self.to_ack: list[tuple[int, LogEntry]] = []
        self.failure: CliError | None = None

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        for entry in entries:
            if entry.direction != "in" or entry.command != "MESSAGE":
                continue
            self.to_ack.append((self.generation, entry))
            if not self.raw:
                self.lines.put_nowait(_json_line(entry))

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        if self.recorder is not None:
            record_frame = self.recorder.record_frame
            for record in records:
                if record.frame is not None:
                    record_frame(record.frame, record.direction)
        if not self.raw:
            return
        for record in records:
            frame = record.frame
            if (
                record.direction is Direction.IN
                and frame is not None
                and frame.command == "MESSAGE"
            ):
                self.lines.put_nowait(record.data)

    def on_notice(self, notice: Notice) -> None:
        super().on_notice(notice)
        if self.follow is not None:  # the ERROR that comes with a broker going away
            while self.errors:
                message, detail = self.errors.pop(0)
                _note(f"the broker sent an ERROR: {message}" + (f" ({detail})" if detail else ""))
            return
        if self.errors and self.failure is None:
            message, detail = self.errors[0]
            words = message + (f" ({detail})" if detail else "")
            self.failure = CliError(f"the broker sent an ERROR: {words}", ExitCode.FAILURE)
            self.lines.put_nowait(None)

    def on_state(self, status: Status) -> None:
        from explorer.session import SessionState

        if status.state is SessionState.FAILED and self.failure is None:
            self.failure = CliError(str(status.reason), ExitCode.CONNECTION)
            self.lines.put_nowait(None)
        elif status.state is SessionState.CONNECTED:
            self.generation += 1
            if self.follow is not None and self.generation > 1:
                self.follow.lost = False
                _note(f"reconnected to {self.follow.url}; subscribing again")
                if self.follow.insecure is not None:
                    warn(self.follow.insecure)
        elif (
            self.follow is not None
            and status.state is SessionState.RECONNECTING
            and status.reconnect_in is not None  # once per attempt, with the delay
        ):
            what = "still no connection to" if self.follow.lost else "lost the connection to"
            self.follow.lost = True
            _note(
                f"{what} {self.follow.url} ({status.reason}); "
                f"reconnecting in {status.reconnect_in:.1f} s"
            )

    def forget_failure(self) -> None:
        """A first connection that failed, and is tried again (--follow)."""
        self.failure = None
        self.lines = asyncio.Queue()

    def printed(self, count: int) -> tuple[list[LogEntry], int]:
        """The oldest `count` messages to acknowledge (those printed; fewer when their
        entries are not in yet), keeping only the current connection's: (to ack, taken)."""
        taken = self.to_ack[:count]
        del self.to_ack[:count]
        current = [entry for generation, entry in taken if generation == self.generation]
        return current, len(taken)


async def _tail(
    args: argparse.Namespace, target: Target, out: BinaryIO, follow: _Follow | None = None
) -> int:
    """Subscribe through the session core (refusals in the broker's words) and print."""
    from explorer.client import ClientError
    from explorer.session import ConnectionSession, SessionError

    connection = getattr(args, "profile", None) or target.endpoint.url()
    recorder = await _open_recorder(args.record, connection) if args.record else None
    printer = _Printer(raw=args.format == "raw", recorder=recorder, follow=follow)
    session = ConnectionSession(target, printer, wire_records=printer.raw or recorder is not None)
    try:
        await _connect(session, printer, follow)
    except BaseException:
        if recorder is not None:
            await _close_recorder(recorder)
        raise
    received = unacked = 0
    try:
        for destination in args.destinations:
            await session.subscribe(destination, args.headers, ack=args.ack, confirm=True)
        loop = asyncio.get_running_loop()
        deadline = None if args.timeout is None else loop.time() + args.timeout
        while args.count is None or received < args.count:
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                break
            try:
                line = await asyncio.wait_for(printer.lines.get(), remaining)
            except TimeoutError:
                break
            if line is None:
                break
            out.write(line)
            received += 1
            if printer.lines.empty() or args.ack != "auto":  # out before it is acknowledged
                out.flush()
            if args.ack != "auto":  # only what was printed: a crash loses nothing
                unacked += 1
                entries, taken = printer.printed(unacked)
                unacked -= taken
                for entry in entries:
                    try:
                        await session.acknowledge(entry)
                    except (ClientError, SessionError):
                        if follow is None:
                            raise
                        # Lost meanwhile: the broker gives it again (a duplicate, not a loss).
        out.flush()
    finally:
        await session.shutdown()
        if recorder is not None:
            await _close_recorder(recorder)
    if printer.failure is not None:
        raise printer.failure
    if recorder is not None and recorder.stats().error is not None:
        raise CliError(str(recorder.stats().error), ExitCode.FAILURE)
    return received


async def _connect(session: ConnectionSession, printer: _Printer, follow: _Follow | None) -> None:
    """The first connection; with --follow, retried while the broker cannot be reached."""
    from explorer.client import ClientError, ReconnectPolicy

    delays = ReconnectPolicy(initial_delay=0.5, max_delay=FOLLOW_MAX_DELAY).iter_delays()
    while True:
        try:
            await session.connect()
        except ClientError as exc:
            if follow is None or not _unreachable(exc):
                raise
            printer.forget_failure()  # a failed attempt does not end a following tail
            delay = next(delays)
            what = "still no connection to" if follow.lost else "cannot connect to"
            follow.lost = True
            _note(f"{what} {follow.url} ({exc}); trying again in {delay:.1f} s (--follow)")
            await asyncio.sleep(delay)
            continue
        if follow is not None and follow.lost:
            follow.lost = False
            _note(f"connected to {follow.url}")
        return


def _unreachable(error: Exception) -> bool:
    """A broker that is down or not up yet (worth waiting for), not a mistake in the
    settings that no retry can mend (TLS trust, a refused WebSocket path, a login)."""
    from explorer.client import ConnectTimeout, TransportError
    from explorer.client.errors import SockJsError, TlsError, WebSocketHandshakeError

    if isinstance(error, TlsError | WebSocketHandshakeError | SockJsError):
        return False
    return isinstance(error, TransportError | ConnectTimeout)


async def _open_recorder(path: str, connection: str) -> CaptureWriter:
    from explorer.capture import CaptureError, CaptureWriter

    try:
        return await CaptureWriter.open(path, connection=connection)
    except CaptureError as exc:
        raise CliError(str(exc), ExitCode.USAGE) from None


async def _close_recorder(recorder: CaptureWriter) -> None:
    stats = await recorder.aclose()
    lost = f", {stats.dropped + stats.lost} not recorded" if stats.dropped + stats.lost else ""
    print(f"recorded {stats.written} frames to {recorder.path}{lost}", file=sys.stderr)


def _note(sentence: str) -> None:
    print(f"stomp-explorer: {sentence}", file=sys.stderr, flush=True)


def _json_line(entry: LogEntry) -> bytes:
    headers: dict[str, str] = {}
    for name, value in entry.headers:
        headers.setdefault(name, value)  # first occurrence wins, as in STOMP
    record: dict[str, Any] = {
        "timestamp": entry.timestamp,
        "destination": entry.destination,
        "headers": headers,
    }
    try:
        record["body"] = entry.body.decode("utf-8")
    except UnicodeDecodeError:
        record["body_base64"] = base64.b64encode(entry.body).decode("ascii")
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
