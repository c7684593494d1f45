"""Which accents the press of a draft's language keeps on names, and how two spellings of one
name differ by their accents alone.

French newsrooms (AFP, Le Monde) keep the accents of French spelling on foreign names, and the
tilde and umlauts their typesetting has (José, Peña, Schäuble), but write the others bare:
Nicolas Maduro, Antonio Guterres, Luiz Inacio Lula da Silva, Jimmie Akesson. The English wire
services (AP, Reuters) write every name bare: Francois Bayrou, Nicolas Maduro, Ibrahim Traore;
other English houses (the BBC) keep them: Nouméa, Ibrahim Traoré. Either spelling is a house's
choice, not an error, in the languages listed here; a language not listed keeps every accent.
"""

from __future__ import annotations

from glossary.normalize import fold_diacritics, has_diacritics, nfc

# Accents of French spelling (a name given accents it lacks, all of them French ones, has been
# frenchified: Jérôme Powell).
FRENCH_ACCENTS = frozenset("àâçéèêëîïôùûÿœ")
# By language: the accented letters (lower case) its press keeps when it writes a foreign name;
# an accent outside the set may be dropped. English keeps none.
KEPT_ACCENTS: dict[str, frozenset[str]] = {
    "fr": FRENCH_ACCENTS | frozenset("æñäöü"),
    "en": frozenset(),
}


# The mark the French transliteration of a name adds, not the name's own spelling: the
# diaeresis of Sergueï, Mikhaïl, Nikolaï (Russian, Ukrainian and Arabic names have no accents
# of their own in Latin letters). Alexeï in English copy is the French form left in.
TRANSLITERATION_MARKS = frozenset("ïÏ")


def accent_changes(written: str, form: str) -> tuple[str, str] | None:
    """How ``written`` differs from ``form`` when only accents tell them apart (the same bare
    letters, the same capitals): the accented letters of ``form`` written bare, and the
    accented letters of ``written`` where ``form`` has a bare one. None when they differ
    otherwise or not at all."""
    written, form = nfc(written), nfc(form)
    if written == form or len(written) != len(form):
        return None
    dropped: list[str] = []
    added: list[str] = []
    for mine, theirs in zip(written, form, strict=True):
        if mine == theirs:
            continue
        if fold_diacritics(mine) != fold_diacritics(theirs):
            return None  # another letter, or another capital
        if has_diacritics(theirs) and not has_diacritics(mine):
            dropped.append(theirs)
        elif has_diacritics(mine) and not has_diacritics(theirs):
            added.append(mine)
        else:
            return None  # one accent for another (Sérgueï): a misspelling
    return "".join(dropped), "".join(added)


def drops_only_foreign_accents(written: str, form: str, lang: str) -> bool:
    """Whether ``written`` is ``form`` without some of its accents, every one of them an
    accent the press of ``lang`` drops on foreign names (Nicolas Maduro for Nicolás Maduro in
    French or English; not Serguei for Sergueï in French)."""
    kept = KEPT_ACCENTS.get(lang)
    changes = accent_changes(written, form)
    if kept is None or changes is None:
        return False
    dropped, added = changes
    return bool(dropped) and not added and not any(c.lower() in kept for c in dropped)


def adds_only_foreign_accents(written: str, form: str, lang: str) -> bool:
    """Whether ``written`` is ``form`` with accents it lacks, none of them one the press of
    ``lang`` keeps nor a transliteration's mark: the name's own spelling, which another house
    of that language prints (Ibrahim Traoré, Nouméa in English copy where the termbase writes
    Traore, Noumea; not Alexeï for Alexei)."""
    kept = KEPT_ACCENTS.get(lang)
    changes = accent_changes(written, form)
    if kept is None or changes is None:
        return False
    dropped, added = changes
    return (bool(added) and not dropped and not any(c.lower() in kept for c in added)
            and not any(c in TRANSLITERATION_MARKS for c in added))


def only_capitals_unaccented(written: str, form: str) -> bool:
    """Whether ``written`` is ``form`` (whatever their capitals) with accents missing on
    capitals only (Ahmed GAID SALAH for Ahmed Gaïd Salah, Etats-Unis): some French typography
    drops them."""
    written, form = nfc(written), nfc(form)
    if len(written) != len(form) or written == form:
        return False
    return all(mine.casefold() == theirs.casefold()
               or (mine.isupper() and has_diacritics(theirs) and not has_diacritics(mine)
                   and fold_diacritics(theirs).upper() == mine)
               for mine, theirs in zip(written, form, strict=True))
