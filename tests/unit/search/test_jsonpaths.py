"""The common JSONPath shapes, walked directly, find what jsonpath-ng's find() finds."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.search.jsonpaths import compiled_jsonpath, json_plan

PLANNED = [
    "$",
    "$.a",
    "$.a.b",
    "$.a[0]",
    "$[1]",
    "$.a[0].b",
    "$['a b']",
    '$."x.y"',
    "$.a[*]",
    "$.*",
    "$[*]",
    "$.a.*",
    "$..b",
    "$..a",
    "$.a..b",
    "$..*",
    "$.a..*",
    "$..'a b'",
]
NOT_PLANNED = ["$.a[-1]", "$.a[0:2]", "$.a[?(@.b > 1)]", "$.a,b", "$..[0]", "$.a[0,1]"]

keys = st.sampled_from(["a", "b", "a b", "x.y", "c"])
documents = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from(["s", "", "b"])),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(keys, children, max_size=3)
    ),
    max_leaves=12,
)


def canonical(values: list[Any]) -> list[str]:
    return sorted(json.dumps(value, sort_keys=True) for value in values)


@pytest.mark.parametrize("path", PLANNED)
def test_common_shapes_have_a_plan(path: str) -> None:
    assert json_plan(path) is not None


@pytest.mark.parametrize("path", NOT_PLANNED)
def test_other_shapes_are_left_to_jsonpath_ng(path: str) -> None:
    assert json_plan(path) is None


@settings(max_examples=300, deadline=None)
@given(document=documents, path=st.sampled_from(PLANNED))
def test_the_walk_finds_what_jsonpath_ng_finds(document: Any, path: str) -> None:
    plan = json_plan(path)
    assert plan is not None
    expected = [match.value for match in compiled_jsonpath(path).find(document)]
    assert canonical(plan.find(document)) == canonical(expected)
