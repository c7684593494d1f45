"""term-mismatch: a translated segment that lacks the target form of a term its source mentions.

What it flags:
    In a translation (PO, XLIFF, aligned files), for each entry the source segment mentions:
    - error: the target holds no form of the entry at all (the name was lost or paraphrased);
    - warning: the target names it fewer times than the source does, or names only an entry
      related to it (`see_also`: Britain and le Royaume-Uni; related names are often, not
      always, interchangeable);
    - info: the target names an entry its source does not mention (an added name may be a
      mistake).
    A target that holds another language's form of the entry is not a mismatch: `wrong-language`
    reports that form with the expected one. An adjective or a demonym the termbase lists for
    the entry counts as naming it, in either segment: source "the UK government", target "le
    gouvernement britannique" is no mismatch, nor is source "British voters", target "les
    électeurs du Royaume-Uni" an added name.
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
from glossary.normalize import casefold
from glossary.tokens import is_joiner, normalize_separator, words
from glossary.validate import FUNCTION_WORDS

from ..document import Segment
from ..findings import Severity
from ..matcher import Mention
from .base import Context, FixSafety, Rule, Stage


def check_document(ctx: Context) -> list:
    # Mentions by segment; a unit's sources may be several (singular and plural of a PO
    # entry): an entry is wanted as many times as the source that names it most.
    by_segment: dict[int, list[Mention]] = defaultdict(list)
    for mention in ctx.result.mentions:
        if mention.segment is not None and mention.segment.unit is not None:
            by_segment[mention.segment.start].append(mention)
    wanted_by_unit: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, list[Segment]] = defaultdict(list)
    entries = {}
    for segment in ctx.doc.segments:
        if segment.role == "source" and segment.unit is not None:
            counts = Counter(m.entry.id for m in by_segment[segment.start])
            wanted_by_unit[segment.unit] |= counts
            entries.update({m.entry.id: m.entry for m in by_segment[segment.start]})
            sources[segment.unit].append(segment)
    # Entries a source names through an adjective or a demonym only (British voters): a target
    # that names them adds nothing. Read only for a target naming an entry its source does not.
    described: dict[str, Counter[str]] = {}

    def described_in(unit: str) -> Counter[str]:
        if unit not in described:
            described[unit] = sum((_derived(ctx, s, by_segment[s.start]) for s in sources[unit]),
                                  Counter())
        return described[unit]

    findings = []
    text = ctx.doc.text
    for segment in ctx.doc.segments:
        if (segment.role != "target" or segment.unit is None  # a unit-less target: no source
                or not text[segment.start:segment.end].strip()):
            continue
        wanted = wanted_by_unit.get(segment.unit, Counter())
        mentions = by_segment[segment.start]
        have = Counter(m.entry.id for m in mentions)
        if any(have[entry_id] < count for entry_id, count in wanted.items()):
            # Read only where a name is missing: most targets name what their source does.
            have.update(_derived(ctx, segment, mentions))
        for entry_id, count in wanted.items():
            entry = entries[entry_id]
            expected = entry.preferred(ctx.lang)
            if expected is None:
                continue
            found = have[entry_id]
            related = _related_in(ctx, entry_id, have) if found == 0 else None
            if related is not None and ctx.index is not None:
                other = ctx.index.termbase.get(related)
                findings.append(RULE.finding(
                    segment.start, segment.end, text[segment.start:segment.end],
                    f"the source names {_name(entry, ctx)}; the translation names the related "
                    f"{_name(other, ctx)} instead (expected '{expected}')", expected=expected,
                    entry=entry_id, lang=ctx.lang, fixable=False, severity=Severity.WARNING))
            elif found == 0:
                findings.append(RULE.finding(
                    segment.start, segment.end, text[segment.start:segment.end],
                    f"the source names {_name(entry, ctx)}; the translation has no form of it "
                    f"(expected '{expected}')", expected=expected, entry=entry_id,
                    lang=ctx.lang, fixable=False))
            elif found < count:
                findings.append(RULE.finding(
                    segment.start, segment.end, text[segment.start:segment.end],
                    f"the source names {_name(entry, ctx)} {count} times, the translation "
                    f"{found} time{'s' if found > 1 else ''}", expected=expected,
                    entry=entry_id, lang=ctx.lang, fixable=False, severity=Severity.WARNING))
        for mention in mentions:
            entry_id = mention.entry.id
            if (entry_id not in wanted and not _stands_for_related(ctx, entry_id, wanted, have)
                    and entry_id not in described_in(segment.unit)):
                findings.append(RULE.finding(
                    mention.start, mention.end, mention.text,
                    f"'{mention.text}' is in the translation but not in its source",
                    entry=entry_id, lang=ctx.lang, severity=Severity.INFO))
    return findings


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
    return f"'{entry.preferred(ctx.source_lang or ctx.lang) or entry.preferred(ctx.lang)}'"


RULE = Rule(code="term-mismatch", severity=Severity.ERROR, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=110,
            summary="a translated segment lacks the target form of a term its source mentions",
            example="`Wang Yi met Sergei Lavrov.` translated without `Sergueï Lavrov`",
            doc=__doc__, on_document=check_document)
