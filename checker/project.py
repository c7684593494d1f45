"""A project check (``--scope project``): what every file checked together tells the
consistency rules, so that they judge each file against all of them (a series of articles, a
book split in chapters) instead of against itself alone.

A consistency rule says what a document *uses*, by key (an entry in a language, a
transliteration key): a small, comparable value per key (``Rule.uses``). A survey of the files
gives each file's uses, in input order; ``Project.merged`` hands the rule, for each key of the
document being checked, the uses of every file in that order, merged by the rule's own function.
The document's uses are taken as it is now (a fix may have changed it since the survey), in its
place among the others. Data only: the rules decide what a use is and how uses merge; the engine
runs the survey (``Checker.survey``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

M = TypeVar("M")

# A document's uses for one rule: key -> use (picklable, compared with ==).
Uses = Mapping[Any, Any]
# The uses of one key in several files, in input order: (path, use).
Parts = Sequence[tuple[str, Any]]


class Project:
    """The uses of every file of a project check, by rule and key, in input order."""

    def __init__(self, files: Iterable[tuple[str, Mapping[str, Uses]]]):
        """``files``: each file's path (as its report names it) and its uses by rule code, in
        input order."""
        self._position: dict[str, int] = {}
        self._of_file: dict[str, Mapping[str, Uses]] = {}
        self._by_key: dict[tuple[str, Any], list[tuple[int, str, Any]]] = {}
        # Merged uses of a key with every file as surveyed, by rule code and key.
        self._merged: dict[tuple[str, Any], Any] = {}
        for position, (path, uses) in enumerate(files):
            if path in self._position:  # a file named twice counts once, where first named
                continue
            self._position[path] = position
            self._of_file[path] = uses
            for code, by_key in uses.items():
                for key, use in by_key.items():
                    self._by_key.setdefault((code, key), []).append((position, path, use))

    def __len__(self) -> int:
        return len(self._position)

    def merged(
        self, code: str, path: str, local: Uses, merge: Callable[[Parts], M]
    ) -> dict[Any, M]:
        """For each key of ``local`` (the uses of the document ``path`` for the rule ``code``,
        as it is now), ``merge`` of that key's uses in every file, in input order, the
        document's own being ``local``'s. A document the survey did not see (standard input,
        an aligned pair) comes after the files it saw."""
        surveyed = self._of_file.get(path, {}).get(code, {})
        position = self._position.get(path, len(self._position))
        out: dict[Any, M] = {}
        for key, use in local.items():
            if key in surveyed and surveyed[key] == use:
                # Unchanged since the survey: the same for every file that uses the key.
                memo = (code, key)
                if memo not in self._merged:
                    self._merged[memo] = merge([(p, u) for _, p, u in self._by_key[memo]])
                out[key] = self._merged[memo]
                continue
            others = [(i, p, u) for i, p, u in self._by_key.get((code, key), ()) if p != path]
            parts = sorted([*others, (position, path, use)], key=lambda item: item[0])
            out[key] = merge([(p, u) for _, p, u in parts])
        return out


def alone(path: str, local: Uses, merge: Callable[[Parts], M]) -> dict[Any, M]:
    """What ``Project.merged`` gives when the document ``path`` is checked alone (``--scope
    files``): its own uses, merged by the same function, so that both scopes share one path
    through the rule."""
    return {key: merge([(path, use)]) for key, use in local.items()}


__all__ = ["Parts", "Project", "Uses", "alone"]
