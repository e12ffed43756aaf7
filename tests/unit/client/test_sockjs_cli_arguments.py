"""The command line's SockJS, token and browser-like flags (cli/transport_args.py): what they
become in the client's options, what cannot work as a usage error (exit 2) in a sentence,
and token failures as exit 3."""

from __future__ import annotations

import argparse

import pytest

from explorer.cli.connection_args import add_connection_arguments, client_error, resolve_connection
from explorer.cli.errors import CliError, ExitCode
from explorer.client import (
    BROWSER_SUBPROTOCOLS,
    SockJsError,
    SockJsOptions,
    TokenError,
    TokenPlacement,
)


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_connection_arguments(parser)
    return parser.parse_args(list(argv))


def test_a_sockjs_url_with_a_forced_transport_and_connect_headers() -> None:
    resolved = resolve_connection(
        parse(
            "https://app.example/ws",
            "--sockjs-transport",
            "xhr-polling",
            "--connect-header",
            "client-id:qa:1",
            "--connect-header",
            "x-tenant:a",
        )
    )
    assert resolved.endpoint.is_sockjs and resolved.endpoint.port == 443
    assert resolved.options["sockjs"] == SockJsOptions("xhr-polling")
    assert resolved.options["connect_headers"] == (("client-id", "qa:1"), ("x-tenant", "a"))
    client = resolved.client()
    assert client.sockjs.transport == "xhr-polling"
    assert client.connect_headers == (("client-id", "qa:1"), ("x-tenant", "a"))


def test_a_token_from_a_command_placed_in_the_query_with_its_name() -> None:
    resolved = resolve_connection(
        parse(
            "wss://app.example/ws",
            "--token-command",
            "get-jwt",
            "--token-in",
            "query",
            "--token-name",
            "jwt",
        )
    )
    token = resolved.options["token"]
    assert token.source.command == "get-jwt"
    assert (token.placement, token.effective_name) == (TokenPlacement.QUERY, "jwt")


def test_browser_like_mode_offers_what_stompjs_offers() -> None:
    resolved = resolve_connection(
        parse("ws://h:15674/ws", "--browser-like", "--ws-header", "Cookie:sid=1")
    )
    websocket = resolved.options["websocket"]
    assert websocket.browser_like
    assert websocket.offered_subprotocols() == BROWSER_SUBPROTOCOLS
    assert websocket.origin_for("http://h:15674") == "http://h:15674"
    assert websocket.request_headers() == [("Cookie", "sid=1")]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ("stomp://h", "--sockjs-transport", "websocket"),
            "needs a SockJS URL (http:// or https://)",
        ),
        (("stomp://h", "--browser-like"), "a page cannot open a STOMP TCP connection"),
        (
            ("stomp://h", "--token-env", "JWT", "--token-in", "cookie"),
            "over stomp:// a token can only go in CONNECT",
        ),
        (("http://h/ws", "--token-in", "query"), "--token-in needs a token"),
        (("http://h/ws", "--token-env", "J", "--token-name", "X Auth"), "no ':' and no spaces"),
        (("http://h/ws", "--token-env", "J", "--token-name", "a:b"), "no ':' and no spaces"),
        (
            ("http://h/ws", "--browser-like", "--ws-header", "Authorization:x"),
            "cannot set WebSocket handshake headers (Authorization)",
        ),
        (
            ("http://h/ws", "--browser-like", "--token-env", "JWT", "--token-in", "handshake"),
            "cannot put a token in a handshake header",
        ),
    ],
)
def test_what_cannot_work_is_a_usage_error(argv: tuple[str, ...], words: str) -> None:
    with pytest.raises(CliError) as info:
        resolve_connection(parse(*argv))
    assert info.value.code == ExitCode.USAGE and words in str(info.value)


def test_a_credential_in_connect_header_is_refused_at_parsing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        parse("http://h/ws", "--connect-header", "Authorization:Bearer abc")
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "would put a credential on the command line" in err and "abc" not in err


def test_token_and_sockjs_failures_are_connection_failures() -> None:
    assert client_error(TokenError("the token command failed", "command")).code == 3
    assert client_error(SockJsError("neither SockJS nor WebSocket")).code == 3


def test_a_fallback_note_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    resolved = resolve_connection(parse("http://h:15674/ws"))
    resolved.options["transport_notes"]("connected with a raw WebSocket")
    assert capsys.readouterr().err == "stomp-explorer: note: connected with a raw WebSocket\n"


def test_a_token_over_plain_http_to_another_machine_is_warned_about(
    capsys: pytest.CaptureFixture[str],
) -> None:
    resolve_connection(parse("http://app.example/ws", "--token-env", "JWT"))
    assert "the token goes to http://app.example:80 over plain HTTP" in capsys.readouterr().err
    resolve_connection(parse("http://127.0.0.1:8080/ws", "--token-env", "JWT"))
    resolve_connection(parse("https://app.example/ws", "--token-env", "JWT"))
    assert capsys.readouterr().err == ""
