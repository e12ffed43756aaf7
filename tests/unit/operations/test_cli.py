"""`stomp-explorer move` and `purge` on the sandbox: --yes, usage mistakes, output lines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from explorer.cli.main import main
from explorer.sandbox import SandboxBroker
from tests.support.sandbox import SandboxThread

UNREACHABLE = "stomp://127.0.0.1:1"  # exit 3 if anything tried to connect


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as running:
        yield running


def fill(sandbox: SandboxThread, count: int) -> None:
    def publish(broker: SandboxBroker) -> None:
        for i in range(count):
            broker.publish("/queue/src", f"m{i}", {"seq": str(i)})

    sandbox.call(publish)


def depth(sandbox: SandboxThread, destination: str) -> int:
    return sandbox.call(lambda broker: len(broker.destinations.browse(destination)))


def test_a_move_without_yes_touches_nothing(
    sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sandbox, 3)
    assert main(["move", sandbox.tcp_url, "/queue/src", "/queue/dst"]) == 2
    err = capsys.readouterr().err
    assert "add --yes" in err and "nothing was touched" in err
    assert depth(sandbox, "/queue/src") == 3 and depth(sandbox, "/queue/dst") == 0
    # checked before connecting: an unreachable broker is not even tried
    assert main(["move", UNREACHABLE, "/queue/src", "/queue/dst"]) == 2
    assert main(["purge", UNREACHABLE, "/queue/src"]) == 2
    assert "a purge deletes every message" in capsys.readouterr().err


def test_target_or_to_original(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["move", UNREACHABLE, "/queue/a", "--yes"]) == 2
    assert main(["move", UNREACHABLE, "/queue/a", "/queue/b", "--to-original", "--yes"]) == 2
    assert capsys.readouterr().err.count("give a TARGET queue or --to-original") == 2


def test_move_dry_run_then_move(sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]) -> None:
    fill(sandbox, 4)
    url = sandbox.tcp_url
    assert main(["move", url, "/queue/src", "/queue/dst", "--dry-run", "--idle", "0.3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines[:4]] == ["1", "2", "3", "4"]
    assert lines[0].endswith("-> /queue/dst\t2 bytes\tm0")
    assert lines[4].startswith("4 messages would move (read without acknowledging")
    assert depth(sandbox, "/queue/src") == 4
    code = main(["move", url, "/queue/src", "/queue/dst", "--yes", "--idle", "0.3", "--progress"])
    assert code == 0
    out, err = capsys.readouterr()
    assert out == (
        "moved 4 messages from /queue/src to /queue/dst; 0 duplicated, 0 failed; 4 had been "
        "delivered before (to a consumer, a dry run or an interrupted move): after an "
        "interrupted move they may now be in the target twice\n"
    )  # the dry run above read them without acknowledging
    assert err == "moved 4 (0 duplicated, 0 failed, 0 skipped)\n"
    assert depth(sandbox, "/queue/src") == 0 and depth(sandbox, "/queue/dst") == 4


def test_bad_input_is_one_line_and_exit_2(
    sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sandbox.tcp_url
    assert main(["move", url, "/topic/a", "/queue/b", "--yes"]) == 2
    assert main(["move", url, "/queue/a", "/queue/b", "--yes", "--selector", "x = 1"]) == 2
    assert main(["purge", url, "/topic/a", "--yes"]) == 2
    assert main(["purge", url, "/queue/a", "--yes"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all(line.startswith("stomp-explorer: error: ") for line in err)
    assert "not a queue" in err[0]
    assert "no message selectors" in err[1]
    assert "a topic keeps no messages" in err[2]
    assert "no purge API" in err[3]
    assert "Traceback" not in "".join(err)


def test_a_refused_target_is_exit_1_with_the_count(
    sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sandbox, 2)
    assert main(["move", sandbox.tcp_url, "/queue/src", "/bogus/x", "--yes", "--idle", "0.3"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("moved 0 messages from /queue/src to /bogus/x; 0 duplicated, ")
    assert err.startswith("stomp-explorer: error: the broker refused /bogus/x: ")


def test_a_connection_failure_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["move", UNREACHABLE, "/queue/a", "/queue/b", "--yes"]) == 3
    assert main(["purge", UNREACHABLE, "/queue/a", "--yes"]) == 3
    assert "Traceback" not in capsys.readouterr().err


def test_purge_where_needs_no_admin_api(
    sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sandbox, 10)
    url = sandbox.tcp_url
    assert main(["purge", url, "/queue/src", "--where", "seq>6"]) == 2  # no --yes
    assert depth(sandbox, "/queue/src") == 10
    assert main(["purge", url, "/queue/src", "--where", "seq>6", "--selector", "a", "--yes"]) == 2
    capsys.readouterr()
    assert main(["purge", url, "/queue/src", "--where", "seq>6", "--yes"]) == 0
    assert capsys.readouterr().out == (
        "removed 3 messages matching 'seq>6' (our filter) from /queue/src; 7 read but not "
        "matching 'seq>6' stayed on the source (given back, marked redelivered)\n"
    )
    assert depth(sandbox, "/queue/src") == 7


def test_a_filter_that_does_not_parse_is_exit_2_with_a_caret(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["move", UNREACHABLE, "/queue/a", "/queue/b", "--where", "size >", "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stomp-explorer: error: the filter 'size >' does not parse: ")
    assert err.rstrip().endswith("^") and "Traceback" not in err
