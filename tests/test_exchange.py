"""terms export and terms import: TBX, CSV and JSON, lossless on the whole default termbase,
lenient with files written by other tools."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from glossary import load_termbase
from glossary.exchange import (
    ExchangeError,
    export_termbase,
    import_file,
    imported_text,
)
from glossary.langtags import tag_of_name
from glossary.serialize import entry_as_data


def as_data(termbase):
    return [entry_as_data(entry, expand=True) for entry in termbase]


def reimport(tmp_path, termbase, fmt):
    """Export ``termbase`` as ``fmt``, import it back, load the YAML: (termbase, warnings)."""
    exported = tmp_path / f"export.{fmt}"
    exported.write_text(export_termbase(termbase, fmt), encoding="utf-8")
    result = import_file(exported, fmt)
    text, problems = imported_text(result, exported.name)
    assert problems == []
    path = tmp_path / f"from-{fmt}.yaml"
    path.write_text(text, encoding="utf-8")
    return load_termbase([path]), result.warnings


@pytest.fixture(scope="module")
def default():
    return load_termbase()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["tbx", "tbx-basic", "csv", "json"])
def test_the_default_termbase_round_trips_losslessly(default, tmp_path, fmt):
    back, warnings = reimport(tmp_path, default, fmt)
    assert warnings == []
    assert as_data(back) == as_data(default)  # ids, order, types, case, notes, forms, statuses


@pytest.mark.slow
def test_yaml_tbx_csv_tbx_yaml(default, tmp_path):
    via_tbx, _ = reimport(tmp_path, default, "tbx")
    via_csv, _ = reimport(tmp_path, via_tbx, "csv")
    assert export_termbase(via_csv, "tbx") == export_termbase(default, "tbx")
    assert export_termbase(via_csv, "csv") == export_termbase(default, "csv")


def test_tbx_fields(default):
    tbx = export_termbase(default, "tbx")
    assert tbx.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso'
                          ':30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">')
    minister = tbx[tbx.index('<conceptEntry id="foreign-minister">'):]
    minister = minister[:minister.index("</conceptEntry>")]
    assert '<descrip type="subjectField">title</descrip>' in minister
    assert "<term>foreign affairs minister</term>" in minister
    assert "admittedTerm-admn-sts" in minister
    assert '<termNote type="partOfSpeech">noun</termNote>' in minister
    assert "deprecatedTerm-admn-sts" in tbx and "shortForm" in tbx


def test_case_and_ambiguous_survive(tmp_path, write):
    path = write("odd.yaml", """\
        version: 1
        entries:
          - id: may-theresa
            type: person
            ambiguous: true
            en: {preferred: Theresa May, short: [May]}
          - id: un
            type: organization
            case: exact
            en: United Nations
          - id: 7-eleven
            type: organization
            en: 7-Eleven
        """)
    termbase = load_termbase([path])
    for fmt in ("tbx", "csv"):
        back, warnings = reimport(tmp_path, termbase, fmt)
        assert warnings == []
        assert as_data(back) == as_data(termbase)


CSV_HEADER = ("id,type,case,ambiguous,note,see_also,en,en:accepted,en:avoid,en:short,"
              "en:adjectives,en:demonyms,fr,fr:accepted,fr:avoid,fr:short,fr:adjectives,"
              "fr:demonyms")


def test_csv_header_is_documented(default):
    first = export_termbase(default, "csv").splitlines()[0]
    assert first == CSV_HEADER


FOREIGN_TBX = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif [<!ENTITY boom "Sergei Lavrov Sergei Lavrov">]>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>From another tool</p></sourceDesc></fileDesc>
  </martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="subjectField">Politics</descrip>
      <descrip type="definition">Russian diplomat.</descrip>
      <langSet xml:lang="en">
        <tig><term>Sergei Lavrov</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>Sergey Lavrov</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>Lavrov</term><termNote type="termType">shortForm</termNote></tig>
      </langSet>
      <langSet xml:lang="fr-FR">
        <ntig><termGrp><term>Sergueï Lavrov</term></termGrp>
          <admin type="source">AFP</admin></ntig>
        <ntig><termGrp><term>Sergei Lavrov</term>
          <termNote type="normativeAuthorization">deprecatedTerm</termNote></termGrp></ntig>
      </langSet>
    </termEntry>
    <termEntry id="C-2">
      <langSet xml:lang="en"><tig><term>Lavrov</term></tig>
        <tig><term>&boom;</term></tig></langSet>
      <langSet xml:lang="de"><tig><term>Sergej Lawrow</term>
        <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
    </termEntry>
    <termEntry>
      <langSet xml:lang="en"><tig><term>Nikita  Khrushchev</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>Nikita Khrouchtchev</term></tig>
        <tig><term>Khrouchtchev</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_a_tbx_from_another_tool_imports_with_warnings(write):
    path = write("other.tbx", FOREIGN_TBX)
    result = CliRunner().invoke(cli, ["terms", "import", str(path), "--default-type", "person"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warnings = [line for line in result.output.splitlines() if "warning:" in line]
    joined = "\n".join(warnings)
    assert "several preferred 'en' terms; 'Sergei Lavrov' kept as preferred" in joined
    assert "'fr-FR' term 'Sergueï Lavrov' has no status; taken as preferred" in joined
    assert "ignored data category 'descrip/definition' (1 time)" in joined
    assert "ignored data category 'admin/source' (1 time)" in joined
    assert "'en' term 'Lavrov' already belongs to entry 'c1'" in joined
    assert "'de' has only terms to avoid" in joined
    termbase = load_termbase([write("imported.yaml", result.stdout)])
    lavrov = termbase.get("c1")
    assert lavrov.type.value == "person"
    assert lavrov.languages["en"].texts() == ["Sergei Lavrov", "Sergey Lavrov", "Lavrov"]
    # fr-FR forms are French forms (the region is kept as the entry's regional choice).
    assert lavrov.languages["fr"].texts("avoid") == ["Sergei Lavrov"]
    assert lavrov.regional == (("fr-FR", "Sergueï Lavrov"),)
    assert "C-2" not in termbase  # nothing usable left in it: the entity is never expanded
    khrushchev = termbase.get("khrushchev-nikita")
    assert khrushchev.preferred("en") == "Nikita Khrushchev"  # spaces tidied
    assert khrushchev.languages["fr"].texts("accepted") == ["Khrouchtchev"]


def test_not_tbx_and_broken_xml_are_clear_errors(write):
    path = write("x.tbx", "<html><body/></html>")
    result = CliRunner().invoke(cli, ["terms", "import", str(path)])
    assert result.exit_code == 2
    assert "not a TBX file (the root element is <html>" in result.output
    path = write("y.tbx", "<tbx><text>")
    result = CliRunner().invoke(cli, ["terms", "import", str(path)])
    assert result.exit_code == 2
    assert "not well-formed XML" in result.output


def test_a_spreadsheet_csv_imports(write, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes("\ufeffEN;FR;fr:avoid;Comment\n"
                     "Volodymyr Zelensky;Volodymyr Zelensky;Vladimir Zelenski;checked\n"
                     ";;;\n"
                     "Kyiv;Kiev;Kyiv | Kyïv;\n".encode())
    result = import_file(path, default_type="place")
    assert result.warnings == [f"{path}: ignored column 'Comment' (columns are id, type, "
                               f"case, ambiguous, note, see_also and L, L:accepted, L:avoid, "
                               f"L:short, L:adjectives, L:demonyms per language)"]
    assert result.entries == [
        {"id": "volodymyr-zelensky", "type": "place", "en": "Volodymyr Zelensky",
         "fr": {"preferred": "Volodymyr Zelensky", "avoid": ["Vladimir Zelenski"]}},
        {"id": "kyiv", "type": "place", "en": "Kyiv",
         "fr": {"preferred": "Kiev", "avoid": ["Kyiv", "Kyïv"]}},
    ]


def test_csv_without_language_columns_is_an_error(write):
    with pytest.raises(ExchangeError, match="no language column"):
        import_file(write("a.csv", "name,comment\nx,y\n"))


def test_export_json_and_output_file(small_terms, tmp_path):
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["terms", "export", "--format", "json", "--terms",
                                      str(small_terms), "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["entries"][0]["id"] == "patrushev-nikolai"
    result = CliRunner().invoke(cli, ["terms", "import", str(out)])
    assert "- id: patrushev-nikolai" in result.output


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_headers_may_name_languages_in_words(write, delimiter):
    rows = [["English", "French (Canada)", "Français", "Note"],
            ["Gaza Strip", "bande de Gaza", "Bande de Gaza", "a note, with a comma; and more"],
            ["Beijing", "Beijing", "Pékin", ""]]
    text = "\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in row)
                     for row in rows) + "\n"
    result = import_file(write("names.csv", text), default_type="place")
    assert result.warnings == []
    assert result.entries[0] == {
        "id": "gaza-strip", "type": "place", "note": "a note, with a comma; and more",
        "en": "Gaza Strip", "fr-CA": "bande de Gaza", "fr": "Bande de Gaza"}
    assert [e["en"] for e in result.entries] == ["Gaza Strip", "Beijing"]


def test_csv_headers_with_codes_and_regions(write):
    result = import_file(write("codes.csv", "en-US;fr_FR\nWhite House;Maison-Blanche\n"))
    assert result.entries == [{"id": "white-house", "type": "other", "en-US": "White House",
                               "fr-FR": "Maison-Blanche"}]


@pytest.mark.parametrize("header, tag", [
    ("English", "en"), ("french", "fr"), ("Français", "fr"), ("French (Canada)", "fr-CA"),
    ("English (US)", "en-US"), ("German (Switzerland)", "de-CH"), ("Klingon", None),
    ("French (Atlantis)", None), ("Comment", None),
])
def test_language_names_as_tags(header, tag):
    assert tag_of_name(header) == tag


def test_csv_delimiter_is_sniffed_past_quoted_commas(write):
    # As many commas as semicolons in the header: counting alone would split on the commas.
    text = 'English;French;"Source, date"\nRed Cross;Croix-Rouge;"ICRC, 2024"\n'
    result = import_file(write("sheet.csv", text))
    assert len(result.warnings) == 1
    assert "sheet.csv: ignored column 'Source, date' (columns are" in result.warnings[0]
    assert result.entries == [{"id": "red-cross", "type": "other", "en": "Red Cross",
                               "fr": "Croix-Rouge"}]


def test_translate_toolkit_reads_every_term_of_the_tbx_basic_export(default):
    """Weblate and Pootle read TBX through translate-toolkit: every entry is a unit, with
    every form of every language, in order, with its status."""
    from translate.storage.tbx import tbxfile

    exported = export_termbase(default, "tbx-basic")
    assert exported.startswith('<?xml version="1.0" encoding="UTF-8"?>\n'
                               '<martif type="TBX-Basic-V1" xml:lang="en">')
    store = tbxfile.parsestring(exported.encode("utf-8"))
    units = {unit.getid(): unit for unit in store.units}
    assert list(units) == [entry.id for entry in default]
    status = {"preferred": "preferredTerm-admn-sts", "accepted": "admittedTerm-admn-sts",
              "avoid": "deprecatedTerm-admn-sts", "short": "preferredTerm-admn-sts"}
    for entry in default:
        for lang, forms in entry.languages.items():
            read = [(t.text, t.administrative_status)
                    for t in units[entry.id].get_target_terms(lang)]
            assert read == [(f.text, status[str(f.status)]) for f in forms.forms()], entry.id
