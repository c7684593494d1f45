"""The hostile-input benchmark (benchmarks/hostile.py) runs: each case in a fresh process, one
row per case with its wall time, peak memory and outcome. (The figures themselves are read, not
asserted: docs/reliability.md quotes them.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import regex

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

ROOT = Path(__file__).resolve().parent.parent
ROW = regex.compile(r"^(?P<case>\S+) +(?P<wall>[\d.]+)s +(?P<peak>\d+) MB +(?P<within>yes|NO) +"
                    r"(?P<outcome>.*)$", regex.MULTILINE)


def test_the_benchmark_prints_one_row_per_case():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "hostile.py"), "--only",
                           "long-word-2kB,terms-dev-zero"], capture_output=True, text=True,
                          timeout=300, check=True)
    rows = {m["case"]: m for m in ROW.finditer(done.stdout)}
    assert list(rows) == ["long-word-2kB", "terms-dev-zero"], done.stdout
    assert rows["long-word-2kB"]["outcome"] == "exit 0"  # no finding, no error
    assert rows["terms-dev-zero"]["outcome"].startswith("exit 2:")
    assert "is a character device" in rows["terms-dev-zero"]["outcome"]
    assert all(int(m["peak"]) > 0 for m in rows.values())


def test_every_case_is_listed():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "hostile.py"), "--list"],
                          capture_output=True, text=True, timeout=60, check=True)
    assert "long-word-2kB" in done.stdout and "news-line-19MB" in done.stdout
