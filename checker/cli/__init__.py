"""The ``termcheck`` command line: one thin module per command (``check``, ``lookup``, ``lsp``,
``terms``, ``suggest``, ``translate``, ``explain``), each parsing its options, resolving the
run's ``Settings`` and calling the library (``checker.app`` for a check run); ``group`` holds
the command group and turns the library's typed errors into one-line messages.

Every error the user can act on is a typed error turned into a one-line message and exit
status 2; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..app import apply_fixes
from ..engine import available_cpus
from ..reporters import render
from . import check, explain, lookup, lsp, suggest, terms, translate  # noqa: F401 (attach commands)
from .check import progress_bar
from .common import EXCHANGE_FORMATS, PROVIDERS
from .group import cli
from .terms import _interactive

# Reached through the package by the commands (``common.patchable``), and by the tests.
__all__ = ["EXCHANGE_FORMATS", "PROVIDERS", "_interactive", "apply_fixes", "available_cpus", "cli",
           "main", "progress_bar", "render"]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``termcheck`` console script."""
    cli.main(args=argv, prog_name="termcheck")
