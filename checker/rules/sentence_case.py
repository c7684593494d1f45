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
    """Where _LOWER_START's scan of a segment may start: at the word before its first
    candidate full stop. No match starts earlier (a match holds exactly one full stop, and
    the letters before it up to a non-letter), and _LOWER_START's look-behind still sees the
    text before that point, so the matches are those of a scan from the segment's start."""
    start = candidate.start()
    while start > floor and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


def check_document(ctx: Context) -> list:
    findings = []
    text = ctx.doc.text
    for segment in ctx.checked_segments:
        candidate = _CANDIDATE.search(text, segment.start, segment.end)
        if candidate is None:
            continue
        for match in _LOWER_START.finditer(text, _scan_from(text, segment.start, candidate),
                                           segment.end):
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
