"""`stomp-explorer send URL DESTINATION`: send one message or a paced burst.

Exit status: 0 sent (and receipted with --receipt), 2 usage, 3 connection or login failed
(the broker's ERROR message is printed), 4 a receipt did not come in time, 1 the broker
answered a SEND with an ERROR.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.cli.connection_args import (
    add_connection_arguments,
    parse_header,
    resolve_connection,
    run_client,
)
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.client import Client, EventStream


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "send",
        help="send a message (or N of them) to a destination",
        description="Send a message to DESTINATION, e.g. "
        "stomp-explorer send stomp://localhost /queue/orders --body '{\"id\": 1}'",
    )
    add_connection_arguments(parser)
    parser.add_argument("destination", metavar="DESTINATION", help="e.g. /queue/orders")
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--body", metavar="TEXT", help="message body (sent as UTF-8)")
    body.add_argument(
        "--body-file",
        metavar="PATH",
        help="send the bytes of this file as the body ('-' reads standard input)",
    )
    parser.add_argument(
        "-H",
        "--header",
        metavar="NAME:VALUE",
        action="append",
        type=parse_header,
        default=[],
        dest="headers",
        help="add a header (repeatable)",
    )
    parser.add_argument("--content-type", metavar="TYPE", help="content-type header")
    parser.add_argument(
        "--count", metavar="N", type=_count, default=1, help="send the message N times (default 1)"
    )
    parser.add_argument(
        "--rate",
        metavar="PER_SECOND",
        type=_rate,
        help="at most this many messages per second (default: as fast as possible)",
    )
    parser.add_argument(
        "--receipt",
        action="store_true",
        help="ask for a RECEIPT for every message and wait for all of them",
    )
    parser.add_argument(
        "--receipt-timeout",
        metavar="SECONDS",
        type=float,
        default=10.0,
        help="how long to wait for the receipts (default 10)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    body = _read_body(args)
    connection = resolve_connection(args)
    sent = run_client(_send(args, connection.client(receipt_timeout=args.receipt_timeout), body))
    noun = "message" if sent == 1 else "messages"
    print(
        f"sent {sent} {noun} to {args.destination}{' (all receipted)' if args.receipt else ''}",
        file=sys.stderr,
    )
    return int(ExitCode.OK)


async def _send(args: argparse.Namespace, client: Client, body: bytes) -> int:
    from explorer.client import ReceiptWaiter
    from explorer.stomp import Command, Frame

    events = client.events()
    await client.connect()
    try:
        headers: list[tuple[str, str]] = [("destination", args.destination)]
        if args.content_type:
            headers.append(("content-type", args.content_type))
        headers.extend(args.headers)
        loop = asyncio.get_running_loop()
        start = loop.time()
        waiters: list[ReceiptWaiter] = []
        for n in range(args.count):
            if args.rate:
                delay = start + n / args.rate - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
            frame_headers = headers
            if args.receipt:
                frame_headers = [*headers, ("receipt", client.next_receipt_id())]
            waiter = await client.send_frame(Frame(Command.SEND, tuple(frame_headers), body))
            if waiter is not None:
                waiters.append(waiter)
            _raise_broker_error(events)
        for waiter in waiters:
            await waiter.wait(args.receipt_timeout)
    finally:
        await client.disconnect()
    _raise_broker_error(events)
    return int(args.count)


def _raise_broker_error(events: EventStream) -> None:
    """An ERROR frame without a receipt-id still means the broker refused something."""
    from explorer.client import ErrorReceived
    from explorer.client.errors import describe_error_frame

    for event in events.take_all():
        if isinstance(event, ErrorReceived):
            raise CliError(
                f"the broker answered with an ERROR: {describe_error_frame(event.frame)}",
                ExitCode.FAILURE,
            )


def _read_body(args: argparse.Namespace) -> bytes:
    if args.body is not None:
        return str(args.body).encode("utf-8")
    if args.body_file is None:
        return b""
    if args.body_file == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(args.body_file).read_bytes()
    except OSError as exc:
        raise CliError(
            f"cannot read --body-file {args.body_file}: {exc.strerror}", ExitCode.USAGE
        ) from None


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("--rate must be more than 0")
    return value
