"""term-mismatch: a translated segment that lacks the target form of a term its source mentions.

What it flags:
    In a translation (PO, XLIFF, aligned files), for each entry the source segment mentions:
    - error: the target holds no form of the entry at all (the name was lost or paraphrased);
    - warning: the target names it fewer times than the source does;
    - info: the target names an entry its source does not mention (an added name may be a
      mistake).
    A target that holds another language's form of the entry is not a mismatch: `wrong-language`
    reports that form with the expected one.
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

from ..findings import Severity
from ..matcher import Mention
from .base import Context, Rule


def check_document(ctx: Context) -> list:
    # Mentions by segment; a unit's sources may be several (singular and plural of a PO
    # entry): an entry is wanted as many times as the source that names it most.
    by_segment: dict[int, list[Mention]] = defaultdict(list)
    for mention in ctx.result.mentions:
        if mention.segment is not None and mention.segment.unit is not None:
            by_segment[mention.segment.start].append(mention)
    wanted_by_unit: dict[str, Counter[str]] = defaultdict(Counter)
    entries = {}
    for segment in ctx.doc.segments:
        if segment.role == "source" and segment.unit is not None:
            counts = Counter(m.entry.id for m in by_segment[segment.start])
            wanted_by_unit[segment.unit] |= counts
            entries.update({m.entry.id: m.entry for m in by_segment[segment.start]})
    findings = []
    text = ctx.doc.text
    for segment in ctx.doc.segments:
        if segment.role != "target" or not text[segment.start:segment.end].strip():
            continue
        wanted = wanted_by_unit.get(segment.unit, Counter())
        mentions = by_segment[segment.start]
        have = Counter(m.entry.id for m in mentions)
        for entry_id, count in wanted.items():
            entry = entries[entry_id]
            expected = entry.preferred(ctx.lang)
            if expected is None:
                continue
            found = have[entry_id]
            if found == 0:
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
            if mention.entry.id not in wanted:
                findings.append(RULE.finding(
                    mention.start, mention.end, mention.text,
                    f"'{mention.text}' is in the translation but not in its source",
                    entry=mention.entry.id, lang=ctx.lang, severity=Severity.INFO))
    return findings


def _name(entry, ctx: Context) -> str:
    return f"'{entry.preferred(ctx.source_lang or ctx.lang) or entry.preferred(ctx.lang)}'"


RULE = Rule("term-mismatch", Severity.ERROR, False,
            "a translated segment lacks the target form of a term its source mentions", __doc__,
            on_document=check_document, exclusive=False)
