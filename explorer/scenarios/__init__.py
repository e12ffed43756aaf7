"""Send-and-expect scenarios: YAML files, validated with file:line:key errors, run over a
narrow connection protocol by the command line (`stomp-explorer run`) and the window alike.

    from explorer.scenarios import (load_scenario, scenario_engine, check_templates,
                                    ScenarioRunner, ClientConnection, junit_xml)

    scenario = load_scenario("orders.yaml")                 # ScenarioFileError
    engine = scenario_engine(scenario, command_line={"user": "7"})
    check_templates(scenario, engine)                       # every template, before sending
    async with ClientConnection(Client(url)) as connection: # ScenarioConnectError
        result = await ScenarioRunner(scenario, engine, connection, on_step=print).run()
    result.passed, result.steps[i].latency, result.first_problem.failure

The file format is described in `explorer/scenarios/loader.py`; the runner's semantics
(inboxes, cursors, `{{uuid}}` in expects) in `explorer/scenarios/runner.py`. The window's
connection is `SessionConnection` over `explorer.session.ConnectionSession` (fed through
`TeeSink(window_sink, connection)`), the same `ScenarioConnection` protocol (`protocol.py`).
`ScenarioRecorder` turns what a user did on a connection into a scenario file
(`recorder.py`).
"""

from __future__ import annotations

from explorer.scenarios.client_adapter import ClientConnection
from explorer.scenarios.errors import (
    ConnectionProblem,
    ScenarioConnectError,
    ScenarioError,
    ScenarioFileError,
)
from explorer.scenarios.junit import junit_xml, write_junit
from explorer.scenarios.loader import load_scenario, parse_scenario
from explorer.scenarios.model import Scenario
from explorer.scenarios.protocol import ReceivedMessage, ScenarioConnection
from explorer.scenarios.recorder import ScenarioRecorder
from explorer.scenarios.results import Failure, ScenarioResult, Status, StepResult
from explorer.scenarios.runner import ScenarioRunner
from explorer.scenarios.session_adapter import SessionConnection, TeeSink
from explorer.scenarios.templating import check_templates, scenario_engine

__all__ = [
    "ClientConnection",
    "ConnectionProblem",
    "Failure",
    "ReceivedMessage",
    "Scenario",
    "ScenarioConnectError",
    "ScenarioConnection",
    "ScenarioError",
    "ScenarioFileError",
    "ScenarioRecorder",
    "ScenarioResult",
    "ScenarioRunner",
    "SessionConnection",
    "Status",
    "StepResult",
    "TeeSink",
    "check_templates",
    "junit_xml",
    "load_scenario",
    "parse_scenario",
    "scenario_engine",
    "write_junit",
]
