"""Every template mistake carries a problem code and its details (the window words them in
the user's language), besides the English reason the command line prints."""

from __future__ import annotations

import pytest

from explorer.templates import TemplateEngine, TemplateError, check_variable_names

# (template, variables, problem, details that must be present)
CASES: list[tuple[str, dict[str, object], str, dict[str, str]]] = [
    ("{{ nope( }}", {}, "syntax", {}),
    ("{{ nope }}", {"user": 1}, "undefined", {"name": "nope", "variables": "user"}),
    ("{{ nope }}", {}, "undefined-no-variables", {"name": "nope"}),
    ("{{ env.STOMP_EXPLORER_NOT_SET }}", {}, "env-not-set", {"name": "STOMP_EXPLORER_NOT_SET"}),
    ("{{ faker.xx_YY.name() }}", {}, "faker-locale", {"name": "xx_YY"}),
    ("{{ faker.no_such_thing }}", {}, "faker-attribute", {"name": "no_such_thing"}),
    ("{{ 'x' * 100000000 }}", {}, "not-allowed", {}),
    ("{{ 1 // 0 }}", {}, "render-error", {}),
]


@pytest.mark.parametrize(("text", "variables", "problem", "details"), CASES)
def test_a_template_mistake_has_its_problem_code(
    text: str, variables: dict[str, object], problem: str, details: dict[str, str]
) -> None:
    engine = TemplateEngine(variables, environ={})
    with pytest.raises(TemplateError) as caught:
        engine.expand(text, field="body")
    error = caught.value
    assert error.problem == problem, error.reason
    assert details.items() <= error.details.items()
    assert error.field == "body"
    assert error.reason in str(error)  # the command line's English sentence is kept


@pytest.mark.parametrize(("name", "problem"), [("2fast", "bad-name"), ("uuid", "builtin-name")])
def test_a_variable_name_that_cannot_be_used_has_its_code(name: str, problem: str) -> None:
    with pytest.raises(TemplateError) as caught:
        check_variable_names({name: 1})
    assert caught.value.problem == problem
    assert caught.value.details["name"] == name


def test_the_problem_survives_naming_the_field() -> None:
    error = TemplateError("x", problem="syntax", details={"message": "m"}).located("body")
    assert (error.field, error.problem, error.details) == ("body", "syntax", {"message": "m"})
