"""``termcheck lookup``: how a name or title is written in each language, in the termbase the
settings name (the configuration's ``terms`` layers, as ``check`` uses)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from glossary import lookup

from ..app import EXIT_FINDINGS, EXIT_OK, open_index
from ..i18n import N_
from ..language import normalize_code
from .common import (
    color_option,
    config_option,
    format_option,
    settings_from,
    show_termbase_warnings,
    terms_option,
    use_color,
)
from .group import cli


@cli.command("lookup", help=N_(
    "How a name or title is written in each language.\n\n"
    "Case-, accent- and typo-tolerant: 'patrouchev', 'PATRUSHEV' and 'Patrouchef' all find "
    "Nikolai Patrushev. Exit status 1 when no entry matches."))
@click.argument("text")
@click.option("--lang", metavar="L",
              help=N_("Show only this language's forms (fr, en; any case, a region allowed)."))
@click.option("--limit", default=5, show_default=True, help=N_("At most this many entries."))
@terms_option
@format_option
@color_option
@config_option
def lookup_command(text: str, lang: str | None, limit: int, terms: Sequence[str],
                   fmt: str, color: str, config_path: str | None) -> None:
    from glossary.lookup import answers

    from ..terms_output import lookup_as_json, render_lookup
    # --lang here chooses the forms shown; it is not the drafts' language of the settings.
    settings = settings_from(config_path=config_path, terms=terms)
    index = open_index(settings)
    show_termbase_warnings(index.termbase, settings.terms)
    if lang:  # FR, fr-FR: the termbase's fr (an unknown code is said per entry)
        lang = normalize_code(lang, tuple(index.termbase.languages))
    matches, candidates = answers(lookup(index, text, limit=limit))

    def related(entry_id: str) -> list[str]:
        return sorted(index.termbase.related(entry_id))

    if fmt == "json":
        click.echo(lookup_as_json(text, matches, candidates, lang, related))
    else:
        click.echo(render_lookup(text, matches, candidates, lang, related), nl=False,
                   color=use_color(color, sys.stdout))
    sys.exit(EXIT_OK if matches else EXIT_FINDINGS)
