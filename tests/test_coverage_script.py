"""scripts/coverage.py: entries counted by the section and group comments of a termbase."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "coverage.py"
TERMS = Path(__file__).resolve().parent.parent / "terms.yaml"

TEXT = """\
version: 1
entries:
- id: stray
  type: other
  en: stray
# ===== people =====
# --- Ruritania ---
- id: rassendyll-rudolf
  type: person
  en: Rudolf Rassendyll
  fr: Rodolphe Rassendyll
- id: hentzau-rupert
  type: person
  en: {preferred: Rupert of Hentzau}
# --- Graustark ---
- id: lorry-grenfall
  type: person
  en: Grenfall Lorry
# ===== places =====
- id: zenda
  type: place
  en: Zenda
"""


def run(*args: str) -> str:
    result = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                            text=True, check=True)
    return result.stdout


def test_counts_entries_by_section_group_and_type(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(TEXT, encoding="utf-8")
    rows = {re.split(r"\s{2,}", line.strip())[0]: line.split() for line in
            run(str(path), "--groups").splitlines()[1:]}
    assert rows["(no section)"][2:] == ["1", "other", "1"]
    assert rows["people"][1:] == ["3", "person", "3"]
    assert rows["Ruritania"][1] == "2"
    assert rows["Graustark"][1] == "1"
    assert rows["places"][1:] == ["1", "place", "1"]
    assert rows["total"][1] == "5"


@pytest.mark.slow
def test_markdown_table_and_total_of_the_default_termbase() -> None:
    from glossary import load_termbase

    lines = run(str(TERMS), "--markdown").splitlines()
    assert lines[1] == "|---|---:|---|"
    total = lines[-1]
    assert total.startswith("| total | ")
    # Every entry of the shipped termbase sits under a section header.
    assert int(total.split("|")[2]) == len(load_termbase())
    assert not any(line.startswith("| (no section)") for line in lines)


def test_the_readme_shows_the_coverage_of_the_shipped_termbase() -> None:
    from glossary import load_termbase
    from glossary.stats import termbase_stats

    readme = (TERMS.parent / "README.md").read_text(encoding="utf-8")
    assert run(str(TERMS), "--markdown") in readme
    for kind, count in termbase_stats(load_termbase())["by_type"].items():
        assert f"| {kind} | {count:,} |" in readme
