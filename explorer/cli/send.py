"""`stomp-explorer send URL DESTINATION`: send one message or a paced burst.

It sends through the session core (`explorer.session`), like the window's composer: `{{n}}`
in the body or a header is the copy's number (1, 2, ...), and a refused SEND reports the
broker's `message` header (and its detail), with or without --receipt.

Exit status: 0 sent (and receipted with --receipt), 2 usage (an empty destination too),
3 connection or login failed (the broker's ERROR message is printed), 4 a receipt did not
come in time, 1 the broker answered a SEND with an ERROR.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.cli.connection_args import (
    BrokerErrors,
    add_connection_arguments,
    parse_header,
    resolve_connection,
    run_client,
    session_error,
)
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.session import Target


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
    if not str(args.destination).strip():
        raise CliError(
            "the destination is empty: give one such as /queue/orders or /topic/prices",
            ExitCode.USAGE,
        )
    body = _read_body(args)
    _check_templates(args, body)
    connection = resolve_connection(args)
    target = connection.target("send", receipt_timeout=args.receipt_timeout)
    sent = run_client(_send(args, target, body))
    noun = "message" if sent == 1 else "messages"
    print(
        f"sent {sent} {noun} to {args.destination}{' (all receipted)' if args.receipt else ''}",
        file=sys.stderr,
    )
    return int(ExitCode.OK)


async def _send(args: argparse.Namespace, target: Target, body: bytes) -> int:
    """The window's SEND path: the same `{{n}}` expansion, pacing and refusal rules."""
    from explorer.client import ClientError
    from explorer.session import ComposeRequest, ConnectionSession, SessionError
    from explorer.session.composite import check_destination
    from explorer.session.errors import CompositeRefused
    from explorer.templates import TemplateError

    headers: list[tuple[str, str]] = [("destination", args.destination)]
    if args.content_type:
        headers.append(("content-type", args.content_type))
    headers.extend(args.headers)
    request = ComposeRequest("SEND", tuple(headers), body, args.receipt, args.count)
    errors = BrokerErrors()
    session = ConnectionSession(target, errors, wire_records=False)
    await session.connect()
    try:
        # A comma is ActiveMQ's composite destination; elsewhere it would plant one odd name.
        check_destination(args.destination, session.broker_kind)
    except CompositeRefused as exc:
        await session.shutdown()
        raise CliError(exc.message, ExitCode.USAGE) from None
    try:
        result = await session.execute(request, rate=args.rate, receipt_each=True)
    except (ClientError, SessionError) as exc:
        await session.shutdown()
        errors.raise_first()  # the broker's own words explain a dropped connection best
        raise session_error(exc) from None
    except TemplateError as exc:  # a template that fails only for a later copy
        await session.shutdown()
        raise CliError(f"the message template: {exc}", ExitCode.USAGE) from None
    # DISCONNECT waits for its RECEIPT: an ERROR for any SEND before it has arrived by then.
    await session.shutdown()
    errors.raise_first()
    return result.frames


def _check_templates(args: argparse.Namespace, body: bytes) -> None:
    """A template mistake is a usage error (exit 2, field, line and column) found before
    connecting, not a traceback in the middle of a burst."""
    from explorer.templates import TemplateError, expand_parts, has_templates

    headers = [("destination", str(args.destination)), *args.headers]
    if not has_templates(headers, body):
        return
    try:
        expand_parts(headers, body, 1)
    except TemplateError as exc:
        raise CliError(f"the message template: {exc}", ExitCode.USAGE) from None


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
