"""Matching on real text: word boundaries, apostrophes, non-breaking spaces, NFD, line breaks."""

from __future__ import annotations

import pytest

from checker.engine import Checker, CheckOptions
from glossary import load_termbase


@pytest.fixture(scope="module")
def fr():
    return Checker(load_termbase(), CheckOptions(lang="fr"))


def findings(checker, text):
    return [(f.rule, f.text, f.expected, f.column) for f in checker.check_text(text).findings]


def column(text: str, part: str, nth: int = 0) -> int:
    index = -1
    for _ in range(nth + 1):
        index = text.index(part, index + 1)
    return index + 1


def test_elision_and_typographic_apostrophes(fr):
    text = "L’arrivée d’Israël et l'avis d’Sergei Lavrov et d'Sergei Lavrov."
    assert findings(fr, text) == [
        ("wrong-language", "Sergei Lavrov", "Sergueï Lavrov", column(text, "Sergei")),
        ("wrong-language", "Sergei Lavrov", "Sergueï Lavrov", column(text, "Sergei", 1)),
    ]


def test_no_match_inside_a_longer_word(fr):
    assert findings(fr, "Les Putinistes et les Lavrovistes se disputent.") == []


def test_non_breaking_and_narrow_spaces_inside_a_name(fr):
    text = "Selon Sergei\u00a0Lavrov et Sergei\u202fLavrov."
    assert findings(fr, text) == [
        ("wrong-language", "Sergei\u00a0Lavrov", "Sergueï Lavrov", 7),
        ("wrong-language", "Sergei\u202fLavrov", "Sergueï Lavrov", column(text, "Sergei", 1)),
    ]


def test_nfd_text_is_matched_and_mapped_back(fr):
    text = "Selon Serguei\u0308 Lavrov et Serguei Lavrov."  # first one: NFD ï, correct
    # Columns count code points of the text as written: the NFD ï is two of them.
    assert findings(fr, text) == [("diacritics", "Serguei Lavrov", "Sergueï Lavrov",
                                   column(text, "Serguei", 1))]
    assert column(text, "Serguei", 1) == 26  # 25 if the first ï were one code point


def test_a_name_wrapped_across_lines(fr):
    result = fr.check_text("Il a vu Nikolai\nPatrushev hier.")
    finding = result.findings[0]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 9, 2, 10)
    assert finding.fix.replacement == "Nikolaï\nPatrouchev"


def test_hyphenated_compound_names(fr):
    assert findings(fr, "Le mouvement anti-Putin grandit.") == [
        ("wrong-language", "Putin", "Poutine", 19)]


def test_a_comma_breaks_a_name(fr):
    # "Nikolaï, Patrushev" is two words of two sentences parts, not the avoid form.
    assert [f[0] for f in findings(fr, "Il a salué Nikolaï, Patrushev a répondu.")] == [
        "wrong-language"]


def test_punctuation_around_names(fr):
    assert findings(fr, "(Sergei Lavrov) « Sergei Lavrov » [Sergei Lavrov].") != []
    assert len(findings(fr, "(Sergei Lavrov) « Sergei Lavrov » [Sergei Lavrov].")) == 3


# --- near misses and romanisations in a large termbase -----------------------------------------
# Surnames one edit apart, a surname one edit from a French place name, and a surname sharing its
# transliteration key with a town: what a termbase of many thousand names is full of.
NEAR_TERMS = """\
version: 1
entries:
  - id: rokhaev-andrei
    type: person
    note: Invented for these tests.
    en: Andrei Rokhaev
    fr: Andreï Rokhaev
  - id: rokheev-yuri
    type: person
    note: Invented; one letter from Rokhaev.
    en: Yuri Rokheev
    fr: Iouri Rokheev
  - id: pekuin-ivan
    type: person
    note: Invented; one edit from Pékin once accents are folded.
    en: {preferred: Ivan Pekuin, short: [Pekuin]}
    fr: {preferred: Ivan Pekouine, short: [Pekouine]}
  - id: zheniin-oleg
    type: person
    note: Invented; shares its transliteration key with the town of Jenin.
    en: {preferred: Oleg Zheniin, short: [Zheniin]}
    fr: {preferred: Oleg Jeniine, short: [Jeniine]}
"""


def near(write, text, lang="fr", terms=NEAR_TERMS):
    checker = Checker(load_termbase([write("near.yaml", terms)]), CheckOptions(lang=lang))
    return [(f.rule, f.text, f.expected) for f in checker.check_text(text).findings]


def test_misspelled_surname_near_two_names_is_told_by_the_first_name(write):
    # Rokheav is one edit from Rokhaev and from Rokheev: the first name says which.
    assert near(write, "Selon Andreï Rokheav, la situation reste tendue.") == [
        ("typo", "Andreï Rokheav", "Andreï Rokhaev")]
    assert near(write, "Selon Iouri Rokheav, la situation reste tendue.") == [
        ("typo", "Iouri Rokheav", "Iouri Rokheev")]



def test_a_misspelling_is_judged_where_it_stands_each_time(write):
    # The near-miss search keeps what depends on the word alone (the names it is near, the
    # name it would be alone), never where it stood: the same word is one surname inside a
    # name, another inside the next, nothing alone (two names), whatever came before it, in
    # the same text or in texts checked before.
    terms = write("near.yaml", NEAR_TERMS)
    texts = ["Rokheav a parlé. Selon Andreï Rokheav, la situation reste tendue. Selon Iouri "
             "Rokheav, rien. Rokheav.",
             "Ivan Pekouine est arrivé. Pekoine a appelé, puis Ivan Pekoine et Pekoine.",
             "Pekoine a appelé. Rokheav aussi. Iouri Rokheav et Andreï Rokheav ensuite."]

    def found(checker, text):
        return [(f.rule, f.text, f.expected, f.column) for f in checker.check_text(text).findings]

    warm = Checker(load_termbase([terms]), CheckOptions(lang="fr"))
    assert found(warm, texts[0]) == [("typo", "Andreï Rokheav", "Andreï Rokhaev", 24),
                                     ("typo", "Iouri Rokheav", "Iouri Rokheev", 73)]
    assert found(warm, texts[1]) == [("typo", "Pekoine", "Pekouine", 27),
                                     ("typo", "Ivan Pekoine", "Ivan Pekouine", 50),
                                     ("typo", "Pekoine", "Pekouine", 66)]
    for text in texts[::-1] + texts:
        fresh = Checker(load_termbase([terms]), CheckOptions(lang="fr"))
        assert found(warm, text) == found(fresh, text)

def test_misspelled_surname_that_fits_two_names_is_not_guessed(write):
    terms = NEAR_TERMS.replace("en: Yuri Rokheev\n    fr: Iouri Rokheev",
                               "en: Andrei Rokheev\n    fr: Andreï Rokheev")
    assert near(write, "Selon Andreï Rokheav, la situation reste tendue.", terms=terms) == []
    # Alone, a surname near two names is not guessed either.
    assert near(write, "Andreï Rokhaev et Iouri Rokheev sont arrivés. Rokheav a parlé.") == []


def test_accented_word_is_not_a_misspelling_of_a_name_without_accents(write):
    # Pékin folds to pekin, one letter from Pekuin; but a misspelling does not add an accent.
    text = "Ivan Pekouine est arrivé mardi. Pékin a appelé au calme."
    assert near(write, text) == []
    # Without the accent it is a near miss of the surname the article names.
    assert near(write, "Ivan Pekouine est arrivé mardi. Pekoine a appelé au calme.") == [
        ("typo", "Pekoine", "Pekouine")]


def test_lone_romanisation_needs_the_entry_named_in_the_document(write):
    # Jenin, the town, shares its transliteration key with the surname Zheniin.
    assert near(write, "Two men were killed during a raid in Jenin.", "en") == []
    # An article that names the person: Jenin is then another spelling of the same name.
    assert near(write, "Oleg Zheniin arrived. Jenin said he would stay.", "en") == [
        ("transliteration", "Jenin", "Zheniin")]


def test_misspelled_first_name_shared_by_many_names(fr):
    # Sergei is the first name of several entries: the surname after it tells which one.
    assert findings(fr, "Selon Sergie Lavrov, la situation reste tendue.") == [
        ("typo", "Sergie Lavrov", "Sergueï Lavrov", 7)]
