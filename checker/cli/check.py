"""``termcheck check``: the options of a check run, handed to the application layer
(``checker.app``), and the reports rendered to standard output or files (``--format``/``--output``,
and any number of ``--report FORMAT[=PATH]``, all from the one run)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence

import click

from glossary.atomic import write_file

from ..app import (
    EXIT_OK,
    apply_fixes,
    exit_status,
    filter_baseline,
    open_checker,
    open_index,
    record_baseline,
    refuse_overwriting_inputs,
    run_check,
    run_check_on_cluster,
    termbase_files,
    worker_count,
)
from ..config import SCOPES, ConfigError, check_timeout
from ..findings import Severity
from ..i18n import N_, _
from ..inputs import is_url, read_path_list
from ..language import language_name
from ..report import Report
from ..reporters import FORMATS
from .common import (
    color_option,
    config_option,
    default_lang_option,
    lang_option,
    no_cache_option,
    notice_path,
    patchable,
    settings_from,
    show_termbase_warnings,
    terms_option,
    usage_errors,
    use_color,
    write_output,
)
from .group import cli

PROGRESS_MIN_FILES = 20


def _timeout_option(ctx: click.Context, param: click.Parameter,
                    value: float | None) -> float | None:
    """``--timeout``: what the configuration's ``timeout`` accepts (``nan``, ``inf`` and
    ``1e300`` parse as floats, but are no budget)."""
    if value is None:
        return None
    try:
        return check_timeout(value, "--timeout")
    except ConfigError as exc:
        raise click.BadParameter(str(exc).removeprefix("--timeout: "), ctx, param) from None



Reports = list[tuple[str, "str | None"]]


def _report_option(ctx: click.Context, param: click.Parameter,
                   values: Sequence[str]) -> Reports:
    """``--report FORMAT[=PATH]``: (format, path) pairs, ``None`` for standard output (no
    path, or ``-``)."""
    reports: Reports = []
    for value in values:
        name, equals, path = value.partition("=")
        fmt = name.strip().lower()
        if fmt not in FORMATS:
            raise click.BadParameter(_("{name} is not a report format; choose from {formats} "
                                       "(FORMAT or FORMAT=PATH)").format(
                name=repr(name), formats=", ".join(FORMATS)), ctx, param)
        if equals and not path:
            raise click.BadParameter(_("{value} names no file: write {format}=PATH, or {format} "
                                       "alone for standard output").format(
                value=repr(value), format=fmt), ctx, param)
        reports.append((fmt, None if not equals or path == "-" else path))
    return reports


def planned_reports(fmt: str | None, output: str | None, extra: Reports) -> Reports:
    """Every report of the run: ``--format``/``--output`` (text on standard output when
    nothing at all is asked), then the ``--report`` ones. A usage error when two would go to
    standard output or to one file."""
    reports = list(extra)
    if fmt is not None or output is not None or not reports:
        reports.insert(0, (fmt or "text", output))
    to_stdout = [f for f, path in reports if path is None]
    if len(to_stdout) > 1:
        raise click.UsageError(_("the {formats} reports would both go to standard output: give "
                                 "all but one a file (--report FORMAT=PATH)").format(
            formats=_(" and ").join(to_stdout)))
    seen: dict[str, str] = {}
    for f, path in reports:
        if path is None:
            continue
        key = os.path.realpath(path)
        if key in seen:
            raise click.UsageError(_("the {first} and {second} reports would both be written "
                                     "to {path}: give each report a file of its own").format(
                first=seen[key], second=f, path=path))
        seen[key] = f
    return reports


@cli.command("check", help=N_(
    "Check drafts and translations (files, folders, or - for standard input).\n\n"
    "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage error, "
    "a broken termbase or configuration, or an input that could not be read (the other "
    "inputs are still checked and reported)."))
@click.argument("paths", nargs=-1, metavar="PATH...")
@terms_option
@lang_option
@default_lang_option
@click.option("--source-lang", metavar="L",
              help=N_("Language of translation sources, when the file does not say."))
@click.option("--select", multiple=True, metavar="RULE[,RULE]",
              help=N_("Check only these rules (codes in any case; repeatable), even one the "
                      "configuration switches off."))
@click.option("--ignore", multiple=True, metavar="RULE[,RULE]",
              help=N_("Do not check these rules (repeatable; wins over --select)."))
@click.option("--scope", type=click.Choice(SCOPES, case_sensitive=False), default=None,
              help=N_("What the consistency rules (inconsistent, transliteration) look across: "
                      "each file alone (files, the default) or every file checked together "
                      "(project: a series of articles, a book in chapters)."))
@click.option("--include-fuzzy", is_flag=True, default=None,
              help=N_("Report findings in fuzzy (unreviewed) translations at their severity, "
                      "not as info."))
@click.option("--review-hints", is_flag=True, default=None,
              help=N_("Also report term-mismatch's hints for a reviewer (info): a pronoun that "
                      "may stand for a name, a title rendered otherwise, a name the source does "
                      "not write."))
@click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
              help=N_("Report format (default text)."))
@color_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help=N_("Write the report to FILE instead of standard output."))
@click.option("--report", "report_specs", multiple=True, callback=_report_option,
              metavar="FORMAT[=PATH]",
              help=N_("Also write a report in FORMAT to PATH (standard output without a path); "
                      "repeat for several, e.g. --report github --report sarif=termcheck.sarif. "
                      "With --report and no --format, only these reports are written."))
@click.option("--fail-on", type=click.Choice([str(s) for s in Severity], case_sensitive=False),
              help=N_("Exit with status 1 when a finding reaches this severity (default "
                      "warning)."))
@click.option("--exit-zero", is_flag=True,
              help=N_("Exit with status 0 even with findings (still 2 when an input is "
                      "unreadable)."))
@click.option("--fix", is_flag=True,
              help=N_("Apply safe fixes to the files, then report the rest."))
@click.option("--unsafe-fixes", is_flag=True,
              help=N_("With --fix or --diff, also apply typo, transliteration and other "
                      "guesses."))
@click.option("--diff", "show_diff", is_flag=True,
              help=N_("Print the changes --fix would make, as a unified diff; write nothing."))
@click.option("--source", "source_file", metavar="FILE",
              help=N_("With --target: a plain-text source whose line i the target's line i "
                      "translates."))
@click.option("--target", "target_file", metavar="FILE",
              help=N_("With --source: the aligned plain-text translation to check."))
@click.option("--files-from", metavar="FILE",
              help=N_("Also check the paths listed in FILE, one per line ('-': standard input)."))
@click.option("--stdin-filename", metavar="NAME",
              help=N_("Name (and format, by its suffix) of the draft read from standard input."))
@click.option("--exclude", multiple=True, metavar="GLOB", help=N_("Skip paths matching GLOB."))
@click.option("--baseline", metavar="FILE",
              help=N_("Do not report the findings recorded in FILE (see --write-baseline)."))
@click.option("--write-baseline", metavar="FILE",
              help=N_("Record the current findings in FILE, to accept them for now."))
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help=N_("Check files in this many processes (0: one per available CPU; never more "
                      "than the CPUs available)."))
@click.option("--scheduler", metavar="ADDRESS",
              help=N_("Check on the Dask cluster whose scheduler is at ADDRESS "
                      "(tcp://host:8786): files on a filesystem its workers share, or URLs "
                      "(s3://, gs://); needs termcheck[dask]."))
@no_cache_option
@click.option("--index", "index_file", metavar="FILE",
              help=N_("Compiled index to use (see 'terms compile'); rebuilt if stale."))
@click.option("--timeout", type=float, callback=_timeout_option, metavar="SECONDS",
              # The defaults are written out (a message id is a constant); a test holds them.
              help=N_("Skip (and report) a file whose check takes longer than this; 0 for no "
                      "limit (default 60)."))
@click.option("--max-file-size", metavar="SIZE",
              help=N_("Skip (and report) a file larger than this, without reading it: bytes, or "
                      "with a unit (500kB, 20MB, 1GiB; default 20MB)."))
@click.option("--max-memory", metavar="SIZE",
              help=N_("Skip (and report) a file whose check takes the process past this much "
                      "memory; 0 for no limit (default 800MB; Linux only)."))
@click.option("--max-findings", type=click.IntRange(min=0), metavar="N",
              help=N_("Report at most N findings per file, the most severe first (default "
                      "1,000; 0 for all); the others are counted on standard error."))
@config_option
@click.option("--style", "styles", multiple=True, metavar="NAME|FILE",
              help=N_("House style: a shipped profile (fr-FR, fr-CA, en-US, en-GB) or a profile "
                      "file; repeat for one per language. Default: the configuration's, else the "
                      "region of the language (--lang fr-CA)."))
@usage_errors
def check_command(paths: Sequence[str], terms: Sequence[str], lang: str | None,
                  default_lang: str | None, source_lang: str | None,
                  select: Sequence[str], ignore: Sequence[str], scope: str | None,
                  include_fuzzy: bool | None, review_hints: bool | None, fmt: str | None,
                  color: str, output: str | None, report_specs: Reports,
                  fail_on: str | None, exit_zero: bool, fix: bool, unsafe_fixes: bool,
                  show_diff: bool, source_file: str | None, target_file: str | None,
                  files_from: str | None, stdin_filename: str | None,
                  exclude: Sequence[str], baseline: str | None, write_baseline: str | None,
                  jobs: int, scheduler: str | None, no_cache: bool, index_file: str | None,
                  timeout: float | None, max_file_size: str | None,
                  max_memory: str | None, max_findings: int | None,
                  config_path: str | None, styles: Sequence[str]) -> None:
    settings = settings_from(
        config_path=config_path, terms=terms, lang=lang, default_lang=default_lang,
        source_lang=source_lang, include_fuzzy=include_fuzzy, review_hints=review_hints,
        fail_on=fail_on,
        exclude=exclude, timeout=timeout, max_file_size=max_file_size, max_memory=max_memory,
        max_findings=max_findings, styles=styles, no_cache=no_cache, index_file=index_file,
        stdin_filename=stdin_filename, select=select, ignore=ignore, scope=scope)
    reports = planned_reports(fmt.lower() if fmt else None, output, report_specs)
    stdout_fmt = next((f for f, path in reports if path is None), None)
    # A notice's file name is escaped as workflow command data when the run writes GitHub
    # annotations (it is then read by a runner); shown as the text report shows it otherwise.
    notice_fmt = "github" if any(f == "github" for f, _path in reports) else "text"
    paths = list(paths) + (read_path_list(files_from) if files_from else [])
    if bool(source_file) != bool(target_file):
        raise click.UsageError(_("--source and --target go together"))
    if not paths and not target_file:
        if files_from:  # a pipeline's list of changed drafts may well be empty
            click.echo("termcheck: " + _("no files to check"), err=True)
            sys.exit(EXIT_OK)
        raise click.UsageError(_("give at least one PATH (or --files-from FILE, or --source "
                                 "and --target)"))
    if scheduler and jobs != 1:
        raise click.UsageError(_("--jobs and --scheduler: the cluster's workers check the "
                                 "files; give one or the other"))
    if (fix or show_diff) and (scheduler or any(is_url(path) for path in paths)):
        raise click.UsageError(_("{option} fixes local files, checked without --scheduler: "
                                 "check URLs, or on a cluster, to report").format(
                                     option="--fix" if fix else "--diff"))
    index = open_index(settings)
    show_termbase_warnings(index.termbase, settings.terms)
    run = open_checker(settings, index)
    checker = run.checker
    files = [(f, path) for f, path in reports if path is not None]
    if files or write_baseline:  # before anything is checked, fixed or written
        read = [*checker.inputs(paths), *filter(None, [source_file, target_file, files_from]),
                *termbase_files(settings)]
        for f, path in files:
            option = "--output" if output and (f, path) == reports[0] else "--report"
            refuse_overwriting_inputs(option, path, [*read, *filter(None, [baseline])])
        refuse_overwriting_inputs("--write-baseline", write_baseline, read)
    package = patchable()
    pair = (source_file, target_file) if source_file and target_file else None
    if scheduler:
        report = run_check_on_cluster(run, paths, scheduler, progress=progress_bar(stdout_fmt),
                                      pair=pair)
    else:
        report = run_check(checker, paths, jobs=worker_count(jobs, package.available_cpus),
                           progress=progress_bar(stdout_fmt), pair=pair)
    if fix or show_diff:
        report = apply_fixes(checker, report, write=fix and not show_diff, unsafe=unsafe_fixes,
                             show_diff=lambda diff: click.echo(diff, nl=False))
    if baseline:
        filter_baseline(report, baseline)
    if write_baseline:
        count = record_baseline(report, write_baseline)
        click.echo("termcheck: " + _("{count} findings recorded in {file}").format(
            count=count, file=write_baseline), err=True)
    for result in report.results:
        for notice in result.notices:  # escaped as the path: it may quote the draft
            click.echo(f"termcheck: {notice_path(result.path, notice_fmt)}: "
                       f"{notice_path(notice, notice_fmt)}", err=True)
        if result.omitted:
            from ..reporters.text import safe  # shown, never obeyed: a name may hold "\n::"
            click.echo(f"termcheck: {safe(result.path)}: " + _(
                "{count} more findings not reported (at most {most} per file, the most severe "
                "first; --max-findings 0 reports them all)").format(
                    count=f"{result.omitted:,}", most=f"{settings.max_findings:,}"), err=True)
        if result.language and result.language.source == "fallback":
            click.echo(f"termcheck: {notice_path(result.path, notice_fmt)}: " + _(
                "{reason}; checked as {language} (set --lang to choose)").format(
                    reason=result.language.reason,
                    language=language_name(result.language.lang)), err=True)
        elif result.language and result.language.source == "detected" and result.language.reason:
            click.echo(f"termcheck: {notice_path(result.path, notice_fmt)}: " + _(
                "{reason}; identified as {language} from the text (set --lang to "
                "choose)").format(reason=result.language.reason,
                                  language=language_name(result.language.lang)), err=True)
    write_reports(package.render, report, reports, show_diff, color)
    sys.exit(exit_status(report, settings.fail_on, exit_zero))


def write_reports(render: Callable[..., str], report: Report, reports: Reports,
                  show_diff: bool = False, color: str = "auto") -> None:
    """Every report rendered first (a failing reporter writes none), then each file replaced
    atomically (a device or a pipe written as it is) and the one for standard output printed
    (not with ``--diff`` when there is nothing to report: the diff is the output). A text
    report is coloured on a terminal (``--color auto``, unless ``NO_COLOR``), or when asked
    (``--color always``), in a file too, as ls does."""
    def colored(path: str | None) -> bool:
        return use_color(color, sys.stdout) if path is None else color.lower() == "always"

    rendered = [(path, render(report, f, color=f == "text" and colored(path)), colored(path))
                for f, path in reports]
    for path, text, _color in rendered:
        if path is not None:
            write_output(path, "the report", functools.partial(write_file, path,
                                                               text.encode("utf-8")))
    for path, text, color_on in rendered:
        if path is None and (not show_diff or report.findings):
            click.echo(text, nl=False, color=color_on)


def progress_bar(stdout_fmt: str | None):
    """A progress bar on standard error for many files on a terminal; never in CI logs or when
    the text report is piped (``stdout_fmt``: the format of the report on standard output)."""
    if not sys.stderr.isatty() or os.environ.get("CI") or (stdout_fmt == "text"
                                                           and not sys.stdout.isatty()):
        return None

    def wrap(results, total):
        if total < PROGRESS_MIN_FILES:
            yield from results
            return
        with click.progressbar(results, length=total, label=_("checking"),
                               file=sys.stderr) as bar:
            yield from bar

    return wrap

