"""The shared connection arguments of `send`/`tail`: URL and option resolution, secrets from
the environment or a prompt (never a flag value), exit-code mapping of client errors."""

from __future__ import annotations

import argparse
from collections.abc import Callable

import pytest

from explorer.cli import argtypes, connection_args, security
from explorer.cli.connection_args import (
    add_connection_arguments,
    client_error,
    parse_header,
    resolve_connection,
)
from explorer.cli.errors import CliError, ExitCode
from explorer.client import (
    BrokerError,
    ConnectFailed,
    ConnectionLostError,
    ReceiptTimeout,
    TlsError,
    TransportError,
)
from explorer.stomp import Frame


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_connection_arguments(parser)
    return parser.parse_args(list(argv))


def test_defaults_work_on_rabbitmq_and_activemq() -> None:
    resolved = resolve_connection(parse("stomp://127.0.0.1"))
    assert resolved.endpoint.port == 61613
    assert resolved.options["host"] == "/"
    assert resolved.options["heartbeat"] == (10000, 10000)
    assert resolved.options["login"] is None and resolved.options["passcode"] is None
    assert resolved.options["tls"].insecure is False


def test_passcode_comes_from_the_named_environment_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MY_SECRET", "s3cr3t")
    resolved = resolve_connection(parse("stomp://guest@h", "--passcode-env", "MY_SECRET"))
    assert resolved.options["login"] == "guest"
    assert resolved.options["passcode"] == "s3cr3t"
    assert "s3cr3t" not in repr(resolved)


def test_missing_environment_variable_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOT_THERE", raising=False)
    with pytest.raises(CliError) as info:
        resolve_connection(parse("stomp://h", "--passcode-env", "NOT_THERE"))
    assert info.value.code == ExitCode.USAGE
    assert "NOT_THERE is not set" in info.value.message


def test_prompt_for_the_passcode_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(connection_args, "_interactive", lambda: True)

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return "typed"

    monkeypatch.setattr("getpass.getpass", getpass)
    resolved = resolve_connection(parse("stomp://h", "--user", "bob"))
    assert resolved.options["passcode"] == "typed"
    assert asked == ["passcode for bob at stomp://h:61613: "]


def test_no_prompt_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection_args, "_interactive", lambda: False)
    resolved = resolve_connection(parse("stomp://h", "--user", "bob"))
    assert resolved.options["passcode"] is None


def test_tls_and_websocket_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEY_PW", "pw")
    resolved = resolve_connection(
        parse(
            "wss://h/ws",
            "--ca-file",
            "ca.pem",
            "--client-cert",
            "c.pem",
            "--client-key",
            "k.pem",
            "--key-passphrase-env",
            "KEY_PW",
            "--server-name",
            "broker.example",
            "--ws-header",
            "Cookie:a=b",
            "--origin",
            "https://app.example",
            "--vhost",
            "v",
            "--heart-beat",
            "0,5000",
        )
    )
    tls = resolved.options["tls"]
    assert (tls.ca_file, tls.cert_file, tls.key_file, tls.key_password, tls.server_name) == (
        "ca.pem",
        "c.pem",
        "k.pem",
        "pw",
        "broker.example",
    )
    ws = resolved.options["websocket"]
    assert ws.headers == (("Cookie", "a=b"),) and ws.origin == "https://app.example"
    assert resolved.options["host"] == "v"
    assert resolved.options["heartbeat"] == (0, 5000)
    client = resolved.client()
    assert client.endpoint.path == "/ws" and client.host == "v"


def test_bad_url_is_a_usage_error() -> None:
    with pytest.raises(CliError) as info:
        resolve_connection(parse("ftp://h"))
    assert info.value.code == ExitCode.USAGE


def test_header_parsing_keeps_colons_in_the_value() -> None:
    assert parse_header("selector:a = 'x:y'") == ("selector", "a = 'x:y'")
    with pytest.raises(argparse.ArgumentTypeError):
        parse_header("no colon")
    with pytest.raises(argparse.ArgumentTypeError):
        parse_header(":empty name")


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConnectFailed(Frame("ERROR", (("message", "Bad CONNECT"),))), ExitCode.CONNECTION),
        (TransportError("refused"), ExitCode.CONNECTION),
        (TlsError("bad cert"), ExitCode.CONNECTION),
        (ConnectionLostError("gone"), ExitCode.CONNECTION),
        (ReceiptTimeout("r-1", 1.0), ExitCode.TIMEOUT),
        (BrokerError(Frame("ERROR", (("message", "no"),))), ExitCode.FAILURE),
    ],
)
def test_client_errors_map_to_exit_codes(error: Exception, code: ExitCode) -> None:
    mapped = client_error(error)  # type: ignore[arg-type]
    assert mapped.code == code
    assert mapped.message == str(error)


@pytest.mark.parametrize(
    ("kind", "text", "words"),
    [
        (argtypes.whole_number, "²", "is not a whole number of at least 1"),
        (argtypes.whole_number, "0", "is not a whole number of at least 1"),
        (argtypes.whole_number, "-3", "is not a whole number of at least 1"),
        (argtypes.seconds, "nan", "is not a finite number of seconds"),
        (argtypes.seconds, "inf", "is not a finite number of seconds"),
        (argtypes.seconds, "0", "must be more than 0 seconds"),
        (argtypes.seconds, "-1", "must be more than 0 seconds"),
        (argtypes.seconds, "soon", "is not a number of seconds"),
        (argtypes.per_second, "nan", "is not a finite number of messages per second"),
        (argtypes.per_second_or_max, "nan", r"messages per second \(or 'max'\)"),
        (argtypes.per_second_or_max, "0", r"must be more than 0 messages per second \(or"),
        (argtypes.factor_or_max, "nan", r"is not a finite number of times the recorded speed"),
        (argtypes.factor_or_max, "fast", r"is not a number of times the recorded speed"),
        (argtypes.byte_count, "²", "is not a whole number of bytes"),
        (argtypes.byte_count, "-1", "is not a whole number of bytes"),
        (argtypes.http_url, "notaurl", "is not an http:// or https:// URL with a host"),
        (argtypes.http_url, "http://h:port/x", "is not an http:// or https:// URL with a host"),
        (argtypes.http_url, "http://[::1/x", "is not an http:// or https:// URL with a host"),
        (argtypes.http_url, "http://h/ a", "contains a space or a control character"),
        (argtypes.text, "/queue/\udcff", "holds a byte that is not UTF-8 text"),
    ],
)
def test_argument_types_refuse_with_a_sentence(
    kind: Callable[[str], object], text: str, words: str
) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=words):
        kind(text)


def test_argument_types_accept_good_values() -> None:
    assert argtypes.whole_number("12") == 12
    assert argtypes.seconds("0.5") == 0.5
    assert argtypes.per_second("1e3") == 1000.0
    assert argtypes.per_second_or_max(" MAX ") is None
    assert argtypes.per_second_or_max("250") == 250.0
    assert argtypes.factor_or_max("max") is None
    assert argtypes.factor_or_max("0.5") == 0.5
    assert argtypes.byte_count("0") == 0
    assert argtypes.http_url("https://[::1]:8161/api/jolokia") == "https://[::1]:8161/api/jolokia"
    assert argtypes.text("/queue/주문") == "/queue/주문"


def test_a_header_with_a_byte_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="the header 'x' holds a byte"):
        parse_header("x:\udcff")


def test_insecure_tls_warns_only_for_tls_without_verification(
    capsys: pytest.CaptureFixture[str],
) -> None:
    resolve_connection(parse("stomp+ssl://mq.example.org", "--insecure"))
    resolve_connection(parse("stomp+ssl://mq.example.org"))
    resolve_connection(parse("stomp://mq.example.org", "--insecure"))  # no TLS: nothing to verify
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "stomp-explorer: warning: the certificate of stomp+ssl://mq.example.org:61614 is not "
        "verified (--insecure): anyone on the way can pose as the broker and read or change "
        "this connection, passcode included"
    ]


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        ("http://mq.example.org:15672", True),
        ("http://192.0.2.7:15672/", True),
        ("https://mq.example.org:15671", False),
        ("http://localhost:15672", False),
        ("http://app.localhost:15672", False),
        ("http://127.0.0.2:15672", False),
        ("http://[::1]:15672", False),
        ("http://user@[fd00::2]:15672", True),
        (None, False),
    ],
)
def test_plain_http_credentials_warn_off_this_machine(url: str | None, warned: bool) -> None:
    warning = security.plain_http_credentials(url, "the password")
    assert (warning is not None) == warned
    if warning is not None:
        assert "user@" not in warning and "over plain HTTP" in warning
