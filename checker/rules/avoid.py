"""avoid: a form the termbase lists under `avoid` for the document's language.

What it flags:
    A name written in a form that the termbase marks as one to avoid in the language of the
    draft: a mixed transliteration, a misspelling seen in print, an outdated name.
Why it matters:
    These are the forms editors have already decided against; each one that reaches print is a
    correction to publish.
Example:
    Nikolaï Patrushev (in a French draft)
Use instead:
    Nikolaï Patrouchev, the preferred form of the entry.
Fix safety:
    Safe: the replacement is the entry's preferred form, taken from the termbase.
"""

from __future__ import annotations

from glossary import Status

from ..findings import Severity
from ..matcher import MatchKind, Mention
from .base import Context, Rule, expected_for


def check(mention: Mention, ctx: Context):
    if (mention.form.status is not Status.AVOID or mention.form.lang != ctx.lang
            or mention.kind > MatchKind.ACCENTS):
        return None
    expected = expected_for(mention, ctx)
    return RULE.on(mention, ctx, f"'{mention.text}' is a form to avoid; write '{expected}'",
                   expected)


RULE = Rule("avoid", Severity.ERROR, True, "a form the termbase says to avoid", __doc__,
            on_mention=check)
