"""Reading a profiles file one profile at a time, so one broken profile cannot take the others
(or the window) down.

Python's `json` module fails on a whole file at once, and with `ValueError` or
`RecursionError` for an integer of 5,000 digits or lists nested 100,000 deep. Here a small
iterative scanner (no recursion) only finds where the file's top-level members and the items
of its `profiles` list start and end; each item is then decoded on its own, with bounds on
nesting depth and number length. An item that cannot be decoded keeps the exact bytes it had
in the file, so it can be set aside without losing a byte.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_FILE_BYTES = 4 * 1024 * 1024  # a profile takes about 1 KB; worst case a few s to scan
MAX_PROFILES = 5_000
MAX_DEPTH = 32  # a profile needs 4 levels (profile > subscriptions > item > header pair)
MAX_NUMBER_DIGITS = 20

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(r'[^\s,:\[\]{}"]+')
# A whole string (or a lone '"' that opens one never closed), or a run of opening or of
# closing brackets with the spaces between them.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|"|[\[{][\[{ \t\n\r]*|[\]}][\]} \t\n\r]*', re.DOTALL)
_NO_SPACE = str.maketrans("", "", " \t\n\r")
_TO_OPENER = str.maketrans("]}", "[{")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class TooLargeNumber:
    """A JSON number far too long to be a setting, kept as text so the field check names it."""

    text: str

    @property
    def digits(self) -> int:
        return len(self.text.lstrip("-"))


class JsonProblem(ValueError):
    """Text that cannot be decoded; the message says where and why."""


@dataclass(frozen=True, slots=True)
class RawItem:
    """One item of the `profiles` list: its exact bytes, and its value or why it has none."""

    index: int  # 0-based position in the list
    raw: bytes
    data: Any  # the decoded JSON; None when `problem` is set
    problem: str | None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A profiles file split into pieces. `items` is None when `profiles` is not a list."""

    members: dict[str, str]  # top-level member -> its JSON text (not yet decoded)
    items: list[RawItem] | None

    def member(self, key: str) -> Any:
        """The decoded value of a top-level member (None when absent); JsonProblem if bad."""
        text = self.members.get(key)
        return None if text is None else loads(text)


def loads(text: str, depth: int | None = None) -> Any:
    """json.loads with bounds: depth, number length, no NaN/Infinity, text that is Unicode.
    `depth` is the text's nesting depth when the caller's scan already found it."""
    if _SURROGATE.search(text):
        raise JsonProblem("it holds bytes that are not UTF-8 text")
    depth = _deepest(text) if depth is None else depth
    if depth > MAX_DEPTH:
        raise JsonProblem(f"it is nested {depth} levels deep (at most {MAX_DEPTH} are read)")
    try:
        value = json.loads(text, parse_int=_parse_int, parse_constant=_refuse_constant)
    except JsonProblem:
        raise
    except (ValueError, RecursionError) as exc:
        raise JsonProblem(f"it is not valid JSON ({exc})") from None
    try:  # "\ud800" escapes decode to lone surrogates, which no file or terminal can hold
        json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        raise JsonProblem("a text holds a \\ud800-style escape, which is no character") from None
    return value


def _parse_int(text: str) -> int | TooLargeNumber:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        return TooLargeNumber(text)
    return int(text)


def _refuse_constant(name: str) -> Any:
    raise JsonProblem(f"{name} is not a JSON number")


def decode_text(raw: bytes) -> str:
    """The file's text; bytes that are not UTF-8 become lone surrogates (undone on encode), so
    a profile with a bad byte can be set aside while the others load."""
    text = raw.decode("utf-8", "surrogateescape")
    return text[1:] if text.startswith("\ufeff") else text


def encode_text(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def parse_document(raw: bytes) -> RawDocument:
    """Split a profiles file into members and profile items; JsonProblem when even its outer
    structure (the object, the list, the brackets) is broken."""
    text = decode_text(raw)
    members: dict[str, str] = {}
    items: list[RawItem] | None = None
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        raise _problem(text, pos, "the file should hold a JSON object with 'schema' and 'profiles'")
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "}":
        pos += 1
    else:
        while True:
            match = _STRING.match(text, pos)
            if match is None:
                raise _problem(text, pos, "expected a member name in double quotes")
            key = str(json.loads(match.group()))
            pos = _skip(text, match.end())
            if text[pos : pos + 1] != ":":
                raise _problem(text, pos, "expected ':' after a member name")
            pos = _skip(text, pos + 1)
            if key == "profiles" and text[pos : pos + 1] == "[":
                items, pos = _split_list(text, pos)
                members.pop(key, None)
            else:
                end, _ = _value_end(text, pos)
                members[key] = text[pos:end]
                if key == "profiles":
                    items = None
                pos = end
            pos = _skip(text, pos)
            separator = text[pos : pos + 1]
            if separator == ",":
                pos = _skip(text, pos + 1)
            elif separator == "}":
                pos += 1
                break
            else:
                raise _problem(text, pos, "expected ',' or '}' after a member")
    end = _skip(text, pos)
    if end != len(text):
        raise _problem(text, end, "there is more text after the end of the JSON object")
    return RawDocument(members, items)


def _split_list(text: str, pos: int) -> tuple[list[RawItem], int]:
    items: list[RawItem] = []
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "]":
        return items, pos + 1
    while True:
        end, depth = _value_end(text, pos)
        piece = text[pos:end]
        try:
            data, problem = loads(piece, depth), None
        except JsonProblem as exc:
            data, problem = None, str(exc)
        items.append(RawItem(len(items), encode_text(piece), data, problem))
        if len(items) > MAX_PROFILES:
            raise _problem(text, pos, f"there are more than {MAX_PROFILES} profiles")
        pos = _skip(text, end)
        separator = text[pos : pos + 1]
        if separator == "]":
            return items, pos + 1
        if separator != ",":
            raise _problem(text, pos, "expected ',' or ']' after a profile")
        pos = _skip(text, pos + 1)


def _value_end(text: str, pos: int) -> tuple[int, int]:
    """(end, depth) of the JSON value that starts at `pos`, found without recursion.

    Runs of brackets are taken whole (a 16 MB bracket bomb is a few regex matches, not
    millions of Python steps); every step costs in proportion to the brackets it reads."""
    first = text[pos : pos + 1]
    if first == '"':
        match = _STRING.match(text, pos)
        if match is None:
            raise _problem(text, pos, "a text value is not closed with '\"'")
        return match.end(), 0
    if first not in ("[", "{"):
        match = _SCALAR.match(text, pos)
        if match is None:
            raise _problem(text, pos, "a value is missing")
        return match.end(), 0
    stack: list[str] = []
    deepest = 0
    for token in _TOKEN.finditer(text, pos):
        run = token.group()
        if run[0] == '"':
            if len(run) == 1:
                raise _problem(text, token.start(), "a text value is not closed with '\"'")
            continue
        brackets = run.translate(_NO_SPACE)
        if run[0] in "[{":
            stack.extend(brackets)
            deepest = max(deepest, len(stack))
            continue
        closes = min(len(brackets), len(stack))
        wanted = brackets[:closes].translate(_TO_OPENER)
        closed = "".join(reversed(stack[len(stack) - closes :]))
        if closed != wanted:
            at = next(i for i, (a, b) in enumerate(zip(closed, wanted, strict=True)) if a != b)
            raise _problem(
                text,
                token.start() + _nth_bracket(run, at),
                f"'{brackets[at]}' does not close the '{stack[-1 - at]}' before it",
            )
        del stack[len(stack) - closes :]
        if not stack:
            return token.start() + _nth_bracket(run, closes - 1) + 1, deepest
    raise _problem(text, pos, f"this '{first}' is never closed")


def _nth_bracket(run: str, n: int) -> int:
    """Index in `run` (brackets and spaces) of its n-th bracket (0-based)."""
    seen = -1
    for index, char in enumerate(run):
        if char not in " \t\n\r":
            seen += 1
            if seen == n:
                return index
    raise ValueError(n)


def _deepest(text: str) -> int:
    pos = _skip(text, 0)
    if text[pos : pos + 1] not in ("[", "{"):
        return 0
    try:
        return _value_end(text, pos)[1]
    except JsonProblem:
        return 0  # json.loads names the exact fault


def _skip(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def _problem(text: str, pos: int, what: str) -> JsonProblem:
    if pos >= len(text):
        what = f"the text ends too soon: {what}"
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return JsonProblem(f"{what} (line {line}, column {column})")


def render_document(members: dict[str, Any], items: list[bytes]) -> bytes:
    """A profiles document whose `profiles` list holds `items` byte for byte (the quarantine
    file): other members are encoded as usual, the items are spliced in unchanged."""
    head = [
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, indent=2)},".replace("\n", "\n  ")
        for k, v in members.items()
    ]
    out = ("{\n" + "\n".join(head) + ("\n" if head else "") + '  "profiles": [').encode("utf-8")
    for i, item in enumerate(items):
        out += (b",\n" if i else b"\n") + item
    return out + b"\n  ]\n}\n"
