"""transliteration: one name spelled in two romanisations.

What it flags:
    - A known name written in a romanisation the termbase does not list (Patroutchev for
      Patrouchev), or with other separators than its form (Moon Jae In for Moon Jae-in); not a
      name hyphenated inside a longer one (le stade Alassane-Ouattara, a place named after the
      person, as French writes odonyms; sommet-Macron-Von-der-Leyen-2025), nor an English title with
      a hyphen for a space or the reverse (Colonel-General, as British English writes ranks),
      nor a title's other form (Conseillère d'Etat, the feminine, is no romanisation), nor an
      adjective or a demonym the termbase lists (bélarusse is no Bélarus), nor an initial
      without its full stop, as British style writes it (Michael D Higgins), nor a
      pronunciation (Poutine, prononcer Poutinne). A name written alike in every language has
      romanisations too: a spelling of the same key that differs by more than a doubled letter
      or a mute e (Sadyr Zhaparov for Sadyr Japarov) is one; so is, in French copy, a spelling
      of the English form's key or letters with a French letter or letter group it lacks
      (Sviatlana Tsikhanouskaïa for the English Tsikhanouskaya, Hodeïdah for Hodeidah, Abou
      for Abu: no wrong-language finding); and inside a known name whose other words stand
      intact, a real name word whose vowels alone differ from the entry's (Mohammed Javad
      Zarif, Abdul Fattah al-Burhan). A word alone spelled
      further from every form of the entry than a near miss counts only when the document names
      the entry otherwise: Jenin, the town, is no romanisation of a surname Zheniin. A word
      alone that a form of the document's language writes is none either (M. Berry, after
      Nabih Berry, an accepted form).
    - A name the termbase does not know, written two ways in one document whose spellings share
      a transliteration key (Khrouchtchev … Khrushchev): the minority spelling is flagged, or
      the spelling no word list knows when the other is known (Pyongyang is right however
      often a draft misspells it). Ordinals in Roman numerals are no names (XIème, XIIème). First
      names (a word followed by another capitalised word) are left out: Mohamed Salah and
      Mohammed ben Salmane are two people. With `--scope project`, the spellings of every
      file checked together count, and the spelling to keep is the project's.
Why it matters:
    Readers cannot tell that two spellings are one person; search and archives split them too.
Example:
    Nikita Khrushchev … Nikita Khrouchtchev … Khrouchtchev (in one French draft)
Use instead:
    The termbase form when the name is known; otherwise the spelling a word list knows, else
    the one the document uses most (the first one used, on a tie). Add the name to the
    termbase to settle it for good.
Fix safety:
    Unsafe: the romanisation to keep is a choice; `--fix` applies it only with `--unsafe-fixes`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import regex
from rapidfuzz.distance import OSA

from glossary import EntryType
from glossary.index.compiled import MEMO_LIMIT, TYPO_MIN_LENGTH, max_edits
from glossary.normalize import nfc
from glossary.tokens import normalize_separator

from .. import words as wordlist
from ..findings import Severity
from ..i18n import N_, _, ngettext
from ..matcher import MatchKind, Mention, Word, romanised, romanised_spelling, writes_word
from ..project import Parts
from .base import (
    Context,
    FixSafety,
    Rule,
    Stage,
    expected_for,
    fit_case,
    frenchified_romanisation,
    spells_a_pronunciation,
)

# A word followed by another capitalised word is a first name (Mohamed Salah, Mohammed ben
# Salmane): two spellings of a first name are often two people, not two romanisations.
_FIRST_NAME = regex.compile(r"[ \u00a0\u202f]+\p{Lu}")


# French writes the name of a person that names a place, a building, a ship or a prize with
# hyphens (the Imprimerie nationale's rule for odonyms): le stade Alassane-Ouattara, le lycée
# Victor-Hugo, le porte-avions Charles-de-Gaulle. After one of these words, a person's name
# hyphenated is that place's name, not a misspelling of the person's.
ODONYM_NOUNS = frozenset("""stade rue avenue boulevard bd place quai pont lycée collège école
    université faculté aéroport hôpital clinique gare station salle palais centre institut
    fondation prix parc square allée cours impasse chemin route esplanade promenade musée
    complexe campus port bibliothèque médiathèque théâtre amphithéâtre auditorium gymnase
    piscine cité résidence fort caserne base navire frégate porte-avions porte-hélicoptères
    sous-marin promotion stadium""".split())
_WORD_BEFORE = regex.compile(r"([\p{L}-]+)[ \u00a0]+$")


def _part_of_a_longer_name(mention: Mention, ctx: Context) -> bool:
    """Whether a name written with hyphens where its form has spaces is part of a longer
    hyphenated name: one joined by a hyphen to more words (sommet-Macron-Von-der-Leyen-2025, an
    address or a file name), or, in French, a place named after the person (le stade
    Alassane-Ouattara)."""
    text = ctx.doc.text
    if "-" not in mention.text:
        return False
    if text[mention.start - 1:mention.start] == "-" or text[mention.end:mention.end + 1] == "-":
        return True
    before = _WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    return (ctx.lang == "fr" and before is not None
            and before.group(1).lower() in ODONYM_NOUNS)


def _initials_without_stops(mention: Mention, text: str) -> bool:
    """Whether the separators differ from the form's only by the full stop after an initial
    left out, as British style writes initials (Michael D Higgins for Michael D. Higgins)."""
    words, form = mention.words, mention.pattern
    for i in range(len(words) - 1):
        written = normalize_separator(text[words[i].end:words[i + 1].start])
        if written != form.seps[i] and not (form.seps[i] == "." and written == " "
                                            and len(form.words[i]) == 1):
            return False
    return True


def check(mention: Mention, ctx: Context):
    if mention.mixed or (mention.form.lang != ctx.lang
                         and not frenchified_romanisation(mention, ctx.lang)):
        return None
    if mention.kind is MatchKind.TRANSLIT and (
            not (romanised(mention.entry) or romanised_spelling(mention))
            or mention.entry.type is EntryType.TITLE):
        # A typo (Sulivan), not a romanisation; a title's other form is another word
        # (conseillère d'État, the feminine, beside conseiller d'État).
        return None
    if mention.size == 1 and ctx.index is not None and ctx.index.is_derived_word(mention.text):
        return None  # an adjective or a demonym the termbase lists (bélarusse), no romanisation
    if mention.size == 1 and writes_word(mention.entry, mention.words[0].folded, ctx.lang):
        return None  # M. Berry after Nabih Berry: the surname of an accepted form
    if mention.spacing and (_part_of_a_longer_name(mention, ctx) or (
            ctx.lang == "en" and mention.entry.type is EntryType.TITLE)
            or _initials_without_stops(mention, ctx.doc.text)):
        # (British English hyphenates ranks and titles, American English does not: a
        # house's choice, Colonel-General or colonel general.)
        return None
    # Another language's form with a French letter on it (Hodeïdah) is a romanisation too,
    # whether its key or its letters found it.
    romanisation = mention.kind is MatchKind.TRANSLIT or mention.form.lang != ctx.lang
    if romanisation or (mention.spacing and mention.kind <= MatchKind.ACCENTS):
        expected = (expected_for(mention, ctx) if romanisation else
                    fit_case(mention.form.text, mention.text, ctx.sentence_start(mention.start)))
        if (expected is None or expected == nfc(mention.text)
                or spells_a_pronunciation(mention, ctx.doc.text)):
            return None  # (Poutine, prononcer Poutinne: sounds, not a spelling)
        if not romanisation:
            return RULE.on(mention, ctx, _("'{text}' is written '{expected}' in the termbase: "
                                           "hyphens and spaces differ").format(
                                               text=mention.text, expected=expected), expected)
        return RULE.on(mention, ctx, _("'{text}' is another romanisation of '{expected}', the "
                                       "termbase form").format(text=mention.text,
                                                               expected=expected), expected)
    return None


# Whether a word may be a name depends on the word and the language alone: asked once per
# distinct word of each language for the whole run, not once per document (the common words of
# a language are the same in every draft). By language, then by the word as written (a word's
# folded form is ``fold_key`` of its text); emptied past MEMO_LIMIT.
_MAY_BE_NAME: dict[str, dict[str, bool]] = {}


# An ordinal in Roman numerals: XIème, XIIe, IIIrd (doubled letters are the number, not a
# spelling: the key merges XIème and XIIème).
_ROMAN_ORDINAL = regex.compile(r"[IVXLCDM]+(?:ème|eme|e|er|re|nd|rd|st|th)?")


def _may_be_name(word: Word, lang: str) -> bool:
    """Whether a word may be a name: long enough, letters only, no common word of ``lang``,
    no ordinal in Roman numerals."""
    folded = word.folded
    return (len(folded) >= TYPO_MIN_LENGTH and folded.isalpha()
            and not wordlist.is_common(word.text, lang)
            and _ROMAN_ORDINAL.fullmatch(word.text) is None)


def _groups(ctx: Context, alone: bool = False) -> dict[str, list[Word]]:
    """Capitalised leftover words that may be names, by transliteration key. ``alone``: only
    the keys the document spells two ways may be in it (the others are left out or not)."""
    text = ctx.doc.text
    lang = ctx.lang
    memo = _MAY_BE_NAME.setdefault(lang, {})
    fit: list[Word] = []
    for word in ctx.result.free_words:
        known = memo.get(word.text)
        if known is None:
            if len(memo) > MEMO_LIMIT:
                memo.clear()
            known = memo[word.text] = _may_be_name(word, lang)
        if known:
            fit.append(word)
    if alone:
        # A key spelled one way by the words that may be names stays so without the first
        # names among them: only the others' words are looked at further (nearly none).
        keys: dict[str, list[Word]] = defaultdict(list)
        for word in fit:
            keys[word.key].append(word)
        several = {key for key, found in keys.items()
                   if len(found) > 1 and _several_spellings(found)}
        fit = [word for word in fit if word.key in several]
    groups: dict[str, list[Word]] = defaultdict(list)
    for word in fit:
        if not _FIRST_NAME.match(text, word.end):
            groups[word.key].append(word)
    return groups


def _several_spellings(occurrences: list[Word]) -> bool:
    """Whether a group holds two spellings (folded)."""
    first = occurrences[0].folded
    return any(w.folded != first for w in occurrences)


def _uses(groups: dict[str, list[Word]], lang: str) -> dict[tuple[str, str], tuple]:
    """By (language, key), each spelling (folded), as first written, and how often."""
    out = {}
    for key, occurrences in groups.items():
        spellings = Counter(w.folded for w in occurrences)
        first: dict[str, str] = {}
        for w in occurrences:
            first.setdefault(w.folded, w.text)
        out[(lang, key)] = tuple((folded, written, spellings[folded])
                                 for folded, written in first.items())
    return out


def uses(ctx: Context) -> dict[tuple[str, str], tuple]:
    """What the document tells a project check (``Rule.uses``)."""
    return _uses(_groups(ctx), ctx.lang)


def _merge(parts: Parts) -> tuple[dict[str, str], Counter, bool]:
    """The spellings of one key across files: each as first written (in the order first
    used), how often each is used, and whether more than one file uses them."""
    order: dict[str, str] = {}
    counts: Counter = Counter()
    for _path, spellings in parts:
        for folded, written, count in spellings:
            order.setdefault(folded, written)
            counts[folded] += count
    return order, counts, len(parts) > 1


def check_document(ctx: Context) -> list:
    """Unknown names: group capitalised leftover words by transliteration key."""
    groups = _groups(ctx, alone=ctx.project is None)
    if ctx.project is None:
        # Checked alone, a key the document spells one way (nearly every key) flags nothing:
        # its uses need not be gathered nor merged. In a project, other files may spell it
        # otherwise, so every key counts.
        groups = {key: found for key, found in groups.items()
                  if len(found) > 1 and _several_spellings(found)}  # most hold one word
    merged = ctx.across(RULE.code, _uses(groups, ctx.lang), _merge)
    text = ctx.doc.text
    findings = []
    for key, occurrences in groups.items():
        order, spellings, several_files = merged[(ctx.lang, key)]
        if sum(spellings.values()) < 2 or len(spellings) < 2:
            continue  # one occurrence, or one spelling (nearly every group)
        # A spelling the word lists know is the name written right (Pyongyang), however often
        # the draft misspells it; then the most used; then the first.
        known = _known_spellings(order, ctx.lang)
        majority = max(spellings, key=lambda s: (known[s], spellings[s], -list(order).index(s)))
        expected_text = order[majority]
        used = spellings[majority]
        for w in occurrences:
            if w.folded == majority:
                continue
            expected = fit_case(expected_text, w.text, False)
            # As the draft writes it (a word's text is in NFC, the draft may be in NFD).
            written = text[w.start:w.end]
            findings.append(RULE.finding(
                w.start, w.end, written,
                _("'{text}' and '{expected}' look like one name in two romanisations; keep "
                  "'{expected}' ({why})").format(text=written, expected=expected_text,
                                                 why=_why(known[majority], used, several_files)),
                expected=expected, lang=ctx.lang))
    return findings


def _why(known: bool, used: int, several_files: bool) -> str:
    """Why the kept spelling is kept: known, or used most (in the files checked together)."""
    if known:
        return _("a known spelling")
    if several_files:
        return ngettext("used once in the files checked", "used {count} times in the files "
                        "checked", used).format(count=used)
    return ngettext("used once", "used {count} times", used).format(count=used)


def _known_spellings(spellings: dict[str, str], lang: str) -> dict[str, bool]:
    """Which spellings (folded: as written) count as known. One the document's language knows
    does. One that English or French knows does when every other spelling is a near miss of it
    (Pyongiang for Pyongyang): a misspelling, not a romanisation. Khrouchtchev in a French
    text is no misspelling of the English Khrushchev, which the English list knows: the text's
    majority decides between romanisations."""
    known = {}
    for folded, text in spellings.items():
        limit = max_edits(len(folded))
        known[folded] = wordlist.is_known(text, lang) or (
            any(wordlist.is_known(text, code) for code in ("en", "fr"))
            and all(OSA.distance(folded, other, score_cutoff=limit) <= limit
                    for other in spellings if other != folded))
    return known


RULE = Rule(code="transliteration", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=70,
            summary=N_("one name spelled in two romanisations in a document"),
            example="`Khrushchev` … `Khrouchtchev`",
            doc=__doc__, on_mention=check, on_document=check_document, uses=uses)
