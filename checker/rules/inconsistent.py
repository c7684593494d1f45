"""inconsistent: one entry written in two accepted forms in one document.

What it flags:
    An entry the document writes in two of its allowed forms (its preferred form and an
    accepted one, or two accepted ones): the forms that are not the document's main one.
    Short forms (surname alone) are later references, not a second form, and never count, even
    when the termbase lists them as accepted: a form whose words are part of another form the
    document uses (Britain beside Great Britain) is its short form. Nor do acronyms and
    initials count (AMLO beside Andrés Manuel López Obrador, JFK beside John F. Kennedy), which
    writers use on purpose after the full name; nor titles, which a document may give several
    people (Premier ministre, Première ministre); nor related entries (`see_also`: le
    Royaume-Uni and la Grande-Bretagne), which are two names, not two forms of one.
Why it matters:
    An accepted form is allowed, but mixing forms in one article makes readers wonder whether
    two people are meant.
Example:
    Kim Jong-un … Kim Jong Un (in one French draft)
Use instead:
    The form the draft's house style prefers, else the preferred form when the document uses
    it anywhere, else the form it uses first.
Fix safety:
    Unsafe: which form the article keeps is an editing choice.
"""

from __future__ import annotations

from collections import defaultdict

from glossary import Status
from glossary.index.compiled import NAME_TYPES
from glossary.normalize import fold_capital_accents
from glossary.tokens import split_form

from ..findings import Severity
from ..matcher import MatchKind, Mention
from .base import Context, FixSafety, Rule, Stage, fit_case


def check_document(ctx: Context) -> list:
    by_entry: dict[str, list[Mention]] = defaultdict(list)
    for mention in ctx.checked_mentions:
        if (mention.form.lang == ctx.lang and mention.kind <= MatchKind.ACCENTS
                and not mention.mixed and mention.entry.type in NAME_TYPES
                and mention.form.status in (Status.PREFERRED, Status.ACCEPTED)
                and not _acronym(mention.form.text)):
            by_entry[mention.entry.id].append(mention)
    findings = []
    for mentions in by_entry.values():
        # A form inside a longer one the document uses is its short form (Britain, Great
        # Britain): a later reference, as a short form is.
        words = {m.form.text: tuple(w.casefold() for w in split_form(m.form.text)[0])
                 for m in mentions}
        mentions = [m for m in mentions
                    if not any(_inside(words[m.form.text], longer) for longer in words.values())]
        # Forms that differ only by an accent on a capital (État / Etat) are one form.
        forms = {fold_capital_accents(m.form.text) for m in mentions}
        if len(forms) < 2:
            continue
        preferred = [m for m in mentions if m.form.status is Status.PREFERRED]
        if ctx.profile is not None and ctx.styles is not None:
            # Under a house style, its choice is the main form (house-style flags the others).
            choices = ctx.styles.choices(ctx.profile, mentions[0].entry)
            preferred = [m for m in mentions if m.form.text in choices] or preferred
        main = (preferred or mentions)[0].form.text
        for mention in mentions:
            if fold_capital_accents(mention.form.text) == fold_capital_accents(main):
                continue
            expected = fit_case(main, mention.text, ctx.sentence_start(mention.start))
            findings.append(RULE.on(mention, ctx, f"'{mention.text}' and '{main}' are both used "
                                                  f"for one name; keep '{main}'", expected))
    return findings


def _inside(words: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether ``words`` stand, in order and together, inside the longer ``longer``."""
    size = len(words)
    return 0 < size < len(longer) and any(longer[i:i + size] == words
                                          for i in range(len(longer) - size + 1))


def _acronym(form: str) -> bool:
    """AMLO, JFK, U.S.: letters all capitals, one word."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form


RULE = Rule(code="inconsistent", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=90,
            summary="one entry written in two accepted forms in one document",
            example="`Kim Jong Un` … `Kim Jong-un`",
            doc=__doc__, on_document=check_document)
