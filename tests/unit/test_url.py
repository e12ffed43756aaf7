from __future__ import annotations

import pytest

from explorer.client.url import Endpoint, Transport, UrlError, parse_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("stomp://localhost", Endpoint(Transport.TCP, "localhost", 61613)),
        ("stomp://admin@broker:1234", Endpoint(Transport.TCP, "broker", 1234, login="admin")),
        ("stomp+ssl://broker", Endpoint(Transport.TLS, "broker", 61614)),
        ("ws://127.0.0.1:15674/ws", Endpoint(Transport.WS, "127.0.0.1", 15674, "/ws")),
        (
            "wss://example.org/stomp?token=abc",
            Endpoint(Transport.WSS, "example.org", 443, "/stomp?token=abc"),
        ),
        ("ws://[::1]:8080/", Endpoint(Transport.WS, "::1", 8080, "/")),
        ("STOMP://Host", Endpoint(Transport.TCP, "host", 61613)),
    ],
)
def test_parse(url: str, expected: Endpoint) -> None:
    assert parse_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "empty"),
        ("localhost:61613", "no scheme"),
        ("ftp://localhost", "unknown scheme 'ftp'"),
        ("stomp://user:secret@host", "passcode in the URL"),
        ("stomp://:61613", "no host"),
        ("stomp://host:99999", "port"),
        ("stomp://host:abc", "port"),
        ("stomp://host/path", "only WebSocket"),
        ("stomp://[::1:61613", "IPv6 address in brackets"),
        ("stomp://" + "a" * 64 + ".example.org", "1 to 63 characters"),
        ("stomp://broker..example.org", "1 to 63 characters"),
        ("stomp://br\udcffoker", "not UTF-8 text"),
        ("stomp://local host:61613", "contains a space"),
        ("ws://host/a b", "contains a space"),
        ("stomp://host\x00:61613", "control character"),
    ],
)
def test_errors_say_what_to_fix(url: str, message: str) -> None:
    with pytest.raises(UrlError, match=message):
        parse_url(url)


def test_international_and_long_but_valid_host_names_are_accepted() -> None:
    assert parse_url("stomp://bücher.example").host == "bücher.example"
    label = "a" * 63
    assert parse_url(f"stomp://{label}.example.org:1").host == f"{label}.example.org"


def test_canonical_url_round_trips_without_secrets() -> None:
    for url in ("stomp://admin@broker:1234", "wss://example.org:443/stomp", "ws://[::1]:8080"):
        endpoint = parse_url(url)
        assert parse_url(endpoint.url()) == endpoint
    assert parse_url("ws://h:1/ws").url() == "ws://h:1/ws"
