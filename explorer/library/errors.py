"""The message library's errors: structured fields plus an English sentence."""

from __future__ import annotations


class LibraryError(Exception):
    """Root of the library errors."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LibraryFileError(LibraryError):
    """A library file (or an imported one) that cannot be read or is not in the format.

    `path` is the file, `where` the place inside it (e.g. `collections[2].messages[1].count`)."""

    def __init__(self, path: str, reason: str, where: str | None = None) -> None:
        self.path = path
        self.where = where
        self.reason = reason
        super().__init__(f"{path}: {where}: {reason}" if where else f"{path}: {reason}")


class LibraryNameError(LibraryError):
    """A collection or message name that is empty or already taken."""
