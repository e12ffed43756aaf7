"""The message library: named messages in collections, plus variables per collection and
per profile. Plain frozen data and its JSON form (a file a team can keep in a repository).

    {"schema": 1,
     "collections": [{"name": "orders", "variables": {"user": 1001},
                      "messages": [{"name": "new order", "destinations": ["/queue/orders"],
                                    "headers": [["x-run", "{{uuid}}"]],
                                    "body": "{\\"user\\": {{user}}}",
                                    "content_type": "application/json",
                                    "receipt": true, "count": 1, "rate": null}]}],
     "profile_variables": {"staging": {"user": 2002}}}

A body that is not UTF-8 is written as `body_base64` instead of `body`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.library.errors import LibraryFileError
from explorer.templates import VariableError, check_variable_names

SCHEMA = 1
Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class LibraryMessage:
    """A saved message: templates allowed in destinations, header values and body."""

    name: str
    destinations: tuple[str, ...]
    headers: Headers = ()
    body: str | bytes = ""
    content_type: str | None = None
    receipt: bool = False
    count: int = 1
    rate: float | None = None  # messages per second; None = as fast as possible


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    messages: tuple[LibraryMessage, ...] = ()
    variables: dict[str, Any] = field(default_factory=dict)

    def message(self, name: str) -> LibraryMessage | None:
        return next((m for m in self.messages if m.name == name), None)


@dataclass(frozen=True, slots=True)
class Library:
    collections: tuple[Collection, ...] = ()
    profile_variables: dict[str, dict[str, Any]] = field(default_factory=dict)

    def collection(self, name: str) -> Collection | None:
        return next((c for c in self.collections if c.name == name), None)

    def search(self, text: str) -> list[tuple[Collection, LibraryMessage]]:
        """Messages whose name, destination or body contains `text` (case-insensitive)."""
        needle = text.casefold()
        found = []
        for collection in self.collections:
            for message in collection.messages:
                haystack = [message.name, collection.name, *message.destinations]
                if isinstance(message.body, str):
                    haystack.append(message.body)
                if any(needle in part.casefold() for part in haystack):
                    found.append((collection, message))
        return found


# ----------------------------------------------------------------------------- JSON form


def library_to_dict(library: Library) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "collections": [collection_to_dict(c) for c in library.collections],
        "profile_variables": {k: dict(v) for k, v in sorted(library.profile_variables.items())},
    }


def collection_to_dict(collection: Collection) -> dict[str, Any]:
    return {
        "name": collection.name,
        "variables": dict(collection.variables),
        "messages": [message_to_dict(m) for m in collection.messages],
    }


def message_to_dict(message: LibraryMessage) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": message.name,
        "destinations": list(message.destinations),
        "headers": [[k, v] for k, v in message.headers],
    }
    if isinstance(message.body, bytes):
        try:
            data["body"] = message.body.decode("utf-8")
        except UnicodeDecodeError:
            data["body_base64"] = base64.b64encode(message.body).decode("ascii")
    else:
        data["body"] = message.body
    data.update(
        content_type=message.content_type,
        receipt=message.receipt,
        count=message.count,
        rate=message.rate,
    )
    return data


class _Reader:
    """Typed access to one JSON object; errors name the file and the place in it."""

    def __init__(self, data: Any, path: str, where: str) -> None:
        if not isinstance(data, Mapping):
            raise LibraryFileError(path, "should be a JSON object", where or None)
        self.data, self.path, self.where = data, path, where

    def fail(self, key: str, reason: str) -> LibraryFileError:
        place = f"{self.where}.{key}" if self.where else key
        return LibraryFileError(self.path, reason, place)

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.data.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.fail(key, "should be a number")
        if not isinstance(value, kind):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.fail(key, f"should be {_json_name(names)}")
        return value

    def text(self, key: str) -> str:
        value = self.get(key, str)
        if not value or not str(value).strip():
            raise self.fail(key, "is missing or empty")
        return str(value)

    def variables(self, key: str) -> dict[str, Any]:
        value = dict(self.get(key, dict, {}))
        try:
            check_variable_names(value)
        except VariableError as exc:
            raise self.fail(key, exc.reason) from None
        return value


def _json_name(python: str) -> str:
    return {
        "str": "text",
        "int": "a whole number",
        "float": "a number",
        "int or float": "a number",
        "bool": "true or false",
        "list": "a list",
        "dict": "an object",
    }.get(python, python)


def library_from_dict(data: Any, path: str) -> Library:
    top = _Reader(data, path, "")
    schema = top.get("schema", int, SCHEMA)
    if schema > SCHEMA:
        raise LibraryFileError(
            path, f"was written by a newer STOMP Explorer (schema {schema}); update to open it"
        )
    collections = []
    names: set[str] = set()
    for i, raw in enumerate(top.get("collections", list, []), start=1):
        collection = _collection(_Reader(raw, path, f"collections[{i}]"))
        if collection.name in names:
            raise LibraryFileError(path, f"the collection '{collection.name}' is given twice")
        names.add(collection.name)
        collections.append(collection)
    profiles: dict[str, dict[str, Any]] = {}
    for name, raw in top.get("profile_variables", dict, {}).items():
        holder = _Reader({"v": raw}, path, f"profile_variables.{name}")
        profiles[str(name)] = holder.variables("v")
    return Library(tuple(collections), profiles)


def _collection(reader: _Reader) -> Collection:
    messages = []
    names: set[str] = set()
    for i, raw in enumerate(reader.get("messages", list, []), start=1):
        message = _message(_Reader(raw, reader.path, f"{reader.where}.messages[{i}]"))
        if message.name in names:
            raise reader.fail("messages", f"the message '{message.name}' is given twice")
        names.add(message.name)
        messages.append(message)
    return Collection(reader.text("name"), tuple(messages), reader.variables("variables"))


def _message(reader: _Reader) -> LibraryMessage:
    destinations = reader.get("destinations", list, [])
    if not destinations or not all(isinstance(d, str) and d.strip() for d in destinations):
        raise reader.fail("destinations", "give at least one destination, as text")
    headers = []
    for pair in reader.get("headers", list, []):
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(p, str) for p in pair)
        ):
            raise reader.fail("headers", 'each header is ["name", "value"]')
        headers.append((pair[0], pair[1]))
    body: str | bytes = reader.get("body", str, "")
    encoded = reader.get("body_base64", str)
    if encoded is not None:
        try:
            body = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise reader.fail("body_base64", "is not valid base64") from None
    count = reader.get("count", int, 1)
    if count < 1:
        raise reader.fail("count", "should be at least 1")
    rate = reader.get("rate", (int, float))
    if rate is not None and rate <= 0:
        raise reader.fail("rate", "should be above 0 (or null for as fast as possible)")
    return LibraryMessage(
        name=reader.text("name"),
        destinations=tuple(destinations),
        headers=tuple(headers),
        body=body,
        content_type=reader.get("content_type", str),
        receipt=reader.get("receipt", bool, False),
        count=count,
        rate=None if rate is None else float(rate),
    )
