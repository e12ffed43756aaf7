"""`stomp-explorer replay FILE URL`: send recorded messages again, keeping their gaps.

FILE is JSON Lines from `stomp-explorer tail --format jsonl` or the window's export. Each
message keeps its own headers minus those the broker sets (message-id, subscription, ack,
timestamp, redelivered, expires, ...); `--speed 2` halves the recorded gaps, `--speed max`
sends as fast as possible.

Exit status: 0 sent, 1 the broker answered with an ERROR, 2 usage or unreadable file
(file:line), 3 connection or login failed.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from explorer.cli.argtypes import factor_or_max, text, whole_number
from explorer.cli.connection_args import add_connection_arguments, resolve_connection, run_client
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.client import Client
    from explorer.scenarios.recording import RecordedMessage


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay",
        help="send recorded messages (tail --format jsonl, the window's export) again",
        description="Re-send each message recorded in FILE to the broker at URL, keeping the "
        "recorded gaps, e.g. stomp-explorer replay orders.jsonl stomp://localhost --speed 10",
    )
    parser.add_argument(
        "file", metavar="FILE", help="JSON Lines from `tail --format jsonl` or the window"
    )
    add_connection_arguments(parser)
    parser.add_argument(
        "--destination",
        metavar="DEST",
        type=text,
        help="send everything here instead of to each message's own destination",
    )
    parser.add_argument(
        "--speed",
        metavar="FACTOR|max",
        type=factor_or_max,
        default=1.0,
        help="divide the recorded gaps by FACTOR (default 1: as recorded); max: no gaps",
    )
    parser.add_argument(
        "--count", metavar="N", type=whole_number, help="replay only the first N messages"
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from explorer.cli.profiles import PROFILE_PLACEHOLDER
    from explorer.scenarios.recording import RecordingError, read_recording

    if args.file == PROFILE_PLACEHOLDER:  # --profile: the placeholder went to the front
        args.file, args.url = args.url, PROFILE_PLACEHOLDER
    try:
        messages = read_recording(args.file)
    except RecordingError as exc:
        raise CliError(str(exc), ExitCode.USAGE) from None
    if args.count is not None:
        messages = messages[: args.count]
    if not messages:
        raise CliError(f"{args.file}: there are no messages to replay", ExitCode.USAGE)
    if args.destination is not None and not args.destination.strip():
        raise CliError("--destination is empty", ExitCode.USAGE)
    if args.speed is not None and all(m.timestamp is None for m in messages):
        print(
            "stomp-explorer: note: the recording has no timestamps; sending without gaps",
            file=sys.stderr,
        )
    connection = resolve_connection(args)
    sent = run_client(_replay(args, connection.client(), messages))
    noun = "message" if sent == 1 else "messages"
    print(f"replayed {sent} {noun}", file=sys.stderr)
    return int(ExitCode.OK)


async def _replay(args: argparse.Namespace, client: Client, messages: list[RecordedMessage]) -> int:
    from explorer.client import ErrorReceived
    from explorer.client.errors import describe_error_frame
    from explorer.scenarios.recording import Headers, replay

    events = client.events()
    await client.connect()

    def refused() -> None:
        for event in events.take_all():
            if isinstance(event, ErrorReceived):
                raise CliError(
                    f"the broker answered with an ERROR: {describe_error_frame(event.frame)}",
                    ExitCode.FAILURE,
                )

    async def send(destination: str, headers: Headers, body: bytes) -> None:
        await client.send(destination, body, headers=list(headers))
        refused()

    try:
        sent = await replay(messages, send, speed=args.speed, destination=args.destination)
    finally:
        await client.disconnect()
    refused()
    return sent
