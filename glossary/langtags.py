"""Language tags as termbases, configurations and drafts write them: ``fr``, ``fr-CA``, ``fr_BE``,
``EN-us``, ``zh-Hant-TW``. A tag stands for a language (its first subtag) and, where it names one,
a region (a two-letter or three-digit subtag, BCP 47 section 2.2.4); tags are not case
sensitive (section 2.1.1) and CAT tools write ``_`` for ``-``.

The language is what the termbase's forms are filed under (``fr``); the region selects a house
style (``glossary.profiles``). Used by the termbase loader and, through it, by the checker.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# ISO 639-1 codes. Three-letter codes (ISO 639-3) are allowed too: too many to list.
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
    "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
    "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
TAG_RE = regex.compile(r"^(?P<base>[A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_REGION = regex.compile(r"^(?:[A-Za-z]{2}|[0-9]{3})$")


@dataclass(frozen=True)
class LanguageTag:
    """A language (lower case, ``fr``) and a region (upper case, ``CA``) or None."""

    language: str
    region: str | None = None

    def __str__(self) -> str:
        return f"{self.language}-{self.region}" if self.region else self.language


def split_tag(text: str) -> LanguageTag | None:
    """The language and region of a tag (``fr_ca`` -> fr, CA), or None when ``text`` is not
    written as a language tag. Whether the language exists is ``known_language``'s question."""
    text = text.strip()
    if not TAG_RE.match(text):
        return None
    base, *subtags = regex.split(r"[-_]", text)
    # A region follows the language, or its script (zh-Hant-TW); later subtags are variants.
    region = next((s.upper() for s in subtags[:2] if _REGION.match(s)), None)
    return LanguageTag(base.lower(), region)


def known_language(code: str) -> bool:
    """True for an ISO 639-1 code, or a three-letter code (ISO 639-3 has thousands)."""
    return code in ISO_639_1 or len(code) == 3


def tag_problem(text: str) -> str | None:
    """Why ``text`` is no usable language tag (in words a user can act on), or None."""
    tag = split_tag(text)
    if tag is None:
        return f"'{text}' is not a language tag (write e.g. 'fr', 'en', 'fr-CA')"
    if not known_language(tag.language):
        return (f"'{text}' names no language: '{tag.language}' is not an ISO 639 language "
                f"code (write e.g. 'fr', 'en', 'fr-CA')")
    return None


# Language and region names as spreadsheets and CAT tools write them in column headers
# (``English``, ``French (Canada)``, ``Français``): the languages news desks translate between
# most, in English, French and their own name. A name not here is left for the user to write as
# a code, which the message asks for.
_LANGUAGE_NAMES = {
    "en": "english anglais", "fr": "french français francais", "de": "german allemand deutsch",
    "es": "spanish espagnol español espanol", "it": "italian italien italiano",
    "pt": "portuguese portugais português portugues", "nl": "dutch néerlandais nederlands",
    "ru": "russian russe русский", "uk": "ukrainian ukrainien українська",
    "pl": "polish polonais polski", "ar": "arabic arabe", "zh": "chinese chinois 中文",
    "ja": "japanese japonais 日本語", "ko": "korean coréen", "tr": "turkish turc türkçe",
    "el": "greek grec", "sv": "swedish suédois svenska", "da": "danish danois dansk",
    "nb": "norwegian norvégien norsk", "fi": "finnish finnois suomi", "cs": "czech tchèque",
    "ro": "romanian roumain română", "hu": "hungarian hongrois magyar", "he": "hebrew hébreu",
    "ca": "catalan català", "fa": "persian persan farsi", "hi": "hindi",
}
_NAME_TO_LANGUAGE = {name: code for code, names in _LANGUAGE_NAMES.items()
                     for name in names.split()}
_REGION_NAMES = {
    "canada": "CA", "france": "FR", "belgium": "BE", "belgique": "BE", "switzerland": "CH",
    "suisse": "CH", "luxembourg": "LU", "united states": "US", "états-unis": "US", "us": "US",
    "usa": "US", "united kingdom": "GB", "royaume-uni": "GB", "uk": "GB", "great britain": "GB",
    "ireland": "IE", "australia": "AU", "new zealand": "NZ", "india": "IN", "brazil": "BR",
    "brésil": "BR", "portugal": "PT", "spain": "ES", "mexico": "MX", "germany": "DE",
    "austria": "AT", "quebec": "CA", "québec": "CA",
}
_NAMED_TAG = regex.compile(r"^\s*(?P<language>[^\W\d_]+)\s*(?:\((?P<region>[^()]+)\))?\s*$")


def tag_of_name(text: str) -> str | None:
    """The language tag a header names in words: ``English`` -> ``en``, ``French (Canada)`` ->
    ``fr-CA``, ``Français`` -> ``fr``; None when it names no language listed here."""
    found = _NAMED_TAG.match(text)
    if found is None:
        return None
    language = _NAME_TO_LANGUAGE.get(found["language"].lower())
    if language is None:
        return None
    region = found["region"]
    if region is None:
        return language
    region = region.strip()
    code = _REGION_NAMES.get(region.lower()) or (region.upper() if _REGION.match(region) else None)
    return f"{language}-{code}" if code else None
