"""The entry point: version, usage errors and the broker check's failure mode."""

from __future__ import annotations

import subprocess
import sys

import pytest

from explorer import __version__
from explorer.cli.main import main
from tests.support.brokers import Broker, require


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"stomp-explorer {__version__}"


def test_python_dash_m_matches_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"stomp-explorer {__version__}"


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-subcommand"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err
    assert "Traceback" not in err


def test_missing_broker_fails_instead_of_skipping() -> None:
    closed = Broker(name="nothing", host="127.0.0.1", stomp_port=1)
    with pytest.raises(pytest.fail.Exception, match="scripts/brokers start nothing"):
        require(closed)
