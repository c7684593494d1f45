"""``termcheck suggest``: names the termbase does not know yet, mined from drafts and translation
files, as candidate entries ready to paste into a termbase.

The drafts are read by the same readers as ``check`` and scanned by the same matcher: what the
matcher recognises (known forms, their romanisations, near misses) is known and skipped. What is
left are runs of capitalised words joined like the words of one name (``Nikita Khrouchtchev``,
``Abou Mohammed al-Joulani``), less what only looks like a name: a word that opens a sentence
and is an ordinary word there (``Selon``), an elided article (``L'``), a frequent word standing
alone (``Wednesday``), a title before a name (``Prime Minister``), lines in capitals or in title
case (headlines).

Candidates are grouped by ``glossary.normalize.translit_key``, so ``Khrouchtchev`` and
``Khrushchev`` are one candidate with both spellings; a one-word candidate that is the last word
of a longer one becomes its short form. Each spelling goes under the language it was read in,
except that a spelling whose romanisation is clearly the other language's (``sh`` / ``ch``,
``ou`` / ``u``) goes under that language. In PO and XLIFF files the names of a source and of its
translation are paired, so one candidate gets both languages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import regex

from glossary import Termbase
from glossary.edit import check_entry, entries_of, make_id
from glossary.index.compiled import TYPO_MAX_LENGTH, is_acronym
from glossary.normalize import (
    casefold,
    fold_key,
    has_invisible,
    match_key,
    scripts,
    translit_key,
)
from glossary.validate import check_entries

from .. import words as wordlist
from ..document import Document, Segment
from ..engine import Checker
from ..errors import InputError
from ..matcher import COURTESY_TITLES, SegmentWords, Separators, Word
from ..stages import Analysis
from .providers import Provider, ProviderError, TranslationFailed

# Lower-case words that stand inside names: Ursula von der Leyen, Charles de Gaulle, al-Assad.
PARTICLES = frozenset("de du des la le da di do dos van von der den ter bin ben ibn al el "
                      "ul y".split())
# Elided articles and prepositions before a capitalised word (L'Ukraine, d'Alexeï).
ELISIONS = frozenset("l d j m n s t c qu jusqu lorsqu puisqu".split())
# Words that make a run of capitalised words an organisation.
ORGANIZATION_WORDS = frozenset(
    "agency agence army armée assembly assemblée association bank banque bureau center centre "
    "commission committee comité company compagnie conseil corporation council court cour "
    "department département federation fédération forces fondation foundation front fund "
    "fonds group groupe "
    "institute institut league ligue ministry ministère movement mouvement office "
    "organisation organization parliament parlement party parti reserve service services "
    "union université university".split())
PLACE_CUES = frozenset("à au aux en vers depuis in at from near près".split())
PERSON_CUES = frozenset(
    "m mme mr mrs ms dr président présidente president ministre minister porte-parole "
    "spokesman spokeswoman spokesperson général general chancelier chancellor premier leader "
    "dirigeant dirigeante chef chief secretary secrétaire ambassadeur ambassador sénateur "
    "senator député juge judge".split())
# English writes months and days with a capital; they are no names.
CALENDAR = frozenset("january february march april may june july august september october "
                     "november december monday tuesday wednesday thursday friday saturday "
                     "sunday jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Titles of address before a name (Mme Leavitt): a cue that a person follows, not part of it.
# Endings of nationality words (Taiwanese, Ukrainiens, Congolaise): a known word ending so is
# a demonym, not a name.
DEMONYM_ENDINGS = ("ese", "ian", "ians", "ien", "iens", "ienne", "iennes", "ais", "aise",
                   "aises", "ois", "oise", "oises", "ish", "ic", "ique", "iques", "ean", "eans")
CONTEXT_WIDTH = 100
_FR_MARKS = regex.compile(r"tch|ou|dj|[ïë]|(?<=[aeiou])ï")
_EN_MARKS = regex.compile(r"sh|zh|(?<![ck])h(?=[aeiou])|y(?=[aeiou])|[aeiou]y\b")


@dataclass(frozen=True)
class Occurrence:
    """One capitalised run of words that names something the termbase does not know."""

    text: str
    lang: str
    path: str
    line: int
    context: str
    previous: str  # the word before it, casefolded ("" at the start of a segment)
    unit: str | None = None  # translation unit, in PO and XLIFF files
    role: str = "prose"


@dataclass
class Candidate:
    """A name to add: its spellings per language (full and short), counts, files and the
    first context it was seen in; ``entry`` is the proposed schema-v1 entry."""

    key: str
    occurrences: list[Occurrence]
    forms: dict[str, Counter[str]] = field(default_factory=dict)
    short: dict[str, Counter[str]] = field(default_factory=dict)
    type: str = "person"
    type_reason: str = ""
    derived: dict[str, str] = field(default_factory=dict)  # lang -> how a form was derived
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> provider
    entry: dict[str, Any] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)  # forms left out, with the reason

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def files(self) -> list[str]:
        return sorted({o.path for o in self.occurrences})

    @property
    def first(self) -> Occurrence:
        return self.occurrences[0]


@dataclass
class Suggestions:
    """Candidates, most frequent first, and the inputs that could not be read."""

    candidates: list[Candidate]
    errors: list[InputError] = field(default_factory=list)
    provider_errors: list[ProviderError] = field(default_factory=list)


# --- mining --------------------------------------------------------------------------------------
def _is_name_word(word: Word) -> bool:
    text = word.text
    return text[:1].isupper() and not text[:1].isdigit()


def _runs(words: SegmentWords, seps: Separators, known: set[int]) -> Iterable[list[int]]:
    """Index lists of capitalised words joined like one name, lower-case particles allowed
    inside (``von der``), words of known names never."""
    i = 0
    while i < len(words):
        if i in known or not _is_name_word(words[i]):
            i += 1
            continue
        run = [i]
        j = i
        while j + 1 < len(words):
            nxt = j + 1
            if seps[j] not in (" ", "-", "'") or nxt in known:
                break
            if _is_name_word(words[nxt]):
                run.append(nxt)
                j = nxt
                continue
            # particles: von der Leyen, de Gaulle, al-Assad
            k = nxt
            while (k < len(words) and k not in known and casefold(words[k].text) in PARTICLES
                   and seps[k - 1] in (" ", "-", "'")):
                k += 1
            if (k > nxt and k < len(words) and k not in known and _is_name_word(words[k])
                    and seps[k - 1] in (" ", "-", "'")
                    and (len(run) == 1 or seps[k - 1] in ("-", "'"))):
                run.extend(range(nxt, k + 1))
                j = k
                continue
            break
        yield run
        i = j + 1


def _trim(doc: Document, segment: Segment, words: SegmentWords, seps: Separators,
          run: list[int], lang: str) -> list[int]:
    """The run without what only looks like part of a name."""
    # An elided article or preposition: L'Ukraine, d'Alexeï.
    while len(run) > 1 and seps[run[0]] == "'" and casefold(words[run[0]].text) in ELISIONS:
        run = run[1:]
    first = words[run[0]]
    if doc.is_sentence_start(first.start, segment.start) and (
            wordlist.is_common(first.text, lang)
            or (len(run) == 1 and wordlist.is_known(first.text, lang))):
        run = run[1:]  # "Selon", "Les", "The", "Historians" opening a sentence
    while len(run) > 1 and casefold(words[run[0]].text) in PARTICLES | COURTESY_TITLES:
        run = run[1:]
    while run and len(words[run[-1]].text) == 1:
        run = run[:-1]  # the U of U.S.
    # A title before a name (Prime Minister Keir Starmer): leading ordinary words, when at
    # least two words of the name remain.
    common = 0
    while (common < len(run) - 2 and wordlist.is_common(words[run[common]].text, lang)
           and seps[run[common]] == " "):
        common += 1
    if common and not any(wordlist.is_common(words[k].text, lang) for k in run[common:]):
        run = run[common:]
    while run and casefold(words[run[-1]].text) in PARTICLES:
        run = run[:-1]
    return run


def _acceptable(words: SegmentWords, run: list[int], lang: str) -> bool:
    if not run:
        return False
    texts = [words[k].text for k in run]
    if any(len(t) > TYPO_MAX_LENGTH for t in texts):
        return False  # words run together (or a hostile input): no name has such a word
    if any(len(scripts(t)) > 1 or has_invisible(t) for t in texts):
        return False  # a spoofed name: the mixed-script rule's business, not a new name
    if len(run) == 1 and casefold(texts[0]) in CALENDAR:
        return False
    if len(run) > 1:
        # Capitalised words joined mid-sentence (Federal Reserve, Nikita Khrouchtchev); words
        # in capitals together are a dateline or shouting (NEW YORK), not a name.
        return sum(1 for t in texts if is_acronym(t)) < 2
    text = texts[0]
    if is_acronym(text):
        return 3 <= len(text) <= 6 and text.isalpha() and not wordlist.is_known(text, lang)
    if casefold(text).endswith(DEMONYM_ENDINGS) and wordlist.is_known(text, lang):
        return False
    return len(text) >= 3 and text.isalpha() and not wordlist.is_common(text, lang)


def mine(checker: Checker, analysis: Analysis) -> list[Occurrence]:
    """The capitalised runs of words of an analysed document that no known form accounts for
    (in a memory of several target languages, each language's targets in their language, and
    the sources once)."""
    seen: set[int] = set()  # the sources mined already (a source is in several views)
    return [found for _, view in analysis.views or (("", analysis),)
            for found in _mine(checker, view, seen)]


def _mine(checker: Checker, analysis: Analysis, seen: set[int]) -> list[Occurrence]:
    doc, lang, source_lang = analysis.document, analysis.lang, analysis.source_lang
    spans = [(m.start, m.end) for m in analysis.matched.mentions]
    found: list[Occurrence] = []
    for segment in doc.segments:
        if segment.role == "source":
            if segment.start in seen:
                continue
            seen.add(segment.start)
        seg_lang = (source_lang or lang) if segment.role == "source" else lang
        words, seps = checker.matcher.segment_words(doc, segment)
        # Mentions, and the adjectives and demonyms the termbase lists (Bruxellois): known.
        known = {k for k, w in enumerate(words)
                 if any(start <= w.start < end for start, end in spans)
                 or checker.index.is_derived_word(w.text)}
        for run in _runs(words, seps, known):
            run = _trim(doc, segment, words, seps, run, seg_lang)
            if not _acceptable(words, run, seg_lang):
                continue
            start, end = words[run[0]].start, words[run[-1]].end
            if doc.is_headline(start) or doc.is_title_case(start):
                continue
            text = " ".join(doc.text[start:end].split())
            line = doc.position(start)[0]
            previous = casefold(words[run[0] - 1].text) if run[0] > 0 else ""
            found.append(Occurrence(text, seg_lang, doc.path, line,
                                    _context(doc.line_text(line), doc.text[start:end]),
                                    previous, segment.unit, segment.role))
    return found


def _context(line: str, name: str) -> str:
    """The line around the name, cut to about ``CONTEXT_WIDTH`` characters."""
    line = " ".join(line.split())
    if len(line) <= CONTEXT_WIDTH:
        return line
    at = max(line.find(name.split()[0]), 0)
    start = max(0, min(at - CONTEXT_WIDTH // 3, len(line) - CONTEXT_WIDTH))
    text = line[start:start + CONTEXT_WIDTH]
    return ("…" if start else "") + text + ("…" if start + CONTEXT_WIDTH < len(line) else "")


# --- grouping ------------------------------------------------------------------------------------
class _Groups:
    """Union-find over transliteration keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def romanisation(text: str) -> str | None:
    """``fr`` or ``en`` when a spelling's romanisation marks it as French (``ou``, ``tch``,
    ``ï``) or English (``sh``, ``zh``, ``y`` before a vowel), else None."""
    folded = casefold(text)
    french = len(_FR_MARKS.findall(folded))
    english = len(_EN_MARKS.findall(folded))
    if french and not english:
        return "fr"
    if english and not french:
        return "en"
    return None


def group(occurrences: Sequence[Occurrence]) -> list[Candidate]:
    """Candidates from occurrences: one per transliteration key, short forms and translation
    pairs merged in."""
    groups = _Groups()
    for occurrence in occurrences:
        groups.find(translit_key(occurrence.text))
    # A one-word name that is the last word of exactly one longer name is its short form.
    multi_last: dict[str, set[str]] = defaultdict(set)
    for occurrence in occurrences:
        key = translit_key(occurrence.text)
        if " " in key:
            multi_last[key.rsplit(" ", 1)[1]].add(key)
    for occurrence in occurrences:
        key = translit_key(occurrence.text)
        if " " not in key and len(multi_last.get(key, ())) == 1:
            groups.union(next(iter(multi_last[key])), key)
    # Source and target of one translation unit name the same things.
    by_unit: dict[tuple[str, str], dict[str, list[Occurrence]]] = defaultdict(
        lambda: {"source": [], "target": []})
    for occurrence in occurrences:
        if occurrence.unit is not None and occurrence.role in ("source", "target"):
            by_unit[(occurrence.path, occurrence.unit)][occurrence.role].append(occurrence)
    for sides in by_unit.values():
        sources = list(sides["source"])
        targets = list(sides["target"])
        for source in list(sources):
            match = next((t for t in targets
                          if translit_key(t.text) == translit_key(source.text)), None)
            if match is not None:
                sources.remove(source)
                targets.remove(match)
        if sources and len(sources) == len(targets):
            for source, target in zip(sources, targets, strict=True):
                groups.union(translit_key(source.text), translit_key(target.text))
    members: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        members[groups.find(translit_key(occurrence.text))].append(occurrence)
    candidates = [_candidate(root, found) for root, found in members.items()]
    order = {id(c): i for i, c in enumerate(candidates)}
    candidates.sort(key=lambda c: (-c.count, -len(c.files), order[id(c)]))
    return candidates


def _candidate(key: str, occurrences: list[Occurrence]) -> Candidate:
    candidate = Candidate(key, occurrences)
    multi = any(" " in o.text for o in occurrences)
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for occurrence in occurrences:
        by_lang[occurrence.lang][occurrence.text] += 1
    # A spelling whose romanisation is the other language's goes there (Khrushchev in French).
    placed: dict[str, Counter[str]] = defaultdict(Counter)
    for lang, spellings in by_lang.items():
        marks = {text: romanisation(text) for text in spellings}
        for text, count in spellings.items():
            other = marks[text]
            if (other and other != lang and other in ("fr", "en") and lang in ("fr", "en")
                    and any(m != other for t, m in marks.items() if t != text)):
                placed[other][text] += count
            else:
                placed[lang][text] += count
    for lang, spellings in placed.items():
        full = Counter({t: n for t, n in spellings.items() if " " in t or not multi})
        short = Counter({t: n for t, n in spellings.items() if t not in full})
        if full:
            candidate.forms[lang] = full
        if short:
            candidate.short[lang] = short
    candidate.type, candidate.type_reason = guess_type(candidate)
    return candidate


def guess_type(candidate: Candidate) -> tuple[str, str]:
    """A type for the candidate, and why."""
    texts = [o.text for o in candidate.occurrences]
    for text in texts:
        for word in text.split():
            if casefold(word) in ORGANIZATION_WORDS:
                return "organization", f"'{word}' names an organisation"
        if is_acronym(text):
            return "organization", "an acronym"
    previous = Counter(o.previous for o in candidate.occurrences)
    places = sum(n for w, n in previous.items() if w in PLACE_CUES)
    people = sum(n for w, n in previous.items() if w in PERSON_CUES)
    if places > people and places * 2 >= candidate.count:
        cue = next(w for w in previous if w in PLACE_CUES)
        return "place", f"after '{cue}'"
    if people:
        cue = next(w for w in previous if w in PERSON_CUES)
        return "person", f"after '{cue}'"
    if any(" " in t for t in texts):
        return "person", "a name of two words or more"
    return "person", "a capitalised word (check it)"


# --- the proposed entries ------------------------------------------------------------------------
def _derive_full(candidate: Candidate, lang: str) -> str | None:
    """A full form for a language where only a surname was seen: the other language's full
    form with that surname (Nikita Khrouchtchev + Khrushchev -> Nikita Khrushchev)."""
    surname = candidate.short[lang].most_common(1)[0][0]
    for other, spellings in candidate.forms.items():
        full = spellings.most_common(1)[0][0]
        if other != lang and " " in full:
            head, _, last = full.rpartition(" ")
            if translit_key(last) == translit_key(surname):
                candidate.derived[lang] = f"derived from the {other} form '{full}'; check it"
                return f"{head} {surname}"
    return None


def build_entries(candidates: Sequence[Candidate], taken: Iterable[str],
                  languages: Sequence[str] = ("en", "fr"),
                  owner: Callable[[str, str], str | None] = lambda lang, text: None) -> None:
    """Give each candidate its schema-v1 entry (``candidate.entry``). ``owner(lang, text)``
    names the termbase entry that already has a form, which the candidate may not take."""
    used = set(taken)
    for candidate in candidates:
        data: dict[str, Any] = {}

        def free(lang: str, texts: list[str], candidate: Candidate = candidate) -> list[str]:
            kept = []
            for text in texts:
                entry_id = owner(lang, text)
                if entry_id is None:
                    kept.append(text)
                else:
                    candidate.dropped.append(f"'{lang}' form '{text}' is already a form of "
                                             f"entry '{entry_id}'")
            return kept

        langs = [*[lang for lang in languages if lang in candidate.forms or
                   lang in candidate.short or lang in candidate.translations],
                 *sorted(set(candidate.forms) | set(candidate.short) - set(languages))]
        for lang in langs:
            full = candidate.forms.get(lang, Counter())
            short = candidate.short.get(lang, Counter())
            ordered = [t for t, _ in full.most_common()]
            if not ordered and short:
                derived = _derive_full(candidate, lang)
                if derived is not None:
                    ordered = [derived]
            ordered = free(lang, ordered)
            proposals = free(lang, list(candidate.translations.get(lang, {}).values()))
            if not ordered and proposals:
                ordered = proposals[:1]
            short_forms = free(lang, [t for t, _ in short.most_common()])
            if not ordered:
                ordered, short_forms = short_forms[:1], short_forms[1:]
            if not ordered:
                continue
            forms: dict[str, Any] = {"preferred": ordered[0]}
            if ordered[1:]:
                forms["accepted"] = ordered[1:]
            short_forms = [s for s in short_forms if fold_key(s) not in
                           {fold_key(t) for t in ordered}]
            if short_forms:
                forms["short"] = short_forms
            data[lang] = forms if len(forms) > 1 else forms["preferred"]
        if not data:
            continue
        first = data.get("en") or next(iter(data.values()))
        first_text = first if isinstance(first, str) else first["preferred"]
        entry_id = make_id(candidate.type, first_text, used)
        used.add(entry_id)
        candidate.entry = {"id": entry_id, "type": candidate.type, **data}
        _drop_invalid_forms(candidate)


def _drop_invalid_forms(candidate: Candidate) -> None:
    """Leave out forms the termbase validator refuses (the candidate stays)."""
    for _ in range(5):
        problems = check_entry(candidate.entry)
        if not problems:
            return
        for problem in problems:
            candidate.dropped.append(problem.message)
        # Drop the accepted and short lists first, then the whole entry.
        for lang, value in list(candidate.entry.items()):
            if isinstance(value, dict):
                candidate.entry[lang] = value["preferred"]
    candidate.entry = {}


def translate(candidates: Sequence[Candidate], providers: Sequence[Provider],
              languages: Sequence[str]) -> list[ProviderError]:
    """Ask each provider for the forms of each candidate in the languages it lacks. A provider
    that cannot be reached, times out or is rate-limited is not asked again; its error is
    returned (one per provider)."""
    errors: list[ProviderError] = []
    failed: set[str] = set()
    for candidate in candidates:
        have = set(candidate.forms) | set(candidate.short)
        if not have:
            continue
        source = next((lang for lang in languages if lang in candidate.forms),
                      next(iter(candidate.forms), next(iter(have))))
        spellings = candidate.forms.get(source) or candidate.short[source]
        text = spellings.most_common(1)[0][0]
        for target in languages:
            if target in have:
                continue
            for provider in providers:
                if provider.name in failed:
                    continue
                try:
                    result = " ".join(provider.translate(text, source, target).split())
                except TranslationFailed:
                    continue
                except ProviderError as exc:
                    failed.add(provider.name)
                    errors.append(exc)
                    continue
                candidate.translations.setdefault(target, {})[provider.name] = result
    return errors


def suggest(checker: Checker, paths: Sequence[str], providers: Sequence[Provider] = (),
            min_count: int = 1) -> Suggestions:
    """Candidates for the termbase from the drafts and translation files ``paths``."""
    occurrences: list[Occurrence] = []
    errors: list[InputError] = []

    def mined(path: str) -> list[Occurrence]:
        return mine(checker, checker.analyse(checker.read(path)[1]))

    checker.prepare(every_language=False)  # word lists loaded before the first file's budget
    for path in checker.inputs(paths):
        try:  # the engine's stages: its size limit, time and memory budget, errors per file
            occurrences += checker.bounded(path, partial(mined, path))
        except InputError as exc:
            errors.append(exc)
    candidates = [c for c in group(occurrences) if c.count >= min_count]
    languages: list[str]  # not the literals "en" | "fr": any of the termbase's languages
    languages = [lang for lang in ("en", "fr") if lang in checker.termbase.languages] or \
        list(checker.termbase.languages)
    provider_errors = translate(candidates, providers, languages) if providers else []
    index = checker.index

    def owner(lang: str, text: str) -> str | None:
        return next((f.entry_id for f in index.by_match.get(match_key(text), ())
                     if f.lang == lang), None)

    build_entries(candidates, (e.id for e in checker.termbase), languages, owner)
    _check_against(checker.termbase, candidates)
    return Suggestions([c for c in candidates if c.entry], errors, provider_errors)


def _check_against(termbase: Termbase, candidates: Sequence[Candidate]) -> None:
    """Leave out what would clash with the termbase (a form of another entry): first the
    candidate's lists, then the candidate."""
    for _ in range(3):  # simplify, then leave out, then confirm
        live = [c for c in candidates if c.entry]
        entries, problems = entries_of([c.entry for c in live], "suggest")
        problems += check_entries([*termbase, *entries])
        by_id = {c.entry["id"]: c for c in live}
        bad = {p.entry_id: p.message for p in problems if p.entry_id in by_id}
        if not bad:
            return
        for entry_id, message in bad.items():
            candidate = by_id[entry_id]
            candidate.dropped.append(message)
            simpler = {k: (v["preferred"] if isinstance(v, dict) else v)
                       for k, v in candidate.entry.items()}
            candidate.entry = simpler if simpler != candidate.entry else {}
