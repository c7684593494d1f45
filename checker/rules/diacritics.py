"""diacritics: a known form with missing, extra or wrong accents.

What it flags:
    A name or title that matches a form of the termbase letter for letter once accents are
    removed, but not with them: Serguei for Sergueï, Pekin for Pékin. Not flagged: a foreign
    name without accents the press of the draft's language drops (checker.accents): in French,
    accents French spelling lacks (Nicolas Maduro, Antonio Guterres, Luiz Inacio Lula da Silva,
    as AFP and Le Monde write them; José without its accent is still flagged); in English, any
    accent (Francois Bayrou, Nicolas Maduro, as AP and Reuters write them); unless the document
    also writes the name with them, where the bare one is a warning (one spelling, the
    termbase's). An accent missing only on a capital letter (Etats-Unis, Egypte) is flagged, as
    a warning, under a house style that requires accented capitals (the shipped fr-FR and fr-CA
    profiles: the Imprimerie nationale and the OQLF require them); with no profile, or one that
    does not, it is not, since some French typography drops them. A name with accents its form
    lacks, and no other difference, some of them not French, is the name's own spelling (Viktor
    Orbán, Aleksandar Vučić, Recep Tayyip Erdoğan where the termbase writes them as AFP does,
    unaccented): under a house style, a warning that the house writes it otherwise, never an
    error; with no house style chosen, nothing, unless the document writes it both ways; with
    French accents only, the name has been frenchified (Jérôme Powell): an error. Never flagged:
    a single word with accents its form lacks, which is another word (Thalès the philosopher,
    not Thales the company); a company's name before a model's designation (Hermes 900, the
    drone, as its maker spells it).
Why it matters:
    Accents are part of the spelling of a name in French; dropped accents are the mark of copy
    pasted from a system or a wire that cannot type them.
Example:
    Serguei Lavrov (in a French draft); Etats-Unis (checked with fr-FR)
Use instead:
    Sergueï Lavrov; États-Unis
Fix safety:
    Safe: the replacement is the same form of the termbase, with its accents. Unsafe for a name
    that only adds accents (Orbán): its own spelling is not wrong, only another house's; and
    for a name written both ways, where the house may keep either.
"""

from __future__ import annotations

from glossary.normalize import casefold, fold_diacritics, has_diacritics, nfc

from ..accents import (
    FRENCH_ACCENTS,
    accent_changes,
    drops_only_foreign_accents,
    only_capitals_unaccented,
)
from ..findings import Severity
from ..i18n import N_, _
from ..matcher import MatchKind, Mention
from .base import Context, FixSafety, Rule, Stage, fit_case, names_a_model


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


def _spellings(mention: Mention) -> tuple[str, str]:
    """The words of the text and those of its form, each joined by a separator no word holds
    (the separators between the words are the ``spacing`` test's, not this rule's)."""
    return ("\x1f".join(w.text for w in mention.words), "\x1f".join(mention.pattern.words))


def capital_accent_missing(mention: Mention) -> bool:
    """True when only capitals of the text lack accents of the form (Etats-Unis, EGYPTE)."""
    return only_capitals_unaccented(*_spellings(mention))


# A name given accents it lacks, all of them French ones (Jérôme for Jerome Powell), has been
# frenchified; one given others (Orbán, Vučić, Erdoğan, Szijjártó) is written as in its own
# language.
def only_accents_added(mention: Mention) -> bool:
    """True when the text differs from its form only by accents the form lacks, one of them at
    least not French (Orbán for Orban, Vučić for Vucic): the spelling of the name's own
    language."""
    changes = accent_changes(*_spellings(mention))
    return (changes is not None and not changes[0]
            and any(c.lower() not in FRENCH_ACCENTS for c in changes[1]))


def check(mention: Mention, ctx: Context):
    if (mention.kind is not MatchKind.ACCENTS or mention.form.lang != ctx.lang or mention.mixed
            or mention.spacing or names_a_model(mention, ctx.doc.text)):
        return None
    if drops_only_foreign_accents(*_spellings(mention), ctx.lang):
        # Nicolas Maduro, as the French press and the English wires write him; but not beside
        # Nicolás Maduro in the same document.
        return _written_both_ways(mention, ctx)
    if not lowercase_accent_differs(mention):
        profile = ctx.profile
        if (profile is None or not profile.accented_capitals
                or not capital_accent_missing(mention)):
            return None
        expected = fit_case(mention.form.text, mention.text, ctx.sentence_start(mention.start))
        return RULE.finding(mention.start, mention.end, mention.text, (
            _("'{text}' lacks the accent of a capital: {style} keeps accents on capitals; "
              "write '{expected}'").format(text=mention.text, style=profile.name,
                                           expected=expected)),
            expected=expected, entry=mention.entry.id,
            lang=ctx.lang, severity=Severity.WARNING)
    if mention.size == 1 and has_diacritics(mention.text) and not has_diacritics(
            mention.form.text):
        return None  # one word with accents the name lacks is another word: Thalès, Thales
    expected = fit_case(mention.form.text, mention.text, ctx.sentence_start(mention.start))
    if only_accents_added(mention):
        if ctx.profile is None:  # no house style chosen: the name's own spelling passes
            return _written_both_ways(mention, ctx)
        return RULE.finding(mention.start, mention.end, mention.text, (
            _("'{text}' is the name's own spelling; this termbase writes it without those "
              "accents: '{expected}'").format(text=mention.text, expected=expected)),
            expected=expected, entry=mention.entry.id,
            lang=ctx.lang, severity=Severity.WARNING, safe=False)
    expected = fit_case(_closest_form(mention, ctx), mention.text,
                        ctx.sentence_start(mention.start))
    return RULE.on(mention, ctx, _("'{text}' has wrong or missing accents; write "
                                   "'{expected}'").format(text=mention.text, expected=expected),
                   expected)


def _closest_form(mention: Mention, ctx: Context) -> str:
    """The form of the entry in the document's language, spelled with the same letters as the
    text, that differs from it by the fewest accents (Gisèle Pélicot in English copy is
    Gisèle Pelicot, an accepted form, with an accent too many; not Gisele Pelicot)."""
    written = nfc(mention.text)
    folded = fold_diacritics(casefold(written))
    best, fewest = mention.form.text, None
    for form in (mention.form, *mention.entry.forms(ctx.lang)):
        text = nfc(form.text)
        if len(text) != len(written) or fold_diacritics(casefold(text)) != folded:
            continue
        differences = sum(a != b for a, b in zip(text, written, strict=True))
        if fewest is None or differences < fewest:
            best, fewest = form.text, differences
    return best


def _written_both_ways(mention: Mention, ctx: Context):
    """The finding for a name written without accents its press may drop, when the document
    also writes it with them (Nicolas Maduro … Nicolás Maduro): one spelling, the
    termbase's; None when the document keeps to one."""
    accented = mention.pattern.words
    if not any(other.entry.id == mention.entry.id and other.kind is not MatchKind.ACCENTS
               and tuple(w.text for w in other.words) == accented
               for other in ctx.checked_mentions):
        return None
    expected = fit_case(mention.form.text, mention.text, ctx.sentence_start(mention.start))
    return RULE.finding(mention.start, mention.end, mention.text, (
        _("'{text}' is also written '{expected}' in this document: keep one spelling, "
          "'{expected}'").format(text=mention.text, expected=expected)),
        expected=expected, entry=mention.entry.id, lang=ctx.lang,
        severity=Severity.WARNING, safe=False)


RULE = Rule(code="diacritics", severity=Severity.ERROR, fix_safety=FixSafety.SAFE,
            stage=Stage.DRAFT, priority=50,
            summary=N_("a known form with missing or wrong accents"),
            example="`Serguei Lavrov` → `Sergueï Lavrov`",
            doc=__doc__, on_mention=check)
