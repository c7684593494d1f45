"""Names that are also ordinary words: matched in context only, or as the entry says."""

from __future__ import annotations

from checker.engine import Checker, CheckOptions
from glossary import load_termbase

TERMS = """\
version: 1
entries:
  - id: rice-condoleezza
    type: person
    note: US secretary of state 2005-2009.
    en: {preferred: Condoleezza Rice, short: [Rice]}
    fr: {preferred: Condoleezza Rice, short: [Riz]}
  - id: lazarus-emma
    type: person
    note: Invented for this test; a surname that is no ordinary English word.
    ambiguous: true
    en: {preferred: Emma Lazarus, short: [Lazarus]}
    fr: {preferred: Emma Lazarus, short: [Lazarus]}
  - id: hunt-jeremy
    type: person
    note: British foreign secretary 2018-2019.
    ambiguous: false
    en: {preferred: Jeremy Hunt, short: [Hunt]}
    fr: {preferred: Jeremy Hunt, short: [Hunte]}
"""


def run(write, text, lang="en"):
    checker = Checker(load_termbase([write("t.yaml", TERMS)]), CheckOptions(lang=lang))
    return [(f.rule, f.text, f.expected) for f in checker.check_text(text).findings]


def test_common_word_surname_needs_context(write):
    # "Riz" (the French short form) would be wrong-language in English; "rice" is a word.
    assert run(write, "Rice prices rose. Officials said rice was scarce.") == []
    assert run(write, "Officials met Riz on Monday.") == [("wrong-language", "Riz", "Rice")]


def test_full_name_in_the_document_makes_the_short_form_count(write):
    text = "Condoleezza Rice spoke. Riz then left."
    assert run(write, text) == [("wrong-language", "Riz", "Rice")]




def mentioned(write, terms, text, lang="en"):
    from checker.document import Document
    from checker.readers import plain

    checker = Checker(load_termbase([write("t.yaml", terms)]), CheckOptions(lang=lang))
    doc = Document("x.txt", text, plain.segments(text))
    return [m.text for m in checker.matcher.match(doc, lang).mentions]


def test_entry_marked_not_ambiguous_matches_at_sentence_start(write):
    text = "Hunt said the plan would work."
    assert mentioned(write, TERMS, text) == ["Hunt"]
    assert mentioned(write, TERMS.replace("    ambiguous: false\n", ""), text) == []


def test_entry_marked_ambiguous_needs_context(write):
    text = "Lazarus rose from the dead, the story says. Then Lazarus left."
    assert mentioned(write, TERMS, text) == ["Lazarus"]  # mid-sentence only
    assert mentioned(write, TERMS.replace("    ambiguous: true\n", ""), text) == ["Lazarus",
                                                                                "Lazarus"]
