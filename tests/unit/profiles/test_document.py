"""The piecewise reader of profiles files agrees with `json` on every document json can read,
keeps each profile's exact bytes, and answers the ones json cannot read with a sentence."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.profiles.document import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_PROFILES,
    JsonProblem,
    TooLargeNumber,
    loads,
    parse_document,
    render_document,
)

TEXT_CHARS = st.characters(exclude_categories=["Cs"])  # no lone surrogates
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**18), max_value=10**18)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(TEXT_CHARS, max_size=20)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(TEXT_CHARS, max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def dumps(value: Any, style: int) -> str:
    if style == 0:
        return json.dumps(value)
    if style == 1:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(
    profiles=st.lists(VALUES, max_size=5),
    extra=st.dictionaries(st.sampled_from(["schema", "note", "hidden_builtins"]), VALUES),
    style=st.integers(0, 2),
)
def test_items_and_members_match_json(
    profiles: list[Any], extra: dict[str, Any], style: int
) -> None:
    text = dumps({**extra, "profiles": profiles}, style)
    doc = parse_document(text.encode())
    assert doc.items is not None
    assert [item.data for item in doc.items] == [json.loads(json.dumps(p)) for p in profiles]
    assert all(item.problem is None for item in doc.items)
    for item, value in zip(doc.items, profiles, strict=True):
        assert item.raw.decode() in text
        assert json.loads(item.raw) == json.loads(json.dumps(value))
    for key, value in extra.items():
        assert doc.member(key) == json.loads(json.dumps(value))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_document_or_a_json_problem(data: bytes) -> None:
    try:
        doc = parse_document(data)
    except JsonProblem as exc:
        assert "line" in str(exc)
        return
    for item in doc.items or []:
        assert (item.data is None) == (item.problem is not None)


def test_rendered_documents_keep_items_byte_for_byte() -> None:
    items = [b'{"name": "a",\n "x": 1}', b'"caf\xe9"', b"[" * 50 + b"]" * 50]
    raw = render_document({"schema": 2, "about": "x"}, items)
    doc = parse_document(raw)
    assert doc.items is not None
    assert [i.raw for i in doc.items] == items
    assert doc.member("schema") == 2
    assert [i.problem is None for i in doc.items] == [True, False, False]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "levels deep"),
        ('{"a": NaN}', "NaN is not a JSON number"),
        ('{"a": -Infinity}', "not a JSON number"),
        ('"\\udc00"', "no character"),
        ("[1,]", "not valid JSON"),
    ],
)
def test_loads_refuses_with_a_sentence(text: str, problem: str) -> None:
    with pytest.raises(JsonProblem, match=problem):
        loads(text)


def test_a_bracket_bomb_is_scanned_in_runs() -> None:
    n = MAX_FILE_BYTES // 2 - 100
    doc = parse_document(b'{"schema": 2, "profiles": [' + b"[" * n + b"]" * n + b"]}")
    assert doc.items is not None and f"nested {n + 0} levels" in (doc.items[0].problem or "")


def test_more_profiles_than_a_file_can_hold_is_a_file_problem() -> None:
    with pytest.raises(JsonProblem, match=f"more than {MAX_PROFILES} profiles"):
        parse_document(b'{"schema": 2, "profiles": [' + b"{}," * MAX_PROFILES + b"{}]}")


def test_loads_keeps_a_huge_number_as_text() -> None:
    value = loads('{"n": ' + "7" * 5000 + "}")
    assert value == {"n": TooLargeNumber("7" * 5000)}
    assert value["n"].digits == 5000
    assert loads("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (
            b'{"schema": 2, "profiles": [{"a": 1}',
            "ends too soon: expected ',' or ']' after a profile .line 1, column 36",
        ),
        (
            b'{"schema": 2,\n "profiles": [{"a": [1}]}',
            r"'}' does not close the '\[' before it .line 2, column 23",
        ),
        (b'{"schema": 2} trailing', "more text"),
        (b"[]", "JSON object"),
        (b'{"schema" 2}', "expected ':'"),
    ],
)
def test_broken_outer_structure_names_the_place(raw: bytes, where: str) -> None:
    with pytest.raises(JsonProblem, match=where):
        parse_document(raw)
