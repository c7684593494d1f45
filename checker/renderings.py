"""How a translation renders the names of its source: what the pair rules (``term-mismatch``)
read beside the matcher's mentions before they call a name missing.

The matcher finds names to check their spelling, so it leaves out what it cannot judge: a name
inside a longer one (Iraq in the Islamic State of Iraq, Los Angeles in Los Angeles International
Airport), a form two entries share. A translation is judged on another question, whether the
name is there at all, so this module answers it on the target's text:

- ``FormSearch.count``: how many times a segment writes any form of an entry (any language, any
  status), or one of its adjectives or demonyms, whatever its accents, separators (Maison-Blanche,
  Maison Blanche) or elisions (d'Obama), a name of two words with its first word coordinated
  with another (central and western Asia for Central Asia); a one-word form that is also an
  ordinary word (May, Rice) only with its capital;
- ``namesake``: whether a source mention names someone or something else than its entry (Ryan
  Morrison, the Old Bailey, in May, la Hollande, the Democratic Movement of Mozambique);
- ``pronoun``: the span of a pronoun that may stand for an entry of that type.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from glossary.model import Entry, EntryType
from glossary.normalize import casefold

from .document import Document
from .matcher import CALENDAR, COURTESY_TITLES, Mention
from .words import is_common

_SEPARATOR = r"[\s\u00a0\u202f\u2011-]+"
_APOSTROPHE = r"['’]"
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}][\p{L}\p{M}'’.-]*)[ \u00a0]+$")
# Words before a surname that make it a common noun or another thing: the country (la
# Hollande), the month (in May is matched as a month by ``CALENDAR``).
_DETERMINERS = frozenset({"la", "le", "les", "the", "a", "an", "un", "une"})
_ARTICLE = regex.compile(r"^(?:Le|La|Les|L['’]) ?(?=\p{Lu})")
_OF_NAME = regex.compile(r"[ \u00a0]+(?:of|de|du|des|d['’])[ \u00a0]*\p{Lu}")
_PRONOUNS = {
    ("fr", True): frozenset({"il", "elle", "lui", "son", "sa", "ses", "celui-ci", "celle-ci"}),
    ("en", True): frozenset({"he", "she", "him", "her", "his", "hers"}),
    ("fr", False): frozenset({"il", "elle", "ils", "elles", "son", "sa", "ses", "leur",
                              "leurs", "y"}),
    ("en", False): frozenset({"it", "its", "they", "them", "their"}),
}
_PRONOUN_WORD = regex.compile(r"(?<![\p{L}\p{M}'’-])[\p{L}]+(?:-ci)?(?![\p{L}\p{M}])")


def unaccented(text: str) -> str:
    """``text`` with each letter's accents dropped, one character for one (offsets kept)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text)


class FormSearch:
    """Counts, in a segment's text, the forms of an entry the matcher may not have kept."""

    def count(self, entry: Entry, text: str, lang: str, derived: bool = True) -> int:
        """How many times ``text`` writes a form of ``entry``, or (``derived``) one of its
        adjectives or demonyms outside a hyphenated compound (sud-américain is not the United
        States)."""
        free, cased, words = _texts(entry, lang)
        pattern = _pattern(free, cased, words if derived else ())
        return len(pattern.findall(unaccented(text))) if pattern is not None else 0


def _texts(entry: Entry, lang: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(forms matched whatever their case, forms matched with their capitals, adjectives and
    demonyms): every form of every language (a kept English form is the ``wrong-language``
    rule's); one-word forms that are ordinary words of ``lang`` keep their capitals."""
    free: set[str] = set()
    cased: set[str] = set()
    for form in entry.forms():
        text = unaccented(form.text)
        # Le Caire after a preposition is du Caire, au Caire: the name without its article.
        bare = _ARTICLE.sub("", text)
        for written in {text, bare}:
            if " " not in written and "-" not in written and is_common(written, lang):
                cased.add(written)
            else:
                free.add(written)
    words = {unaccented(word.text) for word in entry.derived()}
    if entry.type is EntryType.PLACE:
        # A place's one-word name in lower case is its adjective (suisse) or a capital the
        # capitalization rule reports; either way the place is named.
        words.update(text.lower() for text in cased)
    return tuple(sorted(free)), tuple(sorted(cased)), tuple(sorted(words))


@lru_cache(maxsize=4096)
def _pattern(free: tuple[str, ...], cased: tuple[str, ...],
             derived: tuple[str, ...]) -> regex.Pattern[str] | None:
    def alternation(texts: tuple[str, ...]) -> str:
        # The longest first: United States before United.
        return "|".join(_form_pattern(t) for t in sorted(texts, key=len, reverse=True))

    parts = []
    if free:
        parts.append(f"(?i:{alternation(free)})")
    if cased:
        parts.append(f"(?-i:{alternation(cased)})")
    if derived:
        parts.append(f"(?<![-\u2011])(?i:{alternation(derived)})")
    if not parts:
        return None
    return regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(parts)
                         + r")(?![\p{L}\p{M}\p{N}])")


# Between the two words of a name, another word coordinated with the first: Central Asia in
# "central and western Asia", Amérique du Nord in "Amérique du Nord et du Sud" needs none.
_COORDINATED = r"(?:" + _SEPARATOR + r"(?:and|or)" + _SEPARATOR + r"[\p{L}\p{M}]+)?"


def _form_pattern(text: str) -> str:
    words = [w for w in regex.split(r"[ \u00a0-]+", text) if w]
    escaped = [regex.escape(w).replace("'", _APOSTROPHE).replace("’", _APOSTROPHE)
               for w in words]
    if len(escaped) == 2 and " " in text:  # two words: one may be coordinated with another
        return escaped[0] + _COORDINATED + _SEPARATOR + escaped[1]
    return _SEPARATOR.join(escaped)


def namesake(doc: Document, mention: Mention, title_ends: set[int]) -> bool:
    """Whether a mention of an organisation is the start of a longer name (the Democratic
    Movement of Mozambique), or a mention of a person by one word names someone else: a
    capitalised word before it that is no title (Ryan Morrison, Charlie Francis, the Old
    Bailey), a determiner
    (la Hollande: the country), or a month's name (in May, 27 May). ``title_ends``: where the
    segment's title mentions end (President Obama stays Obama)."""
    if mention.entry.type is EntryType.ORGANIZATION:
        # The Democratic Movement of Mozambique is not the Democratic Movement.
        return _OF_NAME.match(doc.text, mention.end) is not None
    if mention.entry.type is not EntryType.PERSON or len(mention.words) != 1:
        return False
    before = _WORD_BEFORE.search(doc.text, max(0, mention.start - 40), mention.start)
    word = before.group(1) if before else ""
    folded = casefold(word.rstrip("."))
    if folded in COURTESY_TITLES or (before is not None and before.end(1) in title_ends):
        return False
    if casefold(mention.text) in CALENDAR:
        return True
    if folded in _DETERMINERS:
        return True
    if not word[:1].isupper() or doc.is_headline(mention.start) or doc.is_title_case(
            mention.start):
        return False
    own = {casefold(w) for form in mention.entry.forms() for w in regex.split(r"[ -]+", form.text)}
    if folded in own:
        return False
    segment = doc.segment_of(mention.start)
    sentence_start = before is not None and _sentence_start(doc.text, before.start(1),
                                                            segment.start if segment else 0)
    # An ordinary word opening a sentence (When Morrison…) has its capital from its place.
    return not (sentence_start and is_common(word, mention.form.lang))


def _sentence_start(text: str, offset: int, floor: int) -> bool:
    stripped = text[floor:offset].rstrip(" \u00a0\"'«“‘(")
    return not stripped or stripped.endswith((".", "!", "?", ":", "—", "–"))


def pronoun(text: str, start: int, end: int, lang: str, person: bool,
            source: str | None = None, source_lang: str | None = None
            ) -> tuple[int, int] | None:
    """The span of the first pronoun of ``text[start:end]`` that may stand for a person
    (``person``) or for a place or an organisation, in ``lang``; None without one. Given the
    ``source`` text and its language, only when the target has more such pronouns than the
    source: a pronoun that renders one of the source's own (his report, son rapport) stands
    for nothing the source names."""
    spans = _pronoun_spans(text, start, end, lang, person)
    if not spans:
        return None
    if source is not None and source_lang is not None and len(spans) <= len(
            _pronoun_spans(source, 0, len(source), source_lang, person)):
        return None
    return spans[0]


def _pronoun_spans(text: str, start: int, end: int, lang: str,
                   person: bool) -> list[tuple[int, int]]:
    words = _PRONOUNS.get((lang, person))
    if not words:
        return []
    return [match.span() for match in _PRONOUN_WORD.finditer(text, start, end)
            if casefold(match.group()) in words]
