"""`stomp-explorer send` with a bad template: exit 2 with the place, before connecting (port 1
is closed: had it tried to connect, the exit would be 3)."""

from __future__ import annotations

import pytest

from explorer.cli.main import main


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--body", "a\n{{ nope }}"], "body: line 2, column 4: 'nope' is not defined"),
        (["-H", "x-a:{{ 1 + }}"], "headers.x-a: line 1, column 1: template syntax"),
        (["--body", "{{ env.SEND_TEST_UNSET }}"], "environment variable 'SEND_TEST_UNSET'"),
    ],
)
def test_a_bad_template_is_a_usage_error(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEND_TEST_UNSET", raising=False)
    assert main(["send", "stomp://127.0.0.1:1", "/queue/x", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stomp-explorer: error: the message template: ")
    assert words in err
