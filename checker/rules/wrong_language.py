"""wrong-language: another language's form of a known entry.

What it flags:
    A name or title written as another language writes it: the English transliteration in a
    French draft, or a name that mixes a French first name with an English surname.
Why it matters:
    Readers of each language expect their own newsroom's form; an English form in French copy
    (or the reverse) is the most common slip of drafts written from wire copy in the other
    language.
    Not flagged: an adjective or a demonym the termbase lists for the entry in the document's
    language (Argentine beef: Argentine is French for Argentina and an English adjective the
    entry lists), unless it stands for the place (He lives in Argentine.); a one-word form that
    is also a word of the document's language used as an adjective (the Argentine striker); a
    gloss, the other language's form in brackets beside a form of the same entry in the
    document's language (the National Rally (Rassemblement national, RN); MoDem (Mouvement
    démocrate); la NSA (National Security Agency); the Rassemblement national (National Rally));
    a name inside a quotation written in its language (an English tweet quoted as it was written
    in French copy: « Great talks with Sergei Lavrov today »); a name the text calls the other
    language's (ECOWAS, also known as CEDEAO in French); a person's surname alone that the
    document gives as someone's nom de guerre and never names the person in full (Timochenko,
    the FARC leader, in English copy); an English place name after an English preposition in
    French copy (la politique « Made in India »); a place name inside a longer name (Royal Bank
    of Scotland, Credit Suisse, Le Chemin de Damas), after a courtesy title (M. Jordan) or
    qualified by a US state or a Canadian province (London, Ontario; St. John's
    (Terre-Neuve-et-Labrador)); a person's one-word short form followed by a surname, the first
    name of someone else (Francois Buffet in English copy is not Pope Francis, whose French name
    is François); a form of the document's language written with the accents of the name's own
    spelling, none of them one that language's press keeps (checker.accents: Ibrahim Traoré,
    Nouméa, Idriss Déby Itno in English copy, where the termbase writes them as AP does); an
    acronym the document spells out as another name (the Independent Electoral Commission (CEI)
    is not the CIS, whose French acronym is CEI); a name written wholly in capitals, off a
    headline in capitals, where its form is not (the INDIA opposition bloc is no India); a
    one-word name in a credit (Photo: ANP/Jan de Vries; Xinhua/VNA); a company's name before a
    model's designation (drones Hermes 900 in French copy: the product, as its maker spells it);
    an acronym the document's language has for ordinary words (a CPI increase, PPE shortages in
    English copy), unless the document names the entry otherwise; a person's one-word short form
    after given names, a surname (Mathurin Jean François); a country's acronym after an amount,
    a currency (300 millions US); a place's name that is a noun of the document's language, its
    complement after it (la Réunion des chefs de gouvernement, a meeting).
    Where the two languages' forms have the same letters (Monusco / MONUSCO), the finding is a
    warning that names what differs: capitals, accents, or hyphens and spaces; none for an
    acronym of four letters or more written with an initial capital only (Monusco, Unesco in
    English copy: the Guardian's and the BBC's style), nor for a person's name whose hyphens
    and spaces alone differ (Kim Yo Jong, AFP's, in French copy; Kim Yo-jong, Yonhap's, in
    English copy), unless a house style is chosen.
Example:
    Sergei Lavrov (in a French draft); Nikolaï Patrushev when it is not listed as a form.
Use instead:
    Sergueï Lavrov: the form of the entry in the document's language (its short form when a
    short form was written).
Fix safety:
    Safe: the replacement is the entry's form in the document's language, from the termbase.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from glossary import EntryType, Status
from glossary.index.compiled import derived_key
from glossary.normalize import casefold, fold_diacritics, nfc

from .. import words as wordlist
from ..accents import adds_only_foreign_accents, only_capitals_unaccented
from ..findings import Severity
from ..i18n import N_, _
from ..language import language_name
from ..matcher import _PLACE_PREPOSITIONS as PLACED
from ..matcher import CALENDAR, DETERMINERS, MatchKind, Mention, _word_before
from .base import (
    Context,
    FixSafety,
    Rule,
    Stage,
    article_case_only,
    expected_for,
    frenchified_romanisation,
    named_otherwise_on_purpose,
    names_a_model,
)


def check(mention: Mention, ctx: Context):
    if mention.form.lang == ctx.lang and not mention.mixed:
        return None  # nearly every mention: the document's language's own form
    if mention.kind is MatchKind.TYPO or ctx.lang not in mention.entry.languages:
        return None
    if frenchified_romanisation(mention, ctx.lang):
        return None  # transliteration's: another romanisation, not a name left in English
    if mention.size == 1 and (_adjective(mention, ctx) or _first_name_of_another(mention, ctx)):
        return None
    if _derived_here(mention, ctx):
        return None
    if (_glossed(mention, ctx) or _quoted_in_its_language(mention, ctx)
            or _in_an_english_phrase(mention, ctx)
            or _said_to_be_its_language(mention, ctx)
            or _surname_alone(mention, ctx)
            or _defined_otherwise(mention, ctx) or _capitals_of_another_name(mention, ctx)
            or _credit(mention, ctx) or names_a_model(mention, ctx.doc.text)
            or _ordinary_acronym(mention, ctx) or _currency(mention, ctx)
            or _common_noun(mention, ctx)):
        return None
    if any(adds_only_foreign_accents(mention.text, form.text, ctx.lang)
           for form in mention.entry.forms(ctx.lang)):
        return None  # Ibrahim Traoré, Nouméa in English: the name's own accents, the BBC's
    expected = expected_for(mention, ctx)
    if expected is None or expected == nfc(mention.text):
        return None
    if mention.mixed:
        message = _("'{text}' mixes two languages' spellings of one name; in {language} write "
                    "'{expected}'").format(text=mention.text, language=ctx.lang_name,
                                           expected=expected)
        return RULE.on(mention, ctx, message, expected)
    if ctx.profile is None and article_case_only(nfc(mention.text), expected):
        return None  # al-Qaïda for Al-Qaïda: a house's capital, not another language
    what = _only_difference(mention.text, expected)
    if (what == N_("accents") and (ctx.profile is None or not ctx.profile.accented_capitals)
            and only_capitals_unaccented(mention.text, expected)):
        return None  # GAID SALAH: capitals without their accents, as some typography writes
    if what == N_("capitals") and ctx.profile is None and _acronym_as_a_word(
            nfc(mention.text), expected):
        return None  # Monusco, Unesco, Asean: British (and French) style for MONUSCO
    if (what == N_("hyphens and spaces") and ctx.profile is None
            and mention.entry.type is EntryType.PERSON):
        return None  # Kim Yo Jong, Kim Yo-jong: AFP's and Le Monde's, in either language
    if what is not None:
        # The languages write the name with the same letters: a house's choice of capitals,
        # accents or hyphens, not a name left in another language.
        return RULE.finding(mention.start, mention.end, mention.text,
                            _("'{text}' differs from the {language} form '{expected}' by its "
                              "{what} only").format(text=mention.text, language=ctx.lang_name,
                                                    expected=expected, what=_(what)),
                            expected=expected, entry=mention.entry.id, lang=ctx.lang,
                            severity=Severity.WARNING)
    message = _("'{text}' is the {other} form; in {language} write '{expected}'").format(
        text=mention.text, other=language_name(mention.form.lang), language=ctx.lang_name,
        expected=expected)
    return RULE.on(mention, ctx, message, expected)


# Before an adjective: the matcher's determiners (which make a lower-case word a common noun,
# and so leave out the definite articles) and "the".
_BEFORE_ADJECTIVE = DETERMINERS | {"the"}
# The word before a mention, and a lower-case word after it.
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)[ \u00a0]+$")
_LOWER_AFTER = regex.compile(r"[ \u00a0]+\p{Ll}")


def _adjective(mention: Mention, ctx: Context) -> bool:
    """True when a one-word form of another language is a word of the document's language used
    as an adjective: the Argentine striker (Argentine is French for Argentina, and an English
    adjective). Only the word between a determiner and a lower-case word: in Argentine, the
    place, is still flagged."""
    text = ctx.doc.text
    if mention.text.isupper() or _LOWER_AFTER.match(text, mention.end) is None:
        return False
    before = _WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    return (before is not None and casefold(before.group(1)) in _BEFORE_ADJECTIVE
            and wordlist.is_known(mention.text, ctx.lang))


# A capitalised word that may be a surname: a capital, then lower-case letters (an apostrophe
# or a hyphen inside); an editor's bracket may close before it ([General François] Lecointre).
_SURNAME_AFTER = regex.compile(r"\]?[ \u00a0]+(\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*)\b")
# The capitalised words just before a mention (Mathurin Jean François).
_NAMES_BEFORE = regex.compile(r"(?:\p{Lu}\p{Ll}+[ \u00a0]+){1,3}$")


def _first_name_of_another(mention: Mention, ctx: Context) -> bool:
    """True when a person's one-word short form of another language is part of someone else's
    name: followed by a capitalised word, a surname (Francois Buffet, a French minister, in
    English copy: not Pope Francis's French name; but Netanyahou Tuesday is still his French
    name); or after given names, as a surname (Mathurin Jean François, a teacher in
    Port-au-Prince), which a title or a word of the language before it is not (Pope
    François)."""
    if mention.form.status is not Status.SHORT or mention.entry.type is not EntryType.PERSON:
        return False
    text = ctx.doc.text
    after = _SURNAME_AFTER.match(text, mention.end)
    # A capital inside a sentence makes any word a name (Francois Buffet), but the days and
    # months English capitalises (Netanyahou Tuesday).
    if after is not None and casefold(after.group(1)) not in CALENDAR:
        return True
    before = _NAMES_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if before is None:
        return False
    names = before.group().split()
    if ctx.sentence_start(before.start()):
        names = names[1:]  # capitalised as the sentence's first word: Said, On
    # A given name that is no word of the language (Mathurin; Jean is an English word).
    return any(not wordlist.is_known(name, ctx.lang) for name in names)


def _derived_here(mention: Mention, ctx: Context) -> bool:
    """True when the mention is an adjective or a demonym the entry lists in the document's
    language (data, where ``_adjective`` guesses), unless it stands for the place: after a
    preposition of place, with no lower-case word after it (in Argentine, not from Argentine
    cities)."""
    text = ctx.doc.text
    if (casefold(_word_before(text, mention.start)) in PLACED
            and _LOWER_AFTER.match(text, mention.end) is None):
        return False
    key = derived_key(mention.text)
    return any(derived_key(word.text) == key for word in mention.entry.derived(ctx.lang))


# Between a name and the bracket that glosses it, or inside the bracket before the gloss: a
# quotation mark or emphasis may stand there ("Rassemblement national", *RN*).
_SPACE = r"[\s\u00a0]*"
_OPENS = _SPACE + r"[\"'«“‘*_]?" + _SPACE
_CLOSES = _SPACE + r"[\"'»”’*_]?" + _SPACE
_INTO_BRACKET = regex.compile(_CLOSES + r"\(" + _OPENS)
# Two names side by side inside one bracket: (National Security Agency, NSA).
_BESIDE = regex.compile(_CLOSES + r"[,;/]" + _OPENS)
_BRACKET_BEFORE = regex.compile(r"\(" + _OPENS + r"$")


def _glossed(mention: Mention, ctx: Context) -> bool:
    """True when the other language's form stands beside a form of the same entry in the
    document's language as a gloss: in brackets right after it (MoDem (Mouvement démocrate)),
    right before brackets that give it (the Rassemblement national (National Rally)), or next
    to it inside one bracket (l'agence américaine (National Security Agency, NSA)). A copy
    editor keeps the original name a writer gives on purpose; the same form in running text
    is still flagged.
    A gloss gives the whole name: an acronym of the other language is no gloss (the
    Democratic Republic of Congo (RDC) in English copy introduces the French acronym), and a
    short form glosses nothing that stands before it (the Mouvement démocrate (MoDem) in
    English copy names the party in French)."""
    if mention.form.status is Status.SHORT:
        return False
    text = ctx.doc.text
    mentions, at = ctx.checked_mentions, bisect_left(ctx.checked_starts, mention.start)
    if at == len(mentions) or mentions[at] is not mention:
        return False  # not one of the document's mentions in order: no neighbours known
    # Only the mentions on either side can stand beside it (a table of 5,000 cells makes
    # 5,000 mentions).
    before = mentions[at - 1] if at > 0 else None
    after = mentions[at + 1] if at + 1 < len(mentions) else None
    if before is not None and _same(before, mention, ctx):  # the entry, then its gloss
        between = text[before.end:mention.start]
        if _INTO_BRACKET.fullmatch(between) or (
                _BESIDE.fullmatch(between)
                and _BRACKET_BEFORE.search(text, max(0, before.start - 4), before.start)):
            return True
    if after is not None and _same(after, mention, ctx):  # the original, then the entry
        between = text[mention.end:after.start]
        if (_INTO_BRACKET.fullmatch(between) and after.form.status is not Status.SHORT) or (
                _BESIDE.fullmatch(between)
                and _BRACKET_BEFORE.search(text, max(0, mention.start - 4), mention.start)):
            return True
    return False


# The name an acronym in brackets spells out: capitalised words, with the small words of names
# between them (Independent Electoral Commission (CEI); Commission électorale indépendante).
_LINKS = (r"(?:of|for|and|the|on|in|at|de|des|du|la|le|les|et|pour|sur|en|au|aux|à|d'|d’|l'|"
          r"l’)")
_SPELLED_OUT = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{M}'’-]*[ \u00a0]+(?:" + _LINKS + r"[ \u00a0]*)*){2,}$")


# Four words before the bracket in lower case (the country's electoral commission), none
# of them capitalised: not the end of a name spelled out (Haut Commissariat pour les
# réfugiés).
_DESCRIBED = regex.compile(r"(?<![\p{L}\p{M}'’-])(?:\p{Ll}[\p{Ll}\p{M}'’-]*[ \u00a0]+){4}$")


def _defined_otherwise(mention: Mention, ctx: Context) -> bool:
    """True when the acronym is, in this document, that of another name: the document spells
    it out in brackets after a name that is no form of the entry (the Independent Electoral
    Commission (CEI) of Côte d'Ivoire in English copy is not the CIS, whose French acronym
    is CEI; then every CEI of the document is that commission), or after words in lower case
    that describe it (the country's electoral commission (CEI)). The Democratic Republic of
    Congo (RDC) names the entry in another form: RDC is still flagged."""
    acronym = mention.text
    if mention.size != 1 or not acronym.isupper() or len(acronym) > 8:
        return False
    text = ctx.doc.text
    for bracket in regex.finditer(r"\(" + regex.escape(acronym) + r"\)", text):
        line_start = text.rfind("\n", 0, bracket.start()) + 1
        spelled = _SPELLED_OUT.search(text, max(line_start, bracket.start() - 120),
                                      bracket.start())
        if spelled is None:
            # Spelled out in lower case, as a description: the country's electoral
            # commission (CEI).
            if _DESCRIBED.search(text, max(line_start, bracket.start() - 60), bracket.start()):
                return True
            continue
        name = fold_diacritics(casefold(spelled.group().strip()))
        # The entry's name, or its end (the run stops at a word it cannot read: Al-Qaeda in
        # the Islamic Maghreb (AQMI)).
        if not any(form_name in name or form_name.endswith(name)
                   for form_name in (fold_diacritics(casefold(form.text))
                                     for form in mention.entry.forms()
                                     if len(form.text) > len(acronym))):
            return True
    return False


def _capitals_of_another_name(mention: Mention, ctx: Context) -> bool:
    """True when a name its form writes in lower case too is written wholly in capitals, on a
    line that is no headline in capitals, of an entry with no acronym: an acronym or a brand
    spelled like the name (the INDIA opposition bloc in French copy is no English India)."""
    text = mention.text
    # An entry known by an acronym is written so in capitals (AQMI for the Aqmi of Le Monde).
    return (text.isupper() and len(text) > 1 and not mention.form.text.isupper()
            and not any(form.text.isupper() for form in mention.entry.forms())
            and not ctx.headline(mention.start))


# A credit: an agency's acronym, a slash and a photographer or another agency (ANP/Jan de
# Vries, Xinhua/VNA/CVN).
_CREDIT_AFTER = regex.compile(r"[ \u00a0]*/[ \u00a0]*\p{Lu}")


def _credit(mention: Mention, ctx: Context) -> bool:
    """True when a one-word name of an organisation is a photo or wire credit, not a name of
    the text: the Dutch agency ANP in "Photo: ANP/Jan de Vries" is no French acronym of
    China's National People's Congress."""
    return (mention.size == 1 and mention.entry.type is not EntryType.PERSON
            and _CREDIT_AFTER.match(ctx.doc.text, mention.end) is not None)


# Acronyms of ordinary words in each language, the same letters as another language's
# acronym of an entry: in English copy, CPI is the consumer price index, not the French
# acronym of the International Criminal Court; PPE is protective equipment, BCE before the
# common era, CIO and CPA officers and accountants, AMA and ASL an association and a sign
# language. Such an acronym is the entry's only where the document names the entry otherwise.
_ORDINARY_ACRONYMS = {
    "en": frozenset({"AMA", "ASL", "BAD", "BCE", "CIO", "CPA", "CPI", "PAM", "PPE", "UA"}),
    "fr": frozenset({"CAS", "PCA"}),
}


def _ordinary_acronym(mention: Mention, ctx: Context) -> bool:
    """True when the mention is an acronym the document's language uses for ordinary words
    (a CPI increase), and the document names the entry in no other way."""
    if mention.text not in _ORDINARY_ACRONYMS.get(ctx.lang, ()):
        return False
    return not any(other.entry.id == mention.entry.id and other.text != mention.text
                   for other in ctx.checked_mentions)


# An amount before a country's acronym makes it a currency's: 300 millions US (dollars US),
# 5 milliards $ US, 20 $ CA.
_AMOUNT_BEFORE = regex.compile(
    r"(?:\d|\b(?:millions?|milliards?|mille|billions?|trillions?|dollars?)|\$)[ \u00a0\u202f]*$")


def _currency(mention: Mention, ctx: Context) -> bool:
    """True when a place's acronym follows an amount: the currency (300 millions US), not
    the country."""
    return (mention.size == 1 and mention.text.isupper()
            and mention.entry.type is EntryType.PLACE
            and _AMOUNT_BEFORE.search(ctx.doc.text, max(0, mention.start - 20), mention.start)
            is not None)


# A complement in lower case after a word: la Réunion des chefs de gouvernement.
_COMPLEMENT_AFTER = regex.compile(r"[ \u00a0]+(?:des|du|de|d['’]|of)[ \u00a0]*\p{Ll}")


def _common_noun(mention: Mention, ctx: Context) -> bool:
    """True when a place's one-word name is a noun of the document's language opening a
    name of its own, its complement after it: la Réunion des chefs de gouvernement du
    Commonwealth is a meeting, not the island."""
    return (mention.size == 1 and mention.entry.type is EntryType.PLACE
            and _COMPLEMENT_AFTER.match(ctx.doc.text, mention.end) is not None
            and wordlist.is_known(mention.text, ctx.lang))


def _same(other: Mention, mention: Mention, ctx: Context) -> bool:
    """Whether ``other`` names ``mention``'s entry in the document's language."""
    return other.entry.id == mention.entry.id and _ours(other, ctx)


# Opening quotation marks and the mark that closes each.
_QUOTES = {"«": "»", "“": "”", "\"": "\"", "‘": "’", "„": "“"}
# The words that tell a quotation's language: lower-case ones (names tell nothing).
_LOWER_WORD = regex.compile(r"\p{Ll}+(?:['’]\p{Ll}+)?")
# Words of the other language, and how many more than the document's, that make a quotation
# the other language's: a whole clause, not a loanword (« le week-end »).
_QUOTE_WORDS = 3
_QUOTE_REACH = 1_000  # characters on either side of a name


def _surname_alone(mention: Mention, ctx: Context) -> bool:
    """True when a person's one-word short form in the other language is someone's nom de
    guerre in this document: the text gives it as a name on purpose (known by his nom de
    guerre, Timochenko: the FARC leader, no Yulia Tymoshenko in French) and names the entry
    nowhere in full."""
    if (mention.size != 1 or mention.entry.type is not EntryType.PERSON
            or mention.form.status is not Status.SHORT):
        return False
    mentions = ctx.checked_mentions
    return (not any(other.entry.id == mention.entry.id and other.size > 1 for other in mentions)
            and any(other.text == mention.text
                    and named_otherwise_on_purpose(ctx.doc.text, other) for other in mentions))


def _said_to_be_its_language(mention: Mention, ctx: Context) -> bool:
    """True when the text says the name is the other language's right after it: ECOWAS
    (also known as CEDEAO in French), l'Otan (NATO en anglais)."""
    return _IN_ITS_LANGUAGE.match(ctx.doc.text, mention.end) is not None


# "in French", "en anglais" after a name: the writer gives it as that language's name.
_IN_ITS_LANGUAGE = regex.compile(
    r"(?i)[ \u00a0]*,?[ \u00a0]*(?:in[ \u00a0]+(?:French|English)|en[ \u00a0]+(?:anglais|français))"
    r"\b")


def _in_an_english_phrase(mention: Mention, ctx: Context) -> bool:
    """True when an English place's name in French copy follows an English preposition that
    French never writes: a slogan or a label kept in English (« Made in India », Born in the
    USA)."""
    return (ctx.lang == "fr" and mention.form.lang == "en"
            and mention.entry.type is EntryType.PLACE
            and _word_before(ctx.doc.text, mention.start) in _ENGLISH_PREPOSITIONS)


# English prepositions before a place that no French sentence writes.
_ENGLISH_PREPOSITIONS = frozenset({"in", "In", "from", "From"})


def _quoted_in_its_language(mention: Mention, ctx: Context) -> bool:
    """True when the mention stands inside a quotation, on its line, whose words are of the
    mention's language and not of the document's: a tweet, a headline or a title quoted as it
    was written (« Great talks today with Sergei Lavrov »), where the other language's form is
    the right one. A quotation in the document's language is the newsroom's own words, and
    keeps its forms (« Nous avons vu Sergei Lavrov », in French copy, is still flagged)."""
    text = ctx.doc.text
    quote = _quotation(text, mention.start, mention.end)
    if quote is None:
        return False
    theirs = ours = 0
    other = mention.form.lang
    for part in (text[quote[0]:mention.start], text[mention.end:quote[1]]):
        for word in _LOWER_WORD.findall(part):
            in_theirs, in_ours = (wordlist.is_known(word, other),
                                  wordlist.is_known(word, ctx.lang))
            theirs += in_theirs and not in_ours
            ours += in_ours and not in_theirs
    return theirs >= _QUOTE_WORDS and theirs > 2 * ours


def _quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the text inside the quotation marks around ``start:end`` on its line,
    or None when it is not inside any."""
    # Within _QUOTE_REACH of it: a quotation is a sentence or two, and a line of a megabyte
    # full of names must not cost a scan of the line for each.
    line_start = text.rfind("\n", max(0, start - _QUOTE_REACH), start) + 1
    whole_line = line_start > 0 or start <= _QUOTE_REACH
    line_start = max(line_start, start - _QUOTE_REACH)
    line_end = text.find("\n", end, end + _QUOTE_REACH)
    line_end = min(len(text), end + _QUOTE_REACH) if line_end < 0 else line_end
    for opening, closing in _QUOTES.items():
        if opening == closing:  # "…": inside when an odd number of marks stands before it
            if not whole_line:
                continue  # which of the marks before it open and which close is not known
            before = text.count(opening, line_start, start)
            if before % 2 == 0:
                continue
            opened = text.rfind(opening, line_start, start)
        else:
            opened = text.rfind(opening, line_start, start)
            if opened < 0 or text.find(closing, opened + 1, start) >= 0:
                continue
        closed = text.find(closing, end, line_end)
        if closed >= 0:
            return opened + 1, closed
    return None


def _ours(mention: Mention, ctx: Context) -> bool:
    """Whether ``mention`` is written as a form of the document's language (a form both
    languages share counts: MoDem)."""
    if mention.form.lang == ctx.lang:
        return True
    written = nfc(mention.text)
    return any(nfc(form.text) == written for form in mention.entry.forms(ctx.lang))


def _only_difference(text: str, expected: str) -> str | None:
    """What alone tells ``text`` from ``expected`` when their letters are the same: capitals,
    accents or hyphens and spaces; None when the letters differ."""
    text, expected = nfc(text), nfc(expected)
    if casefold(text) == casefold(expected):
        return N_("capitals")
    if fold_diacritics(casefold(text)) == fold_diacritics(casefold(expected)):
        return N_("accents")
    if _letters(text) == _letters(expected):
        return N_("hyphens and spaces")
    return None


def _acronym_as_a_word(text: str, expected: str) -> bool:
    """Whether ``text`` is the acronym ``expected`` (four letters or more) written with an
    initial capital only, as the Guardian, the BBC and the FT write one read as a word
    (Unesco, Monusco) and French copy too (l'Unesco)."""
    return (len(expected) >= 4 and expected.isalpha() and expected.isupper()
            and text == expected[0] + expected[1:].lower())


def _letters(text: str) -> str:
    return "".join(c for c in fold_diacritics(casefold(text)) if c.isalnum())


RULE = Rule(code="wrong-language", severity=Severity.ERROR, fix_safety=FixSafety.SAFE,
            stage=Stage.DRAFT, priority=30,
            summary=N_("another language's form of a known entry"),
            example="`Sergei Lavrov` → `Sergueï Lavrov` (in French)",
            doc=__doc__, on_mention=check)
