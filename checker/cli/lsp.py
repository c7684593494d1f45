"""``termcheck lsp``: the language server over standard input and output, for editors
(``checker.lsp``); its options hold for every draft, over each draft's configuration file."""

from __future__ import annotations

from collections.abc import Sequence

import click

from .. import datacache
from ..i18n import N_
from .common import config_option, terms_option
from .group import cli


@cli.command("lsp", help=N_(
    "Run the language server (over standard input and output) for an editor.\n\n"
    "Drafts (text, Markdown, PO, XLIFF) are checked as they are opened, changed and saved, "
    "with the configuration file found upward from each draft's folder (pyproject.toml "
    "[tool.termcheck] or termcheck.toml) unless --config names one. Findings are "
    "diagnostics, fixes are code actions (safe ones preferred), and hovering a name shows "
    "its entry. See docs/editors.md to set up VS Code, Neovim, Helix or Emacs."))
@terms_option
@click.option(
    "--lang",
    metavar="fr|en|auto",
    help=N_("Language of the drafts and translation targets (default: each draft's "
       "configuration, else identified from its text)."),
)
@click.option(
    "--style",
    "styles",
    multiple=True,
    metavar="NAME|FILE",
    help=N_("House style: a shipped profile (fr-FR, fr-CA, en-US, en-GB) or a profile "
       "file; repeat for one per language."),
)
@click.option(
    "--no-cache",
    is_flag=True,
    help=N_("Build the termbase index, word lists and language model afresh instead of "
       "reading them from the cache."),
)
@config_option
@click.pass_context
def lsp_command(
    ctx: click.Context,
    terms: Sequence[str],
    lang: str | None,
    styles: Sequence[str],
    no_cache: bool,
    config_path: str | None,
) -> None:
    from ..lsp.runs import Runs
    from ..lsp.server import serve

    flags = {
        "config_path": config_path,
        "terms": tuple(terms),
        "lang": lang,
        "styles": tuple(styles),
        "no_cache": no_cache,
        "debug": bool((ctx.find_root().obj or {}).get("debug")),
    }
    ctx.with_resource(datacache.bypassed(no_cache))
    serve(Runs(flags))
