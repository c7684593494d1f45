"""Reporters turn a report into output; they know findings, not rules."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..findings import Finding
    from ..report import Report

Reporter = Callable[["Report", bool], str]

# Each format's module, imported only when a report is rendered in that format: a run pays for
# one reporter, not for the XML and HTML machinery of the others.
MODULES: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
}
FORMATS = tuple(MODULES)


def full_message(finding: Finding) -> str:
    """A finding's message with the text to write instead, as the one-line CI formats show it
    (GitHub annotations, JUnit failures, Code Quality descriptions)."""
    if finding.expected is None:
        return finding.message
    return f"{finding.message} (expected: {finding.expected})"


def reporter(fmt: str) -> Reporter:
    """The render function of format ``fmt`` (one of ``FORMATS``)."""
    return importlib.import_module(f"{__name__}.{MODULES[fmt]}").render


def render(report: Report, fmt: str, color: bool = False) -> str:
    """The report in format ``fmt`` (one of ``FORMATS``)."""
    return reporter(fmt)(report, color)
