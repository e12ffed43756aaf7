"""Where the files of `resources/` are at run time.

A wheel or bundle carries them inside the package (`explorer/resources`); a source
checkout (editable install) has them at the repository's top level.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        "STOMP Explorer's resources are missing: reinstall the package "
        f"(looked in {packaged} and {checkout})"
    )


def resource(*parts: str) -> Path:
    """Path of one resource file, for example resource("icons", "app.svg")."""
    return resources_dir().joinpath(*parts)
