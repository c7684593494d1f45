"""Which language a draft is written in: ``--lang``, the configuration, or identification on the
text itself (py3langid, restricted to the languages the termbase carries).

Identification needs enough words and a clear answer; a short or mixed text falls back to the
configured default language, and the decision says so, so the user can set ``--lang``.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import lru_cache

import regex

from glossary.langtags import split_tag, tag_problem
from glossary.normalize import nfc

from . import datacache
from .i18n import N_, _, ngettext

MIN_WORDS = 8
MIN_PROBABILITY = 0.90
_SAMPLE_CHARS = 20_000
_WORD = regex.compile(r"\p{L}{2,}")

LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English"), "de": N_("German"),
                  "es": N_("Spanish"), "it": N_("Italian"), "pt": N_("Portuguese"),
                  "ru": N_("Russian"), "uk": N_("Ukrainian")}


def language_name(code: str) -> str:
    """``French`` for ``fr``, in the interface language; the code itself for a language
    without a name here."""
    name = LANGUAGE_NAMES.get(code.split("-")[0])
    return _(name) if name is not None else code


def normalize_code(code: str, known: tuple[str, ...] | list[str]) -> str:
    """A language code as the termbase writes it: ``fr_FR``, ``fr-CA`` and ``FR`` are ``fr``
    (language tags are not case sensitive, BCP 47 section 2.1.1; the termbase files forms by
    language, a region only selects a house style)."""
    code = code.strip().replace("_", "-")
    if code in known:
        return code
    folded = {k.lower(): k for k in known}
    if code.lower() in folded:
        return folded[code.lower()]
    tag = split_tag(code)
    base = tag.language if tag is not None else code.split("-")[0].lower()
    return folded.get(base, base if not known or tag is not None else code)


# ISO 639-2 codes people write for the languages named above: told apart from a typo so that
# the message can name the two-letter code the termbase uses. Not mapped silently: a termbase
# keyed by ISO 639-1 codes is the one truth, and a partial table would map some languages and
# not others.
_THREE_LETTERS = {"fra": "fr", "fre": "fr", "eng": "en", "deu": "de", "ger": "de",
                  "spa": "es", "ita": "it", "por": "pt", "rus": "ru", "ukr": "uk"}


def resolve_code(code: str, known: tuple[str, ...] | list[str]) -> tuple[str | None, str]:
    """The termbase language a user-written code stands for (``FR``, ``fr-FR``, ``fr_CA`` stand
    for ``fr``), or None and the reason, in words a user can act on."""
    problem = tag_problem(code)
    if problem is not None and code.strip().lower() not in _THREE_LETTERS:
        return None, problem
    resolved = normalize_code(code, known)
    if resolved in known:
        return resolved, ""
    reason = _("the termbase has no '{code}' forms (it has {languages})").format(
        code=code, languages=", ".join(sorted(known)))
    two = _THREE_LETTERS.get(code.strip().lower())
    if two and normalize_code(two, known) in known:
        reason += "; " + _("write the two-letter code '{code}'").format(code=two)
    return None, reason


def region_of(code: str | None) -> str | None:
    """The region a language tag names (``fr_ca`` -> ``CA``), or None."""
    tag = split_tag(code) if code else None
    return tag.region if tag is not None else None


@dataclass(frozen=True)
class LanguageDecision:
    lang: str
    source: str  # option | config | file | detected | fallback | unchecked (a template)
    reason: str = ""
    region: str | None = None  # from a tag such as fr-CA: selects a house style


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]):
    # Loading the model takes a fraction of a second: only when a text needs identifying, and
    # then from the cache folder, restricted to ``languages`` (checker.datacache): its arrays,
    # the 40 MB state table among them, mapped into memory rather than read and copied.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        ptc, pc, classes, nextmove, output, row = datacache.cached(
            "langid-" + "-".join(languages), [MODEL_DIR / MODEL_FILE],
            lambda: _stored(languages), _decoded)
    finally:
        _restricted_model.cache_clear()  # the full model, read at most once, is not kept
    identifier = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True,
                                    tk_row=row)
    identifier.set_languages(list(languages))
    return identifier


def _stored(languages: tuple[str, ...]) -> datacache.Stored:
    """The restricted model as the data cache keeps it: the names of its languages and the
    types and shapes of its arrays, and the arrays' bytes."""
    import numpy

    ptc, pc, classes, nextmove, output, row = _restricted_model(languages)
    meta = {"classes": list(classes), "ptc": [ptc.dtype.str, *ptc.shape], "pc": pc.dtype.str,
            "nextmove": nextmove.typecode, "row": row.typecode}
    return datacache.Stored(meta, {
        # NumPy arrays are buffers (their stubs say so from Python 3.12 on only).
        "ptc": numpy.ascontiguousarray(ptc), "pc": numpy.ascontiguousarray(pc),  # type: ignore[dict-item]
        "nextmove": nextmove, "row": row, "output": array("q", output)})


def _float_array(block, dtype: object, shape: tuple[int, ...]):
    """``block`` as a read-only NumPy array of floats (of ``dtype``, a NumPy type string such
    as ``<f2``) and ``shape``, checked; not copied."""
    import numpy

    if not isinstance(dtype, str) or not all(type(n) is int and n >= 0 for n in shape):
        raise ValueError("not an array's type and shape")
    kind = numpy.dtype(dtype)  # TypeError for what is not a type
    if kind.kind != "f" or kind.hasobject:
        raise ValueError(f"not an array of floats: {dtype}")
    count = 1
    for n in shape:
        count *= n
    if len(block) != count * kind.itemsize:
        raise ValueError("an array's bytes do not match its shape")
    return numpy.frombuffer(block, dtype=kind, count=count).reshape(shape)


def _decoded(stored: datacache.Stored) -> tuple:
    """The arguments of ``LanguageIdentifier`` but the options, from what ``_stored`` made."""
    meta, blocks = stored.meta, stored.blocks
    classes = meta["classes"]  # type: ignore[index]
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        raise ValueError("not a list of languages")
    dtype, *shape = meta["ptc"]  # type: ignore[index]
    if len(shape) != 2 or shape[1] != len(classes):
        raise ValueError("not the shape of the model's table")
    ptc = _float_array(blocks["ptc"], dtype, tuple(shape))
    pc = _float_array(blocks["pc"], meta["pc"], (len(classes),))  # type: ignore[index]
    row = datacache.numbers(blocks["row"], meta["row"])  # type: ignore[index]
    output = datacache.numbers(blocks["output"], "q", len(row)).tolist()
    nextmove = datacache.numbers(blocks["nextmove"], meta["nextmove"])  # type: ignore[index]
    return ptc, pc, classes, nextmove, output, row


@lru_cache(maxsize=1)
def _restricted_model(languages: tuple[str, ...]) -> tuple:
    """py3langid's model with only the columns of ``languages`` (what ``set_languages`` keeps):
    a fraction of the full model to store and read back."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    full.set_languages(list(languages))
    return (full.nb_ptc.copy(), full.nb_pc.copy(), list(full.nb_classes), full.tk_nextmove,
            full.tk_output, full.tk_row)


def detect_language(text: str, languages: tuple[str, ...] = ("fr", "en"),
                    default: str = "fr") -> LanguageDecision:
    """The language of ``text`` among ``languages``, or ``default`` with the reason why.
    Composed and decomposed accents are read alike (a decomposed ï split ATAMBAÏEV in two
    words, and a draft just under ``MIN_WORDS`` was identified in NFD and not in NFC)."""
    sample = nfc(text[:_SAMPLE_CHARS])
    count = len(_WORD.findall(sample))
    if count < MIN_WORDS:
        return LanguageDecision(default, "fallback", ngettext(
            "too short to identify ({count} word)", "too short to identify ({count} words)",
            count).format(count=count))
    if len(languages) == 1:
        return LanguageDecision(languages[0], "detected")
    lang, probability = _identifier(tuple(sorted(languages))).classify(sample)
    if probability < MIN_PROBABILITY:
        return LanguageDecision(default, "fallback",
                                _("mixed or unclear language ({language} at {probability})")
                                .format(language=lang, probability=f"{probability:.0%}"))
    return LanguageDecision(lang, "detected")
