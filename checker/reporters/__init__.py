"""Reporters turn a report into output; they know findings, not rules."""

from __future__ import annotations

from collections.abc import Callable

from ..engine import Report
from . import github, html, json_report, junit, sarif, text

Reporter = Callable[[Report, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "html": html.render,
}
FORMATS = tuple(REPORTERS)


def render(report: Report, fmt: str, color: bool = False) -> str:
    """The report in format ``fmt`` (one of ``FORMATS``)."""
    return REPORTERS[fmt](report, color)
