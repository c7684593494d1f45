"""``termcheck translate``: a draft machine-translated with its names protected, then checked;
with the settings ``check`` uses (termbase layers, rules switched off, caches)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from glossary.atomic import write_file

from ..app import open_checker, open_index, refuse_overwriting_inputs, termbase_files
from ..i18n import N_
from ..inputs import read_source
from ..language import resolve_code
from ..report import Report
from ..reporters import render
from .common import (
    PROVIDERS,
    color_option,
    config_option,
    no_cache_option,
    renamed,
    settings_from,
    terms_option,
    usage_errors,
    use_color,
    write_output,
)
from .group import cli


@cli.command("translate", help=N_(
    "Machine-translate a draft for a first version in another language, names and titles "
    "protected: each known one comes out in the target language's preferred form.\n\n"
    "The draft goes to an online service, the provider named by --provider or the "
    "configuration's 'provider'; with neither, termcheck refuses and sends nothing. The "
    "translation goes to standard output (or --output); the findings of checking it, and "
    "names the provider lost, go to standard error. Exit status 2 when the provider fails."))
@click.argument("file", metavar="FILE")
@click.option("--lang", "target", metavar="L",
              help=N_("Language to translate into, the translation's language (required; any "
                      "case, a region allowed: EN, en-GB)."))
@click.option("--source-lang", "source", metavar="L",
              help=N_("Language of FILE (default: the configuration's lang, else identified "
                      "from the text)."))
@click.option("--provider", type=click.Choice(PROVIDERS, case_sensitive=False),
              help=N_("Machine translation provider, an online service (deepl and libre read "
                      "their key from DEEPL_API_KEY, LIBRE_API_KEY). Default: the "
                      "configuration's 'provider'; without either, nothing is sent anywhere."))
@no_cache_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help=N_("Write the translation to FILE instead of standard output."))
@color_option
@terms_option
@config_option
@renamed("--to", "--lang", "target", metavar="L")
@renamed("--from", "--source-lang", "source", metavar="L")
@usage_errors
def translate_command(file: str, target: str | None, source: str | None,
                      provider: str | None, no_cache: bool, output: str | None, color: str,
                      terms: Sequence[str], config_path: str | None) -> None:
    if not target:
        raise click.UsageError("give --lang, the language to translate into (e.g. --lang en)")
    from ..tools import fixes, translate
    from ..tools import providers as providers_module
    settings = settings_from(config_path=config_path, terms=terms, lang=source,
                             no_cache=no_cache, provider=provider)
    if settings.provider is None:
        raise click.UsageError(
            "translate sends the draft to an online machine translation service, and none was "
            f"chosen: name one with --provider ({', '.join(PROVIDERS)}), or set provider = "
            "\"deepl\" (for example) in the configuration ([tool.termcheck] in pyproject.toml, "
            "or termcheck.toml)")
    index = open_index(settings)
    termbase = index.termbase
    known = tuple(termbase.languages)
    languages = {}
    for code, option in ((target, "--lang"), (source, "--source-lang")):
        if code is not None:  # EN, en-GB, en_gb: the termbase's en
            found, reason = resolve_code(code, known)
            if found is None:
                raise click.BadParameter(reason, param_hint=option)
            languages[option] = found
    target, source = languages["--lang"], languages.get("--source-lang")
    refuse_overwriting_inputs("--output", output, [file, *termbase_files(settings)])
    draft = read_source(file)
    if draft.data is not None:
        raise click.UsageError(f"{file} is a word-processor document: translate reads text "
                               "files (save it as .txt or .md)")
    service = providers_module.get_provider(settings.provider, cache=settings.use_cache)
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
        colored = use_color(color, sys.stderr)
        click.echo(render(Report([result.check]), "text", color=colored), err=True, nl=False,
                   color=colored)
