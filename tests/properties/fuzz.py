"""Strategies for the property tests: drafts built from the real forms of the default termbase
(as written, miswritten, spoofed) mixed with hostile Unicode, so that the rules fire on random
text, and random valid termbases.

Everything here is shared by the modules of ``tests/properties``; the checker over the default
termbase is built once per process (``default_checker``), never per example.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from hypothesis import strategies as st

from checker.engine import Checker, CheckOptions
from glossary import load_termbase
from glossary.normalize import fold_diacritics

# --- pieces of hostile Unicode -----------------------------------------------------------------
COMBINING = ["\u0301", "\u0300", "\u0308", "\u0327", "\u0302", "\u030c", "\u0323", "\u034f"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
        "\u2067", "\u2068", "\u2069", "\u061c"]
SPACES = ["\u00a0", "\u202f", "\u2009", "\u3000", "\t"]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0c", "\x0b"]
RTL = ["שלום", "مرحبا", "بوتين", "לברוב", "ـ"]
EMOJI = ["👍", "👨\u200d👩\u200d👧", "🇫🇷", "👋🏽", "❤\ufe0f", "🏳\ufe0f\u200d🌈", "𝐋𝐚𝐯𝐫𝐨𝐯"]
CONFUSABLES = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "y": "у",
               "i": "і", "A": "А", "E": "Е", "O": "О", "C": "С", "P": "Р", "K": "К",
               "M": "М", "T": "Т", "H": "Н", "B": "В"}
GREEK = {"o": "ο", "a": "α", "i": "ι", "O": "Ο", "A": "Α", "E": "Ε", "K": "Κ", "T": "Τ"}
MARKUP = ["# ", "## ", "* ", "- ", "1. ", "> ", "`", "``", "```\n", "~~~\n", "**", "_",
          "<!-- ", " -->", "<b>", "</b>", "<br/>", "&amp;", "&#233;", "[", "](", ")",
          "](http://example.org/Lavrov)", "<http://example.org>", "https://example.org/Poutine",
          "| a | b |\n|---|---|\n", "---\n", "+++\n", "\\", "    ", "![", "[^1]", "<", ">"]
DIRECTIVES = ["<!-- termcheck: ignore -->", "<!-- termcheck: ignore[typo,capitalization] -->",
              "termcheck: off", "termcheck: on", "# termcheck: ignore[mixed-script]",
              "termcheck: ignore[]"]
FILLER = ["le", "la", "les", "de", "des", "et", "a", "à", "rencontré", "président", "ministre",
          "M.", "Mme", "etc.", "the", "of", "and", "met", "said", "minister", "2024", "G20",
          "l’", "d'", "qu’il", "Etat", "État", "May", "Rice", "Bush", "la réunion", "le maire",
          "UN", "un", "NATO", "Otan", "p. ex.", "U.S.", "vs.", "«", "»", "“", "”", "—", "…",
          "(", ")", "!", "?", ";", ":", ".", ",", "'", '"', "-", "–", "/", "%", "$", "0", "1"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", ". ", ", ", "\u00a0", "\u202f", "-", "’", "'",
              "\r\n", "", "\t", " . ", "! ", "\n\n\n", ".\u00a0", " ; "]

# Characters of every kind; surrogates cannot be encoded and never reach a reader.
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))


@lru_cache(maxsize=1)
def default_termbase():
    return load_termbase(None)


@lru_cache(maxsize=4)
def default_checker(lang: str = "fr") -> Checker:
    """One checker over the default termbase per language (``auto`` identifies it)."""
    return Checker(default_termbase(), CheckOptions(lang=lang))


@lru_cache(maxsize=1)
def forms() -> tuple[str, ...]:
    """Every form of the default termbase, in a stable order."""
    return tuple(sorted({form.text for entry in default_termbase() for form in entry.forms()}))


def _spoof(text: str, table: dict[str, str], index: int) -> str:
    positions = [i for i, c in enumerate(text) if c in table]
    if not positions:
        return text
    i = positions[index % len(positions)]
    return text[:i] + table[text[i]] + text[i + 1:]


def _insert(text: str, char: str, index: int) -> str:
    i = index % (len(text) + 1)
    return text[:i] + char + text[i:]


def form_variant() -> st.SearchStrategy[str]:
    """A form of the default termbase as written, or as a draft miswrites or spoofs it."""
    return form_variant_of(forms())


def variant(form: str, how: int, index: int, char: str = "\u200b") -> str:
    """``form`` as written (how 0), or as a draft miswrites or spoofs it (how 1 to 12)."""
    if how == 1:
        return form.lower()
    if how == 2:
        return form.upper()
    if how == 3:
        return fold_diacritics(form)
    if how == 4:
        return _spoof(form, CONFUSABLES, index)
    if how == 5:
        return _spoof(form, GREEK, index)
    if how == 6:
        return _insert(form, char, index)
    if how == 7:
        return form.replace(" ", char if char.isspace() else "\n")
    if how == 8:
        return form.replace("-", " ")
    if how == 9:  # two letters swapped: a typo
        i = index % max(1, len(form) - 1)
        return form[:i] + form[i + 1:i + 2] + form[i:i + 1] + form[i + 2:]
    if how == 10:  # another romanisation
        return form.replace("ou", "u").replace("ch", "sh").replace("ï", "i")
    if how == 11:
        return unicodedata.normalize("NFD", form)
    if how == 12:
        return form[:1].lower() + form[1:]
    return form


@st.composite
def form_variant_of(draw, pool) -> str:
    """A form of ``pool`` as written, or as a draft miswrites or spoofs it."""
    form = draw(st.sampled_from(pool))
    return variant(form, draw(st.integers(0, 14)), draw(st.integers(0, 60)),
                   draw(st.sampled_from(INVISIBLE + BIDI + SPACES)))


hostile = st.one_of(
    st.sampled_from(COMBINING + INVISIBLE + BIDI + SPACES + BREAKS + RTL + EMOJI),
    st.text(ANY_CHAR, min_size=1, max_size=8),
)
_HOSTILE = COMBINING + INVISIBLE + BIDI + SPACES + BREAKS + RTL + EMOJI
_ODD = INVISIBLE + BIDI + SPACES


def piece_of(code: int) -> str:
    """The piece of a draft that the number ``code`` stands for: mostly a form of the default
    termbase (as written or miswritten), else ordinary words, hostile characters, Markdown,
    suppression comments. Small numbers give plain forms, so failures shrink to readable
    drafts. (One number per piece: drawing each choice apart made generating a draft cost more
    than checking it.)"""
    kind, rest = code % 16, code // 16
    if kind <= 9:
        pool = forms()
        form = pool[rest % len(pool)]
        rest //= len(pool)
        return variant(form, rest % 15, rest // 15 % 61, _ODD[rest // 915 % len(_ODD)])
    if kind <= 11:
        return FILLER[rest % len(FILLER)]
    if kind == 12:
        return _HOSTILE[rest % len(_HOSTILE)]
    if kind == 13:
        return MARKUP[rest % len(MARKUP)]
    if kind == 14:
        return DIRECTIVES[rest % len(DIRECTIVES)]
    return FILLER[rest % len(FILLER)] + _HOSTILE[rest // 97 % len(_HOSTILE)]


_CODE = st.integers(0, 2**40)


@st.composite
def long_line(draw) -> str:
    """A line of a few thousand characters: one piece repeated."""
    chunk = " ".join(piece_of(c) for c in draw(st.lists(_CODE, min_size=1, max_size=3)))
    return " ".join([chunk] * draw(st.integers(30, 200)))


@st.composite
def document(draw, max_pieces: int = 30) -> str:
    """A draft: pieces joined by separators, a few runs of random Unicode, now and then one
    very long line."""
    codes = draw(st.lists(_CODE, max_size=max_pieces))
    parts = [piece_of(code) + SEPARATORS[code // 7 % len(SEPARATORS)] for code in codes]
    for text, at in draw(st.lists(st.tuples(st.text(ANY_CHAR, min_size=1, max_size=8), _CODE),
                                  max_size=2)):
        parts.insert(at % (len(parts) + 1), text)
    text = "".join(parts)
    if draw(st.integers(0, 19)) == 0:
        text += "\n" + draw(long_line()) + "\n"
    return text


nfc_document = document().map(lambda t: unicodedata.normalize("NFC", t))

# Suffixes that choose the draft readers (plain text and Markdown).
DRAFT_SUFFIXES = ["draft.txt", "draft.md", "draft", "draft.markdown"]


# --- random valid termbases ----------------------------------------------------------------------
_SYLLABLES = ["ma", "ri", "ov", "ko", "lé", "ïa", "sch", "tr", "ou", "ch", "y", "é", "ev", "in",
              "al", "be", "ne", "za", "ül", "ço", "ka", "ra", "ss", "dj", "kh", "ni", "ko", "ël"]


def name_of(code: int) -> str:
    """A name of one to three words made of the syllables that romanisations differ on, from
    one number (cheap to draw; small numbers give short names)."""
    words = []
    for _ in range(1 + code % 3):
        code //= 3
        length, code = 1 + code % 4, code // 4
        word = ""
        for _ in range(length):
            word += _SYLLABLES[code % len(_SYLLABLES)]
            code //= len(_SYLLABLES)
        words.append(word[:1].upper() + word[1:])
    return " ".join(words)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_KINDS = ["person", "place", "organization", "title", "other"]
_STATUSES = ["accepted", "avoid", "short"]


@st.composite
def termbase_yaml(draw) -> tuple[str, list[str]]:
    """A termbase of a few entries with random names (valid, unless two entries happen to
    share a form, which the loader must then report) and the forms it holds."""
    lines = ["version: 1", "entries:"]
    all_forms: list[str] = []
    for number, code in enumerate(draw(st.lists(st.integers(0, 2**62), min_size=1,
                                                max_size=6))):
        lines += [f"  - id: entry-{number}", f"    type: {_KINDS[code % 5]}",
                  "    note: A test entry."]
        code //= 5
        if code % 3:
            lines.append(f"    case: {['name', 'exact'][code % 3 - 1]}")
        for lang in ("en", "fr"):
            forms = list(dict.fromkeys(name_of(c) for c in draw(
                st.lists(st.integers(0, 2**40), min_size=1, max_size=4))))
            lines += [f"    {lang}:", f"      preferred: {_yaml_string(forms[0])}"]
            all_forms.append(forms[0])
            by_status: dict[str, list[str]] = {}
            for index, form in enumerate(forms[1:]):
                by_status.setdefault(_STATUSES[(code + index) % 3], []).append(form)
            for status, chosen in by_status.items():
                lines.append(f"      {status}: [{', '.join(map(_yaml_string, chosen))}]")
                all_forms += chosen
            code //= 3
    return "\n".join(lines) + "\n", all_forms
