"""mixed-script: a name mixing scripts or holding invisible characters.

What it flags:
    A word that mixes Latin letters with Cyrillic or Greek look-alikes (a Cyrillic а in Lavrov,
    a Greek ο) or with full-width or mathematical ones (𝐚), a word of a known name written
    wholly in look-alikes, and a Latin, Cyrillic or Greek word that holds or touches an
    invisible character: zero-width space or joiner, word joiner, soft hyphen, bidi override,
    embedding or isolate, combining grapheme joiner, variation selector. Not flagged: words of
    other scripts, where joiners and direction marks are part of the writing (Persian,
    Arabic, Hebrew), emoji sequences, and a direction mark at the edge of a word.
Why it matters:
    Such words look right and are wrong: search, the termbase and spell checkers miss them, and
    they are how names are spoofed. They usually come from copy pasted out of other systems.
Example:
    Lаvrov (with a Cyrillic а); Sergei<U+200B>Lavrov (a zero-width space for the space)
Use instead:
    Lavrov, typed in Latin letters only; Sergei Lavrov, the name as the termbase writes it.
Fix safety:
    Safe: the replacement only swaps the look-alike letters for plain ones and removes
    invisible characters (an invisible character between two words of a known name becomes
    the space of the termbase form).
"""

from __future__ import annotations

import unicodedata

import regex

from glossary.normalize import (
    casefold,
    has_invisible,
    has_styled,
    match_key,
    nfc,
    scripts,
    skeleton,
)

from ..findings import Severity
from .base import Context, Rule

# A word as this rule reads it: letters with their marks and the invisible characters in and
# around them.
_WORD = regex.compile(r"[\p{L}\p{M}\p{DI}]*\p{L}[\p{L}\p{M}\p{DI}]*")
# Cheap test that a segment may hold something to flag (nearly every segment does not).
_SUSPECT = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{DI}\uff21-\uff3a\uff41-\uff5a"
                         r"\U0001d400-\U0001d7ff]")
# Direction marks at the edge of a word are how bidirectional text is written, not a spoof.
_EDGE_MARKS = "\u200e\u200f\u061c"
_INVISIBLE = regex.compile(r"\p{DI}")
# Invisible characters that may stand for a space between two words.
_BETWEEN = regex.compile(r"(?<=\p{L}\p{M}*)\p{DI}+(?=\p{L})")


def _known_form(ctx: Context, text: str) -> bool:
    return ctx.index is not None and match_key(text) in ctx.index.by_match


def _known_word(ctx: Context, text: str) -> bool:
    return ctx.index is not None and casefold(text) in ctx.index.form_words


def _replacement(ctx: Context, word: str) -> str:
    """The plain spelling of ``word``: the skeleton, or, when an invisible character between
    two words stood for a space, the known form with that space."""
    expected = skeleton(word)
    spaced = skeleton(_BETWEEN.sub(" ", word))
    if spaced != expected and _known_form(ctx, spaced) and not _known_word(ctx, expected):
        return spaced
    return expected


def _invisible(word: str) -> str:
    """What to say about the first invisible character of ``word``."""
    char = next(c for c in word if has_invisible(c))
    name = unicodedata.name(char, "")
    return f"holds an invisible character (U+{ord(char):04X}{' ' + name if name else ''})"


def _judge(ctx: Context, word: str) -> tuple[str, str] | None:
    """(what is wrong, the replacement) for a word, or None when it is as it should be."""
    found = scripts(word)
    if not found:
        return None  # Arabic, Hebrew, Persian…: joiners and marks belong to the writing
    expected = _replacement(ctx, word)
    if expected == nfc(word):
        return None  # (a word in NFD is no spoof)
    if found == {"Latin"}:  # invisible or styled characters in a Latin word
        if has_styled(word):
            return ("is written with full-width or mathematical look-alikes of Latin letters",
                    expected)
        return (_invisible(word), expected) if has_invisible(word) else None
    if scripts(expected) == {"Latin"}:  # look-alikes that spell a Latin word
        if len(found) > 1:
            return "mixes Latin letters with Cyrillic or Greek look-alikes", expected
        if _known_word(ctx, expected):
            return "is written in Cyrillic or Greek letters that look Latin", expected
    # A real Cyrillic or Greek word (Соса, Москва): only its invisible characters are wrong.
    if has_invisible(word):
        return _invisible(word), nfc(_INVISIBLE.sub("", word))
    return None


# Runs of non-ASCII characters: no ASCII character is suspect, and a simple range class scans
# twice as fast as _SUSPECT's script and property classes over mostly-ASCII prose.
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
# Whether a character is suspect, by character (a draft uses few distinct non-ASCII ones); kept
# to a bounded size against a hostile draft that uses thousands.
_SUSPECT_CHAR: dict[str, bool] = {}
_MEMO_LIMIT = 65536


def may_hold_suspect(text: str, start: int, end: int) -> bool:
    """``bool(_SUSPECT.search(text, start, end))``, by testing each distinct non-ASCII
    character once."""
    for run in _NON_ASCII.finditer(text, start, end):
        for char in run.group():
            suspect = _SUSPECT_CHAR.get(char)
            if suspect is None:
                suspect = _SUSPECT.match(char) is not None
                if len(_SUSPECT_CHAR) < _MEMO_LIMIT:
                    _SUSPECT_CHAR[char] = suspect
            if suspect:
                return True
    return False


def judge_word(ctx: Context, word: str) -> tuple[str, str] | None:
    """``_judge`` with a fast answer for a word without Cyrillic, Greek, styled or invisible
    characters, which is nearly every word of a segment that holds one suspect word: such a
    word is its own skeleton, so ``_judge`` would answer None after a dozen regex passes."""
    if not _SUSPECT.search(word):
        return None
    return _judge(ctx, word)


def check_document(ctx: Context) -> list:
    findings = []
    text = ctx.doc.text
    judged_words: dict[str, tuple[str, str] | None] = {}  # a word repeats: judged once
    for segment in ctx.checked_segments:
        if not may_hold_suspect(text, segment.start, segment.end):
            continue  # nearly every segment: Latin letters only, nothing invisible
        for match in _WORD.finditer(text, segment.start, segment.end):
            word = match.group().strip(_EDGE_MARKS)
            if not word:
                continue
            if word in judged_words:
                judged = judged_words[word]
            else:
                judged = judged_words[word] = judge_word(ctx, word)
            if judged is None:
                continue
            what, expected = judged
            start = match.start() + match.group().index(word)
            findings.append(RULE.finding(start, start + len(word), word,
                                         f"this word {what}; retype it as '{expected}'",
                                         expected=expected, lang=ctx.lang))
    return findings


RULE = Rule("mixed-script", Severity.ERROR, True,
            "a name mixing scripts or holding invisible/bidi control characters", __doc__,
            on_document=check_document)
