"""Finding entries from a name as a translator types it: case-, accent-, transliteration- and
typo-tolerant (``patrouchev``, ``PATRUSHEV`` and ``Patrouchef`` all find Nikolai Patrushev)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .index.compiled import TermIndex
from .model import Entry, Form
from .normalize import fold_key, match_key, translit_key

# A hit at or above this score is an answer; below it, only a "nearest candidate". 80 lets one
# edit in a six-letter surname through (``Lavorv`` for ``Lavrov``).
MATCH_SCORE = 80.0
# Indel similarity, and optimal string alignment so that a swap of two letters is one edit.
_FUZZY_SCORERS = ((fuzz.ratio, 1.0), (OSA.normalized_similarity, 100.0))
# Scores of the exact tiers, above any fuzzy score that is not an exact match.
_TIERS = (("exact", 100.0), ("accents", 99.0), ("transliteration", 97.0), ("word", 95.0))


@dataclass(frozen=True)
class LookupHit:
    """One entry found for a query, with the form that matched best and how it matched."""

    entry: Entry
    form: Form
    score: float
    how: str  # id | exact | accents | transliteration | word | fuzzy


def lookup(index: TermIndex, text: str, limit: int = 5) -> list[LookupHit]:
    """Entries matching ``text``, best first, one hit per entry, at most ``limit`` of them.

    Hits scoring below ``MATCH_SCORE`` are only near candidates (see ``LookupHit.score``).
    """
    best: dict[str, LookupHit] = {}

    def offer(form: Form, score: float, how: str) -> None:
        current = best.get(form.entry_id)
        if current is None or score > current.score:
            best[form.entry_id] = LookupHit(index.termbase.entries[form.entry_id], form, score,
                                            how)

    folded = fold_key(text)
    if not folded:
        return []
    entry = index.termbase.get(text.strip())
    if entry is not None:  # an entry id, as findings and reports print it
        for forms in entry.languages.values():
            offer(forms.preferred, 100.0, "id")
            break
    exact_keys = (
        (index.by_match, match_key(text)),
        (index.by_fold, folded),
        (index.by_translit, translit_key(text)),
        (index.by_word, folded),
    )
    for (how, score), (table, key) in zip(_TIERS, exact_keys, strict=True):
        for form in table.get(key, ()):
            offer(form, score, how)
    # Typos, on the spelling and on the transliteration key (``Patruchef`` is two edits from
    # ``Patrouchev`` but one from its key). Plain edit-distance similarity, not partial or token
    # ratios: those let a two-letter acronym "match" any query containing its letters.
    for query, choices in ((folded, index.fold_choices),
                           (translit_key(text), index.translit_choices)):
        for scorer, scale in _FUZZY_SCORERS:
            for _, score, position in process.extract(query, choices, scorer=scorer,
                                                      limit=limit * 4,
                                                      score_cutoff=50 / scale):
                # Fuzzy scores stay below the exact tiers: a typo never outranks a true match.
                offer(index.forms[position], min(score * scale, 94.0), "fuzzy")
    return sorted(best.values(), key=lambda h: (-h.score, h.entry.id))[:limit]


def answers(hits: list[LookupHit]) -> tuple[list[LookupHit], list[LookupHit]]:
    """Split ``lookup`` hits into (matches, nearest candidates).

    When some hit is exact (up to case, accents or transliteration), the fuzzy ones are noise;
    when nothing reaches ``MATCH_SCORE``, the three best are shown as candidates.
    """
    exact = [h for h in hits if h.how != "fuzzy"]
    if exact:
        return exact, []
    matches = [h for h in hits if h.score >= MATCH_SCORE]
    return (matches, []) if matches else ([], hits[:3])
