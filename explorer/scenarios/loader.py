"""Read and validate a scenario file (the YAML contract of issue 13).

    name: order notification reaches the user
    connection: stomp://127.0.0.1:61613      # or  profile: NAME
    vars: {user: 1001}
    steps:
      - subscribe: /topic/notifications.user.{{user}}
        id: inbox
      - send: {destination: /queue/orders, headers: {...}, body: '...', receipt: true}
      - expect: {subscription: inbox, within: 2s, count: 1, headers: {...},
                 body: {json: {"$.user": 1001}}}     # or contains | equals | regex
      - expect_none: {subscription: inbox, for: 500ms}
      - wait: 100ms

Every mistake is a ScenarioFileError naming the file, the line and the key. Optional extras
beyond the contract: `headers` on subscribe, `count`/`rate` on send (bursts with `{{n}}`),
`headers`/`body` on expect_none (only matching messages count).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from explorer.scenarios.errors import ScenarioFileError
from explorer.scenarios.model import (
    BodyRule,
    Expect,
    ExpectNone,
    Headers,
    JsonCheck,
    Place,
    Scenario,
    Send,
    Step,
    Subscribe,
    Text,
    Wait,
)
from explorer.scenarios.templating import template_details
from explorer.scenarios.yamlnodes import Doc
from explorer.templates import VariableError, check_variable_names

TOP_KEYS = ("name", "connection", "profile", "vars", "steps")
STEP_KINDS = ("subscribe", "send", "expect", "expect_none", "wait")
SUBSCRIBE_KEYS = ("subscribe", "id", "headers")
SEND_KEYS = ("destination", "headers", "body", "receipt", "count", "rate")
EXPECT_KEYS = ("subscription", "destination", "within", "count", "headers", "body")
EXPECT_NONE_KEYS = ("subscription", "destination", "for", "headers", "body")
BODY_KEYS = ("json", "contains", "equals", "regex")
DEFAULT_WITHIN = 5.0
# Headers a send step sets itself (or the client does): naming them is a mistake.
RESERVED_SEND_HEADERS = {
    "destination": "set the destination with the send step's own 'destination' key",
    "receipt": "ask for a receipt with the send step's 'receipt: true'",
    "content-length": "content-length is computed from the body",
}


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate one scenario file; ScenarioFileError on any problem."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ScenarioFileError(
            file,
            None,
            None,
            f"cannot read: {exc.strerror}",
            problem="cannot-read",
            details={"reason": str(exc.strerror)},
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioFileError(file, None, None, "is not UTF-8 text", problem="not-utf8") from None
    return parse_scenario(text, file)


def parse_scenario(text: str, file: str = "<scenario>") -> Scenario:
    root = Doc.parse(text, file)
    top = root.mapping("a scenario (name, connection or profile, vars, steps)")
    _only(top, TOP_KEYS)
    if "name" not in top:
        root.fail(
            "'name' is missing (a line such as: name: order reaches the user)",
            problem="name-missing",
        )
    name = top["name"].text()
    connection = top["connection"].text() if "connection" in top else None
    profile = top["profile"].text() if "profile" in top else None
    if connection is not None and profile is not None:
        top["profile"].fail(
            "give either 'connection' or 'profile', not both", problem="connection-and-profile"
        )
    where = top.get("connection") or top.get("profile")
    variables = _variables(top["vars"]) if "vars" in top else {}
    if "steps" not in top:
        root.fail(
            "'steps' is missing (a list of subscribe, send, expect ... steps)",
            problem="steps-missing",
        )
    items = top["steps"].sequence("a list of steps")
    if not items:
        top["steps"].fail("there are no steps", problem="no-steps")
    steps = _Steps().read(items)
    return Scenario(
        name=name,
        file=file,
        steps=steps,
        connection=connection,
        profile=profile,
        variables=variables,
        place=_place(where) if where is not None else None,
    )


def _variables(doc: Doc) -> dict[str, Any]:
    values = {name: item.value() for name, item in doc.mapping().items()}
    try:
        check_variable_names(values)
    except VariableError as exc:
        doc.fail(exc.reason, problem="bad-variable", details=template_details(exc))
    return values


class _Steps:
    """Reads the step list, tracking subscription ids so an expect can be checked against
    the subscriptions opened before it."""

    def __init__(self) -> None:
        self.subscriptions: set[str] = set()

    def read(self, items: list[Doc]) -> tuple[Step, ...]:
        return tuple(self._step(index, item) for index, item in enumerate(items, start=1))

    def _step(self, index: int, item: Doc) -> Step:
        item.key = f"steps[{index}]"
        keys = item.mapping(f"a step ({', '.join(STEP_KINDS)})")
        kinds = [k for k in keys if k in STEP_KINDS]
        if len(kinds) != 1:
            found = f" (found {', '.join(kinds)})" if kinds else ""
            item.fail(
                f"a step needs exactly one of {', '.join(STEP_KINDS)}{found}",
                problem="step-kinds-found" if kinds else "step-kind",
                details={"kinds": ", ".join(STEP_KINDS), "found": ", ".join(kinds)},
            )
        kind = kinds[0]
        body = keys[kind]
        if kind == "subscribe":
            _only(keys, SUBSCRIBE_KEYS)
            return self._subscribe(index, item, keys)
        _only(keys, (kind,))
        if kind == "send":
            return _send(index, item, body)
        if kind == "expect":
            return self._expect(index, item, body)
        if kind == "expect_none":
            return self._expect_none(index, item, body)
        return Wait(index, _place(item), body.duration())

    def _subscribe(self, index: int, item: Doc, keys: dict[str, Doc]) -> Subscribe:
        destination = _text(keys["subscribe"])
        sub_id = keys["id"].text() if "id" in keys else f"sub-{index}"
        if not sub_id.strip():
            keys["id"].fail("the id is empty", problem="empty-id")
        if sub_id in self.subscriptions:
            (keys.get("id") or item).fail(
                f"the subscription id '{sub_id}' is used twice",
                problem="id-twice",
                details={"id": sub_id},
            )
        self.subscriptions.add(sub_id)
        headers = _headers(keys["headers"]) if "headers" in keys else ()
        return Subscribe(index, _place(item), destination, sub_id, headers)

    def _target(self, body: Doc, keys: dict[str, Doc]) -> tuple[str | None, Text | None]:
        has_sub, has_dest = "subscription" in keys, "destination" in keys
        if has_sub == has_dest:
            body.fail(
                "give either 'subscription' (an id) or 'destination', exactly one",
                problem="target-either",
            )
        if has_sub:
            sub_id = keys["subscription"].text()
            if sub_id not in self.subscriptions:
                ids = ", ".join(sorted(self.subscriptions))
                keys["subscription"].fail(
                    f"no subscribe step before this one has the id '{sub_id}' "
                    f"(ids: {ids or 'none yet'})",
                    problem="unknown-subscription" if ids else "unknown-subscription-none",
                    details={"id": sub_id, "known": ids},
                )
            return sub_id, None
        return None, _text(keys["destination"])

    def _expect(self, index: int, item: Doc, body: Doc) -> Expect:
        keys = body.mapping("the expectation (subscription, within, count, headers, body)")
        _only(keys, EXPECT_KEYS)
        subscription, destination = self._target(body, keys)
        return Expect(
            index,
            _place(item),
            subscription,
            destination,
            within=keys["within"].duration() if "within" in keys else DEFAULT_WITHIN,
            count=keys["count"].integer(1) if "count" in keys else 1,
            headers=_headers(keys["headers"]) if "headers" in keys else (),
            body=_body_rule(keys["body"]) if "body" in keys else None,
        )

    def _expect_none(self, index: int, item: Doc, body: Doc) -> ExpectNone:
        keys = body.mapping("the expectation (subscription, for)")
        _only(keys, EXPECT_NONE_KEYS)
        subscription, destination = self._target(body, keys)
        if "for" not in keys:
            body.fail(
                "'for' is missing: how long nothing may arrive, e.g. for: 500ms",
                problem="for-missing",
            )
        return ExpectNone(
            index,
            _place(item),
            subscription,
            destination,
            duration=keys["for"].duration(),
            headers=_headers(keys["headers"]) if "headers" in keys else (),
            body=_body_rule(keys["body"]) if "body" in keys else None,
        )


def _send(index: int, item: Doc, body: Doc) -> Send:
    keys = body.mapping("the message (destination, headers, body, receipt)")
    _only(keys, SEND_KEYS)
    if "destination" not in keys:
        body.fail("'destination' is missing", problem="destination-missing")
    return Send(
        index,
        _place(item),
        destination=_text(keys["destination"]),
        headers=_headers(keys["headers"], reserved=RESERVED_SEND_HEADERS)
        if "headers" in keys
        else (),
        body=_text(keys["body"]) if "body" in keys else None,
        receipt=keys["receipt"].boolean() if "receipt" in keys else False,
        count=keys["count"].integer(1) if "count" in keys else 1,
        rate=keys["rate"].positive_number() if "rate" in keys else None,
    )


def _body_rule(doc: Doc) -> BodyRule:
    keys = doc.mapping("body matchers (json, contains, equals, regex)")
    _only(keys, BODY_KEYS)
    if not keys:
        doc.fail(
            f"give at least one of {', '.join(BODY_KEYS)}",
            problem="body-rule-empty",
            details={"keys": ", ".join(BODY_KEYS)},
        )
    checks: tuple[JsonCheck, ...] = ()
    if "json" in keys:
        checks = tuple(_json_check(path, value) for path, value in keys["json"].mapping().items())
        if not checks:
            keys["json"].fail(
                'give at least one JSONPath, e.g. json: {"$.user": 1001}', problem="json-empty"
            )
    regex = regex_place = None
    if "regex" in keys:
        pattern = keys["regex"].text()
        try:
            regex = re.compile(pattern)
        except re.error as exc:
            keys["regex"].fail(
                f"the regular expression does not compile: {exc}",
                problem="regex",
                details={"reason": str(exc)},
            )
        regex_place = _place(keys["regex"])
    return BodyRule(
        json=checks,
        contains=_text(keys["contains"]) if "contains" in keys else None,
        equals=_text(keys["equals"]) if "equals" in keys else None,
        regex=regex,
        regex_place=regex_place,
    )


def _json_check(path: str, doc: Doc) -> JsonCheck:
    from jsonpath_ng.ext.parser import parse as parse_jsonpath

    key_doc = Doc(doc.node, doc.file, doc.key)
    try:
        compiled = parse_jsonpath(path)
    except Exception as exc:  # jsonpath-ng raises plain Exception subclasses of its own
        key_doc.fail(
            f"'{path}' is not a JSONPath that parses ({exc})",
            problem="jsonpath",
            details={"path": path, "reason": str(exc)},
        )
    return JsonCheck(path, compiled, doc.value(), _place(doc))


def _headers(doc: Doc, reserved: dict[str, str] | None = None) -> Headers:
    pairs = []
    for name, _value, item in doc.string_map():
        if not name.strip():
            item.fail("a header name is empty", problem="empty-header-name")
        if reserved and name.lower() in reserved:
            item.fail(reserved[name.lower()], problem=f"reserved-{name.lower()}")
        pairs.append((name, _text(item)))
    return tuple(pairs)


def _text(doc: Doc) -> Text:
    return Text(doc.text(), _place(doc))


def _place(doc: Doc) -> Place:
    style = doc.style
    column = doc.column + (1 if style in ("'", '"') else 0)
    return Place(doc.file, doc.line, doc.key, column, block=style in ("|", ">"))


def _only(keys: dict[str, Doc], allowed: tuple[str, ...]) -> None:
    for name, doc in keys.items():
        if name not in allowed:
            hint = ", ".join(allowed)
            doc.fail(
                f"unknown key '{name}' (allowed here: {hint})",
                key=doc.key,
                problem="unknown-key",
                details={"name": name, "allowed": hint},
            )
