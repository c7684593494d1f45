"""The ``termcheck`` command line: parses arguments, calls the library, renders the answer.

Every error the user can act on is a typed error turned into a one-line message and exit
status 2; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from glossary import (
    DEFAULT_NAME,
    CasePolicy,
    EntryType,
    GlossaryError,
    Termbase,
    TermbaseError,
    TermbaseWarning,
    load_termbase,
    lookup,
)
from glossary.atomic import (
    ConcurrentEditError,
    NotRegularFileError,
    PartlyWrittenError,
    write_file,
)
from glossary.cache import compile_index, load_index
from glossary.cachedir import CacheWarning
from glossary.profiles import Profile, ProfileError, find_profile
from glossary.termbase import resolve_path

from . import __version__, datacache
from .config import (
    OFF,
    Config,
    ConfigError,
    check_timeout,
    discover,
    glob_match,
    load_config,
    parse_size,
)
from .engine import (
    AUTO,
    DEFAULT_MAX_FINDINGS,
    Checker,
    CheckOptions,
    Report,
    available_cpus,
    collect_less,
)
from .errors import OutputError
from .findings import Severity
from .inputs import DEFAULT_MAX_FILE_SIZE, read_path_list, read_source
from .language import language_name, normalize_code, region_of, resolve_code
from .limits import (
    DEFAULT_MAX_MEMORY,
    DEFAULT_TIMEOUT,
    CheckTimeout,
    CheckTooLarge,
    human_size,
    timeout_message,
)
from .reporters import FORMATS, render
from .rules import RULES, RULES_BY_CODE
from .styles import StyleChooser, house_styles

# What only some commands need is imported in them (``check`` runs on every commit in CI, so
# its startup counts): the exchange formats and the YAML writer (ruamel), machine translation,
# suggestions, baselines, fixes. The choices below are those of glossary.exchange and
# glossary.providers, which tests/test_datacache.py holds equal.
EXCHANGE_FORMATS = ("tbx", "csv", "json")
PROVIDERS = ("google", "mymemory", "deepl", "libre")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped with Ctrl-C
PROGRESS_MIN_FILES = 20
MAX_WARNINGS = 50  # warnings printed by terms import; the others are counted

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
            from .reporters.github import inert
            click.echo(inert(f"termcheck: {exc}"), err=True)
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
    ctx.with_resource(cache_warnings_shown())


@contextlib.contextmanager
def cache_warnings_shown() -> Iterator[None]:
    """Within a command, a cache that was ignored (``glossary.cachedir.CacheWarning``: a folder
    others may write, a damaged file...) is one line on standard error, once per message."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", CacheWarning)  # counted here: a library's own
        show = warnings.showwarning                    # catch_warnings resets Python's count
        said: set[str] = set()

        def show_cache_warning(message, category, filename, lineno, file=None, line=None):
            if not issubclass(category, CacheWarning):
                show(message, category, filename, lineno, file, line)
            elif str(message) not in said:
                said.add(str(message))
                click.echo(f"termcheck: warning: {message}", err=True)

        warnings.showwarning = show_cache_warning
        yield


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
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Check files in this many processes (0: one per available CPU; never more "
                   "than the CPUs available).")
@click.option("--no-cache", is_flag=True,
              help="Build the termbase index, word lists and language model afresh instead of "
                   "reading them from the cache.")
@click.option("--index", "index_file", metavar="FILE",
              help="Compiled index to use (see 'terms compile'); rebuilt if stale.")
@click.option("--timeout", type=float, callback=_timeout_option, metavar="SECONDS",
              help=f"Skip (and report) a file whose check takes longer than this; 0 for no "
                   f"limit (default {DEFAULT_TIMEOUT:g}).")
@click.option("--max-file-size", metavar="SIZE",
              help="Skip (and report) a file larger than this, without reading it: bytes, or "
                   "with a unit (500kB, 20MB, 1GiB; default 20MB).")
@click.option("--max-memory", metavar="SIZE",
              help="Skip (and report) a file whose check takes the process past this much "
                   "memory; 0 for no limit (default 800MB; Linux only).")
@click.option("--max-findings", type=click.IntRange(min=0), metavar="N",
              help=f"Report at most N findings per file, the most severe first (default "
                   f"{DEFAULT_MAX_FINDINGS:,}; 0 for all); the others are counted on standard "
                   f"error.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Configuration file (default: termcheck.toml or pyproject.toml "
                   "[tool.termcheck], found upward from the working folder).")
@click.option("--style", "styles", multiple=True, metavar="NAME|FILE",
              help="House style: a shipped profile (fr-FR, fr-CA, en-US, en-GB) or a profile "
                   "file; repeat for one per language. Default: the configuration's, else the "
                   "region of the language (--lang fr-CA).")
def check_command(paths: Sequence[str], terms: Sequence[str], lang: str | None,
                  default_lang: str | None, source_lang: str | None,
                  include_fuzzy: bool | None, fmt: str, output: str | None,
                  fail_on: str | None, exit_zero: bool, fix: bool, unsafe_fixes: bool,
                  show_diff: bool, source_file: str | None, target_file: str | None,
                  files_from: str | None, stdin_filename: str | None,
                  exclude: Sequence[str], baseline: str | None, write_baseline: str | None,
                  jobs: int, no_cache: bool, index_file: str | None,
                  timeout: float | None, max_file_size: str | None,
                  max_memory: str | None, max_findings: int | None,
                  config_path: str | None, styles: Sequence[str]) -> None:
    """Check drafts and translations (files, folders, or - for standard input).

    Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage error, a
    broken termbase or configuration, or an input that could not be read (the other inputs are
    still checked and reported).
    """
    # --no-cache also bypasses the cached word lists and language model (until the command ends).
    click.get_current_context().with_resource(datacache.bypassed(no_cache))
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
    index = load_index(list(terms) or config.terms, use_cache=not no_cache,
                       index_file=index_file)
    termbase = index.termbase
    show_termbase_warnings(termbase, list(terms) or config.terms)
    options = check_options(termbase, config, lang=lang, default_lang=default_lang,
                            source_lang=source_lang, include_fuzzy=include_fuzzy,
                            exclude=exclude, stdin_filename=stdin_filename, timeout=timeout,
                            max_file_size=max_file_size, max_memory=max_memory,
                            max_findings=max_findings, styles=styles,
                            debug=bool(click.get_current_context().obj.get("debug")))
    checker = Checker(termbase, options, index)
    if output or write_baseline:  # before anything is checked, fixed or written
        read = [*checker.inputs(paths), *filter(None, [source_file, target_file, files_from]),
                *(resolve_path(t) for t in list(terms) or config.terms)]
        refuse_overwriting_inputs("--output", output, [*read, *filter(None, [baseline])])
        refuse_overwriting_inputs("--write-baseline", write_baseline, read)
    collect_less()
    report = checker.check_paths(paths, jobs=worker_count(jobs),
                                 progress=progress_bar(fmt, output))
    if target_file:
        report.results.append(checker.check_pair(source_file, target_file))
    if fix or show_diff:
        report = apply_fixes(checker, report, write=fix and not show_diff, unsafe=unsafe_fixes)
    if baseline or write_baseline:
        from . import baseline as baseline_file
    if baseline:
        baseline_file.filter_results(report.results, baseline_file.load(baseline))
    if write_baseline:
        count = write_output(write_baseline, "the baseline",
                             lambda: baseline_file.write(write_baseline, report.results))
        click.echo(f"termcheck: {count} findings recorded in {write_baseline}", err=True)
    for result in report.results:
        if result.omitted:
            from .reporters.text import safe  # shown, never obeyed: a name may hold "\n::"
            click.echo(f"termcheck: {safe(result.path)}: {result.omitted:,} more findings not "
                       f"reported (at most {options.max_findings:,} per file, the most severe "
                       f"first; --max-findings 0 reports them all)", err=True)
        if result.language and result.language.source == "fallback":
            click.echo(f"termcheck: {notice_path(result.path, fmt)}: {result.language.reason}; "
                       f"checked as {language_name(result.language.lang)} (set --lang to "
                       "choose)", err=True)
    rendered = render(report, fmt, color=fmt == "text" and not output and sys.stdout.isatty())
    if output:
        # A device or a pipe is written as it is; a file is replaced atomically.
        write_output(output, "the report", lambda: write_file(output, rendered.encode("utf-8")))
    elif not show_diff or report.findings:
        click.echo(rendered, nl=False)
    status = exit_status(report, Severity(fail_on or config.fail_on or "warning"))
    sys.exit(EXIT_OK if exit_zero and status == EXIT_FINDINGS else status)


def notice_path(path: str, fmt: str) -> str:
    """A draft's name in a line on standard error, where a hostile name must not start a line
    of its own (a GitHub workflow command) or speak to the terminal: escaped as workflow command
    data (``%0A``, ``%0D``, ``%25``) in the github format, shown as visible characters (as the
    text report shows it) in the others; bytes that are not UTF-8 as ``\\xNN`` in both."""
    if fmt == "github":
        from .reporters.github import escape_data
        return escape_data(path)
    from .reporters.text import safe
    return safe(path)


def refuse_overwriting_inputs(option: str, output: str | os.PathLike | None,
                              inputs: Sequence[str | os.PathLike]) -> None:
    """A usage error when the file ``option`` would write is one of the ``inputs`` the run
    reads. Files are compared as files (device and inode), so another spelling of the path, a
    symbolic or a hard link to an input is caught too; an output that does not exist yet, or
    is not a regular file (``/dev/stdout``), is no input."""
    if not output:
        return
    try:
        info = os.stat(output)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        return
    for name in inputs:
        if str(name) == "-":
            continue
        try:
            other = os.stat(name)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            shown = "" if str(name) == str(output) else f" (as {name})"
            raise click.UsageError(f"{option} {output} is one of the files this command "
                                   f"reads{shown}; writing it would destroy it, so nothing was "
                                   f"written: choose another file")


def write_output(path: str, what: str, write):
    """``write()``, with an ``OSError`` (no such folder, no permission, a full disk) turned
    into an ``OutputError`` that names the file and what to do."""
    try:
        return write()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write {what} to {path} ({reason}); check that its folder "
                          f"exists and is writable, and that the disk has room") from None


def worker_count(jobs: int) -> int:
    """The processes to check files in for ``--jobs`` (0: one per CPU): never more than the
    CPUs this process may run on, since more cannot check faster and each holds its own
    memory. Lowered silently: ``make -j`` and ``pytest -n`` do not even cap, and a notice on
    every run of a CI configuration shared by machines of several sizes would be noise."""
    return min(jobs, available_cpus()) if jobs else available_cpus()


def check_options(termbase, config: Config, *, lang, default_lang, source_lang, include_fuzzy,
                  exclude, stdin_filename, timeout=None, max_file_size=None, max_memory=None,
                  max_findings=None, styles: Sequence[str] = (), debug=False) -> CheckOptions:
    """Command-line flags over the configuration file over the defaults. Every language code
    is put in the termbase's spelling (``FR``, ``fr-FR`` are ``fr``); one the termbase has no
    forms for is an error, never a check that silently finds nothing."""
    known = tuple(termbase.languages)
    config.resolve_languages(known)

    def resolved(code: str | None, option: str) -> str | None:
        if code is None:
            return None
        if option == "--lang" and code.strip().lower() == AUTO:
            return AUTO
        found, reason = resolve_code(code, known)
        if found is None:
            raise click.BadParameter(reason, param_hint=option)
        return found

    flag_region = region_of(lang) if lang and lang.strip().lower() != AUTO else None
    # The region of the language setting that wins: the flag's, else the configuration's.
    region = flag_region if lang is not None else config.regions.get("lang")
    lang = resolved(lang, "--lang") or config.lang or AUTO
    default_lang = resolved(default_lang, "--default-lang") or config.default_lang or "fr"
    source_lang = resolved(source_lang, "--source-lang") or config.source_lang
    if default_lang not in known:  # the built-in "fr", with a termbase that has no French
        raise click.BadParameter(resolve_code(default_lang, known)[1],
                                 param_hint="--default-lang")
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
        max_memory=(DEFAULT_MAX_MEMORY if max_memory is None else
                    0 if max_memory.strip() == "0" else parse_size(max_memory, "--max-memory")),
        max_findings=DEFAULT_MAX_FINDINGS if max_findings is None else max_findings,
        styles=style_chooser(termbase, config, styles, flag_region),
        region=region,
        region_for=config.region_for if config.regions else None,
        debug=debug)


def style_chooser(termbase, config: Config, flags: Sequence[str],
                  flag_region: str | None) -> StyleChooser:
    """The house styles of a run: ``--style`` values, then the configuration's ``style`` and
    ``styles`` (checked here, against the termbase, with the file and line of each)."""
    extra: list[Profile] = []

    def profiles(names: Sequence[str], where: str, base: Path | None) -> tuple[str, ...]:
        ids: list[str] = []
        languages: dict[str, str] = {}
        for name in names:
            try:
                profile = find_profile(name, base)
            except ProfileError as exc:
                raise ProfileError([replace(p, message=f"{p.message} (given by {where})")
                                    if p.path == name else p for p in exc.problems]) from None
            if profile.language in languages:
                raise click.BadParameter(
                    f"'{languages[profile.language]}' and '{name}' are both "
                    f"{language_name(profile.language)} house styles; give one per language",
                    param_hint=where)
            languages[profile.language] = name
            if not profile.shipped:
                extra.append(profile)
            ids.append(profile.id)
        return tuple(ids)

    base = config.style_base()
    flag_ids = profiles(flags, "--style", None)
    config_ids = profiles(config.style, config.where.get("style", "the configuration"), base)
    per_glob = [(pattern, profiles(names, config.where.get(f"styles.{pattern}", pattern), base))
                for pattern, names in config.styles.items()]
    return StyleChooser(house_styles(termbase, extra), flag_ids, flag_region, config_ids,
                        per_glob, config.matches)


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
    from . import fixes
    results = []
    for result in report.results:
        fixable = result.error is None and result.source is not None and not result.source.stdin
        try:
            with checker.budget():
                new_text, fixed = (fixes.converged_text(result, checker.recheck, unsafe)
                                   if fixable else (None, result))
        except CheckTimeout as exc:
            result.error = (f"fixing it {timeout_message(exc.seconds).replace('; skipped', '')}"
                            "; the file was left as it was")
            results.append(result)
            continue
        except CheckTooLarge as exc:
            result.error = (f"fixing it needs more than {human_size(exc.limit)} of memory (raise "
                            "the budget with --max-memory); the file was left as it was")
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
            # Written only if the file still is as it was read: an edit saved meanwhile wins.
            fixes.write_atomic(result.path, fixes.encode(result.source, new_text),
                               expected=result.source.stamp)
        except ConcurrentEditError:
            result.error = ("changed while it was being checked; not fixed (the changes made "
                            "meanwhile were kept: check it again)")
            results.append(result)
            continue
        except PartlyWrittenError as exc:
            result.error = (f"could not be fixed ({exc.reason}) and may be part written: its "
                            f"original is in {exc.backup}; put it back")
            results.append(result)
            continue
        except NotRegularFileError as exc:
            result.error = f"could not be fixed ({exc.strerror}); the file was left as it was"
            results.append(result)
            continue
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
    from glossary.lookup import answers
    from glossary.serialize import entry_as_data

    from .terms_output import render_lookup
    index = load_index(terms)
    show_termbase_warnings(index.termbase, terms)
    if lang:  # FR, fr-FR: the termbase's fr (an unknown code is said per entry)
        lang = normalize_code(lang, tuple(index.termbase.languages))
    matches, candidates = answers(lookup(index, text, limit=limit))
    if fmt == "json":
        def hit_data(hit):
            data = entry_as_data(hit.entry, expand=True)
            # Relations both ways: an entry named by another's see_also is related to it too.
            data["see_also"] = sorted(index.termbase.related(hit.entry.id))
            if lang:
                data = {k: v for k, v in data.items()
                        if k in ("id", "type", "note", "case", "see_also", lang)}
            return {"score": round(hit.score, 1), "how": hit.how,
                    "matched": {"text": hit.form.text, "lang": hit.form.lang,
                                "status": str(hit.form.status)},
                    "entry": data}
        click.echo(json.dumps({"query": text, "matches": [hit_data(h) for h in matches],
                               "candidates": [hit_data(h) for h in candidates]},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(render_lookup(text, matches, candidates, lang,
                                 lambda entry_id: sorted(index.termbase.related(entry_id))),
                   nl=False)
    sys.exit(EXIT_OK if matches else EXIT_FINDINGS)


@cli.group("terms")
def terms_group() -> None:
    """Validate, describe and convert termbases."""


def show_termbase_warnings(termbase: Termbase, paths: Sequence[str]) -> None:
    """The warnings of the termbase files a user named (what they loaded despite being
    redundant), on standard error; never those of the embedded default, which its users
    cannot edit ('terms validate' shows them)."""
    default = str(resolve_path(DEFAULT_NAME))
    warnings = [w for w in termbase.warnings if w.path != default]
    if warnings:
        from .terms_output import render_warnings
        click.echo(render_warnings(warnings, paths), err=True, nl=False)


@terms_group.command("validate")
@click.argument("files", nargs=-1, metavar="[FILE]...")
@terms_option
@click.option("--all", "show_all", is_flag=True,
              help="List every problem and warning (by default the first 20 of each).")
def validate_command(files: Sequence[str], terms: Sequence[str], show_all: bool) -> None:
    """Check termbase files (layered in order; the embedded default when none is given).

    Reports problems and warnings with their file, line and entry id, the first 20 of each
    unless --all; exit status 2 when there is a problem (warnings alone: 0).
    """
    from glossary.termbase import collect

    from .terms_output import render_problems, render_warnings
    paths = list(files) + list(terms)
    warnings: list[TermbaseWarning] = []
    entries, problems, sources = collect(paths, warnings)  # read once (100,000 entries: seconds)
    click.echo(render_warnings(sorted(warnings, key=lambda w: w.sort_key), paths, show_all),
               err=True, nl=False)
    if problems:
        click.echo(render_problems(sorted(problems, key=lambda p: p.sort_key), paths, show_all),
                   err=True, nl=False)
        sys.exit(EXIT_ERROR)
    noted = f" ({len(warnings):,} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""
    click.echo(f"ok: {len(entries)} entries in {', '.join(sources)}{noted}")


@terms_group.command("compile")
@terms_option
@click.option("--output", "-o", metavar="FILE",
              help="Where to write the compiled index (default: the cache folder, where "
                   "'check' finds it).")
def compile_command(terms: Sequence[str], output: str | None) -> None:
    """Compile the termbase index ahead of time, for a CI cache step.

    'termcheck check --index FILE' uses a compiled file; without --output the index goes to
    the cache folder (TERMCHECK_CACHE_DIR, or the user's cache folder), where every later check
    of the same termbase finds it.
    """
    refuse_overwriting_inputs("--output", output, [resolve_path(t) for t in terms])
    target = write_output(output or "the cache folder", "the compiled index",
                          lambda: compile_index(list(terms), output))
    click.echo(f"compiled index written to {target}")


@terms_group.command("stats")
@terms_option
@format_option
def stats_command(terms: Sequence[str], fmt: str) -> None:
    """Entries per type and language, forms per entry."""
    from glossary.stats import termbase_stats

    from .terms_output import render_stats
    stats = termbase_stats(load_termbase(terms))
    if fmt == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        click.echo(render_stats(stats), nl=False)


# --- translator tools ----------------------------------------------------------------------------
def _interactive() -> bool:
    """True when standard input and output are a terminal (prompts make sense)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _lang_forms(values: Sequence[str], option: str) -> list[tuple[str, str]]:
    """``LANG=TEXT`` option values as (lang, text) pairs."""
    pairs = []
    for value in values:
        lang, sep, text = value.partition("=")
        if not sep or not lang.strip() or not text.strip():
            raise click.BadParameter(f"'{value}' is not LANG=TEXT (e.g. fr=Nikita Khrouchtchev)",
                                     param_hint=option)
        pairs.append((lang.strip(), text.strip()))
    return pairs


def _split_forms(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


@cli.command("suggest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@terms_option
@click.option("--lang", metavar="fr|en|auto",
              help="Language of the drafts and translation targets (default: identified).")
@click.option("--default-lang", metavar="L", help="Language when 'auto' cannot tell.")
@click.option("--translate", "providers", multiple=True, type=click.Choice(PROVIDERS),
              help="Propose the other language's forms with this machine translation "
                   "provider; repeat to ask several.")
@click.option("--no-cache", is_flag=True, help="Do not use the cache of translations.")
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only names seen at least this many times.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True, help="Candidate entries as a termbase (YAML) or as data.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE instead of standard output.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Configuration file (default: found upward from the working folder).")
def suggest_command(paths: Sequence[str], terms: Sequence[str], lang: str | None,
                    default_lang: str | None, providers: Sequence[str], no_cache: bool,
                    min_count: int, fmt: str, output: str | None,
                    config_path: str | None) -> None:
    """Names the termbase does not know yet, mined from drafts and translation files, as
    candidate entries (most frequent first) to review and add.

    Exit status 2 when an input could not be read (the others are still mined); a provider
    that fails is reported in one line and the candidates are printed without its proposals.
    """
    from glossary import providers as providers_module

    from . import suggest as suggest_module
    config = load_config(Path(config_path)) if config_path else discover()
    termbase = load_termbase(list(terms) or config.terms)
    options = check_options(termbase, config, lang=lang, default_lang=default_lang,
                            source_lang=None, include_fuzzy=None, exclude=(),
                            stdin_filename=None)
    checker = Checker(termbase, options)
    refuse_overwriting_inputs("--output", output,
                              [*checker.inputs(paths),
                               *(resolve_path(t) for t in list(terms) or config.terms)])
    services = [providers_module.get_provider(name, cache=not no_cache) for name in providers]
    found = suggest_module.suggest(checker, paths, services, min_count)
    for error in found.errors:
        click.echo(f"termcheck: {error}", err=True)
    for problem in found.provider_errors:
        click.echo(f"termcheck: {problem}; candidates printed without its proposals",
                   err=True)
    if fmt == "json":
        text = json.dumps(suggest_module.as_json(found), ensure_ascii=False, indent=2) + "\n"
    else:
        text = suggest_module.as_yaml(found)
    if output:
        write_output(output, "the candidates", lambda: write_file(output, text.encode("utf-8")))
        click.echo(f"{output}: {len(found.candidates)} candidates", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_ERROR if found.errors else EXIT_OK)


@cli.command("translate")
@click.argument("file", metavar="FILE")
@click.option("--to", "target", required=True, metavar="L", help="Language to translate into.")
@click.option("--from", "source", metavar="L",
              help="Language of FILE (default: identified from the text).")
@click.option("--provider", type=click.Choice(PROVIDERS), default="google", show_default=True,
              help="Machine translation provider (deepl and libre read their key from "
                   "DEEPL_API_KEY, LIBRE_API_KEY).")
@click.option("--no-cache", is_flag=True, help="Do not use the cache of translations.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the translation to FILE instead of standard output.")
@terms_option
def translate_command(file: str, target: str, source: str | None, provider: str,
                      no_cache: bool, output: str | None, terms: Sequence[str]) -> None:
    """Machine-translate a draft for a first version in another language, names and titles
    protected: each known one comes out in the target language's preferred form.

    The translation goes to standard output (or --output); the findings of checking it, and
    names the provider lost, go to standard error. Exit status 2 when the provider fails.
    """
    from glossary import providers as providers_module

    from . import fixes, mt
    termbase = load_termbase(list(terms))
    known = set(termbase.languages)
    for code, hint in ((target, "--to"), (source, "--from")):
        if code is not None and code not in known:
            raise click.BadParameter(f"the termbase has no '{code}' forms (it has "
                                     f"{', '.join(sorted(known))})", param_hint=hint)
    refuse_overwriting_inputs("--output", output, [file, *(resolve_path(t) for t in terms)])
    draft = read_source(file)
    service = providers_module.get_provider(provider, cache=not no_cache)
    checker = Checker(termbase, CheckOptions(lang=source or AUTO))
    result = mt.translate_text(checker, draft.path, draft.text, service, target, source)
    for item in result.lost:
        click.echo(f"termcheck: {file}: the provider lost '{item.source}'; write "
                   f"'{item.target}' where it belongs", err=True)
    if output:
        write_output(output, "the translation",
                     lambda: write_file(output, fixes.encode(draft, result.text)))
    else:
        click.echo(result.text, nl=False)
    if result.check is not None and result.check.findings:
        click.echo(render(Report([result.check]), "text", color=False), err=True, nl=False)


@terms_group.command("add")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--id", "entry_id", metavar="ID",
              help="Kebab-case id (default: made from the English or first preferred form).")
@click.option("--type", "entry_type", type=click.Choice([str(t) for t in EntryType]),
              help="What the entry names.")
@click.option("--note", help="One line telling the entry apart from its namesakes.")
@click.option("--case", "case", type=click.Choice([str(c) for c in CasePolicy]),
              help="Case policy (default: name for people, places and organisations).")
@click.option("--ambiguous/--not-ambiguous", default=None,
              help="Whether its one-word forms are also ordinary words (May, Rice).")
@click.option("--preferred", multiple=True, metavar="LANG=TEXT", help="The preferred form in LANG.")
@click.option("--accepted", multiple=True, metavar="LANG=TEXT",
              help="An accepted form; repeatable.")
@click.option("--avoid", multiple=True, metavar="LANG=TEXT", help="A form to avoid; repeatable.")
@click.option("--short", multiple=True, metavar="LANG=TEXT", help="A short form; repeatable.")
@click.option("--adjective", "adjectives", multiple=True, metavar="LANG=TEXT",
              help="An adjective of the name (fr=bolivienne), not a form of it; repeatable.")
@click.option("--demonym", "demonyms", multiple=True, metavar="LANG=TEXT",
              help="A demonym (fr=Boliviens), not a form of the name; repeatable.")
@click.option("--see-also", "see_also", multiple=True, metavar="ID",
              help="The id of a related entry that is not a variant of this one; repeatable.")
@click.option("--update", is_flag=True,
              help="Change the existing entry with this id: the keys and form lists given "
                   "replace its own, the others are kept.")
@terms_option
def terms_add_command(file: str, entry_id: str | None, entry_type: str | None,
                      note: str | None, case: str | None, ambiguous: bool | None,
                      preferred: Sequence[str], accepted: Sequence[str], avoid: Sequence[str],
                      short: Sequence[str], adjectives: Sequence[str], demonyms: Sequence[str],
                      see_also: Sequence[str], update: bool, terms: Sequence[str]) -> None:
    """Add an entry to the termbase FILE, or change one with --update.

    Forms are LANG=TEXT: --preferred "fr=Nikita Khrouchtchev" --short fr=Khrouchtchev. On a
    terminal, what is missing is asked for. The entry and the resulting file are validated
    first (with the --terms termbases layered below FILE, if given); the rest of the file,
    comments included, is kept byte for byte; a file changed meanwhile is never overwritten.
    """
    from glossary.edit import add_entry, make_id
    data: dict[str, Any] = {}
    for key, value in (("type", entry_type), ("case", case), ("note", note),
                       ("ambiguous", ambiguous)):
        if value is not None:
            data[key] = value
    languages: dict[str, dict[str, Any]] = {}
    if see_also:
        data["see_also"] = list(see_also)
    for status, values in (("preferred", preferred), ("accepted", accepted), ("avoid", avoid),
                           ("short", short), ("adjectives", adjectives),
                           ("demonyms", demonyms)):
        option = {"adjectives": "--adjective", "demonyms": "--demonym"}.get(status, f"--{status}")
        for lang, text in _lang_forms(values, option):
            forms = languages.setdefault(lang, {})
            if status == "preferred":
                if "preferred" in forms:
                    raise click.BadParameter(f"two preferred '{lang}' forms", param_hint=status)
                forms["preferred"] = text
            else:
                forms.setdefault(status, []).append(text)
    if not update and (not entry_type or not any("preferred" in f for f in languages.values())):
        if not _interactive():
            raise click.UsageError("give --type and at least one --preferred LANG=TEXT (run "
                                   "it on a terminal to be asked for them)")
        entry_type, languages, note = _prompt_entry(file, entry_type, languages, note)
        data["type"] = entry_type
        if note:
            data["note"] = note
    if update and not entry_id:
        raise click.UsageError("--update needs the --id of the entry to change")
    for lang, forms in languages.items():
        if not update and "preferred" not in forms:
            raise click.BadParameter(f"'{lang}' forms need a preferred one (--preferred "
                                     f"{lang}=…)", param_hint="--preferred")
    if not entry_id:
        first = languages.get("en", next(iter(languages.values())))["preferred"]
        entry_id = make_id(data["type"], first)
    data = {"id": entry_id, **data}
    for lang, forms in languages.items():
        data[lang] = (forms["preferred"] if list(forms) == ["preferred"] else forms)
    result = add_entry(file, data, update=update, context=list(terms))
    click.echo(f"{result.path}:{result.line}: {result.action} entry '{result.entry_id}'")


@terms_group.command("export")
@click.option("--format", "fmt", type=click.Choice(EXCHANGE_FORMATS), required=True,
              help="tbx (TBX-Basic, TBX v3), csv (one row per entry) or json (schema v1).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE instead of standard output.")
@terms_option
def terms_export_command(fmt: str, output: str | None, terms: Sequence[str]) -> None:
    """Write the termbase (the --terms layers, or the embedded one) as TBX, CSV or JSON."""
    from glossary.exchange import export_termbase
    refuse_overwriting_inputs("--output", output, [resolve_path(t) for t in terms])
    termbase = load_termbase(terms)
    text = export_termbase(termbase, fmt, ", ".join(Path(s).name for s in termbase.sources))
    if output:
        write_output(output, "the termbase", lambda: write_file(output, text.encode("utf-8")))
        click.echo(f"{output}: {len(termbase)} entries", err=True)
    else:
        click.echo(text, nl=False)


@terms_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(EXCHANGE_FORMATS),
              help="The file's format (default: from its suffix, .tbx/.xml, .csv/.tsv, .json).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the termbase to FILE instead of standard output.")
@click.option("--default-type", type=click.Choice([str(t) for t in EntryType]),
              default="other", show_default=True,
              help="Type of the entries whose file gives none.")
def terms_import_command(file: str, fmt: str | None, output: str | None,
                         default_type: str) -> None:
    """Turn a TBX, CSV or JSON file into a termcheck termbase (YAML).

    What had to be changed (several preferred terms, terms without status, unknown data
    categories, a term in two concepts) is reported on standard error, one warning per line.
    """
    from glossary.exchange import import_file, imported_text
    refuse_overwriting_inputs("--output", output, [file])
    result = import_file(file, fmt, default_type)
    text, problems = imported_text(result, Path(file).name)
    if problems:
        raise TermbaseError(problems)
    for line in result.warnings[:MAX_WARNINGS]:
        click.echo(f"termcheck: warning: {line}", err=True)
    if len(result.warnings) > MAX_WARNINGS:
        click.echo(f"termcheck: … and {len(result.warnings) - MAX_WARNINGS} more warnings",
                   err=True)
    count = text.count("\n- id: ")
    if output:
        write_output(output, "the termbase", lambda: write_file(output, text.encode("utf-8")))
        click.echo(f"{output}: {count} entries imported", err=True)
    else:
        click.echo(text, nl=False)


def _prompt_entry(file: str, entry_type: str | None, languages: dict[str, dict[str, Any]],
                  note: str | None) -> tuple[str, dict[str, dict[str, Any]], str | None]:
    """Ask on the terminal for what the flags left out."""
    if not entry_type:
        entry_type = click.prompt("type", type=click.Choice([str(t) for t in EntryType]),
                                  default="person")
    codes = list(languages) or ["en", "fr"]
    for lang in codes:
        forms = languages.setdefault(lang, {})
        if "preferred" not in forms:
            text = click.prompt(f"{lang} preferred form (empty: none)", default="",
                                show_default=False).strip()
            if not text:
                languages.pop(lang)
                continue
            forms["preferred"] = text
        for status in ("accepted", "avoid", "short"):
            if status not in forms:
                extra = _split_forms(click.prompt(f"{lang} {status} forms (separated by |)",
                                                  default="", show_default=False))
                if extra:
                    forms[status] = extra
    if not languages:
        raise click.UsageError("an entry needs at least one preferred form")
    if note is None:
        note = click.prompt("note (one line, empty: none)", default="",
                            show_default=False).strip() or None
    return entry_type, languages, note


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``termcheck`` console script."""
    cli.main(args=argv, prog_name="termcheck")

