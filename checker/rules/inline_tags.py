"""inline-tags: an inline tag of the source that the translation drops, adds or leaves unpaired.

What it flags:
    In an XLIFF file (1.2 and 2.x) or a TMX memory, the inline tags of each source and of its
    target compared (the readers' `Segment.tags`): the codes of the original format that the
    text reads through, such as a placeholder `<ph id="1">`, a line break `<x id="2"/>`, a
    span `<g id="3">…</g>` or `<pc>`, bold opened by `<bpt>` and closed by `<ept>` (2.x `<sc/>`
    and `<ec/>`, 1.2 `<bx/>` and `<ex/>`), an isolated `<it>`, a TMX `<hi>`. A tag is the same
    in both when its identifier is (`id`, TMX `x`, else `i`, else the native code it holds);
    each counts as often as it appears, and the order may change (a translation reorders).
    Then, an error:
    - a tag of the source missing from the target (at the start of the target, naming the
      tags as the source writes them);
    - a tag of the target its source does not have (on that tag);
    - an opening tag whose closing tag comes before it, or is not in the target, while both
      are in the source and neither is missing from the target nor added (on that tag).
    `<mrk>` annotations are not compared: a tool may add them to a target.
Why it matters:
    A dropped or unknown tag breaks the file the translation is merged back into (a link
    without its text, bold to the end of the page, a placeholder the program never fills),
    or the merge refuses the translation.
Example:
    source `Read <g id="1">the report</g>.` / target `Lisez le rapport.`
Use instead:
    target `Lisez <g id="1">le rapport</g>.`
Fix safety:
    None: where the tag goes in the sentence is the translator's call.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..document import InlineTag, Segment
from ..findings import Finding, Severity
from ..i18n import N_, _, ngettext
from .base import Context, FixSafety, Rule, Stage


def check_document(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    # A target's source: the sources of its unit (of its 2.x <segment>, when it has an id)
    # read last before it; a PO plural has two, an XLIFF 2.x unit a source per segment.
    sources: dict[tuple[str, str | None], list[InlineTag]] = {}
    last: dict[tuple[str, str | None], str] = {}
    for segment in ctx.doc.segments:
        if segment.unit is None or segment.role not in ("source", "target"):
            continue
        key = (segment.unit, dict(segment.info).get("segment"))
        if segment.role == "source":
            if last.get(key) != "source":
                sources[key] = []
            sources[key].extend(segment.tags)
        else:
            findings.extend(_compare(ctx, segment, sources.get(key, [])))
        last[key] = segment.role
    return findings


def _compare(ctx: Context, segment: Segment, source: list[InlineTag]) -> list[Finding]:
    text = ctx.doc.text
    want = Counter(tag.key for tag in source)
    have = Counter(tag.key for tag in segment.tags)
    missing, extra = want - have, have - want
    findings: list[Finding] = []
    if missing:
        lost, left = [], Counter(missing)
        for tag in source:  # as the source writes them, in its order
            if left[tag.key] > 0:
                left[tag.key] -= 1
                lost.append(tag.written)
        # An empty span cannot be placed in a file whose text is escaped: the target's first
        # character stands for the place.
        start = segment.start
        findings.append(RULE.finding(
            start, start + 1, text[start:start + 1],
            ngettext("the translation lacks the source's tag {tags}",
                     "the translation lacks the source's tags {tags}", len(lost)).format(
                         tags=", ".join(lost)), lang=ctx.lang))
    left = Counter(extra)
    for tag in segment.tags:
        if left[tag.key] > 0:
            left[tag.key] -= 1
            findings.append(_on(ctx, segment, tag, _(
                "the translation has the tag {tag}, its source does not").format(
                    tag=tag.written)))
    # An opening or closing tag without its partner: reported when the source pairs them and
    # the target has them both (a missing or added one is reported above).
    changed = {_pair(tag) for tag in (*source, *segment.tags)
               if tag.key in missing or tag.key in extra}
    paired = {_pair(tag) for tag in source if tag.pair is not None} - {
        _pair(tag) for tag in _unpaired(source)}
    lonely = [tag for tag in _unpaired(list(segment.tags))
              if _pair(tag) in paired and _pair(tag) not in changed]
    openers = [tag for tag in lonely if tag.opens]
    for tag in lonely:
        if tag.opens:
            continue
        later = next((o for o in openers if _pair(o) == _pair(tag) and o.start > tag.start),
                     None)
        if later is not None:
            openers.remove(later)
            message = _("{tag} closes before {later} opens in the translation").format(
                tag=tag.written, later=later.written)
        else:
            message = _("{tag} closes no tag opened before it in the translation").format(
                tag=tag.written)
        findings.append(_on(ctx, segment, tag, message))
    for tag in openers:
        findings.append(_on(ctx, segment, tag, _(
            "{tag} is not closed after it in the translation").format(tag=tag.written)))
    return findings


def _pair(tag: InlineTag) -> tuple[str, str | None]:
    """What an opening tag and its closing tag share: their family and pairing value."""
    family = {"ept": "bpt", "ex": "bx", "ec": "sc"}.get(tag.kind, tag.kind)
    return family, tag.pair


def _unpaired(tags: list[InlineTag]) -> list[InlineTag]:
    """The opening and closing tags of a string, in text order, that find no partner: a
    closing tag with no opening one before it, an opening tag never closed after it."""
    open_now: dict[tuple[str, str | None], list[InlineTag]] = defaultdict(list)
    lonely = []
    for tag in sorted(tags, key=lambda t: t.start):
        if tag.pair is None:
            continue
        if tag.opens:
            open_now[_pair(tag)].append(tag)
        elif open_now[_pair(tag)]:
            open_now[_pair(tag)].pop()
        else:
            lonely.append(tag)
    lonely.extend(tag for waiting in open_now.values() for tag in waiting)
    return sorted(lonely, key=lambda t: t.start)


def _on(ctx: Context, segment: Segment, tag: InlineTag, message: str) -> Finding:
    """A finding on a tag of the target: the space a native-code tag reads as, the text a
    paired element holds, or, for an empty one, the character beside it."""
    start, end = tag.start, tag.end
    if start == end:
        start, end = (start, start + 1) if start < segment.end else (start - 1, start)
    return RULE.finding(start, end, ctx.doc.text[start:end], message, lang=ctx.lang)


RULE = Rule(code="inline-tags", severity=Severity.ERROR, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=117,
            summary=N_("an XLIFF or TMX inline tag (`<ph>`, `<x/>`, `<g>`, `<bpt>`/`<ept>`, "
                       "`<sc/>`/`<ec/>`, `<it>`, `<hi>`) of the source dropped, added or left "
                       "unpaired in the translation"),
            example='`Read <g id="1">the report</g>.` translated `Lisez le rapport.`',
            doc=__doc__, on_document=check_document)
