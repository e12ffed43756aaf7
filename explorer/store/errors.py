"""The store layer's one exception family."""

from __future__ import annotations


class StoreError(Exception):
    """Root of `explorer.store` errors."""


class FilterError(StoreError):
    """A filter the user typed cannot be used (e.g. an invalid regular expression).

    The message is an English sentence that says what is wrong and where. For the window to
    word it itself: `field` is the filter field at fault ("regex", "header", "expression"),
    `position` the 0-based character of the problem when known, `detail` the checker's own
    words (Python's `re` or the search parser).
    """

    def __init__(
        self, message: str, *, field: str = "", position: int | None = None, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.field = field
        self.position = position
        self.detail = detail
