"""mixed-script: a name mixing scripts or holding invisible characters.

What it flags:
    A word that mixes Latin letters with Cyrillic or Greek look-alikes (a Cyrillic а in Lavrov,
    a Greek ο), or that holds an invisible format character (zero-width space, bidi control).
Why it matters:
    Such words look right and are wrong: search, the termbase and spell checkers miss them, and
    they are how names are spoofed. They usually come from copy pasted out of other systems.
Example:
    Lаvrov (with a Cyrillic а)
Use instead:
    Lavrov, typed in Latin letters only.
Fix safety:
    Safe: the replacement only swaps the look-alike letters and removes invisible characters.
"""

from __future__ import annotations

import regex

from glossary.normalize import has_invisible, scripts, skeleton

from ..findings import Severity
from .base import Context, Rule

_WORD_WITH_FORMAT = regex.compile(r"[\p{L}\p{M}\p{Cf}]*\p{L}[\p{L}\p{M}\p{Cf}]*")


_SUSPECT = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Cf}]")


def check_document(ctx: Context) -> list:
    findings = []
    text = ctx.doc.text
    for segment in ctx.checked_segments:
        if not _SUSPECT.search(text, segment.start, segment.end):
            continue  # nearly every segment: Latin letters only, nothing invisible
        for match in _WORD_WITH_FORMAT.finditer(text, segment.start, segment.end):
            word = match.group().strip("\u200b\u200c\u200d\u2060\ufeff")
            if not word:
                continue
            start = match.start() + match.group().index(word)
            invisible = has_invisible(word)
            mixed = len(scripts(word)) > 1
            if not (invisible or mixed):
                continue
            expected = skeleton(word)
            if expected == word or (mixed and len(scripts(expected)) > 1):
                continue  # not a look-alike spoof (a real Cyrillic name next to a Latin one)
            what = ("mixes Latin letters with Cyrillic or Greek look-alikes" if mixed else
                    "holds an invisible character")
            findings.append(RULE.finding(start, start + len(word), word,
                                         f"this word {what}; retype it as '{expected}'",
                                         expected=expected, lang=ctx.lang))
    return findings


RULE = Rule("mixed-script", Severity.ERROR, True,
            "a name mixing scripts or holding invisible/bidi control characters", __doc__,
            on_document=check_document)
