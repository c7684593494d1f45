"""The ``termcheck`` command line: parses arguments, calls the library, renders the answer.

Every error the user can act on is a typed error turned into a one-line message and exit
status 2; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from glossary import GlossaryError, TermIndex, load_termbase, lookup, validate_files
from glossary.lookup import answers
from glossary.serialize import entry_as_data
from glossary.stats import termbase_stats

from . import __version__, fixes
from . import baseline as baseline_file
from .config import OFF, Config, discover, glob_match, load_config, parse_size
from .engine import AUTO, Checker, CheckOptions, Report
from .errors import OutputError
from .findings import Severity
from .inputs import DEFAULT_MAX_FILE_SIZE, read_path_list
from .language import language_name
from .limits import DEFAULT_TIMEOUT, CheckTimeout, time_limit, timeout_message
from .reporters import FORMATS, render
from .rules import RULES, RULES_BY_CODE
from .terms_output import render_lookup, render_problems, render_stats

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped with Ctrl-C
PROGRESS_MIN_FILES = 20

terms_option = click.option(
    "--terms", "terms", multiple=True, metavar="FILE",
    help="Termbase file; repeat to layer several (later files win). 'default' names the "
         "embedded termbase, so '--terms default --terms house.yaml' extends it.")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]),
                             default="text", show_default=True, help="Output format.")


class TermcheckGroup(click.Group):
    """Turns the library's typed errors into a clear message and exit status 2; anything else
    (a bug) into a one-line message that says how to report it. Tracebacks only with
    ``--debug``."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"termcheck: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # The reader of the report went away (termcheck check … | head): not an error of
            # termcheck's; say nothing more on a closed pipe.
            _silence_stdout()
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("termcheck: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"termcheck: internal error: {type(exc).__name__}: {exc}\n"
                       "termcheck: this is a bug of termcheck's; please report it with the "
                       "command and its inputs (run it again with --debug for the traceback)",
                       err=True)
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=TermcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termcheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Keep names and titles consistent across French and English drafts and translations."""
    ctx.obj = {"debug": debug}


@cli.command("check")
@click.argument("paths", nargs=-1, metavar="PATH...")
@terms_option
@click.option("--lang", metavar="fr|en|auto",
              help="Language of the drafts and translation targets; 'auto' (the default) "
                   "identifies it from each text.")
@click.option("--default-lang", metavar="L",
              help="Language assumed when 'auto' cannot tell (short or mixed text); default fr.")
@click.option("--source-lang", metavar="L",
              help="Language of translation sources, when the file does not say.")
@click.option("--include-fuzzy", is_flag=True, default=None,
              help="Report findings in fuzzy (unreviewed) translations at their severity, "
                   "not as info.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice([str(s) for s in Severity]),
              help="Exit with status 1 when a finding reaches this severity (default warning).")
@click.option("--exit-zero", is_flag=True,
              help="Exit with status 0 even with findings (still 2 when an input is unreadable).")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report the rest.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff, also apply typo, transliteration and other guesses.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the changes --fix would make, as a unified diff; write nothing.")
@click.option("--source", "source_file", metavar="FILE",
              help="With --target: a plain-text source whose line i the target's line i "
                   "translates.")
@click.option("--target", "target_file", metavar="FILE",
              help="With --source: the aligned plain-text translation to check.")
@click.option("--files-from", metavar="FILE",
              help="Also check the paths listed in FILE, one per line ('-': standard input).")
@click.option("--stdin-filename", metavar="NAME",
              help="Name (and format, by its suffix) of the draft read from standard input.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip paths matching GLOB.")
@click.option("--baseline", metavar="FILE",
              help="Do not report the findings recorded in FILE (see --write-baseline).")
@click.option("--write-baseline", metavar="FILE",
              help="Record the current findings in FILE, to accept them for now.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Check files in this many processes.")
@click.option("--timeout", type=click.FloatRange(min=0), metavar="SECONDS",
              help=f"Skip (and report) a file whose check takes longer than this; 0 for no "
                   f"limit (default {DEFAULT_TIMEOUT:g}).")
@click.option("--max-file-size", metavar="SIZE",
              help="Skip (and report) a file larger than this, without reading it: bytes, or "
                   "with a unit (500kB, 20MB, 1GiB; default 20MB).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Configuration file (default: termcheck.toml or pyproject.toml "
                   "[tool.termcheck], found upward from the working folder).")
def check_command(paths: Sequence[str], terms: Sequence[str], lang: str | None,
                  default_lang: str | None, source_lang: str | None,
                  include_fuzzy: bool | None, fmt: str, output: str | None,
                  fail_on: str | None, exit_zero: bool, fix: bool, unsafe_fixes: bool,
                  show_diff: bool, source_file: str | None, target_file: str | None,
                  files_from: str | None, stdin_filename: str | None,
                  exclude: Sequence[str], baseline: str | None, write_baseline: str | None,
                  jobs: int, timeout: float | None, max_file_size: str | None,
                  config_path: str | None) -> None:
    """Check drafts and translations (files, folders, or - for standard input).

    Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage error, a
    broken termbase or configuration, or an input that could not be read (the other inputs are
    still checked and reported).
    """
    config = load_config(Path(config_path)) if config_path else discover()
    paths = list(paths) + (read_path_list(files_from) if files_from else [])
    if bool(source_file) != bool(target_file):
        raise click.UsageError("--source and --target go together")
    if not paths and not target_file:
        if files_from:  # a pipeline's list of changed drafts may well be empty
            click.echo("termcheck: no files to check", err=True)
            sys.exit(EXIT_OK)
        raise click.UsageError("give at least one PATH (or --files-from FILE, or --source "
                               "and --target)")
    termbase = load_termbase(list(terms) or config.terms)
    options = check_options(termbase, config, lang=lang, default_lang=default_lang,
                            source_lang=source_lang, include_fuzzy=include_fuzzy,
                            exclude=exclude, stdin_filename=stdin_filename, timeout=timeout,
                            max_file_size=max_file_size,
                            debug=bool(click.get_current_context().obj.get("debug")))
    checker = Checker(termbase, options)
    report = checker.check_paths(paths, jobs=jobs, progress=progress_bar(fmt, output))
    if target_file:
        report.results.append(checker.check_pair(source_file, target_file))
    if fix or show_diff:
        report = apply_fixes(checker, report, write=fix and not show_diff, unsafe=unsafe_fixes)
    if baseline:
        baseline_file.filter_results(report.results, baseline_file.load(baseline))
    if write_baseline:
        count = write_output(write_baseline, "the baseline",
                             lambda: baseline_file.write(write_baseline, report.results))
        click.echo(f"termcheck: {count} findings recorded in {write_baseline}", err=True)
    for result in report.results:
        if result.language and result.language.source == "fallback":
            click.echo(f"termcheck: {result.path}: {result.language.reason}; checked as "
                       f"{language_name(result.language.lang)} (set --lang to choose)", err=True)
    rendered = render(report, fmt, color=fmt == "text" and not output and sys.stdout.isatty())
    if output:
        # Written in place, not renamed over: the output may be a device or a pipe.
        write_output(output, "the report",
                     lambda: Path(output).write_text(rendered, encoding="utf-8"))
    elif not show_diff or report.findings:
        click.echo(rendered, nl=False)
    status = exit_status(report, Severity(fail_on or config.fail_on or "warning"))
    sys.exit(EXIT_OK if exit_zero and status == EXIT_FINDINGS else status)


def write_output(path: str, what: str, write):
    """``write()``, with an ``OSError`` (no such folder, no permission, a full disk) turned
    into an ``OutputError`` that names the file and what to do."""
    try:
        return write()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write {what} to {path} ({reason}); check that its folder "
                          f"exists and is writable, and that the disk has room") from None


def check_options(termbase, config: Config, *, lang, default_lang, source_lang, include_fuzzy,
                  exclude, stdin_filename, timeout=None, max_file_size=None,
                  debug=False) -> CheckOptions:
    """Command-line flags over the configuration file over the defaults."""
    lang = lang or config.lang or AUTO
    default_lang = default_lang or config.default_lang or "fr"
    source_lang = source_lang or config.source_lang
    known = set(termbase.languages)
    for code in {lang, default_lang, source_lang} - {AUTO, None}:
        if code not in known:
            raise click.BadParameter(f"the termbase has no '{code}' forms (it has "
                                     f"{', '.join(sorted(known))})", param_hint="--lang")
    rules = tuple(r for r in RULES if config.rules.get(r.code) != OFF)
    severities = tuple((code, Severity(level)) for code, level in config.rules.items()
                       if level != OFF)
    patterns = [*config.exclude, *exclude]

    def excluded(path: str) -> bool:
        return config.excluded(path) or any(glob_match(config.relative(path), p)
                                            for p in exclude)

    return CheckOptions(
        lang=lang, default_lang=default_lang, source_lang=source_lang,
        include_fuzzy=bool(include_fuzzy if include_fuzzy is not None
                           else config.include_fuzzy),
        rules=rules, severities=severities,
        language_for=config.language_for if config.languages else None,
        excluded=excluded if patterns else None, stdin_name=stdin_filename,
        timeout=timeout if timeout is not None else (
            config.timeout if config.timeout is not None else DEFAULT_TIMEOUT),
        max_file_size=(parse_size(max_file_size, "--max-file-size") if max_file_size
                       else config.max_file_size or DEFAULT_MAX_FILE_SIZE),
        debug=debug)


def progress_bar(fmt: str, output: str | None):
    """A progress bar on standard error for many files on a terminal; never in CI logs or when
    the report is piped."""
    if not sys.stderr.isatty() or os.environ.get("CI") or (fmt == "text" and not output
                                                           and not sys.stdout.isatty()):
        return None

    def wrap(results, total):
        if total < PROGRESS_MIN_FILES:
            yield from results
            return
        with click.progressbar(results, length=total, label="checking", file=sys.stderr) as bar:
            yield from bar

    return wrap


def apply_fixes(checker: Checker, report: Report, *, write: bool, unsafe: bool) -> Report:
    """Fix each file (or print the diff when not writing); fixed files are checked again so the
    report shows what is left."""
    results = []
    for result in report.results:
        fixable = result.error is None and result.source is not None and not result.source.stdin
        try:
            with time_limit(checker.options.timeout):
                new_text, fixed = (fixes.converged_text(result, checker.recheck, unsafe)
                                   if fixable else (None, result))
        except CheckTimeout as exc:
            result.error = (f"fixing it {timeout_message(exc.seconds).replace('; skipped', '')}"
                            "; the file was left as it was")
            results.append(result)
            continue
        if new_text is None:
            results.append(result)
            continue
        if not write:
            click.echo(fixes.diff(result, new_text), nl=False)
            results.append(result)
            continue
        try:
            fixes.write_atomic(result.path, fixes.encode(result.source, new_text))
        except OSError as exc:
            result.error = (f"could not be fixed ({exc.strerror or exc}); the file was left as "
                            "it was: check that it and its folder are writable")
            results.append(result)
            continue
        results.append(fixed)
    return Report(results)


def exit_status(report: Report, fail_on: Severity) -> int:
    """2 when an input could not be read, 1 when a finding reaches ``fail_on``, else 0."""
    if report.errors:
        return EXIT_ERROR
    if any(f.severity.rank >= fail_on.rank for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


@cli.command("explain")
@click.argument("rule", required=False)
def explain_command(rule: str | None) -> None:
    """What a rule flags, why, an example, what to write instead, and whether its fix is safe.

    Without RULE, lists the rules.
    """
    if rule is None:
        for item in RULES:
            click.echo(f"{item.code:<16} {item.severity!s:<8} {item.summary}")
        return
    found = RULES_BY_CODE.get(rule)
    if found is None:
        raise click.BadParameter(f"no rule '{rule}'; rules: {', '.join(RULES_BY_CODE)}",
                                 param_hint="RULE")
    click.echo(found.doc.strip() + f"\n\nDefault severity: {found.severity}\n")


@cli.command("lookup")
@click.argument("text")
@click.option("--lang", metavar="L", help="Show only this language's forms (e.g. fr).")
@click.option("--limit", default=5, show_default=True, help="At most this many entries.")
@terms_option
@format_option
def lookup_command(text: str, lang: str | None, limit: int, terms: Sequence[str],
                   fmt: str) -> None:
    """How a name or title is written in each language.

    Case-, accent- and typo-tolerant: 'patrouchev', 'PATRUSHEV' and 'Patrouchef' all find
    Nikolai Patrushev. Exit status 1 when no entry matches.
    """
    termbase = load_termbase(terms)
    matches, candidates = answers(lookup(TermIndex(termbase), text, limit=limit))
    if fmt == "json":
        def hit_data(hit):
            data = entry_as_data(hit.entry, expand=True)
            if lang:
                data = {k: v for k, v in data.items() if k in ("id", "type", "note", "case", lang)}
            return {"score": round(hit.score, 1), "how": hit.how,
                    "matched": {"text": hit.form.text, "lang": hit.form.lang,
                                "status": str(hit.form.status)},
                    "entry": data}
        click.echo(json.dumps({"query": text, "matches": [hit_data(h) for h in matches],
                               "candidates": [hit_data(h) for h in candidates]},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(render_lookup(text, matches, candidates, lang), nl=False)
    sys.exit(EXIT_OK if matches else EXIT_FINDINGS)


@cli.group("terms")
def terms_group() -> None:
    """Validate, describe and convert termbases."""


@terms_group.command("validate")
@click.argument("files", nargs=-1, metavar="[FILE]...")
@terms_option
def validate_command(files: Sequence[str], terms: Sequence[str]) -> None:
    """Check termbase files (layered in order; the embedded default when none is given).

    Reports every problem with its file, line and entry id; exit status 2 when there is one.
    """
    paths = list(files) + list(terms)
    problems = validate_files(paths)
    if problems:
        click.echo(render_problems(problems), err=True, nl=False)
        sys.exit(EXIT_ERROR)
    termbase = load_termbase(paths)
    click.echo(f"ok: {len(termbase)} entries in {', '.join(termbase.sources)}")


@terms_group.command("stats")
@terms_option
@format_option
def stats_command(terms: Sequence[str], fmt: str) -> None:
    """Entries per type and language, forms per entry."""
    stats = termbase_stats(load_termbase(terms))
    if fmt == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        click.echo(render_stats(stats), nl=False)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``termcheck`` console script."""
    cli.main(args=argv, prog_name="termcheck")

