"""``termcheck terms``: validate, compile, describe, convert and edit termbases (``validate``,
``compile``, ``stats``, ``export``, ``import``, ``add``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from glossary import CasePolicy, EntryType, TermbaseError, TermbaseWarning, load_termbase
from glossary.atomic import write_file
from glossary.index.cache import compile_index, load_stats
from glossary.langtags import split_tag
from glossary.termbase import resolve_path

from ..app import EXIT_ERROR, refuse_overwriting_inputs
from ..i18n import N_
from .common import (
    EXCHANGE_FORMATS,
    format_option,
    patchable,
    terms_option,
    usage_errors,
    write_output,
)
from .group import cli

MAX_WARNINGS = 50  # warnings printed by terms import; the others are counted


@cli.group("terms", help=N_("Validate, describe and convert termbases."))
def terms_group() -> None:
    pass


@terms_group.command("validate", help=N_(
    "Check termbase files (layered in order; the embedded default when none is given).\n\n"
    "Reports problems and warnings with their file, line and entry id, the first 20 of each "
    "unless --all; exit status 2 when there is a problem (warnings alone: 0)."))
@click.argument("files", nargs=-1, metavar="[FILE]...")
@terms_option
@click.option("--all", "show_all", is_flag=True,
              help=N_("List every problem and warning (by default the first 20 of each)."))
def validate_command(files: Sequence[str], terms: Sequence[str], show_all: bool) -> None:
    from glossary.termbase import collect

    from ..terms_output import render_problems, render_warnings
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


@terms_group.command("compile", help=N_(
    "Compile the termbase index ahead of time, for a CI cache step.\n\n"
    "'termcheck check --index FILE' uses a compiled file; without --output the index goes to "
    "the cache folder (TERMCHECK_CACHE_DIR, or the user's cache folder), where every later "
    "check of the same termbase finds it."))
@terms_option
@click.option("--output", "-o", metavar="FILE",
              help=N_("Where to write the compiled index (default: the cache folder, where "
                      "'check' finds it)."))
@usage_errors
def compile_command(terms: Sequence[str], output: str | None) -> None:
    refuse_overwriting_inputs("--output", output, [resolve_path(t) for t in terms])
    target = write_output(output or "the cache folder", "the compiled index",
                          lambda: compile_index(list(terms), output))
    click.echo(f"compiled index written to {target}")


@terms_group.command("stats", help=N_(
    "Entries per type and language, forms per entry."))
@terms_option
@format_option
def stats_command(terms: Sequence[str], fmt: str) -> None:
    # The figures are kept in the compiled index (compiled here when the cache has none up
    # to date), so that they come back in a fraction of a second for a large termbase.
    from ..terms_output import render_stats
    stats = load_stats(terms)
    if fmt == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        click.echo(render_stats(stats), nl=False)


# --- terms add ---------------------------------------------------------------------------------
def _interactive() -> bool:
    """True when standard input and output are a terminal (prompts make sense)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _lang_forms(values: Sequence[str], option: str) -> list[tuple[str, str]]:
    """``LANG=TEXT`` option values as (lang, text) pairs, the language tag written as
    termbases write it (``FR``, ``fr_ca``: ``fr``, ``fr-CA``)."""
    pairs = []
    for value in values:
        lang, sep, text = value.partition("=")
        if not sep or not lang.strip() or not text.strip():
            raise click.BadParameter(f"'{value}' is not LANG=TEXT (e.g. fr=Nikita Khrouchtchev)",
                                     param_hint=option)
        tag = split_tag(lang)
        pairs.append((str(tag) if tag is not None else lang.strip(), text.strip()))
    return pairs


def _split_forms(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


@terms_group.command("add", help=N_(
    "Add an entry to the termbase FILE, or change one with --update.\n\n"
    "Forms are LANG=TEXT: --preferred \"fr=Nikita Khrouchtchev\" --short fr=Khrouchtchev. A "
    "FILE that does not exist yet is created, a new termbase holding the entry. On a "
    "terminal, what is missing is asked for. The entry and the resulting file are validated "
    "first (with the --terms termbases layered below FILE, if given); the rest of the file, "
    "comments included, is kept byte for byte; a file changed meanwhile is never "
    "overwritten."))
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--id", "entry_id", metavar="ID",
              help=N_("Kebab-case id (default: made from the English or first preferred form)."))
@click.option("--type", "entry_type", type=click.Choice([str(t) for t in EntryType]),
              help=N_("What the entry names."))
@click.option("--note", help=N_("One line telling the entry apart from its namesakes."))
@click.option("--case", "case", type=click.Choice([str(c) for c in CasePolicy]),
              help=N_("Case policy (default: name for people, places and organisations)."))
@click.option("--ambiguous/--not-ambiguous", default=None,
              help=N_("Whether its one-word forms are also ordinary words (May, Rice)."))
@click.option("--preferred", multiple=True, metavar="LANG=TEXT",
              help=N_("The preferred form in LANG."))
@click.option("--accepted", multiple=True, metavar="LANG=TEXT",
              help=N_("An accepted form; repeatable."))
@click.option("--avoid", multiple=True, metavar="LANG=TEXT",
              help=N_("A form to avoid; repeatable."))
@click.option("--short", multiple=True, metavar="LANG=TEXT", help=N_("A short form; repeatable."))
@click.option("--adjective", "adjectives", multiple=True, metavar="LANG=TEXT",
              help=N_("An adjective of the name (fr=bolivienne), not a form of it; repeatable."))
@click.option("--demonym", "demonyms", multiple=True, metavar="LANG=TEXT",
              help=N_("A demonym (fr=Boliviens), not a form of the name; repeatable."))
@click.option("--see-also", "see_also", multiple=True, metavar="ID",
              help=N_("The id of a related entry that is not a variant of this one; repeatable."))
@click.option("--update", is_flag=True,
              help=N_("Change the existing entry with this id: the keys and form lists given "
                      "replace its own, the others are kept."))
@terms_option
def terms_add_command(file: str, entry_id: str | None, entry_type: str | None,
                      note: str | None, case: str | None, ambiguous: bool | None,
                      preferred: Sequence[str], accepted: Sequence[str], avoid: Sequence[str],
                      short: Sequence[str], adjectives: Sequence[str], demonyms: Sequence[str],
                      see_also: Sequence[str], update: bool, terms: Sequence[str]) -> None:
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
        if not patchable()._interactive():
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
    if result.created:
        click.echo(f"termcheck: {result.path}: created, a new termbase", err=True)
    click.echo(f"{result.path}:{result.line}: {result.action} entry '{result.entry_id}'")


@terms_group.command("export", help=N_(
    "Write the termbase (the --terms layers, or the embedded one) as TBX, CSV or JSON."))
@click.option("--format", "fmt", type=click.Choice(EXCHANGE_FORMATS), required=True,
              help=N_("tbx (TBX-Basic, TBX v3), tbx-basic (TBX-Basic, ISO 30042:2008: "
                      "translate-toolkit, Weblate), csv (one row per entry) or json (schema v1)."))
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help=N_("Write to FILE instead of standard output."))
@terms_option
@usage_errors
def terms_export_command(fmt: str, output: str | None, terms: Sequence[str]) -> None:
    from glossary.exchange import export_termbase
    refuse_overwriting_inputs("--output", output, [resolve_path(t) for t in terms])
    termbase = load_termbase(terms)
    text = export_termbase(termbase, fmt, ", ".join(Path(s).name for s in termbase.sources))
    if output:
        write_output(output, "the termbase", lambda: write_file(output, text.encode("utf-8")))
        click.echo(f"{output}: {len(termbase)} entries", err=True)
    else:
        click.echo(text, nl=False)


@terms_group.command("import", help=N_(
    "Turn a TBX, CSV or JSON file into a termcheck termbase (YAML).\n\n"
    "What had to be changed (several preferred terms, terms without status, unknown data "
    "categories, a term in two concepts) is reported on standard error, one warning per "
    "line."))
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(EXCHANGE_FORMATS),
              help=N_("The file's format (default: from its suffix, .tbx/.xml, .csv/.tsv, .json)."))
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help=N_("Write the termbase to FILE instead of standard output."))
@click.option("--default-type", type=click.Choice([str(t) for t in EntryType]),
              default="other", show_default=True,
              help=N_("Type of the entries whose file gives none."))
@usage_errors
def terms_import_command(file: str, fmt: str | None, output: str | None,
                         default_type: str) -> None:
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
