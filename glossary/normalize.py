"""Text normalisation for termbase forms: the only place in termcheck that decides when two
spellings are "the same".

Four levels, from strict to loose:

- ``nfc``: Unicode NFC, the form every comparison starts from.
- ``match_key``: NFC + casefold + one apostrophe + one space. Two forms with the same match key are
  the same form written with other capitals or other typographic apostrophes/spaces.
- ``fold_key``: ``match_key`` without diacritics (``Sergueï`` -> ``serguei``).
- ``translit_key``: a phonetic key that maps the French and English romanisations of one name to
  one value (``Patrouchev`` / ``Patrushev`` -> ``patruSev``). It is deliberately lossy: see
  ``TRANSLIT_KNOWN_MERGES`` for distinct names that share a key.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

APOSTROPHES = "'’ʼ‘`´"
# Regular, no-break, narrow no-break, thin and other fixed-width spaces.
SPACES = " \u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000\t"

_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES})
_SPACE_RE = regex.compile(f"[{regex.escape(SPACES)}]+")

# Letters that NFD does not split into a base letter plus a combining mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
        "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th",
        "ð": "d", "Ð": "D", "ŋ": "ng",
    }
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def casefold(text: str) -> str:
    """Return the NFC casefolded ``text`` (``Nikolaï`` -> ``nikolaï``)."""
    if text.isascii():
        return text.lower()  # the same for ASCII, and cheaper
    return nfc(nfc(text).casefold())


def fold_diacritics(text: str) -> str:
    """Remove accents and other diacritics, keeping case (``Sergueï`` -> ``Serguei``)."""
    if text.isascii():
        return text  # nothing to remove, and already NFC
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL_LETTERS))
    return nfc("".join(c for c in decomposed if not unicodedata.combining(c)))


def fold_capital_accents(text: str) -> str:
    """Remove diacritics from capital letters only (``État`` -> ``Etat``): French typography
    allows both, so forms that differ only there are one form written two ways."""
    return "".join(fold_diacritics(c) if c.isupper() else c for c in text)


def has_diacritics(text: str) -> bool:
    """True when ``text`` holds a letter that ``fold_diacritics`` would change."""
    return fold_diacritics(text) != nfc(text)


def unify_punctuation(text: str) -> str:
    """One apostrophe (') and one space for all their typographic variants."""
    return _SPACE_RE.sub(" ", text.translate(_APOSTROPHE_TABLE))


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """The key under which two spellings differ only by case, apostrophe or space kind."""
    return unify_punctuation(casefold(text)).strip()


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """``match_key`` without diacritics: the key for accent-insensitive comparison."""
    return fold_diacritics(match_key(text))


# --- transliteration key -------------------------------------------------------------------------
# Rewrites applied in order to each folded lower-case word. Upper-case letters are placeholders for
# one sound whatever the romanisation (S: sh/ch/tch, X: shch/chtch, J: zh/j/dj/dzh), so a later rule
# cannot rewrite them again.
_TRANSLIT_REWRITES: tuple[tuple[str, str], ...] = (
    (r"x", "ks"),  # Alexeï / Aleksei
    (r"chtch|shch", "X"),  # Khrouchtchev / Khrushchev
    (r"dzh|dj|zh|j", "J"),  # Djokhar / Dzhokhar, Joukov / Zhukov
    (r"tch|sh|ch", "S"),  # Gorbatchev / Gorbachev, Patrouchev / Patrushev
    (r"kh", "h"),  # Mikhaïl / Mikhail (both keep kh, but Ukrainian h/kh vary)
    (r"ph", "f"),
    (r"gu(?=[eiy])", "g"),  # Sergueï / Sergei, Guerassimov / Gerasimov
    (r"^[iy]e", "e"),  # Iekaterinbourg / Yekaterinburg, Eltsine / Yeltsin
    (r"o+u", "u"),  # Poutine / Putin; Belooussov / Belousov (o+u spelled oou in French)
    (r"w", "u"),  # Sinouar / Sinwar
    (r"y", "i"),  # Dmitri / Dmitry, Zelenski / Zelensky
    (r"(?<=[^aeiou])e$", ""),  # French mute e: Poutine / Putin, Alexandre / Aleksandr
    (r"(.)\1+", r"\1"),  # Guerassimov / Gerasimov, Zelenskyy / Zelensky, Saakachvili
)
_TRANSLIT_COMPILED = tuple((regex.compile(p), r) for p, r in _TRANSLIT_REWRITES)
# Whole words that are one particle in both romanisations (ben Salmane / bin Salman).
_TRANSLIT_WORDS = {"el": "al", "ben": "bin", "ibn": "bin"}
_WORD_RE = regex.compile(r"\p{L}+")

TRANSLIT_KNOWN_MERGES: tuple[tuple[str, str], ...] = (
    # Distinct names that share a key, because ch/sh/tch all stand for one sound class: the price
    # of merging French ch (= English sh) with English ch (= French tch).
    ("Chen", "Shen"),
    ("Chou", "Shu"),
    ("Chavez", "Shavez"),
    # w and ou are one sound class (Sinouar / Sinwar).
    ("Wang", "Ouang"),
    # Doubled letters are not significant (Guerassimov / Gerasimov).
    ("Asad", "Assad"),
)


@lru_cache(maxsize=65536)
def translit_word(word: str) -> str:
    """The transliteration key of one word (letters only, any case, any diacritics)."""
    word = fold_diacritics(casefold(word))
    if word in _TRANSLIT_WORDS:
        return _TRANSLIT_WORDS[word]
    for pattern, replacement in _TRANSLIT_COMPILED:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def translit_key(text: str) -> str:
    """A key shared by the French and English romanisations of one name.

    ``translit_key("Nikolaï Patrouchev") == translit_key("Nikolai Patrushev")``. Hyphens, spaces
    and apostrophes only separate words (``Kim Jong-un`` and ``Kim Jong Un`` share a key).
    """
    return " ".join(translit_word(w) for w in _WORD_RE.findall(nfc(text)))


# --- spoofing ------------------------------------------------------------------------------------
# Cyrillic and Greek letters drawn like Latin ones (the confusables a name is spoofed with).
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "ë", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "ï", "ј": "j", "ѕ": "s", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
# Characters that show nothing: format characters (zero-width space and joiners, bidi
# controls, soft hyphen), the combining grapheme joiner, variation selectors, fillers; Unicode's
# Default_Ignorable_Code_Point property.
_INVISIBLE_RE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
_SCRIPT_RES = {name: regex.compile(rf"\p{{Script={name}}}")
               for name in ("Latin", "Cyrillic", "Greek")}
# Latin letters drawn in another style: full-width (Ｌ) and mathematical (𝐋, 𝕃) alphanumerics.
_STYLED_RE = regex.compile(r"[\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]")


def scripts(text: str) -> set[str]:
    """The scripts among Latin, Cyrillic and Greek that the letters of ``text`` belong to
    (styled Latin letters, 𝐋 or Ｌ, count as Latin)."""
    found = {name for name, pattern in _SCRIPT_RES.items() if pattern.search(text)}
    return found | {"Latin"} if _STYLED_RE.search(text) else found


def skeleton(text: str) -> str:
    """``text`` with invisible characters removed, Cyrillic/Greek look-alikes of Latin letters
    replaced by the Latin letters (``Lаvrov`` with a Cyrillic а -> ``Lavrov``) and styled
    letters by plain ones (``𝐋avrov`` -> ``Lavrov``)."""
    plain = _STYLED_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return nfc(_INVISIBLE_RE.sub("", plain).translate(_CONFUSABLES))


def has_invisible(text: str) -> bool:
    """True when ``text`` holds a zero-width, bidi or other invisible character."""
    return bool(_INVISIBLE_RE.search(text))


def has_styled(text: str) -> bool:
    """True when ``text`` holds full-width or mathematical look-alikes of Latin letters."""
    return bool(_STYLED_RE.search(text))
