"""Errors of the checker that a user can act on (the CLI prints them without a traceback)."""

from __future__ import annotations

from glossary import GlossaryError


class CheckerError(GlossaryError):
    """Base class of the checker's own errors; shares the glossary's base so the CLI catches
    every expected error in one place."""


class InputError(CheckerError):
    """A draft could not be read; the other drafts are still checked."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class UsageError(CheckerError):
    """The command line or the configuration asks for something that cannot be done."""


class OutputError(CheckerError):
    """A report, a baseline or another output file could not be written."""


class ClusterError(CheckerError):
    """A check on a Dask cluster (``check --scheduler``) cannot run: the extra is not
    installed, the scheduler cannot be reached, or its workers cannot open the termbase."""
