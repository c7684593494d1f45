"""Finds every mention of every known form in a draft, and the near misses of names.

The scan walks the words of each prose segment once. At each word it probes the index for the
patterns whose first word has the same transliteration key, so ``Sergei``, ``Sergueï`` and
``Serguei`` reach the same patterns; the longest pattern whose words all share the key wins.
How close the words are (exact, case, accents, transliteration) is recorded, never judged: rules
judge. Cost is one dictionary probe per word, whatever the size of the termbase.

Words left over are searched for near misses of names through the index's deletion table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import IntEnum
from functools import partial
from itertools import accumulate, compress
from typing import NamedTuple, cast

import regex
from rapidfuzz.distance import OSA

from glossary import CasePolicy, Entry, EntryType, Form, Status, TermIndex
from glossary.index.compiled import (
    MEMO_LIMIT,
    STARTS_LONGER,
    TYPO_MAX_LENGTH,
    TYPO_MIN_LENGTH,
    FormPattern,
    is_acronym,
    max_edits,
    typo_searchable,
)
from glossary.normalize import casefold, fold_diacritics, fold_key, nfc, translit_word
from glossary.tokens import WORD_RE, is_joiner, normalize_separator

from . import regions
from . import words as wordlist
from .document import Document, Segment


class MatchKind(IntEnum):
    """How far the words of a mention are from the form they were matched with."""

    EXACT = 0
    CASE = 1  # same letters, other capitals
    ACCENTS = 2  # same letters once accents are removed
    TRANSLIT = 3  # another romanisation (same transliteration key)
    TYPO = 4  # a near miss


_STATUS_RANK = {Status.PREFERRED: 0, Status.ACCEPTED: 1, Status.SHORT: 2, Status.AVOID: 3}
# The rank of an exact match with the preferred form of the draft's language, the rank no
# other pattern can beat (``Matcher._match_at``).
_BEST_RANK = (MatchKind.EXACT, False, False, MatchKind.EXACT, 0)


class Lowered(IntEnum):
    """What makes a name written in lower case (where its form has capitals) the name and not
    prose, from the strongest evidence to the weakest. ``SPELLING`` and ``CAPITALS`` stand on
    their own; ``NAMED`` and ``PLACED`` need the document (``Matcher._lowered_in_context``)."""

    SPELLING = 1  # no ordinary word of the language: pékin, londres, otan, russie, bande de gaza
    CAPITALS = 2  # other words keep the name's capitals: états-Unis, corée du Nord
    NAMED = 3  # ordinary words (nations unies, syria): only where the document names the entry
    PLACED = 4  # a frequent word (suisse, turkey): also only after a preposition of place


class Word(NamedTuple):
    """A word of the draft. A named tuple: a scan makes hundreds of thousands, and a frozen
    dataclass costs more than twice as much to build."""

    start: int
    end: int
    text: str  # as written, NFC
    key: str  # transliteration key
    folded: str  # fold_key


@dataclass
class Mention:
    """A run of draft words matched with a form of an entry."""

    start: int
    end: int
    text: str
    entry: Entry
    form: Form
    pattern: FormPattern
    kind: MatchKind
    spacing: bool = False  # separators differ from the form's (Kim Jong Un / Kim Jong-un)
    mixed: bool = False  # some words are another language's form of the entry
    corrected: str | None = None  # a typo inside a longer name: the corrected text of the span
    needs_context: bool = False  # a one-word form that is also an ordinary word
    words: tuple[Word, ...] = field(default=(), repr=False)
    segment: Segment | None = field(default=None, repr=False)
    lowered: Lowered | None = None  # a name's capital written in lower case, and the evidence
    # A word alone with two adjacent letters of a place's or an organisation's one-word form
    # swapped (Ausrtalie): a misspelling even where the document names the entry nowhere else.
    swapped: bool = False
    # A short form several entries share (Clinton: Bill and Hillary): the same words matched
    # with each other entry's form. ``Matcher.match`` resolves the mention to the entry the
    # document names in full; unresolved, it stays in ``MatchResult.unresolved``.
    alternatives: tuple[Mention, ...] = field(default=(), repr=False)

    @property
    def in_source(self) -> bool:
        """True in the source text of a translation (checked only against its target)."""
        return self.segment is not None and self.segment.role == "source"

    @property
    def size(self) -> int:
        return len(self.words)

    @property
    def entry_ids(self) -> set[str]:
        """The entry of the mention, and those of its alternatives."""
        return {self.entry.id, *(m.entry.id for m in self.alternatives)}

    @property
    def candidates(self) -> tuple[Mention, ...]:
        """The mention as each entry it may be of would have it (itself when it is of one)."""
        return (self, *self.alternatives)


@dataclass
class MatchResult:
    """Mentions of a document, sorted by position, and the capitalised words left over that
    could be names the termbase does not know (long enough, letters only, no ordinary word);
    and the short forms several entries share that the document does not resolve (it names
    none of those entries in full, or several), which no rule judges as one entry's."""

    mentions: list[Mention]
    free_words: list[Word]
    unresolved: list[Mention] = field(default_factory=list)


# How far into a name a misspelled word is looked for (names of more words are rare).
MAX_NAME_RANK = 6


# Per distinct word, what every occurrence would compute again: drafts repeat their words (a
# megabyte of news has a few thousand distinct words among 170,000). Emptied past MEMO_LIMIT.
_KEYS: dict[str, str] = {}  # translit_word
_SEPARATORS: dict[str, str] = {" ": " "}  # normalize_separator
_SPELLINGS: dict[str, tuple[str, str]] = {}  # a word as written: (NFC, fold_key)
_SPLIT_RE = regex.compile(f"({WORD_RE.pattern})")


def _memoised(memo: dict, function, items: list) -> list:
    """``[function(x) for x in items]``, computing ``function`` once per distinct item
    (``function`` never returns None)."""
    try:
        # One C-level pass: nearly every word is known, and a miss stops it. (``None in`` a
        # list from ``memo.get`` cost as much again as the look-ups: a comparison per item.)
        return list(map(memo.__getitem__, items))
    except KeyError:
        pass
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    found = list(map(memo.get, items))
    for position, value in enumerate(found):
        if value is None:
            item = items[position]
            value = memo.get(item)
            if value is None:
                value = memo[item] = function(item)
            found[position] = value
    return found


def split_segment(text: str, segment: Segment) -> list[str]:
    """[separator, word, separator, word, ..., separator] of a segment: one C-level pass."""
    return _SPLIT_RE.split(text[segment.start:segment.end])


class SegmentWords:
    """The words of a segment. Their transliteration keys are computed for all (the scan probes
    the index with them); offsets, and a ``Word`` with its text and folded form, only for the
    few the scan or the typo search looks at (each time asked: nearly every word asked for is
    asked once)."""

    def __init__(self, text: str, segment: Segment, parts: list[str] | None = None,
                 keys: list[str] | None = None):
        """``parts`` and ``keys``: the segment split (``split_segment``) and its words' keys,
        when the caller has them."""
        self.text = text
        self.start = segment.start
        self.parts = split_segment(text, segment) if parts is None else parts
        self.raw = self.parts[1::2]
        self.keys = _memoised(_KEYS, translit_word, self.raw) if keys is None else keys
        self._bounds: list[int] | None = None
        self.separators = Separators(self.parts)

    @property
    def spans(self) -> list[tuple[int, int]]:
        bounds = self.bounds
        return list(zip(bounds[1::2], bounds[2::2], strict=False))

    @property
    def bounds(self) -> list[int]:
        """Offsets where each part starts (word i spans ``bounds[2i+1]:bounds[2i+2]``)."""
        if self._bounds is None:
            self._bounds = list(accumulate(map(len, self.parts), initial=self.start))
        return self._bounds

    def __len__(self) -> int:
        return len(self.raw)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words(range(len(self.raw))))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.words(range(*index.indices(len(self.raw))))
        return self.word(index + len(self.raw) if index < 0 else index)

    def word(self, index: int) -> Word:
        """The word at ``index`` (not negative)."""
        bounds = self._bounds or self.bounds
        raw = self.raw[index]
        text, folded = _SPELLINGS.get(raw) or _spelling(raw)
        return _new_word(Word, (bounds[2 * index + 1], bounds[2 * index + 2], text,
                                self.keys[index], folded))

    def words(self, indices: Iterable[int]) -> list[Word]:
        """The words at ``indices`` (not negative)."""
        bounds = self._bounds or self.bounds
        raw, keys, spellings = self.raw, self.keys, _SPELLINGS
        found = []
        for i in indices:
            text, folded = spellings.get(raw[i]) or _spelling(raw[i])
            found.append(_new_word(Word, (bounds[2 * i + 1], bounds[2 * i + 2], text, keys[i],
                                          folded)))
        return found

    def run(self, start: int, end: int) -> list[Word]:
        """The words from ``start`` to ``end`` (excluded), both within the segment."""
        return self.words(range(start, end))


# ``Word(...)`` runs the named tuple's ``__new__``, a Python function; the tuple built straight
# costs a third (a scan makes a ``Word`` for every word of a mention and every name left over).
_new_word = tuple.__new__


def _spelling(raw: str) -> tuple[str, str]:
    """A word as written: its NFC text and its ``fold_key``, memoised in ``_SPELLINGS``."""
    if len(_SPELLINGS) > MEMO_LIMIT:
        _SPELLINGS.clear()
    text = raw if raw.isascii() else nfc(raw)
    spelling = _SPELLINGS[raw] = (text, fold_key(text))
    return spelling


class Separators:
    """What stands between consecutive words of a segment, normalised on demand."""

    def __init__(self, parts: list[str]):
        self.parts = parts

    def __len__(self) -> int:
        return max(0, len(self.parts) // 2 - 1)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._at(index)

    def between(self, start: int, end: int) -> tuple[str, ...]:
        """``tuple(self[start:end])`` for ``0 <= start <= end <= len(self)``, read straight
        from the split segment."""
        found = tuple(map(_SEPARATORS.get, self.parts[2 * start + 2:2 * end + 1:2]))
        if None in found:
            return tuple(map(self._at, range(start, end)))
        return cast(tuple[str, ...], found)

    def _at(self, index: int) -> str:
        raw = self.parts[2 * index + 2]
        separator = _SEPARATORS.get(raw)
        if separator is None:
            if len(_SEPARATORS) > MEMO_LIMIT:
                _SEPARATORS.clear()
            separator = _SEPARATORS[raw] = normalize_separator(raw)
        return separator


class Matcher:
    """Scans documents against one compiled termbase index."""

    def __init__(self, index: TermIndex):
        self.index = index
        # The near-miss search's memos by language, then by word as written (their answers
        # depend on nothing else): _near_name_word, _lone_typo, _misspelt_variants,
        # _variant_starts, _swapped_name, _slip_variants.
        self._near: dict[str, dict[str, tuple[tuple[int, str], ...]]] = {}
        self._lone: dict[str, dict[str, tuple[tuple[FormPattern, ...], str | None, bool]]] = {}
        self._variants: dict[str, dict[str, tuple[tuple[int, str], ...]]] = {}
        self._anchors: dict[str, dict[str, bool]] = {}
        self._swapped: dict[str, dict[str, FormPattern | None]] = {}
        self._slips: dict[str, dict[str, tuple[tuple[int, str], ...]]] = {}
        # _near_words by accent-folded word (any language).
        self._near_folded: dict[str, tuple[tuple[int, str], ...]] = {}
        self._names: dict[str, dict[str, bool]] = {}  # _may_be_name by language, then word
        # One-word place names the document writes inside other names (Dominique in Dominique
        # de Villepin): alone later in the same document, the word is that name again.
        self._name_parts: set[str] = set()
        # By language, then by word as written: (transliteration key, start_kind,
        # capitalised, _may_be_misspelt), what the scan asks of every word, in one probe.
        self._facts: dict[str, dict[str, tuple]] = {}
        # By language, then by the keys of a position's first two words: the patterns that may
        # start there in the order ``_match_at`` tries them (``_patterns_for``).
        self._starting: dict[str, dict[tuple[str, str | None], tuple[FormPattern, ...]]] = {}

    # -- the scan --------------------------------------------------------------------------------
    def match(self, doc: Document, lang: str, source_lang: str | None = None) -> MatchResult:
        """Mentions in every segment: source segments of a translation in ``source_lang``,
        the others in ``lang``."""
        mentions: list[Mention] = []
        free: list[Word] = []
        self._name_parts = set()
        for segment in doc.segments:
            is_source = segment.role == "source"
            # The engine decided both languages (from options, the file, or the text).
            seg_lang = (source_lang or lang) if is_source else lang
            seg_words, kinds, capitals, misspelt = self._read_segment(doc, segment, seg_lang)
            seps = seg_words.separators
            found = self._scan(doc, seg_lang, seg_words, seps, kinds)
            covered = {w for m in found for w in range(m[0], m[0] + m[1].size)}
            # Only capitalised words can be misspelled names or unknown names.
            leftovers = [i for i in compress(range(len(capitals)), capitals)
                         if i not in covered]
            typos = self._typos(doc, seg_lang, seg_words, seps, leftovers, kinds)
            typo_covered = {w for i, m in typos for w in range(i, i + m.size)}
            typos += self._anchored_typos(doc, seg_lang, seg_words, seps, typo_covered,
                                          covered, found, misspelt, kinds)
            typos += self._name_word_slips(doc, seg_lang, seg_words, seps, typo_covered,
                                           covered, found, leftovers, kinds)
            if typo_covered:
                found = [(i, m) for i, m in found
                         if not any(w in typo_covered for w in range(i, i + m.size))]
            if typos:
                found = sorted(found + typos, key=lambda x: x[0])
            # (The scan finds its mentions in order: without typos, they are sorted.)
            for _, mention in found:
                mention.segment = segment
                for alternative in mention.alternatives:
                    alternative.segment = segment
                mentions.append(mention)
            if not is_source and leftovers:
                raw = seg_words.raw
                left = [i for i in leftovers if i not in typo_covered]
                free += seg_words.words(compress(left, _memoised(
                    _memo_of(self._names, seg_lang), partial(self._may_be_name, lang=seg_lang),
                    [raw[i] for i in left])))
        mentions = resolve_shared(mentions)
        kept = self._in_context(doc, [m for m in mentions
                                      if m.lowered is None and not m.swapped])
        lowered = [m for m in mentions if m.lowered is not None]
        swapped = [m for m in mentions if m.swapped]
        if lowered or swapped:
            kept = sorted(kept + self._lowered_in_context(doc, kept, lowered) + swapped,
                          key=lambda m: m.start)
        return MatchResult([m for m in kept if not m.alternatives], free,
                           [m for m in kept if m.alternatives])

    def _may_be_name(self, raw: str, lang: str) -> bool:
        """Whether a capitalised word left over could be a name the termbase does not know:
        letters only, of a name word's length, no ordinary word (``match`` asks once per
        distinct word)."""
        text, folded = _SPELLINGS.get(raw) or _spelling(raw)
        # An adjective or a demonym the termbase lists is a known word (Bruxellois).
        return (typo_searchable(folded) and not wordlist.is_common(text, lang)
                and not self.index.is_derived_word(text))

    def _read_segment(self, doc: Document, segment: Segment, lang: str
                      ) -> tuple[SegmentWords, list[int], list[bool], list]:
        """The words of a segment, and per word what the scan asks of each: whether patterns
        start with it (``start_kind``), whether it is capitalised, whether it may be a
        misspelling of a name word (``_may_be_misspelt``). One memoised probe per word for
        all of it (a dictionary probe per word and per question cost a fifth of the scan)."""
        parts = split_segment(doc.text, segment)
        memo = self._facts.get(lang)
        if memo is None:
            memo = self._facts[lang] = {}
        elif len(memo) > MEMO_LIMIT:
            memo.clear()
        facts = _memoised(memo, lambda raw: self._word_facts(raw, lang), parts[1::2])
        if not facts:
            return SegmentWords(doc.text, segment, parts, []), [], [], []
        keys, kinds, capitals, misspelt = map(list, zip(*facts, strict=True))
        return SegmentWords(doc.text, segment, parts, keys), kinds, capitals, misspelt

    def _word_facts(self, raw: str, lang: str) -> tuple[str, int, bool, bool]:
        key = _KEYS.get(raw)
        if key is None:
            if len(_KEYS) > MEMO_LIMIT:
                _KEYS.clear()
            key = _KEYS[raw] = translit_word(raw)
        return (key, self.index.start_kind(key), raw[:1].isupper(),
                self._may_be_misspelt(raw, lang))

    @staticmethod
    def segment_words(doc: Document, segment: Segment) -> tuple[SegmentWords, Separators]:
        """The words of a segment and the normalised separators between them (``seps[i]``
        stands between word i and word i + 1), both read lazily."""
        seg_words = SegmentWords(doc.text, segment)
        return seg_words, seg_words.separators

    def _scan(self, doc: Document, lang: str, seg_words: SegmentWords,
              seps: Separators, kinds: list[int]) -> list[tuple[int, Mention]]:
        """The mentions the words of a segment make; ``kinds``: ``start_kind`` of each word.
        Most words start no pattern: only those that may are looked at closer."""
        found: list[tuple[int, Mention]] = []
        keys = seg_words.keys
        last = len(keys) - 1
        after = 0  # words before this one are inside a mention already
        starting = _memo_of(self._starting, lang)
        for i in compress(range(len(kinds)), kinds):
            if i < after:
                continue
            # A pattern of two words or more needs the pair; one-word patterns the word alone.
            if kinds[i] == STARTS_LONGER and i == last:
                continue
            pair = (keys[i], keys[i + 1] if i < last else None)
            patterns = starting.get(pair)
            if patterns is None:
                patterns = starting[pair] = self._patterns_for(lang, *pair)
            if not patterns:
                continue
            mention = self._match_at(doc, lang, seg_words, seps, i, patterns)
            if mention is not None:
                found.append((i, mention))
                after = i + mention.size
        return found

    def _patterns_for(self, lang: str, first: str, second: str | None
                      ) -> tuple[FormPattern, ...]:
        """The patterns that may start with words of keys ``first`` and ``second``, longest
        first as the index has them, and within each size the forms of ``lang`` first (in
        the index's order among themselves, and so the others).

        The order decides nothing but how soon ``_match_at`` stops. It judges every pattern
        of the longest size that matches, unless one ranks ``_BEST_RANK`` (exact, preferred,
        in ``lang``), where it stops; an English form tried first in a French draft was judged
        for nothing. The mention is the same in either order: ``min`` keeps the first of equal
        ranks, and patterns of equal rank are all of ``lang`` or all of other languages (the
        rank holds ``form.lang != lang``), whose order among themselves is the index's; the
        first ``_BEST_RANK`` pattern is the first of ``lang``'s that ranks so, in either order.
        Patterns left unjudged after it mattered only to a short form's alternatives (a
        preferred form has none) and to ``_mixed`` (False for a run spelled as the form)."""
        patterns = self.index.patterns_starting(first, second)
        if len(patterns) < 2:
            return patterns
        # Nearly every pair is met for the first time in a first pass: one loop, no sort.
        ordered: list[FormPattern] = []
        others: list[FormPattern] = []  # of the size at hand, in other languages
        size = 0
        for pattern in patterns:
            if pattern.size != size:
                ordered += others
                others = []
                size = pattern.size
            if pattern.form.lang == lang:
                ordered.append(pattern)
            else:
                others.append(pattern)
        ordered += others
        return tuple(ordered)

    def _match_at(self, doc: Document, lang: str, seg_words: SegmentWords, seps: Separators,
                  i: int, patterns: tuple[FormPattern, ...]) -> Mention | None:
        """The mention starting at word ``i``, if any; ``patterns``: ``_patterns_for`` the
        keys of the words at ``i`` and ``i + 1``."""
        matches: list[tuple[tuple, FormPattern, MatchKind, bool]] = []
        size = 0
        keys = seg_words.keys
        # By the end of a run: its separators and words, shared by the patterns of one size
        # (the forms of an entry in each language, its avoid forms).
        runs: dict[int, tuple[tuple[str, ...], list[Word] | None, tuple[str, ...],
                              tuple[bool, ...]]] = {}
        for pattern in patterns:
            if pattern.size < size:
                break  # patterns come longest first: a shorter one cannot win any more
            end = i + pattern.size
            if end > len(keys):
                continue
            if pattern.size > 2 and keys[i + 2:end] != list(pattern.translit[2:]):
                continue
            at = runs.get(end)
            if at is None:
                between = seps.between(i, end - 1)
                if all(map(is_joiner, between)):
                    words = seg_words.run(i, end)
                    texts = tuple(w.text for w in words)
                    at = runs[end] = (between, words, texts,
                                      tuple(t[:1].isupper() for t in texts))
                else:
                    at = runs[end] = (between, None, (), ())
            between, joined, texts, capitals = at
            if joined is None:
                continue
            if texts == pattern.words:
                kind = MatchKind.EXACT  # the same letters are always acceptable
            else:
                kind = self._kind(joined, pattern)
                if not self._acceptable(joined, pattern, kind, lang, capitals):
                    continue
            spacing = between != pattern.seps
            if spacing and not all(map(is_joiner, pattern.seps)):
                continue  # S&D, AT&T: the ampersand is a word, no full stop stands for it
            # Same letters are one tier whatever their capitals: Al-Qaida in English copy is
            # AP's al-Qaida with a capital, not Le Monde's Al-Qaida left in French.
            tier = MatchKind.EXACT if kind <= MatchKind.CASE else kind
            rank = (tier, spacing, pattern.form.lang != lang, kind,
                    _STATUS_RANK[pattern.form.status])
            matches.append((rank, pattern, kind, spacing))
            size = pattern.size
            if rank == _BEST_RANK:
                # No later pattern can rank before this one; the others matter only to a short
                # form's alternatives and to _mixed, which an exact preferred form has none of.
                break
        if not matches:
            return None
        rank, best, kind, spacing = min(matches, key=lambda m: m[0])
        if best.size == 1 and self._inside_longer_name(seg_words, seps, i, lang,
                                                       best.entry.type is EntryType.PLACE):
            return None
        if best.entry.type in _PLACES_AND_BODIES and (
                _inside_proper_name(doc, seg_words, seps, i, i + best.size, lang,
                                    best.form.text.endswith("."),
                                    partial(self._name_of_its_own_at, seg_words, places=True))
                or _qualified_by_region(doc.text, seg_words.word(i + best.size - 1).end)):
            if best.size == 1:
                self._name_parts.add(casefold(seg_words.raw[i]))
            return None
        run = runs[i + best.size][1]  # the best pattern's words, made above
        assert run is not None  # a pattern matched: its words are joined
        candidates = [m[1] for m in matches]
        mention = self._mention(doc, run, best, kind, spacing,
                                mixed=self._mixed(run, best, candidates), lang=lang)
        if best.form.status is Status.SHORT:
            # The same words as another entry's short form, as close (Clinton: Bill's and
            # Hillary's): the best form of each such entry.
            others: dict[str, tuple] = {}
            for other in sorted(matches, key=lambda m: m[0]):
                pattern = other[1]
                if (pattern.entry.id != best.entry.id and pattern.entry.id not in others
                        and pattern.form.status is Status.SHORT and other[0][:3] == rank[:3]
                        and pattern.size == best.size):
                    others[pattern.entry.id] = other
            mention.alternatives = tuple(
                self._mention(doc, run, pattern, other_kind, other_spacing, lang=lang,
                              mixed=self._mixed(run, pattern, candidates))
                for _, pattern, other_kind, other_spacing in others.values())
        return mention

    def _inside_longer_name(self, seg_words: SegmentWords, seps: Separators, i: int,
                            lang: str, place: bool = False) -> bool:
        """True when the word at ``i`` is joined to a capitalised word that looks like a name:
        Maurice in Maurice Ravel is not Mauritius, Macron in Brigitte Macron is not Emmanuel
        Macron. Titles and other ordinary words do not count (President Putin, M. Lavrov), nor
        a known person's name of its own after it (la présidente du Chili Michelle Bachelet),
        nor, for a ``place``, another place across a hyphen (un sommet France-Japon; the
        Trudeau of Montréal-Trudeau is an airport's, nobody's name alone)."""
        if _after_given_name(seg_words, seps, i, lang) and not (
                place and seps[i - 1] == "-" and self._place_at(seg_words, i - 1)):
            return True
        return i < len(seps) and _name_like(seg_words, seps[i], i + 1, lang) and not (
            self._name_of_its_own_at(seg_words, i + 1) if seps[i] == " "
            else place and self._place_at(seg_words, i + 1))

    @staticmethod
    def _kind(run: list[Word], pattern: FormPattern) -> MatchKind:
        kind = MatchKind.EXACT
        for word, form_word, folded in zip(run, pattern.words, pattern.folded, strict=True):
            if word.text == form_word:
                continue
            # Same letters once case-folded are the same once accent-folded too (fold_key
            # folds the case first): other folded letters are another romanisation.
            if word.folded != folded:
                kind = max(kind, MatchKind.TRANSLIT)
            elif casefold(word.text) == casefold(form_word):
                kind = max(kind, MatchKind.CASE)
            else:
                kind = max(kind, MatchKind.ACCENTS)
        return kind

    def _acceptable(self, run: list[Word], pattern: FormPattern, kind: MatchKind,
                    lang: str, capitals: tuple[bool, ...] | None = None) -> bool:
        """Refuse matches that are more likely ordinary words than the name. ``capitals``:
        which words of ``run`` start with a capital, when the caller has them."""
        if capitals == pattern.capitals and not pattern.has_acronym:
            # No word lowered, no acronym: the common case, decided without the loops below.
            return pattern.size > 1 or kind < MatchKind.TRANSLIT or (
                len(run[0].folded) >= TYPO_MIN_LENGTH and not wordlist.is_known(run[0].text, lang))
        entry = pattern.entry
        if entry.case is CasePolicy.NAME and any(
                f[:1].isupper() and not w.text[:1].isupper()
                for w, f in zip(run, pattern.words, strict=True)):
            return lowered_evidence(run, pattern, kind, lang) is not None
        for word, form_word in zip(run, pattern.words, strict=True):
            if is_acronym(form_word) and not word.text.isupper():
                return False  # NATO is not "Nato"; UN is not the French "Un"
        lowered = [w for w, f in zip(run, pattern.words, strict=True)
                   if f[:1].isupper() and not w.text[:1].isupper()]
        if pattern.size > 1:
            # Titles and other terms (case: exact): "premier ministre" is prose.
            return not lowered or not all(wordlist.is_known(w.text, lang) for w in lowered)
        word = run[0]
        if lowered:
            return False
        if kind >= MatchKind.TRANSLIT:
            # Another romanisation of a one-word name: only for long words that are no word.
            return len(word.folded) >= TYPO_MIN_LENGTH and not wordlist.is_known(word.text, lang)
        return True

    @staticmethod
    def _mixed(run: list[Word], best: FormPattern, candidates: list[FormPattern]) -> bool:
        """True when some word is spelled as another language's form of the entry has it, and
        not as the chosen form nor any other form of its language has it (Nikolaï Patrushev in
        French; not Abdel Fatah al-Sisi in English, whose al-Sisi is English too). A form to
        avoid is no language's spelling (French avoids the English al-Sisi)."""
        for other in candidates:
            if (other.form.entry_id != best.form.entry_id or other.form.lang == best.form.lang
                    or other.size != best.size or other.form.status is Status.AVOID):
                continue
            for j, word in enumerate(run):
                if word.folded == other.folded[j] and word.folded != best.folded[j] and not any(
                        mine.form.lang == best.form.lang and mine.size == best.size
                        and mine.form.entry_id == best.form.entry_id
                        and mine.folded[j] == word.folded for mine in candidates):
                    return True
        return False

    def _mention(self, doc: Document, run: list[Word], pattern: FormPattern, kind: MatchKind,
                 spacing: bool, lang: str, mixed: bool = False,
                 corrected: str | None = None) -> Mention:
        entry = pattern.entry
        start, end = run[0].start, run[-1].end
        needs_context = (pattern.size == 1 and entry.type.value != "title"
                         and (entry.ambiguous if entry.ambiguous is not None
                              else wordlist.is_common(run[0].text, lang)))
        lowered = None
        if kind <= MatchKind.ACCENTS and entry.case is CasePolicy.NAME and any(
                f[:1].isupper() and not w.text[:1].isupper()
                for w, f in zip(run, pattern.words, strict=True)):
            lowered = lowered_evidence(run, pattern, kind, lang)
        return Mention(start, end, doc.text[start:end], entry, pattern.form, pattern, kind,
                       spacing, mixed, corrected, needs_context, tuple(run), lowered=lowered)

    def _name_of_its_own_at(self, seg_words: SegmentWords, j: int, places: bool = False) -> bool:
        """Whether a title (Prime Minister, President: the termbase's or ``_TITLE_HEADS``), a
        person's name of two words or more (Michelle Bachelet) or, with ``places``, a one-word
        place starts at the word ``j``, its letters as the form's whatever their case and
        accents: a name of its own beside a place (Ethiopia Prime Minister Abiy Ahmed, la
        présidente du Chili Michelle Bachelet, le Président du Chili, un sommet France-Japon),
        not the rest of one name with it."""
        if casefold(seg_words.raw[j]) in _TITLE_HEADS:
            return True
        return self._form_at(seg_words, j, lambda p: (
            p.entry.type is EntryType.TITLE or (p.entry.type is EntryType.PERSON and p.size > 1)
            or (places and p.entry.type is EntryType.PLACE and p.size == 1)))

    def _place_at(self, seg_words: SegmentWords, j: int) -> bool:
        """Whether the word ``j`` is a one-word place, its letters as the form's."""
        return self._form_at(seg_words, j, lambda p: (
            p.entry.type is EntryType.PLACE and p.size == 1))

    def _form_at(self, seg_words: SegmentWords, j: int,
                 accept: Callable[[FormPattern], bool]) -> bool:
        """Whether a pattern that ``accept`` takes starts at the word ``j``, its letters as the
        form's whatever their case and accents."""
        raw = seg_words.raw
        second = translit_word(raw[j + 1]) if j + 1 < len(raw) else None
        return any(accept(pattern) and j + pattern.size <= len(raw) and all(
            fold_key(raw[j + k]) == folded for k, folded in enumerate(pattern.folded))
            for pattern in self.index.patterns_starting(translit_word(raw[j]), second))

    def _in_context(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """Drop one-word mentions that are ordinary words, unless they are capitalised inside a
        sentence or the entry's full name appears in the document; and one-word near misses of
        an entry the document does not otherwise mention: in a large termbase nearly every
        unknown proper noun is one edit from some name (Pékin from a Pekuin), while a
        misspelled surname almost always stands in an article that names the person right.
        The same holds for a one-word mention found only by its transliteration key and spelled
        far from every form of the entry: Jenin, the town, shares its key with a surname
        Zheniin, three letters away, and an article about Jenin never names that person; while
        Patroutchev, one letter from Patrouchev, is that name in another romanisation. A name
        written alike in every language has no romanisations: a spelling sharing its key
        (Haris for Harris) is a near miss, and stands alone no more than one. A relative's name
        near a family member's (``_relative``) needs that member named otherwise too."""
        # (A short form several entries share, unresolved, names each of them here: as it
        # would name the one entry it belonged to.)
        named: set[str] = set()
        # Entries the document names otherwise than by a lone near miss or romanisation.
        attested: set[str] = set()
        relatives = {id(m) for m in mentions if m.kind is MatchKind.TYPO and self._relative(m)}
        for m in mentions:
            if relatives and id(m) in relatives:
                continue
            if len(m.words) > 1:
                ids = _ids(m)
                named.update(ids)
                attested.update(ids)
            elif m.kind < MatchKind.TRANSLIT:
                attested.update(_ids(m))
        name_parts = self._name_parts
        kept = []
        # (Each test below asks the cheap questions first: nearly every mention passes.)
        for m in mentions:
            if relatives and id(m) in relatives and attested.isdisjoint(_ids(m)):
                continue
            if len(m.words) == 1:
                if (name_parts and m.entry.type in _PLACES_AND_BODIES
                        and casefold(m.text) in name_parts):
                    continue
                if m.kind >= MatchKind.TRANSLIT and (
                        m.kind is MatchKind.TYPO
                        or not (_close_spelling(m) and romanised(m.entry))) and (
                        attested.isdisjoint(_ids(m))):
                    continue
            if m.needs_context and named.isdisjoint(_ids(m)):
                segment = doc.segment_of(m.start)
                floor = segment.start if segment else 0
                if (not m.text[:1].isupper() or doc.is_sentence_start(m.start, floor)
                        or doc.is_headline(m.start)):
                    continue
                if m.entry.ambiguous and m.text.isupper():
                    continue  # an acronym other bodies share (NSC): its capitals tell nothing
            kept.append(m)
        return kept

    @staticmethod
    def _lowered_in_context(doc: Document, kept: list[Mention],
                            lowered: list[Mention]) -> list[Mention]:
        """The names written in lower case that the document confirms. A word that is no
        ordinary word (pékin) or a name whose other words keep their capitals (états-Unis)
        stands on its own; ordinary words (nations unies) count only where the document names
        the entry with its capitals elsewhere and no indefinite article or possessive makes them
        a common noun (une banque mondiale); a frequent word (turkey is a bird, suisse a
        doorman) only after a preposition of place too (in turkey, en suisse). Parts of
        addresses (afp.com, @nsa) are never names."""
        named = {i for m in kept for i in m.entry_ids}
        text = doc.text
        found = []
        for m in lowered:
            if _in_address(text, m.start, m.end):
                continue
            if m.size == 1 and m.entry.type is EntryType.PERSON and \
                    _word_before(text, m.start).casefold() in _NOUN_BEFORE:
                continue  # la poutine, the Quebec dish; une borne: a noun, not the person
            if (_common_noun_opening(text, m) or _adjective_after_noun(text, m)
                    or _second_syllable(text, m)):
                continue
            if m.lowered is not None and m.lowered >= Lowered.NAMED:
                if not m.entry_ids & named:
                    continue
                before = _word_before(text, m.start).casefold()
                # "a hamas source": the article is the source's; "une banque mondiale" is a
                # bank, not the World Bank.
                if m.size > 1 and (before in DETERMINERS or before.isdigit()):
                    continue
                if m.lowered is Lowered.PLACED and before not in _PLACE_PREPOSITIONS:
                    continue
            found.append(m)
        return found

    # -- near misses -----------------------------------------------------------------------------
    # Most words the search looks at stand near no name of two words or more: it asks ``kinds``
    # (``start_kind`` of each word, which the scan has) whether a name could start around a word
    # before it probes the index. What depends only on the word as written (and the language)
    # is computed once per distinct word: a draft repeats its names.
    def _typos(self, doc: Document, lang: str, seg_words: SegmentWords, seps: Separators,
               leftovers: list[int], kinds: list[int]) -> list[tuple[int, Mention]]:
        found: list[tuple[int, Mention]] = []
        taken: set[int] = set()
        # The name words each word may be a near miss of (nearly always none), once per word.
        nears = _memoised(self._near.setdefault(lang, {}),
                          lambda raw: self._near_name_word(raw, lang),
                          list(map(seg_words.raw.__getitem__, leftovers)))
        for i, near in compress(zip(leftovers, nears, strict=True), nears):
            if i in taken:
                continue
            mention = self._typo_mention(doc, lang, seg_words, seps, i, near, kinds)
            if mention is not None:
                first = i - mention[0]
                found.append((first, mention[1]))
                taken.update(range(first, first + mention[1].size))
        return found

    def _near_name_word(self, raw: str, lang: str) -> tuple[tuple[int, str], ...]:
        """The name words the word ``raw`` (as written) may be a near miss of, as (distance,
        name word), nearest first; empty when none. Several are kept: in a large termbase a
        misspelled surname is often one edit from two names, and the words around it tell which
        one was meant."""
        text = raw if raw.isascii() else nfc(raw)
        if not text[:1].isupper():
            return ()
        folded = fold_key(text)
        index = self.index
        if (not typo_searchable(folded) or folded in index.name_words
                or casefold(text) in index.form_words or wordlist.is_known(text, lang)
                or index.is_derived_word(text)):
            return ()
        short = len(folded) <= 6
        letters = sorted(folded)
        # Short words: a swap (Lavorv) counts, another letter (Milet) not.
        return tuple(sorted(
            (distance, candidate) for distance, candidate in self._near_words(folded)
            if not (short and len(candidate) == len(folded) and sorted(candidate) != letters)))

    def _near_words(self, folded: str) -> tuple[tuple[int, str], ...]:
        """The name words within a near miss's edits of ``folded`` (an accent-folded word), as
        (distance, name word): those that start with its letter (Balah is no Salah misspelled)
        and are no inflection (Ivanova, Ivanov) or derivation (Bruxellois, Bruxelles) of it.
        What both typo searches start from, computed once per word for both."""
        found = self._near_folded.get(folded)
        if found is None:
            if len(self._near_folded) > MEMO_LIMIT:
                self._near_folded.clear()
            length, limit = len(folded), max_edits(len(folded))
            near = []
            for candidate in self.index.near_name_words(folded):
                # Lengths further apart than the edits allowed are too far, unmeasured.
                if abs(len(candidate) - length) > limit or candidate[0] != folded[0]:
                    continue
                distance = OSA.distance(folded, candidate, score_cutoff=limit)
                if (distance <= limit and not _is_inflection(folded, candidate)
                        and not _is_derived(folded, candidate)):
                    near.append((distance, candidate))
            found = self._near_folded[folded] = tuple(near)
        return found

    def _typo_mention(self, doc: Document, lang: str, seg_words: SegmentWords,
                      seps: Separators, i: int, near: tuple[tuple[int, str], ...],
                      kinds: list[int]) -> tuple[int, Mention] | None:
        """The mention around a misspelled word: the whole name when the words around it are
        the rest of a form of two words or more, else the word alone. ``near`` holds the name
        words it may be a near miss of, nearest first. Returns (position of the word in the
        mention, mention)."""
        raw = seg_words.raw[i]
        options = []
        # Only where a name of two words or more can start: before the word, or with one of
        # the name words (most words stand near none).
        start_kind = self.index.start_kind
        if _starts_longer_before(kinds, i) or (i + 1 < len(kinds) and any(
                start_kind(translit_word(name_word)) & STARTS_LONGER for _, name_word in near)):
            usable = _usable_for(raw)
            for distance, name_word in near:
                for pattern, k in self._fitting(seg_words, seps, i, name_word, kinds):
                    if usable(pattern, k):
                        options.append(((distance, -pattern.size), (
                            pattern.form.lang != lang,
                            _differences(seg_words, seps, i, k, pattern),
                            _STATUS_RANK[pattern.form.status]), k, pattern))
        if options:
            # The name whose other words stand around the misspelled one; when names of two
            # entries fit as well (same distance, same length), the choice would be a guess.
            fit = min(o[0] for o in options)
            options = [o for o in options if o[0] == fit]
            if len({o[3].entry.id for o in options}) > 1:
                return None
            _, _, k, pattern = min(options, key=lambda o: o[1])
            if (pattern.form.status is Status.SHORT and pattern.entry.type is EntryType.PERSON
                    and _after_given_name(seg_words, seps, i - k, lang)):
                return None  # Khaled al-Anani, a minister: no al-Adnani misspelled
            run = seg_words[i - k:i - k + pattern.size]
            # The form the writer meant, not the preferred one (État islamique, accepted, is
            # no Etat islamique misspelled).
            corrected = _meant(pattern, lang)
            return k, self._mention(doc, run, pattern, MatchKind.TYPO, False, lang,
                                    corrected=corrected)
        memo = _memo_of(self._lone, lang)
        lone = memo.get(raw)
        if lone is None:
            lone = memo[raw] = self._lone_typo(raw, lang, near, _usable_for(raw))
        patterns, corrected, swapped = lone
        # (The words around asked last: most words alone are no name's near miss anyway.)
        if not patterns or self._inside_longer_name(seg_words, seps, i, lang):
            return None  # Maroš in Maroš Šefčovič is another name, not Marcos misspelled
        word = [seg_words[i]]
        first, *others = (self._mention(doc, word, pattern, MatchKind.TYPO, False, lang,
                                        corrected=corrected) for pattern in patterns)
        first.alternatives = tuple(others)
        first.swapped = swapped
        return 0, first

    def _lone_typo(self, raw: str, lang: str, near: tuple[tuple[int, str], ...],
                   usable: Callable[[FormPattern, int], bool]
                   ) -> tuple[tuple[FormPattern, ...], str | None, bool]:
        """What a misspelled word alone (``raw``, with ``near`` from ``_near_name_word``) is a
        mention of: (the pattern, or the patterns of a short form several entries share, the
        first one's entry first, the others its alternatives; the corrected word for a word of
        a longer name; whether it is two letters of a place's or an organisation's one-word
        form swapped). No patterns when it is none. It depends on the word only."""
        # Alone, only the nearest name words count, and only when they belong to one entry:
        # with nothing around the word, two entries are a guess. (Counted without making the
        # patterns: a first name is in thousands of names.)
        top = [name_word for distance, name_word in near if distance == near[0][0]]
        only = None
        if len(set().union(*map(self.index.name_words.entries, top))) != 1:
            # Unless one entry alone has a one-word form there: a word alone is more likely
            # that name than a word of longer ones (Isrëal is Israël, not Israel Katz or the
            # Israel Defense Forces).
            singles = {p.entry.id for name_word in top
                       for p in self.index.patterns_starting(translit_word(name_word))
                       if p.size == 1 and p.folded[0] == name_word}
            if len(singles) != 1:
                return self._shared_names(lang, top, usable), None, False
            only = singles.pop()
        # A word counts as a one-word form, a surname (the last word of a person's name) or a
        # word of a place or an organisation: first names are too many to guess from (Taras
        # is not Tamas).
        alone = [(p, k) for name_word in top for p, k in self.index.name_words[name_word]
                 if usable(p, k) and (p.size == 1 or k == p.size - 1
                                      or p.entry.type is not EntryType.PERSON)
                 and (only is None or p.entry.id == only)]
        if not alone:
            return (), None, False
        pattern, k = min(alone, key=lambda pk: (pk[0].size != 1, pk[0].form.lang != lang,
                                                _STATUS_RANK[pk[0].form.status]))
        corrected = None if pattern.size == 1 else pattern.words[k]
        # Nearly every unknown proper noun is one edit from some name of a large termbase, but
        # seldom two letters swapped from a place or an organisation (people are too many).
        text = raw if raw.isascii() else nfc(raw)
        swapped = (pattern.size == 1 and pattern.entry.type is not EntryType.PERSON
                   and fold_key(text) in _swaps(pattern.folded[0]))
        return (pattern,), corrected, swapped

    def _shared_names(self, lang: str, top: list[str],
                      usable: Callable[[FormPattern, int], bool]) -> tuple[FormPattern, ...]:
        """For a word alone near a short form several entries share (Clintn: Clinton, Bill's
        and Hillary's), the best pattern of each of those entries, the best first: the
        mention and its alternatives, which the document resolves (``resolve_shared``).
        Empty when the nearest one-word forms are not one such form."""
        if len(top) != 1:
            return ()
        patterns = sorted((p for p in self.index.patterns_starting(translit_word(top[0]))
                           if p.size == 1 and p.folded[0] == top[0] and usable(p, 0)),
                          key=lambda p: (p.form.lang != lang, _STATUS_RANK[p.form.status]))
        best: dict[str, FormPattern] = {}
        for pattern in patterns:
            best.setdefault(pattern.entry.id, pattern)
        if len(best) < 2 or any(p.form.status is not Status.SHORT for p in best.values()):
            return ()
        return tuple(best.values())

    def _anchored_typos(self, doc: Document, lang: str, seg_words: SegmentWords,
                        seps: Separators, taken: set[int], covered: set[int],
                        scanned: list[tuple[int, Mention]],
                        misspelt: list, kinds: list[int]) -> list[tuple[int, Mention]]:
        """Misspelled words inside names of two words or more whose other words stand around
        them as the form has them, whatever the word's length or case: États-Unsi, Kim Jnog-un,
        Union euroépenne, Corée du Nrod. The rest of the name anchors the entry, so a short word
        counts (two letters swapped, after the first), and a long one within a near miss's
        edits. The misspelled word is one no mention of the scan (``covered``) holds, and no
        name of two words or more of the scan (``scanned``) reaches across the name's bounds
        (``_clashes``): those are found as they are (Tatiana Torriaski is another romanisation
        of Tatiana Toriaski); one inside it is part of it (Abdel Fattal al-Sissi).
        Updates ``taken`` with the words of the names found. ``misspelt``: what
        ``_may_be_misspelt`` says of each word; ``kinds``: what ``start_kind`` does."""
        found: list[tuple[int, Mention]] = []
        candidates = list(compress(range(len(misspelt)), misspelt))
        if not candidates:
            return found
        # Most words that may be misspelt are in a mention of the scan (another spelling of
        # a name, Tchofousky), and their variants (a near-miss search) are never made. Of
        # the others, most stand near no name: no word that starts names of two words or more
        # in the MAX_NAME_RANK words before them (``starts``: 1 for such a word), no variant
        # of theirs that starts one (``_variant_starts``, asked only then, and when a word
        # follows), no swapped four-letter name (``_short_swap``). Nothing to probe then.
        starts = bytes(kinds).translate(_STARTS_LONGER_BYTES)
        raws = seg_words.raw
        variants_memo = _memo_of(self._variants, lang)
        anchors = _memo_of(self._anchors, lang)
        last = len(misspelt) - 1
        for i in candidates:
            if i in taken or i in covered:
                continue
            raw = raws[i]
            variants = variants_memo.get(raw)
            if variants is None:
                variants = variants_memo[raw] = self._misspelt_variants(raw, lang)
            if not variants:
                continue
            options = []
            anchored = 1 in starts[max(0, i - MAX_NAME_RANK):i]
            if not anchored and i < last:
                known = anchors.get(raw)
                if known is None:
                    known = anchors[raw] = self._variant_starts(variants)
                anchored = known
            if anchored:
                for distance, pattern, k in self._anchored_fits(seg_words, seps, i, variants):
                    if distance == SHORT_FIRST_NAME_EDIT:
                        if not _first_name_of(pattern, k):
                            continue  # a letter lost: only a first name before the surname
                        distance = 1
                    elif distance > max_edits(len(seg_words[i].folded)) and not _named_before(
                            pattern, k):
                        continue  # two edits: only a surname after the name's first words
                    # An article anchors only two letters swapped (La Hyae): le Maine is no Le
                    # Maire.
                    swap = distance == 1 and pattern.folded[k] in _swaps(seg_words[i].folded)
                    if not swap and all(casefold(w) in PARTICLES
                                        for j, w in enumerate(pattern.words) if j != k):
                        continue
                    options.append(((distance, -pattern.size), (
                        pattern.form.lang != lang, _differences(seg_words, seps, i, k, pattern),
                        _STATUS_RANK[pattern.form.status]), k, pattern))
            if not options:
                mention = self._short_swap(doc, lang, seg_words, i, variants)
                if mention is not None:
                    found.append((i, mention))
                    taken.add(i)
                continue
            fit = min(o[0] for o in options)
            options = [o for o in options if o[0] == fit]
            if len({o[3].entry.id for o in options}) > 1:
                continue  # two entries fit as well: a guess
            _, _, k, pattern = min(options, key=lambda o: o[1])
            first = i - k
            if any(w in taken for w in range(first, first + pattern.size)) or _clashes(
                    first, first + pattern.size, scanned):
                continue
            # The fix is the form the writer meant (not the preferred one) in the document's
            # language; another language's form gets its counterpart (expected_for).
            corrected = _meant(pattern, lang)
            found.append((first, self._mention(doc, seg_words[first:first + pattern.size],
                                               pattern, MatchKind.TYPO, False, lang,
                                               corrected=corrected)))
            taken.update(range(first, first + pattern.size))
        return found

    def _anchored_fits(self, seg_words: SegmentWords, seps: Separators, i: int,
                       variants: tuple[tuple[int, str], ...]
                       ) -> list[tuple[int, FormPattern, int]]:
        """The patterns of two words or more whose word at some rank k is one of ``variants``
        (name words the word at ``i`` may be a misspelling of) and whose other words are the
        words around ``i``, as (distance, pattern, k). Like ``_fitting`` for many variants at
        once: the names starting two words or more before ``i`` are probed once, whatever the
        variant. (Asked only where ``_anchored_typos`` found that such a name may start.)"""
        keys = seg_words.keys
        start_kind = self.index.start_kind
        by_word = {name_word: distance for distance, name_word in variants}
        variant_keys = {translit_word(name_word): name_word for name_word in by_word}
        probes: list[tuple[int, tuple[FormPattern, ...]]] = []
        for first in range(max(0, i - MAX_NAME_RANK), i - 1):  # the first two words intact
            if start_kind(keys[first]) & STARTS_LONGER:
                probes.append((first, self.index.patterns_starting(keys[first],
                                                                   keys[first + 1])))
        if i >= 1 and start_kind(keys[i - 1]) & STARTS_LONGER:  # the second word misspelled
            for key in variant_keys:
                probes.append((i - 1, self.index.patterns_starting(keys[i - 1], key)))
        if i + 1 < len(keys):  # the first word misspelled
            for key in variant_keys:
                if start_kind(key) & STARTS_LONGER:
                    probes.append((i, self.index.patterns_starting(key, keys[i + 1])))
        found = []
        for first, patterns in probes:
            k = i - first
            for pattern in patterns:
                end = first + pattern.size
                if pattern.size < 2 or pattern.size <= k or end > len(keys):
                    continue
                distance = by_word.get(pattern.folded[k])
                if distance is None:
                    continue
                if any(pattern.translit[j] != keys[first + j]
                       for j in range(pattern.size) if j != k):
                    continue
                if all(is_joiner(seps[x]) for x in range(first, end - 1)):
                    found.append((distance, pattern, k))
        return found

    def _variant_starts(self, variants: tuple[tuple[int, str], ...]) -> bool:
        """Whether some name word of ``variants`` (a word's ``_misspelt_variants``) starts a
        name of two words or more (by its transliteration key)."""
        start_kind = self.index.start_kind
        return any(start_kind(translit_word(name_word)) & STARTS_LONGER
                   for _, name_word in variants)

    def _short_swap(self, doc: Document, lang: str, seg_words: SegmentWords, i: int,
                    variants: tuple[tuple[int, str], ...]) -> Mention | None:
        """A capitalised word of four letters, alone, with two adjacent letters of a one-word
        form swapped (Irka, Gzaa), when that form is one entry's. Like every lone near miss, it
        counts only where the document names the entry otherwise (``_in_context``), or for a
        place, after a preposition of place."""
        raw = seg_words.raw[i]
        memo = _memo_of(self._swapped, lang)
        if raw in memo:
            pattern = memo[raw]
        else:
            pattern = memo[raw] = self._swapped_name(raw, lang, variants)
        if pattern is None:
            return None
        word = seg_words[i]
        mention = self._mention(doc, [word], pattern, MatchKind.TYPO, False, lang)
        # After a preposition of place, a place's name needs nothing else (en Idne).
        mention.swapped = (pattern.entry.type is EntryType.PLACE and _word_before(
            doc.text, word.start).casefold() in _PLACE_PREPOSITIONS)
        return mention

    def _swapped_name(self, raw: str, lang: str, variants: tuple[tuple[int, str], ...]
                      ) -> FormPattern | None:
        """The one-word form of one entry that the capitalised four-letter word ``raw`` writes
        with two adjacent letters swapped (``variants``: its ``_misspelt_variants``)."""
        text = raw if raw.isascii() else nfc(raw)
        folded = fold_key(text)
        if len(folded) != TYPO_MIN_LENGTH - 1 or not text[:1].isupper():
            return None
        swaps = _swaps(folded)
        fits = [p for distance, name_word in variants if distance == 1 and name_word in swaps
                for p in self.index.patterns_starting(translit_word(name_word))
                if p.size == 1 and p.folded[0] == name_word]
        if len({p.entry.id for p in fits}) != 1:
            return None
        return min(fits, key=lambda p: (p.form.lang != lang, _STATUS_RANK[p.form.status]))

    def _may_be_misspelt(self, raw: str, lang: str) -> bool:
        """Whether a word may be a misspelling of a name word inside a longer name: no
        ordinary word, name word or form, nothing but letters (most words are one of those).
        A word the word list holds only from a dictionary (staets, chian in English) may be:
        with the rest of the name around it, it is the misspelling. What the scan asks of every
        distinct word; its variants (``_misspelt_variants``) are searched for only where
        ``_anchored_typos`` needs them."""
        text = raw if raw.isascii() else nfc(raw)  # NFD drafts: combining marks are no letters
        if len(text) < 2 or not text.isalpha():
            return False
        # The English list counts names whatever their case: a word it attests is an English
        # word or a real name (Iran, one swap from the agency Irna). A word of the draft's
        # language in lower case is an ordinary word (confortent, a French verb the list holds
        # from its dictionary); capitalised, only if the list saw it in running text. A word of
        # a name is none either. (Asked in the order that settles most words soonest: lower
        # case, most are ordinary; capitalised, most are names' words, which the lists are
        # slower to say they lack.)
        capitalised = text[:1].isupper()
        if not capitalised and wordlist.is_known(text, lang):
            return False
        folded = fold_key(text)
        return (folded.isalpha() and folded not in self.index.name_words
                and not (capitalised and wordlist.is_attested(text, lang))
                and not wordlist.is_attested(text, "en")
                and casefold(text) not in self.index.form_words
                and not self.index.is_derived_word(text))

    def _misspelt_variants(self, raw: str, lang: str) -> tuple[tuple[int, str], ...]:
        """The name words (accent-folded) a word may be a misspelling of inside a longer name,
        as (distance, name word): its swaps of two adjacent letters after the first, and for
        words of five letters or more the near misses of the typo search. Empty for the words
        ``_may_be_misspelt`` rules out."""
        if not self._may_be_misspelt(raw, lang):
            return ()
        text = raw if raw.isascii() else nfc(raw)
        folded = fold_key(text)
        found = {swapped: 1 for swapped in _swaps(folded)}
        if text[:1].isupper():
            for candidate in self._four_letter_first_names(folded):
                found.setdefault(candidate, SHORT_FIRST_NAME_EDIT)
        if len(folded) >= TYPO_MIN_LENGTH and not wordlist.is_known(text, lang):
            # Other edits than a swap, for words that are no word at all (Maine, a word of
            # the French list, is no Maire misspelled).
            for distance, candidate in self._near_words(folded):
                found[candidate] = min(distance, found.get(candidate, distance))
            if len(folded) >= ANCHORED_TWO_EDITS_LENGTH:
                for candidate in self._two_edits_words(folded):
                    found.setdefault(candidate, 2)
        return tuple(sorted((distance, word) for word, distance in found.items()))

    def _four_letter_first_names(self, folded: str) -> list[str]:
        """The four-letter name words a capitalised word (``folded``) may be one letter off:
        one that lost a letter (Maky Sall), gained one (Abiye Ahmed) or had one changed after
        the first (Huga Chavez). Only the surname after it, intact, makes it a misspelling
        (``_anchored_typos``, ``SHORT_FIRST_NAME_EDIT``)."""
        if len(folded) == TYPO_MIN_LENGTH - 1:
            form_words = self.index.form_words
            changed = [word for word in (folded[:i] + letter + folded[i + 1:]
                                         for i in range(1, len(folded))
                                         for letter in _LETTERS if letter != folded[i])
                       if word in form_words]
            return changed + [candidate for _distance, candidate in self._near_words(folded)
                              if len(candidate) == TYPO_MIN_LENGTH]
        if len(folded) == TYPO_MIN_LENGTH:
            # Four-letter words are in no near-miss table, only among the forms' words.
            shorter = (folded[:i] + folded[i + 1:] for i in range(1, len(folded)))
            return [word for word in shorter if word in self.index.form_words]
        return []

    def _two_edits_words(self, folded: str) -> tuple[str, ...]:
        """The name words two edits from ``folded`` where a near miss of a word its length
        allows one (Lerconu for Lecornu, a letter moved): what the deletion index finds one
        deletion away on either side (two letters added, Sononko for Sonko, are out of reach).
        Only a name whose other words stand intact around the word makes them a misspelling
        (``_anchored_typos``)."""
        length = len(folded)
        if max_edits(length) >= 2:
            return ()  # the near-miss search reaches two edits already
        found = []
        for candidate in self.index.near_name_words(folded):
            if (abs(len(candidate) - length) > 2 or candidate[0] != folded[0]
                    or len(candidate) < TYPO_MIN_LENGTH):
                continue
            if (OSA.distance(folded, candidate, score_cutoff=2) == 2
                    and not _is_inflection(folded, candidate)
                    and not _is_derived(folded, candidate)):
                found.append(candidate)
        return tuple(found)

    def _relative(self, mention: Mention) -> bool:
        """Whether a misspelt person's name of two words is more likely a relative of the
        person: the first name is near theirs, but not by a slip of the keys, and the surname,
        intact, is a family's (Ivana Trump is Donald Trump's first wife, not Ivanka misspelt)."""
        pattern = mention.pattern
        if mention.size != 2 or not _first_name_of(pattern, 0):
            return False
        first, surname = mention.words
        return (surname.folded == pattern.folded[1] and first.folded != pattern.folded[0]
                and not _slip_of(first.folded, pattern.folded[0])
                and self._family_name(pattern.folded[1]))

    def _family_name(self, surname: str) -> bool:
        """Whether ``surname`` (accent-folded) ends the names of several people, or is the
        short form of several: a family's (Trump: Donald, Ivanka, Melania)."""
        people = {p.entry.id for p, rank in self.index.name_words.get(surname)
                  if rank == p.size - 1 and p.entry.type is EntryType.PERSON}
        people.update(p.entry.id for p in self.index.patterns_starting(translit_word(surname))
                      if p.size == 1 and p.folded[0] == surname
                      and p.entry.type is EntryType.PERSON)
        return len(people) > 1

    def _name_word_slips(self, doc: Document, lang: str, seg_words: SegmentWords,
                         seps: Separators, taken: set[int], covered: set[int],
                         scanned: list[tuple[int, Mention]], leftovers: list[int],
                         kinds: list[int]) -> list[tuple[int, Mention]]:
        """A word of a known name written as another real name one letter off, the rest of the name
        intact around it: Ming Aung Hlaing for Min Aung Hlaing, Mohammed Javad Zarif for
        Mohammad Javad Zarif, Felipe Nyusi for Filipe Nyusi, Aug San Suu Kyi for Aung San
        Suu Kyi. The other near-miss searches pass such a word over (a name word or a word
        of the lists is no misspelling in itself; a word of three or four letters is tried
        for a swap alone); here the name around it decides. Vowels alone apart, it is
        another romanisation (``MatchKind.TRANSLIT``). A name of three words or more needs
        one of its other words to be rare (no frequent word of the language or of English:
        Aung Hlaing, Javad Zarif, not Banque de France); a name of two only a person's, the
        first name misspelt (not a frequent word) before a rare surname that no other person
        of the termbase bears (Ivana Trump is another Trump, not Ivanka). A word that
        another form of the entry writes is no misspelling either: Abou Mohammad al-Joulani
        mixes two of its spellings. Updates ``taken`` with the words of the names found."""
        found: list[tuple[int, Mention]] = []
        memo = _memo_of(self._slips, lang)
        raws = seg_words.raw
        starts = bytes(kinds).translate(_STARTS_LONGER_BYTES)
        for i in leftovers:
            if i in taken or i in covered:
                continue
            raw = raws[i]
            variants = memo.get(raw)
            if variants is None:
                variants = memo[raw] = self._slip_variants(raw, lang)
            if not variants or not (1 in starts[max(0, i - MAX_NAME_RANK):i]
                                    or self._variant_starts(variants)):
                continue
            folded = seg_words[i].folded
            options = [(pattern.size, k, pattern) for _, pattern, k in self._anchored_fits(
                seg_words, seps, i, variants)
                if self._slip_fits(pattern, k, lang) and not writes_word(pattern.entry, folded)]
            if not options or len({o[2].entry.id for o in options}) > 1:
                continue  # none, or two entries fit: a guess
            _, k, pattern = max(options, key=lambda o: (o[0], o[2].form.lang == lang,
                                                        -_STATUS_RANK[o[2].form.status]))
            first, end = i - k, i - k + pattern.size
            if any(w in taken for w in range(first, end)) or _clashes(first, end, scanned):
                continue
            # Vowels alone apart (Abdul for Abdel, Mohammed for Mohammad) are another
            # romanisation of the name; other letters (Ming for Min) a misspelling.
            kind = (MatchKind.TRANSLIT if pattern.form.lang == lang
                    and _consonants(seg_words[i].folded) == _consonants(pattern.folded[k])
                    else MatchKind.TYPO)
            found.append((first, self._mention(doc, seg_words[first:first + pattern.size],
                                               pattern, kind, False, lang,
                                               corrected=_meant(pattern, lang))))
            taken.update(range(first, first + pattern.size))
        return found

    def _slip_variants(self, raw: str, lang: str) -> tuple[tuple[int, str], ...]:
        """The name words one letter off a capitalised word that the other searches leave:
        a real name or word of five letters or more (those ``_may_be_misspelt`` rules out),
        its near misses one edit away; a word of three or four letters, the forms' words of
        one letter more or one less (Ming: Min; Aug, Jon: Aung, Jong), which the other searches
        do not try for it."""
        text = raw if raw.isascii() else nfc(raw)
        if not text[:1].isupper() or not text.isalpha():
            return ()
        folded = fold_key(text)
        length = len(folded)
        if not folded.isalpha() or not TYPO_MIN_LENGTH - 2 <= length <= TYPO_MAX_LENGTH:
            return ()
        if length >= TYPO_MIN_LENGTH:
            if self._may_be_misspelt(raw, lang):
                return ()
            found = {candidate for distance, candidate in self._near_words(folded)
                     if distance == 1}
        else:
            form_words = self.index.form_words
            found = {word for word in (folded[:p] + letter + folded[p:]
                                       for p in range(1, length + 1) for letter in _LETTERS)
                     if word in form_words}
            if length > TYPO_MIN_LENGTH - 2:
                found.update(word for word in (folded[:p] + folded[p + 1:]
                                               for p in range(1, length))
                             if word in form_words)
        found.discard(folded)
        return tuple(sorted((1, candidate) for candidate in found))

    def _slip_fits(self, pattern: FormPattern, k: int, lang: str) -> bool:
        """Whether a name that fits around a real word one letter off its word at rank ``k``
        makes that word a misspelling (``_name_word_slips``)."""
        others = [w for j, w in enumerate(pattern.words) if j != k]
        if pattern.size >= 3:
            return any(len(w) >= TYPO_MIN_LENGTH - 2 and not wordlist.is_common(w, lang)
                       and not wordlist.is_common(w, "en") for w in others)
        surname = pattern.folded[1]
        return (_first_name_of(pattern, k) and pattern.form.status is not Status.SHORT
                and not wordlist.is_common(pattern.words[0], lang)
                and not wordlist.is_common(others[0], lang)
                and not wordlist.is_common(others[0], "en")
                # (one entry's word: no family's either, Trump stays with _relative)
                and len(self.index.name_words.entries(surname)) == 1)

    def _fitting(self, seg_words: SegmentWords, seps: Separators, i: int,
                 name_word: str, kinds: list[int]) -> list[tuple[FormPattern, int]]:
        """The patterns of two words or more holding ``name_word`` whose other words are the
        words around position ``i``, with the rank of ``name_word`` in each. Found by probing
        the index with the pairs of keys the name would start with, not by listing the names
        that hold ``name_word`` (a first name is in thousands of them); only with the pairs
        whose first key starts some name of two words or more (``kinds``: ``start_kind`` of
        each word)."""
        keys = seg_words.keys
        near_key = translit_word(name_word)

        def key_at(j: int) -> str:
            return near_key if j == i else keys[j]

        found = []
        for k in range(min(i, MAX_NAME_RANK) + 1):
            first = i - k
            if first + 1 >= len(keys) or not (
                    kinds[first] if k else self.index.start_kind(near_key)) & STARTS_LONGER:
                continue
            for pattern in self.index.patterns_starting(key_at(first), key_at(first + 1)):
                end = first + pattern.size
                if (pattern.size < 2 or pattern.size <= k or end > len(keys)
                        or pattern.folded[k] != name_word):
                    continue
                if any(pattern.translit[j] != key_at(first + j) for j in range(2, pattern.size)):
                    continue
                if all(is_joiner(seps[x]) for x in range(first, end - 1)):
                    found.append((pattern, k))
        return found


# ``start_kind`` (0 to 3) to 1 when names of two words or more start with the word, else 0.
_STARTS_LONGER_BYTES = bytes(1 if kind & STARTS_LONGER else 0 for kind in range(256))


def _memo_of(memos: dict[str, dict], lang: str) -> dict:
    """The memo of ``lang`` in ``memos`` (by language, then by word as written), emptied past
    ``MEMO_LIMIT`` words."""
    memo = memos.get(lang)
    if memo is None:
        memo = memos[lang] = {}
    elif len(memo) > MEMO_LIMIT:
        memo.clear()
    return memo


def _starts_longer_before(kinds: list[int], i: int) -> bool:
    """Whether one of the ``MAX_NAME_RANK`` words before ``i`` starts a name of two words or
    more (``kinds``: ``start_kind`` of each word)."""
    return any(map(STARTS_LONGER.__and__, kinds[max(0, i - MAX_NAME_RANK):i]))


def _usable_for(raw: str) -> Callable[[FormPattern, int], bool]:
    """Whether the word at rank k of a pattern may be what the misspelled word ``raw`` means: a
    misspelling rarely adds accents (Pékin is a French word, not a miswritten Pekuin)."""
    text = raw if raw.isascii() else nfc(raw)
    if fold_diacritics(text) == text:
        return _any_pattern
    return lambda pattern, k: fold_diacritics(pattern.words[k]) != pattern.words[k]


def _any_pattern(pattern: FormPattern, k: int) -> bool:
    return True


# Capitalised in English, and no part of a name: in Beijing on Monday, Moscow Tuesday.
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december""".split())
_PLACES_AND_BODIES = frozenset({EntryType.PLACE, EntryType.ORGANIZATION})
# Written before a person's name, with or without a full stop.
COURTESY_TITLES = frozenset({"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "mx", "dr",
                             "pr", "sir", "dame", "lord", "lady", "mgr", "me", "maître"})


def _inside_proper_name(doc: Document, seg_words: SegmentWords, seps: Separators, first: int,
                        end: int, lang: str, dotted: bool = False,
                        name_at: Callable[[int], bool] | None = None) -> bool:
    """True when the words ``first:end`` (a place or an organisation) stand inside a longer run
    of capitalised words, directly or across a connector: Scotland in Royal Bank of Scotland
    or Transport Scotland, Suisse in Credit Suisse, Damas in Le Chemin de Damas, Dominique
    (Dominica) in Dominique de Villepin. That run is another name (a bank, an agency, a book,
    a person), which keeps its own spelling whatever the language of the text.

    A capitalised neighbour counts unless its capital is explained otherwise: an ordinary word
    opening a sentence (En Scotland), or any ordinary word in a line written in capitals.
    Titles are not concerned: only places and organisations call this. A name of several words
    is the termbase's own: across a connector it is the name still (the Sommet des Nations
    unies is a summit of the United Nations), so only its direct neighbours count. ``dotted``:
    the form ends with a full stop (U.S.), which then stands between it and the next word. In
    French copy, an English link after the name carries it on whatever its length (the
    European Council on Foreign Relations); the State before a connector is the place (l'État
    du Tigré). ``name_at(j)``: whether a title, a person's name or a place of its own starts
    at the word ``j``; the neighbour there is then no word of the same name (Ethiopia Prime
    Minister, du Chili Michelle Bachelet, le Président du Chili, France-Japon)."""
    one_word = end - first == 1

    def name_word(j: int) -> bool:
        word = seg_words[j]
        text = word.text
        if len(text) < 2 or not text[:1].isupper() or casefold(text) in CALENDAR:
            return False
        if not wordlist.is_common(text, lang):
            return True
        if doc.is_headline(word.start) or doc.is_title_case(word.start):
            return False
        segment = doc.segment_of(word.start)
        return not doc.is_sentence_start(word.start, segment.start if segment else 0)

    # After a courtesy title the word is a person's name: M. Jordan, Ms. Maurice.
    if one_word and first > 0 and seg_words.raw[first - 1].casefold() in COURTESY_TITLES and (
            seps[first - 1] in (" ", ".")):
        return True
    # Left: the word before, or the word before a connector (Bank of | Scotland).
    if first > 0 and seps[first - 1] in (" ", "-"):
        j = first - 1
        if seg_words.raw[j] in CONNECTORS and one_word and j > 0 and seps[j - 1] == " ":
            j -= 1
            if fold_diacritics(casefold(seg_words.raw[j])) in _STATE_OF:
                return False  # l'État du Tigré, the State of Qatar: the place itself
        if name_word(j) and not (name_at is not None and name_at(j)):
            return True
    # Right: the word after, or after a connector (Scotland Yard, Dominique de Villepin); after
    # the full stop of a dotted abbreviation too (U.S. Census Bureau).
    if end < len(seg_words) and seps[end - 1] in ((" ", "-", ".") if dotted else (" ", "-")):
        j = end
        if (seg_words.raw[j] in CONNECTORS and one_word and j + 1 < len(seg_words)
                and seps[j] == " "):
            return name_word(j + 1)
        if (lang == "fr" and seg_words.raw[j] in _ENGLISH_LINKS and j + 1 < len(seg_words)
                and seps[j] == " " and name_word(j + 1)):
            return True  # French copy writes no "on": European Council on Foreign Relations
        # (name_at asked last: it probes the index, and most neighbours are no name word.)
        return name_word(j) and not (name_at is not None and seps[end - 1] in (" ", "-")
                                     and name_at(j))
    return False


# English words that join the words of a name, and that French never writes: after a name
# of several words in French copy, they carry it on into a longer English name.
_ENGLISH_LINKS = frozenset({"of", "on", "for", "and"})
# The State a place is, before a connector and the place (l'État du Tigré, the State of Qatar).
_STATE_OF = frozenset({"etat", "state"})  # accents folded: l'Etat du Tigré too


# French titles of people (the capitalization rule's, which French writes in lower case inside
# a sentence).
FRENCH_TITLES = ("président", "présidente", "vice-président", "vice-présidente", "ministre",
                 "secrétaire", "sénateur", "sénatrice", "député", "députée", "maire", "gouverneur",
                 "gouverneure", "chancelier", "chancelière", "juge", "procureur", "procureure",
                 "ambassadeur", "ambassadrice", "commissaire", "conseiller", "conseillère",
                 "directeur", "directrice", "porte-parole", "roi", "reine", "prince", "princesse",
                 "pape", "cardinal", "archevêque", "évêque", "émir", "cheikh", "général", "colonel",
                 "lieutenant", "capitaine", "amiral", "maréchal", "chef", "cheffe", "professeur",
                 "professeure", "docteur")
# Words that open a person's title after a place or a body in English copy (Ethiopia Prime
# Minister, Kenya Chief Justice, Argentina coach), besides the termbase's titles: they start
# no proper name with it. (Not "General" or "Premier": General Motors, Premier League.)
_TITLE_HEADS = frozenset({
    "president", "vice-president", "prime", "minister", "chancellor", "king", "queen", "emir",
    "prince", "governor", "mayor", "senator", "ambassador", "envoy", "foreign", "defence",
    "defense", "finance", "interior", "deputy", "secretary", "secretary-general", "attorney",
    "chief", "spokesman", "spokeswoman", "spokesperson", "leader", "coach", "captain",
    "striker", "midfielder", "goalkeeper", "defender",
    # French copy capitalises a title before the place it heads (le Président du Chili).
    "sélectionneur", "entraîneur"}) | frozenset(FRENCH_TITLES)


# ", Ontario", ", en Ontario", ", in Texas": what may follow a town named like a capital.
_REGION_AFTER = regex.compile(r"(?:,[ \u00a0]+|[ \u00a0]*\([ \u00a0]*)"
                              r"(?:(?:en|au|aux|dans|in)[ \u00a0]+(?:l['’])?)?"
                              r"(\p{Lu}[\p{L}\p{M}]*(?:[ -]\p{L}[\p{L}\p{M}]*){0,3})")


def _qualified_by_region(text: str, end: int) -> bool:
    """True when the place name ending at ``end`` is followed by a US state or a Canadian
    province (London, Ontario; Paris, Texas; St. John's (Terre-Neuve-et-Labrador)): that is
    the town of the same name, whose spelling is the same in every language, not the
    capital."""
    match = _REGION_AFTER.match(text, end)
    if match is None:
        return False
    words = regex.split(r"([ -])", match.group(1))
    return any(regions.is_region("".join(words[:n])) for n in range(1, len(words) + 1, 2))


def _ids(mention: Mention) -> Iterable[str]:
    """``mention.entry_ids`` without a set for a mention of one entry."""
    return mention.entry_ids if mention.alternatives else (mention.entry.id,)


def resolve_shared(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each short form several entries share (Clinton) resolved to the one
    of those entries the document names by a full form (preferred, accepted or avoid:
    Hillary Clinton); one it cannot resolve so (the document names none of them in full, or
    several) keeps its alternatives."""
    if not any(m.alternatives for m in mentions):
        return mentions
    named = {m.entry.id for m in mentions
             if not m.alternatives and m.form.status is not Status.SHORT}
    resolved = []
    for mention in mentions:
        if mention.alternatives:
            found = [c for c in mention.candidates if c.entry.id in named]
            if len(found) == 1:
                mention = replace(found[0], alternatives=(), segment=mention.segment)
        resolved.append(mention)
    return resolved


# A word this long may be two edits from the name word it misspells where the words before it
# are the rest of the name, intact (Sébastien Lerconu).
ANCHORED_TWO_EDITS_LENGTH = 6


# The letters that may stand in a short word one letter off a name word (Huga for Hugo, Aug
# for Aung): the forms' words are accent-folded, so these are all there is.
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The distance ``_misspelt_variants`` gives a four-letter word's near misses, which count only
# as a first name before its surname (``_first_name_of``): one edit, kept apart.
SHORT_FIRST_NAME_EDIT = 99


def _first_name_of(pattern: FormPattern, k: int) -> bool:
    """Whether the word at rank ``k`` is the first name of the person's name of two words
    ``pattern``, the surname after it no particle."""
    return (pattern.entry.type is EntryType.PERSON and k == 0 and pattern.size == 2
            and casefold(pattern.words[1]) not in PARTICLES)


def _named_before(pattern: FormPattern, k: int) -> bool:
    """Whether the word at rank ``k`` ends the person's name ``pattern`` and the words before
    it are more than particles: the surname after the first name."""
    return (pattern.entry.type is EntryType.PERSON and k == pattern.size - 1 and k >= 1
            and any(casefold(w) not in PARTICLES for w in pattern.words[:k]))


def _meant(pattern: FormPattern, lang: str) -> str | None:
    """The fix of a misspelt name: the form the writer meant, in the document's language (not
    its preferred form: a misspelt accepted form gets that accepted form back); None for
    another language's form, and for a form to avoid, whose fix is the preferred form (Geogia
    Meloni is Giorgia Meloni, not the avoided Georgia Meloni): ``expected_for`` gives both."""
    form = pattern.form
    return form.text if form.lang == lang and form.status is not Status.AVOID else None


def romanised(entry: Entry) -> bool:
    """True when the entry's languages write it differently (Poutine / Putin): a spelling that
    shares its transliteration key is then another romanisation. A name written alike in every
    language (Jake Sullivan) has no romanisations, only misspellings."""
    return len({forms.preferred.text for forms in entry.languages.values()}) > 1


# What a slip of the keys shares a transliteration key with: the name with a letter doubled or
# undoubled (Haris, Harris) or a mute e. Any other spelling of the same key differs by a letter
# group that only romanisations write differently (Zhaparov and Japarov, Zelenskiy and Zelensky).
_DOUBLED = regex.compile(r"(.)\1+")


def _slip_key(folded: str) -> str:
    return _DOUBLED.sub(r"\1", folded).removesuffix("e")


def romanised_spelling(mention: Mention) -> bool:
    """True when a mention found by its transliteration key is spelled as a romanisation of its
    form, not as a slip of it: a name written alike in every language still has other
    romanisations (Sadyr Zhaparov for Sadyr Japarov), while Haris for Harris is a misspelling."""
    return any(word.folded != folded and _slip_key(word.folded) != _slip_key(folded)
               for word, folded in zip(mention.words, mention.pattern.folded, strict=True))


def _close_spelling(mention: Mention) -> bool:
    """Whether a one-word mention is spelled within a near miss's edits of some one-word form of
    its entry (accents folded)."""
    folded = mention.words[0].folded
    limit = max_edits(len(folded))
    return any(OSA.distance(folded, fold_key(form.text), score_cutoff=limit) <= limit
               for form in mention.entry.forms() if " " not in form.text)


# Endings that make a demonym or an adjective of a place name, masculine, feminine and plural
# (Bruxellois, Boliviens, Indonésiennes, Iraqi, Chilean): a guess for the places whose entry
# lists no adjectives and demonyms (those it lists are known words before any guess is made).
_DERIVATIONS = frozenset(
    ending + plural
    for stem in ("ois", "ien", "ain", "ais", "en", "een", "an", "in", "ol", "ote", "ite", "ique",
                 "ése", "ese", "ian", "ish", "er", "ic", "ano", "eño", "i")
    for ending in (stem, stem + "e", stem + "ne")
    for plural in ("", "s"))


def _is_derived(word: str, name_word: str) -> bool:
    """Bruxellois is no misspelling of Bruxelles, nor Boliviens of Bolivie: the word is the
    name's stem (its end cut by three letters at most) and an ending of demonyms."""
    if len(word) <= len(name_word):
        return False  # Poutin, Sergie are misspelled: an ending makes a longer word
    shared = next((n for n, (a, b) in enumerate(zip(word, name_word, strict=False))
                   if a != b),
                  min(len(word), len(name_word)))
    return any(word[cut:] in _DERIVATIONS
               for cut in range(shared, max(4, len(name_word) - 3) - 1, -1))


def _is_inflection(word: str, name_word: str) -> bool:
    """Ivanova is not a misspelling of Ivanov (a feminine form), nor Lavrovs of Lavrov."""
    longer, shorter = (word, name_word) if len(word) > len(name_word) else (name_word, word)
    return longer[:-1] == shorter and longer[-1] in "as"


# Words of a name that a house may write in lower case (la Haye, the Hague, al-Assad): a name
# whose only lower-case words are these is a matter of style, not a miswritten name.
PARTICLES = frozenset({"la", "le", "les", "l", "the", "de", "du", "des", "d", "of", "al", "el",
                       "von", "van", "der", "den", "di", "da", "bin", "ben", "ibn", "y", "e"})
# A lower-case word at most this frequent (in the language of the draft and of the entry) is
# rare enough to be a lower-cased name rather than an ordinary word when the document names the
# entry: words at the French list's lowest count (0.14 per million in pyspellchecker's French
# list, which counts words in lower case only), obama, kerry, hamas, reuters (0.03 to 0.15 in
# the English one) are;
# bénin, corse, canton, cachemire (0.27 to 0.73), cooper, musk, chevron, amnesty, pentagon
# (0.27 to 0.94) are ordinary words. (The English list counts names whatever their case:
# london, russia, iraq stand above it and need no less than their capitals to be found.)
RARE_FREQUENCY = 0.2e-6
# Lower-case words that join the words of one proper name: the particles that stand between
# two of its words, and the prepositions of institutions' names (Bank of Scotland, Chemin de
# Damas, Business for Britain, Dominique de Villepin, Ludwig van Beethoven). Not "the", "l"
# and "d", which open a name rather than join one, nor "e", "and" and "et", which join a list
# (Londres et Paris), nor "on" or "in" (in Beijing on Monday).
CONNECTORS = (PARTICLES - {"the", "l", "d", "e"}) | {"for", "sur", "del", "della", "dos", "das"}
# Before a lower-case word, these make it a common noun (une banque mondiale, a chevron).
DETERMINERS = frozenset({
    "un", "une", "quelques", "plusieurs", "chaque", "ce", "cet", "cette", "ces", "mon", "ma",
    "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur",
    "leurs", "aucun", "aucune", "tout", "toute", "a", "an", "another", "each", "every", "some",
    "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "no",
    "any", "one"})
# Before a person's name alone in lower case, these make it a common noun: French and English
# write no article before a person's name (le président Poutine, not le poutine).
_NOUN_BEFORE = DETERMINERS | {"le", "la", "les", "l", "du", "des", "the"}
# Before a frequent word, these make it a place (en chine, à nice, in turkey).
_PLACE_PREPOSITIONS = frozenset({"à", "en", "au", "aux", "depuis", "vers", "in", "to", "from",
                                 "at"})


def lowered_evidence(run: list[Word], pattern: FormPattern, kind: MatchKind,
                     lang: str) -> Lowered | None:
    """Whether a mention of a name (``case: name``) that writes a capital of its form in lower
    case can be that name, and on what evidence; None when it is prose."""
    if kind > MatchKind.ACCENTS or pattern.form.lang != lang:
        # Lower case and another spelling too, or another language's form (taliban, a French
        # noun, is not the English Taliban): too far to tell.
        return None
    entry = pattern.entry
    pairs = list(zip(run, pattern.words, strict=True))
    lowered = [(w, f) for w, f in pairs if f[:1].isupper() and not w.text[:1].isupper()]
    for word, form_word in lowered:
        if is_acronym(form_word) and not (word.text.islower() and pattern.size == 1):
            return None  # an acronym is miswritten all in lower case, alone (otan), or not
    languages = {lang, *entry.languages}
    if pattern.size > 1:
        content = [w for w, f in lowered if casefold(f) not in PARTICLES]
        if not content:
            if entry.type is EntryType.PERSON and run[0] is not lowered[0][0] and \
                    run[0].text[:1].isupper():
                # Inside a person's name, after the first name, a particle is spelled as the
                # person spells it: Marine le Pen, Herman van Rompuy. (Opening a name it may
                # be an article: le Maire Rob Ford is the mayor, not Bruno Le Maire.)
                return Lowered.CAPITALS
            return None  # la Haye, the Hague, al-Qaida: house style
        if any(f[:1].isupper() and w.text[:1].isupper() and casefold(f) not in PARTICLES
               for w, f in pairs):
            # Some capitals kept: a lower-case first word is a slip of the name (états-Unis,
            # corée du Nord, jake Sullivan); ordinary words after it describe (Géorgie du sud
            # is the south of Georgia, Russian central bank is a bank), unless they are no word.
            if run[0] is content[0] or entry.type is EntryType.PERSON:
                return Lowered.CAPITALS
            if all(_known_anywhere(w.text, lang, languages) for w in content):
                return None
            return Lowered.SPELLING
        if entry.type is EntryType.PERSON:
            # A person's name all in lower case is the name unless every word is a frequent
            # word (le maire is not Bruno Le Maire).
            if all(wordlist.is_common(w.text, lang) for w in run):
                return None
            return Lowered.SPELLING
        if any(not _known_anywhere(w.text, lang, languages) for w in content):
            return Lowered.SPELLING  # bande de gaza, le caire
        words = [w for w, f in pairs if casefold(f) not in PARTICLES]
        if len(words) == 1:
            return _one_word(words[0], entry, languages, lang)  # la réunion
        return Lowered.NAMED  # nations unies, banque mondiale
    word = run[0]
    if is_acronym(pattern.words[0]):
        # nsa, otan; us, un and eu are words.
        return None if _known_anywhere(word.text, lang, languages) else Lowered.SPELLING
    if not _known_anywhere(word.text, lang, languages):
        return Lowered.SPELLING  # pékin, londres, moscou
    return _one_word(word, entry, languages, lang)


def _one_word(word: Word, entry: Entry, languages: set[str], lang: str) -> Lowered | None:
    """The evidence for one lower-case word that is a word of some language."""
    common = (entry.ambiguous if entry.ambiguous is not None
              else wordlist.is_common(word.text, lang))
    if common:
        # A frequent word: only a place, after a preposition (en suisse, à vienne).
        return Lowered.PLACED if entry.type is EntryType.PLACE else None
    frequency = max(wordlist.frequency(word.text, code) for code in languages)
    if frequency > RARE_FREQUENCY and not (entry.type is EntryType.PLACE
                                           and lang in wordlist.NAME_COUNTING):
        # cooper, musk, chevron, amnesty; bénin, corse, canton: ordinary words. (Places are
        # seldom ordinary English words, and the English list counts them as words: london.)
        return None
    return Lowered.NAMED


def _known_anywhere(word: str, lang: str, languages: set[str]) -> bool:
    """Whether ``word`` is a word of the draft's language, or a word another language of the
    entry writes (pence, nice in a French draft). Another language's list also holds foreign
    names in lower case at its lowest count (bruxelles in English): those do not count, nor
    do the draft's language's words that never inflect at that count (russie, chine)."""
    if wordlist.is_known(word, lang) and not wordlist.is_dictionary_only(word, lang):
        return True
    return any(wordlist.is_attested(word, code) for code in languages if code != lang)


def _name_like(seg_words: SegmentWords, sep: str, j: int, lang: str) -> bool:
    """Whether the word at ``j``, joined by ``sep`` to a word beside it, is a capitalised
    word that looks like a name (no title or other ordinary word: President, M., Mr)."""
    if sep not in (" ", "-") or not 0 <= j < len(seg_words):
        return False
    neighbour = seg_words[j].text
    return (len(neighbour) > 1 and neighbour[:1].isupper() and not neighbour.isupper()
            and not wordlist.is_common(neighbour, lang)
            and casefold(neighbour) not in COURTESY_TITLES)


def _after_given_name(seg_words: SegmentWords, seps: Separators, i: int, lang: str) -> bool:
    """Whether the word at ``i`` follows a capitalised word that looks like a name: a given
    name (Brigitte Macron, Khaled al-Anani)."""
    return i > 0 and _name_like(seg_words, seps[i - 1], i - 1, lang)


def _word_before(text: str, start: int) -> str:
    """The word that ends just before ``start`` (across spaces and an elided apostrophe), or
    an empty string."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0\u202f'’":
        i -= 1
    end = i
    while i > 0 and (text[i - 1].isalnum()):
        i -= 1
    return text[i:end]


# Words before which a lower-case word is no adjective qualifying them: articles,
# prepositions, conjunctions.
_NOT_QUALIFIED = _NOUN_BEFORE | _PLACE_PREPOSITIONS | {
    "de", "d", "par", "pour", "contre", "avec", "chez", "sur", "sous", "dans", "entre", "et",
    "ou", "que", "qui"}


def _adjective_after_noun(text: str, m: Mention) -> bool:
    """Whether a group's plural name in lower case follows a plural noun in French copy: an
    adjective that agrees with it, which French writes in lower case (les rebelles houthis,
    des attaques houthis). Les houthis is the group; l'affaire nsa, l'action renault the
    names miswritten."""
    if (m.size != 1 or m.form.lang != "fr" or m.entry.type is EntryType.PERSON
            or is_acronym(m.pattern.words[0]) or not m.text.endswith("s")
            or text[m.start - 1:m.start] != " "):
        return False
    before = _word_before(text, m.start)
    return (len(before) > 2 and before.islower() and before[-1] in "sx"
            and before.casefold() not in _NOT_QUALIFIED)


def _second_syllable(text: str, m: Mention) -> bool:
    """Whether a one-word name in lower case ends a hyphenated given name, whose second
    syllable Chinese and Korean names write in lower case (Chang San-cheng, Kim Jong-un): it
    is no lowered Cheng."""
    return (m.size == 1 and text[m.start - 1:m.start] in ("-", "\u2011")
            and _word_before(text, m.start - 1)[:1].isupper())


# What opens a noun's complement (organisation des Nations unies, agency of the UN).
_COMPLEMENT_LINKS = frozenset({"de", "des", "du", "d", "of", "for"})


def _common_noun_opening(text: str, m: Mention) -> bool:
    """Whether a name of several words opens in lower case with an ordinary word, then its
    complement, after an indefinite article, a demonstrative or a possessive: a common noun
    (une organisation des Nations unies is one of the UN's bodies), not the name with a slip
    of its capital (l'organisation des Nations unies). A foreign Office spokesman is the
    Foreign Office miswritten: no complement follows, the article is the spokesman's."""
    if m.size < 2 or m.entry.type is EntryType.PERSON:
        return False
    first = m.words[0].text
    return (not first[:1].isupper() and m.pattern.words[0][:1].isupper()
            and casefold(m.words[1].text) in _COMPLEMENT_LINKS
            and _word_before(text, m.start).casefold() in DETERMINERS
            and wordlist.is_known(first, m.form.lang))


def _in_address(text: str, start: int, end: int) -> bool:
    """True when a word is part of a web or mail address or a file name (afp.com, @nsa_gov)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end:end + 2]
    return (before in "/@._" and before != "") or after[:1] in ("@", "_", "/") or (
        after[:1] == "." and after[1:2].isalnum())


def _clashes(first: int, end: int, scanned: list[tuple[int, Mention]]) -> bool:
    """Whether a name of two words or more that the scan found reaches across the bounds of
    the words ``first:end`` (another reading of them). One inside them is a part of the name
    they make, misspelt elsewhere (al-Sissi in Abdel Fattal al-Sissi, Suu Kyi in Aug San Suu
    Kyi)."""
    return any(start < end and first < start + m.size
               and (start < first or start + m.size > end)
               for start, m in scanned if m.size > 1)


_VOWELS = str.maketrans("", "", "aeiouy")


def _consonants(folded: str) -> str:
    """An accent-folded word without its vowels."""
    return folded.translate(_VOWELS)


def writes_word(entry: Entry, folded: str, lang: str | None = None) -> bool:
    """Whether a form of ``entry`` (in ``lang``, or any language) other than those to avoid
    holds the word ``folded`` (accent-folded): a spelling of the entry's own, not another
    one."""
    return any(folded in map(fold_key, WORD_RE.findall(form.text))
               for form in entry.forms(lang) if form.status is not Status.AVOID)


def _slip_of(word: str, name_word: str) -> bool:
    """Whether ``word`` writes ``name_word`` (both accent-folded) with two adjacent letters
    swapped or a letter doubled or undoubled: a slip of the keys, never another name."""
    return word in _swaps(name_word) or _slip_key(word) == _slip_key(name_word)


def _swaps(word: str) -> list[str]:
    """``word`` with two adjacent letters swapped, each place after the first letter."""
    return [word[:p] + word[p + 1] + word[p] + word[p + 2:] for p in range(1, len(word) - 1)
            if word[p] != word[p + 1]]


def _differences(seg_words: SegmentWords, seps: Separators, i: int, k: int,
                 pattern: FormPattern) -> int:
    """How many words around a misspelled one (at ``i``, rank ``k`` in ``pattern``), and
    separators between them, the pattern writes otherwise than the draft: between two forms
    that fit, the one the writer wrote (État islamique, not Etat islamique; Maison-Blanche, not
    Maison Blanche)."""
    first = i - k
    return (sum(1 for j, form_word in enumerate(pattern.words)
                if j != k and seg_words[first + j].text != form_word)
            + sum(1 for j, sep in enumerate(pattern.seps) if seps[first + j] != sep))

