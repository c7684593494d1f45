"""Identifying a draft's language (``checker.language.detect_language``)."""

from __future__ import annotations

import unicodedata

from checker.language import MIN_WORDS, detect_language


def test_composed_and_decomposed_accents_count_the_same_words():
    """A decomposed Ï split ATAMBAÏEV into two words: a draft one word short of
    ``MIN_WORDS`` was identified in NFD and fell back in NFC."""
    text = "Le gouverneur Almazbek Atambaïev parle " + "vite " * (MIN_WORDS - 6)
    composed = detect_language(text)
    decomposed = detect_language(unicodedata.normalize("NFD", text))
    assert composed.source == "fallback"
    assert decomposed == composed
