"""The places of the default termbase: every UN member state, the capitals and cities the issue
names, and the city/state split of Washington, checked from the data and through lookup."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from checker.engine import Checker, CheckOptions
from glossary import EntryType, TermIndex, load_termbase, lookup

# CLDR region codes that are no UN member state: dependencies and territories, the two
# non-member observers (PS, VA), Taiwan and Western Sahara. Grouping and private-use codes
# (EU, UN, ZZ, QO, XK...) are left out by ``region_codes``.
NOT_MEMBERS = frozenset(
    "AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH FK FO GF GG GI GL GP GS GU HK HM "
    "IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR PS RE SH SJ SX TA TC TF TK TW UM VA VG "
    "VI WF YT".split())
# CLDR names that no newsroom writes, looked up by the house names instead.
HOUSE_NAMES = {"CD": ("Democratic Republic of Congo", "République démocratique du Congo")}


def region_codes() -> set[str]:
    """The two-letter territory codes CLDR names, without groupings and private-use codes."""
    return {code for code in Locale("en").territories
            if re.fullmatch(r"[A-Z]{2}", code) and code not in {"AA", "EU", "EZ", "UN", "ZZ"}
            and not code.startswith("X") and not "QM" <= code <= "QZ"}


@pytest.fixture(scope="module")
def default():
    return load_termbase()


@pytest.fixture(scope="module")
def index(default):
    return TermIndex(default)


def test_the_member_list_is_the_un_s():
    # Guards the derivation: a CLDR release adding a territory code must be sorted here.
    members = region_codes() - NOT_MEMBERS
    assert len(members) == 193
    assert {"FR", "UA", "KP", "SS"} <= members and not {"TW", "PS", "VA", "PR"} & members


def test_every_un_member_state_has_an_entry_in_both_languages(default, index):
    en, fr = Locale("en"), Locale("fr")
    cited = re.compile(r"\(CLDR: ([A-Z]{2})\)")
    by_code = {m.group(1): entry for entry in default
               if entry.type is EntryType.PLACE and (m := cited.search(entry.note))}
    missing = []
    for code in sorted(region_codes() - NOT_MEMBERS):
        entry = by_code.get(code)
        if entry is None or not {"en", "fr"} <= set(entry.languages):
            missing.append(code)
            continue
        # A translator typing the CLDR name in either language is shown the country.
        for name in HOUSE_NAMES.get(code, (en.territories[code], fr.territories[code])):
            assert entry.id in [hit.entry.id for hit in lookup(index, name)], (code, name)
    assert missing == []


@pytest.mark.parametrize(("query", "entry_id", "en", "fr"), [
    ("Pyongyang", "pyongyang", "Pyongyang", "Pyongyang"),
    ("Washington", "washington", "Washington", "Washington"),
    ("Washington state", "washington-state", "Washington state", "État de Washington"),
    ("Macedonia", "macedonia", "Macedonia", "Macédoine"),
    ("Macédoine du Nord", "north-macedonia", "North Macedonia", "Macédoine du Nord"),
    ("Thimphou", "thimphu", "Thimphu", "Thimphou"),
    ("Sao Paulo", "sao-paulo", "São Paulo", "Sao Paulo"),
    ("Holy See", "holy-see", "Holy See", "Saint-Siège"),
    ("Palestine", "palestine", "State of Palestine", "État de Palestine"),
])
def test_lookup_finds_the_places_the_issue_names(default, index, query, entry_id, en, fr):
    hit = lookup(index, query)[0]
    assert hit.entry.id == entry_id
    entry = default.get(entry_id)
    assert entry.type is EntryType.PLACE
    assert (entry.preferred("en"), entry.preferred("fr")) == (en, fr)


def test_washington_the_city_is_a_capital_and_the_state_is_apart(default):
    assert "Capital of the United States" in default.get("washington").note
    state = [f.text for f in default.get("washington-state").forms("en")]
    assert "Washington" not in state


@pytest.mark.parametrize("entry_id", ["lagos", "santiago", "puebla", "surat", "kota", "victoria",
                                      "sucre", "macedonia"])
def test_city_names_that_are_words_or_surnames_are_ambiguous(default, entry_id):
    assert default.get(entry_id).ambiguous is True


@pytest.fixture(scope="module")
def checker_for(default):
    checkers = {lang: Checker(default, CheckOptions(lang=lang)) for lang in ("en", "fr")}
    return lambda lang, text: [(f.rule, f.text, f.expected)
                               for f in checkers[lang].check_text(text).findings]


def test_french_exonyms_of_capitals_are_checked(checker_for):
    assert checker_for("fr", "Le ministre est arrivé lundi à Thimphu.") == [
        ("wrong-language", "Thimphu", "Thimphou")]
    assert checker_for("en", "The minister landed in Thimphou on Monday.") == [
        ("wrong-language", "Thimphou", "Thimphu")]


def test_accents_the_english_press_drops_are_accepted(checker_for):
    # AP and Reuters write Bogota and Sao Paulo; the French press writes them so too.
    text = "Talks moved from Bogota to Sao Paulo, then to Medellin and Asuncion."
    assert checker_for("en", text) == []
    assert checker_for("fr", "Les discussions ont eu lieu à Bogota puis à Sao Paulo.") == []


def test_city_names_that_are_people_or_words_do_not_make_findings(checker_for):
    assert checker_for("en", "Former Chilean president Ricardo Lagos spoke on Monday.") == []
    assert checker_for("fr", "Le prix du sucre a encore augmenté, selon les courtiers.") == []
