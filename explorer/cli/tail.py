"""`stomp-explorer tail URL DESTINATION...`: print the messages arriving on destinations.

`--format jsonl` prints one JSON object per MESSAGE:
`{"timestamp": ..., "destination": ..., "headers": {...}, "body": "..."}`, with
`"body_base64"` instead of `"body"` when the body is not UTF-8. `timestamp` is when it was
received (seconds since the epoch, the key of the window's export), so `stomp-explorer
replay` keeps the gaps. `--format raw` writes the frames as they came off the wire.

It subscribes through the session core (`explorer.session`), like the window: each
SUBSCRIBE waits for the broker's answer, and a refusal ends the tail with the broker's words.

`--record FILE` also writes every frame in and out (CONNECT with its passcode as ***) to a
capture (`explorer.capture`), the format the window opens; a full disk stops the recording
(exit 1 at the end, the printing goes on).

Exit status: 0 done (--count reached, or --timeout passed without --count), 2 usage (an
empty destination too), 3 connection or login failed / connection lost, 4 --timeout passed
before --count messages, 1 the broker sent an ERROR (e.g. a destination it refuses).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from explorer.cli.argtypes import seconds, text, whole_number
from explorer.cli.connection_args import (
    BrokerErrors,
    add_connection_arguments,
    parse_header,
    resolve_connection,
    run_client,
)
from explorer.cli.errors import CliError, ExitCode
from explorer.stomp import Direction

if TYPE_CHECKING:
    from explorer.capture import CaptureWriter
    from explorer.client import WireRecord
    from explorer.session import Notice, Status, Target
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
    received = run_client(_tail(args, connection.target("tail"), sys.stdout.buffer))
    if args.count is not None and received < args.count:
        raise CliError(
            f"timed out after {args.timeout:g} s with {received} of {args.count} messages",
            ExitCode.TIMEOUT,
        )
    return int(ExitCode.OK)


class _Printer(BrokerErrors):
    """Session sink: what to print comes in as log entries (jsonl) or wire records (raw,
    exactly as received); an ERROR or a lost connection ends the tail."""

    def __init__(self, raw: bool, recorder: CaptureWriter | None = None) -> None:
        super().__init__()
        self.raw = raw
        self.recorder = recorder
        self.lines: asyncio.Queue[bytes | None] = asyncio.Queue()  # None: stop
        self.to_ack: list[LogEntry] = []
        self.failure: CliError | None = None

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        for entry in entries:
            if entry.direction != "in" or entry.command != "MESSAGE":
                continue
            self.to_ack.append(entry)
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


async def _tail(args: argparse.Namespace, target: Target, out: BinaryIO) -> int:
    """Subscribe through the session core (refusals in the broker's words) and print."""
    from explorer.session import ConnectionSession

    connection = getattr(args, "profile", None) or target.endpoint.url()
    recorder = await _open_recorder(args.record, connection) if args.record else None
    printer = _Printer(raw=args.format == "raw", recorder=recorder)
    session = ConnectionSession(target, printer, wire_records=printer.raw or recorder is not None)
    try:
        await session.connect()
    except BaseException:
        if recorder is not None:
            await _close_recorder(recorder)
        raise
    received = 0
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
            if printer.lines.empty():
                out.flush()
            if args.ack != "auto":
                acked, printer.to_ack = printer.to_ack, []
                for entry in acked:
                    await session.acknowledge(entry)
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
