"""sentence-case: a sentence that starts in lower case after a full stop.

What it flags:
    A lower-case word right after a full stop and a space, when the word before the stop is not
    an abbreviation (M., Mme, etc., p. ex., U.S., Dr., vs. …, or any capitalised word of four
    letters at most that is no word of the language: Assn., Blvd.), an initial or a number.
Why it matters:
    A lower-case sentence start is the trace of a sentence cut or merged during editing, often
    next to a name that was changed.
Example:
    … pour contrebalancer. la Chine …
Use instead:
    … pour contrebalancer. La Chine …
Fix safety:
    Unsafe: the full stop may belong to an abbreviation termcheck does not know.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from glossary.normalize import nfc

from .. import words as wordlist
from ..findings import Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage

# Abbreviations that end with a full stop and may be followed by a lower-case word.
ABBREVIATIONS = frozenset("""
    m mm mme mmes mlle mlles dr dre pr me mes st ste sts stes etc cf env av apr ex art chap vol
    no nos fig éd ed coll ibid op cit al vs hab tél tel min max éts ets sq sqq resp dir trad
    mr mrs ms prof jr sr gen col lt sgt capt gov sen rep rev hon inc corp ltd co approx est dept
    jan feb mar apr jun jul aug sep sept oct nov dec janv févr fév avr juil déc
""".split())
# Words are letters with their combining marks, so that a draft in NFD (a letter and its accent
# stored apart) reads as its NFC spelling does.
_LOWER_START = regex.compile(r"(?<![.\p{L}\p{M}\p{N}])(\p{L}[\p{L}\p{M}]*)\.[ \t\u00a0\u202f]+"
                             r"(\p{Ll}\p{M}*)([\p{L}\p{M}]*)")
# Every match of _LOWER_START holds a full stop, spaces and a lower-case letter: a segment
# without this (nearly every one) cannot match, and this literal-led search is far cheaper than
# trying _LOWER_START's look-behind at every letter.
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}]")
_CANDIDATE = regex.compile(r"\.[ \t\u00a0\u202f]+\p{Ll}")


def _looks_abbreviated(word: str, lang: str) -> bool:
    """A short capitalised word that is no word of the language is an abbreviation the list
    lacks (Assn. of Governments, Blvd. and, Univ. of): a lower-case word after it is the
    sentence going on."""
    return len(word) <= 4 and word[:1].isupper() and not wordlist.is_known(word, lang)


def _scan_from(text: str, floor: int, candidate: regex.Match) -> int:
    """Where a match of _LOWER_START holding ``candidate`` (its full stop, spaces and
    lower-case letter) can start: at the word before the full stop (not before ``floor``). A
    match holds exactly one full stop, with the letters before it up to a non-letter, which its
    look-behind wants: it can start nowhere else."""
    start = candidate.start()
    while start > floor and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


def lower_starts(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_LOWER_START.finditer(text, start, end)``, tried only at the word before each
    candidate full stop (``_CANDIDATE``): a literal-led search finds them, where _LOWER_START's
    look-behind would be tried at every letter of the segment. Every match holds one candidate,
    and a candidate whose word starts inside the previous match is one finditer skips too."""
    done = start  # where finditer would go on scanning: the end of the last match
    for candidate in _CANDIDATE.finditer(text, start, end):
        begin = _scan_from(text, start, candidate)
        if begin < done:
            continue
        match = _LOWER_START.match(text, begin, end)
        if match is not None:
            done = match.end()
            yield match


def check_document(ctx: Context) -> list:
    findings = []
    text = ctx.doc.text
    for segment in ctx.checked_segments:
        for match in lower_starts(text, segment.start, segment.end):
            before = nfc(match.group(1))
            if (len(before) == 1 or before.casefold() in ABBREVIATIONS or before.isupper()
                    or _looks_abbreviated(before, ctx.lang)):
                continue
            start, end = match.start(2), match.end(3)
            word = text[start:end]
            expected = word[:1].upper() + word[1:]
            findings.append(RULE.finding(start, end, word,
                                         _("sentence starts in lower case after a full "
                                           "stop; write '{expected}'").format(
                                             expected=expected), expected=expected,
                                         lang=ctx.lang))
    return findings


RULE = Rule(code="sentence-case", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=100,
            summary=N_("a sentence that starts in lower case after a full stop"),
            example="`. la` → `. La`",
            doc=__doc__, on_document=check_document)
