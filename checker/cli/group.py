"""The ``termcheck`` command group: the global options, and the one place where the library's
typed errors become a one-line message and exit status 2 (a traceback only with ``--debug``).
The commands, one module each beside this one, attach themselves to ``cli``."""

from __future__ import annotations

import contextlib
import inspect
import os
import re
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import click

from glossary import GlossaryError
from glossary.cachedir import CacheWarning

from .. import __version__, i18n
from ..app import EXIT_ERROR
from ..i18n import N_, _

EXIT_INTERRUPTED = 130  # as a shell reports a command stopped with Ctrl-C


# click's own words in the help it lays out, in termcheck's catalogue (click ships none).
N_("Usage:")
N_("Options")
N_("Commands")
N_("Show this message and exit.")
N_("Show the version and exit.")
_DEFAULT = re.compile(r"\[default: (.*)\]$", re.DOTALL)


class TranslatedFormatter(click.HelpFormatter):
    """click's help layout with its headings in the interface language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage:") + " " if prefix is None else prefix)

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_(name)):
            yield

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        def default(match: re.Match) -> str:
            return "[" + _("default: {default}").format(default=match.group(1)) + "]"

        super().write_dl([(term, _DEFAULT.sub(default, text)) for term, text in rows],
                         col_max, col_spacing)


class TranslatedContext(click.Context):
    formatter_class = TranslatedFormatter


@contextlib.contextmanager
def translated_help(command: click.Command, ctx: click.Context | None = None) -> Iterator[None]:
    """Within the block, the help texts of ``command`` and of its parameters in the interface
    language: written in English (marked with ``N_`` where they are defined), translated when
    shown, so that a ``--ui-lang`` read after the commands were defined counts."""
    saved: list[tuple[Any, str, Any]] = []

    def swap(owner: Any, attribute: str) -> None:
        value = getattr(owner, attribute, None)
        if value:
            saved.append((owner, attribute, value))
            setattr(owner, attribute, _(inspect.cleandoc(value)))

    swap(command, "help")
    swap(command, "short_help")
    swap(command, "epilog")
    for param in command.get_params(ctx) if ctx is not None else command.params:
        swap(param, "help")
    try:
        yield
    finally:
        for owner, attribute, value in reversed(saved):
            setattr(owner, attribute, value)


class TranslatedHelp(click.Command):
    """Help shown in the interface language (for commands and groups alike)."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with translated_help(self, ctx):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with translated_help(self):
            return super().get_short_help_str(limit)


class TranslatedCommand(TranslatedHelp):
    """A command whose help is shown in the interface language."""

    context_class = TranslatedContext


class TermcheckGroup(TranslatedHelp, click.Group):
    """Turns the library's typed errors into a clear message and exit status 2; anything else
    (a bug) into a one-line message that says how to report it. Tracebacks only with
    ``--debug``. Its commands and their help speak the interface language: the locale's, as
    gettext reads it, unless ``--ui-lang`` says otherwise."""

    context_class = TranslatedContext
    command_class = TranslatedCommand
    group_class = type  # a group of commands within it (terms) is one of these too

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        if parent is None:  # the whole command line: before --help or --ui-lang are read
            i18n.use(i18n.from_environment())
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from ..reporters.github import inert
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
            click.echo("termcheck: " + _("interrupted"), err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo("termcheck: " + _("internal error: {error}").format(
                error=f"{type(exc).__name__}: {exc}") + "\ntermcheck: " + _(
                "this is a bug of termcheck's; please report it with the command and its "
                "inputs (run it again with --debug for the traceback)"), err=True)
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _ui_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--ui-lang``: the interface language from now on (eager: read before ``--help``)."""
    if value is None:
        return
    language = i18n.parse_language(value)
    if language is None:
        raise click.BadParameter(_("{value} is not an interface language; choose from "
                                   "{languages}").format(value=repr(value),
                                                         languages=", ".join(i18n.LANGUAGES)),
                                 ctx, param)
    i18n.use(language)


@click.group(cls=TermcheckGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Keep names and titles consistent across French and English drafts and "
                     "translations."))
@click.version_option(__version__, prog_name="termcheck")
@click.option("--ui-lang", metavar="fr|en", is_eager=True, expose_value=False,
              callback=_ui_lang,
              help=N_("Language of messages, help and the HTML report: fr or en (default: the "
                      "locale's, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG; else English)."))
@click.option("--debug", is_flag=True, help=N_("Show tracebacks for errors."))
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
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
                click.echo("termcheck: " + _("warning: {message}").format(message=message),
                           err=True)

        warnings.showwarning = show_cache_warning
        yield
