"""The CI report formats (SARIF, GitHub annotations, JUnit XML, GitLab Code Quality, HTML):
snapshots of each on the example drafts' findings, and what each format promises its readers;
several reports from one run (``--report``)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.document import Document, Segment
from checker.engine import Checker, FileResult, Report
from checker.findings import Finding, Fix, Severity
from checker.inputs import Source
from checker.reporters import FORMATS, fingerprints, github, gitlab, html, junit, render, sarif
from checker.rules import RULES
from glossary import load_termbase

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-2.1.0.json"
DRAFTS = ["examples/fr/brouillon.md", "examples/en/draft.md"]
SNAPSHOT_SUFFIX = {"sarif": "sarif", "github": "github", "junit": "junit.xml",
                   "gitlab": "gitlab.json", "html": "html"}
CI_FORMATS = list(SNAPSHOT_SUFFIX)


def check(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


@cache
def _checker() -> Checker:
    return Checker(load_termbase(()))  # as the CLI builds it, once for this module


def output(fmt: str, *paths: str) -> str:
    """The report on ``paths`` in format ``fmt``, as ``termcheck check`` gives it (tested
    below: the CLI writes exactly this)."""
    return render(_checker().check_paths(paths), fmt)


def json_findings(*paths: str) -> list[dict]:
    return json.loads(output("json", *paths))["findings"]


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in reports are as given: keep them stable


def finding(message: str = "'Sergei Lavrov' is the English form", *, path: str = "d.md",
            severity: Severity = Severity.ERROR, expected: str | None = "Sergueï Lavrov",
            **kw) -> Finding:
    values = dict(rule="wrong-language", severity=severity, start=0, end=13,
                  text="Sergei Lavrov", message=message, expected=expected,
                  entry="lavrov-sergei", lang="fr",
                  fix=Fix(expected, True) if expected else None, path=path, line=1, column=1,
                  end_line=1, end_column=14)
    values.update(kw)
    return Finding(**values)


def test_every_format_is_a_cli_choice():
    assert set(FORMATS) == {"text", "json", "sarif", "github", "junit", "gitlab", "html"}


def without_checkout(text: str) -> str:
    """A report with the checkout's place (SARIF's ``%SRCROOT%``) as ``<checkout>``: where the
    repository is cloned is no output."""
    return text.replace(ROOT.as_uri() + "/", "file:///<checkout>/")


@pytest.mark.parametrize("fmt", CI_FORMATS)
@pytest.mark.parametrize("draft", DRAFTS)
def test_example_drafts_snapshot(draft, fmt, snapshot):
    snapshot(f"{Path(draft).stem}.{SNAPSHOT_SUFFIX[fmt]}", without_checkout(output(fmt, draft)))


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_cli_gives_the_report(fmt, tmp_path):
    out = tmp_path / "report"
    result = check(DRAFTS[0], "--format", fmt, "--output", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == output(fmt, DRAFTS[0])


# SARIF

def sarif_data(*paths: str) -> dict:
    return json.loads(output("sarif", *paths))


def test_sarif_validates_against_the_official_schema(tmp_path):
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"the official SARIF 2.1.0 schema is absent: no {SARIF_SCHEMA} "
                    "(../shared/schemas/sarif-2.1.0.json beside the repository exists only in "
                    "the development workplace)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for args in ([*DRAFTS], ["examples/fr/corrige.md"],
                 [DRAFTS[0], str(tmp_path / "missing.md")]):
        data = sarif_data(*args)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(data)]
        assert errors == [], args


def test_sarif_results_match_the_findings():
    data = sarif_data(*DRAFTS)
    assert data["version"] == "2.1.0"
    [run] = data["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "termcheck"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    for descriptor, rule in zip(rules, RULES, strict=True):
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["text"] == rule.doc.strip()
        assert descriptor["fullDescription"]["text"]
        level = {"error": "error", "warning": "warning", "info": "note"}[str(rule.severity)]
        assert descriptor["defaultConfiguration"]["level"] == level
    assert run["invocations"] == [{"executionSuccessful": True}]
    expected = json_findings(*DRAFTS)
    assert len(run["results"]) == len(expected) == 22
    for result, want in zip(run["results"], expected, strict=True):
        assert result["ruleId"] == want["rule"]
        assert rules[result["ruleIndex"]]["id"] == want["rule"]
        assert result["level"] == {"error": "error", "warning": "warning"}[want["severity"]]
        assert result["message"]["text"] == want["message"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": want["path"], "uriBaseId": "%SRCROOT%"}
        region = {"startLine": want["line"], "startColumn": want["column"],
                  "endLine": want["end_line"], "endColumn": want["end_column"]}
        assert physical["region"] == region
        assert result["properties"].get("entry") == want["entry"]
        assert result["properties"].get("expected") == want["expected"]
        if want["fix"] is None:
            assert "fixes" not in result
            continue
        assert result["properties"]["safeFix"] == want["fix"]["safe"]
        [fix] = result["fixes"]
        [change] = fix["artifactChanges"]
        assert change["artifactLocation"] == physical["artifactLocation"]
        assert change["replacements"] == [{"deletedRegion": region, "insertedContent": {
            "text": want["fix"]["replacement"]}}]


def test_sarif_fingerprints_are_unique_and_survive_line_moves(tmp_path):
    text = (ROOT / DRAFTS[0]).read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    before = sarif_data(str(tmp_path / "a.md"))["runs"][0]["results"]
    moved = text.replace("# Le chef", "Un chapeau ajouté.\n\n\n# Le chef")
    (tmp_path / "a.md").write_text(moved, encoding="utf-8")
    after = sarif_data(str(tmp_path / "a.md"))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["termcheck/v1"] for r in before]
    assert len(set(prints)) == len(prints)
    assert [r["partialFingerprints"]["termcheck/v1"] for r in after] == prints
    # GitHub's hash is the line's (two findings on one line share it), and moves with it.
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in before]
    assert [r["partialFingerprints"]["primaryLocationLineHash"] for r in after] == hashes
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in before]


def test_sarif_identical_slips_get_distinct_fingerprints():
    report = Report([FileResult("d.md", [finding(), finding(line=3, end_line=3)])])
    results = sarif.report_data(report)["runs"][0]["results"]
    assert results[0]["partialFingerprints"] != results[1]["partialFingerprints"]


def test_sarif_unreadable_inputs_are_notifications(tmp_path):
    missing = str(tmp_path / "missing.md")
    run = sarif_data(DRAFTS[0], missing)["runs"][0]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == f"{missing}: no such file"
    location = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": Path(missing).as_uri()}  # absolute: a file URI, no base
    assert len(run["results"]) == 11


def test_sarif_locations():
    assert sarif.artifact_location("drafts/été 1.md") == {"uri": "drafts/%C3%A9t%C3%A9%201.md",
                                                          "uriBaseId": "%SRCROOT%"}
    assert sarif.artifact_location("/srv/a.md") == {"uri": "file:///srv/a.md"}
    assert "uriBaseId" not in sarif.artifact_location("<stdin>")


def test_sarif_relative_paths_resolve_against_the_source_root():
    run = sarif_data(*DRAFTS)["runs"][0]
    bases = run["originalUriBaseIds"]
    assert bases["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"  # a folder: ends with "/"
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        resolved = urljoin(bases[location["uriBaseId"]]["uri"], location["uri"])
        assert Path(url2pathname(urlparse(resolved).path)).is_file()


def test_sarif_source_root_of_a_folder_that_is_gone(tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    root = sarif.source_root()
    assert "uri" not in root and root["description"]["text"]


# GitHub's primaryLocationLineHash. The reference values are those of the tests of
# github/codeql-action (src/fingerprints.test.ts), which computes the hash when a SARIF file comes
# without one: termcheck must give the very value GitHub would compute.
GITHUB_HASHES = {
    "": ["c129715d7a2bc9a3:1"],
    " a\nb\n  \t\tc\n d": ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1",
                            "a23a3dc5e078b07b:1"],
    " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End": [
        "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
        "b86d3392aea1be30:1", "e6ceba753e1a442:1"],
    "Lorem ipsum dolor sit amet.\n" * 10: [
        *(f"a7f2ff13bc495cf2:{n}" for n in range(1, 7)), "a7f2ff1481e87703:1",
        "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"],
}
ENDED = [" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
         " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
         " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
         " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"]
ENDED_HASHES = ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                "c129715d7a2bc9a3:1"]


@pytest.mark.parametrize("text", [*GITHUB_HASHES, *ENDED])
def test_line_hashes_are_github_s(text):
    expected = GITHUB_HASHES.get(text, ENDED_HASHES)
    lines = range(1, len(expected) + 1)
    assert fingerprints.line_hashes(text, lines) == dict(zip(lines, expected, strict=True))


def test_line_hashes_count_utf16_code_units():
    # Code points past U+FFFF are two UTF-16 units, as JavaScript reads them: 60 of them fill
    # the 100-unit window of line 1 before line 2's text, so line 2's change cannot reach it.
    astral = "\U0001F600" * 60
    one = fingerprints.line_hashes(f"{astral}\nSergei Lavrov\n", [1])
    other = fingerprints.line_hashes(f"{astral}\nSergueï Lavrov\n", [1])
    assert one == other
    narrow = "é" * 60  # one unit each: the window of line 1 reaches into line 2
    assert (fingerprints.line_hashes(f"{narrow}\nSergei Lavrov\n", [1])
            != fingerprints.line_hashes(f"{narrow}\nSergueï Lavrov\n", [1]))


def test_sarif_line_hashes_are_those_of_the_checked_file(tmp_path):
    text = (ROOT / DRAFTS[0]).read_text(encoding="utf-8")
    results = sarif_data(DRAFTS[0])["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    hashes = fingerprints.line_hashes(text, lines)
    assert [r["partialFingerprints"]["primaryLocationLineHash"] for r in results] == [
        hashes[line] for line in lines]
    # A byte-order mark is a character of line 1 for GitHub (it reads the file as UTF-8).
    bom = Source("d.md", "Selon Sergei Lavrov.\n", bom=True)
    result = FileResult("d.md", [finding()], source=bom)
    [data] = sarif.report_data(Report([result]))["runs"][0]["results"]
    assert data["partialFingerprints"]["primaryLocationLineHash"] == fingerprints.line_hashes(
        "\ufeffSelon Sergei Lavrov.\n", [1])[1]


@pytest.mark.parametrize("source", [Source("<stdin>", "Selon Sergei Lavrov.\n", stdin=True),
                                    Source("d.md", "Selon Sergei Lavrov.\n", "utf-16-le", True),
                                    None])
def test_sarif_no_line_hash_without_a_utf8_file(source):
    # Standard input has no file to hash; GitHub reads a UTF-16 file as UTF-8, and hashes what
    # it reads so: termcheck leaves the hash to it rather than give another one.
    result = FileResult("d.md", [finding()], source=source)
    [data] = sarif.report_data(Report([result]))["runs"][0]["results"]
    assert list(data["partialFingerprints"]) == ["termcheck/v1"]


# GitHub

def test_github_annotation_line():
    lines = output("github", DRAFTS[0]).splitlines()
    assert lines[0] == (
        "::error file=examples/fr/brouillon.md,line=9,col=1,endLine=9,endColumn=18,"
        "title=termcheck wrong-language::'Nikolai Patrushev' is the English form; in French "
        "write 'Nikolaï Patrouchev' (expected: Nikolaï Patrouchev)")
    assert lines[3].startswith("::warning file=examples/fr/brouillon.md,line=16,col=16,")
    assert lines[-1] == "11 findings in 1 file (7 errors, 4 warnings, 0 info)"
    assert len(lines) == 12


def test_github_a_finding_across_two_lines_has_no_columns():
    # GitHub refuses col and endColumn on an annotation whose line and endLine differ.
    across = finding(text="Sergei\nLavrov", line=3, column=40, end_line=4, end_column=7)
    [line, _] = github.render(Report([FileResult("d.md", [across])])).splitlines()
    assert line.startswith("::error file=d.md,line=3,endLine=4,title=termcheck wrong-language::")
    within = github.render(Report([FileResult("d.md", [finding()])])).splitlines()[0]
    assert "line=1,col=1,endLine=1,endColumn=14,title=" in within


def test_github_escapes_data_and_properties():
    message = "50% of 'A, B: C'\nsecond line\r"
    report = Report([FileResult("dir,x/a:b%.md", [
        finding(message, path="dir,x/a:b%.md", expected="X, Y: 100%",
                severity=Severity.INFO)])])
    first = github.render(report).splitlines()[0]
    assert first == (
        "::notice file=dir%2Cx/a%3Ab%25.md,line=1,col=1,endLine=1,endColumn=14,"
        "title=termcheck wrong-language::50%25 of 'A, B: C'%0Asecond line%0D"
        " (expected: X, Y: 100%25)")
    assert github.escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"
    assert github.escape_data("a:b,c%\r\n") == "a:b,c%25%0D%0A"


def test_github_unreadable_inputs(tmp_path):
    missing = str(tmp_path / "missing.md")
    lines = output("github", DRAFTS[0], missing).splitlines()
    assert lines[11] == (f"::error file={github.escape_property(missing)}::termcheck could not "
                         f"check {missing}: no such file")
    assert lines[-2:] == ["11 findings in 2 files (7 errors, 4 warnings, 0 info)",
                          "1 file could not be checked"]


# JUnit

def test_junit_one_test_case_per_finding(tmp_path):
    missing = str(tmp_path / "missing.md")
    report = output("junit", *DRAFTS, "examples/fr/corrige.md", missing)
    assert report.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    suite = ET.fromstring(report.encode("utf-8"))
    assert suite.tag == "testsuite"
    assert suite.get("name") == "termcheck"
    findings = [f for draft in DRAFTS for f in json_findings(draft)]  # in input order
    cases = suite.findall("testcase")
    assert len(findings) == 22 and len(cases) == 22 + 2
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("24", "22", "1")
    assert {c.get("classname") for c in cases} == {"termcheck"}
    for case, want in zip(cases, findings, strict=False):
        assert case.get("name") == f"{want['path']}:{want['line']}:{want['column']} {want['rule']}"
        assert case.get("file") == want["path"]
        [failure] = case
        assert failure.tag == "failure" and failure.get("type") == want["rule"]
        message = want["message"] + (f" (expected: {want['expected']})" if want["expected"]
                                     else "")
        assert failure.get("message") == message
        assert failure.text == (f"{want['path']}:{want['line']}:{want['column']}: "
                                f"{want['severity']} {want['rule']} {message}")
    assert len({c.get("name") for c in cases}) == len(cases)
    clean, unreadable = cases[-2:]
    assert (clean.get("name"), clean.get("file"), list(clean)) == (
        "examples/fr/corrige.md", "examples/fr/corrige.md", [])
    assert unreadable.get("name") == unreadable.get("file") == missing
    [error] = unreadable
    assert (error.tag, error.get("message")) == ("error", "no such file")


def test_junit_escapes_and_drops_what_xml_cannot_hold():
    message = "<b>&\"quoted\"</b> \x1b[31m \x00"
    report = Report([FileResult("a&b<.md", [finding(message, path="a&b<.md")])])
    out = junit.render(report)
    suite = ET.fromstring(out.encode("utf-8"))
    case = suite.find("testcase")
    assert case.get("file") == "a&b<.md"
    assert case.get("name") == "a&b<.md:1:1 wrong-language"
    assert "<b>&\"quoted\"</b> \\x1b[31m \\x00" in case.find("failure").text


# GitLab Code Quality

# The issue GitLab reads (docs.gitlab.com, "Code Quality report format": the required fields, the
# severities), written here as a JSON schema: no network in the tests.
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1},
                                             "end": {"type": "integer", "minimum": 1}}},
                    "positions": {"type": "object", "required": ["begin"],
                                  "properties": {"begin": {
                                      "type": "object", "required": ["line"],
                                      "properties": {"line": {"type": "integer",
                                                              "minimum": 1}}}}},
                },
                "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
        },
    },
}


def gitlab_data(*paths: str) -> list[dict]:
    return json.loads(output("gitlab", *paths))


def test_gitlab_is_code_quality_json(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(CODE_QUALITY_SCHEMA)
    for args in ([*DRAFTS], ["examples/fr/corrige.md"],
                 [DRAFTS[0], str(tmp_path / "missing.md")]):
        data = gitlab_data(*args)
        assert [e.message for e in validator.iter_errors(data)] == [], args
    assert validator.is_valid([])
    assert not validator.is_valid([{"description": "x", "check_name": "x", "fingerprint": "x",
                                    "severity": "error", "location": {"path": "a.md"}}])


def test_gitlab_issues_match_the_findings():
    issues = gitlab_data(*DRAFTS)
    expected = json_findings(*DRAFTS)
    assert len(issues) == len(expected) == 22
    severity = {"error": "major", "warning": "minor", "info": "info"}
    for issue, want in zip(issues, expected, strict=True):
        assert issue["check_name"] == want["rule"]
        assert issue["description"].startswith(want["message"])
        assert issue["severity"] == severity[want["severity"]]
        assert issue["location"] == {"path": want["path"], "lines": {
            "begin": want["line"], "end": want["end_line"]}}
    assert {str(s): gitlab.SEVERITIES[s] for s in Severity} == severity
    # The same fingerprints as SARIF's own: one finding, one identity in every report.
    assert [i["fingerprint"] for i in issues] == [
        r["partialFingerprints"]["termcheck/v1"] for r in sarif_data(*DRAFTS)["runs"][0]["results"]]


def test_gitlab_fingerprints_are_unique_and_survive_line_moves(tmp_path):
    text = (ROOT / DRAFTS[0]).read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    before = gitlab_data(str(tmp_path / "a.md"))
    (tmp_path / "a.md").write_text("Un chapeau ajouté.\n\n" + text, encoding="utf-8")
    after = gitlab_data(str(tmp_path / "a.md"))
    prints = [i["fingerprint"] for i in before]
    assert len(set(prints)) == len(prints)
    assert [i["fingerprint"] for i in after] == prints
    assert [i["location"]["lines"]["begin"] for i in after] == [
        i["location"]["lines"]["begin"] + 2 for i in before]
    twice = Report([FileResult("d.md", [finding(), finding(line=3, end_line=3)])])
    first, second = gitlab.report_data(twice)
    assert first["fingerprint"] != second["fingerprint"]


# HTML

class _Page(HTMLParser):
    """Collects the page's text and checks that every element opened is closed in order."""

    VOID: ClassVar[set[str]] = {"meta", "br", "img", "hr", "link", "input", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.titles.extend(value for name, value in attrs if name == "title")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_page(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def test_html_is_well_formed_and_shows_every_finding():
    page = output("html", *DRAFTS)
    assert page.startswith("<!DOCTYPE html>")
    parsed = parse_page(page)
    text = "".join(parsed.text)
    findings = json_findings(*DRAFTS)
    for item in findings:
        assert item["message"] in text
        assert f"Expected: {item['expected']}" in text
    assert len(parsed.titles) >= len(findings)  # every highlight has a hover note
    assert parsed.tags.count("mark") >= len(findings)
    assert not {"script", "link", "img", "iframe"} & set(parsed.tags)
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from anywhere


def test_html_highlights_the_spans_in_place():
    page = output("html", DRAFTS[0])
    assert ('<tr id="file-1-L16" class="flagged"><td class="ln">16</td><td class="line">'
            '<mark class="error" title="3. error · capitalization: &#x27;jake Sullivan&#x27; '
            "has wrong capitals; write &#x27;Jake Sullivan&#x27; — expected: Jake Sullivan\">"
            'jake Sullivan</mark><sup class="ref error">3</sup>. <mark class="warning"') in page
    # a name wrapped across two lines is highlighted on both, numbered once
    english = output("html", DRAFTS[1])
    assert ">Nikolaï</mark></td>" in english
    assert ('<td class="line"><mark class="error" title="1. error · wrong-language: '
            in english.split('id="file-1-L4"')[1])
    assert english.count('<sup class="ref error">1</sup>') == 1


def test_html_escapes_the_draft_and_shows_invisible_characters(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("Selon Sergei Lavrov, <script>alert('x')</script> & <b>gras</b>.\n"
                     "Le ministre Lav\u200brov est arrivé, dit \u202eLavrov.\n",
                     encoding="utf-8")
    page = check(str(draft), "--lang", "fr", "--format", "html").output
    parse_page(page)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;gras" in page
    assert "\u200b" not in page and "\u202e" not in page
    assert '<span class="ctl" title="U+200B ZERO WIDTH SPACE">U+200B</span>' in page
    assert "U+202E" in page


def test_html_lists_clean_and_unreadable_files(tmp_path):
    missing = str(tmp_path / "missing.md")
    page = output("html", DRAFTS[0], "examples/fr/corrige.md", missing)
    parse_page(page)
    assert "examples/fr/corrige.md</td><td class=\"num\">0</td><td>no findings" in page
    assert f'{missing}</td><td class="num">—</td><td><span class="sev error">not checked</span> ' \
           "no such file" in page
    assert 'id="file-2"' not in page  # a clean draft is listed, not shown
    clean = output("html", "examples/fr/corrige.md")
    assert "No findings" in clean and "<mark" not in clean


def test_html_places_highlights_through_the_document_offset_map():
    # An escaped format: the rules read "A & B Lavorv", the file holds "A &amp; B Lavorv".
    raw = '<p>A &amp; B Lavorv</p>\n'
    text = "A & B Lavorv"
    offsets = [3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    document = Document("a.html", text, [Segment(0, len(text))], raw=raw, offsets=offsets)
    found = Finding("typo", Severity.WARNING, 6, 12, "Lavorv", "looks like 'Lavrov'",
                    expected="Lavrov", path="a.html", line=1, column=14, end_line=1,
                    end_column=20)
    page = html.render(Report([FileResult("a.html", [found], document=document)]))
    assert ('<td class="line">&lt;p&gt;A &amp;amp; B <mark class="warning" title="1. warning · '
            "typo: looks like &#x27;Lavrov&#x27; — expected: Lavrov\">Lavorv</mark>"
            '<sup class="ref warning">1</sup>&lt;/p&gt;</td>') in page


def test_reporters_accept_an_empty_report():
    empty = Report([])
    for fmt in FORMATS:
        assert render(empty, fmt)
    assert json.loads(render(empty, "sarif"))["runs"][0]["results"] == []


def test_text_report_shows_what_a_terminal_would_obey(tmp_path):
    # An escape sequence or a bidi override in a draft or a file name is shown, not sent.
    path = tmp_path / "x\x1b]0;t\x07.txt"
    path.write_text("Selon \x1b[2J\u202eSergei Lavrov, oui.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--lang", "fr"])
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "␛]0;t␇.txt:1:" in result.output
    assert "Selon ␛[2J\ufffdSergei Lavrov, oui." in result.output


def test_text_report_of_two_inputs_with_one_name():
    # Found by the property tests: the excerpt came from the other input's document.
    checker = _checker()
    long = checker.check_text("\n\n\nSelon Sergei Lavrov.\n", "d.md")
    short = checker.check_text("Selon Sergei Lavrov.\n", "d.md")
    out = render(Report([short, long]), "text")
    assert out.count("| Selon Sergei Lavrov.") == 2


def test_a_file_named_twice_is_checked_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text("Selon Sergei Lavrov.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "drafts", "./drafts/a.md", "drafts/a.md",
                                      "--lang", "fr", "--format", "json"])
    assert json.loads(result.output)["summary"]["files"] == 1


# Several reports from one run

def test_several_reports_from_one_run(tmp_path, monkeypatch):
    from checker.cli import check as check_module

    runs = []
    real = check_module.run_check
    monkeypatch.setattr(check_module, "run_check",
                        lambda *a, **kw: runs.append(1) or real(*a, **kw))
    files = {fmt: tmp_path / f"report.{fmt}" for fmt in ("sarif", "junit", "gitlab", "html")}
    result = check(*DRAFTS, "--report", "github",
                   *(arg for fmt, path in files.items() for arg in ("--report", f"{fmt}={path}")))
    assert result.exit_code == 1
    assert runs == [1]
    assert result.stdout == output("github", *DRAFTS)
    for fmt, path in files.items():
        assert path.read_text(encoding="utf-8") == output(fmt, *DRAFTS), fmt


def test_report_beside_format_and_output(tmp_path):
    out = tmp_path / "report.json"
    result = check(DRAFTS[0], "--format", "json", "-o", str(out), "--report", "text")
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == output("json", DRAFTS[0])
    assert result.stdout == output("text", DRAFTS[0])
    # --report alone writes only its reports: nothing on standard output.
    sarif_file = tmp_path / "a.sarif"
    result = check(DRAFTS[0], "--report", f"sarif={sarif_file}")
    assert (result.exit_code, result.stdout) == (1, "")
    assert sarif_file.read_text(encoding="utf-8") == output("sarif", DRAFTS[0])
    # "-" is standard output; the format's name in any case.
    result = check(DRAFTS[0], "--report", "GitLab=-")
    assert result.stdout == output("gitlab", DRAFTS[0])


@pytest.mark.parametrize(("args", "message"), [
    (["--report", "github", "--report", "sarif"],
     "the github and sarif reports would both go to standard output"),
    (["--format", "json", "--report", "github"], "the json and github reports would both go"),
    (["--report", "sarif=same.out", "--report", "junit=./same.out"],
     "the sarif and junit reports would both be written to ./same.out"),
    (["-o", "same.out", "--report", "junit=same.out"], "the text and junit reports would both"),
    (["--report", "codeclimate=x.json"], "'codeclimate' is not a report format; choose from"),
    (["--report", "sarif="], "'sarif=' names no file"),
    (["--report", f"sarif={DRAFTS[0]}"], f"--report {DRAFTS[0]} is one of the files this "
                                         "command reads"),
])
def test_report_usage_errors(args, message, tmp_path, monkeypatch):
    result = check(DRAFTS[0], *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split()), result.output
    assert not Path("same.out").exists()


def test_a_failing_report_writes_none(tmp_path, monkeypatch):
    from checker import cli as cli_module

    good = tmp_path / "a.sarif"
    good.write_text("the previous report\n", encoding="utf-8")

    def render_but_junit(report, fmt, color=False):
        if fmt == "junit":
            raise RuntimeError("reporter bug")
        return render(report, fmt, color)

    monkeypatch.setattr(cli_module, "render", render_but_junit)
    result = check(DRAFTS[0], "--report", f"sarif={good}", "--report",
                   f"junit={tmp_path / 'a.xml'}")
    assert result.exit_code == 2 and "reporter bug" in result.output
    assert good.read_text(encoding="utf-8") == "the previous report\n"
    assert not (tmp_path / "a.xml").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.sarif"]  # no temporary file left
