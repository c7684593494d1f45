"""end-punctuation: a translation that ends with other punctuation than its source.

What it flags:
    In a translation (PO, XLIFF, TMX, aligned text), a warning where the source ends with a
    full stop, a question mark, an exclamation mark, a colon, an ellipsis or no punctuation at
    all, and its target ends otherwise: `Why?` translated `Pourquoi.`, `Results:` translated
    `Résultats.`, `Polls are closed.` translated `Les bureaux sont fermés`. The end is read
    after closing quotes and brackets, the marks among them counted alike
    (`He said "no."` ends as `Il a dit « non ».` does), and as each language writes it: French
    `?` `!` `:` after a space or a no-break space are those marks, `...` is `…`, `?!` is a
    question. Let through:
    - a source of fewer than three words: a label or a name, not a sentence (`OK`, `Paris`);
    - a source with no final mark and a target ending with a full stop: a sentence the source
      left open, or a headline given a full stop, which nobody can tell apart;
    - a full stop against no mark where one side ends with a closing quote or bracket (French
      puts the full stop after `»`, English inside `"`, and either may leave it out there);
    - a full stop against an ellipsis (`…` for a trailing-off `.` and the reverse are the
      translator's choice);
    - a sentence that goes on in the next unit: a side that ends with no full stop, question
      or exclamation mark while the next unit's text on that side starts in lower case (or,
      after a colon, with a quotation): the translator joined or split sentences there;
    - a source ending in a comma, a semicolon or a dash: a piece of a sentence, not compared;
      so a source whose full stop is that of a title's or a month's abbreviation (`… ahead of
      the Nov.`): a segment cut in mid-sentence.
Why it matters:
    A question turned into a statement, a dropped full stop or a lost colon before a list shows
    as a wrong sentence in the published text or the interface.
Example:
    source "Is the vote over?" / target "Le vote est terminé."
Use instead:
    target "Le vote est-il terminé ?"
Fix safety:
    Unsafe: only where the target ends with no punctuation at all, the fix adds the source's
    mark (in French with the no-break space the house style writes before `?` `!` `:`, as
    `french-spacing` does). Elsewhere none: which mark the sentence wants is the translator's
    call.
"""

from __future__ import annotations

import regex

from ..findings import Finding, Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage
from .french_spacing import space_for

_CLOSERS = "\"”»’')]}"
_MARKS = ".?!:;,…-–—"
# How each end is named in messages.
_NAMES = {
    ".": N_("a full stop"),
    "?": N_("a question mark"),
    "!": N_("an exclamation mark"),
    ":": N_("a colon"),
    "…": N_("an ellipsis"),
    "": N_("no punctuation"),
    ";": N_("a semicolon"),
    ",": N_("a comma"),
    "-": N_("a dash"),
}
_COMPARED = {".", "?", "!", ":", "…", ""}
_SENTENCE_ENDS = {".", "?", "!", "…"}
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def ending(text: str) -> tuple[str, bool, int]:
    """How ``text`` ends: its final mark (``.`` ``?`` ``!`` ``:`` ``…`` ``;`` ``,`` ``-``, or
    ``""`` for none), whether a closing quote or bracket stands in its final run of marks,
    and where that run starts. Of several marks, a question or an exclamation wins, then an
    ellipsis (``...``), then the last one: ``?».`` is a question, ``."`` a full stop."""
    i = len(text)
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _CLOSERS or text[i - 1] in _MARKS):
        i -= 1
    tail = text[i:]
    closed = any(char in _CLOSERS for char in tail)
    marks = "".join(char for char in tail if char in _MARKS).replace("...", "…")
    for strongest in "?!…":
        if strongest in marks:
            return strongest, closed, i
    last = marks[-1:] if marks else ""
    return ("-" if last in "–—" and last else last), closed, i


# Abbreviations that stand before what they abbreviate: a title or a month. A segment that ends
# with one (``… ahead of the Nov.``) was cut in mid-sentence; its full stop ends nothing.
_OPENING_ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof gen col lt sgt capt gov sen rep rev hon st m mm mme mlle me pr
    jan feb mar apr jun jul aug sep sept oct nov dec janv févr fév avr juil déc
""".split())
_LAST_WORD = regex.compile(r"([\p{L}]+)\.[\s\"”»’')\]}]*$")


def _cut_after_abbreviation(text: str) -> bool:
    """Whether ``text`` ends with a title's or a month's abbreviation (Nov., Mr.)."""
    last = _LAST_WORD.search(text[-40:])
    return last is not None and last.group(1).casefold() in _OPENING_ABBREVIATIONS


def check_document(ctx: Context) -> list[Finding]:
    text = ctx.doc.text
    findings: list[Finding] = []
    pairs = ctx.translation_pairs
    for number, (source, target) in enumerate(pairs):
        original = text[source.start : source.end]
        translation = text[target.start : target.end]
        want, source_closed, _ = ending(original)
        have, target_closed, at = ending(translation)
        if want == "." and _cut_after_abbreviation(original):
            want = ""  # a segment cut after Nov. or Mr.: no sentence ends there
        if want == have or want not in _COMPARED or len(_WORD.findall(original)) < 3:
            continue
        if want == "" and have == ".":
            continue  # a sentence the source left open, or a headline: nobody can tell
        if {want, have} == {".", ""} and (source_closed or target_closed):
            continue  # "… no." / « … non » : where the full stop goes around a quote
        if {want, have} == {".", "…"}:
            continue
        following = next(
            (pair for pair in pairs[number + 1 : number + 3] if pair[1].unit != target.unit), None
        )
        if following is not None and (
            _continued(have, text[following[1].start : following[1].end])
            or _continued(want, text[following[0].start : following[0].end])
        ):
            continue  # a sentence that goes on in the next unit: joined or split there
        findings.append(_finding(ctx, target.start, at, translation, want, have))
    return findings


_LOWER_NEXT = regex.compile(r"[\s\"“«'‘(\[—–-]*\p{Ll}")
_QUOTE_NEXT = regex.compile(r"\s*[\"“«‘'—–-]")


def _continued(end: str, following: str) -> bool:
    """Whether a text ending with ``end`` goes on in the next unit, ``following``: it ends
    with no full stop, question or exclamation, and the next starts in lower case (or, after
    a colon, with a quotation)."""
    if end in _SENTENCE_ENDS:
        return False
    return bool(_LOWER_NEXT.match(following) or (end == ":" and _QUOTE_NEXT.match(following)))


def _finding(ctx: Context, start: int, at: int, translation: str, want: str, have: str) -> Finding:
    """A finding on the target's final marks (on its last character where it has none)."""
    text = ctx.doc.text
    end = start + len(translation.rstrip())
    while at < len(translation) and translation[at].isspace():
        at += 1  # the marks, not the space before them
    begin = start + at if start + at < end else end - 1
    message = _("the source ends with {source}; the translation ends with {translation}").format(
        source=_(_NAMES[want]), translation=_(_NAMES[have]) if have in _NAMES else repr(have))
    expected = None
    if have == "" and want:  # no mark at all: add the source's
        spaced = ctx.lang.startswith("fr") and want in "?!:"
        expected = text[begin:end] + (space_for(want, ctx.profile) if spaced else "") + want
    return RULE.finding(begin, end, text[begin:end], message, expected=expected, lang=ctx.lang)


RULE = Rule(
    code="end-punctuation",
    severity=Severity.WARNING,
    fix_safety=FixSafety.UNSAFE,
    stage=Stage.PAIRS,
    priority=119,
    summary=N_("a translation ending with other punctuation than its source (`.` `?` `!` "
       "`:` `…` or none)"),
    example="`Is the vote over?` translated `Le vote est terminé.`",
    fix_note="none where the target ends with a mark",
    doc=__doc__,
    on_document=check_document,
)
