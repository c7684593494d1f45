"""The GitLab Code Quality report (``artifacts:reports:codequality``): the findings in a merge
request's Code Quality widget and, on the GitLab tiers that show it, in the changes view.

A JSON array with one issue per finding, in the subset of the Code Climate format GitLab reads:
``description`` (the message, with the expected text), ``check_name`` (the rule), ``fingerprint``
(termcheck's content fingerprint, ``fingerprints.py``: GitLab compares the issues of the merge
request with those of its target by fingerprint, so a finding on a line that moved is not a new
one), ``severity`` (``major`` for an error, ``minor`` for a warning, ``info``), and ``location``
(the path with ``/`` between folders, as the repository names it, and the first and last line).
Inputs that could not be read are not issues of the drafts: the text, JUnit and SARIF reports and
the exit status (2) say so.
"""

from __future__ import annotations

import os
from typing import Any

from ..findings import Finding, Severity
from ..report import Report
from . import full_message
from .fingerprints import content_fingerprints
from .indented import dumps
from .paths import shown_path

# GitLab's scale: info, minor, major, critical, blocker. A finding never blocks more than a
# wrong name: critical and blocker stay free for what GitLab users reserve them for.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": finding.rule,
        "description": full_message(finding),
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": shown_path(finding.path).replace(os.sep, "/"),
            "lines": {"begin": finding.line, "end": finding.end_line},
        },
    }


def report_data(report: Report) -> list[dict[str, Any]]:
    findings = report.findings
    return [
        issue(finding, fingerprint)
        for finding, fingerprint in zip(findings, content_fingerprints(findings), strict=True)
    ]


def render(report: Report, color: bool = False) -> str:
    # The layout of json.dumps(..., indent=2), written with the C encoder (indented.py).
    return dumps(report_data(report)) + "\n"
