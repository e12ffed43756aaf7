"""The store layer's one exception family."""

from __future__ import annotations


class StoreError(Exception):
    """Root of `explorer.store` errors."""


class FilterError(StoreError):
    """A filter the user typed cannot be used (e.g. an invalid regular expression).

    The message is meant for the filter box: it says what is wrong and where.
    """
