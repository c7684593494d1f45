"""Errors raised by the glossary package, with messages a copy editor can act on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a termbase file: where, which entry, and what to do."""

    path: str
    line: int
    message: str
    entry_id: str | None = None

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.path, self.line)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        entry = f" entry '{self.entry_id}':" if self.entry_id else ""
        return f"{where}:{entry} {self.message}"


class GlossaryError(Exception):
    """Base class of every error the glossary package raises on purpose."""


class TermbaseError(GlossaryError):
    """A termbase could not be loaded; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the termbase"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


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
