"""`stomp-explorer run SCENARIO.yaml [...]`: run send-and-expect scenarios headless (CI).

Each scenario connects with its own `connection:` URL or `profile:` (or `--profile NAME` for
all of them), runs its steps and prints one progress line per step. Every file is read,
validated and its templates compiled before anything connects.

Exit status: 0 all passed, 1 an expectation failed (or the broker refused a command),
2 usage or scenario-file error (file:line: key: reason), 3 a connection failed (the broker's
words are printed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.cli.connection_args import add_connection_arguments, resolve_connection
from explorer.cli.errors import CliError, ExitCode

if TYPE_CHECKING:
    from explorer.cli.connection_args import ResolvedConnection
    from explorer.scenarios import Scenario, ScenarioResult, StepResult
    from explorer.templates import TemplateEngine


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="run send-and-expect scenario files (exit 0 pass, 1 fail; JUnit XML for CI)",
        description="Run each SCENARIO.yaml against its broker, e.g. "
        "stomp-explorer run tests/orders.yaml --var user=7 --junit report.xml",
    )
    add_connection_arguments(parser)
    _first_positional_is_a_scenario(parser)
    parser.add_argument(
        "more", metavar="SCENARIO.yaml", nargs="*", default=[], help=argparse.SUPPRESS
    )
    _scenarios_anywhere(parser)
    add_var_option(parser)
    parser.add_argument(
        "--junit", metavar="PATH", help="also write a JUnit XML report (Jenkins, GitLab) here"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: progress per step (default); json: one JSON document with every result",
    )
    parser.set_defaults(handler=handle)


def add_var_option(parser: argparse.ArgumentParser) -> None:
    """`--var NAME=VALUE` (repeatable): template variables that win over every other layer."""
    parser.add_argument(
        "--var",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        dest="vars",
        help="set a template variable, e.g. --var user=1001 (repeatable; wins over the file)",
    )


def command_line_variables(args: argparse.Namespace) -> dict[str, str]:
    from explorer.templates import VariableError, parse_assignment

    variables: dict[str, str] = {}
    for text in args.vars:
        try:
            name, value = parse_assignment(text)
        except VariableError as exc:
            raise CliError(f"--var: {exc.reason}", ExitCode.USAGE) from None
        variables[name] = value
    return variables


def _first_positional_is_a_scenario(parser: argparse.ArgumentParser) -> None:
    """The shared connection options come with a leading URL positional; here the broker
    comes from each scenario, so that first positional holds the first scenario file."""
    for action in parser._actions:
        if action.dest == "url":
            action.metavar = "SCENARIO.yaml [SCENARIO.yaml ...]"
            action.help = (
                "scenario file(s) to run; each names its broker with 'connection: URL' or "
                "'profile: NAME' (or give --profile NAME)"
            )


def _scenarios_anywhere(parser: argparse.ArgumentParser) -> None:
    """argparse leaves files that follow an option unparsed when the first positional was
    already filled (`run --profile p a.yaml`, `run a.yaml --var x=1 b.yaml`): take them as
    more scenario files instead of refusing them."""
    original = parser.parse_known_args

    def parse_known_args(args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = original(args, namespace)
        files = [e for e in extras if not e.startswith("-")]
        parsed.more = [*getattr(parsed, "more", []), *files]
        return parsed, [e for e in extras if e.startswith("-")]

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]


@dataclass
class _Job:
    scenario: Scenario
    engine: TemplateEngine
    connection: ResolvedConnection


def handle(args: argparse.Namespace) -> int:
    from explorer.cli.profiles import PROFILE_PLACEHOLDER
    from explorer.scenarios import ScenarioFileError

    files = [f for f in [args.url, *args.more] if f != PROFILE_PLACEHOLDER]
    if not files:
        raise CliError("give at least one SCENARIO.yaml file to run", ExitCode.USAGE)
    variables = command_line_variables(args)
    jobs = [_prepare(args, file, variables) for file in files]
    try:
        results, connect_failed = asyncio.run(_run_all(jobs, args.format))
    except ScenarioFileError as exc:  # a template that fails only for a later message
        raise CliError(str(exc), ExitCode.USAGE) from None
    if args.junit:
        _write_junit(Path(args.junit), results)
    if args.format == "json":
        _print_json(results)
    else:
        from explorer.scenarios.report import summary_line

        print(summary_line(results), flush=True)
    if connect_failed or any(r.error is not None for r in results):
        return int(ExitCode.CONNECTION)
    return int(ExitCode.OK if all(r.passed for r in results) else ExitCode.FAILURE)


def _prepare(args: argparse.Namespace, file: str, variables: dict[str, str]) -> _Job:
    """Load, validate and compile one file, and resolve its connection: every usage
    mistake shows up (exit 2) before anything is sent."""
    from explorer.cli.profiles import PROFILE_PLACEHOLDER
    from explorer.library import profile_variables
    from explorer.scenarios import ScenarioFileError, check_templates, load_scenario
    from explorer.scenarios import scenario_engine as make_engine
    from explorer.templates import TemplateError

    try:
        scenario = load_scenario(file)
        profile = args.profile or scenario.profile
        engine = make_engine(
            scenario,
            profile_variables=profile_variables(profile) if profile else None,
            command_line=variables,
        )
        check_templates(scenario, engine)
    except ScenarioFileError as exc:
        raise CliError(str(exc), ExitCode.USAGE) from None
    except TemplateError as exc:  # variables that cannot be used together
        raise CliError(f"{file}: {exc}", ExitCode.USAGE) from None
    where = f"{scenario.place}: " if scenario.place else f"{file}: "
    options = argparse.Namespace(**vars(args))
    if args.profile or scenario.profile:
        options.url, options.profile = PROFILE_PLACEHOLDER, args.profile or scenario.profile
    elif scenario.connection:
        options.url = scenario.connection
    else:
        raise CliError(
            f"{file}: the scenario names no broker: add 'connection: stomp://host:61613' or "
            "'profile: NAME', or give --profile NAME",
            ExitCode.USAGE,
        )
    try:
        connection = resolve_connection(options)
    except CliError as exc:
        raise CliError(f"{where}{exc.message}", exc.code) from None
    return _Job(scenario, engine, connection)


async def _run_all(jobs: list[_Job], style: str) -> tuple[list[ScenarioResult], bool]:
    from explorer.scenarios import (
        ClientConnection,
        ScenarioConnectError,
        ScenarioResult,
        ScenarioRunner,
    )
    from explorer.scenarios.report import failure_lines, step_line

    text = style == "text"
    results: list[ScenarioResult] = []
    connect_failed = False

    def progress(step: StepResult) -> None:
        if text:
            print(step_line(step), flush=True)
            for line in failure_lines(step):
                print(line, flush=True)

    for job in jobs:
        scenario = job.scenario
        url = job.connection.endpoint.url()
        if text:
            print(f"{scenario.file}: {scenario.name} ({url})", flush=True)
        try:
            async with ClientConnection(job.connection.client()) as connection:
                runner = ScenarioRunner(scenario, job.engine, connection, on_step=progress)
                result = await runner.run()
        except ScenarioConnectError as exc:
            connect_failed = True
            result = ScenarioResult(scenario.name, scenario.file, error=str(exc))
            print(f"stomp-explorer: error: {scenario.file}: {exc}", file=sys.stderr, flush=True)
            if text:
                print(f"  ERR  {exc}", flush=True)
        results.append(result)
        if text:
            verdict = "PASSED" if result.passed else "ERROR" if result.error else "FAILED"
            print(f"{verdict} {scenario.name} ({result.duration:.2f} s)\n", flush=True)
    return results, connect_failed


def _write_junit(path: Path, results: list[ScenarioResult]) -> None:
    from explorer.scenarios import write_junit

    try:
        write_junit(path, results)
    except OSError as exc:
        raise CliError(f"cannot write --junit {path}: {exc.strerror}", ExitCode.USAGE) from None


def _print_json(results: list[ScenarioResult]) -> None:
    from explorer.scenarios.report import result_json

    passed = sum(1 for r in results if r.passed)
    document = {
        "passed": passed,
        "failed": len(results) - passed,
        "scenarios": [result_json(r) for r in results],
    }
    print(json.dumps(document, ensure_ascii=False, indent=2), flush=True)
