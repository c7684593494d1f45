"""The rules, one module each, in order of specificity: when two rules flag overlapping spans,
the one listed first reports it."""

from __future__ import annotations

from . import (
    avoid,
    capitalization,
    diacritics,
    house_style,
    inconsistent,
    inconsistent_translation,
    mixed_script,
    sentence_case,
    term_mismatch,
    transliteration,
    typo,
    unused_suppression,
    wrong_language,
)
from .base import Context, Rule

RULES: tuple[Rule, ...] = (
    mixed_script.RULE,
    avoid.RULE,
    wrong_language.RULE,
    house_style.RULE,
    diacritics.RULE,
    capitalization.RULE,
    transliteration.RULE,
    typo.RULE,
    inconsistent.RULE,
    sentence_case.RULE,
    term_mismatch.RULE,
    inconsistent_translation.RULE,
    unused_suppression.RULE,
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}

__all__ = ["RULES", "RULES_BY_CODE", "Context", "Rule"]
