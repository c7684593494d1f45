"""diacritics: a known form with missing, extra or wrong accents.

What it flags:
    A name or title that matches a form of the termbase letter for letter once accents are
    removed, but not with them: Serguei for Sergueï, Pekin for Pékin. An accent that differs
    only on a capital letter is not flagged, since French typography may drop accents on
    capitals (Etat, Egypte); nor is a single word with accents its form lacks, which is
    another word (Thalès the philosopher, not Thales the company).
Why it matters:
    Accents are part of the spelling of a name in French; dropped accents are the mark of copy
    pasted from a system or a wire that cannot type them.
Example:
    Serguei Lavrov (in a French draft)
Use instead:
    Sergueï Lavrov
Fix safety:
    Safe: the replacement is the same form of the termbase, with its accents.
"""

from __future__ import annotations

from glossary.normalize import has_diacritics

from ..findings import Severity
from ..matcher import MatchKind, Mention
from .base import Context, Rule, fit_case


def lowercase_accent_differs(mention: Mention) -> bool:
    """True when an accent differs on a lower-case letter of the text (capitals excused)."""
    for word, form_word in zip(mention.words, mention.pattern.words, strict=True):
        if word.text == form_word:
            continue
        if len(word.text) != len(form_word):
            return True
        for mine, theirs in zip(word.text, form_word, strict=True):
            if mine.casefold() != theirs.casefold() and not mine.isupper():
                return True
    return False


def check(mention: Mention, ctx: Context):
    if (mention.kind is not MatchKind.ACCENTS or mention.form.lang != ctx.lang or mention.mixed
            or mention.spacing or not lowercase_accent_differs(mention)):
        return None
    if mention.size == 1 and has_diacritics(mention.text) and not has_diacritics(
            mention.form.text):
        return None  # one word with accents the name lacks is another word: Thalès, Thales
    expected = fit_case(mention.form.text, mention.text, ctx.sentence_start(mention.start))
    return RULE.on(mention, ctx, f"'{mention.text}' has wrong or missing accents; write "
                                 f"'{expected}'", expected)


RULE = Rule("diacritics", Severity.ERROR, True, "a known form with missing or wrong accents",
            __doc__, on_mention=check)
