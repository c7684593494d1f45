"""capitalization: a known form written with wrong capitals.

What it flags:
    For names (people, places, organisations; `case: name`), any word whose capitals differ from
    the termbase form: `jake Sullivan`, `Bachar Al-Assad`. For titles and other terms
    (`case: exact`), only capitals where the form has lower case, after the first word:
    `ministre des Affaires Étrangères`; so generic lower-case prose (`ministre des affaires
    étrangères`) is not flagged, nor, in English, a title in title case before a name
    (`Foreign Minister Sergei Lavrov`, `Chief of the General Staff Valery Gerasimov`).
    Never flagged: a capital at the start of a sentence, a headline in capitals, a word written
    wholly in capitals.
Why it matters:
    A miscapitalised name looks like a typo to every reader and is one.
Example:
    jake Sullivan
Use instead:
    Jake Sullivan
Fix safety:
    Safe: the replacement is the same form of the termbase, with its capitals.
"""

from __future__ import annotations

from glossary import CasePolicy
from glossary.normalize import nfc

from ..findings import Severity
from ..matcher import MatchKind, Mention
from .base import Context, Rule, fit_case


def _name_case_wrong(mention: Mention, sentence_start: bool) -> bool:
    for j, (word, form_word) in enumerate(zip(mention.words, mention.pattern.words,
                                               strict=True)):
        text = word.text
        if text == form_word or text.isupper():
            continue
        if j == 0 and sentence_start and text[:1].isupper() and text[1:] == form_word[1:]:
            continue
        return True
    return False


def _title_case(mention: Mention) -> bool:
    """Every word of four letters or more capitalised: Secretary of State, Chief of the General
    Staff. English writes a title so before a name."""
    return all(w.text[:1].isupper() for w in mention.words if len(w.text) >= 4 or w is
               mention.words[0])


def _exact_case_wrong(mention: Mention, lang: str) -> bool:
    words = mention.words
    if lang == "en" and _title_case(mention):
        return False
    for j, (word, form_word) in enumerate(zip(words, mention.pattern.words, strict=True)):
        first = 1 if j == 0 else 0
        for mine, theirs in zip(word.text[first:], form_word[first:], strict=False):
            if mine.isupper() and theirs.islower():
                return True
    return False


def check(mention: Mention, ctx: Context):
    if (mention.kind is not MatchKind.CASE or mention.form.lang != ctx.lang or mention.mixed
            or mention.spacing or ctx.headline(mention.start)):
        return None
    sentence_start = ctx.sentence_start(mention.start)
    if mention.entry.case is CasePolicy.EXACT:
        wrong = _exact_case_wrong(mention, ctx.lang)
    else:
        wrong = _name_case_wrong(mention, sentence_start)
    if not wrong:
        return None
    expected = fit_case(mention.form.text, mention.text, sentence_start)
    if expected == nfc(mention.text):
        return None
    return RULE.on(mention, ctx, f"'{mention.text}' has wrong capitals; write '{expected}'",
                   expected)


RULE = Rule("capitalization", Severity.ERROR, True, "a known form written with wrong capitals",
            __doc__, on_mention=check)
