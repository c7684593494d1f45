"""Words and the separators between them, the same way for termbase forms and for drafts.

A word is a run of letters, combining marks and digits (``Sergueï``, ``G20``). What stands between
two words of a name is its separator, normalised so that typographic variants compare equal:
any run of spaces (no-break, narrow no-break, line break) is one space, every apostrophe is ``'``,
and spaces around other punctuation are dropped (``J. D.`` and ``J.D.`` have the same separators).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .normalize import unify_punctuation

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
_HYPHENS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u00ad"})
_WHITESPACE_RE = regex.compile(r"\s+")
# Separators that can stand inside one name: space, hyphen, apostrophe, full stop of an initial.
JOINERS = frozenset({" ", "-", "'", ".", ".-"})


def words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each word of ``text``."""
    for match in WORD_RE.finditer(text):
        yield match.span()


def normalize_separator(separator: str) -> str:
    """The comparable form of what stands between two words."""
    sep = _WHITESPACE_RE.sub(" ", unify_punctuation(separator).translate(_HYPHENS))
    stripped = sep.strip(" ")
    return stripped if stripped else " "


def is_joiner(separator: str) -> bool:
    """True when a normalised separator may stand between two words of one name."""
    return separator in JOINERS


def split_form(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a form and the normalised separators between them."""
    spans = list(words(text))
    tokens = tuple(text[s:e] for s, e in spans)
    seps = tuple(normalize_separator(text[spans[i][1]:spans[i + 1][0]])
                 for i in range(len(spans) - 1))
    return tokens, seps
