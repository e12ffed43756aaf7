"""`stomp-explorer purge URL QUEUE --yes`: delete the messages waiting in a queue, or only
those a selector matches, through the broker's HTTP API (STOMP has no purge).

    stomp-explorer purge stomp://localhost /queue/orders --jolokia \\
        http://localhost:8161/api/jolokia --yes
    stomp-explorer purge stomp://localhost /queue/orders --selector "region = 'eu'" \\
        --jolokia http://localhost:8161/api/jolokia --yes
    stomp-explorer purge stomp://guest@localhost:61623 /queue/orders \\
        --management http://localhost:15672 --passcode-env PW --yes

ActiveMQ: Jolokia's `purge()` or `removeMatchingMessages(selector)` (`--jolokia URL`).
RabbitMQ: the management API's `DELETE /api/queues/{vhost}/{name}/contents`
(`--management URL`); RabbitMQ has no selectors, so `--selector` is refused there. The
broker kind comes from `--broker`, else from which API is given (Jolokia: ActiveMQ,
management: RabbitMQ), else from a STOMP connection to URL.

`--where EXPR` needs no admin API and works on any broker: every message is read over
STOMP, the ones our filter matches are acknowledged (deleted), the others stay (given back
at the end, marked redelivered). The line names how many were removed.

Without `--yes`: exit 2 and nothing touched. Exit status: 0 purged; 1 the API refused the
operation; 2 usage (no --yes, a topic, a selector on RabbitMQ, an unknown queue, no API
given); 3 the STOMP connection or the API could not be reached or refused the login.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from explorer.cli.connection_args import add_connection_arguments, resolve_connection
from explorer.cli.errors import CliError, ExitCode
from explorer.cli.move import (
    add_admin_arguments,
    admin_apis,
    configured_broker,
    exit_for,
    run_operation,
)

if TYPE_CHECKING:
    from explorer.broker.kind import BrokerKind
    from explorer.cli.connection_args import ResolvedConnection
    from explorer.operations import AdminApis, PurgeResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "purge",
        help="delete the messages of a queue (or those matching a selector)",
        description="Delete every message waiting in QUEUE, or with --selector only the "
        "matching ones (ActiveMQ), through Jolokia (--jolokia URL) or the RabbitMQ "
        "management API (--management URL). Needs --yes.",
    )
    add_connection_arguments(parser)
    parser.add_argument("queue", metavar="QUEUE", help="e.g. /queue/orders")
    parser.add_argument(
        "--selector",
        metavar="EXPR",
        help="only remove the messages matching this JMS selector (ActiveMQ)",
    )
    parser.add_argument(
        "--where",
        metavar="EXPR",
        help="only remove the messages matching this filter, evaluated here (any broker, no "
        "admin API: every message is read over STOMP, the others stay, marked redelivered)",
    )
    parser.add_argument("--yes", action="store_true", help="really delete the messages")
    add_admin_arguments(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if not args.yes:
        what = "the matching messages" if args.selector else "every message"
        raise CliError(
            f"a purge deletes {what} of {args.queue} for good: add --yes to go ahead; "
            "nothing was touched",
            ExitCode.USAGE,
        )
    if args.where and args.selector:
        raise CliError("give --selector (the broker's) or --where (ours), not both", ExitCode.USAGE)
    connection = resolve_connection(args)
    apis = admin_apis(args, connection.options)
    if args.where:
        return _purge_where(args, connection, apis)
    result = run_operation(_purge(args, connection, apis))
    print(result.summary(), flush=True)
    return int(ExitCode.OK)


def _purge_where(args: argparse.Namespace, connection: ResolvedConnection, apis: AdminApis) -> int:
    """Consume every message over STOMP, ACK (delete) what the filter matches."""
    from explorer.operations import MovePlan, move_messages

    plan = MovePlan(args.queue, discard=True, where=args.where)
    result = run_operation(
        move_messages(connection.client, plan, broker=configured_broker(args), apis=apis)
    )
    print(result.summary(plan), flush=True)
    return exit_for(result)


async def _purge(
    args: argparse.Namespace, connection: ResolvedConnection, apis: AdminApis
) -> PurgeResult:
    from explorer.operations import purge_queue
    from explorer.operations.purge import check_purge

    kind = configured_broker(args) or await _kind(connection, apis)
    check_purge(args.queue, kind, apis, args.selector)
    return await purge_queue(args.queue, broker=kind, apis=apis, selector=args.selector)


async def _kind(connection: ResolvedConnection, apis: AdminApis) -> BrokerKind:
    """Which broker: from the one API given, else from CONNECTED (the STOMP URL)."""
    from explorer.broker.kind import BrokerKind
    from explorer.operations import broker_kind
    from explorer.operations.connection import connected

    if (apis.jolokia is None) != (apis.management is None):
        return BrokerKind.ACTIVEMQ if apis.jolokia is not None else BrokerKind.RABBITMQ
    async with connected(connection.client) as client:
        return broker_kind(client)
