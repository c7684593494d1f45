"""untranslated: a translation unit whose target is empty, or a copy of its source.

What it flags:
    In a translation (PO, XLIFF, aligned files):
    - warning: a unit whose source has text and whose target is empty or absent (a PO
      `msgstr ""`, an XLIFF unit without a target); the finding is on the source, since an
      empty target has no text to point at. A file with no translated unit at all (a POT
      template, an XLIFF sent out for translation) is not checked for this;
    - warning: a target that repeats its source word for word. Let through: a text with no
      letter (numbers, dates), a code or an address (no space: `app.title`, `https://…`,
      `ABC-12`), and a text whose words are all names the termbase knows (`NATO`, `Kim Jong Un`).
    Fuzzy entries are reported at `info`, as for every rule.
Why it matters:
    An empty or copied target ships the source language to readers of the other one; both are
    easy to miss in a long catalogue.
Example:
    source "The minister resigned." / target "The minister resigned."
Use instead:
    target "Le ministre a démissionné."
Fix safety:
    None: only a translator can write the translation.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from ..document import Segment
from ..findings import Finding, Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage

_LETTER = regex.compile(r"\p{L}")
_SPACE = regex.compile(r"\s")


def check_document(ctx: Context) -> list[Finding]:
    text = ctx.doc.text
    sources: dict[str, list[Segment]] = defaultdict(list)
    targets: dict[str, list[Segment]] = defaultdict(list)
    for segment in ctx.doc.segments:
        if segment.unit is not None and segment.role in ("source", "target"):
            (sources if segment.role == "source" else targets)[segment.unit].append(segment)
    findings: list[Finding] = []
    if not targets:  # a template: nothing is translated yet, on purpose
        return findings
    for unit, unit_sources in sources.items():
        if unit in targets:
            continue
        first = unit_sources[0]
        if not text[first.start:first.end].strip():
            continue
        findings.append(RULE.finding(
            first.start, first.end, text[first.start:first.end],
            _("this string has no translation (the target is empty)"), lang=ctx.lang))
    for unit, unit_targets in targets.items():
        originals = {text[s.start:s.end].strip() for s in sources.get(unit, ())}
        for segment in unit_targets:
            target = text[segment.start:segment.end]
            if target.strip() in originals and not _may_stay(ctx, segment, target.strip()):
                findings.append(RULE.finding(
                    segment.start, segment.end, target,
                    _("the translation is a copy of its source (not translated?)"),
                    lang=ctx.lang))
    return findings


def _may_stay(ctx: Context, segment: Segment, target: str) -> bool:
    """Whether a target may be its source as it is: no letter, a code, or only known names."""
    if not _LETTER.search(target) or not _SPACE.search(target):
        return True
    names = [m for m in ctx.result.mentions if segment.start <= m.start < segment.end]
    rest = ctx.doc.text[segment.start:segment.end]
    for mention in sorted(names, key=lambda m: m.start, reverse=True):
        start, end = mention.start - segment.start, mention.end - segment.start
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return not _LETTER.search(rest)


RULE = Rule(code="untranslated", severity=Severity.WARNING, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=112,
            summary=N_("a translation unit with an empty target, or a target copied from its "
                       "source"),
            example='`msgid "The minister resigned."` / `msgstr ""`',
            doc=__doc__, on_document=check_document)
