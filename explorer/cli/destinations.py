"""`stomp-explorer destinations URL`: list what lives on a broker, with sources and counts.

`--profile NAME` instead of the URL takes the connection and the management endpoints
(`jolokia_url`, `management_url`, login, and the keyring's management password) from a saved
profile; flags given as well win.

Sources: ActiveMQ advisories over STOMP (automatic when the broker says it is ActiveMQ),
Jolokia (`--jolokia URL`), the RabbitMQ management API (`--management URL`), files given with
`--import FILE`. One line per destination, sources merged:

    table (default)   DESTINATION  KIND  SOURCES  DEPTH  CONSUMERS  IN  OUT  LABELS
    jsonl             {"destination": …, "kind": "queue|topic|exchange|…", "sources": […],
                       "depth": …, "consumers": …, "enqueued": …, "dequeued": …, "gone": …,
                       "aliases": […], "labels": […]}   (null where unknown)

The management password comes from `--management-passcode-env VAR` (never a flag value);
without it the STOMP passcode is tried, since RabbitMQ shares users between both.

Exit status: 0 ok; 2 usage; 3 the STOMP connection or login failed, or a discovery endpoint
refused the login, could not be reached, never answered or is not the service it should be
(`--jolokia` at a port that is not Jolokia says so); 4 the STOMP connection timed out; 1 other
errors (an unreadable --import file).
When an endpoint fails (say a wrong management password), what the other sources found is
still printed first, then the error goes to stderr and the exit status is 3: a script sees
the partial list and knows it is partial.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from explorer.cli.admin_args import admin_endpoints
from explorer.cli.argtypes import http_url, seconds
from explorer.cli.connection_args import (
    BrokerErrors,
    add_connection_arguments,
    resolve_connection,
    run_client,
)
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.discovery.merge import MergedDestination
    from explorer.discovery.scan import ScanResult
    from explorer.discovery.service import DiscoveryConfig
    from explorer.session import Target


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "destinations",
        help="list the destinations on a broker with their sources and counts",
        description="Discover the destinations on a broker (ActiveMQ advisories, Jolokia, "
        "RabbitMQ management API, import files) and print one per line, e.g. "
        "stomp-explorer destinations stomp://localhost --jolokia "
        "http://localhost:8161/api/jolokia",
    )
    add_connection_arguments(parser)
    group = parser.add_argument_group("discovery")
    group.add_argument(
        "--management",
        metavar="URL",
        type=http_url,
        help="RabbitMQ management API, e.g. http://localhost:15672",
    )
    group.add_argument(
        "--jolokia",
        metavar="URL",
        type=http_url,
        help="ActiveMQ Jolokia endpoint, e.g. http://localhost:8161/api/jolokia",
    )
    group.add_argument(
        "--management-user",
        metavar="NAME",
        help="login for --management/--jolokia (default: the STOMP login; "
        "'guest' for RabbitMQ without one)",
    )
    group.add_argument(
        "--management-passcode-env",
        metavar="VAR",
        help="read the management/Jolokia password from environment variable "
        "VAR (default: the STOMP passcode)",
    )
    group.add_argument(
        "--broker",
        choices=("auto", "activemq", "rabbitmq", "artemis", "spring", "sandbox"),
        default="auto",
        help="broker kind (default: from the CONNECTED server header)",
    )
    group.add_argument(
        "--import",
        metavar="FILE",
        action="append",
        default=[],
        dest="imports",
        help="also list the destinations in FILE (one per line, or JSON Lines "
        "as printed by --format jsonl); repeatable",
    )
    group.add_argument(
        "--no-advisories",
        action="store_true",
        help="do not subscribe to ActiveMQ's advisory topics",
    )
    group.add_argument(
        "--include-internal",
        action="store_true",
        help="also list ActiveMQ.Advisory.* topics and RabbitMQ's amq.* and default exchanges",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=seconds,
        default=10.0,
        help="how long to wait for each source's first answer (default 10)",
    )
    parser.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table (default) or jsonl: one JSON object per destination",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    connection = resolve_connection(args)
    result = run_client(_run(args, connection.target("destinations"), connection.options))
    _print(result.destinations, args.format, sys.stdout)
    return _exit_for(result)


async def _run(args: argparse.Namespace, target: Target, options: dict[str, Any]) -> ScanResult:
    """Connect through the session core (the broker kind from CONNECTED, as in the window),
    then run the discovery scan over its client."""
    from explorer.broker.kind import parse_kind
    from explorer.client import Client
    from explorer.discovery.scan import scan
    from explorer.session import ConnectionSession

    session = ConnectionSession(target, BrokerErrors(), wire_records=False)
    await session.connect()
    try:
        broker = parse_kind(args.broker) or session.broker_kind
        config = _config(args, broker, options)
        client = session.client
        return await scan(config, client if isinstance(client, Client) else None, args.timeout)
    finally:
        await session.shutdown()


def _config(args: argparse.Namespace, broker: Any, options: dict[str, Any]) -> DiscoveryConfig:
    from explorer.broker.kind import BrokerKind
    from explorer.discovery.service import DiscoveryConfig

    found = admin_endpoints(args, options)
    return DiscoveryConfig(
        broker=broker,
        advisories=not args.no_advisories,
        include_advisory_topics=args.include_internal,
        include_internal_exchanges=args.include_internal,
        jolokia_url=found.jolokia_url,
        jolokia_login=found.jolokia_login,
        jolokia_password=found.jolokia_password,
        management_url=found.management_url,
        management_login=found.management_login,
        management_password=found.management_password,
        vhost=found.vhost,
        http_timeout=args.timeout,
        import_files=tuple(args.imports),
        advisory_consumers=broker is BrokerKind.ACTIVEMQ,
    )


def _exit_for(result: ScanResult) -> int:
    from explorer.discovery.errors import (
        DiscoveryAuthError,
        DiscoveryProtocolError,
        DiscoveryUnavailable,
    )

    if not result.problems:
        return int(ExitCode.OK)
    code = ExitCode.FAILURE
    for error in result.problems.values():
        if isinstance(error, DiscoveryAuthError | DiscoveryUnavailable | DiscoveryProtocolError):
            code = ExitCode.CONNECTION
    messages = "; ".join(error.message for error in result.problems.values())
    raise CliError(messages, code)


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def _print(rows: Sequence[MergedDestination], style: str, out: TextIO) -> None:
    if style == "jsonl":
        for row in rows:
            out.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        out.flush()
        return
    table = [("DESTINATION", "KIND", "SOURCES", "DEPTH", "CONSUMERS", "IN", "OUT", "LABELS")]
    for row in rows:
        labels = list(row.labels) + (["gone"] if row.gone else [])
        table.append(
            (
                row.destination,
                str(row.kind),
                ",".join(str(s) for s in row.sources),
                _cell(row.depth),
                _cell(row.consumers),
                _cell(row.enqueued),
                _cell(row.dequeued),
                ",".join(labels),
            )
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]) - 1)]
    for line in table:
        cells = [text.ljust(width) for text, width in zip(line, widths, strict=False)]
        out.write(("  ".join([*cells, line[-1]])).rstrip() + "\n")
    out.flush()
