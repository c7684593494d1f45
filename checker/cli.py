"""The ``termcheck`` command line: parses arguments, calls the library, renders the answer.

Every error the user can act on is a typed error turned into a one-line message and exit
status 2; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from glossary import GlossaryError, TermIndex, load_termbase, lookup, validate_files
from glossary.lookup import answers
from glossary.serialize import entry_as_data
from glossary.stats import termbase_stats

from . import __version__
from .engine import AUTO, Checker, CheckOptions, Report
from .findings import Severity
from .language import language_name
from .reporters import FORMATS, render
from .rules import RULES, RULES_BY_CODE
from .terms_output import render_lookup, render_problems, render_stats

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

terms_option = click.option(
    "--terms", "terms", multiple=True, metavar="FILE",
    help="Termbase file; repeat to layer several (later files win). 'default' names the "
         "embedded termbase, so '--terms default --terms house.yaml' extends it.")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]),
                             default="text", show_default=True, help="Output format.")


class TermcheckGroup(click.Group):
    """Turns the library's typed errors into a clear message and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"termcheck: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=TermcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termcheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Keep names and titles consistent across French and English drafts and translations."""
    ctx.obj = {"debug": debug}


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@terms_option
@click.option("--lang", default=AUTO, show_default=True, metavar="fr|en|auto",
              help="Language of the drafts; 'auto' identifies it from each text.")
@click.option("--default-lang", default="fr", show_default=True, metavar="L",
              help="Language assumed when 'auto' cannot tell (short or mixed text).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice([str(s) for s in Severity]), default="warning",
              show_default=True, help="Exit with status 1 when a finding reaches this severity.")
@click.option("--exit-zero", is_flag=True,
              help="Exit with status 0 even with findings (still 2 when an input is unreadable).")
def check_command(paths: Sequence[str], terms: Sequence[str], lang: str, default_lang: str,
                  fmt: str, output: str | None, fail_on: str, exit_zero: bool) -> None:
    """Check drafts (files, folders, or - for standard input) against the termbase.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when the termbase is
    broken or an input could not be read (the other inputs are still checked and reported).
    """
    termbase = load_termbase(terms)
    known = set(termbase.languages)
    for code in {lang, default_lang} - {AUTO}:
        if code not in known:
            raise click.BadParameter(f"the termbase has no '{code}' forms (it has "
                                     f"{', '.join(sorted(known))})", param_hint="--lang")
    checker = Checker(termbase, CheckOptions(lang=lang, default_lang=default_lang))
    report = checker.check_paths(paths)
    for result in report.results:
        if result.language and result.language.source == "fallback":
            click.echo(f"termcheck: {result.path}: {result.language.reason}; checked as "
                       f"{language_name(result.language.lang)} (set --lang to choose)", err=True)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(render(report, fmt))
    else:
        click.echo(render(report, fmt, color=fmt == "text" and sys.stdout.isatty()), nl=False)
    status = exit_status(report, Severity(fail_on))
    sys.exit(EXIT_OK if exit_zero and status == EXIT_FINDINGS else status)


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

