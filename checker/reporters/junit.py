"""JUnit XML, the test report every CI system reads (GitLab merge request widgets, Jenkins,
Azure Pipelines, GitHub test-report actions).

One ``<testsuite name="termcheck">``; each input file is a ``<testcase>`` that passes when it has
no finding, holds one ``<failure>`` listing its findings when it has some, and an ``<error>`` when
it could not be read. Built with ``xml.etree``, so every value is escaped; characters that XML 1.0
cannot carry at all (most C0 controls) are shown as ``\\xNN`` instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..findings import Finding
from ..report import FileResult, Report
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
    line = (f"{shown_name(finding.path)}:{finding.line}:{finding.column}: {finding.severity} "
            f"{finding.rule} {finding.message}")
    if finding.expected is not None:
        line += f" (expected: {finding.expected})"
    return line


def testcase(suite: ET.Element, result: FileResult) -> None:
    case = ET.SubElement(suite, "testcase", classname="termcheck",
                         name=xml_text(shown_name(result.path)))
    if result.error is not None:
        error = ET.SubElement(case, "error", message=xml_text(result.error), type="termcheck")
        error.text = xml_text(f"{shown_name(result.path)}: {result.error}")
    elif result.findings:
        count = len(result.findings)
        failure = ET.SubElement(case, "failure",
                                message=f"{count} finding{'' if count == 1 else 's'}",
                                type="termcheck")
        failure.text = xml_text("\n".join(finding_line(f) for f in result.findings))


def render(report: Report, color: bool = False) -> str:
    results = report.results
    suite = ET.Element("testsuite", {
        "name": "termcheck",
        "tests": str(len(results)),
        "failures": str(sum(1 for r in results if r.error is None and r.findings)),
        "errors": str(len(report.errors)),
        "skipped": "0",
    })
    for result in results:
        testcase(suite, result)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, "unicode") + "\n"
