"""The report types: what a check gives back, one ``FileResult`` per input and the ``Report``
of a run. The engine makes them; reporters, fixes, baselines and the application layer read
them. Data only: no checking, no output format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .findings import Finding, Severity

if TYPE_CHECKING:  # annotations only: a reporter that imports this reads no file and no draft
    from .document import Document
    from .inputs import Source
    from .language import LanguageDecision


@dataclass
class FileResult:
    """The outcome for one input: findings, or the error that kept it from being checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    language: LanguageDecision | None = None
    document: Document | None = field(default=None, repr=False)
    source: Source | None = field(default=None, repr=False)
    # An aligned pair's source file (the result is its target's): the pair is read again so.
    paired_with: Source | None = field(default=None, repr=False)
    # Findings left out past CheckOptions.max_findings (the least severe, then the last).
    omitted: int = 0
    # What the user is told about this input on standard error, beside the findings (a file
    # of no known type read as text, a fix that could not be made).
    notices: list[str] = field(default_factory=list)


@dataclass
class Report:
    """Every file's result, in input order."""

    results: list[FileResult]

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for r in self.results for f in r.findings), key=lambda f: f.sort_key)

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error is not None]

    def summary(self) -> dict[str, int]:
        findings = self.findings
        counts = {str(s): sum(1 for f in findings if f.severity is s) for s in Severity}
        return {"files": len(self.results), "findings": len(findings), **counts}
