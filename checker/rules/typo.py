"""typo: a near miss of a known name.

What it flags:
    A capitalised word that is not a form of the termbase nor an ordinary word of the document's
    language, within one edit (two for words of nine letters or more) of a word of a known name:
    Lavorv for Lavrov, Sulivan for Sullivan (a name written alike in every language has no other
    romanisation for a doubled letter, so one dropped there is a misspelling; another letter
    group, Sadyr Zhaparov for Sadyr Japarov, is a romanisation: transliteration). Not after a
    word that introduces a pronunciation (Imamoglu, prononcer Imamorlou). Alone, never for words of
    four letters or fewer but the swaps below, and never for a feminine or plural ending
    (Lavrova is another person, not a misspelling of Lavrov) or a demonym or adjective of a
    place: those the termbase lists (`adjectives`, `demonyms`: Tchétchènes, Biélorusses,
    Emiratis) are known words, and where it lists none, a word made of the name's stem and an
    ending of demonyms is taken for one (Australiens, Bruxellois, Iraqi). A surname alone is
    flagged only when the document names the entry elsewhere (in a large termbase nearly every
    unknown proper noun is one edit away from some name; a misspelled surname nearly always
    stands in an article that names the person). Inside a name of two words or more whose other
    words stand around it, any word counts, short or in lower case: two letters swapped after
    the first, or a near miss of a long word (États-Unsi, Kim Jnog-un, Union euroépenne, Corée
    du Nrod); a person's surname of six letters or more two edits off after the first name
    (Sébastien Lerconu, a letter moved), and a first name of four letters that lost one before
    the surname (Maky Sall), gained one (Abiye Ahmed) or changed one (Huga Chavez). A place's
    or organisation's one-word form with two letters swapped counts alone (Ausrtalie); a
    four-letter one where the document names it or after a preposition of place (en Idne).
    A word that is itself a real name or word counts one letter off inside a known name whose
    other words stand intact around it: in a name of three words or more with a rare word
    among the others (Ming Aung Hlaing, Aug San Suu Kyi), or as the first name before a
    surname only one person of the termbase bears; not where another form of the entry
    writes it (Abou Mohammad al-Joulani), and where only vowels differ it is another
    romanisation (transliteration: Mohammed Javad Zarif, Felipe Nyusi). A first name near a
    family member's, before the family's surname, is another relative unless the document
    names that member (Ivana Trump beside Donald Trump), but for two letters swapped or a
    letter doubled.
Why it matters:
    Misspelled names are the errors readers notice first and the ones a spell checker, which does
    not know the names, lets through.
Example:
    Sergueï Lavorv
Use instead:
    Sergueï Lavrov
    A misspelt plural of a place whose demonym the termbase lists is fixed to the demonym
    (les Suises: Suisses, not Suisse).
Fix safety:
    Unsafe: the closest name is a guess; `--fix` applies it only with `--unsafe-fixes`.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from glossary.normalize import casefold

from ..findings import Severity
from ..i18n import N_, _
from ..matcher import MatchKind, Mention, romanised, romanised_spelling
from .base import (
    Context,
    FixSafety,
    Rule,
    Stage,
    expected_for,
    fit_case,
    spells_a_pronunciation,
)


def check(mention: Mention, ctx: Context):
    # A name with one spelling in every language has no romanisations: a spelling that only
    # shares its transliteration key (Sulivan for Sullivan) is a misspelling.
    near_key = (mention.kind is MatchKind.TRANSLIT and not romanised(mention.entry)
                and not romanised_spelling(mention))
    if mention.kind is not MatchKind.TYPO and not near_key:
        return None
    if spells_a_pronunciation(mention, ctx.doc.text):
        return None
    expected = expected_for(mention, ctx)
    if expected is None:
        return None
    expected = _plural(mention, ctx, expected) or expected
    name = mention.entry.preferred(ctx.lang) or mention.entry.id
    return RULE.on(mention, ctx, _("'{text}' looks like a misspelling of '{expected}' "
                                   "({name})").format(text=mention.text, expected=expected,
                                                      name=name), expected)


def _plural(mention: Mention, ctx: Context, expected: str) -> str | None:
    """For a word ending in s near a singular form, the entry's demonym or adjective in s
    one edit from it (les Suises: Suisses), fitted to its place; None when there is none."""
    text = mention.text
    if mention.size != 1 or not text.endswith("s") or expected.endswith("s"):
        return None
    found = [word.text for word in mention.entry.derived(ctx.lang)
             if casefold(word.text) == casefold(expected) + "s"
             and OSA.distance(casefold(text), casefold(word.text)) == 1]
    # The demonym for a capitalised word (Suisses), the adjective for one in lower case.
    found.sort(key=lambda word: word[:1].isupper() != text[:1].isupper())
    return fit_case(found[0], text, ctx.sentence_start(mention.start)) if found else None


RULE = Rule(code="typo", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=80,
            summary=N_("a near miss of a known form"),
            example="`Lavorv` → `Lavrov`",
            doc=__doc__, on_mention=check)
