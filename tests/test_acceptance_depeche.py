"""Acceptance: a French wire story written like the real ones users check (mixed Patrushev /
Patrouchev forms, Sergei / Serguei / Sergueï Lavrov, jake Sullivan). Every error is found with
the right rule and expected text, and the correct forms give no finding."""

from __future__ import annotations

from pathlib import Path

from checker.engine import Checker, CheckOptions
from glossary import load_termbase

DRAFT = Path(__file__).parent / "fixtures" / "depeche_fr.txt"


def test_every_error_of_the_wire_story_is_found():
    checker = Checker(load_termbase(), CheckOptions(lang="auto"))
    result = checker.check_text(DRAFT.read_text(encoding="utf-8"), "depeche_fr.txt")
    assert result.language.lang == "fr" and result.language.source == "detected"
    assert [(f.line, f.rule, f.text, f.expected) for f in result.findings] == [
        (2, "wrong-language", "Nikolai Patrushev", "Nikolaï Patrouchev"),
        (5, "wrong-language", "Sergei Lavrov", "Sergueï Lavrov"),
        (5, "capitalization", "jake Sullivan", "Jake Sullivan"),
        (6, "diacritics", "Serguei Lavrov", "Sergueï Lavrov"),
        (7, "diacritics", "Serguei Lavrov", "Sergueï Lavrov"),
        (8, "avoid", "Nikolaï Patrushev", "Nikolaï Patrouchev"),
    ]


def test_correct_forms_give_no_finding():
    text = DRAFT.read_text(encoding="utf-8")
    for wrong, right in (("Nikolai Patrushev", "Nikolaï Patrouchev"),
                         ("Nikolaï Patrushev", "Nikolaï Patrouchev"),
                         ("Sergei Lavrov", "Sergueï Lavrov"), ("Serguei Lavrov", "Sergueï Lavrov"),
                         ("jake Sullivan", "Jake Sullivan")):
        text = text.replace(wrong, right)
    checker = Checker(load_termbase(), CheckOptions(lang="auto"))
    assert checker.check_text(text, "depeche_fr.txt").findings == []
