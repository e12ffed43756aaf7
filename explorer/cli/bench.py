"""`stomp-explorer bench URL`: how fast and how reliably does this broker deliver?

Sends and receives in one process (each producer and consumer on its own connection),
stamps every message and reports sent, received, lost, duplicates, out-of-order, throughput
and send -> receive latency percentiles (HdrHistogram). A progress bar is drawn on stderr
when it is a terminal.

Exit status: 0 done (even with losses: they are the result), 2 usage, 3 connection or login
failed, 1 the broker refused something (an ERROR frame).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from explorer.cli.argtypes import byte_count, per_second_or_max, text, whole_number
from explorer.cli.connection_args import add_connection_arguments, resolve_connection, run_client
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.bench import BenchOptions
    from explorer.cli.connection_args import ResolvedConnection

MAX_MESSAGES = 100_000_000
MAX_SIZE = 64 * 2**20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure throughput, losses and latency against a broker",
        description="Send and receive stamped messages through the broker at URL, e.g. "
        "stomp-explorer bench stomp://localhost --messages 100000 --rate max",
    )
    add_connection_arguments(parser)
    parser.add_argument(
        "--destination",
        metavar="D",
        type=text,
        help="where to send (default: a new /queue/stomp-explorer.bench.<random>); "
        "on a /topic/ every consumer receives every message",
    )
    parser.add_argument(
        "--messages",
        metavar="N",
        type=whole_number,
        default=10_000,
        help="messages to send in total (default 10000)",
    )
    parser.add_argument(
        "--rate",
        metavar="R|max",
        type=per_second_or_max,
        default=None,
        help="messages per second in total (default max: as fast as possible)",
    )
    parser.add_argument(
        "--size",
        metavar="BYTES",
        type=_size,
        default=100,
        help="body size in bytes (default 100)",
    )
    parser.add_argument(
        "--producers",
        metavar="P",
        type=whole_number,
        default=1,
        help="sending connections (default 1)",
    )
    parser.add_argument(
        "--consumers",
        metavar="C",
        type=whole_number,
        default=1,
        help="receiving connections (default 1)",
    )
    parser.add_argument(
        "--persistent", action="store_true", help="send persistent messages (persistent:true)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or one JSON object",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from explorer.bench import BenchOptions, result_json, result_text

    if args.messages > MAX_MESSAGES:
        raise CliError(f"--messages is at most {MAX_MESSAGES:,}", ExitCode.USAGE)
    if args.producers > args.messages:
        raise CliError("--producers cannot be more than --messages", ExitCode.USAGE)
    options = BenchOptions(
        messages=args.messages,
        rate=args.rate,
        size=args.size,
        producers=args.producers,
        consumers=args.consumers,
        persistent=args.persistent,
    )
    if args.destination is not None:
        if not args.destination.strip():
            raise CliError("--destination is empty", ExitCode.USAGE)
        from dataclasses import replace

        options = replace(options, destination=args.destination)
    connection = resolve_connection(args)
    result = run_client(_bench(connection, options))
    if args.format == "json":
        print(json.dumps(result_json(result)), flush=True)
    else:
        print(result_text(result), flush=True)
    return int(ExitCode.OK)


async def _bench(connection: ResolvedConnection, options: BenchOptions) -> Any:
    from explorer.bench import run_bench

    bar = _progress_bar(options)
    try:
        return await run_bench(
            lambda: connection.client(reconnect=None),
            options,
            on_progress=None if bar is None else bar.update_to,
        )
    finally:
        if bar is not None:
            bar.close()


class _Bar:
    """tqdm on stderr, only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="msg", file=sys.stderr, mininterval=0.2, leave=False)

    def update_to(self, received: int, expected: int) -> None:
        self._bar.total = expected
        self._bar.update(received - self._bar.n)

    def close(self) -> None:
        self._bar.close()


def _progress_bar(options: BenchOptions) -> _Bar | None:
    if not (sys.stderr is not None and sys.stderr.isatty()):
        return None
    fan_out = options.consumers if options.fan_out else 1
    return _Bar(options.messages * fan_out)


def _size(value: str) -> int:
    size = byte_count(value)
    if size > MAX_SIZE:
        raise argparse.ArgumentTypeError(f"--size is at most {MAX_SIZE} bytes")
    return size
