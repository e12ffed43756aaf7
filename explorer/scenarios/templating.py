"""Scenario texts through the one template engine, with errors placed in the scenario file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.scenarios.errors import ScenarioFileError
from explorer.scenarios.model import Scenario, Text
from explorer.templates import CompiledTemplate, TemplateEngine, TemplateError, merge_variables
from explorer.templates.values import per_message_values


def scenario_engine(
    scenario: Scenario,
    *,
    profile_variables: Mapping[str, Any] | None = None,
    command_line: Mapping[str, Any] | None = None,
    seed: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> TemplateEngine:
    """The engine for one scenario: profile variables, then the scenario's `vars`, then
    `--var` from the command line (the most specific wins)."""
    variables = merge_variables(profile_variables, scenario.variables, command_line)
    return TemplateEngine(variables, seed=seed, environ=environ)


def compile_text(engine: TemplateEngine, text: Text) -> CompiledTemplate:
    """Compile one scenario text; a template mistake becomes a ScenarioFileError at its
    line (and column, where the template says it)."""
    try:
        return engine.compile(text.value, text.place.key)
    except TemplateError as exc:
        raise render_error(text, exc) from None


def compile_templates(scenario: Scenario, engine: TemplateEngine) -> dict[Text, CompiledTemplate]:
    """Compile every text before anything is sent (and render each once, which finds what
    only shows when rendering, such as an environment variable that is not set). The runner
    keeps this map: nothing compiles while steps are timed."""
    compiled = {text: compile_text(engine, text) for text in scenario.texts()}
    sample = per_message_values(uses_of(compiled), 1)
    for text, template in compiled.items():
        try:
            template.render(sample)
        except TemplateError as exc:
            raise render_error(text, exc) from None
    return compiled


def uses_of(compiled: dict[Text, CompiledTemplate]) -> frozenset[str]:
    """The per-message names used anywhere (n, uuid, now, now_ms), so that one set of values
    serves a send step and the expect steps after it."""
    return frozenset().union(*(c.uses for c in compiled.values()))


def check_templates(scenario: Scenario, engine: TemplateEngine) -> frozenset[str]:
    """Compile and dry-render every text (ScenarioFileError at the first mistake); returns
    the per-message names used."""
    return uses_of(compile_templates(scenario, engine))


def render_error(text: Text, exc: TemplateError) -> ScenarioFileError:
    """A template mistake at its place in the scenario file: one that does not compile, or
    that compiled but failed while rendering (e.g. a missing env variable)."""
    line, column = text.place.inside(exc.line, exc.column)
    where = f"column {column}: " if column is not None else ""
    details = {**template_details(exc), "column": str(column) if column is not None else ""}
    return ScenarioFileError(
        text.place.file,
        line,
        text.place.key,
        f"{where}{exc.reason}",
        problem="template-at" if column is not None else "template",
        details=details,
    )


def template_details(exc: TemplateError) -> dict[str, str]:
    """A template mistake's reason, problem code and details, for a ScenarioFileError's
    details (the window words the template's problem itself)."""
    inner = {f"template.{name}": value for name, value in exc.details.items()}
    return {"reason": exc.reason, "template": exc.problem or "", **inner}
