"""JUnit XML, the test report every CI system reads (GitLab merge request widgets, Jenkins,
Azure Pipelines, GitHub test-report actions).

One ``<testsuite name="termcheck">``; each finding is a ``<testcase>`` of its own named
``PATH:LINE:COLUMN RULE`` holding one ``<failure>`` (so a merge request lists each finding, not one
failure per file), a file with no finding is one passing ``<testcase>`` named by its path, and a
file that could not be read one with an ``<error>``. Every test case names its file in ``file``
(GitLab links it). Built with ``xml.etree``, so every value is escaped; characters that XML 1.0
cannot carry at all (most C0 controls) are shown as ``\\xNN`` instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..findings import Finding
from ..report import FileResult, Report
from . import full_message
from .paths import valid_text

# What XML 1.0 forbids (Char production), which ElementTree would write as is.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    # A file name's bytes that are not UTF-8 first, as \xNN (paths.valid_text), not as the
    # surrogates Python holds them in.
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", valid_text(value))


def shown_name(path: str) -> str:
    """A file name in the report's text: a line break in it as ``\\x0a``, like the other
    control characters, so that it cannot start a line of its own (in a CI log, a line that
    starts with ``::`` is a GitHub workflow command)."""
    return path.replace("\r", "\\x0d").replace("\n", "\\x0a")


def finding_line(finding: Finding) -> str:
    return (f"{shown_name(finding.path)}:{finding.line}:{finding.column}: {finding.severity} "
            f"{finding.rule} {full_message(finding)}")


def case(suite: ET.Element, path: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname="termcheck", name=xml_text(name),
                         file=xml_text(shown_name(path)))


def testcases(suite: ET.Element, result: FileResult) -> None:
    """The test cases of one input: one per finding, else one for the file."""
    shown = shown_name(result.path)
    if result.error is not None:
        error = ET.SubElement(case(suite, result.path, shown), "error",
                              message=xml_text(result.error), type="termcheck")
        error.text = xml_text(f"{shown}: {result.error}")
        return
    if not result.findings:
        case(suite, result.path, shown)
        return
    for finding in sorted(result.findings, key=lambda f: f.sort_key):
        name = f"{shown}:{finding.line}:{finding.column} {finding.rule}"
        failure = ET.SubElement(case(suite, result.path, name), "failure",
                                message=xml_text(full_message(finding)), type=finding.rule)
        failure.text = xml_text(finding_line(finding))


def render(report: Report, color: bool = False) -> str:
    results = report.results
    suite = ET.Element("testsuite", {"name": "termcheck"})
    for result in results:
        testcases(suite, result)
    suite.attrib.update({
        "tests": str(len(suite)),
        "failures": str(len(suite.findall("testcase/failure"))),
        "errors": str(len(report.errors)),
        "skipped": "0",
    })
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, "unicode") + "\n"
