"""Is a word an ordinary word of a language? Answered from pyspellchecker's word lists (fr, en
and the other languages it ships), loaded once per language and only when a rule asks.

Two questions: ``is_known`` (the word is in the list at all: never a typo) and ``is_common``
(frequent enough that a name written like it, May or Bush, needs context to count as the name).
"""

from __future__ import annotations

import importlib.util
from array import array
from functools import lru_cache
from pathlib import Path

import regex

from . import datacache

# Lists built from lower-cased text, which count names with the words (london 1,088 times in
# the English list); the French list counts words as written in lower case (paris 3,277 times,
# the bets; londres not at all).
NAME_COUNTING = frozenset({"en"})
# Relative frequency above which a word is common: "may", "rice", "bush", "hunt", "ban" are;
# "sullivan", "wang", "graham" are not (measured on pyspellchecker's en and fr lists).
COMMON_FREQUENCY = 1e-6


@lru_cache(maxsize=16)
def _frequencies(lang: str) -> tuple[dict[str, int], int] | None:
    code = lang.split("-")[0].lower()
    source = _word_list_file(code)
    if source is None:  # no list for this language
        return None
    # Read back from the cache folder (checker.datacache): deriving it costs 0.12 s a language.
    return datacache.cached(f"words-{code}", [source], lambda: _stored(code), _decoded)


def _stored(code: str) -> datacache.Stored:
    """The word list of ``code`` as the data cache keeps it: the words in one block of text,
    their counts in an array of 64-bit integers, the total beside them."""
    derived = _derive(code)
    if derived is None:
        return datacache.Stored()
    counts, total = derived
    return datacache.Stored({"total": total}, {
        "words": datacache.join_strings(list(counts)),
        "counts": array("q", counts.values())})


def _decoded(stored: datacache.Stored) -> tuple[dict[str, int], int] | None:
    if stored.meta is None:
        return None
    total = stored.meta["total"]  # type: ignore[index]
    if type(total) is not int or total < 1:
        raise ValueError("not a word count")
    found = datacache.strings(stored.blocks["words"])
    counts = datacache.numbers(stored.blocks["counts"], "q", len(found)).tolist()
    return dict(zip(found, counts, strict=True)), total


def _word_list_file(code: str) -> Path | None:
    """pyspellchecker's list for ``code``, found without importing pyspellchecker."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations or not code.isalnum():
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / f"{code}.json.gz"
    return path if path.is_file() else None


def _derive(code: str) -> tuple[dict[str, int], int] | None:
    from spellchecker import SpellChecker

    try:
        checker = SpellChecker(language=code, distance=1)
    except ValueError:  # no list for this language
        return None
    counts = checker.word_frequency.dictionary
    return dict(counts), max(checker.word_frequency.total_words, 1)


def frequency(word: str, lang: str) -> float:
    """Relative frequency of the lower-case ``word`` in ``lang`` (0 when unknown). pyspellchecker's
    English list is American: a British spelling counts as its American one (labour, centre)."""
    data = _frequencies(lang)
    if data is None:
        return 0.0
    counts, total = data
    folded = word.casefold()
    count = counts.get(folded, 0)
    if not count and lang.split("-")[0].lower() == "en":
        count = max((counts.get(v, 0) for v in american_spellings(folded)), default=0)
    return count / total


# British spellings and their American counterparts, as (British, American) regular
# expressions: labour/labor, centre/center, defence/defense, organise/organize,
# analyse/analyze, catalogue/catalog, travelled/traveled, paediatric/pediatric.
_BRITISH = tuple((regex.compile(pattern), american) for pattern, american in (
    (r"our(?=s?$|ed$|ing$|ers?$|ite|able|ful|less)", "or"),
    (r"(?<=[bcdgmrtv])re(?=s?$|d$)", "er"),
    (r"ence(?=s?$)", "ense"),
    (r"is(?=e$|es$|ed$|ing$|ation|ations$|er$|ers$)", "iz"),
    (r"ys(?=e$|es$|ed$|ing$)", "yz"),
    (r"ogue(?=s?$)", "og"),
    (r"(?<=[aeiou][lnrt]?)ll(?=ed$|ing$|er$|ers$)", "l"),
    (r"(?<=[^aeiou])ae", "e"),
    (r"(?<=[^aeiou])oe(?=[^s]|$)", "e"),
))


def american_spellings(word: str) -> list[str]:
    """The American spellings a lower-case British ``word`` may have (none for most words)."""
    found = []
    for pattern, american in _BRITISH:
        variant = pattern.sub(american, word)
        if variant != word:
            found.append(variant)
    return found


def is_known(word: str, lang: str) -> bool:
    """True when ``word`` is in the word list of ``lang``."""
    return frequency(word, lang) > 0


def is_common(word: str, lang: str) -> bool:
    """True when ``word`` is a frequent ordinary word of ``lang``."""
    return frequency(word, lang) >= COMMON_FREQUENCY


@lru_cache(maxsize=16)
def _lowest(lang: str) -> float:
    data = _frequencies(lang)
    if data is None or not data[0]:
        return 0.0
    counts, total = data
    return min(counts.values()) / total


def is_attested(word: str, lang: str) -> bool:
    """True when ``word`` is in the list of ``lang`` at more than twice its lowest count. The
    lists give that count to the words they hold from a dictionary but never saw in running
    text, and a few more to foreign names in lower case (bruxelles 50 in English, gaza 52,
    hamas 56); pence (1,407), a word English writes, is well above it."""
    return frequency(word, lang) > 2 * _lowest(lang)


def is_dictionary_only(word: str, lang: str) -> bool:
    """True when ``word`` is in the list of ``lang`` at its lowest count, and no plural of it
    is: a word the list holds from a dictionary but never saw in running text, and that
    inflects nowhere. In the French list, which counts words as written in lower case, these
    are the country names (russie, chine, australie: nobody writes them so), while ordinary
    words at that count inflect (tigré, tigrés)."""
    data = _frequencies(lang)
    if data is None:
        return False
    counts, _ = data
    folded = word.casefold()
    lowest = _lowest(lang) * data[1]
    return counts.get(folded, 0) == lowest and folded + "s" not in counts

