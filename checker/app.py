"""The application layer: what a run of termcheck does with its ``Settings``, shared by the
command line, a language server and the Python API. It opens the termbase the settings name,
builds the checker, checks, runs the fix rounds, applies a baseline and gives the exit status;
it parses no arguments and prints nothing (what it has to show, a diff, goes to a callback).

    settings = resolve_settings(terms=["house.yaml"])
    run = open_checker(settings)
    report = run_check(run.checker, ["drafts/"])
    status = exit_status(report, settings.fail_on)
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from glossary import Termbase, TermIndex
from glossary.atomic import ConcurrentEditError, NotRegularFileError, PartlyWrittenError
from glossary.cachedir import ENV_OFF, cache_dir
from glossary.index.cache import SUFFIX, index_key, load_index
from glossary.termbase import resolve_path

from .engine import PROJECT, Checker, available_cpus, batch_collection
from .errors import UsageError
from .findings import Severity
from .i18n import _
from .inputs import STDIN
from .limits import CheckTimeout, CheckTooLarge, human_size
from .outputs import OverwriteError, refuse_overwriting_inputs, written
from .report import FileResult, Report
from .settings import Settings, check_options

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
Progress = Callable[[Iterable[FileResult], int], Iterator[FileResult]]


@dataclass(frozen=True)
class Run:
    """A checker built for a run's settings, with the termbase it checks against."""

    settings: Settings
    index: TermIndex
    checker: Checker

    @property
    def termbase(self) -> Termbase:
        return self.index.termbase


def open_index(settings: Settings) -> TermIndex:
    """The compiled index of the termbase layers ``settings`` name (from the cache unless
    ``use_cache`` is off). Raises ``TermbaseError`` on a broken termbase."""
    return load_index(list(settings.terms), use_cache=settings.use_cache,
                      index_file=settings.index_file)


def open_checker(settings: Settings, index: TermIndex | None = None) -> Run:
    """A checker for ``settings`` (its index opened unless given). Raises ``ConfigError`` or
    ``OptionError`` on a language or house style the termbase cannot check."""
    index = index if index is not None else open_index(settings)
    options = check_options(settings, index.termbase)
    return Run(settings, index, Checker(index.termbase, options, index))


def termbase_files(settings: Settings) -> list[str]:
    """The termbase files a run reads (the embedded default by its path)."""
    return [str(resolve_path(name)) for name in settings.terms]


def run_check(checker: Checker, paths: Sequence[str], *, jobs: int = 1,
              progress: Progress | None = None,
              pair: tuple[str, str] | None = None) -> Report:
    """Check ``paths`` (files, folders, ``-``) in ``jobs`` processes (``worker_count`` gives
    the number for a ``--jobs`` value), then the aligned ``pair`` (source, target) if given."""
    with batch_collection():
        report = checker.check_paths(paths, jobs=jobs, progress=progress)
        if pair:
            report.results.append(checker.check_pair(*pair))
    return report


def run_check_on_cluster(run: Run, paths: Sequence[str], scheduler: str, *,
                         progress: Progress | None = None,
                         pair: tuple[str, str] | None = None) -> Report:
    """Check ``paths`` (files, folders, URLs) on the Dask cluster whose scheduler is at
    ``scheduler`` (``checker.distributed``): the report a one-process ``run_check`` gives,
    each worker checking with a checker built from ``run``'s settings over its index. Then
    the aligned ``pair``, here."""
    from .distributed import IndexImage, check_on_cluster

    if run.settings.scope == PROJECT:
        raise UsageError(_("--scope project cannot run on a cluster (--scheduler) yet: the "
                           "consistency rules need every file's uses before any file is "
                           "checked; check the project without --scheduler"))
    files = run.checker.inputs(paths)
    if STDIN in files:
        raise UsageError(_("standard input (-) cannot be checked on a cluster (--scheduler): "
                           "give files, folders or URLs the workers can read"))
    key = index_key(list(run.settings.terms))
    image = IndexImage.of(run.index, key, index_files(run.settings, key))
    make_checker = functools.partial(cluster_checker, portable(run.settings))
    return Report(check_on_cluster(scheduler, files, make_checker, image, progress=progress)
                  + ([run.checker.check_pair(*pair)] if pair else []))


def index_files(settings: Settings, key: str) -> list[Path]:
    """Where ``open_index`` reads the compiled index of ``settings`` from (``--index``, or the
    cache file of ``key``, named as ``glossary.index.cache.load_index`` names it)."""
    if settings.index_file:
        return [Path(settings.index_file)]
    if not settings.use_cache or os.environ.get(ENV_OFF):
        return []
    return [cache_dir() / f"index-{key}{SUFFIX}"]


def cluster_checker(settings: Settings, index: TermIndex) -> Checker:
    """A cluster worker's checker: ``open_checker``'s, over the index the run sent."""
    return open_checker(settings, index).checker


def portable(settings: Settings) -> Settings:
    """``settings`` as a process elsewhere reads them: the configuration file and the house
    style files by absolute path (a worker's working folder is not the client's)."""
    config = settings.config
    if config.path is not None and not config.path.is_absolute():
        config = replace(config, path=config.path.resolve())
    styles = tuple(str(Path(name).resolve()) if Path(name).is_file() else name
                   for name in settings.styles)
    return replace(settings, config=config, styles=styles)


def worker_count(jobs: int, cpus: Callable[[], int] = available_cpus) -> int:
    """The processes to check files in for ``jobs`` (0: one per CPU): never more than the
    CPUs this process may run on, since more cannot check faster and each holds its own
    memory. Lowered silently: ``make -j`` and ``pytest -n`` do not even cap, and a notice on
    every run of a CI configuration shared by machines of several sizes would be noise."""
    return min(jobs, cpus()) if jobs else cpus()


def apply_fixes(checker: Checker, report: Report, *, write: bool, unsafe: bool,
                show_diff: Callable[[str], None] | None = None) -> Report:
    """Fix each file (or, when not writing, give its diff to ``show_diff``); fixed files are
    checked again so the report shows what is left."""
    from .tools import fixes
    results = []
    for result in report.results:
        fixable = result.error is None and result.source is not None and not result.source.stdin
        try:
            with checker.budget():
                new_data, new_text, fixed = (_fixed(checker, result, unsafe) if fixable
                                             else (None, None, result))
        except CheckTimeout as exc:
            result.error = _("fixing it took longer than {seconds} s (raise the budget with "
                             "--timeout if this file is meant to be checked, and report it if "
                             "it is an ordinary draft); the file was left as it was").format(
                                 seconds=f"{exc.seconds:g}")
            results.append(result)
            continue
        except CheckTooLarge as exc:
            result.error = _("fixing it needs more than {size} of memory (raise the budget "
                             "with --max-memory); the file was left as it was").format(
                                 size=human_size(exc.limit))
            results.append(result)
            continue
        if new_text is None:
            results.append(result)
            continue
        if not write:
            if show_diff is not None:
                show_diff(fixes.diff(result, new_text))
            results.append(result)
            continue
        source = result.source
        assert source is not None  # a fixed text comes from a file read (fixable above)
        try:
            # Written only if the file still is as it was read: an edit saved meanwhile wins.
            fixes.write_atomic(result.path, new_data if new_data is not None
                               else fixes.encode(source, new_text), expected=source.stamp)
        except ConcurrentEditError:
            result.error = _("changed while it was being checked; not fixed (the changes made "
                             "meanwhile were kept: check it again)")
            results.append(result)
            continue
        except PartlyWrittenError as exc:
            result.error = _("could not be fixed ({reason}) and may be part written: its "
                             "original is in {backup}; put it back").format(
                                 reason=exc.reason, backup=exc.backup)
            results.append(result)
            continue
        except NotRegularFileError as exc:
            result.error = _("could not be fixed ({reason}); the file was left as it "
                             "was").format(reason=exc.strerror)
            results.append(result)
            continue
        except OSError as exc:
            result.error = _("could not be fixed ({reason}); the file was left as it was: "
                             "check that it and its folder are writable").format(
                                 reason=exc.strerror or exc)
            results.append(result)
            continue
        results.append(fixed)
    return Report(results)


def _fixed(checker: Checker, result: FileResult, unsafe: bool
           ) -> tuple[bytes | None, str | None, FileResult]:
    """A file's fixes until nothing more is fixed: its new bytes (formats read from bytes),
    its new text (the text that ``--diff`` compares; None when nothing changes) and its new
    check. What could not be fixed in a Word or OpenDocument file is said in the result's
    notices."""
    from .tools import docx_fixes, fixes
    source = result.source
    if source is None or source.data is None:
        new_text, fixed = fixes.converged_text(result, checker.recheck, unsafe)
        return None, new_text, fixed
    if not result.path.lower().endswith(".docx"):
        result.notices.extend(docx_fixes.not_fixed_notes(result, unsafe))
        return None, None, result
    data, fixed, notes = docx_fixes.converged_data(result, checker.recheck, unsafe)
    result.notices.extend(notes)
    if data is None or fixed.document is None:
        return None, None, result
    fixed.notices = result.notices
    return data, fixed.document.raw, fixed


def filter_baseline(report: Report, baseline: str) -> None:
    """Leave out of ``report`` the findings recorded in the baseline file ``baseline``."""
    from .tools import baseline as baseline_file
    baseline_file.filter_results(report.results, baseline_file.load(baseline))


def record_baseline(report: Report, path: str) -> int:
    """Record the findings of ``report`` in the baseline file ``path``; their number."""
    from .tools import baseline as baseline_file
    return written(path, "the baseline", lambda: baseline_file.write(path, report.results))


def exit_status(report: Report, fail_on: Severity, exit_zero: bool = False) -> int:
    """2 when an input could not be read, 1 when a finding reaches ``fail_on`` (0 with
    ``exit_zero``), else 0."""
    if report.errors:
        return EXIT_ERROR
    if any(f.severity.rank >= fail_on.rank for f in report.findings):
        return EXIT_OK if exit_zero else EXIT_FINDINGS
    return EXIT_OK


__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "OverwriteError",
    "Run",
    "apply_fixes",
    "exit_status",
    "filter_baseline",
    "open_checker",
    "open_index",
    "record_baseline",
    "refuse_overwriting_inputs",
    "run_check",
    "run_check_on_cluster",
    "termbase_files",
    "worker_count",
    "written",
]
