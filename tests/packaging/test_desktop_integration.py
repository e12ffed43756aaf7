"""The desktop entry, metainfo and icons pass the tools desktops and software centres use."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import APP_ID, DESKTOP_DIR, ICON_DIR, ICON_SIZES, REPO

DESKTOP_FILE = DESKTOP_DIR / f"{APP_ID}.desktop"
METAINFO = DESKTOP_DIR / f"{APP_ID}.metainfo.xml"


def tool(name: str) -> str:
    """Path of a validator that scripts/test installs; a missing one is a set-up failure."""
    path = shutil.which(name)
    assert path, f"{name} is missing: apt-get install desktop-file-utils appstream"
    return path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, env=env, check=False)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header (signature, then the IHDR chunk)."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_file_validates() -> None:
    result = run(tool("desktop-file-validate"), str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    # Only the "two main categories" hint is accepted (Development and Network, on purpose).
    lines = result.stdout.splitlines()
    problems = [line for line in lines if "more than one main category" not in line]
    assert problems == []


def test_desktop_file_launches_our_command_with_our_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "stomp-explorer"
    assert section["Icon"] == APP_ID
    assert section["Categories"] == "Development;Network;"
    assert section["StartupWMClass"] == "stomp-explorer"
    assert "STOMP" in section["Keywords"].split(";")


def test_the_ui_uses_the_same_app_id() -> None:
    from explorer.ui.about import APP_ID as UI_APP_ID

    assert UI_APP_ID == APP_ID


def test_metainfo_validates() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation was successful" in result.stdout


def test_metainfo_names_the_desktop_entry_licence_and_release() -> None:
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert "<project_license>MIT</project_license>" in text
    from explorer import __version__

    assert f'<release version="{__version__}"' in text


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    assert png_size(ICON_DIR / f"stomp-explorer-{size}.png") == (size, size)


def test_icon_svg_is_svg() -> None:
    head = (ICON_DIR / "stomp-explorer.svg").read_text(encoding="utf-8")[:400]
    assert "<svg" in head and 'viewBox="0 0 256 256"' in head


def test_install_desktop_puts_files_in_xdg_dirs_and_removes_them(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    script = str(REPO / "scripts" / "install-desktop")
    result = run(script, "--exec", "/opt/stomp explorer/stomp-explorer", env=env)
    assert result.returncode == 0, result.stderr
    desktop = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert 'Exec="/opt/stomp explorer/stomp-explorer"' in desktop.read_text(encoding="utf-8")
    assert run(tool("desktop-file-validate"), str(desktop)).returncode == 0
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (tmp_path / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        icon = tmp_path / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert png_size(icon) == (size, size)

    result = run(script, "--uninstall", env=env)
    assert result.returncode == 0, result.stderr
    left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and APP_ID in p.name)
    assert left == []


def test_install_desktop_rejects_unknown_arguments() -> None:
    result = run(str(REPO / "scripts" / "install-desktop"), "--frobnicate")
    assert result.returncode == 2
    assert "unknown argument '--frobnicate'" in result.stderr
