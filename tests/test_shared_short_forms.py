"""Short forms several entries share (issue 15): Clinton is Bill's and Hillary's, Le Pen Marine's
and Jean-Marie's. Validation allows it; in a draft the short form resolves to the entry the
document names in full; where it names none of them or several, the short form gives no
finding, but one that would be the same whichever entry is meant, reported without an entry."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from glossary import load_termbase, lookup, validate_files
from glossary.index.compiled import TermIndex

TERMS = """\
version: 1
entries:
  - id: clinton-bill
    type: person
    en: {preferred: Bill Clinton, short: [Clinton]}
    fr: {preferred: Bill Clinton, short: [Clinton]}
  - id: clinton-hillary
    type: person
    en: {preferred: Hillary Clinton, accepted: [Hillary Rodham Clinton], short: [Clinton]}
    fr: {preferred: Hillary Clinton, short: [Clinton]}
  - id: obama-barack
    type: person
    en: {preferred: Barack Obama, short: [Obama]}
    fr: {preferred: Barack Obama, short: [Obama]}
  - id: obama-michelle
    type: person
    en: {preferred: Michelle Obama, short: [Obama]}
    fr: {preferred: Michelle Obama, short: [Obama]}
  - id: le-pen-marine
    type: person
    en: {preferred: Marine Le Pen, short: [Le Pen]}
    fr: {preferred: Marine Le Pen, short: [Le Pen]}
  - id: le-pen-jean-marie
    type: person
    en: {preferred: Jean-Marie Le Pen, short: [Le Pen]}
    fr: {preferred: Jean-Marie Le Pen, short: [Le Pen]}
  - id: gandhi-indira
    type: person
    en: {preferred: Indira Gandhi, short: [Gandhi]}
    fr: {preferred: Indira Gandhi, short: [Gandhi]}
  - id: gandhi-rajiv
    type: person
    en: {preferred: Rajiv Gandhi, short: [Gandhi]}
    fr: {preferred: Rajiv Gandhi, short: [Gandhi]}
"""


@pytest.fixture(scope="module")
def checker_for(tmp_path_factory):
    path = tmp_path_factory.mktemp("shared") / "terms.yaml"
    path.write_text(TERMS, encoding="utf-8")
    termbase = load_termbase([path])
    index = TermIndex(termbase)
    checkers = {lang: Checker(termbase, CheckOptions(lang=lang), index) for lang in ("fr", "en")}
    return checkers.__getitem__


def findings(checker_for, text: str, lang: str = "en"):
    return [(f.rule, f.text, f.expected, f.entry)
            for f in checker_for(lang).check_text(text).findings]


def test_validation_allows_a_short_form_shared_by_several_entries(write):
    assert validate_files([write("terms.yaml", TERMS)]) == []


def test_a_short_form_equal_to_another_entrys_full_form_is_still_a_problem(write):
    path = write("terms.yaml", TERMS + """\
  - id: jordan
    type: place
    en: Jordan
    fr: Jordanie
  - id: jordan-michael
    type: person
    en: {preferred: Michael Jordan, short: [Jordan]}
    fr: {preferred: Michael Jordan, short: [Jordan]}
""")
    (problem,) = validate_files([path])
    assert (problem.line, problem.entry_id) == (41, "jordan-michael")
    assert ("'en' form 'Jordan' is also a preferred form of entry 'jordan' (line 37); a short "
            "form may be shared only with other entries' short forms") in problem.message


def test_the_short_form_resolves_to_the_entry_named_in_full(checker_for):
    text = "Hillary Clinton spoke on Monday. Clinton said she would run again."
    assert findings(checker_for, text) == []
    doc_result = checker_for("en").matcher.match(
        checker_for("en").check_text(text).document, "en")
    (full, short) = doc_result.mentions
    assert (full.entry.id, short.entry.id, short.text) == ("clinton-hillary",) * 2 + ("Clinton",)
    assert doc_result.unresolved == []


def test_a_finding_on_a_resolved_short_form_is_the_named_entrys(checker_for):
    text = "Michelle Obama spoke on Monday. Later, obama said she would write a book."
    assert findings(checker_for, text) == [("capitalization", "obama", "Obama",
                                            "obama-michelle")]
    text = "Michelle Obama spoke on Monday. Later, Obmaa said she would write a book."
    assert findings(checker_for, text) == [("typo", "Obmaa", "Obama", "obama-michelle")]
    text = "Hillary Clinton a parlé lundi. Plus tard, Clintn a dit qu'elle serait candidate."
    assert findings(checker_for, text, "fr") == [("typo", "Clintn", "Clinton",
                                                  "clinton-hillary")]


def test_lower_case_clinton_is_judged_as_for_one_entry(checker_for, write):
    # 'clinton' is in the English word list (0.21 per million, above the rare words a lower-case
    # name is taken from): alone in the termbase, Hillary's short form is not flagged there
    # either. The shared form changes nothing.
    text = "Hillary Clinton spoke on Monday. Later, clinton said she would run."
    alone = load_termbase([write("hillary.yaml", """\
version: 1
entries:
  - id: clinton-hillary
    type: person
    en: {preferred: Hillary Clinton, short: [Clinton]}
""")])
    expected = [(f.rule, f.entry) for f in Checker(alone, CheckOptions(lang="en"))
                .check_text(text).findings]
    assert [(rule, entry) for rule, _, _, entry in findings(checker_for, text)] == expected


def test_no_finding_where_the_document_names_no_entry_in_full(checker_for):
    assert findings(checker_for, "The talks went on. Clinton said she would run.") == []
    # A near miss alone: no entry to check it against (as for a surname of one entry).
    assert findings(checker_for, "The talks went on. Later, Clintn said she would run.") == []
    assert findings(checker_for, "Selon Le Pen, la situation reste grave.", "fr") == []


def test_no_entry_finding_where_the_document_names_several(checker_for):
    text = "Bill Clinton and Hillary Clinton spoke on Monday. Clinton said she would run."
    assert findings(checker_for, text) == []
    # A misspelling of either: the message would name one of them, so nothing.
    text = "Bill Clinton and Hillary Clinton spoke on Monday. Later, Clintn said she would run."
    assert findings(checker_for, text) == []
    # Wrong capitals are wrong whichever Obama is meant: reported, of no entry.
    text = "Barack Obama and Michelle Obama spoke on Monday. Later, obama said she would write."
    assert findings(checker_for, text) == [("capitalization", "obama", "Obama", None)]


def test_the_short_form_capitalised_elsewhere_names_its_entries_as_one_entrys_would(checker_for):
    # Alone in a termbase, 'Obama' written right names the entry, so 'obama' is its name in lower
    # case; shared, it names both, and the capital is missing whichever is meant.
    text = "Obama spoke on Monday. Later, obama said she would write a book."
    assert findings(checker_for, text) == [("capitalization", "obama", "Obama", None)]


def test_an_unresolved_short_form_is_never_inconsistent(checker_for):
    text = ("Hillary Rodham Clinton spoke on Monday. Hillary Clinton said she would run. "
            "Bill Clinton agreed. Clinton left.")
    # Clinton alone, which the document does not resolve, is no third form; and Hillary Clinton
    # after Hillary Rodham Clinton is the name without its middle one, no second form.
    assert findings(checker_for, text) == []


def test_french_drafts_le_pen(checker_for):
    text = "Marine Le Pen a parlé lundi. Selon Le Pen, la situation reste grave."
    assert findings(checker_for, text, "fr") == []
    text = "Marine Le Pen a parlé lundi. Selon le pen, la situation reste grave."
    assert findings(checker_for, text, "fr") == [("capitalization", "le pen", "Le Pen",
                                                  "le-pen-marine")]
    text = ("Jean-Marie Le Pen et Marine Le Pen ont parlé lundi. Selon Le Pen, la situation "
            "reste grave.")
    assert findings(checker_for, text, "fr") == []
    text = ("Jean-Marie Le Pen et Marine Le Pen ont parlé lundi. Selon le pen, la situation "
            "reste grave.")
    assert findings(checker_for, text, "fr") == [("capitalization", "le pen", "Le Pen", None)]
    text = "Indira Gandhi a parlé lundi. Selon Gandhi, la situation reste grave."
    assert findings(checker_for, text, "fr") == []


def test_lookup_answers_every_entry_of_a_shared_short_form(checker_for):
    hits = lookup(checker_for("en").index, "Clinton")
    assert {hit.entry.id for hit in hits} == {"clinton-bill", "clinton-hillary"}


def test_json_report_has_no_entry_for_an_unresolved_finding(write):
    terms = write("terms.yaml", TERMS)
    draft = write("draft.txt", "Barack Obama and Michelle Obama spoke on Monday. Later, obama "
                               "said she would write.\n")
    result = CliRunner().invoke(cli, ["check", str(draft), "--terms", str(terms), "--lang", "en",
                                      "--format", "json"])
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["entry"], finding["expected"]) == ("capitalization", None,
                                                                        "Obama")


# --- the default termbase ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def default_checker():
    return Checker(load_termbase(()), CheckOptions(lang="fr"))


@pytest.mark.slow
@pytest.mark.parametrize(("ids", "short"), [
    (("clinton-bill", "clinton-hillary"), "Clinton"),
    (("le-pen-marine", "le-pen-jean-marie"), "Le Pen"),
    (("castro-fidel", "castro-raul", "castro-xiomara"), "Castro"),
    (("trump-donald", "trump-ivanka", "trump-melania", "trump-donald-jr"), "Trump"),
    (("biden-joe", "biden-hunter", "biden-jill"), "Biden"),
])
def test_the_default_termbase_shares_surnames(ids, short):
    termbase = load_termbase(())
    for entry_id in ids:
        for lang in ("en", "fr"):
            assert short in termbase.get(entry_id).languages[lang].texts()


def test_a_default_termbase_surname_resolves_to_the_person_named(default_checker):
    clean = ("Hillary Clinton a parlé mardi. Selon Clinton, la campagne a été difficile. Bill "
             "Clinton n'a rien dit.")
    assert default_checker.check_text(clean, "draft.md").findings == []
    typo = "Hillary Clinton a parlé mardi. Clintn a ajouté que la campagne serait longue."
    [finding] = default_checker.check_text(typo, "draft.md").findings
    assert (finding.rule, finding.entry, finding.expected) == ("typo", "clinton-hillary",
                                                                   "Clinton")
