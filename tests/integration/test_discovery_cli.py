"""`stomp-explorer destinations` end to end, through `explorer.cli.main.main([...])`."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
import stomp

from explorer.cli.main import main
from tests.support.brokers import Broker, unique

JOLOKIA = "http://127.0.0.1:8161/api/jolokia"
MANAGEMENT = "http://127.0.0.1:15672"


def _fill_activemq(broker: Broker, name: str, count: int) -> None:
    conn = stomp.Connection12([(broker.host, broker.stomp_port)], auto_decode=False)
    conn.connect(wait=True)
    try:
        for i in range(count):
            conn.send(f"/queue/{name}", b"m%d" % i, headers={"persistent": "true"}, receipt=f"r{i}")
    finally:
        conn.disconnect(receipt="bye")


def _remove_activemq_queue(name: str) -> None:
    url = (
        f"{JOLOKIA}/exec/org.apache.activemq:type=Broker,brokerName=localhost/"
        f"removeQueue(java.lang.String)/{name}"
    )
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()


def _jsonl(text: str) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {row["destination"]: row for row in rows}


@pytest.mark.activemq
def test_activemq_jsonl_merges_advisories_and_jolokia(
    activemq: Broker, capsys: pytest.CaptureFixture[str]
) -> None:
    name = unique("cli.disc")
    _fill_activemq(activemq, name, 3)
    try:
        code = main(["destinations", activemq.stomp_url, "--jolokia", JOLOKIA, "--format", "jsonl"])
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        row = _jsonl(out)[f"/queue/{name}"]
        assert row["kind"] == "queue"
        assert row["sources"] == ["advisory", "jolokia"]
        assert (row["depth"], row["consumers"], row["enqueued"]) == (3, 0, 3)
        assert not any(d.startswith("/topic/ActiveMQ.Advisory") for d in _jsonl(out))
    finally:
        _remove_activemq_queue(name)


@pytest.mark.activemq
def test_unreachable_jolokia_still_prints_the_advisories(
    activemq: Broker, capsys: pytest.CaptureFixture[str]
) -> None:
    name = unique("cli.partial")
    _fill_activemq(activemq, name, 1)
    try:
        code = main(["destinations", activemq.stomp_url, "--jolokia", "http://127.0.0.1:1/x"])
        out, err = capsys.readouterr()
        assert code == 3
        table = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
        assert table[f"/queue/{name}"][1:3] == ["queue", "advisory"]
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "Jolokia at http://127.0.0.1:1/x: cannot connect" in err
    finally:
        _remove_activemq_queue(name)


@pytest.mark.rabbitmq
def test_rabbitmq_table_lists_queues_from_management(
    rabbitmq: Broker, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = unique("cli.rq")
    conn = stomp.Connection12([(rabbitmq.host, rabbitmq.stomp_port)], vhost="/")
    conn.connect("guest", "guest", wait=True)
    try:
        conn.send(f"/queue/{name}", b"x", headers={"persistent": "true"}, receipt="r")
    finally:
        conn.disconnect(receipt="bye")
    monkeypatch.setenv("STOMP_PW", "guest")
    try:
        code = main(
            [
                "destinations",
                "stomp://guest@127.0.0.1:61623",
                "--passcode-env",
                "STOMP_PW",
                "--management",
                MANAGEMENT,
            ]
        )
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        header, *lines = out.splitlines()
        assert header.split()[:5] == ["DESTINATION", "KIND", "SOURCES", "DEPTH", "CONSUMERS"]
        row = next(line.split() for line in lines if line.split()[0] == f"/queue/{name}")
        assert row[1:3] == ["queue", "management"]
    finally:
        request = urllib.request.Request(f"{MANAGEMENT}/api/queues/%2F/{name}", method="DELETE")
        request.add_header("Authorization", "Basic Z3Vlc3Q6Z3Vlc3Q=")
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()


@pytest.mark.rabbitmq
def test_wrong_management_password_exits_3_after_printing_the_rest(
    rabbitmq: Broker,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    listing = tmp_path / "known.txt"
    listing.write_text("/queue/known.one\n/topic/known.two\n", encoding="utf-8")
    monkeypatch.setenv("STOMP_PW", "guest")
    monkeypatch.setenv("MGMT_PW", "wrong")
    code = main(
        [
            "destinations",
            "stomp://guest@127.0.0.1:61623",
            "--passcode-env",
            "STOMP_PW",
            "--management",
            MANAGEMENT,
            "--management-passcode-env",
            "MGMT_PW",
            "--import",
            str(listing),
            "--format",
            "jsonl",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 3
    assert _jsonl(out) == {
        "/queue/known.one": {
            "destination": "/queue/known.one",
            "kind": "queue",
            "sources": ["import"],
            "depth": None,
            "consumers": None,
            "enqueued": None,
            "dequeued": None,
            "gone": False,
            "aliases": [],
            "labels": [],
        },
        "/topic/known.two": {
            "destination": "/topic/known.two",
            "kind": "topic",
            "sources": ["import"],
            "depth": None,
            "consumers": None,
            "enqueued": None,
            "dequeued": None,
            "gone": False,
            "aliases": [],
            "labels": [],
        },
    }
    assert err == (
        "stomp-explorer: error: RabbitMQ management at http://127.0.0.1:15672: "
        "401 Unauthorized — check the management login and password in the profile\n"
    )


def test_missing_password_variable_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    code = main(["destinations", "stomp://127.0.0.1:1", "--passcode-env", "NOT_SET_ANYWHERE"])
    assert code == 2
    assert "NOT_SET_ANYWHERE is not set" in capsys.readouterr().err


def test_unreachable_broker_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["destinations", "stomp://127.0.0.1:1", "--connect-timeout", "5"])
    out, err = capsys.readouterr()
    assert (code, out) == (3, "")
    assert err.startswith("stomp-explorer: error: ") and err.count("\n") == 1
