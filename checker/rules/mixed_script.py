"""mixed-script: a name mixing scripts or holding invisible characters.

What it flags:
    A word that mixes Latin letters with Cyrillic or Greek look-alikes (a Cyrillic а in Lavrov,
    a Greek ο) or with full-width or mathematical ones (𝐚), a word of a known name written
    wholly in look-alikes (Масгоп, every letter Cyrillic, for Macron) amid Latin text, and a
    Latin, Cyrillic or Greek word that holds or touches an invisible character: zero-width space
    or joiner, word joiner, soft hyphen, bidi override, embedding or isolate, combining grapheme
    joiner, variation selector, or a control character (escape, delete). Not flagged: words of
    other scripts, where joiners and direction marks are part of the writing (Persian, Arabic,
    Hebrew), emoji sequences (the variation selector of a symbol before a word: ▪️Since), a
    direction mark at the edge of a word, and Cyrillic or Greek text (a Russian quotation), even
    where one of its words happens to spell a Latin name in look-alikes.
Why it matters:
    Such words look right and are wrong: search, the termbase and spell checkers miss them, and
    they are how names are spoofed. They usually come from copy pasted out of other systems.
    A bidi override goes further: the letters are stored in one order and shown in another
    (Mac<U+202E>nor<U+202C> is stored Macnor and reads Macron).
Example:
    Lаvrov (with a Cyrillic а); Sergei<U+200B>Lavrov (a zero-width space for the space);
    Mac<U+202E>nor<U+202C> (shown as Macron)
Use instead:
    Lavrov, typed in Latin letters only; Sergei Lavrov, the name as the termbase writes it;
    Macron, typed again.
Fix safety:
    Safe: the replacement only swaps the look-alike letters for plain ones and removes
    invisible characters (an invisible character between two words of a known name becomes
    the space of the termbase form). Not safe where a bidi embedding, override or isolate
    shows the letters in another order than they are stored: removing the controls would write
    the stored order (Macnor), a wrong name that then passes, and which order the writer meant
    is a guess. The expected text is then the known name the reader sees (Macron, the visual
    order), else the known name as stored, else none: retype the word.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace

import regex

from glossary.normalize import (
    CONTROLS,
    casefold,
    has_invisible,
    has_reordering_controls,
    has_styled,
    match_key,
    nfc,
    remove_invisible,
    scripts,
    skeleton,
    visual_order,
)

from ..findings import Fix, Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage

# A word as this rule reads it: letters with their marks and the invisible characters (control
# characters included) in and around them.
_IN_WORD = rf"[\p{{L}}\p{{M}}\p{{DI}}{CONTROLS}]"
_WORD = regex.compile(rf"{_IN_WORD}*\p{{L}}{_IN_WORD}*")
# A _WORD match is a longest run of such characters that holds a letter: these find the run
# around a character, forwards and (reversed) backwards.
_IN_RUN = regex.compile(rf"{_IN_WORD}+")
_IN_RUN_BEFORE = regex.compile(rf"(?r){_IN_WORD}+")
_LETTER = regex.compile(r"\p{L}")
# Cheap test that a segment may hold something to flag (nearly every segment does not).
_SUSPECT = regex.compile(rf"[\p{{Cyrillic}}\p{{Greek}}\p{{DI}}{CONTROLS}"
                         r"\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]")
# Direction marks at the edge of a word are how bidirectional text is written, not a spoof.
_EDGE_MARKS = "\u200e\u200f\u061c"
# Invisible characters that may stand for a space between two words.
_BETWEEN = regex.compile(rf"(?<=\p{{L}}\p{{M}}*)[\p{{DI}}{CONTROLS}]+(?=\p{{L}})")
# Names of the control characters (Unicode gives them none, only aliases).
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x1B: "ESCAPE", 0x7F: "DELETE"}
_WHOLLY = "is written in Cyrillic or Greek letters that look Latin"
# How a message on a reordered word starts (its translation starts with this one's).
_REORDERED = N_("holds a bidi control")
_NEIGHBOURS = 3  # words on each side that tell Cyrillic or Greek text from a spoofed name


# Variation selectors: after a symbol, they choose how it is drawn (text or emoji).
_SELECTOR = regex.compile(r"[\ufe00-\ufe0f]+")


def _emoji_before(text: str, offset: int) -> bool:
    """Whether the character before ``offset`` is a symbol (an emoji, a bullet, a pictograph)
    that a variation selector at ``offset`` belongs to."""
    return offset > 0 and unicodedata.category(text[offset - 1]).startswith("S")


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
    if unicodedata.category(char) == "Cc":
        name = _CONTROL_NAMES.get(ord(char), "")
        return _("holds a control character ({char})").format(
            char=f"U+{ord(char):04X}{' ' + name if name else ''}")
    name = unicodedata.name(char, "")
    return _("holds an invisible character ({char})").format(
        char=f"U+{ord(char):04X}{' ' + name if name else ''}")


def _reordered(ctx: Context, word: str) -> tuple[str, str | None] | None:
    """For a word whose bidi controls show its letters in another order than they are stored:
    what to say, and the known name to write (the one shown, else the one stored, else None).
    None when the controls change no letter's place."""
    shown = nfc(skeleton(visual_order(word)))
    stored = nfc(skeleton(word))
    if shown == stored:
        return None
    expected = next((text for text in (shown, stored)
                     if _known_form(ctx, text) or _known_word(ctx, text)), None)
    char = next(c for c in word if has_reordering_controls(c))
    what = _("holds a bidi control ({char}) that shows '{shown}' but stores '{stored}'").format(
        char=f"U+{ord(char):04X} {unicodedata.name(char)}", shown=shown, stored=stored)
    return what, expected


def _judge(ctx: Context, word: str) -> tuple[str, str | None] | None:
    """(what is wrong, the replacement) for a word, or None when it is as it should be."""
    found = scripts(word)
    if not found:
        return None  # Arabic, Hebrew, Persian…: joiners and marks belong to the writing
    expected = _replacement(ctx, word)
    if expected == nfc(word):
        return None  # (a word in NFD is no spoof)
    if has_reordering_controls(word):
        reordered = _reordered(ctx, word)
        if reordered is not None:
            return reordered
    if found == {"Latin"}:  # invisible or styled characters in a Latin word
        if has_styled(word):
            return ("is written with full-width or mathematical look-alikes of Latin letters",
                    expected)
        return (_invisible(word), expected) if has_invisible(word) else None
    if scripts(expected) == {"Latin"}:  # look-alikes that spell a Latin word
        if len(found) > 1:
            return _("mixes Latin letters with Cyrillic or Greek look-alikes"), expected
        if _known_word(ctx, expected):
            return _WHOLLY, expected
    # A real Cyrillic or Greek word (Соса, Москва): only its invisible characters are wrong.
    if has_invisible(word):
        return _invisible(word), nfc(remove_invisible(word))
    return None


def _foreign(word: str) -> bool:
    """True for a word of Cyrillic or Greek text: one with a letter that looks like no Latin
    one (Москва, λόγος), which no spoofed Latin name holds."""
    return bool(scripts(skeleton(word)) & {"Cyrillic", "Greek"})


def _amid_foreign_text(words: list[str], index: int) -> bool:
    """True when a word spelled wholly in look-alikes stands among Cyrillic or Greek words: it
    is then a word of that text (the Russian но, "but", is the Latin ho of Ho Chi Minh in
    look-alikes), not a spoofed name."""
    around = words[max(0, index - _NEIGHBOURS):index] + words[index + 1:index + 1 + _NEIGHBOURS]
    return any(_foreign(word) for word in around)


# Whether a character is suspect, by character (a draft uses few distinct characters); kept to a
# bounded size against a hostile draft that uses thousands.
_SUSPECT_CHAR: dict[str, bool] = {}
_MEMO_LIMIT = 65536
# Characters of ordinary prose in Latin letters that are not suspect: tabs and line ends,
# printable ASCII, Latin-1, Latin Extended-A and -B, general punctuation, currency signs,
# letterlike symbols and number forms, less the suspect ones among them (the soft hyphen, the
# zero-width and bidi controls), which _SUSPECT itself leaves out here.
_PLAIN_RANGES = ((0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF),
                 (0x2100, 0x218F))
_PLAIN = "".join(char for low, high in _PLAIN_RANGES for char in map(chr, range(low, high + 1))
                 if not _SUSPECT.match(char))
# One character that is not plain: the only ones that may be suspect. The standard library's
# engine scans a class of single characters at C speed, five times faster than a draft's set
# of characters is built, and many times faster than _SUSPECT's script classes are searched.
_UNPLAIN = re.compile("[^" + "".join(map(re.escape, _PLAIN)) + "]")


def _is_suspect(char: str) -> bool:
    """``_SUSPECT.match(char)``, memoised."""
    suspect = _SUSPECT_CHAR.get(char)
    if suspect is None:
        suspect = _SUSPECT.match(char) is not None
        if len(_SUSPECT_CHAR) < _MEMO_LIMIT:
            _SUSPECT_CHAR[char] = suspect
    return suspect


def suspect_offsets(text: str, start: int, end: int, most: int | None = None) -> list[int]:
    """``[m.start() for m in _SUSPECT.finditer(text, start, end)]``: where ``text`` holds a
    Cyrillic, Greek, styled or invisible character between ``start`` and ``end``; only the
    first ``most + 1`` of them when ``most`` is given."""
    found = []
    for match in _UNPLAIN.finditer(text, start, end):
        if _is_suspect(match.group()):
            found.append(match.start())
            if most is not None and len(found) > most:
                break
    return found


# Suspect characters in a segment up to which only the words around them are read; past it
# (a quotation in Cyrillic or Greek), every word is read, as one scan.
_FEW = 8


def words_holding(text: str, start: int, end: int, offsets: list[int]) -> list[tuple[int, int]]:
    """The spans of the words of ``text`` between ``start`` and ``end`` (the matches of
    ``_WORD.finditer(text, start, end)``) that hold one of ``offsets`` (ascending): each the run
    of word characters around an offset, when it holds a letter. Only the words around a
    suspect character are read, not every word of the segment."""
    spans = []
    done = start  # the end of the last run read: offsets before it are in it
    for offset in offsets:
        if offset < done:
            continue
        after = _IN_RUN.match(text, offset, end)
        if after is None:
            continue  # no word character (a Greek question mark): in no word
        before = _IN_RUN_BEFORE.match(text, start, offset)
        first = before.start() if before is not None else offset
        done = after.end()
        if _LETTER.search(text, first, done):
            spans.append((first, done))
    return spans


def judge_word(ctx: Context, word: str) -> tuple[str, str | None] | None:
    """``_judge`` with a fast answer for a word without Cyrillic, Greek, styled or invisible
    characters, which is nearly every word of a segment that holds one suspect word: such a
    word is its own skeleton, so ``_judge`` would answer None after a dozen regex passes."""
    if not _SUSPECT.search(word):
        return None
    return _judge(ctx, word)


def check_document(ctx: Context) -> list:
    findings: list = []
    text = ctx.doc.text
    if _UNPLAIN.search(text) is None:
        return findings  # nearly every draft: nothing but plain characters, nothing suspect
    judged_words: dict[str, tuple[str, str | None] | None] = {}  # a word repeats: judged once
    for segment in ctx.checked_segments:
        offsets = suspect_offsets(text, segment.start, segment.end, _FEW)
        if not offsets:
            continue  # nearly every segment: Latin letters only, nothing invisible
        # Only a word that holds a suspect character can be flagged (judge_word answers None
        # for the others): when they are few, only the words around them are read; every word
        # of the segment only to tell a word spelled wholly in look-alikes amid Cyrillic or
        # Greek text, or when the segment is such text.
        matches: list[regex.Match] | None = None
        if len(offsets) > _FEW:
            matches = list(_WORD.finditer(text, segment.start, segment.end))
            held = [(match.start(), match.group()) for match in matches]
        else:
            held = [(first, text[first:last]) for first, last in
                    words_holding(text, segment.start, segment.end, offsets)]
        words: list[str] | None = None
        starts: list[int] = []
        for first, raw in held:
            word = raw.strip(_EDGE_MARKS)
            selector = _SELECTOR.match(word)
            if selector is not None and _emoji_before(text, first):
                # The variation selector of the symbol before it (▪️ is ▪ and U+FE0F, shown as
                # an emoji): the symbol's, not the word's.
                word, first = word[selector.end():], first + selector.end()
            if not word:
                continue
            if word in judged_words:
                judged = judged_words[word]
            else:
                judged = judged_words[word] = judge_word(ctx, word)
            if judged is None:
                continue
            what, expected = judged
            if what == _WHOLLY:
                if matches is None:
                    matches = list(_WORD.finditer(text, segment.start, segment.end))
                if words is None:
                    words = [match.group().strip(_EDGE_MARKS) for match in matches]
                    starts = [match.start() for match in matches]
                if _amid_foreign_text(words, bisect_left(starts, first)):
                    continue
            start = first + raw.index(word)
            findings.append(_finding(ctx, start, word, what, expected))
    return findings


def _finding(ctx: Context, start: int, word: str, what: str, expected: str | None):
    retype = _("this word {what}; retype it as '{expected}'")
    if not what.startswith(_(_REORDERED)):
        return RULE.finding(start, start + len(word), word,
                            retype.format(what=what, expected=expected),
                            expected=expected, lang=ctx.lang)
    # Letters shown in another order than stored: the fix is a guess, never applied by --fix.
    message = (retype if expected else _("this word {what}; retype it")).format(
        what=what, expected=expected)
    finding = RULE.finding(start, start + len(word), word, message,
                           expected=expected, lang=ctx.lang)
    return replace(finding, fix=Fix(finding.fix.replacement, False)) if finding.fix else finding


RULE = Rule(code="mixed-script", severity=Severity.ERROR, fix_safety=FixSafety.SAFE,
            stage=Stage.DRAFT, priority=10,
            summary=N_("a name mixing scripts or holding invisible/bidi control characters"),
            example="`Lаvrov` (a Cyrillic а) → `Lavrov`",
            fix_note="unsafe where a bidi control shows the letters in another order than stored",
            doc=__doc__, on_document=check_document)
