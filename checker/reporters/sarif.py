"""The SARIF 2.1.0 report, for code scanning (GitHub, GitLab, Azure DevOps) and SARIF viewers.

One run: the tool and its rules (descriptions and documentation from the rules' metadata), one
result per finding with its location exactly as the finding has it (columns count code points,
hence ``columnKind: unicodeCodePoints``; ``endColumn`` is exclusive in SARIF as in termcheck), the
fix as a replacement of the finding's region, and fingerprints that survive line moves
(``fingerprints.py``): termcheck's own (``termcheck/v1``) and GitHub's
``primaryLocationLineHash``, computed as GitHub would. Relative paths are URIs against
``%SRCROOT%``, which ``originalUriBaseIds`` gives as the folder the check ran in. Inputs that
could not be read are tool execution notifications, and make the run unsuccessful.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity
from ..report import Report
from ..rules import RULES
from ..rules.base import SECTIONS
from .fingerprints import content_fingerprints, primary_line_hashes
from .indented import dumps
from .paths import path_bytes, shown_path, valid_text

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "termcheck/v1"
LINE_HASH = "primaryLocationLineHash"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str) -> dict[str, Any]:
    """Where a file is, as SARIF wants it: a relative path is a URI reference against
    ``%SRCROOT%`` (the folder the check ran in, usually the repository root), an absolute path
    a ``file:`` URI; standard input (``<stdin>``) has no file behind it. The URI
    percent-encodes the name's bytes (RFC 3986), so a name that is not UTF-8 keeps its exact
    bytes (``bad%FFname.md``)."""
    if path.startswith("<") and path.endswith(">"):
        return {"uri": quote(path_bytes(path)), "description": {"text": shown_path(path)}}
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path_bytes(path.replace(os.sep, "/"))), "uriBaseId": SRCROOT}


def doc_sections(doc: str) -> tuple[str, list[tuple[str, str]]]:
    """A rule's documentation split into its title line and its sections (name, body). A body's
    lines are joined into one paragraph; a list item (``- ``) starts a line of its own."""
    lines = doc.strip().splitlines()
    sections: list[tuple[str, list[str]]] = []
    for line in lines[1:]:
        stripped = line.strip()
        if stripped.endswith(":") and stripped[:-1] in SECTIONS:
            sections.append((stripped[:-1], []))
        elif stripped and sections:
            body = sections[-1][1]
            if body and not stripped.startswith("- "):
                body[-1] += " " + stripped
            else:
                body.append(stripped)
    return lines[0].strip(), [(name, "\n".join(body)) for name, body in sections]


def doc_markdown(doc: str) -> str:
    """A rule's documentation as Markdown: its sections as bold headings over paragraphs (their
    indented bodies would otherwise be code blocks)."""
    title, sections = doc_sections(doc)
    parts = [title] + [f"**{name}**\n\n{body}" for name, body in sections]
    return "\n\n".join(parts) + "\n"


def rule_descriptors(findings: list[Finding]) -> list[dict[str, Any]]:
    """Every rule termcheck has, in its order of specificity, then any rule a finding names
    that the registry does not (so that every result has a descriptor)."""
    descriptors = [{
        "id": rule.code,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": dict(doc_sections(rule.doc)[1]).get("What it flags",
                                                                         rule.summary)},
        "help": {"text": rule.doc.strip(), "markdown": doc_markdown(rule.doc)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"safeFix": rule.safe_fix},
    } for rule in RULES]
    known = {rule.code for rule in RULES}
    for finding in findings:
        if finding.rule not in known:
            known.add(finding.rule)
            descriptors.append({"id": finding.rule, "shortDescription": {"text": finding.rule}})
    return descriptors


def region(finding: Finding) -> dict[str, int]:
    return {"startLine": finding.line, "startColumn": finding.column,
            "endLine": finding.end_line, "endColumn": finding.end_column}


def source_root() -> dict[str, Any]:
    """``%SRCROOT%``: the folder the check ran in, against which relative paths were given, as
    a ``file:`` URI ending with ``/`` (SARIF 3.14.14); only described when it is gone."""
    description = {"text": "The folder termcheck ran in; relative paths lead from it."}
    try:
        return {"uri": Path.cwd().as_uri().rstrip("/") + "/", "description": description}
    except OSError:
        return {"description": description}


def result_data(finding: Finding, rule_index: int, fingerprint: str,
                line_hash: str | None) -> dict[str, Any]:
    location = {"artifactLocation": artifact_location(finding.path), "region": region(finding)}
    fingerprints = {FINGERPRINT: fingerprint}
    if line_hash is not None:
        fingerprints[LINE_HASH] = line_hash
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": fingerprints,
    }
    properties: dict[str, Any] = {"entry": finding.entry, "expected": finding.expected,
                                  "lang": finding.lang}
    properties = {key: value for key, value in properties.items() if value is not None}
    if finding.fix is not None:
        fix = finding.fix
        description = f"Replace '{finding.text}' with '{fix.replacement}'"
        if not fix.safe:
            description += " (a suggestion to review, not a safe fix)"
        result["fixes"] = [{
            "description": {"text": description},
            "artifactChanges": [{
                "artifactLocation": artifact_location(finding.path),
                "replacements": [{"deletedRegion": region(finding),
                                  "insertedContent": {"text": fix.replacement}}],
            }],
        }]
        properties["safeFix"] = fix.safe
    if properties:
        result["properties"] = properties
    return result


def report_data(report: Report) -> dict[str, Any]:
    findings = report.findings
    rules = rule_descriptors(findings)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    line_hashes = primary_line_hashes(report.results)
    results = [result_data(finding, index[finding.rule], fingerprint,
                           line_hashes.get((finding.path, finding.line)))
               for finding, fingerprint in zip(findings, content_fingerprints(findings),
                                               strict=True)]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [{
            "level": "error",
            "message": {"text": valid_text(f"{r.path}: {r.error}")},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}],
        } for r in report.errors]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "termcheck", "version": __version__, "rules": rules}},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: source_root()},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report: Report, color: bool = False) -> str:
    # The layout of json.dumps(..., indent=2), written with the C encoder (indented.py).
    return dumps(report_data(report)) + "\n"
