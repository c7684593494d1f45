"""wrong-language: another language's form of a known entry.

What it flags:
    A name or title written as another language writes it: the English transliteration in a
    French draft, or a name that mixes a French first name with an English surname.
Why it matters:
    Readers of each language expect their own newsroom's form; an English form in French copy
    (or the reverse) is the most common slip of drafts written from wire copy in the other
    language.
Example:
    Sergei Lavrov (in a French draft); Nikolaï Patrushev when it is not listed as a form.
Use instead:
    Sergueï Lavrov: the form of the entry in the document's language (its short form when a
    short form was written).
Fix safety:
    Safe: the replacement is the entry's form in the document's language, from the termbase.
"""

from __future__ import annotations

from glossary.normalize import nfc

from ..findings import Severity
from ..language import language_name
from ..matcher import MatchKind, Mention
from .base import Context, Rule, expected_for


def check(mention: Mention, ctx: Context):
    if mention.kind is MatchKind.TYPO or ctx.lang not in mention.entry.languages:
        return None
    if mention.form.lang == ctx.lang and not mention.mixed:
        return None
    expected = expected_for(mention, ctx)
    if expected is None or expected == nfc(mention.text):
        return None
    if mention.mixed:
        message = (f"'{mention.text}' mixes two languages' spellings of one name; in "
                   f"{ctx.lang_name} write '{expected}'")
    else:
        message = (f"'{mention.text}' is the {language_name(mention.form.lang)} form; in "
                   f"{ctx.lang_name} write '{expected}'")
    return RULE.on(mention, ctx, message, expected)


RULE = Rule("wrong-language", Severity.ERROR, True, "another language's form of a known entry",
            __doc__, on_mention=check)
