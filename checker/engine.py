"""The engine: reads drafts, decides their language, runs the matcher and the rules, and returns
findings with positions. No output format here (reporters) and no file writing (fixes).

``Checker`` runs the stages of checker.stages (sources, read, analyse, findings, each a public
method) bound to its options, which never change once it is built: ``check``, ``suggest`` and
``translate`` all go through them, and a language given per call holds for that call only.
"""

from __future__ import annotations

import gc
import os
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TypeVar

from glossary import Termbase, TermIndex
from glossary.bulk import gc_paused
from glossary.langtags import tag_problem

from . import stages, suppression
from . import words as wordlist
from .document import Document
from .errors import InputError
from .findings import Finding, Severity
from .i18n import _
from .inputs import (
    DEFAULT_MAX_FILE_SIZE,
    STDIN,
    Source,
    empty_folder_error,
    expand_paths,
    read_source,
)
from .language import MIN_WORDS, LanguageDecision, detect_language, normalize_code, region_of
from .limits import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, check_budget
from .matcher import Matcher, Mention
from .project import Project, Uses
from .readers import aligned, is_draft
from .readers import checked_suffixes as known_types
from .report import FileResult, Report
from .rules import RULES, Context, Rule, Stage
from .rules.base import MentionCheck
from .stages import Analysis
from .styles import StyleChooser

T = TypeVar("T")
R = TypeVar("R")

AUTO = "auto"
PROJECT = "project"  # CheckOptions.scope: consistency across every file checked together
# Findings reported per file, the most severe first (--max-findings). A file with more is not
# read finding by finding: it wants a bulk fix (--fix, a termbase change) or is no draft (a
# table of a million names gave a million findings and a 485 MB JSON report). The cap keeps a
# report's size proportional to the number of files; the CLI says how many were left out.
DEFAULT_MAX_FINDINGS = 1_000


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
    # Severity of a rule's findings instead of its default (from the configuration).
    severities: tuple[tuple[str, Severity], ...] = ()
    # The language a path's glob gives it in the configuration (used when lang is auto).
    language_for: Callable[[str], str | None] | None = None
    excluded: Callable[[str], bool] | None = None
    stdin_name: str | None = None
    # Resource bounds per input (checker.limits): seconds (0 or None: none), bytes, bytes the
    # process may hold while it checks a file (0 or None: none).
    timeout: float | None = DEFAULT_TIMEOUT
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_memory: int | None = DEFAULT_MAX_MEMORY
    # Findings kept per file, the most severe first (0 or None: all).
    max_findings: int | None = DEFAULT_MAX_FINDINGS
    # Which house style checks each draft (checker.styles); None: no profile, ever.
    styles: StyleChooser | None = None
    # The region of the language of drafts (--lang fr-CA) and of the per-glob languages.
    region: str | None = None
    region_for: Callable[[str], str | None] | None = None
    # What the consistency rules look across (checker.project): each file alone ("files"), or
    # every file of a check_paths run together ("project").
    scope: str = "files"
    # Report the translation review hints (term-mismatch at info: a pronoun that may stand for
    # a name, a title rendered otherwise, a name the source does not write). Off by default:
    # on real professional translations nearly none of them is an error.
    review_hints: bool = False
    # Let an unexpected exception (a bug) out with its traceback instead of reporting it as an
    # error on the file it happened in.
    debug: bool = False


class Checker:
    """Checks drafts against one termbase; build it once, check many documents.

    Under the ``project`` scope, ``check_paths`` first surveys its files (``survey``) and keeps
    what they use in ``project``: every later check of this checker (the files, their fix
    rounds, another ``check_text``) judges consistency against those files, until the next
    ``check_paths``."""

    def __init__(self, termbase: Termbase, options: CheckOptions | None = None,
                 index: TermIndex | None = None):
        """``index``: the compiled index of ``termbase`` when it is at hand (from the cache)."""
        self.termbase = termbase
        self.options = options or CheckOptions()
        self.project: Project | None = None
        self.index = index if index is not None else TermIndex(termbase)
        self.matcher = Matcher(self.index)
        # Computed once: Termbase.languages walks every entry.
        self.termbase_languages = tuple(termbase.languages)
        languages = tuple(lang for lang in self.termbase_languages if lang in ("fr", "en")) or \
            self.termbase_languages
        self.languages = languages or ("fr", "en")

    def prepare(self, every_language: bool = True) -> None:
        """Load what the first check would load lazily (word lists, the language identifier):
        once, before the files' time budgets start and before --jobs workers are forked, so
        they share it. Without ``every_language``, and with the language given, only that
        language's word list (and the sources'): another one is still loaded if a check
        asks for it, and a one-process run on French drafts need not read the English list."""
        languages = self.languages
        if not every_language and self.options.lang != AUTO:
            languages = tuple(code for code in (self.options.lang, self.options.source_lang)
                              if code)
        for lang in languages:
            wordlist.is_known("termcheck", lang)
        if self.options.lang == AUTO:
            detect_language("termcheck " * MIN_WORDS, self.languages)

    def decide_language(self, doc: Document, role: str | None = None,
                        lang: str | None = None) -> LanguageDecision:
        """The language of a draft, or of the ``source`` or ``target`` side of a translation:
        ``lang`` when given (for this call only), else the option, else what the file says,
        else identification on the text."""
        chosen = lang or (self.options.source_lang if role == "source" else self.options.lang)
        if chosen and chosen != AUTO:
            return LanguageDecision(chosen, "option", region=None if role == "source"
                                    else self.options.region)
        if role != "source" and self.options.language_for is not None:
            configured = self.options.language_for(doc.path)
            if configured:
                region = self.options.region_for(doc.path) if self.options.region_for else None
                return LanguageDecision(configured, "config", region=region)
        segments = [s for s in doc.segments if role is None or s.role == role]
        declared = next((s.lang for s in segments if s.lang), None)
        problem = tag_problem(declared) if declared else None
        if declared and problem is None:
            return LanguageDecision(normalize_code(declared, self.termbase_languages), "file",
                                    region=region_of(declared))
        default = self.options.default_lang
        if role is None and segments and all(s.role == "source" for s in segments):
            # A template (a POT, a PO with nothing translated): no text of it is checked, so
            # there is no language to identify, nor to say anything about.
            return LanguageDecision(default, "unchecked", "nothing translated to check")
        prose = " ".join(doc.text[s.start:s.end] for s in segments)
        if role == "source":  # a source is rarely in the language of its target
            default = next((lang for lang in self.languages if lang != default), default)
        decision = detect_language(prose, self.languages, default)
        # A declaration that is missing or unusable (Language: xx) is said, not passed over:
        # the user learns the targets were identified from the text and can set --lang.
        note = None if role == "source" else (
            f"{doc.language_header or 'the file'}: {problem}" if problem else doc.language_header)
        if note:
            decision = replace(decision, reason="; ".join(filter(None, (note, decision.reason))))
        return decision

    # --- the stages (checker.stages) ----------------------------------------------------------
    def read(self, path: str) -> tuple[Source, Document]:
        """Stage read: the file ``path`` (``-``: standard input) decoded within the size limit,
        and its segments. Raises ``InputError``."""
        return stages.read(path, self.options.stdin_name, self.options.max_file_size)

    def analyse(self, doc: Document, lang: str | None = None) -> Analysis:
        """Stage analyse: the language of ``doc`` (``lang`` when given, for this call only;
        a translation's targets) and of a translation's sources, and the matcher's mentions."""
        _between_documents(len(doc.text))
        is_translation = any(s.role == "target" for s in doc.segments)
        decision = self.decide_language(doc, "target" if is_translation else None, lang)
        source_lang = self.decide_language(doc, "source").lang if is_translation else None
        views = doc.by_target_language() if is_translation else []
        if views:
            return self._analyse_views(doc, views, decision, source_lang)
        matched = self.matcher.match(doc, decision.lang, source_lang)
        return Analysis(doc, decision, source_lang, matched)

    def _analyse_views(self, doc: Document, views: list[tuple[str, Document]],
                       decision: LanguageDecision, source_lang: str | None) -> Analysis:
        """A translation with targets in several languages, analysed once per language: each
        in the language its targets declare, or, when a language was chosen (``--lang``, the
        configuration, the call), only the targets in that language, each in its own region
        unless the choice names one (if none is in it, the first language's targets, checked
        as the chosen one, as in a memory of one target language)."""
        if decision.source in ("option", "config"):
            chosen = [(tag, view) for tag, view in views
                      if normalize_code(tag, self.termbase_languages) == decision.lang]
            # Each in the region its targets name unless the choice names one (fr-CA: Quebec).
            decided = [(tag, view, replace(decision, region=decision.region or region_of(tag))
                        if chosen else decision) for tag, view in chosen or views[:1]]
        else:
            decided = [(tag, view, self.decide_language(view, "target")) for tag, view in views]
        analysed = tuple((tag, Analysis(view, each, source_lang,
                                        self.matcher.match(view, each.lang, source_lang)))
                         for tag, view, each in decided)
        first = analysed[0][1]
        return Analysis(doc, first.language, source_lang, first.matched, analysed)

    def context(self, analysis: Analysis) -> Context:
        """What the rules see of an analysed document: its language, the matcher's mentions,
        its house style, the rules of the run and, in a project check, the project."""
        doc = analysis.document
        decision = analysis.language
        chooser = self.options.styles
        profile = (chooser.profile_for(doc.path, decision.lang, decision.region)
                   if chooser is not None else None)
        return Context(doc, decision.lang, analysis.matched, analysis.source_lang, self.index,
                       profile=profile, styles=chooser.styles if chooser is not None else None,
                       active_rules=frozenset(rule.code for rule in self.options.rules),
                       project=self.project, review_hints=self.options.review_hints)

    def findings(self, analysis: Analysis) -> FileResult:
        """Stage findings: the rules over an analysed document, suppressions applied, then the
        configured severities and the cap on findings per file."""
        doc = analysis.document
        decision = analysis.language
        findings = []
        for tag, part in analysis.views or (("", analysis),):
            found = run_rules(self.context(part), self.options.rules)
            if analysis.views:  # a memory of several target languages: say which
                found = [replace(f, message=_("{message} ({language} target)").format(
                    message=f.message, language=tag)) for f in found]
            findings += [self._place(doc, f) for f in self._fuzzy(doc, found)]
        ctx = self.context(analysis)
        ctx.suppressions = suppression.parse(doc)
        findings = ctx.suppressions.silence(findings) + run_after_suppression(
            ctx, self.options.rules)
        findings, omitted = self._capped(self._severities(findings))
        result = FileResult(doc.path, sorted(findings, key=lambda f: f.sort_key), None,
                            decision, doc)
        result.omitted = omitted
        return result

    def bounded(self, path: str, work: Callable[[], T]) -> T:
        """``work()`` on the input ``path`` within the time and memory budget of one file; what
        keeps that input from being handled is raised as its ``InputError`` (``--debug``: a
        bug is let out)."""
        if path == STDIN:
            path = self.options.stdin_name or "<stdin>"
        return stages.bounded(path, work, timeout=self.options.timeout,
                              max_memory=self.options.max_memory, debug=self.options.debug)

    def check_document(self, doc: Document, lang: str | None = None) -> FileResult:
        """The findings of ``doc`` (in ``lang`` when given, for this call only)."""
        return self.findings(self.analyse(doc, lang))

    def _capped(self, findings: list[Finding]) -> tuple[list[Finding], int]:
        """At most ``max_findings`` of ``findings``, the most severe first, then in file order
        (so the exit status is the one all of them give); and how many were left out."""
        most = self.options.max_findings
        if not most or len(findings) <= most:
            return findings, 0
        ranked = sorted(findings, key=lambda f: (-f.severity.rank, f.line, f.column))
        return ranked[:most], len(findings) - most

    def _severities(self, findings: list[Finding]) -> list[Finding]:
        overrides = dict(self.options.severities)
        if not overrides:
            return findings
        return [replace(f, severity=overrides[f.rule]) if f.rule in overrides else f
                for f in findings]

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

    def check_text(self, text: str, path: str = "<text>", lang: str | None = None) -> FileResult:
        """Check a draft given as text; ``path`` chooses the reader (by suffix) and names it;
        ``lang``, when given, is its language for this call only."""
        return self.check_document(stages.parse(path, text), lang)

    def check_source(self, source: Source) -> FileResult:
        result = self.check_text(source.text, source.path)
        result.source = source
        return result

    def check_path(self, path: str) -> FileResult:
        """Check one file (``-``: standard input); a file that cannot be read or parsed, or
        that takes longer than the time budget, gives a result with its error."""
        def check() -> FileResult:
            if path != STDIN and os.path.isdir(path):
                raise empty_folder_error(path)
            source, doc = self.read(path)
            result = self.check_document(doc)
            result.source = source
            if path != STDIN and not is_draft(path):
                result.notices.append(_("not a file type termcheck knows ({types}); read as "
                                        "plain text").format(types=known_types()))
            return result

        return self._bounded(path, check)

    def check_pair(self, source_path: str, target_path: str) -> FileResult:
        """Check an aligned pair of plain-text files (line i of one translates line i of the
        other); findings point at the target file."""
        def check() -> FileResult:
            source = read_source(source_path, max_size=self.options.max_file_size)
            target = read_source(target_path, max_size=self.options.max_file_size)
            for read in (source, target):
                if read.data is not None:
                    raise InputError(read.path, "is not plain text: --source and --target "
                                                "take aligned plain-text files")
            doc = aligned.read_pair(source.path, source.text, target.path, target.text)
            result = self.check_document(doc)
            result.source = target
            result.paired_with = source
            return result

        return self._bounded(target_path, check)

    def budget(self):
        """The time and memory budget of one file's check (a context manager)."""
        return check_budget(self.options.timeout, self.options.max_memory)

    def _bounded(self, path: str, check: Callable[[], FileResult]) -> FileResult:
        """``check()`` within the budget of one file; what keeps the input from being checked
        is its result's error, and the others are still checked."""
        try:
            return self.bounded(path, check)
        except InputError as exc:
            return FileResult(exc.path, error=exc.message)

    def recheck(self, result: FileResult, raw: str | bytes) -> FileResult:
        """Check ``raw``, the new text of a checked file (after fixes), as the file would be
        checked again: with the same reader, an aligned target with its source. A format read
        from bytes (Word) is given its new bytes."""
        if isinstance(raw, bytes):
            checked = self.check_document(stages.parse_data(result.path, raw))
            if result.source is not None:
                checked.source = replace(result.source, data=raw)
            return checked
        if result.paired_with is not None:
            source = result.paired_with
            doc = aligned.read_pair(source.path, source.text, result.path, raw)
            checked = self.check_document(doc)
            checked.paired_with = source
        else:
            checked = self.check_text(raw, result.path)
        if result.source is not None:
            checked.source = replace(result.source, text=raw)
        return checked

    def inputs(self, paths: Sequence[str]) -> list[str]:
        """The files that ``paths`` name, folders walked, exclusions applied."""
        return list(expand_paths(paths, self.options.excluded))

    def check_paths(self, paths: Sequence[str], jobs: int = 1,
                    progress: Callable[[Iterable[FileResult], int], Iterator[FileResult]]
                    | None = None) -> Report:
        """Check files and folders; an unreadable input is reported and the others checked.

        With ``jobs`` > 1 the files are checked in that many processes, which share this
        checker's compiled index (forked, not rebuilt); results keep the input order.

        The files are checked within ``batch_collection``: a program that hands its files
        to this call gets the command line's collector policy without asking, and its
        collector is as it was when the call returns.
        """
        with batch_collection():
            files = self.inputs(paths)
            self.prepare(every_language=jobs > 1)
            if self.options.scope == PROJECT:
                self.project = self.survey(files, jobs)
            results = self._results(files, jobs)
            if progress is not None:
                results = progress(results, len(files))
            return Report(list(results))

    def survey(self, files: Sequence[str], jobs: int = 1) -> Project:
        """What each of ``files`` uses, for the consistency rules of the run (checker.project):
        each file read and analysed within its budget, in ``jobs`` processes. A file that
        cannot be read tells nothing (its check reports why); standard input is not read here,
        since it can be read once only: it joins the project when it is checked."""
        def uses(path: str) -> tuple[str, Mapping[str, Uses]]:
            if path == STDIN:
                return path, {}
            try:
                return self.bounded(path, lambda: self._uses(path))
            except InputError:
                return path, {}

        if not any(rule.uses is not None for rule in self.options.rules):
            return Project([])
        return Project(self._each(uses, files, jobs, lambda path, reason: (path, {})))

    def _uses(self, path: str) -> tuple[str, Mapping[str, Uses]]:
        """The uses of the file ``path``, by rule, under the name its report gives it."""
        _, doc = self.read(path)
        ctx = self.context(self.analyse(doc))
        return doc.path, {rule.code: rule.uses(ctx) for rule in self.options.rules
                          if rule.uses is not None}

    def _results(self, files: list[str], jobs: int) -> Iterator[FileResult]:
        return self._each(self.check_path, files, jobs, _not_checked)

    def _each(self, work: Callable[[str], R], files: Sequence[str], jobs: int,
              failed: Callable[[str, str], R]) -> Iterator[R]:
        """``work(path)`` of each file, in input order, in ``jobs`` processes (``failed``: what
        a file whose worker died gives)."""
        if jobs <= 1 or len(files) < 2 or "-" in files:
            return (work(path) for path in files)
        import multiprocessing  # only for --jobs: 8-17 ms of startup otherwise

        if "fork" not in multiprocessing.get_all_start_methods():
            return (work(path) for path in files)  # no fork: stay serial
        from .workers import checked_in_workers

        # Move everything built so far out of the collector's reach, so the workers' collections
        # do not write to (and copy) the pages of the shared index.
        gc.freeze()
        chunk = max(1, min(len(files) // (jobs * 8), MAX_CHUNK))
        return checked_in_workers(work, files, min(jobs, len(files)), chunk, failed)

    @staticmethod
    def _place(doc: Document, finding: Finding) -> Finding:
        line, column = doc.position(finding.start)
        end_line, end_column = doc.end_position(finding.end)
        return replace(finding, path=doc.path, line=line, column=column, end_line=end_line,
                       end_column=end_column)


# Characters of drafts analysed between two collections in a ``batch_collection`` (some
# 200 news articles).
COLLECT_EVERY = 1_000_000


class _Batch:
    """The state of ``batch_collection``: how many blocks are open, and the characters
    analysed since the last collection."""

    depth = 0
    pending = 0


def _between_documents(size: int) -> None:
    """Called before each document is analysed (``size``: its characters): within a
    ``batch_collection``, one collection once ``COLLECT_EVERY`` characters have been
    analysed, and what survives it frozen."""
    if _Batch.depth:
        _Batch.pending += size
        if _Batch.pending >= COLLECT_EVERY:
            _Batch.pending = 0
            gc.collect()
            gc.freeze()


@contextmanager
def batch_collection() -> Iterator[None]:
    """The cyclic garbage collector's policy for checking many documents in a row (the
    command line, ``--jobs`` workers and Dask workers use it; a program that checks many files
    through ``Checker`` can too). Such a run allocates objects that live to its end (entries
    unpacked from the index as drafts reach them, memoised words) and next to no cyclic
    garbage (none in 2,000 generated articles), so the automatic collector, which walks those
    objects again and again, is off within the block: between documents, once ``COLLECT_EVERY``
    characters have been analysed, one collection finds what cycles there are, and what
    survives it is frozen out of later collections' walks. Measured on 10 MB at 100,000
    entries: `termcheck check` takes 3.6 % less CPU than with the raised thresholds this
    replaced (docs/performance.md). On leaving,
    the collector is as it was, and what the block froze goes back under its watch (unless
    the program had frozen objects of its own before: those are left as they are)."""
    unfreeze = gc.get_freeze_count() == 0
    gc.freeze()
    _Batch.depth += 1
    try:
        with gc_paused():
            yield
    finally:
        _Batch.depth -= 1
        if not _Batch.depth:
            _Batch.pending = 0
            if unfreeze:
                gc.unfreeze()


def available_cpus() -> int:
    """The CPUs this process may run on (a container or ``taskset`` can allow fewer than the
    machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity call
        return os.cpu_count() or 1


# Files handed to a --jobs worker at a time: a few, so that the files of a dead worker's
# batch go back to the others and the parent's round trips stay rare.
MAX_CHUNK = 16


def _not_checked(path: str, reason: str) -> FileResult:
    """The result of a file whose --jobs worker died while checking it."""
    return FileResult(path, error=(
        _("was not checked: the process checking it died ({reason}); check it alone with "
          "--jobs 1, and report it if it is an ordinary draft").format(reason=reason)))


def run_rules(ctx: Context, rules: Iterable[Rule]) -> list[Finding]:
    """The rules of the draft and pairs stages over the document; a span is reported once, by
    the most specific rule (the lowest priority)."""
    rules = sorted((r for r in rules if r.stage is not Stage.SUPPRESSIONS),
                   key=lambda r: r.priority)
    # What every mention is asked, in priority order: chosen once, not once per mention.
    checks = [(rule.priority, rule.on_mention) for rule in rules if rule.on_mention is not None]
    candidates: list[tuple[int, Finding]] = []
    for mention in ctx.checked_mentions:
        found = _first_finding(mention, checks, ctx)
        if found is not None:
            candidates.append(found)
    for mention in ctx.checked_unresolved:
        # A short form of several entries (Clinton) where the document names none of them in
        # full, or several: a finding only when it would be the same whichever entry is
        # meant (clinton -> Clinton), and then of no entry.
        found_each = [_first_finding(c, checks, ctx) for c in mention.candidates]
        first = found_each[0]
        if first is not None and all(
                other is not None and replace(other[1], entry=None) == replace(
                    first[1], entry=None) for other in found_each[1:]):
            candidates.append((first[0], replace(first[1], entry=None)))
    accepted: list[Finding] = []
    for rule in rules:
        if rule.on_document is not None:
            findings = rule.on_document(ctx)
            if rule.exclusive:
                candidates.extend((rule.priority, f) for f in findings)
            else:
                accepted.extend(findings)
    taken = _Spans()
    for _order, finding in sorted(candidates, key=lambda c: (c[0], c[1].start)):
        if taken.add(finding.start, finding.end):
            accepted.append(finding)
    return accepted


def run_after_suppression(ctx: Context, rules: Iterable[Rule]) -> list[Finding]:
    """The findings of the rules that look at the suppression comments (``ctx.suppressions``,
    once applied), those of ``rules`` only: a rule switched off is not run."""
    return [finding for rule in sorted(rules, key=lambda r: r.priority)
            if rule.stage is Stage.SUPPRESSIONS and rule.on_document is not None
            for finding in rule.on_document(ctx)]


def _first_finding(mention: Mention, checks: list[tuple[int, MentionCheck]],
                   ctx: Context) -> tuple[int, Finding] | None:
    """The finding of the first (most specific) rule that flags ``mention``, with the rule's
    priority (``checks``: each rule's priority and mention check, in priority order)."""
    for priority, check in checks:
        finding = check(mention, ctx)
        if finding is not None:
            return priority, finding
    return None


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
