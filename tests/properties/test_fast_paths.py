"""The rules' and the document's fast paths give what the slower code they replaced gave; GitHub's
line hash by windows gives what the character-by-character rolling hash gives.

Each reference below is the code as it was before the fast path (docs/performance.md, "What
was done for speed in the rules"), kept here so that the property says exactly what must not
change: the findings, word for word, on random drafts built from the default termbase's forms
and hostile Unicode. The JSON layout is held equal to ``json.dumps(..., indent=2)``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache, partial

import pytest
import regex
from fuzz import (
    _HOSTILE,
    ANY_CHAR,
    CONFUSABLES,
    FILLER,
    GREEK,
    default_checker,
    default_termbase,
    document,
    forms,
    hostile,
)
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from checker import words as wordlist
from checker.document import headline_line
from checker.engine import Checker, CheckOptions
from checker.matcher import (
    _PLACE_PREPOSITIONS,
    _PLACES_AND_BODIES,
    _STATUS_RANK,
    ANCHORED_TWO_EDITS_LENGTH,
    MAX_NAME_RANK,
    PARTICLES,
    SHORT_FIRST_NAME_EDIT,
    Matcher,
    MatchKind,
    SegmentWords,
    Word,
    _after_given_name,
    _clashes,
    _differences,
    _first_name_of,
    _inside_proper_name,
    _is_derived,
    _is_inflection,
    _meant,
    _memoised,
    _named_before,
    _qualified_by_region,
    _swaps,
    _word_before,
)
from checker.project import Project
from checker.readers import reader_for
from checker.reporters import indented
from checker.rules import RULES, Context, inconsistent, mixed_script, sentence_case, transliteration
from checker.rules.base import fit_case
from checker.stages import parse
from glossary import EntryType, Status, normalize
from glossary.index.compiled import (
    NAME_TYPES,
    STARTS_LONGER,
    TYPO_MAX_LENGTH,
    TYPO_MIN_LENGTH,
    deletes,
    max_edits,
    pair_key,
    typo_searchable,
)
from glossary.normalize import (
    _CONFUSABLES,
    CONTROLS,
    casefold,
    fold_capital_accents,
    fold_diacritics,
    fold_key,
    nfc,
    translit_word,
)
from glossary.tokens import is_joiner, split_form

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

LANGS = st.sampled_from(["fr", "en"])
PATHS = st.sampled_from(["draft.txt", "draft.md"])


def context(text: str, path: str, lang: str) -> Context:
    checker = default_checker(lang)
    doc = reader_for(path)(path, text)
    return Context(doc, lang, checker.matcher.match(doc, lang, None), None, checker.index)


def as_tuples(findings) -> list[tuple]:
    return [(f, f.message) for f in findings]


# --- references: the code before the fast paths -----------------------------------------------
def reference_headline(line: str) -> bool:
    letters = [c for c in line if c.isalpha() and c.lower() != c.upper()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def reference_sentence_case(ctx: Context) -> list:
    findings = []
    text = ctx.doc.text
    for segment in ctx.checked_segments:
        for match in sentence_case._LOWER_START.finditer(text, segment.start, segment.end):
            before = nfc(match.group(1))
            if (len(before) == 1 or before.casefold() in sentence_case.ABBREVIATIONS
                    or before.isupper() or sentence_case._looks_abbreviated(before, ctx.lang)):
                continue
            start, end = match.start(2), match.end(3)
            word = text[start:end]
            expected = word[:1].upper() + word[1:]
            findings.append(sentence_case.RULE.finding(
                start, end, word, f"sentence starts in lower case after a full stop; "
                                  f"write '{expected}'", expected=expected, lang=ctx.lang))
    return findings


def reference_mixed_script(ctx: Context) -> list:
    findings = []
    text = ctx.doc.text
    for segment in ctx.checked_segments:
        if not mixed_script._SUSPECT.search(text, segment.start, segment.end):
            continue
        matches = list(mixed_script._WORD.finditer(text, segment.start, segment.end))
        words = [match.group().strip(mixed_script._EDGE_MARKS) for match in matches]
        for index, (match, word) in enumerate(zip(matches, words, strict=True)):
            judged = mixed_script._judge(ctx, word) if word else None
            if judged is None:
                continue
            what, expected = judged
            if what == mixed_script._WHOLLY and mixed_script._amid_foreign_text(words, index):
                continue
            start = match.start() + match.group().index(word)
            # The finding as the rule words it: letters shown in another order than stored
            # (a bidi override) get an unsafe fix.
            findings.append(mixed_script._finding(ctx, start, word, what, expected))
    return findings


def reference_groups(ctx: Context) -> dict:
    """transliteration's groups as they were: every free word that may be a name, by key."""
    groups = defaultdict(list)
    text = ctx.doc.text
    for word in ctx.result.free_words:
        if (len(word.folded) >= TYPO_MIN_LENGTH and word.folded.isalpha()
                and not wordlist.is_common(word.text, ctx.lang)
                and not transliteration._FIRST_NAME.match(text, word.end)):
            groups[word.key].append(word)
    return groups


def reference_transliteration(ctx: Context) -> list:
    groups = reference_groups(ctx)
    findings = []
    for occurrences in groups.values():
        spellings = Counter(w.folded for w in occurrences)
        if len(spellings) < 2:
            continue
        order = {}
        for w in occurrences:
            order.setdefault(w.folded, w.text)
        known = transliteration._known_spellings(order, ctx.lang)
        majority = max(spellings, key=lambda s: (known[s], spellings[s], -list(order).index(s)))
        expected_text = order[majority]
        used = spellings[majority]
        for w in occurrences:
            if w.folded == majority:
                continue
            expected = fit_case(expected_text, w.text, False)
            findings.append(transliteration.RULE.finding(
                w.start, w.end, w.text,
                f"'{w.text}' and '{expected_text}' look like one name in two romanisations; "
                f"keep '{expected_text}' ("
                + ("a known spelling" if known[majority] else
                   "used once" if used == 1 else f"used {used} times") + ")",
                expected=expected, lang=ctx.lang))
    return findings


def reference_transliteration_across(ctx: Context) -> list:
    """transliteration's check as it was, through ``Context.across`` (a project check)."""
    groups = reference_groups(ctx)
    text = ctx.doc.text
    merged = ctx.across(transliteration.RULE.code, transliteration._uses(groups, ctx.lang),
                        transliteration._merge)
    findings = []
    for key, occurrences in groups.items():
        order, spellings, several_files = merged[(ctx.lang, key)]
        if sum(spellings.values()) < 2 or len(spellings) < 2:
            continue
        known = transliteration._known_spellings(order, ctx.lang)
        majority = max(spellings, key=lambda s: (known[s], spellings[s], -list(order).index(s)))
        expected_text = order[majority]
        for w in occurrences:
            if w.folded == majority:
                continue
            written = text[w.start:w.end]
            why = transliteration._why(known[majority], spellings[majority], several_files)
            findings.append(transliteration.RULE.finding(
                w.start, w.end, written,
                f"'{written}' and '{expected_text}' look like one name in two romanisations; "
                f"keep '{expected_text}' ({why})",
                expected=fit_case(expected_text, w.text, False), lang=ctx.lang))
    return findings


def reference_inconsistent(ctx: Context) -> list:
    """inconsistent's check as it was: every mention judged, every entry's uses merged, the
    words and folds of forms computed for each entry."""
    by_entry = defaultdict(list)
    for mention in ctx.checked_mentions:
        letters = [c for c in mention.form.text if c.isalpha()]
        acronym = (len(letters) >= 2 and all(c.isupper() for c in letters)
                   and " " not in mention.form.text)
        if (mention.form.lang == ctx.lang and mention.kind <= MatchKind.ACCENTS
                and not mention.mixed and mention.entry.type in NAME_TYPES
                and mention.form.status in (Status.PREFERRED, Status.ACCEPTED) and not acronym):
            found = by_entry[mention.entry.id]
            if found and inconsistent._GLOSS.fullmatch(ctx.doc.text, found[-1].end,
                                                        mention.start):
                continue  # (a rule: a gloss in brackets is no second form)
            found.append(mention)
    merged = ctx.across(inconsistent.RULE.code, inconsistent._uses(by_entry, ctx.lang),
                        inconsistent._merge)
    findings = []
    for entry_id, mentions in by_entry.items():
        forms = merged[(ctx.lang, entry_id)]
        words = {text: tuple(w.casefold() for w in split_form(text)[0]) for text, _, _ in forms}
        forms = tuple(f for f in forms if not any(
            inconsistent._inside(words[f[0]], longer)
            or inconsistent._abbreviated(words[f[0]], longer)  # (a rule: U.N. Security Council)
            for longer in words.values()))
        mentions = [m for m in mentions if any(f[0] == m.form.text for f in forms)]
        if not mentions or len({fold_capital_accents(text) for text, _, _ in forms}) < 2:
            continue
        main, _preferred, where = ([f for f in forms if f[1]] or forms)[0]
        for mention in mentions:
            if fold_capital_accents(mention.form.text) == fold_capital_accents(main):
                continue
            expected = fit_case(main, mention.text, ctx.sentence_start(mention.start))
            message = (f"'{mention.text}' and '{main}' are both used for one name; keep '{main}'"
                       if where == ctx.doc.path else
                       f"'{mention.text}' and '{main}' (in {where}) are both used for one name; "
                       f"keep '{main}'")
            findings.append(inconsistent.RULE.on(mention, ctx, message, expected))
    return findings


# --- properties --------------------------------------------------------------------------------
@given(line=st.text(ANY_CHAR, max_size=60))
def test_headline_line_agrees_with_collecting_every_letter(line):
    assert headline_line(line) == reference_headline(line)


@given(text=document(), path=PATHS)
def test_headlines_and_sentence_starts_memoised_agree(text, path):
    ctx = context(text, path, "fr")
    doc = ctx.doc
    # Some fifty offsets spread over the draft (each reference answer walks a whole line).
    for offset in range(0, len(doc.text) + 1, max(1, len(doc.text) // 50)):
        # The line holding offset; lines end at CR LF, LF and a lone CR (the LF of a CR LF
        # belongs to the line the CR ends).
        at = offset - 1 if doc.text[offset - 1:offset + 1] == "\r\n" else offset
        start = max(doc.text.rfind("\n", 0, at), doc.text.rfind("\r", 0, at)) + 1
        end = regex.compile(r"[\r\n]").search(doc.text, at)
        line = doc.text[start:end.start() if end else len(doc.text)]
        segment = doc.segment_of(offset)
        starts = doc.is_sentence_start(offset, segment.start if segment else 0)
        for _ in range(2):  # asked again: from the memo
            assert doc.is_headline(offset) == reference_headline(line)
            assert ctx.sentence_start(offset) == starts


@given(text=document(), path=PATHS, lang=LANGS)
def test_sentence_case_agrees(text, path, lang):
    ctx = context(text, path, lang)
    assert as_tuples(sentence_case.check_document(ctx)) == as_tuples(reference_sentence_case(ctx))


@given(text=document(), path=PATHS, lang=LANGS)
def test_mixed_script_agrees(text, path, lang):
    ctx = context(text, path, lang)
    assert as_tuples(mixed_script.check_document(ctx)) == as_tuples(reference_mixed_script(ctx))


@given(text=document(), path=PATHS, lang=LANGS)
def test_transliteration_agrees(text, path, lang):
    ctx = context(text, path, lang)
    assert as_tuples(transliteration.check_document(ctx)) == \
        as_tuples(reference_transliteration(ctx))


@lru_cache(maxsize=1)
def several_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(language, allowed forms) of each entry of the default termbase with several allowed
    forms in a language (Kim Jong-un, Kim Jong Un)."""
    found = []
    for entry in default_termbase():
        for lang, written in sorted(entry.languages.items()):
            allowed = tuple(f.text for f in written.forms()
                            if f.status in (Status.PREFERRED, Status.ACCEPTED))
            if len(allowed) > 1 and lang in ("fr", "en"):
                found.append((lang, allowed))
    return tuple(found)


@st.composite
def written_several_ways(draw) -> tuple[str, str]:
    """A language and a draft in it naming a few entries, each in any of its allowed forms,
    among other forms and filler words."""
    lang, _ = draw(st.sampled_from(several_forms()))
    named = draw(st.lists(st.sampled_from([f for code, f in several_forms() if code == lang]),
                          min_size=1, max_size=3))
    piece = st.one_of(*(st.sampled_from(allowed) for allowed in named),
                      st.sampled_from(forms()), st.sampled_from(FILLER))
    pieces = draw(st.lists(st.tuples(piece, st.sampled_from([" ", ". ", ", ", "\n\n", " et "])),
                           min_size=1, max_size=14))
    return lang, "".join(text + separator for text, separator in pieces)


def with_project(ctx: Context, other: Context) -> Context:
    """``ctx`` checked together with ``other`` (--scope project), ``other`` first."""
    def uses(each: Context):
        return {rule.code: rule.uses(each) for rule in RULES if rule.uses is not None}

    return replace(ctx, project=Project([(other.doc.path, uses(other)),
                                         (ctx.doc.path, uses(ctx))]))


@given(draft=written_several_ways(), other=written_several_ways(), path=PATHS)
def test_inconsistent_agrees(draft, other, path):
    lang, text = draft
    ctx = context(text, path, lang)
    assert as_tuples(inconsistent.check_document(ctx)) == as_tuples(reference_inconsistent(ctx))
    together = with_project(ctx, context(other[1], "other.txt", lang))
    assert as_tuples(inconsistent.check_document(together)) == \
        as_tuples(reference_inconsistent(together))


@given(text=document(), other=document(), path=PATHS, lang=LANGS)
def test_transliteration_across_files_agrees(text, other, path, lang):
    together = with_project(context(text, path, lang), context(other, "other.txt", lang))
    assert as_tuples(transliteration.check_document(together)) == \
        as_tuples(reference_transliteration_across(together))


_LETTERS = list("LavrovPoutineéïÉ") + list(CONFUSABLES.values()) + list(GREEK.values()) + \
    ["\u0561", "\u0585", "\uff2c", "\U0001d40b", "\u0301"] + _HOSTILE


@given(word=st.one_of(hostile, st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=8)
                      .map("".join)))
def test_judge_word_agrees_with_judge(word):
    ctx = context("Lavrov", "draft.txt", "fr")
    assert mixed_script.judge_word(ctx, word) == mixed_script._judge(ctx, word)


@given(text=document() | st.text(ANY_CHAR, max_size=40), data=st.data())
def test_suspect_offsets_agree_with_the_search(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    every = [match.start() for match in mixed_script._SUSPECT.finditer(text, start, end)]
    assert mixed_script.suspect_offsets(text, start, end) == every
    most = data.draw(st.integers(0, 3))
    assert mixed_script.suspect_offsets(text, start, end, most) == every[:most + 1]


def test_mixed_script_reads_a_text_in_cyrillic_word_by_word():
    """Past a few suspect characters in a segment, every word is read (the dense path): the
    findings are those of the reference there too."""
    text = "Глава МИД России Сергей Лавров и Lаvrov (с латинской а) встретились. Но Масгоп нет."
    ctx = context(text, "draft.txt", "fr")
    assert len(mixed_script.suspect_offsets(text, 0, len(text))) > mixed_script._FEW
    assert as_tuples(mixed_script.check_document(ctx)) == as_tuples(reference_mixed_script(ctx))
    assert [f.text for f in mixed_script.check_document(ctx)] == ["Lаvrov"]


# Word characters and others, with suspect ones among them (Cyrillic look-alikes, invisible
# characters, a combining mark, a Greek question mark, a control character).
_AROUND_WORDS = [*"Lav ro,.3-", "\u0430", "\u043e", "\u03bb", "\u200b", "\u200e", "\u00ad",
                 "\u0301", "\u037e", "\x1b"]


@given(text=st.text(st.sampled_from(_AROUND_WORDS), max_size=40), data=st.data())
def test_words_holding_suspects_are_those_of_the_scan(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    offsets = mixed_script.suspect_offsets(text, start, end)
    assert mixed_script.words_holding(text, start, end, offsets) == [
        match.span() for match in mixed_script._WORD.finditer(text, start, end)
        if any(match.start() <= offset < match.end() for offset in offsets)]


def test_suspect_class_holds_every_character_judge_acts_on():
    """judge_word skips words without a _SUSPECT character: every character that makes _judge
    answer (Cyrillic, Greek, styled Latin, invisible, a confusable) must be in that class."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    acted_on = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}"
                             r"\p{Default_Ignorable_Code_Point}"
                             rf"{CONTROLS}\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]")
    suspect = set(mixed_script._SUSPECT.findall(every))
    assert set(acted_on.findall(every)) <= suspect
    assert {chr(c) if isinstance(c, int) else c for c in _CONFUSABLES} <= suspect
    # no printable ASCII character, tab or line end is suspect (the ASCII controls are)
    assert not any(c in suspect for c in "\t\n\r" + "".join(map(chr, range(0x20, 0x7f))))
    # the check looks for suspect characters among those its plain class leaves out
    assert suspect <= set(mixed_script._UNPLAIN.findall(every))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(ANY_CHAR, max_size=6) | st.integers() | st.booleans()
                      | st.none() | st.floats(), inner, max_size=4),
    max_leaves=30)


@given(value=json_values)
def test_indented_json_is_the_standard_layout(value):
    assert indented.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(text=st.text(st.sampled_from(list("aBé3.. \u00a0\u0301x-\n")), max_size=40), data=st.data())
def test_sentence_scan_by_candidate_finds_the_same_matches(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [m.span(2) + m.span(1) for m in sentence_case.lower_starts(text, start, end)] == \
        [m.span(2) + m.span(1) for m in sentence_case._LOWER_START.finditer(text, start, end)]


def github_rolling_hashes(text: str) -> list[str]:
    """GitHub's ``primaryLocationLineHash`` of every line, character by character as
    github/codeql-action's ``fingerprints.ts`` computes it: a window of 100 UTF-16 code units
    rolled over the text (spaces and tabs skipped, a line feed right after a carriage return
    skipped, a carriage return read as a line feed), 65535 at the end, then zeros; each line's
    hash is taken when the window has moved 100 units past its first one."""
    block, mask = 100, (1 << 64) - 1
    first_mod = pow(37, block, 1 << 64)
    window, starts = [0] * block, [-1] * block
    state = {"hash": 0, "index": 0, "line": 0, "line_start": True, "prev_cr": False}
    counts: Counter[int] = Counter()
    out: list[str] = []

    def emit() -> None:
        value = state["hash"]
        counts[value] += 1
        out.append(f"{value:x}:{counts[value]}")
        starts[state["index"]] = -1

    def update(unit: int) -> None:
        index = state["index"]
        begin, window[index] = window[index], unit
        state["hash"] = (37 * state["hash"] + unit - first_mod * begin) & mask
        state["index"] = (index + 1) % block

    def process(unit: int) -> None:
        if unit in (0x20, 0x09) or (state["prev_cr"] and unit == 0x0A):
            state["prev_cr"] = False
            return
        state["prev_cr"] = unit == 0x0D
        if unit == 0x0D:
            unit = 0x0A
        if starts[state["index"]] != -1:
            emit()
        if state["line_start"]:
            state["line_start"] = False
            state["line"] += 1
            starts[state["index"]] = state["line"]
        if unit == 0x0A:
            state["line_start"] = True
        update(unit)

    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        process(int.from_bytes(data[i:i + 2], "little"))
    process(0xFFFF)
    for _ in range(block):
        if starts[state["index"]] != -1:
            emit()
        update(0)
    return out


# Line ends of every kind, spaces, astral characters (two UTF-16 units), the characters other
# tools take for line ends, and words that repeat (equal windows, counted).
LINE_TEXT = st.lists(st.one_of(st.sampled_from([" ", "\t", "\r", "\n", "\r\n", "Lavrov ",
                                                "\U0001F600", "\u2028", "\ufeff", "\x0c"]),
                               ANY_CHAR), max_size=300).map("".join)


@given(text=st.one_of(LINE_TEXT, st.lists(st.sampled_from(["Sergei Lavrov\n", "  \n", "\r\n",
                                                           "Sergueï Lavrov\r"]),
                                          max_size=40).map("".join)))
def test_github_line_hashes_agree_with_the_rolling_hash(text):
    from checker.reporters.fingerprints import line_hashes

    reference = github_rolling_hashes(text)
    lines = range(1, len(reference) + 1)
    assert line_hashes(text, lines) == dict(zip(lines, reference, strict=True))


# --- the matcher's fast paths ------------------------------------------------------------------
class ReferenceMatcher(Matcher):
    """The matcher as it was before its fast paths: what the scan asks of every word asked
    word by word, every word with misspelt variants probed for names around it, every word
    tried as a swapped four-letter name, every pattern at a word judged on its own; the near
    misses of every capitalised word left over searched and every position probed for a name
    around it, nothing kept per word."""

    def _read_segment(self, doc, segment, lang):
        seg_words = SegmentWords(doc.text, segment)
        return (seg_words, [self.index.start_kind(key) for key in seg_words.keys],
                [raw[:1].isupper() for raw in seg_words.raw],
                [self._misspelt_variants(raw, lang) for raw in seg_words.raw])

    def _anchored_fits(self, seg_words, seps, i, variants):
        keys = seg_words.keys
        by_word = {name_word: distance for distance, name_word in variants}
        variant_keys = {translit_word(name_word): name_word for name_word in by_word}
        probes = []
        start_kind = self.index.start_kind
        for first in range(max(0, i - MAX_NAME_RANK), i - 1):
            if start_kind(keys[first]) & STARTS_LONGER:
                probes.append((first, self.index.patterns_starting(keys[first],
                                                                   keys[first + 1])))
        if i >= 1 and start_kind(keys[i - 1]) & STARTS_LONGER:
            for key in variant_keys:
                probes.append((i - 1, self.index.patterns_starting(keys[i - 1], key)))
        if i + 1 < len(keys):
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

    def _match_at(self, doc, lang, seg_words, seps, i, patterns=None):
        matches = []
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
            if spacing and not all(map(is_joiner, pattern.seps)):
                continue  # (a rule: an ampersand is a word)
            # Same letters are one tier whatever their capitals: Al-Qaida in English copy is
            # AP's al-Qaida with a capital, not Le Monde's Al-Qaida left in French.
            tier = MatchKind.EXACT if kind <= MatchKind.CASE else kind
            rank = (tier, spacing, pattern.form.lang != lang, kind,
                    _STATUS_RANK[pattern.form.status])
            matches.append((rank, pattern, kind, spacing))
            size = pattern.size
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
        run = seg_words.run(i, i + best.size)
        patterns = [m[1] for m in matches]
        mention = self._mention(doc, run, best, kind, spacing,
                                mixed=self._mixed(run, best, patterns), lang=lang)
        if best.form.status is Status.SHORT:
            # The same words as another entry's short form, as close (Clinton: Bill's and
            # Hillary's): the best form of each such entry.
            others = {}
            for other in sorted(matches, key=lambda m: m[0]):
                pattern = other[1]
                if (pattern.entry.id != best.entry.id and pattern.entry.id not in others
                        and pattern.form.status is Status.SHORT and other[0][:3] == rank[:3]
                        and pattern.size == best.size):
                    others[pattern.entry.id] = other
            mention.alternatives = tuple(
                self._mention(doc, run, pattern, other_kind, other_spacing, lang=lang,
                              mixed=self._mixed(run, pattern, patterns))
                for _, pattern, other_kind, other_spacing in others.values())
        return mention

    def _short_swap(self, doc, lang, seg_words, i, variants):
        word = seg_words[i]
        if len(word.folded) != TYPO_MIN_LENGTH - 1 or not word.text[:1].isupper():
            return None
        fits = [p for distance, name_word in variants if distance == 1
                for p in self.index.patterns_starting(translit_word(name_word))
                if p.size == 1 and p.folded[0] == name_word and name_word in _swaps(word.folded)]
        if len({p.entry.id for p in fits}) != 1:
            return None
        pattern = min(fits, key=lambda p: (p.form.lang != lang, _STATUS_RANK[p.form.status]))
        mention = self._mention(doc, [word], pattern, MatchKind.TYPO, False, lang)
        mention.swapped = (pattern.entry.type is EntryType.PLACE and _word_before(
            doc.text, word.start).casefold() in _PLACE_PREPOSITIONS)
        return mention

    # The near-miss search as it was before its fast paths (issue 19): every capitalised word
    # left over searched, every position probed for names around it, nothing kept per word.
    def _typos(self, doc, lang, seg_words, seps, leftovers, kinds=None):
        found = []
        taken = set()
        for i in leftovers:
            if i in taken:
                continue
            near = self._reference_near(seg_words[i], lang)
            if not near:
                continue
            mention = self._reference_typo_mention(doc, lang, seg_words, seps, i, near)
            if mention is not None:
                first = i - mention[0]
                found.append((first, mention[1]))
                taken.update(range(first, first + mention[1].size))
        return found

    def _reference_near(self, word, lang):
        folded = word.folded
        if (not word.text[:1].isupper() or not typo_searchable(folded)
                or folded in self.index.name_words or casefold(word.text) in self.index.form_words
                or wordlist.is_known(word.text, lang) or self.index.is_derived_word(word.text)):
            return ()
        limit = max_edits(len(folded))
        best = []
        for candidate in reference_near_name_words(self.index, folded):
            if candidate[0] != folded[0]:
                continue
            distance = OSA.distance(folded, candidate)
            if distance > limit or _is_inflection(folded, candidate) or _is_derived(
                    folded, candidate):
                continue
            if len(folded) <= 6 and len(candidate) == len(folded) and sorted(
                    candidate) != sorted(folded):
                continue
            best.append((distance, candidate))
        return tuple(sorted(best))

    def _reference_typo_mention(self, doc, lang, seg_words, seps, i, near):
        word = seg_words[i]
        accented = fold_diacritics(word.text) != word.text

        def usable(pattern, k):
            return not (accented and fold_diacritics(pattern.words[k]) == pattern.words[k])

        options = []
        for distance, name_word in near:
            for pattern, k in self._reference_fitting(seg_words, seps, i, name_word):
                if usable(pattern, k):
                    options.append(((distance, -pattern.size), (
                        pattern.form.lang != lang, _differences(seg_words, seps, i, k, pattern),
                        _STATUS_RANK[pattern.form.status]), k, pattern))
        if options:
            fit = min(o[0] for o in options)
            options = [o for o in options if o[0] == fit]
            if len({o[3].entry.id for o in options}) > 1:
                return None
            _, _, k, pattern = min(options, key=lambda o: o[1])
            # (Rules the fast path has, the same code: a person's short form after another
            # given name is someone else's; the fix is the form the writer meant.)
            if (pattern.form.status is Status.SHORT and pattern.entry.type is EntryType.PERSON
                    and _after_given_name(seg_words, seps, i - k, lang)):
                return None
            run = seg_words[i - k:i - k + pattern.size]
            return k, self._mention(doc, run, pattern, MatchKind.TYPO, False, lang,
                                    corrected=_meant(pattern, lang))
        if self._inside_longer_name(seg_words, seps, i, lang):
            return None
        top = [name_word for distance, name_word in near if distance == near[0][0]]
        only = None
        if len(set().union(*map(self.index.name_words.entries, top))) != 1:
            singles = {p.entry.id for name_word in top
                       for p in self.index.patterns_starting(translit_word(name_word))
                       if p.size == 1 and p.folded[0] == name_word}
            if len(singles) != 1:
                return self._reference_shared_typo(doc, lang, word, top, usable)
            only = singles.pop()
        alone = [(p, k) for name_word in top for p, k in self.index.name_words[name_word]
                 if usable(p, k) and (p.size == 1 or k == p.size - 1
                                      or p.entry.type is not EntryType.PERSON)
                 and (only is None or p.entry.id == only)]
        if not alone:
            return None
        pattern, k = min(alone, key=lambda pk: (pk[0].size != 1, pk[0].form.lang != lang,
                                                _STATUS_RANK[pk[0].form.status]))
        corrected = None if pattern.size == 1 else pattern.words[k]
        mention = self._mention(doc, [seg_words[i]], pattern, MatchKind.TYPO, False, lang,
                                corrected=corrected)
        mention.swapped = (pattern.size == 1 and pattern.entry.type is not EntryType.PERSON
                           and word.folded in _swaps(pattern.folded[0]))
        return 0, mention

    def _reference_shared_typo(self, doc, lang, word, top, usable):
        if len(top) != 1:
            return None
        patterns = sorted((p for p in self.index.patterns_starting(translit_word(top[0]))
                           if p.size == 1 and p.folded[0] == top[0] and usable(p, 0)),
                          key=lambda p: (p.form.lang != lang, _STATUS_RANK[p.form.status]))
        best = {}
        for pattern in patterns:
            best.setdefault(pattern.entry.id, pattern)
        if len(best) < 2 or any(p.form.status is not Status.SHORT for p in best.values()):
            return None
        first, *others = (self._mention(doc, [word], p, MatchKind.TYPO, False, lang)
                          for p in best.values())
        first.alternatives = tuple(others)
        return 0, first

    def _reference_fitting(self, seg_words, seps, i, name_word):
        keys = seg_words.keys
        near_key = translit_word(name_word)

        def key_at(j):
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

    def _anchored_typos(self, doc, lang, seg_words, seps, taken, covered, scanned, variants,
                        kinds=None):
        found = []
        for i in range(len(variants)):
            if not variants[i] or i in taken or i in covered:
                continue
            options = []
            for distance, pattern, k in self._anchored_fits(seg_words, seps, i, variants[i]):
                # (The rules on a first name's lost or added letter and on a surname's second
                # edit, as the fast path has them: rules, not fast paths.)
                if distance == SHORT_FIRST_NAME_EDIT:
                    if not _first_name_of(pattern, k):
                        continue
                    distance = 1
                elif distance > max_edits(len(seg_words[i].folded)) and not _named_before(
                        pattern, k):
                    continue
                swap = distance == 1 and pattern.folded[k] in _swaps(seg_words[i].folded)
                if not swap and all(casefold(w) in PARTICLES
                                    for j, w in enumerate(pattern.words) if j != k):
                    continue
                options.append(((distance, -pattern.size), (
                    pattern.form.lang != lang, _differences(seg_words, seps, i, k, pattern),
                    _STATUS_RANK[pattern.form.status]), k, pattern))
            if not options:
                mention = self._short_swap(doc, lang, seg_words, i, variants[i])
                if mention is not None:
                    found.append((i, mention))
                    taken.add(i)
                continue
            fit = min(o[0] for o in options)
            options = [o for o in options if o[0] == fit]
            if len({o[3].entry.id for o in options}) > 1:
                continue
            _, _, k, pattern = min(options, key=lambda o: o[1])
            first = i - k
            # (A rule, the same code: a name of the scan inside the name is part of it.)
            if any(w in taken for w in range(first, first + pattern.size)) or _clashes(
                    first, first + pattern.size, scanned):
                continue
            found.append((first, self._mention(doc, seg_words[first:first + pattern.size],
                                               pattern, MatchKind.TYPO, False, lang,
                                               corrected=_meant(pattern, lang))))
            taken.update(range(first, first + pattern.size))
        return found

    def _misspelt_variants(self, raw, lang):
        text = raw if raw.isascii() else nfc(raw)
        if len(text) < 2 or not text.isalpha():
            return ()
        ordinary = (wordlist.is_attested if text[:1].isupper() else wordlist.is_known)
        if ordinary(text, lang) or wordlist.is_attested(text, "en"):
            return ()
        folded = fold_key(text)
        if (not folded.isalpha() or folded in self.index.name_words
                or casefold(text) in self.index.form_words or self.index.is_derived_word(text)):
            return ()
        found = {swapped: 1 for swapped in _swaps(folded)}
        if text[:1].isupper():  # (a rule the fast path has, the same code)
            for candidate in self._four_letter_first_names(folded):
                found.setdefault(candidate, SHORT_FIRST_NAME_EDIT)
        if len(folded) >= TYPO_MIN_LENGTH and not wordlist.is_known(text, lang):
            limit = max_edits(len(folded))
            for candidate in reference_near_name_words(self.index, folded):
                if (candidate[0] != folded[0] or _is_inflection(folded, candidate)
                        or _is_derived(folded, candidate)):
                    continue
                distance = OSA.distance(folded, candidate, score_cutoff=limit)
                if distance <= limit:
                    found[candidate] = min(distance, found.get(candidate, distance))
            if len(folded) >= ANCHORED_TWO_EDITS_LENGTH:
                for candidate in self._two_edits_words(folded):
                    found.setdefault(candidate, 2)
        return tuple(sorted((distance, word) for word, distance in found.items()))


def reference_near_name_words(index, folded):
    """``TermIndex.near_name_words`` as it was: each deletion variant probed on its own."""
    if len(folded) > TYPO_MAX_LENGTH:
        return ()
    texts = index._name_word_texts
    found = {texts[number] for variant in deletes(folded) for number in index._near.get(variant)}
    found.discard(folded)
    return tuple(sorted(found))


@lru_cache(maxsize=4)
def reference_checker(lang: str) -> Checker:
    checker = Checker(default_termbase(), CheckOptions(lang=lang), default_checker(lang).index)
    checker.matcher = ReferenceMatcher(checker.index)
    return checker


def described(findings) -> list[tuple]:
    return [(f, f.message, f.fix) for f in findings]


@st.composite
def misspelt_names(draw) -> str:
    """A draft where names of several words, or of four letters, stand with one word misspelt
    (two letters swapped, any case), after and before ordinary words, and now and then as
    written: what the anchored and the short near misses look for."""
    longer = [form for form in forms() if " " in form or "-" in form]
    short = [form for form in forms() if len(form) == TYPO_MIN_LENGTH - 1 and form.isalpha()]
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        form = draw(st.sampled_from(longer) | st.sampled_from(short))
        words = regex.split(r"([ -])", form)
        at = draw(st.integers(0, len(words) - 1)) // 2 * 2
        word = words[at]
        if len(word) > 2:
            i = draw(st.integers(1, len(word) - 2))
            words[at] = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        name = draw(st.sampled_from([str, str.lower, str.upper]))("".join(words))
        parts += [*draw(st.lists(st.sampled_from(FILLER), max_size=8)), name]
        if draw(st.booleans()):  # the document names the entry right too
            parts.append(form)
    return " ".join(parts) + "."


@st.composite
def repeated_near_misses(draw) -> str:
    """A draft where one word of a name, misspelt (two letters swapped, one dropped, doubled,
    replaced or given an accent), stands several times in other company: alone, after a
    preposition of place, with the rest of its name, beside other capitalised words, and now
    and then the name written right: what the near-miss search keeps per word (the names it
    is near, what it is alone) must not depend on where the word stood first."""
    names = [form for form in forms() if any(len(w) >= 4 for w in regex.split(r"[ -]", form))]
    # Names of three words or more as often as the others: the word may stand far from the
    # word that starts its name (Abd Rabbo Mansour Hdai).
    several = [form for form in names if len(regex.split(r"[ -]", form)) >= 3]
    form = draw(st.sampled_from(several) | st.sampled_from(names))
    words = regex.split(r"([ -])", form)
    at = draw(st.sampled_from([j for j in range(0, len(words), 2) if len(words[j]) >= 4]))
    word = words[at]
    i = draw(st.integers(1, len(word) - 2))
    edit = draw(st.sampled_from(["swap", "drop", "double", "replace", "accent"]))
    if edit == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    elif edit == "drop":
        word = word[:i] + word[i + 1:]
    elif edit == "double":
        word = word[:i] + word[i] + word[i:]
    elif edit == "replace":
        word = word[:i] + draw(st.sampled_from("aeiourstn")) + word[i + 1:]
    else:
        word = word[:i] + {"e": "é", "a": "à", "i": "ï", "o": "ô"}.get(word[i], "ë") + word[i + 1:]
    words[at] = word
    company = [word, f"en {word}", f"in {word}", "".join(words), f"{word} Martin",
               f"Claire {word}", f"M. {word}", word.upper(), word.lower()]
    parts = []
    for _ in range(draw(st.integers(2, 6))):
        parts += [*draw(st.lists(st.sampled_from(FILLER), max_size=5)),
                  draw(st.sampled_from(company))]
        if draw(st.booleans()):
            parts.append(form)
    return " ".join(parts) + "."


@given(text=document() | misspelt_names() | repeated_near_misses(), path=PATHS, lang=LANGS)
def test_matcher_fast_paths_give_the_same_findings(text, path, lang):
    fast, reference = default_checker(lang), reference_checker(lang)
    assert described(fast.check_text(text, path).findings) == \
        described(reference.check_text(text, path).findings)


def every_form_drafts(per_draft: int = 12) -> list[str]:
    """Every form of the default termbase, as written, in lower case and in capitals, a dozen
    to a draft between ordinary words: each form meets the patterns of its entry in both
    languages, its avoid and short forms, and namesakes."""
    sentences = [f"Hier, {variant} a parlé. Le maire et {variant}, puis the minister."
                 for form in forms() for variant in (form, form.lower(), form.upper())]
    return [" ".join(sentences[i:i + per_draft]) for i in range(0, len(sentences), per_draft)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_matcher_fast_paths_agree_on_every_form(lang):
    """Every form, not a sample: a pattern left unjudged at a word (``_match_at`` stops at the
    preferred form matched exactly) must never change which form a mention is of."""
    fast, reference = default_checker(lang), reference_checker(lang)
    for text in every_form_drafts():
        fast_mentions = fast.matcher.match(parse("draft.txt", text), lang).mentions
        reference_mentions = reference.matcher.match(
            parse("draft.txt", text), lang).mentions
        assert [(m.start, m.end, m.form, m.kind, m.mixed, m.spacing) for m in fast_mentions] == \
            [(m.start, m.end, m.form, m.kind, m.mixed, m.spacing) for m in reference_mentions]
        assert described(fast.check_text(text, "draft.txt").findings) == \
            described(reference.check_text(text, "draft.txt").findings)


@given(items=st.lists(st.sampled_from("abcdefg"), max_size=12),
       known=st.sets(st.sampled_from("abcdefg")), limit=st.integers(0, 8))
def test_memoised_gives_each_value_as_computed(items, known, limit):
    """``_memoised`` is ``[function(x) for x in items]`` whatever the memo holds, computing each
    missing item once (and emptying a memo grown past its limit first)."""
    import checker.matcher as matcher_module

    calls = Counter()

    def function(item):
        calls[item] += 1
        return item.upper() * 2

    memo = {k: k.upper() * 2 for k in known}
    saved = matcher_module.MEMO_LIMIT
    matcher_module.MEMO_LIMIT = limit
    try:
        assert _memoised(memo, function, items) == [x.upper() * 2 for x in items]
    finally:
        matcher_module.MEMO_LIMIT = saved
    assert all(n == 1 for n in calls.values())
    assert set(items) <= set(memo)


def reference_word(seg_words, index):
    """A ``Word`` as ``SegmentWords.word`` made it before it built the tuple straight."""
    text = nfc(seg_words.raw[index])
    return Word(seg_words.bounds[2 * index + 1], seg_words.bounds[2 * index + 2], text,
                translit_word(seg_words.raw[index]), fold_key(text))


_SPLIT_TEXT = st.lists(st.sampled_from([*"aÉe\u0301 -–'’.\u00a0\u202f\t\nß", "Lavrov"]),
                       max_size=40).map("".join) | st.text(ANY_CHAR, max_size=30)


@given(text=_SPLIT_TEXT | document())
def test_words_and_separators_read_straight_agree(text):
    """``SegmentWords.words``, ``run`` and ``word`` give the words one by one as before, and
    ``Separators.between`` the separators ``Separators.__getitem__`` normalises."""
    doc = parse("draft.txt", text)
    for segment in doc.segments:
        seg_words, seps = Matcher.segment_words(doc, segment)
        expected = [reference_word(seg_words, i) for i in range(len(seg_words))]
        assert seg_words.words(range(len(seg_words))) == expected
        assert list(seg_words) == expected
        assert [seg_words.word(i) for i in range(len(seg_words))] == expected
        assert seg_words[1:-1] == expected[1:-1]
        for start in range(len(seps) + 1):
            assert seg_words.run(start, min(start + 3, len(seg_words))) == \
                expected[start:start + 3]
            for end in range(start, min(start + 4, len(seps) + 1)):
                assert seps.between(start, end) == tuple(seps[start:end])


class IndexOrderMatcher(Matcher):
    """The matcher trying the patterns at a word in the index's order, as before the draft's
    language came first within a size (``Matcher._patterns_for``)."""

    def _patterns_for(self, lang, first, second):
        return self.index.patterns_starting(first, second)


def mentions_in_full(result) -> list[tuple]:
    """Every mention of a match, resolved or not, with what rules read of it and of each of
    its alternatives."""
    def described_mention(m):
        return (m.start, m.end, m.text, m.entry.id, m.form, m.kind, m.spacing, m.mixed,
                m.corrected, m.needs_context, m.lowered, m.swapped)
    return [(described_mention(m), [described_mention(a) for a in m.alternatives])
            for m in result.mentions + result.unresolved]


@lru_cache(maxsize=4)
def index_order_matcher(lang: str) -> Matcher:
    return IndexOrderMatcher(default_checker(lang).index)


@given(text=document() | misspelt_names(), lang=LANGS, draft_lang=LANGS)
def test_patterns_of_the_drafts_language_first_give_the_same_mentions(text, lang, draft_lang):
    """Trying the draft's language first only stops the search sooner: the same mentions,
    alternatives and mixed spellings as in the index's order (``draft_lang``: the language
    of a translation's sources, which are matched in it)."""
    doc = parse("draft.txt", text)
    fast = default_checker(lang).matcher
    assert mentions_in_full(fast.match(doc, lang, draft_lang)) == \
        mentions_in_full(index_order_matcher(lang).match(doc, lang, draft_lang))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_patterns_of_the_drafts_language_first_agree_on_every_form(lang):
    """Every form of the default termbase, its namesakes and its other languages' forms."""
    fast, index_order = default_checker(lang).matcher, index_order_matcher(lang)
    for text in every_form_drafts():
        assert mentions_in_full(fast.match(parse("draft.txt", text), lang)) == \
            mentions_in_full(index_order.match(parse("draft.txt", text), lang))


def test_patterns_of_the_drafts_language_come_first_within_each_size():
    """The view is the index's patterns reordered, never filtered, sizes still longest first."""
    matcher = default_checker("fr").matcher
    index = matcher.index
    reordered = 0
    for pattern in {p for form in forms() if (p := _first_pattern(index, form))}:
        keys = pattern.translit
        pair = (keys[0], keys[1] if len(keys) > 1 else None)
        for lang in ("fr", "en"):
            patterns = index.patterns_starting(*pair)
            view = matcher._patterns_for(lang, *pair)
            assert sorted(map(id, view)) == sorted(map(id, patterns))
            assert [p.size for p in view] == [p.size for p in patterns]
            for size in {p.size for p in view}:
                langs = [p.form.lang != lang for p in view if p.size == size]
                assert langs == sorted(langs)
                for same in (True, False):  # the index's order within each part
                    assert [p for p in view if p.size == size and (p.form.lang == lang) is same] \
                        == [p for p in patterns if p.size == size and (p.form.lang == lang) is same]
            reordered += view != patterns
    assert reordered  # the default termbase has patterns to reorder


def _first_pattern(index, form: str):
    """A pattern of the index spelled ``form``, if the index has one."""
    tokens, _ = split_form(form)
    keys = [translit_word(t) for t in tokens]
    if not keys:
        return None
    found = index.patterns_starting(keys[0], keys[1] if len(keys) > 1 else None)
    return next((p for p in found if p.words == tokens), None)


# --- the transliteration key ------------------------------------------------------------------
_REFERENCE_REWRITES = tuple((regex.compile(pattern), replacement)
                            for pattern, replacement, _ in normalize._TRANSLIT_REWRITES)


def reference_translit_word(word: str) -> str:
    """``translit_word`` as it was before each rewrite was guarded by the strings it needs:
    every rewrite tried on every word."""
    word = fold_diacritics(casefold(word))
    if word in normalize._TRANSLIT_WORDS:
        return normalize._TRANSLIT_WORDS[word]
    for pattern, replacement in _REFERENCE_REWRITES:
        word = pattern.sub(replacement, word)
    return word


# Letters every rewrite turns on, in both cases and with accents, and others.
_TRANSLIT_LETTERS = [*"xchsjzdkpguieyowaetnXCHSJZDKPGUIEYOWAïéèÏÉœßø", "\u0308"]


def test_translit_word_agrees_on_every_word_of_the_default_termbase():
    words = {word for form in forms() for word in regex.findall(r"\p{L}+", form)}
    words |= {word for form in forms() for word in regex.findall(r"\p{L}+", form.upper())}
    assert len(words) > 500
    for word in sorted(words):
        translit_word.cache_clear()
        assert translit_word(word) == reference_translit_word(word), word


@given(word=st.lists(st.sampled_from(_TRANSLIT_LETTERS), min_size=1, max_size=12).map("".join)
       | st.text(ANY_CHAR, min_size=1, max_size=12))
def test_translit_word_agrees_with_every_rewrite_tried(word):
    translit_word.cache_clear()
    assert translit_word(word) == reference_translit_word(word)


# --- the deletion variants --------------------------------------------------------------------
def reference_deletes(word: str) -> set[str]:
    """``deletes`` as it was: every place deleted from every string of the layer before, the
    strings of each layer kept in a set."""
    head, found = word[:1], {word}
    if len(word) > TYPO_MAX_LENGTH:
        return found
    layer = {word[1:]}
    for _ in range(max_edits(len(word))):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        found.update(head + rest for rest in layer)
    return found


# Few letters, so that words repeat them (a pair of places deleted from "lll" is one string).
@given(word=st.text("abl", max_size=14) | st.text(ANY_CHAR, max_size=TYPO_MAX_LENGTH + 2))
def test_deletes_agree_with_every_layer_deleted_in_full(word):
    assert deletes(word) == reference_deletes(word)


# --- the patterns starting with a word --------------------------------------------------------
def reference_patterns_starting(index, first: str, second: str | None = None) -> tuple:
    """``TermIndex.patterns_starting`` as it was, unmemoised: both tables probed, whatever
    ``start_kind`` says of ``first``."""
    longer = tuple(p for p in index._patterns_of(index._pairs.get(pair_key(first, second)))
                   if p.translit[:2] == (first, second)) if second is not None else ()
    singles = tuple(p for p in index._patterns_of(index._singles.get(first))
                    if p.translit == (first,))
    return longer + singles


@lru_cache(maxsize=1)
def pattern_keys() -> tuple[str, ...]:
    """The transliteration key of every word of every form of the default termbase."""
    return tuple(sorted({translit_word(word) for form in forms()
                         for word in split_form(form)[0]}))


def test_patterns_starting_agrees_on_every_pattern():
    """Every pattern's first key alone and with its second (and with a key no pattern has
    second): the patterns found, the same objects in the same order."""
    index = default_checker("fr").index
    starts = {(pattern.translit[0], second) for ref in range(len(index.forms))
              if (pattern := index.pattern(index.form_refs[ref])) is not None
              for second in (None, "zzz", *pattern.translit[1:2])}
    assert len(starts) > 1000
    for first, second in sorted(starts, key=str):
        assert list(map(id, index.patterns_starting(first, second))) == \
            list(map(id, reference_patterns_starting(index, first, second)))


@given(first=st.sampled_from(pattern_keys()) | st.text(max_size=6),
       second=st.none() | st.sampled_from(pattern_keys()) | st.text(max_size=6))
def test_patterns_starting_agrees_on_any_pair_of_keys(first, second):
    index = default_checker("en").index
    assert list(map(id, index.patterns_starting(first, second))) == \
        list(map(id, reference_patterns_starting(index, first, second)))
