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
# Each rewrite comes with the strings one of which a word must hold for its pattern to match at
# all: most words hold none, and an ``in`` test costs a twentieth of a ``sub`` that finds nothing
# (a key is made for every distinct word of a draft).
_TRANSLIT_REWRITES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"x", "ks", ("x",)),  # Alexeï / Aleksei
    (r"chtch|shch", "X", ("ch",)),  # Khrouchtchev / Khrushchev
    (r"dzh|dj|zh|j", "J", ("j", "zh")),  # Djokhar / Dzhokhar, Joukov / Zhukov
    (r"tch|sh|ch", "S", ("h",)),  # Gorbatchev / Gorbachev, Patrouchev / Patrushev
    (r"kh", "h", ("kh",)),  # Mikhaïl / Mikhail (both keep kh, but Ukrainian h/kh vary)
    (r"ph", "f", ("ph",)),
    (r"gu(?=[eiy])", "g", ("gu",)),  # Sergueï / Sergei, Guerassimov / Gerasimov
    (r"^[iy]e", "e", ("ie", "ye")),  # Iekaterinbourg / Yekaterinburg, Eltsine / Yeltsin
    (r"o+u", "u", ("ou",)),  # Poutine / Putin; Belooussov / Belousov (o+u spelled oou in French)
    (r"w", "u", ("w",)),  # Sinouar / Sinwar
    (r"y", "i", ("y",)),  # Dmitri / Dmitry, Zelenski / Zelensky
    (r"(?<=[^aeiou])e$", "", ("e",)),  # French mute e: Poutine / Putin, Alexandre / Aleksandr
    (r"(.)\1+", r"\1", ("",)),  # Guerassimov / Gerasimov, Zelenskyy / Zelensky, Saakachvili
)
_TRANSLIT_COMPILED = tuple((regex.compile(p), r, needs)
                           for p, r, needs in _TRANSLIT_REWRITES)
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
    for pattern, replacement, needs in _TRANSLIT_COMPILED:
        for needed in needs:
            if needed in word:
                word = pattern.sub(replacement, word)
                break
    return word


@lru_cache(maxsize=65536)
def translit_key(text: str) -> str:
    """A key shared by the French and English romanisations of one name.

    ``translit_key("Nikolaï Patrouchev") == translit_key("Nikolai Patrushev")``. Hyphens, spaces
    and apostrophes only separate words (``Kim Jong-un`` and ``Kim Jong Un`` share a key).
    """
    return " ".join(translit_word(w) for w in _WORD_RE.findall(nfc(text)))


def clear_memos() -> None:
    """Empty the memos of the keys above. A draft's words repeat, and the memos serve them;
    compiling a large termbase fills them with its last 65,536 forms, of no use to a draft,
    which hold some 40 MB: the index build empties them when it is done."""
    for memo in (match_key, fold_key, translit_word, translit_key):
        memo.cache_clear()


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
    # Look-alikes of the Latin letters the table above had none for, so that a name such as
    # Macron could be written wholly in Cyrillic (Масгоп) and pass: from Unicode's confusables
    # (UTS #39), the letters drawn like Latin ones in common fonts.
    "г": "r", "п": "n", "ӏ": "l", "Ӏ": "I", "ѵ": "v", "Ѵ": "V", "ү": "y", "Ү": "Y", "ь": "b",
    "Ԛ": "Q", "Ԝ": "W", "Ԍ": "G", "ϲ": "c", "Ϲ": "C", "ϳ": "j", "γ": "y", "η": "n", "ω": "w",
})
# Characters that show nothing: format characters (zero-width space and joiners, bidi
# controls, soft hyphen), the combining grapheme joiner, variation selectors, fillers (Unicode's
# Default_Ignorable_Code_Point property), and the C0 and C1 control characters (escape, delete…)
# but those that end a line or space words (tab, line feed, vertical tab, form feed, carriage
# return, next line), which a terminal obeys or an editor shows as nothing.
CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_INVISIBLE_RE = regex.compile(rf"[\p{{Default_Ignorable_Code_Point}}{CONTROLS}]")
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
    """True when ``text`` holds a zero-width, bidi, control or other invisible character."""
    return bool(_INVISIBLE_RE.search(text))


def remove_invisible(text: str) -> str:
    """``text`` without its invisible characters (those of ``has_invisible``)."""
    return _INVISIBLE_RE.sub("", text)


# --- bidirectional text -------------------------------------------------------------------------
# Embeddings, overrides and isolates: what makes letters show in another order than they are
# stored (the "Trojan Source" trick: Mac<RLO>nor<PDF> is stored Macnor and shows Macron).
_LRE, _RLE, _PDF, _LRO, _RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
_LRI, _RLI, _FSI, _PDI = "\u2066", "\u2067", "\u2068", "\u2069"
REORDERING_CONTROLS = _LRE + _RLE + _PDF + _LRO + _RLO + _LRI + _RLI + _FSI + _PDI
_OPENERS = {_LRE: (False, None, False), _RLE: (True, None, False), _LRO: (False, "L", False),
            _RLO: (True, "R", False), _LRI: (False, None, True), _RLI: (True, None, True),
            _FSI: (False, None, True)}  # (right to left, override, isolate)
_MAX_DEPTH = 125  # the Unicode Bidirectional Algorithm's max_depth (UAX #9, BD2)


def has_reordering_controls(text: str) -> bool:
    """True when ``text`` holds a bidi embedding, override or isolate (or their ends)."""
    return any(c in REORDERING_CONTROLS for c in text)


def visual_order(text: str) -> str:
    """The characters of ``text`` in the order a reader sees them, left to right, in a
    left-to-right paragraph (French, English): the Unicode Bidirectional Algorithm (UAX #9)
    for one word, that is its explicit levels (X1–X10, the controls themselves removed), the
    implicit levels of strong letters and marks (W1, I1–I2) and the reversal of runs (L2).
    Neutrals between words are not a word's business and are kept in place; a first-strong
    isolate is taken as left to right, as Latin letters make it. Invisible characters are
    dropped."""
    stack: list[tuple[int, str | None, bool]] = [(0, None, False)]  # level, override, isolate
    overflow = 0
    chars: list[str] = []
    levels: list[int] = []
    previous = "L"  # the type a mark takes (W1): that of the character before it, or sos
    for char in text:
        opener = _OPENERS.get(char)
        if opener is not None:
            rtl, override, isolate = opener
            level = stack[-1][0]
            level = (level + 1) | 1 if rtl else (level + 2) & ~1
            if level <= _MAX_DEPTH and not overflow:
                stack.append((level, override, isolate))
            else:
                overflow += 1
            continue
        if char == _PDF:
            if overflow:
                overflow -= 1
            elif len(stack) > 1 and not stack[-1][2]:
                stack.pop()
            continue
        if char == _PDI:
            overflow = 0
            if any(entry[2] for entry in stack):
                while not stack.pop()[2]:
                    pass
            continue
        if _INVISIBLE_RE.match(char):
            continue
        level, override, _ = stack[-1]
        kind = unicodedata.bidirectional(char)
        if kind == "NSM":
            kind = previous
        if override is not None:
            kind = override
        previous = kind
        if level % 2 == 0:
            level += 1 if kind in ("R", "AL") else 2 if kind in ("EN", "AN") else 0
        elif kind in ("L", "EN", "AN"):
            level += 1
        chars.append(char)
        levels.append(level)
    if not levels:
        return ""
    lowest_odd = min(level for level in levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(chars):
            if levels[i] < level:
                i += 1
                continue
            j = i
            while j < len(chars) and levels[j] >= level:
                j += 1
            chars[i:j] = chars[i:j][::-1]
            levels[i:j] = levels[i:j][::-1]
            i = j
    return "".join(chars)


def has_styled(text: str) -> bool:
    """True when ``text`` holds full-width or mathematical look-alikes of Latin letters."""
    return bool(_STYLED_RE.search(text))
