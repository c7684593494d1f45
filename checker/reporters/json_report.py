"""The JSON report, version 1 of the contract (DESIGN.md, "JSON output")."""

from __future__ import annotations

from typing import Any

from ..findings import Finding
from ..report import Report
from .indented import dumps
from .paths import shown_path, valid_text

VERSION = 1


def finding_data(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "path": shown_path(finding.path),
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "severity": str(finding.severity),
        "text": finding.text,
        "expected": finding.expected,
        "entry": finding.entry,
        "lang": finding.lang,
        "message": finding.message,
        "fix": {"replacement": fix.replacement, "safe": fix.safe} if fix else None,
    }


def report_data(report: Report) -> dict[str, Any]:
    return {
        "version": VERSION,
        "findings": [finding_data(f) for f in report.findings],
        "errors": [{"path": shown_path(r.path), "message": valid_text(r.error or "")}
                   for r in report.errors],
        "summary": report.summary(),
    }


def render(report: Report, color: bool = False) -> str:
    # The layout of json.dumps(..., indent=2), written with the C encoder (indented.py).
    return dumps(report_data(report)) + "\n"
