"""term-mismatch: a translated segment that lacks the target form of a term its source mentions.

What it flags:
    In a translation (PO, XLIFF, TMX, aligned files), for each entry the source segment names,
    one finding per cause:
    - error: the target holds no form of the entry at all (the name was lost or paraphrased),
      or names another entry of the same kind instead (Australia → l'Autriche: on that name);
    - warning: the target names it fewer times than the source does, or names only an entry
      related to it (`see_also`: Britain and le Royaume-Uni; related names are often, not
      always, interchangeable);
    - info, only with --review-hints (review-hints = true): a pronoun of the target may stand
      for it (on the pronoun; nothing when the name is in the unit before or after), a title is
      rendered otherwise (titles are translated by sense), or the target names an entry its
      source does not (an added name may be a mistake; added titles are not reported). They
      are hints for a reviewer, off by default: on real professional translations nearly none
      of them is an error, and a check that reports them all is switched off.
    What counts as naming the entry in the target: any form of it in any language, whatever
    its accents, hyphens (Maison-Blanche), elision (d'Obama) or contracted article (du Caire),
    inside a longer name too (Los Angeles International Airport); an adjective or a demonym
    the termbase lists (source "the UK government", target "le gouvernement britannique");
    a name in another segment of the same XLIFF unit. A form in the other language's spelling
    is `wrong-language`'s finding and a name in the wrong case `capitalization`'s. A source
    mention that names someone else wants nothing: a surname after another first name or a
    capitalised word (Ryan Morrison, the Old Bailey), after a determiner (la Hollande), a
    month (in May), an organisation opening a longer name (the Democratic Movement of
    Mozambique). The text report shows the source under the finding.
Why it matters:
    A translation that drops or changes a name is the costliest error of translated copy: the
    reader of one language is told about someone else, or no one.
Example:
    source "Wang Yi met Sergei Lavrov." / target "Wang Yi a rencontré le ministre russe."
Use instead:
    target "Wang Yi a rencontré Sergueï Lavrov."
Fix safety:
    None: where the name belongs in the sentence is the translator's call.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from glossary.index.compiled import DERIVED_MAX_WORDS
from glossary.model import Entry, EntryType
from glossary.normalize import casefold
from glossary.tokens import is_joiner, normalize_separator, words
from glossary.validate import FUNCTION_WORDS

from ..document import Segment
from ..findings import Finding, Severity
from ..i18n import N_, _, ngettext
from ..matcher import Mention
from ..renderings import FormSearch, namesake, pronoun
from .base import Context, FixSafety, Rule, Stage


def check_document(ctx: Context) -> list:
    if not any(s.role == "target" and s.unit is not None for s in ctx.doc.segments):
        return []  # no translation (a draft): no target to find a name missing from
    # Mentions by segment; a unit's sources may be several (singular and plural of a PO
    # entry): an entry is wanted as many times as the source that names it most. A source
    # mention that names someone else (Ryan Morrison for Scott Morrison, in May) wants nothing.
    by_segment: dict[int, list[Mention]] = defaultdict(list)
    for mention in ctx.result.mentions:
        if mention.segment is not None and mention.segment.unit is not None:
            by_segment[mention.segment.start].append(mention)
    wanted_by_unit: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, list[Segment]] = defaultdict(list)
    entries = {}
    text = ctx.doc.text
    for segment in ctx.doc.segments:
        if segment.role == "source" and segment.unit is not None:
            named = _named(ctx, by_segment[segment.start])
            wanted_by_unit[_pair_key(segment)] |= Counter(m.entry.id for m in named)
            entries.update({m.entry.id: m.entry for m in named})
            sources[_pair_key(segment)].append(segment)
            if _pair_key(segment) != segment.unit:
                sources[str(segment.unit)].append(segment)
    # Entries a source names through an adjective or a demonym only (British voters): a target
    # that names them adds nothing. Read only for a target naming an entry its source does not.
    described: dict[str, Counter[str]] = {}

    def described_in(unit: str) -> Counter[str]:
        if unit not in described:
            described[unit] = sum((_derived(ctx, s, by_segment[s.start]) for s in sources[unit]),
                                  Counter())
        return described[unit]

    targets = [s for s in ctx.doc.segments if s.role == "target" and s.unit is not None]
    by_unit: dict[str, list[Segment]] = defaultdict(list)
    for segment in targets:
        by_unit[str(segment.unit)].append(segment)
    search = FormSearch()
    findings = []
    for position, segment in enumerate(targets):
        if not text[segment.start:segment.end].strip():
            continue
        wanted = wanted_by_unit.get(_pair_key(segment), Counter())
        mentions = by_segment[segment.start]
        have = Counter(m.entry.id for m in mentions)
        if any(have[entry_id] < count for entry_id, count in wanted.items()):
            # Read only where a name is missing: most targets name what their source does.
            have.update(_derived(ctx, segment, mentions))
        target_text = text[segment.start:segment.end]
        source_text = " / ".join(text[s.start:s.end] for s in sources[_pair_key(segment)])
        # Names move between the segments of a unit: the whole unit's sources for added names.
        unit = str(segment.unit)
        unit_source = " / ".join(text[s.start:s.end] for s in sources[unit])
        # Names of the target that its source does not name: the other entity a missing name
        # may have become (Autriche for Australia), else an added name (info).
        added = [m for m in mentions
                 if m.entry.id not in wanted
                 and not _stands_for_related(ctx, m.entry.id, wanted, have)
                 and m.entry.id not in described_in(unit)
                 and not search.count(m.entry, unit_source, ctx.source_lang or ctx.lang,
                                      derived=False)
                 and not namesake(ctx.doc, m, _title_ends(mentions))]
        replaced: set[int] = set()
        for entry_id, count in wanted.items():
            if have[entry_id] >= count:
                continue
            entry = entries[entry_id]
            expected = entry.preferred(ctx.lang)
            if expected is None:
                continue
            # The name the matcher left out (inside a longer name, a form two entries share,
            # hyphenated, elided): the target names it all the same.
            found: int = max(have[entry_id], search.count(entry, target_text, ctx.lang))
            # The segments of one unit (XLIFF) are one translation: a name in any of them is
            # there. A PO entry's plural forms are not: each is shown alone.
            if not _plural(segment):
                found += sum(search.count(entry, text[t.start:t.end], ctx.lang)
                             for t in by_unit[unit] if t is not segment and not _plural(t))
                if found >= count:
                    continue
            others = [m for m in added if m.entry.type is entry.type
                      and m.entry.type is not EntryType.TITLE and m.start not in replaced]
            if not found and len(others) == 1:
                other = others[0]
                replaced.add(other.start)
                findings.append(RULE.finding(
                    other.start, other.end, other.text,
                    _("the source names '{name}'; the translation names '{text}' ('{other}') "
                      "instead (expected '{expected}')").format(
                          name=_name(entry, ctx), text=other.text,
                          other=_name(other.entry, ctx), expected=expected),
                    expected=expected, entry=entry_id, lang=ctx.lang,
                    fixable=False, source=source_text))
                continue
            finding = _gap(ctx, entry, segment, found, count, have, expected, source_text,
                           _neighbours(targets, position), search)
            if finding is not None:
                findings.append(finding)
        for mention in added if ctx.review_hints else ():
            # A title is rendered by sense (chief executive, directeur général): one the source
            # does not write in the termbase's words is no added name.
            if mention.start not in replaced and mention.entry.type is not EntryType.TITLE:
                findings.append(RULE.finding(
                    mention.start, mention.end, mention.text,
                    _("'{text}' is in the translation but not in its source").format(
                        text=mention.text),
                    entry=mention.entry.id, lang=ctx.lang, severity=Severity.INFO,
                    source=source_text))
    return findings


def _pair_key(segment: Segment) -> str:
    """What pairs a source with its targets: the unit, and the segment of an XLIFF 2 unit of
    several (its sources and targets share the segment's id)."""
    sid = next((value for key, value in segment.info if key == "segment"), None)
    return f"{segment.unit}\x00{sid}" if sid is not None else str(segment.unit)


def _plural(segment: Segment) -> bool:
    return any(key == "plural" for key, _ in segment.info)


def _neighbours(targets: list[Segment], position: int) -> list[Segment]:
    """The targets of the units before and after the target at ``position``."""
    unit = targets[position].unit
    before = next((t for t in reversed(targets[:position]) if t.unit != unit), None)
    after = next((t for t in targets[position + 1:] if t.unit != unit), None)
    return [t for t in (before, after) if t is not None]


def _named(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The source mentions that name their entry (not a namesake)."""
    ends = _title_ends(mentions)
    return [m for m in mentions if not namesake(ctx.doc, m, ends)]


def _title_ends(mentions: list[Mention]) -> set[int]:
    return {m.end for m in mentions if m.entry.type is EntryType.TITLE}


def _gap(ctx: Context, entry: Entry, segment: Segment, found: int, count: int,
         have: Counter[str], expected: str, source_text: str, neighbours: list[Segment],
         search: FormSearch) -> Finding | None:
    """The finding for a target naming ``entry`` ``found`` times where its source does
    ``count`` times, by cause, or None when the gap is no error."""
    text = ctx.doc.text
    start, end = segment.start, segment.end
    name = _name(entry, ctx)
    if found:
        return RULE.finding(
            start, end, text[start:end],
            ngettext("the source names '{name}' {count} times, the translation {found} time",
                     "the source names '{name}' {count} times, the translation {found} times",
                     found).format(name=name, count=count, found=found),
            expected=expected, entry=entry.id, lang=ctx.lang,
            fixable=False, severity=Severity.WARNING, source=source_text)
    related = _related_in(ctx, entry.id, have)
    if related is not None and ctx.index is not None:
        other = ctx.index.termbase.get(related)
        return RULE.finding(
            start, end, text[start:end],
            _("the source names '{name}'; the translation names the related '{other}' instead "
              "(expected '{expected}')").format(name=name, other=_name(other, ctx),
                                                expected=expected),
            expected=expected, entry=entry.id, lang=ctx.lang,
            fixable=False, severity=Severity.WARNING, source=source_text)
    if entry.type is EntryType.TITLE:
        # Titles are translated by sense as often as by the book (general manager for
        # directrice générale): a missing one is for the reviewer to look at, not an error.
        if not ctx.review_hints:
            return None
        return RULE.finding(
            start, end, text[start:end],
            _("the source's title '{name}' has no form in the translation (expected "
              "'{expected}'); check that it is rendered").format(name=name, expected=expected),
            expected=expected, entry=entry.id,
            lang=ctx.lang, fixable=False, severity=Severity.INFO, source=source_text)
    stand_in = pronoun(text, start, end, ctx.lang, entry.type is EntryType.PERSON,
                       source_text, ctx.source_lang)
    if stand_in is not None:
        if not ctx.review_hints or any(search.count(entry, text[s.start:s.end], ctx.lang)
                                       for s in neighbours):
            return None  # a pronoun, and the name in the sentence before or after
        return RULE.finding(
            stand_in[0], stand_in[1], text[stand_in[0]:stand_in[1]],
            _("the source names '{name}'; the translation has '{text}' where it may stand for "
              "it (expected '{expected}' somewhere in the unit)").format(
                  name=name, text=text[stand_in[0]:stand_in[1]], expected=expected),
            expected=expected, entry=entry.id, lang=ctx.lang, fixable=False,
            severity=Severity.INFO, source=source_text)
    return RULE.finding(
        start, end, text[start:end],
        _("the source names '{name}'; the translation has no form of it (expected "
          "'{expected}')").format(name=name, expected=expected),
        expected=expected, entry=entry.id, lang=ctx.lang, fixable=False, source=source_text)


def _derived(ctx: Context, segment: Segment, mentions: list[Mention]) -> Counter[str]:
    """The entries whose adjectives or demonyms the segment writes (britannique, Néo-Zélandais),
    once per word, outside its mentions (Colombie-Britannique is a name) and not at the end of
    a longer compound (South American, sud-américain, franco-britannique: not the US, nor
    only the UK)."""
    found: Counter[str] = Counter()
    index = ctx.index
    if index is None:
        return found
    text = ctx.doc.text
    spans = [(segment.start + s, segment.start + e)
             for s, e in words(text[segment.start:segment.end])]
    # A derived word ends with a word the index knows (one probe per word; most words are no
    # such word, and their runs are not looked up).
    known = [index.is_derived_word(text[s:e]) for s, e in spans]
    if not any(known):
        return found
    taken = {i for i, (s, _) in enumerate(spans)
             if any(m.start <= s < m.end for m in mentions)}
    i = 0
    while i < len(spans):
        # The longest run of words joined by a space or a hyphen that is a derived word.
        for size in range(min(DERIVED_MAX_WORDS, len(spans) - i), 0, -1):
            run = range(i, i + size)
            if not known[i + size - 1] or any(k in taken for k in run) or not all(
                    is_joiner(normalize_separator(text[spans[k][1]:spans[k + 1][0]]))
                    for k in run[:-1]):
                continue
            entries = index.derived_entries(text[spans[i][0]:spans[i + size - 1][1]])
            if entries and i > 0 and _compound(text, spans[i - 1], spans[i][0]):
                i += size
                break
            if entries:
                found.update(entry.id for entry in entries)
                i += size
                break
        else:
            i += 1
    return found


def _compound(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether the word spanning ``before`` opens a compound with the word at ``start``: a
    hyphen between them, or a capitalised word before a space (South American, not The
    British)."""
    separator = normalize_separator(text[before[1]:start])
    if separator == "-":
        return True
    word = text[before[0]:before[1]]
    return (separator == " " and word[:1].isupper()
            and not any(casefold(word) in listed for listed in FUNCTION_WORDS.values()))


def _related_in(ctx: Context, entry_id: str, have: Counter[str]) -> str | None:
    """An entry related to ``entry_id`` (``see_also``) that the target names, or None."""
    if ctx.index is None:
        return None
    return next((other for other in sorted(ctx.index.termbase.related(entry_id))
                 if have[other]), None)


def _stands_for_related(ctx: Context, entry_id: str, wanted: Counter[str],
                        have: Counter[str]) -> bool:
    """Whether a target's name stands for a related entry that the source names and the
    target does not (reported once, by ``_related_in``, not again as an added name)."""
    if ctx.index is None:
        return False
    return any(wanted[other] and not have[other]
               for other in ctx.index.termbase.related(entry_id))


def _name(entry, ctx: Context) -> str:
    return f"{entry.preferred(ctx.source_lang or ctx.lang) or entry.preferred(ctx.lang)}"


RULE = Rule(code="term-mismatch", severity=Severity.ERROR, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=110,
            summary=N_("a translated segment lacks the target form of a term its source mentions"),
            example="`Wang Yi met Sergei Lavrov.` translated without `Sergueï Lavrov`",
            doc=__doc__, on_document=check_document)
