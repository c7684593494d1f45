"""The compiled index of a termbase, built once and shared by lookup and the checker.

- every form under its exact, case-, accent- and transliteration-insensitive keys (lookup);
- every form as a word pattern, filed under the transliteration key of its first word, so a scan
  of a draft costs one dictionary probe per word whatever the size of the termbase;
- a deletion index of the long words of names, to find near misses (typos) without comparing a
  word with every name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .bulk import gc_paused
from .model import EntryType, Form, Termbase
from .normalize import casefold, fold_key, match_key, translit_key, translit_word
from .tokens import split_form

# Near misses are searched for words of at least this many letters (never for short names).
TYPO_MIN_LENGTH = 5
NAME_TYPES = (EntryType.PERSON, EntryType.PLACE, EntryType.ORGANIZATION)


def _group(forms: Iterable[Form], key) -> dict[str, tuple[Form, ...]]:
    groups: dict[str, list[Form]] = defaultdict(list)
    for form in forms:
        groups[key(form.text)].append(form)
    return {k: tuple(v) for k, v in groups.items()}


@dataclass(frozen=True)
class FormPattern:
    """A form as a sequence of words: what the checker compares a run of draft words with."""

    form: Form
    words: tuple[str, ...]  # as written in the termbase
    folded: tuple[str, ...]  # fold_key of each word
    translit: tuple[str, ...]  # translit_word of each word
    seps: tuple[str, ...]  # normalised separators between the words
    size: int = field(init=False)  # number of words (read in the scan's inner loop)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", len(self.words))


def deletes(word: str) -> set[str]:
    """``word`` and every string one deletion away from it (the symmetric-delete scheme: two
    words within one edit, or one swap, share an element)."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


class TermIndex:
    """Forms of a termbase as word patterns and their long words for typo search (what the
    checker needs, built at once), and by key for lookup (built on first use)."""

    def __init__(self, termbase: Termbase):
        self.termbase = termbase
        self.forms: tuple[Form, ...] = tuple(f for entry in termbase for f in entry.forms())
        with gc_paused():
            self._build_patterns()

    # -- for lookup, built when first asked ------------------------------------------------------
    @cached_property
    def by_match(self) -> dict[str, tuple[Form, ...]]:
        return _group(self.forms, match_key)

    @cached_property
    def by_fold(self) -> dict[str, tuple[Form, ...]]:
        return _group(self.forms, fold_key)

    @cached_property
    def by_translit(self) -> dict[str, tuple[Form, ...]]:
        return _group(self.forms, translit_key)

    @cached_property
    def by_word(self) -> dict[str, tuple[Form, ...]]:
        """Single words of multi-word forms (``lavrov`` in ``Sergueï Lavrov``), accent-folded."""
        words: dict[str, list[Form]] = defaultdict(list)
        for form in self.forms:
            parts = fold_key(form.text).split()
            if len(parts) > 1:
                for part in parts:
                    words[part].append(form)
        return {k: tuple(v) for k, v in words.items()}

    @cached_property
    def fold_choices(self) -> list[str]:
        """Folded forms, parallel to ``forms`` (rapidfuzz works on plain sequences)."""
        return [fold_key(f.text) for f in self.forms]

    @cached_property
    def translit_choices(self) -> list[str]:
        return [translit_key(f.text) for f in self.forms]

    # -- for the checker -------------------------------------------------------------------------
    def _build_patterns(self) -> None:
        by_two: dict[tuple[str, str], list[FormPattern]] = defaultdict(list)
        singles: dict[str, list[FormPattern]] = defaultdict(list)
        by_name_word: dict[str, list[tuple[FormPattern, int]]] = defaultdict(list)
        form_words: set[str] = set()
        for form in self.forms:
            tokens, seps = split_form(form.text)
            if not tokens:
                continue
            pattern = FormPattern(form, tokens, tuple(fold_key(t) for t in tokens),
                                  tuple(translit_word(t) for t in tokens), seps)
            # Patterns of two words or more by their first two keys, one-word patterns apart:
            # a word such as "la" starts many patterns, the pair "la reunion" few.
            if pattern.size > 1:
                by_two[pattern.translit[:2]].append(pattern)
            else:
                singles[pattern.translit[0]].append(pattern)
            form_words.update(casefold(t) for t in tokens)
            entry = self.termbase.entries[form.entry_id]
            if entry.type in NAME_TYPES:
                for position, word in enumerate(pattern.folded):
                    if len(word) >= TYPO_MIN_LENGTH and word.isalpha():
                        by_name_word[word].append((pattern, position))
        # Longest patterns first, so the first full match at a position is the longest one.
        self.by_two = {k: tuple(sorted(v, key=lambda p: -p.size)) for k, v in by_two.items()}
        self.singles = {k: tuple(v) for k, v in singles.items()}
        self.name_words = {k: tuple(v) for k, v in by_name_word.items()}
        # The deletion index: most variants lead to one word, stored as a plain string.
        near: dict[str, str | tuple[str, ...]] = {}
        for word in self.name_words:
            for variant in deletes(word):
                held = near.get(variant)
                if held is None:
                    near[variant] = word
                elif isinstance(held, str):
                    near[variant] = (held, word) if held != word else held
                elif word not in held:
                    near[variant] = (*held, word)
        self._near = near
        self.form_words = frozenset(form_words)

    def patterns_starting(self, first: str, second: str | None = None
                          ) -> tuple[FormPattern, ...]:
        """Patterns whose first word has the transliteration key ``first`` (and, for patterns of
        two words or more, whose second word has the key ``second``), longest first."""
        longer = self.by_two.get((first, second), ()) if second is not None else ()
        return longer + self.singles.get(first, ())

    def near_name_words(self, folded_word: str) -> tuple[str, ...]:
        """Words of names (accent-folded) within about one edit of ``folded_word``, found through
        the deletion index; candidates still need an exact distance check."""
        found: set[str] = set()
        for variant in deletes(folded_word):
            held = self._near.get(variant)
            if held is None:
                continue
            if isinstance(held, str):
                found.add(held)
            else:
                found.update(held)
        found.discard(folded_word)
        return tuple(sorted(found))
