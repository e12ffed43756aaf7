"""`stomp-explorer send URL DESTINATION`: send one message or a paced burst.

It sends through the session core (`explorer.session`), like the window's composer: `{{n}}`
in the body or a header is the copy's number (1, 2, ...), and a refused SEND reports the
broker's `message` header (and its detail), with or without --receipt.

Exit status: 0 sent (and receipted with --receipt), 2 usage (an empty destination too, a
body over MAX_BODY_BYTES), 3 connection or login failed (the broker's ERROR message is
printed) or the connection was lost during a burst (saying how many had been sent), 4 no
connection or no receipt in time (a TLS handshake that stalls, as TLS to a plain STOMP port
does, says so), 1 the broker answered a SEND with an ERROR (ActiveMQ's "The maximum data
length was exceeded" for a body over its limit is shown before the broken pipe it causes).

`--body-file` is refused before reading when it is a file over MAX_BODY_BYTES, and read in
chunks otherwise, so `/dev/zero` or an endless pipe stops at the limit with a sentence.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

from explorer.cli.argtypes import per_second, seconds, text, whole_number
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
    from explorer.session import ConnectionSession, Target

# The largest body send reads (a file is checked before reading, a stream while reading).
MAX_BODY_BYTES = 256 * 2**20
READ_CHUNK = 2**20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "send",
        help="send a message (or N of them) to a destination",
        description="Send a message to DESTINATION, e.g. "
        "stomp-explorer send stomp://localhost /queue/orders --body '{\"id\": 1}'",
    )
    add_connection_arguments(parser)
    parser.add_argument("destination", metavar="DESTINATION", type=text, help="e.g. /queue/orders")
    body = parser.add_mutually_exclusive_group()
    body.add_argument(
        "--body",
        metavar="TEXT",
        help="message body (the argument's bytes as the shell passes them, UTF-8 text usually)",
    )
    body.add_argument(
        "--body-file",
        metavar="PATH",
        help="send the bytes of this file as the body ('-' reads standard input); at most "
        f"{MAX_BODY_BYTES // 2**20} MiB",
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
        "--count",
        metavar="N",
        type=whole_number,
        default=1,
        help="send the message N times (default 1)",
    )
    parser.add_argument(
        "--rate",
        metavar="PER_SECOND",
        type=per_second,
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
        type=seconds,
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
    from explorer.templates import TemplateError

    headers: list[tuple[str, str]] = [("destination", args.destination)]
    if args.content_type:
        headers.append(("content-type", args.content_type))
    headers.extend(args.headers)
    request = ComposeRequest("SEND", tuple(headers), body, args.receipt, args.count)
    errors = BrokerErrors()
    session = ConnectionSession(target, errors, wire_records=False)
    await session.connect()
    try:  # a comma is refused here unless the broker is ActiveMQ (CompositeRefused: exit 2)
        result = await session.execute(request, rate=args.rate, receipt_each=True)
    except (ClientError, SessionError) as exc:
        lost = _connection_lost(session, exc)
        await session.shutdown()
        errors.raise_first()  # the broker's own words explain a dropped connection best
        if lost is not None:
            sent, noun = session.counters.sent, "message" if args.count == 1 else "messages"
            unknown = (
                "the broker had not confirmed them all"
                if args.receipt
                else "the last ones may not have reached the broker (--receipt confirms each)"
            )
            raise CliError(
                f"the connection to {target.endpoint.url()} was lost after {sent} of "
                f"{args.count} {noun} had been sent ({lost}); {unknown}",
                ExitCode.CONNECTION,
            ) from None
        raise session_error(exc) from None
    except TemplateError as exc:  # a template that fails only for a later copy
        await session.shutdown()
        raise CliError(f"the message template: {exc}", ExitCode.USAGE) from None
    # DISCONNECT waits for its RECEIPT: an ERROR for any SEND before it has arrived by then.
    await session.shutdown()
    errors.raise_first()
    return result.frames


def _connection_lost(session: ConnectionSession, error: Exception) -> str | None:
    """Why the connection went away under a burst, or None when `error` is something else
    (a refusal, a template, a receipt that did not come)."""
    from explorer.client import ConnectionLostError, TransportError
    from explorer.client import NotConnected as ClientNotConnected
    from explorer.session import NotConnected, SessionState

    if isinstance(error, TransportError | ConnectionLostError):
        return str(error)
    if isinstance(error, ClientNotConnected | NotConnected) or session.state in (
        SessionState.FAILED,
        SessionState.CLOSED,
    ):
        reason = session.status.reason
        return str(reason) if reason is not None else "the broker closed it"
    return None


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
    """The body as bytes: --body as the shell passed it (os.fsencode undoes Python's
    surrogate escape, so a byte that is not UTF-8 goes out as it came in), a file or
    standard input read up to MAX_BODY_BYTES and refused above it, never read whole first."""
    if args.body is not None:
        return os.fsencode(args.body)
    if args.body_file is None:
        return b""
    if args.body_file == "-":
        return _read_limited(sys.stdin.buffer, "standard input (--body-file -)")
    where = f"--body-file {args.body_file}"
    try:
        with open(args.body_file, "rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BODY_BYTES:
                raise _too_large(where, f"{info.st_size / 2**20:,.0f} MiB")
            return _read_limited(file, where)
    except OSError as exc:
        raise CliError(f"cannot read {where}: {exc.strerror or exc}", ExitCode.USAGE) from None


def _read_limited(stream: BinaryIO, where: str) -> bytes:
    """Chunks up to one byte over the limit: /dev/zero or an endless pipe is refused after
    MAX_BODY_BYTES instead of filling memory."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(READ_CHUNK, MAX_BODY_BYTES + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _too_large(where, f"more than {MAX_BODY_BYTES // 2**20} MiB")
    return b"".join(chunks)


def _too_large(where: str, size: str) -> CliError:
    return CliError(
        f"{where} is {size}: a body may be at most {MAX_BODY_BYTES // 2**20} MiB "
        "(ActiveMQ's default frame limit is 100 MiB); send a smaller file",
        ExitCode.USAGE,
    )
