"""The compiled index of a termbase: every form under its exact, case-, accent- and
transliteration-insensitive keys, built once and shared by lookup and the checker."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .model import Form, Termbase
from .normalize import fold_key, match_key, translit_key


def _group(forms: Iterable[Form], key) -> dict[str, tuple[Form, ...]]:
    groups: dict[str, list[Form]] = defaultdict(list)
    for form in forms:
        groups[key(form.text)].append(form)
    return {k: tuple(v) for k, v in groups.items()}


class TermIndex:
    """Forms of a termbase by ``match_key``, ``fold_key`` and ``translit_key``."""

    def __init__(self, termbase: Termbase):
        self.termbase = termbase
        self.forms: tuple[Form, ...] = tuple(f for entry in termbase for f in entry.forms())
        self.by_match = _group(self.forms, match_key)
        self.by_fold = _group(self.forms, fold_key)
        self.by_translit = _group(self.forms, translit_key)
        # Single words of multi-word forms (``lavrov`` in ``Sergueï Lavrov``), accent-folded.
        words: dict[str, list[Form]] = defaultdict(list)
        for form in self.forms:
            parts = fold_key(form.text).split()
            if len(parts) > 1:
                for part in parts:
                    words[part].append(form)
        self.by_word = {k: tuple(v) for k, v in words.items()}
        # Parallel lists for fuzzy search (rapidfuzz works on plain sequences).
        self.fold_choices: list[str] = [fold_key(f.text) for f in self.forms]
        self.translit_choices: list[str] = [translit_key(f.text) for f in self.forms]
