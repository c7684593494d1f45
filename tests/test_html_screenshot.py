"""The HTML report as a browser shows it: headless Chromium renders the French example's report
to a PNG. ``TERMCHECK_UPDATE_SCREENSHOT=1`` also copies it to docs/html-report.png (the picture
the README shows)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_TIMEOUT = 600  # seconds


def _find() -> str | None:
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def _install() -> str:
    """Try ``apt-get install -y chromium`` (refreshing the package lists if that fails); the
    reason it could not, or ``""``."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "not running as root, so it cannot be installed with apt-get"
    apt = shutil.which("apt-get")
    if apt is None:
        return "apt-get is absent, so it cannot be installed here"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    reason = ""
    # A fresh machine has no package lists yet: refresh them when the first try fails.
    for command in ([apt, "install", "-y", "chromium"], [apt, "update"],
                    [apt, "install", "-y", "chromium"]):
        if command[1] == "update" and not reason:
            break
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env,
                                  timeout=INSTALL_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return f"'{' '.join(command[1:])}' did not finish in {INSTALL_TIMEOUT} s"
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            reason = f"'apt-get {' '.join(command[1:])}' failed ({last})"
        elif command[1] == "install":
            return ""
    return reason


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium executable, installed with apt-get if absent and possible; else skip."""
    found = _find()
    if found is None:
        reason = _install()
        found = _find()
        if found is None:
            pytest.skip(f"Chromium is not installed: {reason or 'apt-get installed no browser'}")
    return found


@pytest.mark.slow
def test_html_report_renders_in_headless_chromium(chromium, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "examples/fr/brouillon.md", "--format", "html"])
    assert result.exit_code == 1
    page = tmp_path / "report.html"
    page.write_text(result.output, encoding="utf-8")
    png = tmp_path / "report.png"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
               "--window-size=1280,1600", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert png.exists(), done.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000, "the screenshot is nearly empty"
    if os.environ.get("TERMCHECK_UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(png, ROOT / "docs" / "html-report.png")
