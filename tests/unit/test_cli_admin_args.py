"""The management endpoints and credentials that destinations, move and purge share."""

from __future__ import annotations

import argparse

import pytest

from explorer.cli.admin_args import admin_endpoints
from explorer.cli.errors import CliError, ExitCode


def namespace(**given: object) -> argparse.Namespace:
    values: dict[str, object] = {
        "jolokia": None,
        "management": None,
        "management_user": None,
        "management_passcode_env": None,
    }
    values.update(given)
    return argparse.Namespace(**values)


def test_the_stomp_login_and_passcode_stand_in_for_the_management_api() -> None:
    found = admin_endpoints(
        namespace(management="https://mq.example.org:15671"),
        {"login": "qa", "passcode": "secret", "host": "orders"},
    )
    assert (found.management_login, found.management_password, found.vhost) == (
        "qa",
        "secret",
        "orders",
    )
    assert (found.jolokia_login, found.jolokia_password) == (None, None)


def test_a_management_login_is_sent_to_jolokia_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PW", "admin-pw")
    found = admin_endpoints(
        namespace(
            jolokia="http://127.0.0.1:8161/api/jolokia",
            management_user="admin",
            management_passcode_env="PW",
        ),
        {},
    )
    assert (found.jolokia_login, found.jolokia_password) == ("admin", "admin-pw")
    assert (found.management_login, found.management_password) == ("admin", "admin-pw")


def test_an_unset_password_variable_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOT_SET_PW", raising=False)
    with pytest.raises(CliError) as caught:
        admin_endpoints(namespace(management_passcode_env="NOT_SET_PW"), {})
    assert caught.value.code == ExitCode.USAGE
    assert "the environment variable NOT_SET_PW is not set" in str(caught.value)


def test_a_password_over_plain_http_to_another_host_is_warned_about(
    capsys: pytest.CaptureFixture[str],
) -> None:
    admin_endpoints(namespace(management="http://mq.invalid:15672"), {"passcode": "secret"})
    err = capsys.readouterr().err
    assert "the RabbitMQ management password goes to http://mq.invalid:15672" in err
    assert "secret" not in err
    admin_endpoints(namespace(management="http://127.0.0.1:15672"), {"passcode": "secret"})
    admin_endpoints(namespace(management="https://mq.invalid:15671"), {"passcode": "secret"})
    assert capsys.readouterr().err == ""
