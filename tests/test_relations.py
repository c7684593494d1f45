"""Relations between entries (see_also) and the adjectives and demonyms of places: the schema,
its errors, its round trips (export/import, terms add, the compiled index) and what the checker
makes of them (typo, inconsistent, term-mismatch)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from glossary import TermbaseError, TermIndex, load_termbase, validate_files
from glossary.exchange import export_termbase, import_file, imported_text
from glossary.index import cache as index_cache
from glossary.model import WordKind
from glossary.serialize import entry_as_data

PLACES = """\
version: 1
entries:
  - id: kingdom
    type: place
    en:
      preferred: United Kingdom
      short: [UK]
      adjectives: [British]
      demonyms: [Briton, Britons]
    fr:
      preferred: Royaume-Uni
      adjectives: [britannique, britanniques]
      demonyms: [Britannique, Britanniques]
  - id: island
    type: place
    see_also: [kingdom]
    en:
      preferred: Great Britain
      accepted: [Britain]
    fr: Grande-Bretagne
  - id: zealand
    type: place
    en: New Zealand
    fr:
      preferred: Nouvelle-Zélande
      demonyms: [Néo-Zélandais, Néo-Zélandaise]
"""


@pytest.fixture
def places(write):
    return write("places.yaml", PLACES)


def problems_of(write, text: str, *below: str) -> list[str]:
    path = write("terms.yaml", text)
    return [f"{p.line}|{p.entry_id}|{p.message}" for p in validate_files([*below, path])]


# --- schema and loading --------------------------------------------------------------------------
def test_see_also_and_derived_words_load(places):
    termbase = load_termbase([places])
    kingdom, island = termbase.get("kingdom"), termbase.get("island")
    assert island.see_also == ("kingdom",)
    # Symmetric: naming the kingdom from the island relates the kingdom to the island.
    assert termbase.related("kingdom") == {"island"}
    assert termbase.related("island") == {"kingdom"}
    fr = kingdom.languages["fr"]
    assert [w.text for w in fr.adjectives] == ["britannique", "britanniques"]
    assert [(w.text, w.kind) for w in fr.demonyms] == [("Britannique", WordKind.DEMONYM),
                                                         ("Britanniques", WordKind.DEMONYM)]
    assert fr.demonyms[0].origin.line == 13
    # Derived words are no forms: a draft writing them does not name the entry.
    assert "britannique" not in [f.text for f in kingdom.forms()]


@pytest.mark.slow
def test_a_relation_may_name_an_entry_of_an_earlier_layer(write):
    house = write("house.yaml", """\
        version: 1
        entries:
          - id: house-britain
            type: place
            see_also: [united-kingdom]
            en: Blighty
            fr: Blighty
        """)
    termbase = load_termbase(["default", house])
    assert "house-britain" in termbase.related("united-kingdom")
    with pytest.raises(TermbaseError):  # alone, the id names nothing
        load_termbase([house])


BAD_RELATIONS = [
    ("see_also: [kingdon]", "5|island|'see_also' names 'kingdon', which is no entry of the "
                            "termbase (did you mean 'kingdom'?)"),
    ("see_also: [island]", "5|island|'see_also' names the entry itself; list other entries"),
    ("see_also: [kingdom, kingdom]", "5|island|'see_also' names 'kingdom' twice; keep one"),
    ("see_also: kingdom", "5|island|'see_also' must be a list of entry ids; write [kingdom]"),
    ("see_also: [Kingdom]", "5|island|'see_also' names 'Kingdom', which is not an entry id "
                            "(kebab-case, e.g. 'united-kingdom')"),
]


@pytest.mark.parametrize(("line", "expected"), BAD_RELATIONS)
def test_a_bad_relation_names_file_line_and_entry(write, line, expected):
    text = f"""\
version: 1
entries:
  - id: island
    type: place
    {line}
    en: Great Britain
  - id: kingdom
    type: place
    en: United Kingdom
"""
    assert problems_of(write, text) == [expected]


def test_related_entries_that_avoid_each_others_forms_conflict(write):
    found = problems_of(write, """\
        version: 1
        entries:
          - id: kingdom
            type: place
            en: {preferred: United Kingdom, avoid: [Britain]}
          - id: island
            type: place
            see_also: [kingdom]
            en: {preferred: Great Britain, short: [Britain]}
        """)
    # (The form shared by two entries may be a problem of its own too.)
    assert ("8|island|'see_also' relates 'island' and 'kingdom', but 'kingdom' lists "
            "'Britain', a short 'en' form of 'island', under avoid; related entries are "
            "both correct names: remove one") in found


def test_a_derived_word_may_not_be_a_form(write):
    found = problems_of(write, """\
        version: 1
        entries:
          - id: bolivia
            type: place
            en: {preferred: Bolivia, adjectives: [Bolivian, bolivia]}
          - id: bolivian-airline
            type: organization
            en: Bolivian
        """)
    assert found == [
        "5|bolivia|'en' adjective 'bolivia' is also a preferred form of the entry; a derived "
        "word is not a name: keep it in one list",
    ]
    found = problems_of(write, """\
        version: 1
        entries:
          - id: bolivia
            type: place
            en: {preferred: Bolivia, adjectives: [Bolivian]}
          - id: bolivian-airline
            type: organization
            en: Bolivian
        """)
    assert found == ["5|bolivia|'en' adjective 'Bolivian' is also a preferred form of entry "
                     "'bolivian-airline'; a word is either a name or a word derived from one"]


def test_derived_lists_are_lists_of_distinct_words(write):
    found = problems_of(write, """\
        version: 1
        entries:
          - id: bolivia
            type: place
            fr:
              preferred: Bolivie
              adjectives: bolivien
              demonyms: [Bolivien, Bolivien]
        """)
    assert found == ["7|bolivia|'adjectives' under 'fr' must be a list of words; write [bolivien]",
                     "8|bolivia|'fr' demonym 'Bolivien' is listed twice; keep one"]


# --- round trips ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["tbx", "csv", "json"])
def test_relations_and_derived_words_survive_export_and_import(places, tmp_path, fmt):
    termbase = load_termbase([places])
    exported = tmp_path / f"export.{fmt}"
    exported.write_text(export_termbase(termbase, fmt), encoding="utf-8")
    result = import_file(exported)
    text, problems = imported_text(result, exported.name)
    assert problems == [] and result.warnings == []
    back = tmp_path / "back.yaml"
    back.write_text(text, encoding="utf-8")
    assert ([entry_as_data(e) for e in load_termbase([back])]
            == [entry_as_data(e) for e in termbase])


def test_tbx_writes_a_standard_cross_reference(places):
    tbx = export_termbase(load_termbase([places]), "tbx")
    assert '<ref type="crossReference" target="kingdom">kingdom</ref>' in tbx
    assert "<note>termcheck-demonyms: Néo-Zélandais | Néo-Zélandaise</note>" in tbx


def test_terms_add_writes_see_also_adjectives_and_demonyms(places, write):
    house = write("house.yaml", "version: 1\nentries:\n")
    args = ["terms", "add", str(house), "--id", "scotland", "--type", "place",
            "--preferred", "en=Scotland", "--preferred", "fr=Écosse",
            "--adjective", "fr=écossais", "--adjective", "fr=écossaise",
            "--demonym", "en=Scots", "--see-also", "kingdom", "--terms", str(places)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = house.read_text(encoding="utf-8")
    assert "  see_also: [kingdom]\n" in text
    assert "    adjectives: [écossais, écossaise]\n" in text
    termbase = load_termbase([places, house])
    assert termbase.related("kingdom") == {"island", "scotland"}
    assert [w.text for w in termbase.get("scotland").derived("en")] == ["Scots"]
    # An update adds a derived word to a language written as a bare string, keeping the rest.
    args = ["terms", "add", str(house), "--update", "--id", "scotland",
            "--adjective", "en=Scottish", "--terms", str(places)]
    assert CliRunner().invoke(cli, args, catch_exceptions=False).exit_code == 0
    scotland = load_termbase([places, house]).get("scotland")
    assert [w.text for w in scotland.derived("en")] == ["Scottish", "Scots"]
    assert scotland.see_also == ("kingdom",)
    # A relation to no entry of the layered termbases is refused; the file is untouched.
    before = house.read_bytes()
    args = ["terms", "add", str(house), "--id", "wales", "--type", "place",
            "--preferred", "en=Wales", "--see-also", "kingdon", "--terms", str(places)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "names 'kingdon', which is no entry" in result.output
    assert house.read_bytes() == before


def test_the_compiled_index_keeps_relations_and_derived_words(places, tmp_path):
    assert index_cache.FORMAT >= 5  # caches of format 4 had neither: they are not read
    key = index_cache.index_key([places])
    target = tmp_path / "places.idx"
    index_cache.write_index(TermIndex(load_termbase([places])), key, target)
    index = index_cache.read_index(target, key)
    assert index.termbase.related("kingdom") == {"island"}
    zealand = index.termbase.get("zealand")
    assert [w.text for w in zealand.derived("fr")] == ["Néo-Zélandais", "Néo-Zélandaise"]
    assert index.termbase.get("island").see_also == ("kingdom",)
    assert [e.id for e in index.derived_entries("néo-zélandaise")] == ["zealand"]
    assert index.is_derived_word("Zélandais") and not index.is_derived_word("Néo")


# --- the checker ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def checkers():
    termbase = load_termbase()
    # With term-mismatch's review hints: an added name is how a place read where the source
    # does not name it shows.
    return {lang: Checker(termbase, CheckOptions(lang=lang, review_hints=True))
            for lang in ("fr", "en")}


def findings(checkers, text: str, lang: str, path: str = "draft.txt"):
    return [(f.rule, f.text, f.severity.value) for f in checkers[lang].check_text(text, path)
            .findings]


def test_related_names_and_short_forms_are_never_inconsistent(checkers):
    assert findings(checkers, "Le Royaume-Uni a voté. La Grande-Bretagne, elle, hésite ; le "
                              "Royaume-Uni tranchera.", "fr") == []
    # Britain (accepted) is the short form of Great Britain, written after it on purpose.
    assert findings(checkers, "Great Britain voted on Monday. Britain then changed its mind, "
                              "and the UK followed.", "en") == []
    # Two full forms of one name still are.
    assert findings(checkers, "Kim Jong-un a parlé. Kim Jong Un a ensuite répété.", "fr") == [
        ("inconsistent", "Kim Jong Un", "warning")]


def test_demonyms_and_adjectives_are_known_words(checkers):
    text = ("En Tchétchénie, des Tchétchènes ont manifesté ; en Biélorussie, des Biélorusses. "
            "À Bruxelles, les Bruxellois et une journaliste bolivienne ont interrogé les "
            "Britanniques. En Bolivie, des Boliviens.")
    assert findings(checkers, text, "fr") == []
    text = "In the United Arab Emirates, Emiratis voted; in Moscow, Muscovites did not."
    assert findings(checkers, text, "en") == []


def po(*pairs: tuple[str, str]) -> str:
    units = "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in pairs)
    return 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n' + units


def test_a_derived_word_in_the_target_renders_the_source_name(checkers):
    text = po(("The UK government said no.", "Le gouvernement britannique a dit non."),
              ("Bolivia voted on Sunday.", "Les Boliviens ont voté dimanche."),
              ("Protests in New Zealand grew.", "Les Néo-Zélandais manifestent."))
    assert findings(checkers, text, "fr", "t.po") == []
    # Without it, the source's name is still wanted.
    text = po(("The UK government said no.", "Le gouvernement a dit non."))
    assert findings(checkers, text, "fr", "t.po") == [
        ("term-mismatch", "Le gouvernement a dit non.", "error")]


def test_a_name_for_a_source_adjective_is_no_added_name(checkers):
    text = po(("British voters said no.", "Les électeurs du Royaume-Uni ont dit non."))
    assert findings(checkers, text, "fr", "t.po") == []


def test_a_related_name_in_the_target_is_a_warning(checkers):
    text = po(("Britain voted on Monday.", "Le Royaume-Uni a voté lundi."))
    assert findings(checkers, text, "fr", "t.po") == [
        ("term-mismatch", "Le Royaume-Uni a voté lundi.", "warning")]


def test_lookup_shows_relations_both_ways(places):
    result = CliRunner().invoke(cli, ["lookup", "Royaume-Uni", "--terms", str(places)])
    assert "see also: island" in result.output
    assert "adjectives britannique, britanniques" in result.output


def test_a_listed_adjective_is_no_other_languages_form(checkers):
    # Argentine is the French name of Argentina and an English adjective the entry lists.
    assert findings(checkers, "Argentine beef prices rose; Argentine officials from Argentina "
                              "said so.", "en") == []
    # Standing for the place, it is the French name still.
    assert findings(checkers, "He lives in Argentine.", "en") == [
        ("wrong-language", "Argentine", "error")]


def test_an_adjective_closing_a_compound_names_no_place(checkers):
    # South American and sud-américain are not the United States; The British is the UK.
    text = po(("He flew to the South American country.",
               "Il a gagné ce pays sud-américain, puis les États-Unis."),
              ("The British prime minister spoke.", "Le Premier ministre du Royaume-Uni a parlé."))
    assert findings(checkers, text, "fr", "t.po") == [
        ("term-mismatch", "États-Unis", "info")]


def test_stats_count_relations_and_derived_words(places):
    result = CliRunner().invoke(cli, ["terms", "stats", "--format", "json", "--terms",
                                      str(places)])
    data = json.loads(result.output)
    assert data["relations"] == 1
    assert data["languages"]["fr"]["adjectives"] == 2
    assert data["languages"]["fr"]["demonyms"] == 4
