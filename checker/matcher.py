"""Finds every mention of every known form in a draft, and the near misses of names.

The scan walks the words of each prose segment once. At each word it probes the index for the
patterns whose first word has the same transliteration key, so ``Sergei``, ``Sergueï`` and
``Serguei`` reach the same patterns; the longest pattern whose words all share the key wins.
How close the words are (exact, case, accents, transliteration) is recorded, never judged: rules
judge. Cost is one dictionary probe per word, whatever the size of the termbase.

Words left over are searched for near misses of names through the index's deletion table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from itertools import accumulate, compress

import regex
from rapidfuzz.distance import OSA

from glossary import Entry, EntryType, Form, Status, TermIndex
from glossary.index import (
    MEMO_LIMIT,
    STARTS_LONGER,
    TYPO_MIN_LENGTH,
    FormPattern,
    max_edits,
    typo_searchable,
)
from glossary.normalize import casefold, fold_diacritics, fold_key, nfc, translit_word
from glossary.tokens import WORD_RE, is_joiner, normalize_separator

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


@dataclass(frozen=True)
class Word:
    """A word of the draft."""

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

    @property
    def in_source(self) -> bool:
        """True in the source text of a translation (checked only against its target)."""
        return self.segment is not None and self.segment.role == "source"

    @property
    def size(self) -> int:
        return len(self.words)


@dataclass
class MatchResult:
    """Mentions of a document, sorted by position, and the capitalised words left over that
    could be names the termbase does not know (long enough, letters only, no ordinary word)."""

    mentions: list[Mention]
    free_words: list[Word]


# How far into a name a misspelled word is looked for (names of more words are rare).
MAX_NAME_RANK = 6


def _is_acronym(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


# Per distinct word, what every occurrence would compute again: drafts repeat their words (a
# megabyte of news has a few thousand distinct words among 170,000). Emptied past MEMO_LIMIT.
_KEYS: dict[str, str] = {}  # translit_word
_CAPITALISED: dict[str, bool] = {}
_SEPARATORS: dict[str, str] = {" ": " "}  # normalize_separator
_SPLIT_RE = regex.compile(f"({WORD_RE.pattern})")


def _memoised(memo: dict, function, items: list) -> list:
    """``[function(x) for x in items]``, computing ``function`` once per distinct item
    (``function`` never returns None)."""
    found = list(map(memo.get, items))  # one C-level pass: nearly every word is known
    if None in found:
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        for position, value in enumerate(found):
            if value is None:
                item = items[position]
                value = memo.get(item)
                if value is None:
                    value = memo[item] = function(item)
                found[position] = value
    return found


class SegmentWords:
    """The words of a segment. Their transliteration keys are computed for all (the scan probes
    the index with them); offsets, and a ``Word`` with its text and folded form, only for the
    few the scan or the typo search looks at."""

    def __init__(self, text: str, segment: Segment):
        self.text = text
        self.start = segment.start
        # [separator, word, separator, word, ..., separator]: one C-level pass.
        self.parts = _SPLIT_RE.split(text[segment.start:segment.end])
        self.raw = self.parts[1::2]
        self.keys = _memoised(_KEYS, translit_word, self.raw)
        self._bounds: list[int] | None = None
        self._words: dict[int, Word] = {}
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

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.word(i) for i in range(*index.indices(len(self.raw)))]
        return self.word(index + len(self.raw) if index < 0 else index)

    def word(self, index: int) -> Word:
        """The word at ``index`` (not negative)."""
        word = self._words.get(index)
        if word is None:
            bounds = self.bounds
            raw = self.raw[index]
            text = raw if raw.isascii() else nfc(raw)
            word = self._words[index] = Word(bounds[2 * index + 1], bounds[2 * index + 2], text,
                                             self.keys[index], fold_key(text))
        return word

    def run(self, start: int, end: int) -> list[Word]:
        """The words from ``start`` to ``end`` (excluded), both within the segment."""
        return [self.word(i) for i in range(start, end)]

    def capitalised(self) -> list[int]:
        """Positions of the words that start with a capital letter."""
        flags = _memoised(_CAPITALISED, lambda w: w[:1].isupper(), self.raw)
        return list(compress(range(len(flags)), flags))


class Separators:
    """What stands between consecutive words of a segment, normalised on demand."""

    def __init__(self, parts: list[str]):
        self.parts = parts

    def __len__(self) -> int:
        return max(0, len(self.parts) // 2 - 1)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
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
        self._kinds: dict[str, int] = {}  # start_kind by transliteration key
        # _near_name_word by (word, lang)
        self._near: dict[tuple[str, str], tuple[tuple[int, str], ...]] = {}
        self._names: dict[tuple[str, str], bool] = {}  # _may_be_name by (word, lang)

    # -- the scan --------------------------------------------------------------------------------
    def match(self, doc: Document, lang: str, source_lang: str | None = None) -> MatchResult:
        """Mentions in every segment: source segments of a translation in ``source_lang``,
        the others in ``lang``."""
        mentions: list[Mention] = []
        free: list[Word] = []
        for segment in doc.segments:
            is_source = segment.role == "source"
            # The engine decided both languages (from options, the file, or the text).
            seg_lang = (source_lang or lang) if is_source else lang
            seg_words, seps = self.segment_words(doc, segment)
            found = self._scan(doc, seg_lang, seg_words, seps)
            covered = {w for m in found for w in range(m[0], m[0] + m[1].size)}
            # Only capitalised words can be misspelled names or unknown names.
            leftovers = [i for i in seg_words.capitalised() if i not in covered]
            typos = self._typos(doc, seg_lang, seg_words, seps, leftovers)
            typo_covered = {w for i, m in typos for w in range(i, i + m.size)}
            found = [(i, m) for i, m in found
                     if not any(w in typo_covered for w in range(i, i + m.size))]
            for _, mention in sorted(found + typos, key=lambda x: x[0]):
                mention.segment = segment
                mentions.append(mention)
            if not is_source:
                raw = seg_words.raw
                free += [seg_words[i] for i in leftovers
                         if i not in typo_covered and self._may_be_name(raw[i], seg_lang)]
        return MatchResult(self._in_context(doc, mentions), free)

    def _may_be_name(self, raw: str, lang: str) -> bool:
        """Whether a capitalised word left over could be a name the termbase does not know:
        letters only, of a name word's length, no ordinary word (once per distinct word)."""
        memo_key = (raw, lang)
        answer = self._names.get(memo_key)
        if answer is None:
            if len(self._names) > MEMO_LIMIT:
                self._names.clear()
            text = raw if raw.isascii() else nfc(raw)
            folded = fold_key(text)
            answer = self._names[memo_key] = (typo_searchable(folded)
                                              and not wordlist.is_common(text, lang))
        return answer

    @staticmethod
    def segment_words(doc: Document, segment: Segment) -> tuple[SegmentWords, Separators]:
        """The words of a segment and the normalised separators between them (``seps[i]``
        stands between word i and word i + 1), both read lazily."""
        seg_words = SegmentWords(doc.text, segment)
        return seg_words, seg_words.separators

    def _scan(self, doc: Document, lang: str, seg_words: SegmentWords,
              seps: Separators) -> list[tuple[int, Mention]]:
        found: list[tuple[int, Mention]] = []
        keys = seg_words.keys
        # Most words start no pattern: find those that may, one memoised probe per distinct
        # word, and look closer there only.
        kinds = _memoised(self._kinds, self.index.start_kind, keys)
        last = len(keys) - 1
        after = 0  # words before this one are inside a mention already
        for i in compress(range(len(kinds)), kinds):
            if i < after:
                continue
            # A pattern of two words or more needs the pair; one-word patterns the word alone.
            if kinds[i] == STARTS_LONGER and (i == last or not self.index.patterns_starting(
                    keys[i], keys[i + 1])):
                continue
            mention = self._match_at(doc, lang, seg_words, seps, i)
            if mention is not None:
                found.append((i, mention))
                after = i + mention.size
        return found

    def _match_at(self, doc: Document, lang: str, seg_words: SegmentWords, seps: Separators,
                  i: int) -> Mention | None:
        matches: list[tuple[tuple, FormPattern, MatchKind, bool]] = []
        size = 0
        keys = seg_words.keys
        second = keys[i + 1] if i + 1 < len(keys) else None
        for pattern in self.index.patterns_starting(keys[i], second):
            if pattern.size < size:
                break  # patterns come longest first: a shorter one cannot win any more
            end = i + pattern.size
            if end > len(keys):
                continue
            if keys[i + 2:end] != list(pattern.translit[2:]):
                continue
            between = seps[i:end - 1]
            if not all(map(is_joiner, between)):
                continue
            run = seg_words.run(i, end)
            kind = self._kind(run, pattern)
            if not self._acceptable(run, pattern, kind, lang):
                continue
            spacing = tuple(between) != pattern.seps
            rank = (kind, spacing, pattern.form.lang != lang, _STATUS_RANK[pattern.form.status])
            matches.append((rank, pattern, kind, spacing))
            size = pattern.size
        if not matches:
            return None
        rank, best, kind, spacing = min(matches, key=lambda m: m[0])
        if best.size == 1 and self._inside_longer_name(seg_words, seps, i, lang):
            return None
        run = seg_words.run(i, i + best.size)
        return self._mention(doc, run, best, kind, spacing,
                             mixed=self._mixed(run, best, [m[1] for m in matches]), lang=lang)

    @staticmethod
    def _inside_longer_name(seg_words: list[Word], seps: list[str], i: int, lang: str) -> bool:
        """True when the word at ``i`` is joined to a capitalised word that looks like a name:
        Maurice in Maurice Ravel is not Mauritius, Macron in Brigitte Macron is not Emmanuel
        Macron. Titles and other ordinary words do not count (President Putin, M. Lavrov)."""
        for j, sep in ((i - 1, seps[i - 1] if i > 0 else ""),
                       (i + 1, seps[i] if i < len(seps) else "")):
            if sep not in (" ", "-") or not 0 <= j < len(seg_words):
                continue
            neighbour = seg_words[j].text
            if (len(neighbour) > 1 and neighbour[:1].isupper() and not neighbour.isupper()
                    and not wordlist.is_common(neighbour, lang)):
                return True
        return False

    @staticmethod
    def _kind(run: list[Word], pattern: FormPattern) -> MatchKind:
        kind = MatchKind.EXACT
        for word, form_word, folded in zip(run, pattern.words, pattern.folded, strict=True):
            if word.text == form_word:
                continue
            if casefold(word.text) == casefold(form_word):
                kind = max(kind, MatchKind.CASE)
            elif word.folded == folded:
                kind = max(kind, MatchKind.ACCENTS)
            else:
                kind = max(kind, MatchKind.TRANSLIT)
        return kind

    def _acceptable(self, run: list[Word], pattern: FormPattern, kind: MatchKind,
                    lang: str) -> bool:
        """Refuse matches that are more likely ordinary words than the name."""
        for word, form_word in zip(run, pattern.words, strict=True):
            if _is_acronym(form_word) and not word.text.isupper():
                return False  # NATO is not "nato"; UN is not the French "un"
        entry = pattern.entry
        is_person = entry.type is EntryType.PERSON
        lowered = [w for w, f in zip(run, pattern.words, strict=True)
                   if f[:1].isupper() and not w.text[:1].isupper()]
        if pattern.size > 1:
            # "la réunion" is not La Réunion, nor "Russian central bank" the Russian Central
            # Bank: ordinary words in lower case describe, they do not name. (People's names
            # are names whatever their case: "jake Sullivan".)
            if is_person:
                return not (lowered and all(wordlist.is_common(w.text, lang) for w in run))
            return not lowered or not all(wordlist.is_known(w.text, lang) for w in lowered)
        word = run[0]
        if lowered:
            # A lower-case word is a miswritten name only for people, and only when it is no
            # word of its own ("labour" is not Labour, "paris" is a bet).
            return is_person and kind <= MatchKind.ACCENTS and not any(
                wordlist.is_known(word.text, code) for code in {lang, *entry.languages})
        if kind >= MatchKind.TRANSLIT:
            # Another romanisation of a one-word name: only for long words that are no word.
            return len(word.folded) >= TYPO_MIN_LENGTH and not wordlist.is_known(word.text, lang)
        return True

    @staticmethod
    def _mixed(run: list[Word], best: FormPattern, candidates: list[FormPattern]) -> bool:
        """True when some word is spelled as another language's form of the entry has it, and
        not as the chosen form has it (Nikolaï Patrushev in French)."""
        for other in candidates:
            if (other.form.entry_id != best.form.entry_id or other.form.lang == best.form.lang
                    or other.size != best.size):
                continue
            for j, word in enumerate(run):
                if word.folded == other.folded[j] and word.folded != best.folded[j]:
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
        return Mention(start, end, doc.text[start:end], entry, pattern.form, pattern, kind,
                       spacing, mixed, corrected, needs_context, tuple(run))

    def _in_context(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """Drop one-word mentions that are ordinary words, unless they are capitalised inside a
        sentence or the entry's full name appears in the document; and one-word near misses of
        an entry the document does not otherwise mention: in a large termbase nearly every
        unknown proper noun is one edit from some name (Pékin from a Pekuin), while a
        misspelled surname almost always stands in an article that names the person right.
        The same holds for a one-word mention found only by its transliteration key and spelled
        far from every form of the entry: Jenin, the town, shares its key with a surname
        Zheniin, three letters away, and an article about Jenin never names that person; while
        Patroutchev, one letter from Patrouchev, is that name in another romanisation."""
        named = {m.entry.id for m in mentions if m.size > 1}
        # Entries the document names otherwise than by a lone near miss or romanisation.
        attested = {m.entry.id for m in mentions if m.size > 1 or m.kind < MatchKind.TRANSLIT}
        kept = []
        for m in mentions:
            if m.size == 1 and m.entry.id not in attested and (
                    m.kind is MatchKind.TYPO
                    or (m.kind is MatchKind.TRANSLIT and not _close_spelling(m))):
                continue
            if m.needs_context and m.entry.id not in named:
                segment = doc.segment_of(m.start)
                floor = segment.start if segment else 0
                if (not m.text[:1].isupper() or doc.is_sentence_start(m.start, floor)
                        or doc.is_headline(m.start)):
                    continue
            kept.append(m)
        return kept

    # -- near misses -----------------------------------------------------------------------------
    def _typos(self, doc: Document, lang: str, seg_words: list[Word], seps: list[str],
               leftovers: list[int]) -> list[tuple[int, Mention]]:
        found: list[tuple[int, Mention]] = []
        taken: set[int] = set()
        for i in leftovers:
            if i in taken:
                continue
            # The answer depends on the word and the language only: once per distinct word.
            memo_key = (seg_words.raw[i], lang)
            near = self._near.get(memo_key)
            if near is None:
                if len(self._near) > MEMO_LIMIT:
                    self._near.clear()
                near = self._near[memo_key] = self._near_name_word(seg_words[i], lang)
            if not near:
                continue
            mention = self._typo_mention(doc, lang, seg_words, seps, i, near)
            if mention is not None:
                first = i - mention[0]
                found.append((first, mention[1]))
                taken.update(range(first, first + mention[1].size))
        return found

    def _near_name_word(self, word: Word, lang: str) -> tuple[tuple[int, str], ...]:
        """The name words ``word`` may be a near miss of, as (distance, name word), nearest
        first; empty when none. Several are kept: in a large termbase a misspelled surname is
        often one edit from two names, and the words around it tell which one was meant."""
        folded = word.folded
        if (not word.text[:1].isupper() or not typo_searchable(folded)
                or folded in self.index.name_words or casefold(word.text) in self.index.form_words
                or wordlist.is_known(word.text, lang)):
            return ()
        limit = max_edits(len(folded))
        best: list[tuple[int, str]] = []
        for candidate in self.index.near_name_words(folded):
            if candidate[0] != folded[0]:
                continue  # misspellings keep the first letter: Balah is not Salah
            distance = OSA.distance(folded, candidate)
            if distance > limit or _is_inflection(folded, candidate):
                continue
            if len(folded) <= 6 and len(candidate) == len(folded) and sorted(
                    candidate) != sorted(folded):
                continue  # short words: a swap (Lavorv) counts, another letter (Milet) not
            best.append((distance, candidate))
        return tuple(sorted(best))

    def _typo_mention(self, doc: Document, lang: str, seg_words: SegmentWords,
                      seps: Separators, i: int, near: tuple[tuple[int, str], ...]
                      ) -> tuple[int, Mention] | None:
        """The mention around a misspelled word: the whole name when the words around it are
        the rest of a form of two words or more, else the word alone. ``near`` holds the name
        words it may be a near miss of, nearest first. Returns (position of the word in the
        mention, mention)."""
        word = seg_words[i]
        # A misspelling rarely adds accents: Pékin is a French word, not a miswritten Pekuin.
        accented = fold_diacritics(word.text) != word.text

        def usable(pattern: FormPattern, k: int) -> bool:
            return not (accented and fold_diacritics(pattern.words[k]) == pattern.words[k])

        options = []
        for distance, name_word in near:
            for pattern, k in self._fitting(seg_words, seps, i, name_word):
                if usable(pattern, k):
                    options.append(((distance, -pattern.size), (pattern.form.lang != lang,
                                    _STATUS_RANK[pattern.form.status]), k, pattern))
        if options:
            # The name whose other words stand around the misspelled one; when names of two
            # entries fit as well (same distance, same length), the choice would be a guess.
            fit = min(o[0] for o in options)
            options = [o for o in options if o[0] == fit]
            if len({o[3].entry.id for o in options}) > 1:
                return None
            _, _, k, pattern = min(options, key=lambda o: o[1])
            run = seg_words[i - k:i - k + pattern.size]
            return k, self._mention(doc, run, pattern, MatchKind.TYPO, False, lang)
        if self._inside_longer_name(seg_words, seps, i, lang):
            return None  # Maroš in Maroš Šefčovič is another name, not Marcos misspelled
        # Alone, only the nearest name words count, and only when they belong to one entry:
        # with nothing around the word, two entries are a guess. (Counted without making the
        # patterns: a first name is in thousands of names.)
        top = [name_word for distance, name_word in near if distance == near[0][0]]
        if len(set().union(*map(self.index.name_words.entries, top))) != 1:
            return None
        # A word counts as a one-word form, a surname (the last word of a person's name) or a
        # word of a place or an organisation: first names are too many to guess from (Taras
        # is not Tamas).
        alone = [(p, k) for name_word in top for p, k in self.index.name_words[name_word]
                 if usable(p, k) and (p.size == 1 or k == p.size - 1
                                      or p.entry.type is not EntryType.PERSON)]
        if not alone:
            return None
        pattern, k = min(alone, key=lambda pk: (pk[0].size != 1, pk[0].form.lang != lang,
                                                _STATUS_RANK[pk[0].form.status]))
        corrected = None if pattern.size == 1 else pattern.words[k]
        return 0, self._mention(doc, [seg_words[i]], pattern, MatchKind.TYPO, False, lang,
                                corrected=corrected)

    def _fitting(self, seg_words: SegmentWords, seps: Separators, i: int,
                 name_word: str) -> list[tuple[FormPattern, int]]:
        """The patterns of two words or more holding ``name_word`` whose other words are the
        words around position ``i``, with the rank of ``name_word`` in each. Found by probing
        the index with the pairs of keys the name would start with, not by listing the names
        that hold ``name_word`` (a first name is in thousands of them)."""
        keys = seg_words.keys
        near_key = translit_word(name_word)

        def key_at(j: int) -> str:
            return near_key if j == i else keys[j]

        found = []
        for k in range(min(i, MAX_NAME_RANK) + 1):
            first = i - k
            if first + 1 >= len(keys):
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


def _close_spelling(mention: Mention) -> bool:
    """Whether a one-word mention is spelled within a near miss's edits of some one-word form of
    its entry (accents folded)."""
    folded = mention.words[0].folded
    limit = max_edits(len(folded))
    return any(OSA.distance(folded, fold_key(form.text), score_cutoff=limit) <= limit
               for form in mention.entry.forms() if " " not in form.text)


def _is_inflection(word: str, name_word: str) -> bool:
    """Ivanova is not a misspelling of Ivanov (a feminine form), nor Lavrovs of Lavrov."""
    longer, shorter = (word, name_word) if len(word) > len(name_word) else (name_word, word)
    return longer[:-1] == shorter and longer[-1] in "as"
