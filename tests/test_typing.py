"""mypy on `checker` and `glossary`, configured in pyproject.toml ([tool.mypy]): CI runs only the
README's test command, so the type check is a test, and its failure shows mypy's report."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mypy_finds_no_error_in_checker_and_glossary(monkeypatch):
    # From the repository root, so that mypy reads the source tree, not an installed copy.
    monkeypatch.chdir(ROOT)
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    assert status == 0, f"mypy found errors (fix them, see pyproject.toml [tool.mypy]):\n" \
                        f"{report}{errors}"
    assert "Success: no issues found" in report
