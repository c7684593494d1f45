"""The rule registry: every rule, one module each, declared by its module's ``RULE`` value and
ordered by priority (when two rules flag overlapping spans, the one of lower priority reports
it). The engine, ``termcheck explain``, the configuration's validation, the reporters and the
README's rule table (``rule_table``) all read the rules from here.

A new rule: copy a rule module of the same stage, give it an unused code and priority, and
add it to ``_MODULES``; tests/test_rule_registry.py and tests/rules/ hold the rest to it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from . import (
    avoid,
    capitalization,
    courtesy_title,
    diacritics,
    end_punctuation,
    french_spacing,
    house_style,
    inconsistent,
    inconsistent_translation,
    inline_tags,
    mixed_script,
    numbers,
    placeholders,
    sentence_case,
    term_mismatch,
    transliteration,
    typo,
    untranslated,
    unused_suppression,
    whitespace,
    wrong_language,
)
from .base import Context, FixSafety, Rule, Stage

_MODULES = (avoid, capitalization, courtesy_title, diacritics, end_punctuation, french_spacing,
            house_style, inconsistent, inconsistent_translation, inline_tags, mixed_script, numbers,
            placeholders, sentence_case, term_mismatch, transliteration, typo,
            unused_suppression, untranslated, whitespace, wrong_language)


def _registry(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``rules`` by priority; two rules with one code or one priority are a programming
    error, caught at import (a tie would make which rule reports a span depend on the order
    the modules are listed in)."""
    ordered = tuple(sorted(rules, key=lambda rule: rule.priority))
    priorities = [rule.priority for rule in ordered]
    codes = [rule.code for rule in ordered]
    for what, twice in (("priority", {str(p) for p in priorities if priorities.count(p) > 1}),
                        ("code", {c for c in codes if codes.count(c) > 1})):
        if twice:
            raise ValueError(f"two rules have the same {what}: {', '.join(sorted(twice))}")
    return ordered


RULES: tuple[Rule, ...] = _registry(module.RULE for module in _MODULES)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def find_rule(code: str) -> Rule | None:
    """The rule ``code`` names, in any case and with spaces around (``TYPO``, `` Typo``), or
    None. Rule codes are lower case; a user need not be."""
    return RULES_BY_CODE.get(code.strip().lower())


def unknown_rule(code: str) -> str:
    """Why ``code`` names no rule, in words a user can act on: the closest code, the list."""
    close = difflib.get_close_matches(code.strip().lower(), list(RULES_BY_CODE), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown rule '{code}'{hint}; rules: {', '.join(RULES_BY_CODE)}"


def rule_table(rules: Iterable[Rule] = RULES) -> str:
    """The README's table of the rules (Markdown, one row per rule in priority order), made
    here so that a test holds the two equal (``scripts/rule_table.py`` rewrites it there)."""
    lines = ["| rule | flags | example → expected | severity | fix |",
             "| --- | --- | --- | --- | --- |"]
    for rule in rules:
        fix = f"{rule.fix_safety} ({rule.fix_note})" if rule.fix_note else str(rule.fix_safety)
        cells = (f"`{rule.code}`", rule.summary, rule.example, str(rule.severity), fix)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


__all__ = ["RULES", "RULES_BY_CODE", "Context", "FixSafety", "Rule", "Stage", "find_rule",
           "rule_table", "unknown_rule"]

