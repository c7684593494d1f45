"""inconsistent-translation: one source translated two ways, or two sources translated alike.

What it flags:
    In a translation file, segments whose source text is the same (in the same context, for PO
    msgctxt) but whose translations differ, and segments whose sources differ but whose
    translations are identical. Each group is reported once, on its first segment, with the
    lines of the others.
Why it matters:
    A string translated two ways reads as two things; two strings translated alike usually mean
    one was copied over the other. Both are where names get lost.
Example:
    "Foreign Minister Wang Yi" translated "le ministre Wang Yi" on one line and "le chef de la
    diplomatie Wang Yi" on another.
Use instead:
    One translation for one source, reused.
Fix safety:
    None: which translation is right is the translator's call.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from ..document import Segment
from ..findings import Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage

_SPACE = regex.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def check_document(ctx: Context) -> list:
    text = ctx.doc.text
    # A unit's source and translation are all its source and target segments together (the
    # singular and plural forms of a PO entry are one translation).
    sources: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    first_target: dict[str, Segment] = {}
    for segment in ctx.doc.segments:
        if segment.unit is None:
            continue
        part = text[segment.start:segment.end]
        if segment.role == "source":
            sources[segment.unit].append(part)
        elif segment.role == "target" and part.strip():
            targets[segment.unit].append(part)
            first_target.setdefault(segment.unit, segment)
    # Plural forms of one translation are shown apart, "one | several"; the sources, as text.
    source_of = {unit: " ".join(parts) for unit, parts in sources.items()}
    target_of = {unit: " | ".join(parts) for unit, parts in targets.items()}
    by_source: dict[str, list] = defaultdict(list)
    by_target: dict[str, list] = defaultdict(list)
    for unit, segment in first_target.items():
        # The same text in two contexts (msgctxt) may rightly be translated two ways.
        context = dict(segment.info).get("context", "")
        source = _norm(source_of.get(unit, ""))
        target = _norm(target_of[unit])
        if source:
            by_source[context + "\x04" + source].append((segment, target))
            by_target[target].append((segment, source))
    findings = []
    for key, group in by_source.items():
        source = key.split("\x04", 1)[1]
        if len({target for _, target in group}) > 1:
            findings.append(_group_finding(ctx, group, _(
                "the source '{source}' is translated in {count} ways").format(
                    source=_short(source), count=len(group))))
    for target, group in by_target.items():
        if len({source for _, source in group}) > 1:
            findings.append(_group_finding(ctx, group, _(
                "{count} different sources are translated '{target}'").format(
                    count=len(group), target=_short(target))))
    return findings


def _group_finding(ctx: Context, group: list, what: str):
    first = group[0][0]
    lines = sorted({ctx.doc.position(segment.start)[0] for segment, _ in group})
    text = ctx.doc.text[first.start:first.end]
    return RULE.finding(first.start, first.end, text,
                        _("{what} (lines {lines})").format(
                            what=what, lines=", ".join(map(str, lines))), lang=ctx.lang)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


RULE = Rule(code="inconsistent-translation", severity=Severity.WARNING, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=120,
            summary=N_("one source translated two ways, or two sources translated alike"),
            example="`Foreign Minister Wang Yi` translated two ways in one file",
            doc=__doc__, on_document=check_document)
