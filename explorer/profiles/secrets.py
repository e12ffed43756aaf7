"""Profile secrets in the OS keyring, or only in memory when there is no usable keyring.

Keyring entries use service "stomp-explorer" and username "<profile>/<field>". Fields are the
constants below plus `header_field(name)` for a secret WebSocket handshake header and
`connect_header_field(name)` for a secret CONNECT header.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from explorer.profiles.model import Profile

SERVICE = "stomp-explorer"

PASSCODE = "passcode"
TLS_KEY_PASSPHRASE = "tls-key-passphrase"
MANAGEMENT_PASSWORD = "management-password"
TOKEN = "token"  # a bearer token kept in the keyring (token source "keyring")
_HEADER_PREFIX = "ws-header:"
_CONNECT_HEADER_PREFIX = "connect-header:"

log = logging.getLogger(__name__)


def header_field(name: str) -> str:
    """The secret field holding the value of WebSocket handshake header `name`."""
    return f"{_HEADER_PREFIX}{name}"


def connect_header_field(name: str) -> str:
    """The secret field holding the value of CONNECT header `name`."""
    return f"{_CONNECT_HEADER_PREFIX}{name}"


def secret_fields(profile: Profile) -> list[str]:
    """Every secret field a profile can have (used to move or delete them all)."""
    fields = [PASSCODE, TLS_KEY_PASSPHRASE, MANAGEMENT_PASSWORD, TOKEN]
    fields.extend(header_field(h) for h in profile.websocket.secret_headers)
    fields.extend(connect_header_field(h) for h in profile.secret_connect_headers)
    return fields


def _backend_problem(backend: KeyringBackend) -> str | None:
    """Why `backend` cannot keep secrets across restarts, or None when it can."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available on this system"
    if isinstance(backend, null.Keyring):
        return "the keyring is disabled (null backend)"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return "no keyring backend is available on this system"
    return None


class SecretStore:
    """Reads and writes secrets; falls back to memory (and says why) without a keyring.

    In memory mode the app asks for a passcode when connecting and keeps it until it quits.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._memory: dict[tuple[str, str], str] = {}
        problem = _backend_problem(self._backend)
        self._persistent = problem is None
        self._note = "" if problem is None else self._memory_note(problem)

    @staticmethod
    def _memory_note(problem: str) -> str:
        return (
            f"Secrets are kept in memory only: {problem}. "
            "You will be asked for passcodes when connecting; install and unlock a keyring "
            "(for example gnome-keyring or KWallet) to save them."
        )

    @property
    def persistent(self) -> bool:
        """True when secrets survive a restart (a working keyring backend)."""
        return self._persistent

    @property
    def note(self) -> str:
        """Empty when persistent; otherwise why secrets are kept in memory only."""
        return self._note

    def _degrade(self, exc: Exception) -> None:
        log.warning("keyring failed (%s); keeping secrets in memory", type(exc).__name__)
        self._persistent = False
        self._note = self._memory_note(f"the keyring failed ({type(exc).__name__})")

    def get(self, profile: str, field: str) -> str | None:
        key = (profile, field)
        if key in self._memory or not self._persistent:
            return self._memory.get(key)
        try:
            return self._backend.get_password(SERVICE, f"{profile}/{field}")
        except keyring.errors.KeyringError as exc:
            self._degrade(exc)
            return None

    def set(self, profile: str, field: str, value: str | None) -> None:
        """Store `value`; None or "" deletes the secret."""
        if not value:
            self.delete(profile, field)
            return
        if self._persistent:
            try:
                self._backend.set_password(SERVICE, f"{profile}/{field}", value)
                self._memory.pop((profile, field), None)
                return
            except keyring.errors.KeyringError as exc:
                self._degrade(exc)
        self._memory[(profile, field)] = value

    def delete(self, profile: str, field: str) -> None:
        self._memory.pop((profile, field), None)
        if not self._persistent:
            return
        try:
            self._backend.delete_password(SERVICE, f"{profile}/{field}")
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: fine
        except keyring.errors.KeyringError as exc:
            self._degrade(exc)

    def get_all(self, profile: str, fields: Iterable[str]) -> dict[str, str]:
        """The secrets that exist among `fields`, by field."""
        out: dict[str, str] = {}
        for f in fields:
            value = self.get(profile, f)
            if value:
                out[f] = value
        return out

    def move(self, old: str, new: str, fields: Iterable[str]) -> None:
        """Rename: every secret of profile `old` becomes a secret of profile `new`."""
        for f in fields:
            value = self.get(old, f)
            if value:
                self.set(new, f, value)
                self.delete(old, f)

    def delete_all(self, profile: str, fields: Iterable[str]) -> None:
        for f in fields:
            self.delete(profile, f)
