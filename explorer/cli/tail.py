"""`stomp-explorer tail URL DESTINATION...`: print the messages arriving on destinations.

`--format jsonl` prints one JSON object per MESSAGE:
`{"destination": ..., "headers": {...}, "body": "..."}`, with `"body_base64"` instead of
`"body"` when the body is not UTF-8. `--format raw` writes the frames as they came off the wire.

Exit status: 0 done (--count reached, or --timeout passed without --count), 2 usage,
3 connection or login failed / connection lost, 4 --timeout passed before --count messages,
1 the broker sent an ERROR (e.g. a destination it refuses).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

from explorer.cli.connection_args import (
    add_connection_arguments,
    parse_header,
    resolve_connection,
    run_client,
)
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.client import Client, Message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "tail",
        help="print messages arriving on one or more destinations",
        description="Subscribe to each DESTINATION and print every message, e.g. "
        "stomp-explorer tail stomp://localhost /queue/orders --count 10",
    )
    add_connection_arguments(parser)
    parser.add_argument(
        "destinations", metavar="DESTINATION", nargs="+", help="e.g. /queue/orders /topic/prices"
    )
    parser.add_argument(
        "--count", metavar="N", type=_count, help="stop after N messages (in total)"
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
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
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    connection = resolve_connection(args)
    client = connection.client(keep_raw=args.format == "raw")
    received = run_client(_tail(args, client, sys.stdout.buffer))
    if args.count is not None and received < args.count:
        raise CliError(
            f"timed out after {args.timeout:g} s with {received} of {args.count} messages",
            ExitCode.TIMEOUT,
        )
    return int(ExitCode.OK)


async def _tail(args: argparse.Namespace, client: Client, out: BinaryIO) -> int:
    from explorer.client import ConnectionLost, ErrorReceived, MessageReceived

    events = client.events()
    await client.connect()
    received = 0
    try:
        for destination in args.destinations:
            await client.subscribe(
                destination, ack=args.ack, headers=args.headers, queue_messages=False
            )
        loop = asyncio.get_running_loop()
        deadline = None if args.timeout is None else loop.time() + args.timeout
        while args.count is None or received < args.count:
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                break
            try:
                batch = await asyncio.wait_for(events.get_batch(), remaining)
            except (TimeoutError, StopAsyncIteration):
                break
            for event in batch:
                if isinstance(event, MessageReceived):
                    out.write(_format(event.message, args.format))
                    if args.ack != "auto":
                        await client.ack(event.message)
                    received += 1
                    if args.count is not None and received >= args.count:
                        break
                elif isinstance(event, ErrorReceived):
                    out.flush()
                    raise CliError(f"the broker sent an ERROR: {event.message}", ExitCode.FAILURE)
                elif isinstance(event, ConnectionLost):
                    out.flush()
                    raise CliError(str(event.reason), ExitCode.CONNECTION)
            out.flush()
    finally:
        events.close()
        await client.disconnect()
    return received


def _format(message: Message, style: str) -> bytes:
    if style == "raw":
        return message.frame.raw or b""
    headers: dict[str, str] = {}
    for name, value in message.headers:
        headers.setdefault(name, value)  # first occurrence wins, as in STOMP
    record: dict[str, Any] = {"destination": message.destination, "headers": headers}
    try:
        record["body"] = message.body.decode("utf-8")
    except UnicodeDecodeError:
        record["body_base64"] = base64.b64encode(message.body).decode("ascii")
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("--timeout must be more than 0")
    return value
