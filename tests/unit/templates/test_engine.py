"""The template engine: built-ins, variables, the sandbox, and errors with line and column."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import pytest

from explorer.templates import (
    MessageTemplate,
    TemplateEngine,
    TemplateError,
    VariableError,
    expand_parts,
    has_templates,
    is_template,
    merge_variables,
    parse_assignment,
    preview,
)


def engine(**variables: object) -> TemplateEngine:
    return TemplateEngine(variables, seed=7, environ={"HOME": "/home/qa", "TOKEN": "t-1"})


def test_plain_text_is_not_a_template_and_is_returned_as_is() -> None:
    text = '{"a": {"b": 1}} }} {x}'
    assert not is_template(text)
    compiled = engine().compile(text)
    assert compiled.is_literal
    assert engine().expand(text) == text


def test_copy_number_and_variables() -> None:
    e = engine(user=1001, name="민수")
    assert e.expand("P-{{n}} user={{user}} {{name}}", n=5) == "P-5 user=1001 민수"


def test_uuid_is_a_fresh_uuid4_per_message() -> None:
    e = engine()
    first, second = e.expand("{{uuid}}"), e.expand("{{uuid}}")
    assert uuid.UUID(first).version == 4
    assert first != second


def test_now_is_iso_8601_utc_and_now_ms_matches_it() -> None:
    before = datetime.now(UTC)
    now, now_ms = engine().expand_many([("a", "{{now}}"), ("b", "{{now_ms}}")])
    parsed = datetime.fromisoformat(now)
    assert parsed.tzinfo is not None and parsed.utcoffset() is not None
    assert parsed.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert parsed >= before.replace(microsecond=before.microsecond // 1000 * 1000)
    assert int(now_ms) == int(parsed.timestamp() * 1000)


def test_now_ms_is_a_number_you_can_compute_with() -> None:
    assert int(engine().expand("{{now_ms - 1000}}")) > 1_700_000_000_000


def test_random_int_stays_within_bounds_and_a_seed_repeats_it() -> None:
    values = [int(engine().expand("{{random_int(1, 6)}}")) for _ in range(3)]
    assert values == [int(engine().expand("{{random_int(1, 6)}}")) for _ in range(3)]
    e = engine()
    many = {int(e.expand("{{random_int(1, 3)}}")) for _ in range(200)}
    assert many == {1, 2, 3}


def test_faker_default_locale_and_korean() -> None:
    e = engine()
    english = e.expand("{{faker.name()}}")
    korean = e.expand("{{faker['ko_KR'].name()}}")
    assert re.fullmatch(r"[A-Za-z .'-]+", english)
    assert re.search(r"[\uac00-\ud7a3]", korean)


def test_faker_locale_variable_changes_the_default() -> None:
    korean = engine(faker_locale="ko_KR").expand("{{faker.name()}}")
    assert re.search(r"[\uac00-\ud7a3]", korean)


def test_env_reads_the_environment() -> None:
    assert engine().expand("Bearer {{env.TOKEN}} at {{env.HOME}}") == "Bearer t-1 at /home/qa"


def test_one_message_shares_its_uuid_between_header_and_body() -> None:
    message = MessageTemplate(
        engine(user=7), "/queue/u.{{user}}", [("x-run", "{{uuid}}")], '{"run": "{{uuid}}"}'
    ).render(1)
    assert message.destination == "/queue/u.7"
    assert message.body == f'{{"run": "{message.header("x-run")}"}}'.encode()


def test_message_content_type_becomes_a_header_unless_given() -> None:
    e = engine()
    assert MessageTemplate(e, "/q/a", content_type="application/json").render().headers == (
        ("content-type", "application/json"),
    )
    given = MessageTemplate(e, "/q/a", [("Content-Type", "text/plain")], content_type="x/y")
    assert given.render().headers == (("Content-Type", "text/plain"),)


def test_binary_body_is_sent_untouched() -> None:
    body = b"\xff\xfe{{n}}"
    assert MessageTemplate(engine(), "/q/a", body=body).render(3).body == body


def test_preview_expands_copy_one() -> None:
    shown = preview(engine(), "/q/a", [("n", "{{n}}")], "body {{n}}")
    assert shown.headers == (("n", "1"),)
    assert shown.body == b"body 1"


def test_trailing_newline_is_kept() -> None:
    assert engine().expand("line {{n}}\n") == "line 1\n"


def test_variables_merge_most_specific_last() -> None:
    merged = merge_variables({"a": 1, "b": 1}, None, {"b": 2}, {"c": 3})
    assert merged == {"a": 1, "b": 2, "c": 3}
    assert engine(a=1).with_variables({"a": 2}).expand("{{a}}") == "2"


def test_parse_assignment_keeps_everything_after_the_first_equals() -> None:
    assert parse_assignment("url=a=b") == ("url", "a=b")
    with pytest.raises(VariableError, match="NAME=VALUE"):
        parse_assignment("novalue")
    with pytest.raises(VariableError, match="built-in"):
        parse_assignment("uuid=1")
    with pytest.raises(VariableError, match="cannot be a variable name"):
        parse_assignment("9lives=1")


# ----------------------------------------------------------------------------- errors


def error_of(text: str, **variables: object) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        engine(**variables).expand(text, field="body")
    return info.value


def test_syntax_error_names_line_and_column() -> None:
    error = error_of('{"a": 1,\n "b": {{ n + }}}')
    assert (error.field, error.line, error.column) == ("body", 2, 7)
    assert "template syntax" in error.reason
    assert str(error).startswith("body: line 2, column 7: ")


def test_unclosed_tag_points_at_its_opening() -> None:
    error = error_of("abc {{ n")
    assert (error.line, error.column) == (1, 5)


def test_unknown_name_is_caught_when_compiling_with_its_place() -> None:
    error = error_of("ok\nuser={{ usr }}", user=1)
    assert (error.line, error.column) == (2, 9)
    assert "'usr' is not defined" in error.reason
    assert "user" in error.reason  # the known variables are listed


def test_missing_environment_variable() -> None:
    error = error_of("x\n  {{ env.NOPE }}")
    assert (error.line, error.column) == (2, 10)
    assert error.reason == "the environment variable 'NOPE' is not set"


def test_missing_attribute_of_a_variable() -> None:
    error = error_of("{{ user.x }}", user=1)
    assert (error.line, error.column) == (1, 9)


def test_runtime_failure_is_a_template_error_with_its_line() -> None:
    error = error_of("a\nb\n{{ 1 / 0 }}")
    assert error.line == 3 and error.column == 1
    assert "ZeroDivisionError" in error.reason


def test_random_int_with_bad_arguments() -> None:
    assert "larger" in error_of("{{ random_int(5, 1) }}").reason
    assert "whole numbers" in error_of("{{ random_int('a', 1) }}").reason


def test_faker_mistakes_read_clearly() -> None:
    assert error_of("{{ faker.nosuch() }}").reason.startswith("Faker has no 'nosuch'")
    assert "no locale 'xx_YY'" in error_of("{{ faker['xx_YY'].name() }}").reason


# ----------------------------------------------------------------------------- the sandbox


@pytest.mark.parametrize(
    "text",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ random_int.__init__.__globals__ }}",
        "{{ faker._faker }}",
        "{{ env._source }}",
    ],
)
def test_the_sandbox_refuses_reaching_python_internals(text: str) -> None:
    error = error_of(text)
    assert error.line == 1


def test_a_list_variable_cannot_be_changed_by_a_template() -> None:
    items = [1, 2]
    error_of("{{ items.append(3) }}", items=items)
    assert items == [1, 2]


@pytest.mark.parametrize("text", ["{{ 'x' * 10**9 }}", "{{ 2 ** 100000 }}", "{{ [1] * 10**8 }}"])
def test_huge_results_are_refused(text: str) -> None:
    assert error_of(text).reason.startswith("not allowed in a template")


def test_templates_compile_once() -> None:
    e = engine()
    assert e.compile("{{n}}", "body") is e.compile("{{n}}", "body")


# ----------------------------------------------------------------------------- the composer


def test_expand_parts_is_the_composers_burst_expansion() -> None:
    headers = (("destination", "/queue/a"), ("x-copy", "{{n}}"), ("x-run", "{{uuid}}"))
    body = b'{"copy": {{n}}, "run": "{{uuid}}"}'
    assert has_templates(headers, body)
    new_headers, new_body = expand_parts(headers, body, 3)
    assert new_headers[:2] == (("destination", "/queue/a"), ("x-copy", "3"))
    assert new_body == f'{{"copy": 3, "run": "{new_headers[2][1]}"}}'.encode()


def test_expand_parts_leaves_plain_and_binary_bodies_alone() -> None:
    assert not has_templates((("a", "b"),), b"plain {x}")
    binary = b"\xff{{n}}"
    assert expand_parts((("k", "{{n}}"),), binary, 2) == ((("k", "2"),), binary)
    with pytest.raises(TemplateError) as info:
        expand_parts((), b"{{ nope }}", 1)
    assert info.value.field == "body"
