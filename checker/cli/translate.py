"""``termcheck translate``: a draft machine-translated with its names protected, then checked;
with the settings ``check`` uses (termbase layers, rules switched off, caches)."""

from __future__ import annotations

from collections.abc import Sequence

import click

from glossary.atomic import write_file

from ..app import open_checker, open_index, refuse_overwriting_inputs, termbase_files
from ..inputs import read_source
from ..report import Report
from ..reporters import render
from .common import (
    PROVIDERS,
    config_option,
    settings_from,
    terms_option,
    usage_errors,
    write_output,
)
from .group import cli


@cli.command("translate")
@click.argument("file", metavar="FILE")
@click.option("--to", "target", required=True, metavar="L", help="Language to translate into.")
@click.option("--from", "source", metavar="L",
              help="Language of FILE (default: identified from the text).")
@click.option("--provider", type=click.Choice(PROVIDERS), default="google", show_default=True,
              help="Machine translation provider (deepl and libre read their key from "
                   "DEEPL_API_KEY, LIBRE_API_KEY).")
@click.option("--no-cache", is_flag=True,
              help="Read no cache (termbase index, word lists, language model, translations): "
                   "build each afresh.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the translation to FILE instead of standard output.")
@terms_option
@config_option
@usage_errors
def translate_command(file: str, target: str, source: str | None, provider: str,
                      no_cache: bool, output: str | None, terms: Sequence[str],
                      config_path: str | None) -> None:
    """Machine-translate a draft for a first version in another language, names and titles
    protected: each known one comes out in the target language's preferred form.

    The translation goes to standard output (or --output); the findings of checking it, and
    names the provider lost, go to standard error. Exit status 2 when the provider fails.
    """
    from ..tools import fixes, translate
    from ..tools import providers as providers_module
    settings = settings_from(config_path=config_path, terms=terms, lang=source,
                             no_cache=no_cache)
    index = open_index(settings)
    termbase = index.termbase
    known = set(termbase.languages)
    for code, hint in ((target, "--to"), (source, "--from")):
        if code is not None and code not in known:
            raise click.BadParameter(f"the termbase has no '{code}' forms (it has "
                                     f"{', '.join(sorted(known))})", param_hint=hint)
    refuse_overwriting_inputs("--output", output, [file, *termbase_files(settings)])
    draft = read_source(file)
    if draft.data is not None:
        raise click.UsageError(f"{file} is a word-processor document: translate reads text "
                               "files (save it as .txt or .md)")
    service = providers_module.get_provider(provider, cache=settings.use_cache)
    checker = open_checker(settings, index).checker
    result = translate.translate_text(checker, draft.path, draft.text, service, target, source)
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

