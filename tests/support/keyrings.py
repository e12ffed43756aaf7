"""A keyring backend that keeps passwords in a dict, so tests never touch a real keyring."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """Persistent as far as ProfileStore can tell: it survives for the whole test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring: untyped, and a super() call escapes untyped_calls_exclude
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.passwords:
            raise keyring.errors.PasswordDeleteError(username)
        del self.passwords[(service, username)]


Backend = TypeVar("Backend", bound=KeyringBackend)


def use_keyring(backend: Backend) -> Iterator[Backend]:
    """Install `backend` as the process keyring for one test, then put the old one back."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
