"""What the command modules share: the options several commands take, the settings of a run
from their flags, the usage errors of the library shown as click shows its own, and the lines
written to standard error about the termbase and the drafts."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import IO, Any, TypeVar

import click

from glossary import DEFAULT_NAME, Termbase
from glossary.termbase import resolve_path

from .. import app, datacache
from ..config import PROVIDERS  # noqa: F401  (the commands import it from here)
from ..i18n import N_, _
from ..settings import OptionError, Settings, resolve_settings

# What only some commands need is imported in them (``check`` runs on every commit in CI, so
# its startup counts): the exchange formats and the YAML writer (ruamel), machine translation,
# suggestions, baselines, fixes. The choices below are those of glossary.exchange and (through
# checker.config) checker.tools.providers, which tests/test_datacache.py holds equal.
EXCHANGE_FORMATS = ("tbx", "tbx-basic", "csv", "json")
COLOR_CHOICES = ("auto", "always", "never")

F = TypeVar("F", bound=Callable[..., Any])

terms_option = click.option(
    "--terms", "terms", multiple=True, metavar="FILE",
    help=N_("Termbase file; repeat to layer several (later files win). 'default' names the "
            "embedded termbase, so '--terms default --terms house.yaml' extends it."))
format_option = click.option("--format", "fmt",
                             type=click.Choice(["text", "json"], case_sensitive=False),
                             default="text", show_default=True, help=N_("Output format."))
config_option = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False),
    help=N_("Configuration file (default: termcheck.toml or pyproject.toml [tool.termcheck], "
            "found upward from the working folder)."))
color_option = click.option(
    "--color", "color", type=click.Choice(COLOR_CHOICES, case_sensitive=False), default="auto",
    show_default=True,
    help=N_("Colour the output: auto (on a terminal, unless the NO_COLOR environment variable is "
            "set), always, never."))
no_cache_option = click.option(
    "--no-cache", is_flag=True,
    help=N_("Read and write no cache (termbase index, word lists, language model; the machine "
            "translations of suggest and translate): build each afresh."))
lang_option = click.option(
    "--lang", metavar="L|auto",
    help=N_("Language of the drafts and translation targets (fr, en, any case, a region allowed: "
            "FR, fr-CA); 'auto' (the default) identifies it from each text."))
default_lang_option = click.option(
    "--default-lang", metavar="L",
    help=N_("Language assumed when 'auto' cannot tell (short or mixed text); default fr."))


def use_color(choice: str, stream: IO[Any]) -> bool:
    """Whether output written to ``stream`` is coloured under ``--color choice``: ``always``
    and ``never`` as said (a flag on the command line wins over the environment, as
    no-color.org asks); ``auto`` on a terminal unless ``NO_COLOR`` is set to anything but
    the empty string."""
    choice = choice.lower()
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def renamed(old: str, new: str, dest: str, **attrs: Any) -> Callable[[F], F]:
    """Keep ``old``, the name a flag had before ``new`` (whose value goes to the parameter
    ``dest``), for one release: hidden from the help, it still works and says on standard
    error, once, to use ``new``. Giving both is a usage error. Decorate the command with it
    below its ``@cli.command``."""
    alias = f"renamed_{dest}"

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            value = kwargs.pop(alias, None)
            if value not in (None, ()):
                click.echo("termcheck: " + _("{old} is deprecated and will be removed in the "
                                             "next release; use {new}").format(old=old, new=new),
                           err=True)
                if kwargs.get(dest) not in (None, ()):
                    raise click.UsageError(_("{old} is the former name of {new}: give {new} "
                                             "only").format(old=old, new=new))
                kwargs[dest] = value
            return command(*args, **kwargs)

        return click.option(old, alias, hidden=True, **attrs)(run)  # type: ignore[return-value]
    return decorate


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
