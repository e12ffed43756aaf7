"""The composer's history on disk: the last frames sent, kept across restarts, without secrets.

`composer-history.json` sits next to the profiles (`explorer.profiles.config_dir`, which
honours STOMP_EXPLORER_CONFIG_DIR). It holds at most `HISTORY_SIZE` requests, newest first.
Secrets never land in it: a header whose name or value looks like a credential (the library's
rule, `explorer.library.secrets.looks_secret`) is left out, in raw frames too. A body larger
than `MAX_BODY_BYTES` is not kept (the entry says how big it was); a body sent from a file
keeps only the file's path. Writes are atomic; a file that does not parse reads as empty.
No Qt here: the composer calls `load` once and `save` after each send.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from explorer.library.secrets import looks_secret
from explorer.profiles import config_dir
from explorer.profiles.storage import atomic_write
from explorer.session.compose import ComposeRequest

HISTORY_SIZE: Final = 50
MAX_BODY_BYTES: Final = 256 * 1024
FILE_NAME: Final = "composer-history.json"
_VERSION: Final = 1


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One remembered request; `omitted_body` is the size of a body too large to keep."""

    request: ComposeRequest
    omitted_body: int = 0


def default_path() -> Path:
    return config_dir() / FILE_NAME


def without_secrets(request: ComposeRequest) -> ComposeRequest:
    """The request with credential-looking headers left out (raw frames' header lines too)."""
    if request.raw is not None:
        return _raw_without_secrets(request)
    kept = tuple((name, value) for name, value in request.headers if not looks_secret(name, value))
    if kept == request.headers:
        return request
    return ComposeRequest(
        request.command,
        kept,
        request.body,
        request.receipt,
        request.count,
        None,
        request.body_file,
    )


def _raw_without_secrets(request: ComposeRequest) -> ComposeRequest:
    assert request.raw is not None
    frames = request.raw.split(b"\x00")
    cleaned = []
    for frame in frames:
        head, sep, body = frame.partition(b"\n\n")
        lines = head.split(b"\n")
        kept = [lines[0]] + [
            line
            for line in lines[1:]
            if not looks_secret(*_header_line(line.decode("utf-8", "replace")))
        ]
        cleaned.append(b"\n".join(kept) + sep + body)
    raw = b"\x00".join(cleaned)
    if raw == request.raw:
        return request
    return ComposeRequest(request.command, raw=raw, count=request.count)


def _header_line(line: str) -> tuple[str, str]:
    name, _sep, value = line.partition(":")
    return name, value


def to_json(item: HistoryItem) -> dict[str, Any]:
    request = item.request
    obj: dict[str, Any] = {"command": request.command}
    if request.raw is not None:
        obj["raw_base64"] = base64.b64encode(request.raw).decode("ascii")
    else:
        obj["headers"] = [[name, value] for name, value in request.headers]
        if request.body_file is not None:
            obj["body_file"] = request.body_file
        elif item.omitted_body:
            obj["omitted_body"] = item.omitted_body
        else:
            try:
                obj["body"] = request.body.decode("utf-8")
            except UnicodeDecodeError:
                obj["body_base64"] = base64.b64encode(request.body).decode("ascii")
        if request.receipt:
            obj["receipt"] = True
    if request.count != 1:
        obj["count"] = request.count
    return obj


def from_json(obj: object) -> HistoryItem | None:
    """One entry read back; None for anything malformed (a hand-edited file)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("command"), str):
        return None
    count = obj.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        return None
    try:
        if "raw_base64" in obj:
            raw = base64.b64decode(str(obj["raw_base64"]), validate=True)
            return HistoryItem(ComposeRequest(obj["command"], raw=raw, count=count))
        headers = obj.get("headers", [])
        if not isinstance(headers, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
            for pair in headers
        ):
            return None
        body = b""
        if isinstance(obj.get("body"), str):
            body = obj["body"].encode("utf-8")
        elif "body_base64" in obj:
            body = base64.b64decode(str(obj["body_base64"]), validate=True)
        body_file = obj.get("body_file")
        omitted = obj.get("omitted_body", 0)
        request = ComposeRequest(
            obj["command"],
            tuple((name, value) for name, value in headers),
            body,
            bool(obj.get("receipt", False)),
            count,
            None,
            body_file if isinstance(body_file, str) else None,
        )
        return HistoryItem(request, omitted if isinstance(omitted, int) else 0)
    except (binascii.Error, ValueError):
        return None


class ComposerHistory:
    """The remembered requests, newest first, capped; `remember` saves at once."""

    def __init__(self, path: Path | None = None, size: int = HISTORY_SIZE) -> None:
        self.path = path if path is not None else default_path()
        self.size = size
        self.items: list[HistoryItem] = self._load()

    def requests(self) -> list[ComposeRequest]:
        return [item.request for item in self.items]

    def remember(self, request: ComposeRequest) -> HistoryItem:
        """Put `request` first (secrets out, a huge body dropped), trim, save; returns the
        item as stored. Saving problems are not the user's: the history then lives on in
        memory only."""
        clean = without_secrets(request)
        omitted = 0
        if clean.raw is None and clean.body_file is None and len(clean.body) > MAX_BODY_BYTES:
            omitted = len(clean.body)
            clean = ComposeRequest(
                clean.command, clean.headers, b"", clean.receipt, clean.count, None, None
            )
        item = HistoryItem(clean, omitted)
        older = [old for old in self.items if old != item]
        self.items = [item, *older[: self.size - 1]]
        self.save()
        return item

    def save(self) -> bool:
        data = {"version": _VERSION, "items": [to_json(item) for item in self.items]}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())
        except OSError:
            return False
        return True

    def _load(self) -> list[HistoryItem]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        raw_items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(raw_items, list):
            return []
        items = [item for item in map(from_json, raw_items) if item is not None]
        return items[: self.size]
