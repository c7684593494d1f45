"""``termcheck suggest``: names the termbase does not know yet, mined from drafts, as candidate
entries; with the settings ``check`` uses (termbase layers, languages, excludes, caches)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from glossary.atomic import write_file

from ..app import EXIT_ERROR, EXIT_OK, open_checker, refuse_overwriting_inputs, termbase_files
from ..i18n import N_
from .common import (
    PROVIDERS,
    config_option,
    default_lang_option,
    lang_option,
    no_cache_option,
    renamed,
    settings_from,
    terms_option,
    usage_errors,
    write_output,
)
from .group import cli


@cli.command("suggest", help=N_(
    "Names the termbase does not know yet, mined from drafts and translation files, as "
    "candidate entries (most frequent first) to review and add.\n\n"
    "Exit status 2 when an input could not be read (the others are still mined); a provider "
    "that fails is reported in one line and the candidates are printed without its "
    "proposals."))
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@terms_option
@lang_option
@default_lang_option
@click.option("--provider", "providers", multiple=True,
              type=click.Choice(PROVIDERS, case_sensitive=False),
              help=N_("Propose the other language's forms with this machine translation "
                      "provider, an online service; repeat to ask several (none by default)."))
@no_cache_option
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True,
              help=N_("Only names seen at least this many times."))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"], case_sensitive=False),
              default="yaml", show_default=True,
              help=N_("Candidate entries as a termbase (YAML) or as data."))
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help=N_("Write to FILE instead of standard output."))
@config_option
@renamed("--translate", "--provider", "providers", multiple=True,
         type=click.Choice(PROVIDERS, case_sensitive=False))
@usage_errors
def suggest_command(paths: Sequence[str], terms: Sequence[str], lang: str | None,
                    default_lang: str | None, providers: Sequence[str], no_cache: bool,
                    min_count: int, fmt: str, output: str | None,
                    config_path: str | None) -> None:
    from ..tools import providers as providers_module
    from ..tools import suggest as suggest_module
    from ..tools.suggest_output import as_json, as_yaml
    settings = settings_from(config_path=config_path, terms=terms, lang=lang,
                             default_lang=default_lang, no_cache=no_cache)
    checker = open_checker(settings).checker
    refuse_overwriting_inputs("--output", output,
                              [*checker.inputs(paths), *termbase_files(settings)])
    services = [providers_module.get_provider(name, cache=settings.use_cache)
                for name in providers]
    found = suggest_module.suggest(checker, paths, services, min_count)
    for error in found.errors:
        click.echo(f"termcheck: {error}", err=True)
    for problem in found.provider_errors:
        click.echo(f"termcheck: {problem}; candidates printed without its proposals",
                   err=True)
    if fmt == "json":
        text = json.dumps(as_json(found), ensure_ascii=False, indent=2) + "\n"
    else:
        text = as_yaml(found)
    if output:
        write_output(output, "the candidates", lambda: write_file(output, text.encode("utf-8")))
        click.echo(f"{output}: {len(found.candidates)} candidates", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_ERROR if found.errors else EXIT_OK)

