"""The ``termcheck`` command group: the global options, and the one place where the library's
typed errors become a one-line message and exit status 2 (a traceback only with ``--debug``).
The commands, one module each beside this one, attach themselves to ``cli``."""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import click

from glossary import GlossaryError
from glossary.cachedir import CacheWarning

from .. import __version__
from ..app import EXIT_ERROR

EXIT_INTERRUPTED = 130  # as a shell reports a command stopped with Ctrl-C


class TermcheckGroup(click.Group):
    """Turns the library's typed errors into a clear message and exit status 2; anything else
    (a bug) into a one-line message that says how to report it. Tracebacks only with
    ``--debug``."""

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
            click.echo("termcheck: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"termcheck: internal error: {type(exc).__name__}: {exc}\n"
                       "termcheck: this is a bug of termcheck's; please report it with the "
                       "command and its inputs (run it again with --debug for the traceback)",
                       err=True)
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=TermcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termcheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Keep names and titles consistent across French and English drafts and translations."""
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
                click.echo(f"termcheck: warning: {message}", err=True)

        warnings.showwarning = show_cache_warning
        yield
