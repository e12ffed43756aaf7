"""Connection options shared by the subcommands that talk to a broker (send, tail, ...).

`add_connection_arguments(parser)` adds the URL and the options; `resolve_connection(args)`
turns them into a `ResolvedConnection` (endpoint + keyword arguments for `Client`). Keep all
URL/option resolution in that one function so that `--profile NAME` can extend it.

Secrets never come from a flag value (it would show in `ps` and shell history): the passcode
comes from `--passcode-env VAR` or, on a terminal, from a prompt.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from explorer.cli.argtypes import check_text, seconds, text
from explorer.cli.errors import CliError, ExitCode
from explorer.cli.security import insecure_tls, warn
from explorer.client.url import Endpoint, UrlError, parse_url

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from explorer.client import Client, ClientError, WireRecord
    from explorer.session import DestinationChange, Notice, SessionError, Status, Target
    from explorer.session.subscriptions import LiveSubscription
    from explorer.store import LogEntry

T = TypeVar("T")

__all__ = [
    "BrokerErrors",
    "ResolvedConnection",
    "add_connection_arguments",
    "client_error",
    "insecure_warning",
    "parse_header",
    "resolve_connection",
    "run_client",
    "session_error",
]


@dataclass(frozen=True)
class ResolvedConnection:
    """Where to connect and how: `client()` builds the `explorer.client.Client`."""

    endpoint: Endpoint
    options: dict[str, Any] = field(default_factory=dict, repr=False)  # Client(**options)

    def client(self, **overrides: Any) -> Client:
        from explorer.client import Client

        return Client(self.endpoint, **{**self.options, **overrides})

    def target(self, name: str, **overrides: Any) -> Target:
        """The same connection for a `explorer.session.ConnectionSession` (no discovery,
        no reconnect: a command ends when its connection does)."""
        from explorer.session import Target

        return Target(name, self.endpoint, {**self.options, **overrides})


class BrokerErrors:
    """A session sink that keeps the broker's ERRORs: a command that failed after one
    explains itself with the broker's words, whatever error it met next."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []  # (message header, detail)

    def on_notice(self, notice: Notice) -> None:
        from explorer.session import BrokerErrorReceived

        if isinstance(notice, BrokerErrorReceived):
            self.errors.append((notice.message, notice.detail))

    def raise_first(self) -> None:
        if self.errors:
            from explorer.broker.explain import explain_text, explained

            message, detail = self.errors[0]
            words = (message or "(no message header)") + (f" ({detail})" if detail else "")
            raise CliError(
                explained(
                    f"the broker answered with an ERROR: {words}",
                    explain_text(f"{message}\n{detail}"),
                ),
                ExitCode.FAILURE,
            )

    def on_state(self, status: Status) -> None:
        pass

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        pass

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        pass

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        pass

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        pass


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    """The broker URL (first positional) and the connection options."""
    parser.add_argument(
        "url",
        metavar="URL",
        help="broker URL: stomp://[user@]host[:61613], stomp+ssl://host[:61614], "
        "ws://host:port/path, wss://host/path, or a SockJS endpoint http(s)://host/path "
        "(or leave it out and give --profile NAME)",
    )
    group = parser.add_argument_group("connection")
    from explorer.cli.profiles import add_profile_option

    add_profile_option(parser, group)
    group.add_argument(
        "--user", metavar="U", type=text, help="login name (overrides user@ in the URL)"
    )
    group.add_argument(
        "--passcode", "--password", nargs="?", action=_RefuseSecretFlag, help=argparse.SUPPRESS
    )
    group.add_argument(
        "--passcode-env",
        metavar="VAR",
        help="read the passcode from environment variable VAR (otherwise, on a terminal, "
        "you are asked for it when --user is given)",
    )
    group.add_argument(
        "--vhost",
        metavar="HOST",
        type=text,
        default=None,
        help="the CONNECT host header (RabbitMQ: the virtual host; default '/')",
    )
    group.add_argument(
        "--heart-beat",
        metavar="SEND,RECV",
        default=None,
        type=_heart_beat,
        help="heart-beat intervals in ms offered to the broker (default 10000,10000; 0,0 = off)",
    )
    group.add_argument(
        "--connect-timeout",
        metavar="SECONDS",
        type=seconds,
        default=10.0,
        help="give up connecting after this long (default 10)",
    )
    tls = parser.add_argument_group("TLS (stomp+ssl://, wss://)")
    tls.add_argument("--ca-file", metavar="PATH", help="trust the CA certificates in this PEM file")
    tls.add_argument(
        "--insecure",
        action="store_true",
        help="do not verify the broker's certificate (testing only)",
    )
    tls.add_argument("--client-cert", metavar="PATH", help="client certificate (PEM)")
    tls.add_argument("--client-key", metavar="PATH", help="client private key (PEM)")
    tls.add_argument(
        "--key-passphrase-env",
        metavar="VAR",
        help="read the client key's passphrase from environment variable VAR",
    )
    tls.add_argument(
        "--server-name",
        metavar="NAME",
        help="TLS server name (SNI and certificate check) if not the URL's host",
    )
    ws = parser.add_argument_group("WebSocket (ws://, wss://)")
    ws.add_argument(
        "--ws-header",
        metavar="NAME:VALUE",
        action="append",
        type=parse_header,
        default=[],
        help="extra handshake header, e.g. 'Cookie:a=b' (repeatable)",
    )
    ws.add_argument("--origin", metavar="URL", help="send this Origin header in the handshake")
    from explorer.cli.transport_args import add_transport_arguments

    add_transport_arguments(parser)


def resolve_connection(args: argparse.Namespace) -> ResolvedConnection:
    """From parsed arguments to a ResolvedConnection; CliError(USAGE) names what to fix.
    A TLS connection without certificate verification is announced on stderr."""
    connection = _resolve(args)
    warning = insecure_warning(connection, args)
    if warning is not None:
        warn(warning)
    return connection


def insecure_warning(connection: ResolvedConnection, args: argparse.Namespace) -> str | None:
    """The warning to print for every connection made with `connection` (None: verified)."""
    source = "--insecure" if args.insecure else f"profile '{getattr(args, 'profile', '')}'"
    return insecure_tls(connection.endpoint, connection.options.get("tls"), source)


def _resolve(args: argparse.Namespace) -> ResolvedConnection:
    from explorer.cli.profiles import profile_connection
    from explorer.cli.transport_args import apply_transport_arguments
    from explorer.client import TlsOptions, WebSocketOptions

    from_profile = profile_connection(args)  # --profile NAME (+ overriding options)
    if from_profile is not None:
        endpoint, options = from_profile
        return ResolvedConnection(endpoint, apply_transport_arguments(args, endpoint, options))
    try:
        endpoint = parse_url(args.url)
    except UrlError as exc:
        raise CliError(str(exc), ExitCode.USAGE) from None
    login = args.user if args.user else endpoint.login
    passcode = _secret_from_env(args.passcode_env, "--passcode-env")
    if passcode is None and login is not None and args.passcode_env is None and _interactive():
        passcode = getpass.getpass(f"passcode for {login} at {endpoint.url()}: ")
    if (args.client_key or args.key_passphrase_env) and not args.client_cert:
        raise CliError("--client-key and --key-passphrase-env need --client-cert", ExitCode.USAGE)
    tls = TlsOptions(
        ca_file=args.ca_file,
        cert_file=args.client_cert,
        key_file=args.client_key,
        key_password=_secret_from_env(args.key_passphrase_env, "--key-passphrase-env"),
        server_name=args.server_name,
        insecure=args.insecure,
    )
    websocket = WebSocketOptions(headers=tuple(args.ws_header), origin=args.origin)
    return ResolvedConnection(
        endpoint,
        apply_transport_arguments(
            args,
            endpoint,
            {
                "login": login,
                "passcode": passcode,
                "host": args.vhost if args.vhost is not None else "/",
                "heartbeat": args.heart_beat if args.heart_beat is not None else (10000, 10000),
                "tls": tls,
                "websocket": websocket,
                "connect_timeout": args.connect_timeout,
            },
        ),
    )


def parse_header(header: str) -> tuple[str, str]:
    """`NAME:VALUE` for -H/--header (the value may contain more colons)."""
    name, sep, value = header.partition(":")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"'{header}' is not NAME:VALUE")
    check_text(header, f"the header {name.encode('utf-8', 'replace').decode()!r}")
    if "\0" in header:  # it would end the frame; no STOMP version can carry it
        raise argparse.ArgumentTypeError(f"the header {name!r} contains a NUL byte; remove it")
    return (name, value)


def client_error(exc: ClientError) -> CliError:
    """The exit code scripts can rely on: 3 connection/login, 4 timeout, 1 anything else."""
    from explorer.broker.explain import explained
    from explorer.client import (
        ClientTimeout,
        ConnectFailed,
        ConnectionLostError,
        ProtocolError,
        TokenError,
        TransportError,
    )
    from explorer.session.notices import explain_reason

    text = explained(str(exc), explain_reason(exc))  # the likely cause and fix, when known
    if isinstance(exc, ClientTimeout):
        return CliError(text, ExitCode.TIMEOUT)
    if isinstance(
        exc, ConnectFailed | TransportError | ConnectionLostError | ProtocolError | TokenError
    ):
        return CliError(text, ExitCode.CONNECTION)
    return CliError(text, ExitCode.FAILURE)


def session_error(exc: ClientError | SessionError) -> CliError:
    """A session command's failure as the exit code scripts rely on: 2 an empty
    destination or a comma the broker cannot read, 1 the broker refused, 3 the connection is
    gone, 4 a timeout."""
    from explorer.client import ClientError
    from explorer.session import CommandRefused, EmptyDestination, NotConnected
    from explorer.session.errors import CompositeRefused

    if isinstance(exc, ClientError):
        return client_error(exc)
    if isinstance(exc, EmptyDestination | CompositeRefused):
        return CliError(exc.message, ExitCode.USAGE)
    if isinstance(exc, NotConnected):
        return CliError("the connection was lost", ExitCode.CONNECTION)
    if isinstance(exc, CommandRefused):
        from explorer.broker.explain import explain_text, explained

        why = explain_text(f"{exc.broker_message}\n{exc.broker_detail}")
        return CliError(explained(exc.message, why), ExitCode.FAILURE)
    return CliError(exc.message, ExitCode.FAILURE)


def run_client(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run with client and session errors turned into CliError (one line, right
    exit code)."""
    from explorer.client import ClientError
    from explorer.session import SessionError

    try:
        return asyncio.run(coro)
    except ClientError as exc:
        raise client_error(exc) from None
    except SessionError as exc:
        raise session_error(exc) from None


class _RefuseSecretFlag(argparse.Action):
    """A passcode typed as a flag value would land in `ps` and shell history: refuse it,
    and never echo the value back."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(
            f"{option_string} is not accepted (a passcode on the command line ends up in shell "
            "history); use --passcode-env VAR, or give --user and type it at the prompt"
        )


def _secret_from_env(var: str | None, flag: str) -> str | None:
    if var is None:
        return None
    value = os.environ.get(var)
    if value is None:
        raise CliError(f"{flag} {var}: the environment variable {var} is not set", ExitCode.USAGE)
    return value


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _heart_beat(text: str) -> tuple[int, int]:
    parts = text.split(",")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not SEND,RECV in milliseconds, e.g. 10000,10000"
        )
    return (int(parts[0]), int(parts[1]))
