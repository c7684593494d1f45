"""Hostile file names in reports (issue 13, rows 14 and 16).

A POSIX file name is bytes: ``bad\\xffname.md`` is not UTF-8, and Python holds it with a lone
surrogate that no UTF-8 output can encode. Every report renders it as valid UTF-8 (``\\xNN`` for
people and text fields, the exact bytes percent-encoded in SARIF URIs), on standard output and
with ``--output``. A name holding a line break never starts a line of its own, in any output
or on standard error: in a GitHub Actions log, a line that starts with ``::`` is a workflow
command.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.reporters import FORMATS

BAD = os.fsdecode(b"bad\xffname.md")  # the name as Python holds it: "bad\udcffname.md"
SHOWN = "bad\\xffname.md"  # as reports show it
DRAFT = "Selon Sergei Lavrov, la réunion a eu lieu.\n"
# A name that, printed as it is, makes a line the GitHub runner obeys.
INJECTED = "a\n::error file=x.md::pwned.md"
SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-2.1.0.json"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args, "--terms", "small.yaml", "--lang", "fr"])


@pytest.fixture
def bad_name(folder):
    (folder / BAD).write_text(DRAFT, encoding="utf-8")
    return folder


def reported(result) -> str:
    """The report on standard output, after checking that it was written whole: exit status 1
    (the draft's finding), no internal error, and bytes that are UTF-8."""
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    assert "internal error" not in result.stderr
    return result.stdout_bytes.decode("utf-8")


# --- row 14: names that are not UTF-8 ----------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_that_is_not_utf8_is_reported_in_every_format(bad_name, fmt):
    text = reported(run(BAD, "--format", fmt))
    if fmt == "sarif":
        [result] = json.loads(text)["runs"][0]["results"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "bad%FFname.md", "uriBaseId": "%SRCROOT%"}
    elif fmt == "json":
        [finding] = json.loads(text)["findings"]
        assert finding["path"] == SHOWN
    elif fmt == "gitlab":
        [issue] = json.loads(text)
        assert issue["location"]["path"] == SHOWN
    elif fmt == "junit":
        [case] = ET.fromstring(text.encode("utf-8")).iter("testcase")
        assert case.get("file") == SHOWN
        assert case.get("name").startswith(f"{SHOWN}:")
    else:
        assert SHOWN in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_that_is_not_utf8_is_written_with_output(bad_name, fmt):
    result = run(BAD, "--format", fmt, "--output", "report.out")
    assert result.exit_code == 1, (result.output, result.exception)
    written = (bad_name / "report.out").read_bytes().decode("utf-8")
    if fmt == "json":
        assert json.loads(written)["findings"][0]["path"] == SHOWN
    elif fmt == "gitlab":
        assert json.loads(written)[0]["location"]["path"] == SHOWN
    else:
        assert ("bad%FFname.md" if fmt == "sarif" else SHOWN) in written


def test_an_unreadable_file_with_such_a_name_is_an_error_in_json_and_sarif(folder):
    name = os.fsdecode(b"bin\xfe.md")
    (folder / name).write_bytes(b"\x00\x01binary")
    result = run(name, "good.md", "--format", "json")
    assert result.exit_code == 2, result.output
    assert json.loads(result.stdout)["errors"] == [
        {"path": "bin\\xfe.md", "message": "looks like a binary file, not text; skipped"}]
    result = run(name, "good.md", "--format", "sarif")
    [notification] = json.loads(result.stdout)["runs"][0]["invocations"][0][
        "toolExecutionNotifications"]
    assert notification["message"]["text"].startswith("bin\\xfe.md: looks like a binary file")
    uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "bin%FE.md"


def test_the_sarif_report_of_such_a_name_is_valid_sarif(bad_name):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip(f"no {SCHEMA} (only in the development workplace)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    data = json.loads(reported(run(BAD, str(bad_name / BAD), "--format", "sarif")))
    assert [e.message for e in validator.iter_errors(data)] == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in data["runs"][0]["results"]}
    assert uris == {"bad%FFname.md", (bad_name / BAD).as_uri()}


def test_a_baseline_records_and_silences_such_a_name(bad_name):
    result = run(BAD, "--write-baseline", "known.json")
    assert result.exit_code == 1, (result.output, result.exception)
    result = run(BAD, "--baseline", "known.json")
    assert result.exit_code == 0, result.output


# --- row 16: names that hold a line break ------------------------------------------------------
@pytest.fixture
def injected(folder):
    # Too short to identify its language: the fallback notice names it on standard error.
    (folder / INJECTED).write_text("Sergei Lavrov.\n", encoding="utf-8")
    return folder


def commands(text: str) -> list[str]:
    """The lines a GitHub runner would take for workflow commands."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


def test_the_github_format_escapes_the_name_in_the_fallback_notice(injected):
    result = CliRunner().invoke(cli, ["check", INJECTED, "--terms", "small.yaml",
                                      "--format", "github"])
    assert result.exit_code == 1, result.output
    assert commands(result.stderr) == []
    assert "termcheck: a%0A::error file=x.md::pwned.md: too short to identify" in result.stderr
    [annotation] = commands(result.stdout)
    assert annotation.startswith("::error file=a%0A%3A%3Aerror file=x.md%3A%3Apwned.md,line=1,")


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "github"])
def test_no_other_output_lets_the_name_start_a_line(injected, fmt):
    result = CliRunner().invoke(cli, ["check", INJECTED, "--terms", "small.yaml",
                                      "--format", fmt])
    assert result.exit_code == 1, result.output
    assert commands(result.stdout) == [] and commands(result.stderr) == []


def test_the_diff_of_fix_does_not_let_the_name_start_a_line(injected):
    result = run(INJECTED, "--diff")
    assert "+++ b/" in result.stdout
    assert commands(result.stdout) == []


def test_an_error_message_does_not_let_a_path_start_a_line(folder):
    result = CliRunner().invoke(cli, ["check", "good.md", "--terms", "x\n::error::pwned.yaml"])
    assert result.exit_code == 2
    assert "termbase file not found" in result.stderr
    assert commands(result.stderr) == []
