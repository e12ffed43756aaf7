"""The management endpoints and credentials of `destinations`, `move` and `purge`.

Jolokia and the RabbitMQ management API come from the flags, else from the profile
(`--profile`); the password from `--management-passcode-env`, else the profile's keyring
entry, else (for the management API) the STOMP passcode, which is often the same.
Credentials sent as HTTP Basic over plain HTTP to another machine are warned about.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import Any

from explorer.cli.errors import CliError, ExitCode

__all__ = ["AdminEndpoints", "admin_endpoints"]


@dataclass(frozen=True, slots=True)
class AdminEndpoints:
    jolokia_url: str | None
    jolokia_login: str | None  # Jolokia usually has no login: sent only when one is given
    jolokia_password: str | None
    management_url: str | None
    management_login: str
    management_password: str | None
    vhost: str


def admin_endpoints(args: argparse.Namespace, options: dict[str, Any]) -> AdminEndpoints:
    """What the flags (or the profile) name; `options` are the STOMP connection's."""
    jolokia_url, management_url = args.jolokia, args.management
    login, password = args.management_user, None
    profile_name = getattr(args, "profile", None)  # --profile NAME, when the command has it
    if profile_name:
        jolokia_url, management_url, login, password = _from_profile(
            args, profile_name, jolokia_url, management_url, login
        )
    if args.management_passcode_env is not None:
        password = os.environ.get(args.management_passcode_env)
        if password is None:
            raise CliError(
                f"--management-passcode-env {args.management_passcode_env}: the environment "
                f"variable {args.management_passcode_env} is not set",
                ExitCode.USAGE,
            )
    endpoints = AdminEndpoints(
        jolokia_url=jolokia_url,
        jolokia_login=login,
        jolokia_password=password if login else None,
        management_url=management_url,
        management_login=login or options.get("login") or "guest",
        management_password=password if password is not None else options.get("passcode"),
        vhost=options.get("host") or "/",
    )
    _warn_plain_http(endpoints)
    return endpoints


def _from_profile(
    args: argparse.Namespace,
    name: str,
    jolokia_url: str | None,
    management_url: str | None,
    login: str | None,
) -> tuple[str | None, str | None, str | None, str | None]:
    """Endpoints, login and password saved in the profile (flags win)."""
    from explorer.profiles import secrets as sec
    from explorer.profiles.errors import ProfileError
    from explorer.profiles.store import ProfileStore

    store = ProfileStore(getattr(args, "profiles", None))  # the global --profiles PATH
    try:
        profile = store.get(name)
    except ProfileError as exc:
        raise CliError(exc.message, ExitCode.USAGE) from None
    saved = profile.management
    password = store.get_secrets(name).get(sec.MANAGEMENT_PASSWORD)
    return (
        jolokia_url or saved.jolokia_url,
        management_url or saved.management_url,
        login or saved.login,
        password,
    )


def _warn_plain_http(endpoints: AdminEndpoints) -> None:
    """HTTP Basic in clear text to another machine: say so (the STOMP passcode is often
    the management password too)."""
    from explorer.cli.security import plain_http_credentials, warn

    for url, password, what in (
        (
            endpoints.management_url,
            endpoints.management_password,
            "the RabbitMQ management password",
        ),
        (endpoints.jolokia_url, endpoints.jolokia_password, "the Jolokia password"),
    ):
        warning = plain_http_credentials(url, what) if password is not None else None
        if warning is not None:
            warn(warning)
