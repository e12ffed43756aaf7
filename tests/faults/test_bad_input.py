"""Every bad input of issue 16 (defects 2, 4 and 5), through the real command line in a real
process (argv bytes as a shell passes them): the expected exit status, the words that say
what is wrong, and never a traceback. The servers a row needs are the sandbox and the tiny
misbehaving ones of `tests.faults.fake_servers`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.faults.fake_servers import DroppingBroker, GreetingPort, SilentPort
from tests.support.sandbox import SandboxThread

LONG_HOST = "stomp://" + "a" * 64 + ".example.org"
BAD_IPV6 = "stomp://[::1:61613"
Places = dict[str, str]
MEMORY_LIMIT = 2 * 2**30  # a row that reads /dev/zero dies of MemoryError, not the machine


@dataclass(frozen=True)
class Row:
    # "{S}": the sandbox's URL, "{SP}" its port; "{F}": a profiles file to import; "{Z}": a
    # 300 MiB file, "{Z5}" a 5 MiB one; "{Q}": a port that never answers, "{G}" one that
    # talks first; "{D}": a broker that drops the connection after 5 SENDs
    argv: tuple[str | bytes, ...]
    code: int
    words: str = ""
    file: dict[str, object] | None = None  # the profile written to "{F}"


def row(
    *argv: str | bytes,
    code: int = 2,
    words: str = "",
    file: dict[str, object] | None = None,
    marks: pytest.MarkDecorator | None = None,
    id: str,
) -> object:
    return pytest.param(Row(tuple(argv), code, words, file), id=id, marks=[marks] if marks else [])


ROWS = [
    # defect 2: bad input that ended in a traceback
    row("send", BAD_IPV6, "/queue/x", "--body", "x", words="IPv6", id="send invalid IPv6"),
    row("tail", BAD_IPV6, "/queue/x", words="IPv6", id="tail invalid IPv6"),
    row("destinations", BAD_IPV6, words="IPv6", id="destinations invalid IPv6"),
    row("profiles", "add", "x", "--url", BAD_IPV6, words="IPv6", id="profiles add invalid IPv6"),
    row("profiles", "import", BAD_IPV6, words="IPv6", id="profiles import invalid IPv6"),
    row("send", LONG_HOST, "/queue/x", "--body", "x", words="63", id="send host label > 63"),
    row("tail", LONG_HOST, "/queue/x", words="63", id="tail host label > 63"),
    row("destinations", LONG_HOST, words="63", id="destinations host label > 63"),
    row("profiles", "add", "x", "--url", LONG_HOST, words="63", id="profiles add label > 63"),
    row("profiles", "import", LONG_HOST, words="63", id="profiles import label > 63"),
    row("send", b"stomp://h\xff", "/queue/x", "--body", "x", words="UTF-8", id="send URL byte"),
    row("tail", b"stomp://h\xe9", "/queue/x", words="UTF-8", id="tail URL byte"),
    row("profiles", "add", "x", "--url", b"stomp://h\xff", words="UTF-8", id="profiles URL byte"),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        b"\xff",
        code=0,
        id="send --body with a byte that is not UTF-8 sends the byte",
    ),
    row("profiles", "add", b"x\xff", "--url", "stomp://h", words="UTF-8", id="profiles add name"),
    row(
        "profiles",
        "add",
        "x",
        "--url",
        "stomp://h",
        "--login",
        b"\xff",
        words="UTF-8",
        id="profiles add --login byte",
    ),
    row(
        "destinations",
        "{S}",
        "--jolokia",
        "notaurl",
        id="destinations --jolokia notaurl",
    ),
    row(
        "destinations",
        "{S}",
        "--jolokia",
        "http://127.0.0.1:1/api/ jolokia",
        id="destinations --jolokia with a space",
    ),
    row(
        "send",
        "stomp://local host",
        "/queue/x",
        "--body",
        "x",
        words="space",
        id="send URL with a space",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body-file",
        "/dev/zero",
        id="send --body-file /dev/zero",
    ),
    # defect 5: accepted but should be refused
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--rate",
        "nan",
        id="send --rate nan",
    ),
    row("send", "{S}", "/queue/x", "--body", "x", "--rate=-1", id="send --rate -1"),
    row("send", "{S}", "/queue/x", "--body", "x", "--rate", "0", id="send --rate 0"),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--connect-timeout",
        "nan",
        id="send --connect-timeout nan",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--connect-timeout=-1",
        id="send --connect-timeout -1",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--connect-timeout",
        "0",
        id="send --connect-timeout 0",
    ),
    row(
        "tail",
        "{S}",
        "/topic/notifications/>",
        "--count",
        "1",
        "--connect-timeout",
        "nan",
        id="tail --connect-timeout nan",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--receipt",
        "--receipt-timeout",
        "nan",
        id="send --receipt-timeout nan",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--receipt",
        "--receipt-timeout=-1",
        id="send --receipt-timeout -1",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--receipt",
        "--receipt-timeout",
        "0",
        id="send --receipt-timeout 0",
    ),
    row(
        "tail",
        "{S}",
        "/topic/notifications/>",
        "--count",
        "1",
        "--timeout",
        "nan",
        id="tail --timeout nan",
    ),
    row(
        "tail",
        "{S}",
        "/topic/notifications/>",
        "--count",
        "1",
        "--timeout=-1",
        id="tail --timeout -1",
    ),
    row(
        "tail",
        "{S}",
        "/topic/notifications/>",
        "--count",
        "1",
        "--timeout",
        "0",
        id="tail --timeout 0",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body",
        "x",
        "--count",
        "²",
        words="a whole number",
        id="send --count superscript two",
    ),
    row(
        "tail",
        "{S}",
        "/queue/x",
        "--count",
        "²",
        words="a whole number",
        id="tail --count superscript two",
    ),
    row(
        "profiles",
        "add",
        "x",
        "--url",
        "stomp://my broker",
        words="space",
        id="profiles add URL with a space",
    ),
    row(
        "profiles",
        "add",
        "a\nb",
        "--url",
        "stomp://h",
        words="line breaks",
        id="profiles add name with a newline",
    ),
    row(
        "profiles",
        "add",
        "n" * 201,
        "--url",
        "stomp://h",
        words="200",
        id="profiles add name over 200 characters",
    ),
    row(
        "profiles",
        "import",
        "{F}",
        words="skipped",
        file={"login": "a\0b"},
        id="profiles import NUL in login",
    ),
    row(
        "profiles",
        "import",
        "{F}",
        words="skipped",
        file={"vhost": "a\0b"},
        id="profiles import NUL in vhost",
    ),
    row(
        "profiles",
        "import",
        "{F}",
        words="skipped",
        file={"url": "ws://h/ws", "websocket": {"headers": [["X-A", "a\0b"]]}},
        id="profiles import NUL in a header value",
    ),
    row(
        "profiles",
        "export",
        "/nonexistent-stomp-explorer-dir/team.json",
        words="does not exist",
        id="profiles export into a folder that does not exist",
    ),
    # more of defects 2 and 5: text that is not UTF-8 where a header carries it, more numbers
    row("send", "{S}", b"/queue/\xff", "--body", "x", words="UTF-8", id="send destination byte"),
    row("tail", "{S}", b"/queue/\xe9", words="UTF-8", id="tail destination byte"),
    row("send", "{S}", "/queue/x", "-H", b"x:\xff", words="UTF-8", id="send header byte"),
    row("tail", "{S}", "/queue/x", "-H", b"selector:\xff", words="UTF-8", id="tail header byte"),
    row("send", "{S}", "/queue/x", "--user", b"\xff", words="UTF-8", id="send --user byte"),
    row("send", "{S}", "/queue/x", "--rate", "inf", words="finite", id="send --rate inf"),
    row("tail", "{S}", "/queue/x", "--timeout", "inf", words="finite", id="tail --timeout inf"),
    row("tail", "{S}", "/queue/x", "--count", "0", words="a whole number", id="tail --count 0"),
    row(
        "destinations", "{S}", "--timeout", "nan", words="seconds", id="destinations --timeout nan"
    ),
    row(
        "destinations", "{S}", "--management", "notaurl", words="http://", id="--management notaurl"
    ),
    row(
        "destinations",
        "{S}",
        "--jolokia",
        "http://127.0.0.1:port/api/jolokia",
        words="http://",
        id="destinations --jolokia with a port that is not a number",
    ),
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body-file",
        "{Z}",
        words="256 MiB",
        id="send --body-file over the limit is refused before reading",
    ),
    row("destinations", b"stomp://h\xe9", words="UTF-8", id="destinations URL byte"),
    # the numbers of replay, bench and move go through explorer.cli.argtypes too
    row("replay", "x.jsonl", "{S}", "--speed", "nan", words="finite", id="replay --speed nan"),
    row("replay", "x.jsonl", "{S}", "--speed", "0", words="more than 0", id="replay --speed 0"),
    row("replay", "x.jsonl", "{S}", "--count", "²", words="a whole number", id="replay --count ²"),
    row("bench", "{S}", "--rate", "nan", words="finite", id="bench --rate nan"),
    row("bench", "{S}", "--rate", "-5", words="more than 0", id="bench --rate -5"),
    row("bench", "{S}", "--size", "²", words="number of bytes", id="bench --size ²"),
    row("bench", "{S}", "--messages", "²", words="a whole number", id="bench --messages ²"),
    row(
        "move", "{S}", "/queue/a", "/queue/b", "--idle", "nan", words="finite", id="move --idle nan"
    ),
    row("move", "{S}", "/queue/a", "/queue/b", "--count", "²", words="whole", id="move --count ²"),
    row("move", "{S}", b"/queue/\xff", "/queue/b", words="UTF-8", id="move source byte"),
    # defect 4: exit codes that tell the truth
    row(
        "send",
        "{S}",
        "/queue/x",
        "--body-file",
        "{Z5}",
        code=1,
        words="the broker answered with an ERROR: frame too large",
        id="send a body over the broker's frame limit shows the broker's ERROR",
    ),
    row(
        "send",
        "{D}",
        "/queue/x",
        "--body",
        "x",
        "--count",
        "200",
        "--rate",
        "20",
        code=3,
        words="lost after 5 of 200 messages had been sent",
        id="send burst losing the broker mid-way",
    ),
    row(
        "send",
        "stomp+ssl://127.0.0.1:{Q}",
        "/queue/x",
        "--body",
        "x",
        "--connect-timeout",
        "2",
        code=4,
        words="TCP connected to 127.0.0.1:{Q}, but the TLS handshake got no answer",
        id="send stomp+ssl to a plain port that waits (ActiveMQ's STOMP port does)",
    ),
    row(
        "tail",
        "stomp+ssl://127.0.0.1:{Q}",
        "/queue/x",
        "--connect-timeout",
        "2",
        code=4,
        words="TLS handshake got no answer",
        id="tail stomp+ssl to a plain port that waits",
    ),
    row(
        "send",
        "wss://127.0.0.1:{Q}/ws",
        "/queue/x",
        "--body",
        "x",
        "--connect-timeout",
        "2",
        code=4,
        words="TCP connected to 127.0.0.1:{Q}, but the TLS handshake got no answer",
        id="send wss to a plain port that waits: the same sentence as stomp+ssl",
    ),
    row(
        "send",
        "wss://127.0.0.1:1/ws",
        "/queue/x",
        "--body",
        "x",
        code=3,
        words="connection refused by 127.0.0.1:1",
        id="send wss to a closed port",
    ),
    row(
        "send",
        "stomp+ssl://127.0.0.1:{G}",
        "/queue/x",
        "--body",
        "x",
        code=3,
        words="something that is not TLS",
        id="send stomp+ssl to a plain port that answers",
    ),
    row(
        "destinations",
        "{S}",
        "--jolokia",
        "http://127.0.0.1:{Q}/api/jolokia",
        "--timeout",
        "2",
        code=3,
        words="no answer within 2 s — is this really the Jolokia URL?",
        id="destinations --jolokia at a port that never answers",
    ),
    row(
        "destinations",
        "{S}",
        "--jolokia",
        "http://127.0.0.1:{SP}/api/jolokia",
        code=3,
        words="is this really the Jolokia URL",
        id="destinations --jolokia at a STOMP port",
    ),
]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(demo=True, demo_rate=50) as running:
        yield running


@pytest.fixture(scope="module")
def places(sandbox: SandboxThread, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Places]:
    """What the table's placeholders stand for; the servers live for the module."""
    big = tmp_path_factory.mktemp("big") / "300MiB.bin"
    with big.open("wb") as file:
        file.truncate(300 * 2**20)  # sparse: no disk, no time
    over_sandbox = big.with_name("5MiB.bin")  # the sandbox takes frames up to 4 MiB
    with over_sandbox.open("wb") as file:
        file.truncate(5 * 2**20)
    with (
        SilentPort() as silent,
        GreetingPort(b"ERROR\nmessage:not TLS\n\n\0") as greeting,
        DroppingBroker(after_sends=5) as dropping,
    ):
        yield {
            "{G}": str(greeting.port),
            "{S}": sandbox.tcp_url,
            "{SP}": str(sandbox.tcp_port),
            "{Z}": str(big),
            "{Z5}": str(over_sandbox),
            "{Q}": str(silent.port),
            "{D}": dropping.url,
        }


def fill(text: str, places: Places) -> str:
    for name, value in places.items():
        text = text.replace(name, value)
    return text


@pytest.mark.parametrize("case", ROWS)
def test_bad_input_is_answered_without_a_traceback(
    case: Row, places: Places, tmp_path: Path
) -> None:
    profiles_file = tmp_path / "import.json"
    if case.file is not None:
        profile = {"name": "bad", "url": "stomp://h", **case.file}
        profiles_file.write_text(json.dumps({"schema": 2, "profiles": [profile]}))
    places = {**places, "{F}": str(profiles_file)}
    argv = [fill(a, places) if isinstance(a, str) else a for a in case.argv]
    env = {**os.environ, "STOMP_EXPLORER_CONFIG_DIR": str(tmp_path / "config")}
    try:
        result = subprocess.run(
            ["prlimit", f"--as={MEMORY_LIMIT}", sys.executable, "-m", "explorer", *argv],
            env=env,
            capture_output=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("no answer within 60 s")
    err = result.stderr.decode(errors="replace")
    out = result.stdout.decode(errors="replace")
    assert "Traceback" not in err, err[-3000:]
    assert result.returncode == case.code, err[-3000:]
    assert fill(case.words, places) in err + out
