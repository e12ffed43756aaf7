"""Profile fields of the browser's path (issue 14): CONNECT headers, the bearer token and its
placement, browser-like mode, the SockJS transport. Round trips, files without the fields,
validation in sentences, resolution into client options, secrets only in the keyring."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from explorer.client.options import SockJsOptions
from explorer.client.tokens import TokenPlacement
from explorer.profiles import (
    TOKEN,
    Profile,
    ProfileStore,
    TokenSettings,
    WebSocketSettings,
    client_kwargs,
    connect_header_field,
    export_profiles,
    settings_from,
    validate,
)
from explorer.profiles.model import profile_from_dict, profile_to_dict

SPRING = Profile(
    "spring",
    "https://app.example/ws",
    websocket=WebSocketSettings(
        origin="https://app.example", browser_like=True, sockjs_transport="xhr-streaming"
    ),
    connect_headers=(("client-id", "qa"),),
    secret_connect_headers=("X-CSRF-TOKEN",),
    token=TokenSettings("command", command="get-jwt --user qa", placement="query", name="jwt"),
)


def test_the_new_fields_survive_the_file_form() -> None:
    assert profile_from_dict(profile_to_dict(SPRING)) == SPRING
    assert profile_to_dict(SPRING)["token"]["command"] == "get-jwt --user qa"


def test_a_profile_written_before_these_fields_reads_with_their_defaults() -> None:
    old = profile_to_dict(Profile("old", "ws://h:15674/ws"))
    for key in ("connect_headers", "secret_connect_headers", "token"):
        del old[key]
    del old["websocket"]["browser_like"], old["websocket"]["sockjs_transport"]
    profile = profile_from_dict(old)
    assert profile.token == TokenSettings() and not profile.token.enabled
    assert profile.connect_headers == () and profile.websocket.browser_like is False
    assert profile.websocket.sockjs_transport is None


def test_an_empty_prefix_is_kept_apart_from_the_default() -> None:
    profile = replace(SPRING, token=replace(SPRING.token, prefix=""))
    assert profile_from_dict(profile_to_dict(profile)).token.prefix == ""


def errors_of(profile: Profile) -> dict[str, str]:
    return {e.field: e.message for e in validate(profile)}


def test_a_sound_profile_has_no_errors() -> None:
    assert errors_of(SPRING) == {}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"connect_headers": (("Authorization", "Bearer x"),)}, "connect_headers", "keyring"),
        ({"url": "https://app.example/ws?access_token=abc"}, "url", "'access_token', a credential"),
        ({"url": "stomp://h:61613"}, "websocket.sockjs_transport", "not http:// or https://"),
        (
            {"token": TokenSettings("env", env="1BAD")},
            "token.env",
            "name the environment variable",
        ),
        ({"token": TokenSettings("command", command=" ")}, "token.command", "give the command"),
        ({"token": TokenSettings("sms")}, "token.source", "unknown token source 'sms'"),
        (
            {"token": TokenSettings("env", env="JWT", placement="handshake")},
            "token.placement",
            "a browser page cannot put a token in a handshake header",
        ),
        (
            {"websocket": WebSocketSettings(headers=(("X-Tenant", "a"),), browser_like=True)},
            "websocket.browser_like",
            "cannot set handshake headers (X-Tenant)",
        ),
        (
            {"websocket": WebSocketSettings(sockjs_transport="eventsource")},
            "websocket.sockjs_transport",
            "unknown SockJS transport 'eventsource'",
        ),
    ],
)
def test_what_cannot_work_is_said(change: dict[str, object], field: str, words: str) -> None:
    errors = errors_of(replace(SPRING, **change))  # type: ignore[arg-type]
    assert field in errors and words in errors[field]


def test_over_stomp_a_token_only_goes_in_connect() -> None:
    profile = Profile(
        "tcp", "stomp://h:61613", token=TokenSettings("env", env="JWT", placement="cookie")
    )
    assert "only go in CONNECT" in errors_of(profile)["token.placement"]
    assert errors_of(replace(profile, token=TokenSettings("env", env="JWT"))) == {}


def test_resolution_gives_the_client_its_token_headers_and_transport() -> None:
    secrets = {TOKEN: "unused", connect_header_field("X-CSRF-TOKEN"): "csrf-1"}
    options = client_kwargs(settings_from(SPRING, secrets))
    assert options["connect_headers"] == (("client-id", "qa"), ("X-CSRF-TOKEN", "csrf-1"))
    assert options["sockjs"] == SockJsOptions("xhr-streaming")
    assert (
        options["websocket"].browser_like and options["websocket"].origin == "https://app.example"
    )
    token = options["token"]
    assert token.source.command == "get-jwt --user qa"
    assert (token.placement, token.effective_name) == (TokenPlacement.QUERY, "jwt")


@pytest.mark.asyncio
async def test_a_keyring_token_is_resolved_from_the_secrets_only() -> None:
    profile = replace(SPRING, token=TokenSettings("keyring", placement="connect"))
    options = client_kwargs(settings_from(profile, {TOKEN: "jwt-from-keyring"}))
    assert await options["token"].source.fetch() == "jwt-from-keyring"
    assert (
        client_kwargs(settings_from(replace(profile, token=TokenSettings()), {}))["token"] is None
    )


def test_token_and_secret_headers_stay_out_of_the_profiles_file(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles.json")
    profile = replace(SPRING, token=TokenSettings("keyring"))
    store.add(profile, {TOKEN: "jwt-SECRET-1", connect_header_field("X-CSRF-TOKEN"): "csrf-SECRET"})
    text = (tmp_path / "profiles.json").read_text()
    assert "SECRET" not in text and "X-CSRF-TOKEN" in text
    export_profiles(store, tmp_path / "team.json", ["spring"])
    exported = (tmp_path / "team.json").read_text()
    assert "SECRET" not in exported and '"source": "keyring"' in exported
    again = ProfileStore(tmp_path / "profiles.json")
    assert again.get_secrets("spring")[TOKEN] == "jwt-SECRET-1"
    assert again.get_secrets("spring")[connect_header_field("X-CSRF-TOKEN")] == "csrf-SECRET"


def test_a_token_in_an_old_profiles_url_is_refused_on_save_but_still_loads(
    tmp_path: Path,
) -> None:
    profile = Profile("old", "wss://h/ws?access_token=abc")
    assert "url" in errors_of(profile)
    assert validate(profile, check_files=False) == []  # loading a file written before
