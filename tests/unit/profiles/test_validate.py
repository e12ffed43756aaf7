"""validate(): one clear message per problem, naming the field to fix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from explorer.profiles import (
    HeartBeat,
    Management,
    Profile,
    Reconnect,
    Subscription,
    TlsSettings,
    WebSocketSettings,
    validate,
)
from tests.unit.profiles.helpers import full_tls_profile

BASE = Profile("ok", "stomp://localhost:61613")


def only(profile: Profile, others: tuple[str, ...] = ()) -> tuple[str, str]:
    errors = validate(profile, others)
    assert len(errors) == 1, errors
    return errors[0].field, errors[0].message


def test_a_plain_profile_and_a_full_one_are_valid(tmp_path: Path) -> None:
    assert validate(BASE) == []
    assert validate(full_tls_profile(tmp_path)) == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"name": ""}, "name", "name is empty"),
        ({"name": " x"}, "name", "spaces"),
        ({"name": "a/b"}, "name", "'/'"),
        ({"url": "stomp://localhost:99999"}, "url", "between 1 and 65535"),
        ({"url": "stomp://localhost:abc"}, "url", "not a number"),
        ({"url": "mqtt://localhost"}, "url", "unknown scheme 'mqtt'"),
        ({"url": "stomp://"}, "url", "has no host"),
        ({"url": "localhost:61613"}, "url", "scheme"),
        ({"url": ""}, "url", "empty"),
        ({"versions": ()}, "versions", "at least one"),
        ({"versions": ("1.3",)}, "versions", "1.3"),
        ({"heart_beat": HeartBeat(-1, 0)}, "heart_beat", "milliseconds"),
        ({"reconnect": Reconnect(True, 5000, 1000)}, "reconnect", "longer than the maximum"),
        ({"reconnect": Reconnect(True, 0, 1000)}, "reconnect", "more than 0"),
        ({"split_rule": "|"}, "split_rule", "unknown split rule '|'"),
        ({"subscriptions": (Subscription(""),)}, "subscriptions", "no destination"),
        ({"subscriptions": (Subscription("/q", "sometimes"),)}, "subscriptions", "ack mode"),
        ({"management": Management(jolokia_url="ftp://x")}, "management.jolokia_url", "http"),
        ({"colour": "blue"}, "colour", "#1e90ff"),
        ({"vhost": "a\nb"}, "vhost", "line break"),
    ],
)
def test_each_mistake_is_named(change: dict[str, object], field: str, words: str) -> None:
    got_field, message = only(replace(BASE, **change))  # type: ignore[arg-type]
    assert got_field == field
    assert words in message


def test_duplicate_names_ignore_case() -> None:
    assert only(BASE, ("OK",)) == ("name", "a profile named 'ok' already exists")


def test_unreadable_ca_file_and_tls_options_on_a_plain_url(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.pem")
    p = replace(BASE, url="stomp+ssl://h", tls=TlsSettings(ca_file=missing))
    assert only(p) == ("tls.ca_file", f"CA file '{missing}' does not exist or is not a file")
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    ca.chmod(0)
    p = replace(BASE, url="stomp+ssl://h", tls=TlsSettings(ca_file=str(ca)))
    import os

    if os.geteuid() != 0:  # root reads anything; the check still runs for everybody else
        assert only(p)[0] == "tls.ca_file"
    ca.chmod(0o644)
    field, message = only(replace(BASE, tls=TlsSettings(ca_file=str(ca))))
    assert (field, "stomp+ssl://") == ("url", "stomp+ssl://") and "not TLS" in message


def test_websocket_options_need_a_websocket_url() -> None:
    p = replace(BASE, websocket=WebSocketSettings(origin="https://x"))
    field, message = only(p)
    assert field == "url" and "ws://" in message
    bad = replace(BASE, url="ws://h/ws", websocket=WebSocketSettings(headers=(("a:b", "v"),)))
    assert only(bad)[0] == "websocket.headers"


def test_several_problems_are_all_reported() -> None:
    p = Profile("", "gopher://x", split_rule="?", heart_beat=HeartBeat(-5, -5))
    assert [e.field for e in validate(p)] == ["name", "url", "heart_beat", "split_rule"]
