"""Connection profiles: model, validation, storage, keyring secrets, import/export.

No Qt here: the window and the command line both use this package.

    store = ProfileStore()                     # or ProfileStore(path) for a team file
    store.load_warnings                        # English sentences: profiles set aside, broken file
    store.load_notes                           # the same as LoadNote(kind, text, details)
    store.set_aside                            # [SetAside(position, name, problem, raw)] not loaded
    store.quarantine_path                      # where set-aside profiles are kept at the next save
    store.add(Profile("local", "stomp://localhost:61613"), {PASSCODE: "secret"})
    store.get("local"); store.update("local", profile, secrets); store.remove("local")
    store.secrets_persistent, store.secrets_note
    validate(profile, other_names) -> list[FieldError]
    export_profiles(store, path, names); import_profiles(store, path, replace_existing)
    connection_from_profile(name, store) -> ConnectionSettings   # for --profile NAME
    Client(settings.endpoint, **client_kwargs(settings))           # connect with it
    await probe_connection(profile, secrets) -> str                # "Test connection"
"""

from __future__ import annotations

from explorer.profiles.errors import (
    BuiltinProfileError,
    FieldError,
    ProfileError,
    ProfileFileError,
    ProfileFileUnreadable,
    ProfileInvalid,
    ProfileNotFound,
    ProfileSchemaTooNew,
)
from explorer.profiles.exchange import (
    ImportResult,
    export_profiles,
    import_profiles,
    import_url,
    profile_from_url,
    read_profiles_file,
)
from explorer.profiles.migrate import CURRENT_SCHEMA
from explorer.profiles.model import (
    ALL_VERSIONS,
    SPLIT_RULES,
    HeartBeat,
    Management,
    Profile,
    Reconnect,
    Subscription,
    TlsSettings,
    TokenSettings,
    WebSocketSettings,
    is_secret_header,
)
from explorer.profiles.probe import probe_connection
from explorer.profiles.quarantine import SetAside, quarantine_path
from explorer.profiles.resolve import (
    ConnectionSettings,
    client_kwargs,
    connection_from_profile,
    settings_for,
    settings_from,
)
from explorer.profiles.secrets import (
    MANAGEMENT_PASSWORD,
    PASSCODE,
    TLS_KEY_PASSPHRASE,
    TOKEN,
    SecretStore,
    connect_header_field,
    header_field,
    secret_fields,
)
from explorer.profiles.storage import config_dir, default_path
from explorer.profiles.store import ProfileStore, RemovedProfile, register_builtin
from explorer.profiles.validate import validate

__all__ = [
    "ALL_VERSIONS",
    "CURRENT_SCHEMA",
    "MANAGEMENT_PASSWORD",
    "PASSCODE",
    "SPLIT_RULES",
    "TLS_KEY_PASSPHRASE",
    "TOKEN",
    "BuiltinProfileError",
    "ConnectionSettings",
    "FieldError",
    "HeartBeat",
    "ImportResult",
    "Management",
    "Profile",
    "ProfileError",
    "ProfileFileError",
    "ProfileFileUnreadable",
    "ProfileInvalid",
    "ProfileNotFound",
    "ProfileSchemaTooNew",
    "ProfileStore",
    "Reconnect",
    "RemovedProfile",
    "SecretStore",
    "SetAside",
    "Subscription",
    "TlsSettings",
    "TokenSettings",
    "WebSocketSettings",
    "client_kwargs",
    "config_dir",
    "connect_header_field",
    "connection_from_profile",
    "default_path",
    "export_profiles",
    "header_field",
    "import_profiles",
    "import_url",
    "is_secret_header",
    "probe_connection",
    "profile_from_url",
    "quarantine_path",
    "read_profiles_file",
    "register_builtin",
    "secret_fields",
    "settings_for",
    "settings_from",
    "validate",
]
