"""Loading a termbase: the embedded default, layering of several files, validation on every load.

``load_termbase(["default", "house.yaml"])`` reads the embedded termbase, then ``house.yaml``,
whose entries add to it and replace entries with the same id.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from .bulk import gc_paused
from .errors import Problem, TermbaseError, TermbaseWarning
from .model import Entry, Termbase, relation_map
from .validate import check_entries, duplicate_ids, relation_problems

DEFAULT_NAME = "default"
PACKAGED_TERMS = ("data", "terms.yaml")


def default_termbase_path() -> Path:
    """The embedded default ``terms.yaml``.

    Installed, it is inside the package (the wheel build copies it there); in a source checkout
    it is the ``terms.yaml`` at the repository root.
    """
    packaged = resources.files("glossary").joinpath(*PACKAGED_TERMS)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "terms.yaml"


def resolve_path(name: str | Path) -> Path:
    """The file behind a ``--terms`` value (``default`` is the embedded termbase)."""
    return default_termbase_path() if str(name) == DEFAULT_NAME else Path(name)


def collect(paths: Sequence[str | Path] | None = None,
            warnings: list[TermbaseWarning] | None = None
            ) -> tuple[dict[str, Entry], list[Problem], tuple[str, ...]]:
    """Read and layer ``paths`` (the embedded default when empty): entries by id, every
    problem found, and the names of the files read; what was loaded despite being redundant
    is added to ``warnings``."""
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    names: list[str] = []
    # The YAML loader (PyYAML and the schema reader) is imported only when a termbase is read:
    # a run that finds its compiled index in the cache never needs it.
    from .loader import read_termbase_file

    with gc_paused():  # only live objects are made: a collection would walk them all again
        for name in paths or [DEFAULT_NAME]:
            path = resolve_path(name)
            file_entries, file_problems = read_termbase_file(path, warnings)
            names.append(str(path))
            problems += file_problems
            problems += duplicate_ids(file_entries)
            for entry in file_entries:
                entries[entry.id] = entry  # a later layer replaces an entry with the same id
        problems += check_entries(entries.values())
        problems += relation_problems(entries)
    return entries, problems, tuple(names)


def validate_files(paths: Sequence[str | Path] | None = None,
                   warnings: list[TermbaseWarning] | None = None) -> list[Problem]:
    """Every problem of the layered termbase ``paths``, sorted by file and line; its warnings
    are added to ``warnings``, sorted so too."""
    found: list[TermbaseWarning] = []
    problems = collect(paths, found)[1]
    if warnings is not None:
        warnings += sorted(found, key=lambda w: w.sort_key)
    return sorted(problems, key=lambda p: p.sort_key)


def load_termbase(paths: Sequence[str | Path] | None = None) -> Termbase:
    """The layered termbase of ``paths`` (the embedded default when empty).

    Raises ``TermbaseError`` listing every problem, or ``TermbaseNotFound``. What was loaded
    despite being redundant is in the termbase's ``warnings``.
    """
    warnings: list[TermbaseWarning] = []
    entries, problems, names = collect(paths, warnings)
    if problems:
        raise TermbaseError(problems, [str(p) for p in paths or ()])
    return Termbase(entries, names, relations=relation_map(entries.values()),
                    warnings=tuple(sorted(warnings, key=lambda w: w.sort_key)))
