"""`stomp-explorer move URL SOURCE [TARGET]`: move or copy messages between queues, or send
dead-lettered ones back where they came from, without ever losing one.

    stomp-explorer move stomp://localhost /queue/orders.failed /queue/orders --yes
    stomp-explorer move stomp://localhost /queue/ActiveMQ.DLQ --to-original --yes
    stomp-explorer move stomp://localhost /queue/a /queue/b --selector "region = 'eu'" \\
        --count 100 --dry-run
    stomp-explorer move stomp://guest@localhost:61623 /queue/work.dlq --to-original \\
        --management http://localhost:15672 --passcode-env PW --yes

Each message is sent to the target with a receipt and acknowledged on the source only after
the receipt arrived: an interruption can leave a message in both queues (reported as
duplicated), never in neither. `--copy` leaves the originals; `--dry-run` lists what would
move (ActiveMQ: the queue browser; elsewhere read without acknowledging and given back).
A move takes messages off the source, so it needs `--yes` (without: exit 2, nothing
touched); `--copy` and `--dry-run` do not.

`--selector` is a JMS selector the broker evaluates (ActiveMQ); RabbitMQ has none and says
so. `--where` is our own filter (the search syntax of the window's log, docs/captures.md),
on any broker: every message is read, the matching ones moved, the others held and given
back at the end (marked redelivered). `--jolokia URL` / `--management URL` let the move
check that queues exist (RabbitMQ: a target that exists is then addressed without being
declared again).

Exit status: 0 done; 1 the broker refused a destination (the move stopped there; what was
moved stays moved); 2 usage (no --yes, a topic, a selector on RabbitMQ, an unknown queue);
3 connection or login failed or was lost; 4 a timeout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from explorer.cli.admin_args import admin_endpoints
from explorer.cli.argtypes import seconds, text, whole_number
from explorer.cli.connection_args import add_connection_arguments, resolve_connection, run_client
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.broker.kind import BrokerKind
    from explorer.operations import AdminApis, ListedMessage, MovePlan, MoveResult

T = TypeVar("T")
PREVIEW = 60


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "move",
        help="move or copy messages between queues, or re-drive a dead-letter queue",
        description="Move messages from SOURCE to TARGET (or, with --to-original, back to "
        "where each came from), acknowledging each only after the broker confirmed its "
        "copy: duplicates are possible after an interruption, losses are not.",
    )
    add_connection_arguments(parser)
    parser.add_argument(
        "source", metavar="SOURCE", type=text, help="the queue to take messages from"
    )
    parser.add_argument(
        "target",
        metavar="TARGET",
        nargs="?",
        type=text,
        help="the queue to put them on (or --to-original)",
    )
    parser.add_argument(
        "--to-original",
        action="store_true",
        help="send each message back to its original destination (ActiveMQ "
        "original-destination; RabbitMQ the queue in x-death / x-first-death-queue)",
    )
    parser.add_argument(
        "--copy", action="store_true", help="copy: leave the originals on SOURCE (no --yes)"
    )
    parser.add_argument(
        "--selector",
        metavar="EXPR",
        help="only messages matching this JMS selector, evaluated by the broker "
        "(ActiveMQ), e.g. \"region = 'eu' AND priority > 4\"",
    )
    parser.add_argument(
        "--where",
        metavar="EXPR",
        help="only messages matching this filter, evaluated here on every message read "
        "(any broker; the search syntax: 'priority>5', '$.region == \"eu\"', 'error'); "
        "the others stay on SOURCE, marked redelivered",
    )
    parser.add_argument("--count", metavar="N", type=whole_number, help="at most N messages")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="list what would move, and where, without moving anything",
    )
    parser.add_argument(
        "--yes", action="store_true", help="really move (the messages leave SOURCE)"
    )
    parser.add_argument(
        "--idle",
        metavar="SECONDS",
        type=seconds,
        default=2.0,
        help="stop when no message arrived for this long (default 2)",
    )
    parser.add_argument(
        "--window",
        metavar="N",
        type=whole_number,
        default=100,
        help="messages in flight at once (sent, awaiting the broker's receipt; default 100)",
    )
    parser.add_argument(
        "--progress", action="store_true", help="print the counts to stderr after each batch"
    )
    add_admin_arguments(parser)
    parser.set_defaults(handler=handle)


def add_admin_arguments(parser: argparse.ArgumentParser) -> None:
    """`--jolokia`, `--management` and their login, as `destinations` has them."""
    group = parser.add_argument_group("broker admin API")
    group.add_argument(
        "--jolokia", metavar="URL", help="ActiveMQ Jolokia, e.g. http://localhost:8161/api/jolokia"
    )
    group.add_argument(
        "--management", metavar="URL", help="RabbitMQ management API, e.g. http://localhost:15672"
    )
    group.add_argument(
        "--management-user",
        metavar="NAME",
        help="login for --management/--jolokia (default: the STOMP login; 'guest' for "
        "RabbitMQ without one)",
    )
    group.add_argument(
        "--management-passcode-env",
        metavar="VAR",
        help="read the management/Jolokia password from environment variable VAR "
        "(default: the STOMP passcode)",
    )
    group.add_argument(
        "--broker",
        choices=("auto", "activemq", "rabbitmq", "artemis", "spring", "sandbox"),
        default="auto",
        help="broker kind (default: from the CONNECTED server header)",
    )


def admin_apis(args: argparse.Namespace, options: dict[str, Any]) -> AdminApis:
    """The Jolokia / management clients the flags (or the profile) name."""
    from explorer.operations import AdminApis, JolokiaAdmin, ManagementAdmin

    found = admin_endpoints(args, options)
    jolokia = None
    if found.jolokia_url:
        jolokia = JolokiaAdmin(
            found.jolokia_url, login=found.jolokia_login, password=found.jolokia_password
        )
    management = None
    if found.management_url:
        management = ManagementAdmin(
            found.management_url,
            login=found.management_login,
            password=found.management_password,
            vhost=found.vhost,
        )
    return AdminApis(jolokia=jolokia, management=management)


def configured_broker(args: argparse.Namespace) -> BrokerKind | None:
    from explorer.broker.kind import parse_kind

    return parse_kind(args.broker)


def run_operation(coro: Coroutine[Any, Any, T]) -> T:
    """`run_client` with the operations' errors as one line and the right exit code."""
    from explorer.operations import (
        ApiFailed,
        DestinationRefused,
        OperationError,
    )

    try:
        return run_client(coro)
    except OperationError as exc:
        if isinstance(exc, ApiFailed):
            code = ExitCode.CONNECTION if exc.unreachable else ExitCode.FAILURE
        elif isinstance(exc, DestinationRefused):
            code = ExitCode.FAILURE
        else:
            code = ExitCode.USAGE  # unsupported, unknown queue, bad selector, missing API
        raise CliError(exc.message, code) from None


def handle(args: argparse.Namespace) -> int:
    from explorer.operations import MovePlan

    if args.to_original == (args.target is not None):
        raise CliError("give a TARGET queue or --to-original (one of them)", ExitCode.USAGE)
    destructive = not (args.copy or args.dry_run)
    if destructive and not args.yes:
        raise CliError(
            f"a move takes messages off {args.source}: add --yes to go ahead (or --dry-run "
            "to list what would move, or --copy to leave them there); nothing was touched",
            ExitCode.USAGE,
        )
    connection = resolve_connection(args)
    plan = MovePlan(
        source=args.source,
        target=args.target,
        to_original=args.to_original,
        copy=args.copy,
        selector=args.selector,
        count=args.count,
        idle=args.idle,
        window=args.window,
        where=args.where,
    )
    apis = admin_apis(args, connection.options)
    kind = configured_broker(args)
    if args.dry_run:
        return run_operation(_dry_run(connection.client, plan, apis, kind))
    result = run_operation(_move(connection.client, plan, apis, kind, args.progress))
    print(result.summary(plan), flush=True)
    return exit_for(result)


async def _move(
    open_client: Any, plan: MovePlan, apis: AdminApis, kind: BrokerKind | None, progress: bool
) -> MoveResult:
    from explorer.operations import move_messages

    def report(counts: MoveResult) -> None:
        done = "copied" if plan.copy else "moved"
        print(
            f"{done} {counts.moved} ({counts.duplicated} duplicated, {counts.failed} failed, "
            f"{counts.skipped} skipped)",
            file=sys.stderr,
            flush=True,
        )

    return await move_messages(
        open_client, plan, broker=kind, apis=apis, progress=report if progress else None
    )


async def _dry_run(
    open_client: Any, plan: MovePlan, apis: AdminApis, kind: BrokerKind | None
) -> int:
    from explorer.operations import LISTING_NOTES, list_messages

    listed, method = await list_messages(
        open_client, plan, broker=kind, apis=apis, on_message=_print_listed
    )
    verb = "copy" if plan.copy else "move"
    print(
        f"{listed} message{'s' if listed != 1 else ''} would {verb} ({LISTING_NOTES[method]})",
        flush=True,
    )
    return int(ExitCode.OK)


def _print_listed(item: ListedMessage) -> None:
    message = item.message
    target = item.target or "(skipped: no original destination)"
    text = message.body[:PREVIEW].decode("utf-8", "replace")
    preview = "".join(c if c.isprintable() else "." for c in text)
    print(
        f"{item.position}\t{message.message_id or '-'}\t-> {target}\t{len(message.body)} bytes"
        f"\t{preview}",
        flush=True,
    )


def exit_for(result: MoveResult) -> int:
    from explorer.cli.connection_args import client_error
    from explorer.client import ClientError
    from explorer.operations import OperationError, StopReason

    error = result.error
    if result.stopped is StopReason.REFUSED:
        words = error.message if isinstance(error, OperationError) else str(error)
        print(f"stomp-explorer: error: {words}", file=sys.stderr)
        return int(ExitCode.FAILURE)
    if result.stopped is StopReason.CONNECTION_LOST:
        cli = client_error(error) if isinstance(error, ClientError) else None
        print(f"stomp-explorer: error: {cli.message if cli else error}", file=sys.stderr)
        if cli is not None and cli.code is ExitCode.TIMEOUT:
            return int(ExitCode.TIMEOUT)
        return int(ExitCode.CONNECTION)
    return int(ExitCode.OK)
