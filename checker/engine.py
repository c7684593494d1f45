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
    """How to check: the language of drafts and translation targets (``auto`` to identify it),
    the fallback language, the language of translation sources, and whether findings in fuzzy
    (unreviewed) translations keep their severity."""

    lang: str = AUTO
    default_lang: str = "fr"
    source_lang: str | None = None
    include_fuzzy: bool = False
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

    def decide_language(self, doc: Document, role: str | None = None) -> LanguageDecision:
        """The language of a draft, or of the ``source`` or ``target`` side of a translation:
        the option, else what the file says, else identification on the text."""
        chosen = self.options.source_lang if role == "source" else self.options.lang
        if chosen and chosen != AUTO:
            return LanguageDecision(chosen, "option")
        segments = [s for s in doc.segments if role is None or s.role == role]
        declared = next((s.lang for s in segments if s.lang), None)
        if declared:
            return LanguageDecision(declared, "file")
        prose = " ".join(doc.text[s.start:s.end] for s in segments)
        default = self.options.default_lang
        if role == "source":  # a source is rarely in the language of its target
            default = next((lang for lang in self.languages if lang != default), default)
        return detect_language(prose, self.languages, default)

    def check_document(self, doc: Document) -> FileResult:
        is_translation = any(s.role == "target" for s in doc.segments)
        decision = self.decide_language(doc, "target" if is_translation else None)
        source_lang = self.decide_language(doc, "source").lang if is_translation else None
        result = self.matcher.match(doc, decision.lang, source_lang)
        ctx = Context(doc, decision.lang, result, source_lang)
        findings = [self._place(doc, f) for f in self._fuzzy(doc, run_rules(
            ctx, self.options.rules))]
        return FileResult(doc.path, sorted(findings, key=lambda f: f.sort_key), None, decision,
                          doc)

    def _fuzzy(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Findings in fuzzy (unreviewed) translations are information only, unless asked."""
        if self.options.include_fuzzy:
            return findings
        out = []
        for finding in findings:
            segment = doc.segment_of(finding.start)
            if segment is not None and ("fuzzy", "1") in segment.info:
                finding = replace(finding, severity=Severity.INFO)
            out.append(finding)
        return out

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
    for mention in ctx.checked_mentions:
        for priority, rule in enumerate(rules):
            if rule.on_mention is not None:
                finding = rule.on_mention(mention, ctx)
                if finding is not None:
                    candidates.append((priority, finding))
                    break
    accepted: list[Finding] = []
    for priority, rule in enumerate(rules):
        if rule.on_document is not None:
            findings = rule.on_document(ctx)
            if rule.exclusive:
                candidates.extend((priority, f) for f in findings)
            else:
                accepted.extend(findings)
    taken = _Spans()
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
