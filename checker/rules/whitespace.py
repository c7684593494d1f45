"""whitespace: a translation whose leading or trailing whitespace is not its source's.

What it flags:
    In a translation (PO, XLIFF, TMX), a warning where the spaces, tabs and line breaks at the
    start of a target, or at its end, are not those of its source: a source string ending in
    a line break (`"Saved.\\n"`) whose translation ends without one, a source starting with
    two spaces whose translation starts with none, a trailing space the translation adds.
    Each end is compared on its own, one finding for each that differs. A no-break space
    counts as a space (`Total : ` with a no-break space at its end ends as `Total: ` does),
    CR LF as a line break. An inline code of XLIFF or TMX (`<ph/>`, `<x/>`) is no whitespace: the
    comparison stops there. Not on aligned text, whose lines are read without the spaces at
    their ends (layout of the file, not part of the translation).
Why it matters:
    Programs glue strings together and print them as they are: a dropped final line break runs
    two messages into one line, a dropped space glues a label to its value (`Name:Ada`).
    gettext's `msgfmt --check` refuses a PO entry whose msgid and msgstr do not both begin,
    or both end, with a line break.
Example:
    msgid "File saved.\\n" / msgstr "Fichier enregistré."
Use instead:
    msgstr "Fichier enregistré.\\n"
Fix safety:
    Safe: the target's whitespace at that end becomes its source's; its text does not change.
"""

from __future__ import annotations

from itertools import groupby

from ..document import Document, Segment
from ..findings import Finding, Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage

# Spaces that count as one another at the ends of a string; CR LF is a line break.
_ALIKE = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " "})
_NAMES = {
    " ": (N_("a space"), N_("{count} spaces")),
    "\t": (N_("a tab"), N_("{count} tabs")),
    "\n": (N_("a line break"), N_("{count} line breaks")),
    "\r": (N_("a carriage return"), N_("{count} carriage returns")),
    "\u00a0": (N_("a no-break space"), N_("{count} no-break spaces")),
    "\u202f": (N_("a narrow no-break space"), N_("{count} narrow no-break spaces")),
}


def check_document(ctx: Context) -> list[Finding]:
    doc = ctx.doc
    findings: list[Finding] = []
    for source, target in ctx.translation_pairs:
        source_edges = _edges(doc, source)
        target_edges = _edges(doc, target)
        if source_edges is None or target_edges is None:
            continue  # a string of whitespace only: nothing to compare it with
        (source_lead, source_trail), (lead, trail) = source_edges, target_edges
        text = doc.text
        wanted, found = text[source.start : source_lead], text[target.start : lead]
        if _key(wanted) != _key(found):
            findings.append(_finding(ctx, target.start, lead, wanted, found, at_start=True))
        wanted, found = text[source_trail : source.end], text[trail : target.end]
        if _key(wanted) != _key(found):
            findings.append(_finding(ctx, trail, target.end, wanted, found, at_start=False))
    return findings


def _edges(doc: Document, segment: Segment) -> tuple[int, int] | None:
    """Where the whitespace at the start of ``segment`` ends and where that at its end starts
    (an inline code's space is no whitespace); None for a segment of whitespace only."""
    text = doc.text
    lead = segment.start
    while lead < segment.end and text[lead].isspace() and not doc.is_markup(lead):
        lead += 1
    trail = segment.end
    while trail > lead and text[trail - 1].isspace() and not doc.is_markup(trail - 1):
        trail -= 1
    if lead == segment.end:
        return None
    return lead, trail


def _key(whitespace: str) -> str:
    return whitespace.replace("\r\n", "\n").translate(_ALIKE)


def _finding(
    ctx: Context, start: int, end: int, wanted: str, found: str, *, at_start: bool
) -> Finding:
    """A finding on the target's whitespace at one end (``start:end``), or, where it has none,
    on the character next to where the source's goes; the fix writes the source's."""
    text = ctx.doc.text
    if at_start:
        message = _("the source starts with {source}; the translation starts with {translation}")
    else:
        message = _("the source ends with {source}; the translation ends with {translation}")
    message = message.format(source=describe(wanted), translation=describe(found))
    expected = wanted
    if start == end:  # nothing to replace: the fix rewrites the character beside it
        if at_start:
            end += 1
            expected = wanted + text[start:end]
        else:
            start -= 1
            expected = text[start:end] + wanted
    fixable = not any(ctx.doc.is_markup(i) for i in range(start, end))
    return RULE.finding(
        start, end, text[start:end], message, expected=expected, lang=ctx.lang, fixable=fixable
    )


def describe(whitespace: str) -> str:
    """``whitespace`` in words: ``a line break``, ``2 spaces and a tab``, ``no whitespace``."""
    if not whitespace:
        return _("no whitespace")
    runs = []
    for char, group in groupby(whitespace.replace("\r\n", "\n")):
        count = len(list(group))
        code = f"U+{ord(char):04X}"
        one, many = _NAMES.get(char, (code, "{count} " + code))
        runs.append(_(one) if count == 1 else _(many).format(count=count))
    if len(runs) == 1:
        return runs[0]
    return _("{runs} and {last}").format(runs=", ".join(runs[:-1]), last=runs[-1])


RULE = Rule(
    code="whitespace",
    severity=Severity.WARNING,
    fix_safety=FixSafety.SAFE,
    stage=Stage.PAIRS,
    priority=115,
    summary=N_("a translation whose leading or trailing spaces, tabs or line breaks are "
       "not its source's"),
    example='`msgid "File saved.\\n"` translated `msgstr "Fichier enregistré."`',
    doc=__doc__,
    on_document=check_document,
)
