"""avoid: a form the termbase lists under `avoid` for the document's language.

What it flags:
    A name written in a form that the termbase marks as one to avoid in the language of the
    draft: a mixed transliteration, a misspelling seen in print, an outdated name. A form to
    avoid may differ from a form to use by capitals only (a house that writes `Nations unies`
    may avoid `Nations Unies`): it is flagged where it is written with its capitals, not where
    a sentence start or a headline explains them.
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
from glossary.validate import CASE, form_variant

from ..findings import Severity
from ..i18n import N_, _
from ..matcher import MatchKind, Mention
from .base import Context, FixSafety, Rule, Stage, expected_for, fit_case


def check(mention: Mention, ctx: Context):
    if (mention.form.status is not Status.AVOID or mention.form.lang != ctx.lang
            or mention.kind > MatchKind.ACCENTS or _capitals_of_place(mention, ctx)):
        return None
    expected = expected_for(mention, ctx)
    return RULE.on(mention, ctx, _("'{text}' is a form to avoid; write '{expected}'").format(
        text=mention.text, expected=expected), expected)


def _capitals_of_place(mention: Mention, ctx: Context) -> bool:
    """Whether the mention is a form to use of its entry but for capitals that its place gives
    it: al-Qaida, to use, opening a sentence as Al-Qaida, a form to avoid."""
    forms = mention.entry.languages[mention.form.lang]
    start = ctx.sentence_start(mention.start)
    return any(fit_case(form.text, mention.text, start) == mention.text
               for form in forms.forms() if form.status is not Status.AVOID
               and form_variant(form.text, mention.form.text) == CASE)


RULE = Rule(code="avoid", severity=Severity.ERROR, fix_safety=FixSafety.SAFE,
            stage=Stage.DRAFT, priority=20,
            summary=N_("a form the termbase says to avoid"),
            example="`Nikolaï Patrushev` → `Nikolaï Patrouchev`",
            doc=__doc__, on_mention=check)
