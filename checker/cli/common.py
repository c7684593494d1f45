"""What the command modules share: the options several commands take, the settings of a run
from their flags, the usage errors of the library shown as click shows its own, and the lines
written to standard error about the termbase and the drafts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from glossary import DEFAULT_NAME, Termbase
from glossary.termbase import resolve_path

from .. import app, datacache
from ..settings import OptionError, Settings, resolve_settings

# What only some commands need is imported in them (``check`` runs on every commit in CI, so
# its startup counts): the exchange formats and the YAML writer (ruamel), machine translation,
# suggestions, baselines, fixes. The choices below are those of glossary.exchange and
# checker.tools.providers, which tests/test_datacache.py holds equal.
EXCHANGE_FORMATS = ("tbx", "tbx-basic", "csv", "json")
PROVIDERS = ("google", "mymemory", "deepl", "libre")

F = TypeVar("F", bound=Callable[..., Any])

terms_option = click.option(
    "--terms", "terms", multiple=True, metavar="FILE",
    help="Termbase file; repeat to layer several (later files win). 'default' names the "
         "embedded termbase, so '--terms default --terms house.yaml' extends it.")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]),
                             default="text", show_default=True, help="Output format.")
config_option = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False),
    help="Configuration file (default: found upward from the working folder).")


def patchable() -> Any:
    """The ``checker.cli`` package, looked up when a command runs: what the commands reach
    through it (``render``, ``available_cpus``, ``_interactive``) can be replaced there, as the
    tests of a failing reporter, of a killed worker and of the prompts of ``terms add`` do."""
    from .. import cli
    return cli


def usage_errors(command: F) -> F:
    """The library's usage errors (an option's wrong value, an output that is an input) shown
    as click shows its own: the command's usage line, then the error, exit status 2."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except OptionError as exc:
            raise click.BadParameter(exc.reason, param_hint=exc.option) from None
        except app.OverwriteError as exc:
            raise click.UsageError(str(exc)) from None
    return run  # type: ignore[return-value]


def settings_from(**flags: Any) -> Settings:
    """The settings of this run (``resolve_settings`` with the command's flags), with the
    data caches bypassed until the command ends when they say so (``--no-cache``)."""
    context = click.get_current_context()
    settings = resolve_settings(debug=bool((context.find_root().obj or {}).get("debug")),
                                **flags)
    context.with_resource(datacache.bypassed(not settings.use_cache))
    return settings


def write_output(path: str, what: str, write: Callable[[], Any]) -> Any:
    """``write()``, an ``OSError`` turned into an ``OutputError`` naming the file."""
    return app.written(path, what, write)


def show_termbase_warnings(termbase: Termbase, paths: Sequence[str]) -> None:
    """The warnings of the termbase files a user named (what they loaded despite being
    redundant), on standard error; never those of the embedded default, which its users
    cannot edit ('terms validate' shows them)."""
    default = str(resolve_path(DEFAULT_NAME))
    warnings = [w for w in termbase.warnings if w.path != default]
    if warnings:
        from ..terms_output import render_warnings
        click.echo(render_warnings(warnings, paths), err=True, nl=False)


def notice_path(path: str, fmt: str) -> str:
    """A draft's name in a line on standard error, where a hostile name must not start a line
    of its own (a GitHub workflow command) or speak to the terminal: escaped as workflow command
    data (``%0A``, ``%0D``, ``%25``) in the github format, shown as visible characters (as the
    text report shows it) in the others; bytes that are not UTF-8 as ``\\xNN`` in both."""
    if fmt == "github":
        from ..reporters.github import escape_data
        return escape_data(path)
    from ..reporters.text import safe
    return safe(path)
