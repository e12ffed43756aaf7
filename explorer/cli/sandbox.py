"""`stomp-explorer sandbox`: run the built-in sandbox broker headless, in the foreground.

Prints the URLs (`stomp://127.0.0.1:N`, `ws://127.0.0.1:M/ws`, and SockJS at
`http://127.0.0.1:M/sockjs`) and serves until Ctrl+C
(or SIGTERM), then closes every connection and exits 0. Any STOMP client can use it: stomp.py,
a browser page with @stomp/stompjs, or `nc 127.0.0.1 N`. In memory only; not for production.

Exit status: 0 stopped by Ctrl+C/SIGTERM, 1 a port could not be opened (e.g. in use), 2 usage.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from typing import Any

from explorer.cli.errors import CliError, ExitCode


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the built-in sandbox STOMP broker (in memory, loopback only)",
        description="Run the built-in sandbox broker on 127.0.0.1 until Ctrl+C: STOMP "
        "1.0/1.1/1.2 over TCP, WebSocket and SockJS (/sockjs on the WebSocket port), queues "
        "(/queue/...), topics (/topic/...) and Spring-style user destinations "
        "(/user/queue/...). Ports default to free ones; the URLs are printed.",
    )
    parser.add_argument(
        "--port",
        metavar="N",
        type=_port,
        default=0,
        help="TCP port for STOMP (default: a free port)",
    )
    parser.add_argument(
        "--ws-port",
        metavar="N",
        type=_port,
        default=0,
        help="port for STOMP over WebSocket and SockJS (default: a free port)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="publish demo notifications (JSON, Korean and English) to "
        "/topic/notifications/user.<id>, /queue/orders, /topic/alerts/<level>",
    )
    parser.add_argument(
        "--rate",
        metavar="R",
        type=_rate,
        default=5.0,
        help="demo messages per second (default 5; implies nothing without --demo)",
    )
    parser.add_argument(
        "--seed",
        metavar="N",
        type=int,
        default=None,
        help="seed the demo's random choices (repeatable sequences)",
    )
    parser.add_argument(
        "--no-heart-beats",
        action="store_true",
        help="answer heart-beat:0,0 whatever the client asks, as Spring's simple broker does "
        "without a TaskScheduler (to see how a client copes)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log connections, disconnections and their reasons to stderr",
    )
    parser.set_defaults(handler=handle)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535 (0 = a free one), not {port}")
    return port


def _rate(text: str) -> float:
    from explorer.sandbox.demo import MAX_RATE

    try:
        rate = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < rate <= MAX_RATE:
        raise argparse.ArgumentTypeError(f"rate must be above 0 and at most {MAX_RATE:g}")
    return rate


def handle(args: argparse.Namespace) -> int:
    if args.verbose:
        logging.basicConfig(format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
        logging.getLogger("explorer.sandbox").setLevel(logging.DEBUG)
    try:
        return asyncio.run(_serve(args))
    except KeyboardInterrupt:  # platforms without loop signal handlers
        return int(ExitCode.OK)


async def _serve(args: argparse.Namespace) -> int:
    from explorer.sandbox import ListenError, SandboxBroker

    broker = SandboxBroker(
        tcp_port=args.port,
        ws_port=args.ws_port,
        demo=args.demo,
        demo_rate=args.rate,
        demo_seed=args.seed,
        heartbeats_off=args.no_heart_beats,
    )
    try:
        await broker.start()
    except ListenError as exc:
        raise CliError(exc.message, ExitCode.FAILURE) from None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    try:
        print(
            f"STOMP Explorer sandbox (in memory, not for production)\n"
            f"  {broker.tcp_url}\n  {broker.ws_url}\n  {broker.sockjs_url}",
            flush=True,
        )
        if args.demo:
            print(f"  demo traffic on: {args.rate:g} messages/s", flush=True)
        print("Ctrl+C stops it.", flush=True)
        await stop.wait()
    finally:
        await broker.stop()
    print("sandbox stopped", file=sys.stderr, flush=True)
    return int(ExitCode.OK)
