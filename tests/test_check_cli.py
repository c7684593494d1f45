"""`termcheck check` end to end: the example drafts, output snapshots, exit statuses, inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def check(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in reports are as given: keep them stable


@pytest.mark.parametrize("draft", ["examples/fr/brouillon.md", "examples/en/draft.md"])
def test_example_drafts_text_snapshot(draft, snapshot):
    result = check(draft)
    assert result.exit_code == 1
    snapshot(Path(draft).stem + ".text", result.output)


@pytest.mark.parametrize("draft", ["examples/fr/brouillon.md", "examples/en/draft.md"])
def test_example_drafts_json_snapshot(draft, snapshot):
    result = check(draft, "--format", "json")
    assert result.exit_code == 1
    snapshot(Path(draft).stem + ".json", result.output)


def test_example_drafts_show_every_rule():
    data = json.loads(check("examples/fr/brouillon.md", "examples/en/draft.md",
                            "--format", "json").output)
    rules = {f["rule"] for f in data["findings"]}
    assert rules == {"wrong-language", "avoid", "capitalization", "diacritics", "typo",
                     "transliteration", "inconsistent", "sentence-case", "mixed-script"}


@pytest.mark.parametrize("draft", ["examples/fr/corrige.md", "examples/en/corrected.md"])
def test_corrected_examples_are_clean(draft):
    result = check(draft)
    assert result.exit_code == 0, result.output
    assert result.output == "no findings in 1 file\n"


def test_json_contract_shape():
    data = json.loads(check("examples/fr/brouillon.md", "--format", "json").output)
    assert data["version"] == 1
    assert set(data) == {"version", "findings", "errors", "summary"}
    first = data["findings"][0]
    assert list(first) == ["path", "line", "column", "end_line", "end_column", "rule",
                           "severity", "text", "expected", "entry", "lang", "message", "fix"]
    assert first["path"] == "examples/fr/brouillon.md"
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (9, 1, 9,
                                                                                        18)
    assert first["fix"] == {"replacement": "Nikolaï Patrouchev", "safe": True}
    keys = [(f["path"], f["line"], f["column"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert data["summary"] == {"files": 1, "findings": 11, "error": 7, "warning": 4, "info": 0}


def test_fail_on_levels():
    warning_only = "Nikita Khrouchtchev puis Khrouchtchev, et enfin Khrushchev, ont été cités."
    assert check("-", "--lang", "fr", input=warning_only).exit_code == 1
    assert check("-", "--lang", "fr", "--fail-on", "error", input=warning_only).exit_code == 0
    assert check("-", "--lang", "fr", "--fail-on", "info", input=warning_only).exit_code == 1


def test_exit_zero_keeps_findings_but_not_the_failure(tmp_path):
    result = check("examples/fr/brouillon.md", "--exit-zero")
    assert result.exit_code == 0
    assert "11 findings" in result.output
    assert check(str(tmp_path / "missing.md"), "--exit-zero").exit_code == 2


def test_stdin_is_read_and_named(tmp_path):
    result = check("-", "--lang", "fr", "--format", "json",
                   input="Selon Sergei Lavrov, la réunion a eu lieu.")
    data = json.loads(result.output)
    assert data["findings"][0]["path"] == "<stdin>"
    assert data["findings"][0]["rule"] == "wrong-language"


def test_folders_are_walked_and_unreadable_files_reported(tmp_path):
    (tmp_path / "a.md").write_text("Selon Sergei Lavrov, la réunion a eu lieu mardi à Moscou "
                                   "entre les deux délégations.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"Caf\xe9 et Sergue\xef Lavrov\n")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.md").write_text("Sergei Lavrov", encoding="utf-8")
    result = check(str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "a.md")]
    assert data["errors"] == [{"path": str(tmp_path / "b.txt"),
                               "message": "is not valid UTF-8 (byte 3); save it as UTF-8"}]
    assert data["summary"]["files"] == 2


def test_missing_file_is_an_error_and_others_are_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Jake Sullivan a parlé.", encoding="utf-8")
    result = check(str(tmp_path / "missing.txt"), str(good), "--lang", "fr")
    assert result.exit_code == 2
    assert f"{tmp_path / 'missing.txt'}: error: no such file" in result.output
    assert "no findings in 2 files" in result.output


def test_output_file_keeps_the_exit_status(tmp_path):
    out = tmp_path / "report.json"
    result = check("examples/fr/brouillon.md", "--format", "json", "--output", str(out))
    assert result.exit_code == 1
    assert result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["findings"] == 11


def test_language_fallback_is_announced():
    result = CliRunner().invoke(cli, ["check", "-"], input="Sergei Lavrov.")
    assert "too short to identify" in result.stderr
    assert "checked as French" in result.stderr


def test_auto_language_detects_english():
    text = ("Russian Foreign Minister Sergei Lavrov met his Chinese counterpart on Monday in "
            "Beijing to discuss the war and energy supplies.")
    assert check("-", input=text).exit_code == 0


def test_unknown_language_is_a_usage_error():
    result = check("-", "--lang", "xx", input="x")
    assert result.exit_code == 2
    assert "'xx' names no language" in result.output


def test_explain_prints_sections():
    result = CliRunner().invoke(cli, ["explain", "wrong-language"])
    for section in ("What it flags:", "Why it matters:", "Example:", "Use instead:",
                    "Fix safety:"):
        assert section in result.output
    assert CliRunner().invoke(cli, ["explain", "nope"]).exit_code == 2
