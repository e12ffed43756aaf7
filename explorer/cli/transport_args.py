"""The command line's SockJS, token and browser-like options (issue 14), shared by every
subcommand that connects (added by `add_connection_arguments`).

    --connect-header NAME:VALUE   extra CONNECT header (repeatable; not for credentials)
    --token-env VAR | --token-command CMD    a bearer token, fetched before every connect
    --token-in connect|handshake|query|cookie   --token-name NAME   --token-prefix TEXT
    --sockjs-transport websocket|xhr-streaming|xhr-polling
    --browser-like                only what a browser page can do

A token never comes from a flag value (it would show in `ps` and shell history).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from explorer.cli.argtypes import check_text, text
from explorer.cli.errors import CliError, ExitCode
from explorer.cli.security import plain_http_credentials, warn
from explorer.client.options import SOCKJS_TRANSPORTS, SockJsOptions, browser_like_problems
from explorer.client.requests import is_secret_header
from explorer.client.tokens import TokenOptions, TokenPlacement, TokenSource
from explorer.client.url import Endpoint

__all__ = ["add_transport_arguments", "apply_transport_arguments", "note"]

PLACEMENTS = tuple(p.value for p in TokenPlacement)


def connect_header(value: str) -> tuple[str, str]:
    """`NAME:VALUE` for --connect-header; a credential's name is refused (use a token)."""
    name, sep, rest = value.partition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"'{value}' is not NAME:VALUE")
    check_text(value, f"the CONNECT header {name!r}")
    if "\0" in value:
        raise argparse.ArgumentTypeError(f"the CONNECT header {name!r} contains a NUL byte")
    if is_secret_header(name):
        raise argparse.ArgumentTypeError(
            f"--connect-header {name}:… would put a credential on the command line (shell "
            f"history, ps); use --token-env VAR or --token-command CMD with --token-in connect "
            f"--token-name {name}"
        )
    return (name, rest)


def add_transport_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "SockJS, tokens and browser-like mode (http://, https:// are SockJS endpoints)"
    )
    group.add_argument(
        "--connect-header",
        metavar="NAME:VALUE",
        action="append",
        type=connect_header,
        default=[],
        help="extra CONNECT header, e.g. 'client-id:me' (repeatable; credentials go in a token)",
    )
    source = group.add_mutually_exclusive_group()
    source.add_argument(
        "--token-env",
        metavar="VAR",
        type=text,
        help="a bearer token from environment variable VAR",
    )
    source.add_argument(
        "--token-command",
        metavar="CMD",
        type=text,
        help="a bearer token printed by shell command CMD, run before every connect and "
        "reconnect (an expiring token is fetched fresh)",
    )
    group.add_argument(
        "--token-in",
        choices=PLACEMENTS,
        default=None,
        help="where the token goes: a CONNECT header (default), a handshake header, a query "
        "parameter or a cookie",
    )
    group.add_argument(
        "--token-name",
        metavar="NAME",
        type=text,
        help="the header, parameter or cookie name (default Authorization for headers, "
        "access_token for the query and cookies)",
    )
    group.add_argument(
        "--token-prefix",
        metavar="TEXT",
        default=None,
        help="text before the token (default 'Bearer ' in an Authorization header, else none)",
    )
    group.add_argument(
        "--sockjs-transport",
        choices=SOCKJS_TRANSPORTS,
        default=None,
        help="use only this SockJS transport (default: the best the server offers, in the "
        "order websocket, xhr-streaming, xhr-polling)",
    )
    group.add_argument(
        "--browser-like",
        action="store_true",
        help="connect as a browser page can: no custom handshake headers, an Origin (the "
        "endpoint's own unless --origin), cookies, subprotocols v10.stomp, v11.stomp, v12.stomp",
    )


def apply_transport_arguments(
    args: argparse.Namespace, endpoint: Endpoint, options: dict[str, Any]
) -> dict[str, Any]:
    """`options` (Client keyword arguments from the URL or a profile) with these flags
    applied: the command line wins. CliError(USAGE) for a combination that cannot work."""
    out = dict(options)
    headers = tuple(getattr(args, "connect_header", None) or ())
    if headers:
        out["connect_headers"] = tuple(out.get("connect_headers", ())) + headers
    token = _token(args, out.get("token"))
    if token is not None:
        if token.placement is not TokenPlacement.CONNECT and not endpoint.has_path:
            raise CliError(
                f"--token-in {token.placement.value} needs a ws://, wss://, http:// or https:// "
                "URL (over stomp:// a token can only go in CONNECT)",
                ExitCode.USAGE,
            )
        out["token"] = token
        if not endpoint.is_tls:
            host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
            warning = plain_http_credentials(f"http://{host}:{endpoint.port}", "the token")
            if warning is not None:
                warn(warning)
    transport = getattr(args, "sockjs_transport", None)
    if transport is not None:
        if not endpoint.is_sockjs:
            raise CliError(
                "--sockjs-transport needs a SockJS URL (http:// or https://)", ExitCode.USAGE
            )
        out["sockjs"] = SockJsOptions(transport)
    if getattr(args, "browser_like", False):
        if not endpoint.has_path:
            raise CliError(
                "--browser-like needs a ws://, wss://, http:// or https:// URL (a page cannot "
                "open a STOMP TCP connection)",
                ExitCode.USAGE,
            )
        out["websocket"] = replace(out["websocket"], browser_like=True)
    websocket = out.get("websocket")
    if websocket is not None and websocket.browser_like:
        problems = browser_like_problems(websocket)
        if token is not None and token.placement is TokenPlacement.HANDSHAKE:
            problems.append(
                "a browser page cannot put a token in a handshake header; use --token-in "
                "connect, query or cookie"
            )
        if problems:
            raise CliError(f"browser-like mode: {problems[0]}", ExitCode.USAGE)
    out["transport_notes"] = note
    return out


def _token(args: argparse.Namespace, current: TokenOptions | None) -> TokenOptions | None:
    env = getattr(args, "token_env", None)
    command = getattr(args, "token_command", None)
    placement = getattr(args, "token_in", None)
    name = getattr(args, "token_name", None)
    prefix = getattr(args, "token_prefix", None)
    if env is None and command is None and current is None:
        if placement or name or prefix is not None:
            given = "--token-in" if placement else "--token-name" if name else "--token-prefix"
            raise CliError(
                f"{given} needs a token: give --token-env VAR or --token-command CMD",
                ExitCode.USAGE,
            )
        return None
    if name is not None and (":" in name or any(ch.isspace() for ch in name) or not name):
        raise CliError(
            f"--token-name {name!r} cannot be used: a header, parameter or cookie name has "
            "no ':' and no spaces",
            ExitCode.USAGE,
        )
    if prefix is not None and any(ch in prefix for ch in "\r\n\0"):
        raise CliError("--token-prefix cannot contain a line break", ExitCode.USAGE)
    if env is not None or command is not None:
        source = TokenSource(env=env) if env is not None else TokenSource(command=command)
    else:
        assert current is not None
        source = current.source
    base = current or TokenOptions(source)
    return TokenOptions(
        source,
        TokenPlacement(placement) if placement else base.placement,
        name if name else base.name,
        prefix if prefix is not None else base.prefix,
    )


def note(sentence: str) -> None:
    """Why the transport is not the one the URL suggests: one line on stderr."""
    print(f"stomp-explorer: note: {sentence}", file=sys.stderr, flush=True)
