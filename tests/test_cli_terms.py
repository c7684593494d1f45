"""The termbase commands of the CLI: lookup, terms validate, terms stats."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from checker.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_lookup_prints_every_form_of_both_languages(small_terms):
    result = run("lookup", "patrouchev", "--terms", str(small_terms))
    assert result.exit_code == 0
    for text in ("patrushev-nikolai", "Nikolaï Patrouchev", "Nikolai Patrushev",
                 "Nikolai Patrouchev", "Nikolaï Patrushev", "Secretary of Russia's Security"):
        assert text in result.output
    assert "avoid" in result.output and "short" in result.output


def test_lookup_lang_shows_one_language(small_terms):
    result = run("lookup", "PATRUSHEV", "--lang", "fr", "--terms", str(small_terms))
    assert "Nikolaï Patrouchev" in result.output
    assert "Nikolai Patrushev" not in result.output.replace("matched", "")


def test_lookup_json(small_terms):
    result = run("lookup", "Patrouchef", "--format", "json", "--terms", str(small_terms))
    data = json.loads(result.output)
    assert data["query"] == "Patrouchef"
    match = data["matches"][0]
    assert match["entry"]["id"] == "patrushev-nikolai"
    assert match["entry"]["fr"]["avoid"] == ["Nikolaï Patrushev"]
    assert match["how"] == "fuzzy"
    assert data["candidates"] == []


def test_lookup_unknown_says_no_entry_and_exits_1(small_terms):
    result = run("lookup", "Sergei Lavrova", "--terms", str(small_terms))
    assert result.exit_code == 0  # close enough: a typo of Sergei Lavrov
    result = run("lookup", "Zbigniew", "--terms", str(small_terms))
    assert result.exit_code == 1
    assert "no entry for 'Zbigniew'" in result.output


def test_validate_ok(small_terms):
    result = run("terms", "validate", str(small_terms))
    assert result.exit_code == 0
    assert "ok: 4 entries" in result.output


def test_validate_reports_every_problem_and_exits_2(write):
    path = write("bad.yaml", "version: 1\nentries:\n  - id: a\n    type: x\n    en: Alpha\n"
                             "  - id: b\n    type: person\n    en: {short: [Beta]}\n")
    result = CliRunner().invoke(cli, ["terms", "validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:4: entry 'a': unknown type 'x'" in result.output
    assert f"{path}:8: entry 'b': 'en' has no preferred form" in result.output
    assert "2 problems found" in result.output
    assert "Traceback" not in result.output


def test_broken_termbase_in_any_command_is_exit_2_without_traceback(write):
    path = write("bad.yaml", "version: 1\nentries: [\n")
    result = CliRunner().invoke(cli, ["lookup", "x", "--terms", str(path)])
    assert result.exit_code == 2
    assert "YAML syntax error" in result.output
    assert "Traceback" not in result.output


def test_missing_termbase_file(tmp_path):
    result = CliRunner().invoke(cli, ["terms", "stats", "--terms", str(tmp_path / "no.yaml")])
    assert result.exit_code == 2
    assert "termbase file not found" in result.output


def test_stats_text_and_json(small_terms):
    result = run("terms", "stats", "--terms", str(small_terms))
    assert "entries: 4" in result.output
    assert "person" in result.output and "title" in result.output
    data = json.loads(run("terms", "stats", "--format", "json", "--terms",
                          str(small_terms)).output)
    assert data["entries"] == 4
    assert data["by_type"] == {"person": 3, "title": 1}
    assert data["languages"]["fr"] == {"entries": 4, "preferred": 4, "accepted": 1, "avoid": 1,
                                       "short": 3, "adjectives": 0, "demonyms": 0}
    assert data["forms_per_entry"]["max"] == 6


def test_python_dash_m_checker_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True,
                            text=True, check=True)
    assert "termcheck" in result.stdout
