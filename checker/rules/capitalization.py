"""capitalization: a known form written with wrong capitals.

What it flags:
    For names (people, places, organisations; `case: name`), any word whose capitals differ from
    the termbase form: `jake Sullivan`, `Emmanuel macron`; but not, unless a house style is
    chosen, the capital of the Arabic article, which houses write either way (`Bachar Al-Assad`,
    `Bachar al-Assad`). A name all in lower case counts when it is no ordinary word (`pékin`,
    `otan`, `russie`: a country name the French word list holds only from its dictionary), when
    only its first word lost its capital (`états-Unis`, `corée du Nord`), or, for ordinary words
    (`nations unies`), where the document names the entry with its capitals and no indefinite
    article makes it prose (`une banque mondiale`, `une organisation des Nations unies`); a
    frequent word (`nice`) only after a preposition of place too (`in nice`); never a group's
    plural name after a plural noun, a French adjective (`les rebelles houthis`), nor the
    second syllable of a hyphenated given name (`Chang San-cheng` is no Cheng). For titles
    and other terms (`case: exact`), only capitals where the form has lower case, after the
    first word: `ministre des Affaires
    Étrangères`; so generic lower-case prose (`ministre des affaires étrangères`) is not
    flagged, nor, in English, a title in title case before a name (`Foreign Minister Sergei
    Lavrov`, `Chief of the General Staff Valery Gerasimov`) or with its head capitalised there
    (`transitional President Mahamat Deby`), nor, in French, a title that ends with the first
    words of an institution's name going on after it (`gouverneur de la Banque centrale des
    États de l'Afrique de l'Ouest`).
    In French, a title or function capitalised inside a sentence, as French newsrooms (Le
    Monde, AFP, the Imprimerie nationale's Lexique) do not write them: `le Président Emmanuel
    Macron`, `le Ministre des Affaires étrangères`, `la Reine Elizabeth` (a warning: which
    titles a house capitalises is its style). Not `le Président de la République`, which French
    usage capitalises, nor a title the termbase writes with a capital (`Premier ministre`), nor
    one inside a longer name (`Société Générale`).
    Under a house style that capitalises titles before a name only (AP, the en-US profile): a
    title in capitals with no name after it (`the Secretary of State said`) and a title in
    lower case directly before a known person's name (`foreign minister Sergei Lavrov`), both
    warnings; not in a headline in title case. Capitals a house style writes inside names
    (`Nations Unies`, Canadian usage) are the house-style rule's, never an error here.
    Never flagged: a capital at the start of a sentence, a headline in capitals, a word written
    wholly in capitals, words somewhat frequent in lower case (`chevron`, `bénin`), another
    language's form in lower case (`taliban` in French), particles alone (`la Haye`).
Why it matters:
    A miscapitalised name looks like a typo to every reader and is one.
Example:
    jake Sullivan; la visite à pékin; les états-Unis; le Président Emmanuel Macron (French)
Use instead:
    Jake Sullivan; la visite à Pékin; les États-Unis; le président Emmanuel Macron
Fix safety:
    Safe: the replacement is the same form of the termbase, with its capitals. For a French
    title capitalised inside a sentence the fix (the same word in lower case) is unsafe: which
    titles take a capital is a house's choice, so `--fix` applies it only with
    `--unsafe-fixes`; so for the AP title findings.
"""

from __future__ import annotations

import re

import regex

from glossary import CasePolicy, EntryType
from glossary.normalize import casefold, nfc

from ..findings import Finding, Severity
from ..i18n import N_, _
from ..matcher import FRENCH_TITLES, MatchKind, Mention
from . import house_style
from .base import Context, FixSafety, Rule, Stage, article_case_only, fit_case


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


def _exact_case_wrong(mention: Mention, lang: str, sentence_start: bool) -> bool:
    words = mention.words
    if lang == "en" and _title_case(mention):
        return False
    for j, (word, form_word) in enumerate(zip(words, mention.pattern.words, strict=True)):
        # French writes a title in lower case inside a sentence (le ministre des Affaires
        # étrangères); English capitalises one before a name (Foreign Minister Lavrov).
        first = 1 if j == 0 and (lang != "fr" or sentence_start) else 0
        for mine, theirs in zip(word.text[first:], form_word[first:], strict=False):
            if mine.isupper() and theirs.islower():
                return True
    return False


# After a title: the rest of an institution's name whose first words end the title
# (gouverneur de la Banque centrale des États de l'Afrique de l'Ouest); a name after an
# English title is ``_NAME_AFTER``'s (below).
# The last word of an institution's name that opens an English title (Foreign Ministry
# spokesperson, State Department official).
_EN_INSTITUTIONS = frozenset({"ministry", "department", "office", "council", "commission",
                              "agency", "bank", "court", "parliament", "assembly", "senate"})
# Institutions a French title may end with, whose first word a house capitalises when it
# means one of them (gouverneur de la Banque centrale, président du Conseil, directeur de
# l'Agence): not a rank (général de brigade) or a period (président de la transition).
_INSTITUTIONS = frozenset({
    "agence", "assemblée", "autorité", "banque", "bureau", "chambre", "commission", "comité",
    "conseil", "cour", "fonds", "office", "organisation", "parlement", "sénat", "tribunal"})
_NAME_GOES_ON = regex.compile(
    r"[ \u00a0]+(?:des|du|de[ \u00a0]+la|de[ \u00a0]+l['’]|de|d['’])[ \u00a0]*\p{Lu}")


def _capitals_of_what_follows(mention: Mention, ctx: Context) -> bool:
    """Whether a title's capitals where its form has none belong to what follows it. In
    English, the head of a title before a name (Chad's transitional President Mahamat Idriss
    Deby, as AP writes it: the modifier in lower case); in French, the first words of an
    institution's name that ends the title and goes on after it (gouverneur de la Banque
    centrale des États de l'Afrique de l'Ouest)."""
    text = ctx.doc.text
    capitals = [w.text[:1].isupper() and not f[:1].isupper()
                for w, f in zip(mention.words, mention.pattern.words, strict=True)]
    if True not in capitals:
        return False
    first = capitals.index(True)
    if ctx.lang == "en":
        # Capitals from one word to the title's end (its short words aside), a name after.
        if (all(w.text[:1].isupper() or len(w.text) < 4 for w in mention.words[first:])
                and _NAME_AFTER.match(text, mention.end) is not None):
            return True
        # The capitals of an institution's name that opens the title (Foreign Ministry
        # spokesperson: that ministry's name, as AP writes it), the title's head after it.
        last = len(capitals) - 1 - capitals[::-1].index(True)
        return (first == 0 and all(capitals[:last + 1]) and last < len(capitals) - 1
                and casefold(mention.words[last].text) in _EN_INSTITUTIONS)
    # French capitalises an institution's first word only (Banque centrale): a capital there
    # names one institution (an ancien gouverneur de la Banque centrale, Canada's), which
    # houses write either way.
    if first == 0:
        return False
    if _NAME_GOES_ON.match(text, mention.end) is not None:
        return True
    return (True not in capitals[first + 1:]
            and casefold(mention.words[first].text) in _INSTITUTIONS)


def check(mention: Mention, ctx: Context):
    if mention.form.lang != ctx.lang or mention.mixed or mention.spacing:
        return None
    before_name = (ctx.profile is not None and ctx.profile.titles == "before-name"
                   and mention.entry.type is EntryType.TITLE
                   and ctx.lang == ctx.profile.language)
    # Only capitals differing from the form's (or a title under AP) can be flagged: nearly every
    # mention is exact, and is let go before the headline test.
    if not before_name and mention.kind is not MatchKind.CASE:
        return None
    if ctx.headline(mention.start):
        return None
    if before_name:
        return _before_name(mention, ctx)
    if house_style.writers(mention, ctx):
        return None  # capitals a house style writes so (Nations Unies): house-style's
    sentence_start = ctx.sentence_start(mention.start)
    if mention.entry.case is CasePolicy.EXACT:
        wrong = (_exact_case_wrong(mention, ctx.lang, sentence_start)
                 and not _capitals_of_what_follows(mention, ctx))
    else:
        wrong = _name_case_wrong(mention, sentence_start)
    if not wrong or (ctx.profile is None  # under a house style, the termbase's capital
                     and article_case_only(nfc(mention.text), nfc(mention.form.text))):
        return None
    expected = fit_case(mention.form.text, mention.text, sentence_start)
    if expected == nfc(mention.text):
        return None
    if mention.entry.type is EntryType.TITLE and ctx.lang == "fr" and _only_first_capital(
            mention, expected):
        if ctx.profile is not None and ctx.profile.titles == "free":
            return None
        return RULE.finding(mention.start, mention.end, mention.text, _title_message(
            mention.text, expected), expected=expected, entry=mention.entry.id, lang=ctx.lang,
            severity=Severity.WARNING, safe=False)
    return RULE.on(mention, ctx, _("'{text}' has wrong capitals; write '{expected}'").format(
        text=mention.text, expected=expected), expected)


# Short words a title in title case keeps in lower case (Secretary of State).
_MINOR = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})
_NAME_NEXT = regex.compile(r"[ \u00a0]+(?=\p{Lu}\p{Ll})")


def title_cased(form: str) -> str:
    """A title as AP writes it before a name: foreign minister -> Foreign Minister, secretary
    of state -> Secretary of State, secretary-general -> Secretary-General."""
    words = regex.split(r"([ \u00a0-]+)", form)
    return "".join(w if i % 2 or (i and w in _MINOR) else w[:1].upper() + w[1:]
                   for i, w in enumerate(words))


def _before_name(mention: Mention, ctx: Context) -> Finding | None:
    """AP (titles: before-name): a formal title is capitalised before a name (Foreign Minister
    Sergei Lavrov) and in lower case elsewhere (the foreign minister said)."""
    if (ctx.profile is None  # (called under a profile only)
            or mention.kind > MatchKind.CASE or ctx.doc.is_title_case(mention.start)):
        return None
    text = nfc(mention.text)
    sentence_start = ctx.sentence_start(mention.start)
    gap = _NAME_NEXT.match(ctx.doc.text, mention.end)
    capitalised = title_cased(mention.form.text)
    if gap is not None:
        # Before a known person's name, the title takes its capitals.
        person = any(m.start == gap.end() and m.entry.type is EntryType.PERSON
                     for m in ctx.checked_mentions)
        if not person or text == capitalised:
            return None
        return RULE.finding(mention.start, mention.end, mention.text, (
            _("'{text}' stands before a name: {style} capitalises a formal title there; "
              "write '{expected}'").format(text=text, style=ctx.profile.name,
                                           expected=capitalised)),
            expected=capitalised, entry=mention.entry.id,
            lang=ctx.lang, severity=Severity.WARNING, safe=False)
    expected = fit_case(mention.form.text, mention.text, sentence_start)
    if text == expected or text == mention.form.text:
        return None
    if mention.form.text != mention.form.text.lower():
        return None  # a title the termbase capitalises (a name of an office)
    return RULE.finding(mention.start, mention.end, mention.text, (
        _("'{text}' is a title without a name after it: {style} writes it in lower case; "
          "write '{expected}'").format(text=text, style=ctx.profile.name, expected=expected)),
        expected=expected, entry=mention.entry.id, lang=ctx.lang,
        severity=Severity.WARNING, safe=False)


def _only_first_capital(mention: Mention, expected: str) -> bool:
    text = nfc(mention.text)
    return text[1:] == expected[1:] and text[:1] != expected[:1]


def _title_message(text: str, expected: str) -> str:
    return _("'{text}' is a title: French newsroom style writes titles and functions in lower "
             "case inside a sentence; write '{expected}'").format(text=text, expected=expected)


# French titles and functions that newsroom style writes in lower case inside a sentence (the
# termbase's titles, with their capitals, are checked as mentions above).
_TITLES = FRENCH_TITLES
# Titles of a reigning monarch or a pope, which Belgian and Canadian usage capitalises alone (le
# procureur du Roi): flagged before a name only (la Reine Elizabeth).
_MONARCHS = frozenset({"roi", "reine", "prince", "princesse", "pape"})
_TITLE_WORDS = "|".join(t[:1].upper() + t[1:] for t in sorted(_TITLES, key=len, reverse=True))
_TITLE_RE = regex.compile(r"(?<![\p{L}\p{M}'’-])(" + _TITLE_WORDS + r")(?![\p{L}\p{M}-])")
# Where _TITLE_RE may match: its titles alone, without the look-arounds, which the standard
# library's engine finds three times faster than regex finds _TITLE_RE (a literal-led search).
# Every match of _TITLE_RE starts where one of these does: a title holds only letters and
# hyphens, and _TITLE_RE needs neither before a match, so no match starts inside a candidate.
_TITLE_CANDIDATE = re.compile(_TITLE_WORDS)
# What stands before a title used as a common noun: an article, a determiner, an adjective of
# time (l'ancien Président, le futur Président).
_BEFORE_TITLE = frozenset({
    "le", "la", "l", "les", "du", "au", "aux", "des", "un", "une", "ce", "cet", "cette", "son",
    "sa", "ses", "leur", "leurs", "notre", "votre", "nouveau", "nouvelle", "ancien", "ancienne",
    "futur", "future", "actuel", "actuelle", "premier", "première", "vice"})
# Titles French usage capitalises: le Président de la République.
_CAPITALISED = regex.compile(r"[ \u00a0]+de[ \u00a0]+la[ \u00a0]+République\b")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)['’ \u00a0]*$")
# Addressing someone: Monsieur le Président, Madame la Ministre (capitalised in French).
_ADDRESS = regex.compile(r"\b(?:M|Mme|Mmes|MM|Monsieur|Madame|Messieurs|Mesdames)\.?[ \u00a0]+"
                         r"(?:le|la|les)[ \u00a0]+$")
_NAME_AFTER = regex.compile(r"[ \u00a0]+\p{Lu}")


def check_titles(ctx: Context) -> list[Finding]:
    """French: a title capitalised inside a sentence after an article (le Président Macron);
    not under a house style whose titles follow another rule."""
    if ctx.lang != "fr" or (ctx.profile is not None and ctx.profile.titles != "lower"):
        return []
    text = ctx.doc.text
    mentions: list[tuple[int, int]] | None = None  # the spans of mentions, once asked
    findings = []
    for segment in ctx.checked_segments:
        for candidate in _TITLE_CANDIDATE.finditer(text, segment.start, segment.end):
            match = _TITLE_RE.match(text, candidate.start(), segment.end)
            if match is None:
                continue
            start, end = match.span()
            before = _WORD_BEFORE.search(text, max(segment.start, start - 40), start)
            if before is None or before.group(1).casefold() not in _BEFORE_TITLE:
                continue
            if before.group(1)[:1].isupper() and not ctx.sentence_start(before.start(1)):
                continue  # a particle of a name: Bruno Le Maire, Jean-Marie Le Pen
            word = match.group(1)
            if (_CAPITALISED.match(text, end) or ctx.headline(start)
                    or _ADDRESS.search(text, max(segment.start, start - 20), start)
                    or (word.casefold() in _MONARCHS and not _NAME_AFTER.match(text, end))):
                continue
            if mentions is None:
                mentions = [(m.start, m.end) for m in ctx.checked_mentions]
            if any(s <= start < e for s, e in mentions):
                continue
            expected = word[:1].lower() + word[1:]
            findings.append(RULE.finding(start, end, word, _title_message(word, expected),
                                         expected=expected, lang=ctx.lang,
                                         severity=Severity.WARNING, safe=False))
    return findings


RULE = Rule(code="capitalization", severity=Severity.ERROR, fix_safety=FixSafety.SAFE,
            stage=Stage.DRAFT, priority=60,
            summary=N_("a known form written with wrong capitals"),
            example="`jake Sullivan` → `Jake Sullivan`",
            fix_note="unsafe for a title capitalised inside a sentence",
            doc=__doc__, on_mention=check, on_document=check_titles)
