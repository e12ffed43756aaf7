"""The SQL back end's choices: SQLite paths, the text index, wildcard destinations."""

from __future__ import annotations

import sqlite3

import pytest

from explorer.search import compile_sql, parse, register_functions
from explorer.search.sql_json import sqlite_path


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$", "$"),
        ("$.user.id", '$."user"."id"'),
        ("$.items[0].price", '$."items"[0]."price"'),
        ("$['a b']", '$."a b"'),
        ("$.'x.y'", '$."x.y"'),
        ("$[2]", "$[2]"),
        ("$.items[*]", None),
        ("$..id", None),
        ("$.items[-1]", None),
        ("$.items[0:2]", None),
        ("$.items[?(@.price > 1)]", None),
        ("$.a,b", None),
    ],
)
def test_plain_paths_become_sqlite_paths(path: str, expected: str | None) -> None:
    assert sqlite_path(path) == expected


def plan(where: str, params: tuple[object, ...]) -> str:
    conn = sqlite3.connect(":memory:")
    register_functions(conn)
    conn.execute(
        "CREATE TABLE messages (seq INTEGER PRIMARY KEY, received REAL, direction TEXT, "
        "connection TEXT, command TEXT, destination TEXT, headers TEXT, body BLOB, "
        "body_size INTEGER, body_json INTEGER)"
    )
    conn.execute("CREATE VIRTUAL TABLE body_text USING fts5(body, tokenize='trigram')")
    rows = conn.execute(f"EXPLAIN QUERY PLAN SELECT seq FROM messages WHERE {where}", params)
    return "\n".join(str(row[-1]) for row in rows)


def test_text_uses_the_trigram_index_when_there_is_one() -> None:
    indexed = compile_sql(parse("shipped"), text_indexed_upto=10)
    assert "body_text" in indexed.where
    assert "body_text" in plan(indexed.where, indexed.params)
    unindexed = compile_sql(parse("shipped"))
    assert "body_text" not in unindexed.where
    short = compile_sql(parse("ok"), text_indexed_upto=10)  # under three characters
    assert "body_text" not in short.where


def test_wildcard_destinations_become_a_list_when_the_names_are_known() -> None:
    names = ["/topic/prices.eu", "/topic/prices.us.fx", "/queue/orders"]
    condition = compile_sql(parse("destination=/topic/prices.>"), destinations=names)
    assert "destination IN (?, ?)" in condition.where
    assert condition.params == ("/topic/prices.eu", "/topic/prices.us.fx")
    assert compile_sql(parse("destination=/queue/x.*"), destinations=names).where == "0"
    assert "stomp_destination" in compile_sql(parse("destination=/topic/*")).where


def test_json_paths_use_sqlite_json_functions_where_they_can() -> None:
    condition = compile_sql(parse("$.user.id == 1001"))
    assert "json_extract(body" in condition.where
    assert "stomp_json" not in condition.where
    assert "json_tree(body" in compile_sql(parse("$..id == 1001")).where
    assert "json_each(body" in compile_sql(parse("$.items[*] == 1001")).where
    assert "stomp_json_exists(" in compile_sql(parse("$.items[?(@.id > 3)]")).where
