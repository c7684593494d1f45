"""The engine: reads drafts, decides their language, runs the matcher and the rules, and returns
findings with positions. No output format here (reporters) and no file writing (fixes).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from glossary import Termbase, TermIndex

from .document import Document
from .errors import InputError
from .findings import Finding, Severity
from .inputs import Source, expand_paths, read_source
from .language import LanguageDecision, detect_language
from .matcher import Matcher
from .readers import reader_for
from .rules import RULES, Context, Rule

AUTO = "auto"


@dataclass(frozen=True)
class CheckOptions:
    """How to check: the language (``auto`` to identify it) and the fallback language."""

    lang: str = AUTO
    default_lang: str = "fr"
    rules: tuple[Rule, ...] = RULES


@dataclass
class FileResult:
    """The outcome for one input: findings, or the error that kept it from being checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    language: LanguageDecision | None = None
    document: Document | None = field(default=None, repr=False)


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


class Checker:
    """Checks drafts against one termbase; build it once, check many documents."""

    def __init__(self, termbase: Termbase, options: CheckOptions | None = None):
        self.termbase = termbase
        self.options = options or CheckOptions()
        self.index = TermIndex(termbase)
        self.matcher = Matcher(self.index)
        languages = tuple(lang for lang in termbase.languages if lang in ("fr", "en")) or \
            tuple(termbase.languages)
        self.languages = languages or ("fr", "en")

    def decide_language(self, doc: Document) -> LanguageDecision:
        if self.options.lang != AUTO:
            return LanguageDecision(self.options.lang, "option")
        prose = " ".join(doc.text[s.start:s.end] for s in doc.segments)
        return detect_language(prose, self.languages, self.options.default_lang)

    def check_document(self, doc: Document) -> FileResult:
        decision = self.decide_language(doc)
        ctx = Context(doc, decision.lang, self.matcher.match(doc, decision.lang))
        findings = [self._place(doc, f) for f in run_rules(ctx, self.options.rules)]
        return FileResult(doc.path, sorted(findings, key=lambda f: f.sort_key), None, decision,
                          doc)

    def check_text(self, text: str, path: str = "<text>") -> FileResult:
        """Check a draft given as text; ``path`` chooses the reader (by suffix) and names it."""
        return self.check_document(reader_for(path)(path, text))

    def check_source(self, source: Source) -> FileResult:
        return self.check_text(source.text, source.path)

    def check_paths(self, paths: Sequence[str]) -> Report:
        """Check files and folders; an unreadable input is reported and the others checked."""
        results = []
        for path in expand_paths(paths):
            try:
                source = read_source(path)
            except InputError as exc:
                results.append(FileResult(exc.path, error=exc.message))
                continue
            results.append(self.check_source(source))
        return Report(results)

    @staticmethod
    def _place(doc: Document, finding: Finding) -> Finding:
        line, column = doc.position(finding.start)
        end_line, end_column = doc.position(finding.end)
        return replace(finding, path=doc.path, line=line, column=column, end_line=end_line,
                       end_column=end_column)


def run_rules(ctx: Context, rules: Iterable[Rule]) -> list[Finding]:
    """Every rule over the document; a span is reported once, by the most specific rule."""
    rules = list(rules)
    candidates: list[tuple[int, Finding]] = []
    for mention in ctx.result.mentions:
        for priority, rule in enumerate(rules):
            if rule.on_mention is not None:
                finding = rule.on_mention(mention, ctx)
                if finding is not None:
                    candidates.append((priority, finding))
                    break
    for priority, rule in enumerate(rules):
        if rule.on_document is not None:
            candidates.extend((priority, f) for f in rule.on_document(ctx))
    taken = _Spans()
    accepted: list[Finding] = []
    for _, finding in sorted(candidates, key=lambda c: (c[0], c[1].start)):
        if taken.add(finding.start, finding.end):
            accepted.append(finding)
    return accepted


class _Spans:
    """Non-overlapping spans, sorted: ``add`` refuses a span that overlaps one already held."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, start)
        if index > 0 and self.ends[index - 1] > start:
            return False
        if index < len(self.starts) and self.starts[index] < end:
            return False
        self.starts.insert(index, start)
        self.ends.insert(index, end)
        return True
