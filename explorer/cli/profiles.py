"""`stomp-explorer profiles ...`: list, show, add, edit, remove, export and import profiles.

The command names and options are a contract (scripts use them). Secrets are read from an
environment variable (never from an argument, which shows up in `ps`) and never printed.

Exit status: 0 done; 2 something to fix (a name, a URL, an option, a file: the one line on
stderr says what). A broken profiles file is no error: its usable profiles are listed and
the others are reported (see explorer.profiles.quarantine).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import weakref
from dataclasses import replace
from typing import Any

from explorer.cli.errors import CliError, ExitCode
from explorer.client.url import redact_url
from explorer.profiles import (
    PASSCODE,
    TLS_KEY_PASSPHRASE,
    HeartBeat,
    Profile,
    ProfileError,
    ProfileInvalid,
    ProfileStore,
    export_profiles,
    import_profiles,
    import_url,
)
from explorer.profiles.model import profile_to_dict
from explorer.profiles.quarantine import readable


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profiles",
        help="list, show, add, edit, remove, export and import connection profiles",
        description="Manage saved connection profiles. Passcodes live in the OS keyring.",
    )
    parser.set_defaults(handler=lambda args: _usage(parser))
    sub = parser.add_subparsers(
        dest="profiles_command", metavar="ACTION", parser_class=type(parser)
    )

    p = sub.add_parser("list", help="list the profiles", description="List the profiles.")
    p.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table for people (default), jsonl for scripts",
    )
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser(
        "show",
        help="show one profile (never its secrets)",
        description="Show one profile; secrets are never printed.",
    )
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("add", help="add a profile", description="Add a profile.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--url", required=True, help="stomp://, stomp+ssl://, ws:// or wss:// URL")
    _add_options(p)
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("edit", help="change a profile", description="Change a profile.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--url", help="stomp://, stomp+ssl://, ws:// or wss:// URL")
    p.add_argument("--rename", metavar="NEW_NAME", help="give the profile a new name")
    _add_options(p)
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser(
        "remove",
        help="remove a profile and its secrets",
        description="Remove a profile and its stored secrets.",
    )
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser(
        "export",
        help="export profiles to a file (without secrets)",
        description="Export profiles (all when no NAME is given) to a file "
        "that holds no secrets and can be shared.",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument("names", metavar="NAME", nargs="*")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import",
        help="import profiles from a file, or one URL",
        description="Import profiles from an exported file (a taken name "
        "becomes 'name (2)' unless --replace), or a single URL.",
    )
    p.add_argument("path", metavar="PATH", help="a profiles file, or a stomp:// ... URL")
    p.add_argument(
        "--replace", action="store_true", help="replace saved profiles that have the same name"
    )
    p.add_argument("--name", help="name of the profile made from a URL")
    p.set_defaults(handler=cmd_import)


def _add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--login", help="login name sent in CONNECT")
    p.add_argument(
        "--passcode-env",
        metavar="VAR",
        help="read the passcode from environment variable VAR and keep it in the keyring",
    )
    p.add_argument(
        "--vhost", metavar="H", help="the CONNECT host header (RabbitMQ's virtual host; default /)"
    )
    p.add_argument(
        "--heart-beat",
        metavar="SEND,RECV",
        help="heart-beat in milliseconds, for example 10000,10000 (0 = off)",
    )
    p.add_argument("--ca-file", metavar="F", help="CA certificates (PEM) to verify the broker")
    p.add_argument(
        "--insecure", action="store_true", help="do not verify the broker's TLS certificate"
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return int(ExitCode.USAGE)


def _store(args: argparse.Namespace) -> ProfileStore:
    store = ProfileStore(getattr(args, "profiles", None))
    _warn(store)
    return store


_printed: weakref.WeakKeyDictionary[ProfileStore, set[str]] = weakref.WeakKeyDictionary()


def _warn(store: ProfileStore) -> None:
    """Print the store's warnings not printed yet: those of loading, and after a change those
    of saving (profiles set aside now moved to the quarantine file, a broken file renamed)."""
    printed = _printed.setdefault(store, set())
    for warning in store.load_warnings:
        if warning not in printed:
            printed.add(warning)
            print(f"stomp-explorer: warning: {readable(warning)}", file=sys.stderr)


def _fail(exc: ProfileError) -> CliError:
    """Every profiles error asks the user to fix something: exit 2 with one sentence."""
    if isinstance(exc, ProfileInvalid):
        return CliError(f"the profile is not valid: {readable(exc.message)}", ExitCode.USAGE)
    return CliError(readable(exc.message), ExitCode.USAGE)


def _heart_beat(text: str) -> HeartBeat:
    try:
        send, receive = (int(x) for x in text.split(","))
    except ValueError:
        raise CliError(
            f"--heart-beat '{text}' should be SEND,RECV in milliseconds, for example 10000,10000",
            ExitCode.USAGE,
        ) from None
    return HeartBeat(send, receive)


def _passcode(args: argparse.Namespace) -> dict[str, str | None]:
    var = args.passcode_env
    if not var:
        return {}
    value = os.environ.get(var)
    if value is None:
        raise CliError(
            f"environment variable {var} (from --passcode-env) is not set", ExitCode.USAGE
        )
    if readable(value) != value:
        raise CliError(
            f"environment variable {var} (from --passcode-env) holds bytes that are not UTF-8 "
            "text; set it again in a UTF-8 terminal",
            ExitCode.USAGE,
        )
    return {PASSCODE: value}


def _apply_options(profile: Profile, args: argparse.Namespace) -> Profile:
    if args.url is not None:
        profile = replace(profile, url=args.url)
    if args.login is not None:
        profile = replace(profile, login=args.login or None)
    if args.vhost is not None:
        profile = replace(profile, vhost=args.vhost or None)
    if args.heart_beat is not None:
        profile = replace(profile, heart_beat=_heart_beat(args.heart_beat))
    if args.ca_file is not None:
        profile = replace(profile, tls=replace(profile.tls, ca_file=args.ca_file or None))
    if args.insecure:
        profile = replace(profile, tls=replace(profile.tls, verify=False))
    return profile


def _warn_memory_only(store: ProfileStore, secrets: dict[str, str | None]) -> None:
    if secrets and not store.secrets_persistent:
        print(
            f"stomp-explorer: warning: the passcode was not saved. {store.secrets_note}",
            file=sys.stderr,
        )


def cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    profiles = store.profiles()
    if args.format == "jsonl":
        for p in profiles:
            row = profile_to_dict(p)
            row["builtin"] = p.builtin
            row["passcode_stored"] = store.has_secret(p.name, PASSCODE)
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if not profiles:
        print(
            f"no profiles in {store.path}; add one with "
            "`stomp-explorer profiles add NAME --url stomp://localhost:61613`"
        )
        return 0
    rows = [("NAME", "URL", "LOGIN", "VHOST", "FLAGS")]
    for p in profiles:
        flags = ",".join(f for f, on in (("builtin", p.builtin), ("hidden", p.hidden)) if on)
        url = redact_url(p.url)
        rows.append((p.name, url, p.effective_login or "-", p.host_header, flags or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
    return 0


def _secret_state(store: ProfileStore, name: str, field: str) -> str:
    if store.has_secret(name, field):
        return "stored in keyring" if store.secrets_persistent else "in memory only"
    return "(not stored)"


def cmd_show(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        p = store.get(args.name)
    except ProfileError as exc:
        raise _fail(exc) from None
    hb = p.heart_beat
    rc = p.reconnect
    lines = [
        ("name", p.name),
        ("url", redact_url(p.url)),
        ("login", p.effective_login or "(none)"),
        ("passcode", _secret_state(store, p.name, PASSCODE)),
        ("vhost", p.host_header),
        ("versions", ",".join(p.versions)),
        ("heart-beat", f"{hb.send_ms},{hb.receive_ms}"),
        (
            "reconnect",
            f"{'on' if rc.enabled else 'off'} "
            f"({rc.initial_delay_ms} ms up to {rc.max_delay_ms} ms)",
        ),
        ("tls verify", "yes" if p.tls.verify else "no (insecure)"),
        ("tls ca file", p.tls.ca_file or "(system)"),
        ("tls client cert", p.tls.cert_file or "(none)"),
        ("tls client key", p.tls.key_file or "(none)"),
        ("tls key passphrase", _secret_state(store, p.name, TLS_KEY_PASSPHRASE)),
        ("tls server name", p.tls.server_name or "(from URL)"),
        ("ws headers", ", ".join(n for n, _ in p.websocket.headers) or "(none)"),
        ("ws secret headers", ", ".join(p.websocket.secret_headers) or "(none)"),
        ("ws origin", p.websocket.origin or "(none)"),
        ("split rule", p.split_rule),
        (
            "subscriptions",
            ", ".join(f"{s.destination} ({s.ack})" for s in p.subscriptions) or "(none)",
        ),
        ("jolokia url", p.management.jolokia_url or "(none)"),
        ("management url", p.management.management_url or "(none)"),
        ("management login", p.management.login or "(none)"),
        ("colour", p.colour or "(none)"),
        ("hidden", "yes" if p.hidden else "no"),
        ("builtin", "yes" if p.builtin else "no"),
        ("notes", p.notes.replace("\n", " / ") or "(none)"),
    ]
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        print(f"{key + ':':<{width + 1}} {value}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    store = _store(args)
    secrets = _passcode(args)
    profile = _apply_options(Profile(name=args.name, url=args.url), args)
    try:
        store.add(profile, secrets)
    except ProfileError as exc:
        raise _fail(exc) from None
    _warn(store)
    _warn_memory_only(store, secrets)
    print(f"added profile '{profile.name}' ({profile.url})")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    store = _store(args)
    secrets = _passcode(args)
    try:
        old = store.get(args.name)
        profile = _apply_options(old, args)
        if args.rename:
            profile = replace(profile, name=args.rename)
        store.update(old.name, profile, secrets)
    except ProfileError as exc:
        raise _fail(exc) from None
    _warn(store)
    _warn_memory_only(store, secrets)
    print(f"saved profile '{profile.name}'")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        removed = store.remove(args.name)
    except ProfileError as exc:
        raise _fail(exc) from None
    _warn(store)
    print(f"removed profile '{removed.profile.name}' and its stored secrets")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        names = export_profiles(store, args.path, args.names)
    except ProfileError as exc:
        raise _fail(exc) from None
    print(f"exported {len(names)} profile(s) to {readable(args.path)} (without secrets)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        if "://" in args.path:
            profile = import_url(store, args.path, args.name)
            _warn(store)
            print(f"added profile '{profile.name}' ({profile.url})")
            return 0
        result = import_profiles(store, args.path, replace_existing=args.replace)
    except ProfileError as exc:
        raise _fail(exc) from None
    _warn(store)
    print(f"imported from {readable(args.path)}: {readable(result.summary())}")
    nothing = result.skipped and not (result.added or result.replaced or result.renamed)
    return int(ExitCode.USAGE) if nothing else 0


# ---------------------------------------------------------------------------------------------
# `--profile NAME` for the subcommands that connect (send, tail, destinations...). The shared
# `explorer.cli.connection_args` calls these two functions; everything else stays there.

PROFILE_PLACEHOLDER = "<profile>"
_BROKER_URL = re.compile(r"^(stomp|stomp\+ssl|stomp\+tls|stomps|ssl|tcp|ws|wss)://", re.I)


def add_profile_option(parser: argparse.ArgumentParser, group: Any) -> None:
    """Add `--profile NAME`, which replaces the URL positional.

    argparse cannot leave out a leading positional, so when `--profile` is on the command line
    a placeholder URL is put in front of the arguments before parsing (this parser only).
    """
    group.add_argument(
        "--profile",
        metavar="NAME",
        help="connect with a saved profile instead of a URL (see `stomp-explorer profiles "
        "list`); options given here override the profile's",
    )
    original = parser.parse_known_args

    def parse_known_args(args: Any = None, namespace: Any = None) -> Any:
        strings = list(sys.argv[1:] if args is None else args)
        has_profile = any(s == "--profile" or s.startswith("--profile=") for s in strings)
        if has_profile and not any(_BROKER_URL.match(s) for s in strings):
            strings.insert(0, PROFILE_PLACEHOLDER)
        return original(strings, namespace)

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]


def profile_connection(args: argparse.Namespace) -> tuple[Any, dict[str, Any]] | None:
    """(endpoint, Client keyword arguments) from `--profile NAME` and the options given with
    it, or None without `--profile`. Options on the command line win over the profile."""
    from explorer.client.options import TlsOptions as ClientTls
    from explorer.profiles import client_kwargs, connection_from_profile

    name = getattr(args, "profile", None)
    if not name:
        return None
    given_urls = [
        v
        for v in vars(args).values()
        for v in (v if isinstance(v, list) else [v])
        if isinstance(v, str) and _BROKER_URL.match(v)
    ]
    if args.url != PROFILE_PLACEHOLDER or given_urls:
        raise CliError("give either a broker URL or --profile NAME, not both", ExitCode.USAGE)
    store = _store(args)
    try:
        settings = connection_from_profile(name, store)
    except ProfileError as exc:
        raise _fail(exc) from None
    options = client_kwargs(settings)
    options.pop("reconnect")  # the command line reports a lost connection instead
    login = args.user or settings.login
    passcode = settings.passcode
    if args.passcode_env:
        passcode = _env(args.passcode_env, "--passcode-env")
    elif passcode is None and login and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        passcode = getpass.getpass(f"passcode for {login} (profile '{settings.profile.name}'): ")
    elif passcode is None and login and not settings.secrets_persistent:
        # Never send CONNECT without the passcode the profile keeps in a keyring we lack.
        raise CliError(
            f"the passcode of profile '{settings.profile.name}' (login {login}) is unavailable: "
            "no keyring is available here to read it from; give it with --passcode-env VAR "
            "(an environment variable holding it), or run in a terminal to be asked for it",
            ExitCode.USAGE,
        )
    tls: ClientTls = options["tls"]
    tls = replace(
        tls,
        ca_file=args.ca_file or tls.ca_file,
        cert_file=args.client_cert or tls.cert_file,
        key_file=args.client_key or tls.key_file,
        key_password=(
            _env(args.key_passphrase_env, "--key-passphrase-env")
            if args.key_passphrase_env
            else tls.key_password
        ),
        server_name=args.server_name or tls.server_name,
        insecure=tls.insecure or args.insecure,
    )
    websocket = options["websocket"]
    websocket = replace(
        websocket,
        headers=websocket.headers + tuple(args.ws_header),
        origin=args.origin or websocket.origin,
    )
    options.update(
        login=login,
        passcode=passcode,
        tls=tls,
        websocket=websocket,
        connect_timeout=args.connect_timeout,
    )
    if args.vhost is not None:
        options["host"] = args.vhost
    if args.heart_beat is not None:
        options["heartbeat"] = args.heart_beat
    return settings.endpoint, options


def _env(var: str, flag: str) -> str:
    value = os.environ.get(var)
    if value is None:
        raise CliError(f"{flag} {var}: the environment variable {var} is not set", ExitCode.USAGE)
    return value
