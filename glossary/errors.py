"""Errors raised by the glossary package, with messages a copy editor can act on."""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Problems (and warnings) shown when a termbase has many: a broken generated termbase of
# 100,000 entries listed 90,000 problems; the first ones say what to fix, and
# ``termcheck terms validate --all`` lists them all.
SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class Remark:
    """Something said of a place in a termbase file: where, which entry, and what."""

    path: str
    line: int
    message: str
    entry_id: str | None = None

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.path, self.line)

    @property
    def where(self) -> str:
        """``path:line``, or the path alone for a remark on no line."""
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Problem(Remark):
    """One thing wrong in a termbase file: where, which entry, and what to do."""

    def __str__(self) -> str:
        entry = f" entry '{self.entry_id}':" if self.entry_id else ""
        return f"{self.where}:{entry} {self.message}"


@dataclass(frozen=True)
class TermbaseWarning(Remark):
    """Something redundant in a termbase file that was loaded anyway (a form listed twice, or
    twice up to capitals, apostrophes or spaces): where, which entry, and what was done."""

    def __str__(self) -> str:
        entry = f" ({self.entry_id})" if self.entry_id else ""
        return f"{self.where}: warning: {self.message}{entry}"


def validate_command(paths: Sequence[str] = ()) -> str:
    """The command that lists every problem and warning of the layered termbase ``paths``."""
    return " ".join(["termcheck terms validate --all", *map(shlex.quote, map(str, paths))])


def capped(lines: Sequence[str], paths: Sequence[str] = (), show_all: bool = False,
           what: str = "") -> list[str]:
    """``lines`` (problems or warnings), the first ``SHOWN_PROBLEMS`` of them unless
    ``show_all``, then how many more and how to list them all."""
    if show_all or len(lines) <= SHOWN_PROBLEMS:
        return list(lines)
    more = len(lines) - SHOWN_PROBLEMS
    return [*lines[:SHOWN_PROBLEMS], f"... and {more:,} more{what}; run "
                                     f"`{validate_command(paths)}` to list them all"]


class GlossaryError(Exception):
    """Base class of every error the glossary package raises on purpose."""


class TermbaseError(GlossaryError):
    """A termbase could not be loaded; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem], paths: Sequence[str] = ()):
        """``paths``: the termbase files as the user named them (for the command that lists
        every problem when there are too many to show)."""
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        self.paths = tuple(str(p) for p in paths)
        count = len(self.problems)
        head = f"{count:,} problem{'s' if count != 1 else ''} in the termbase"
        lines = capped([str(p) for p in self.problems], self.paths)
        super().__init__(head + ":\n" + "\n".join(f"  {line}" for line in lines))


class TermbaseNotFound(GlossaryError):
    """A termbase file named on the command line or in the configuration does not exist."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: termbase file not found (check --terms or the configuration)")


class IndexDamagedError(GlossaryError):
    """An entry of a compiled index could not be read back, though the file's digest matched:
    the file was written wrong (by a bug, or by someone who computed its digest)."""

    def __init__(self, path: str, position: int):
        self.path = path
        self.position = position
        super().__init__(f"the compiled index {path} is damaged (entry {position + 1} cannot be "
                         f"read); delete it, or build it again with 'termcheck terms compile'")
