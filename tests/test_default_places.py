"""The places of the default termbase: every UN member state, the capitals and cities the issue
names, and the city/state split of Washington, checked from the data and through lookup."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from checker.engine import Checker, CheckOptions
from glossary import EntryType, lookup

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


def test_the_member_list_is_the_un_s():
    # Guards the derivation: a CLDR release adding a territory code must be sorted here.
    members = region_codes() - NOT_MEMBERS
    assert len(members) == 193
    assert {"FR", "UA", "KP", "SS"} <= members and not {"TW", "PS", "VA", "PR"} & members


@pytest.mark.slow
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


@pytest.mark.slow
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


# --- adjectives, demonyms and relations of places ------------------------------------------------
# Member states whose English adjective is their name itself (a New Zealand court): no other
# word to list; their demonyms (New Zealander) are listed.
NAME_IS_ENGLISH_ADJECTIVE = {"NZ": "New Zealand", "SB": "Solomon Islands"}


def members_by_code(default) -> dict[str, object]:
    cited = re.compile(r"\(CLDR: ([A-Z]{2})\)")
    return {m.group(1): entry for entry in default
            if entry.type is EntryType.PLACE and (m := cited.search(entry.note))}


def test_every_un_member_state_has_adjectives_and_demonyms_in_both_languages(default):
    by_code = members_by_code(default)
    missing = []
    for code in sorted(region_codes() - NOT_MEMBERS):
        entry = by_code[code]
        for lang in ("en", "fr"):
            language = entry.languages[lang]
            if not language.demonyms:
                missing.append((code, lang, "demonyms"))
            if not language.adjectives and not (lang == "en"
                                                and code in NAME_IS_ENGLISH_ADJECTIVE):
                missing.append((code, lang, "adjectives"))
    assert missing == []
    for code, name in NAME_IS_ENGLISH_ADJECTIVE.items():
        assert by_code[code].preferred("en") == name


def test_derived_words_of_places_are_cased_as_each_language_writes_them(default):
    # French: adjectives in lower case, demonyms capitalised (un Kényan, kényan); English
    # capitalises both (a Kenyan, Kenyan).
    wrong = []
    for entry in default:
        for lang, language in entry.languages.items():
            for word in language.adjectives:
                if word.text[0].isupper() != (lang == "en"):
                    wrong.append((entry.id, word.text))
            wrong += [(entry.id, word.text) for word in language.demonyms
                      if not word.text[0].isupper()]
    assert wrong == []


def test_a_city_s_demonym_in_a_translation_renders_its_name(default):
    checker = Checker(default, CheckOptions(lang="fr"))
    pairs = [("Residents of Paris were angry.", "Les Parisiens étaient en colère."),
             ("Crowds in Berlin cheered.", "Les Berlinois ont applaudi."),
             ("Montreal residents voted.", "Les Montréalais ont voté."),
             ("Kinshasa residents queued.", "Les Kinois ont fait la queue."),
             ("The Ukrainian government said no.", "Le gouvernement ukrainien a dit non.")]
    units = "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in pairs)
    text = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n' + units
    assert [(f.rule, f.text) for f in checker.check_text(text, "t.po").findings] == []


def test_first_names_are_no_derived_words_of_rome(default, index):
    # Roman Polanski and Romain Duris keep their first names in suggest and typo.
    assert not index.is_derived_word("Roman") and not index.is_derived_word("Romain")
    assert index.is_derived_word("Romains") and index.is_derived_word("Romans")


@pytest.mark.parametrize(("one", "other"), [("washington", "washington-state"),
                                            ("macedonia", "north-macedonia"),
                                            ("holy-see", "vatican-city")])
def test_places_that_are_related_but_no_variants_are_related(default, one, other):
    assert other in default.related(one) and one in default.related(other)


def test_a_related_place_in_a_translation_is_a_warning(default):
    checker = Checker(default, CheckOptions(lang="fr"))
    text = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
            '\nmsgid "The Holy See said no."\nmsgstr "Le Vatican a dit non."\n'
            '\nmsgid "Washington state voted."\nmsgstr "Washington a voté."\n')
    assert [(f.rule, f.severity.value) for f in checker.check_text(text, "t.po").findings] == [
        ("term-mismatch", "warning"), ("term-mismatch", "warning")]
