"""The TMX reader: translation units as source and target segments, with file positions."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.errors import InputError
from checker.readers import reader_for, tmx

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="none" '
        'adminlang="en" srclang="{src}" datatype="plaintext"/>\n<body>\n')
TAIL = "</body>\n</tmx>\n"


def memory(*units: str, src: str = "en") -> str:
    return HEAD.format(src=src) + "".join(units) + TAIL


def tu(*tuvs: tuple[str, str], attrs: str = "") -> str:
    inner = "".join(f'<tuv xml:lang="{lang}"><seg>{seg}</seg></tuv>\n' for lang, seg in tuvs)
    return f"<tu{attrs}>\n{inner}</tu>\n"


def pairs(doc):
    return [(s.role, s.lang, s.unit, doc.text[s.start:s.end]) for s in doc.segments]


def test_registered_for_tmx():
    assert reader_for("memory.TMX") is tmx.read


def test_units_are_source_and_target_pairs_by_srclang():
    text = memory(tu(("en", "The White House"), ("fr", "La Maison-Blanche"), attrs=' tuid="a"'),
                  tu(("fr", "Le Kremlin"), ("en", "The Kremlin")))
    doc = tmx.read("m.tmx", text)
    assert pairs(doc) == [("source", "en", "tu:a", "The White House"),
                          ("target", "fr", "tu:a", "La Maison-Blanche"),
                          ("source", "en", "tu#2", "The Kremlin"),
                          ("target", "fr", "tu#2", "Le Kremlin")]
    assert doc.segments[1].info == (("id", "a"), ("line", "7"))
    # Every character of the text maps to itself in the file.
    for segment in doc.segments:
        start = doc.file_offset(segment.start)
        assert text[start:start + segment.end - segment.start] == doc.text[segment.start:
                                                                           segment.end]


def test_unit_srclang_and_all_languages():
    text = memory(tu(("fr", "Le Kremlin"), ("en", "The Kremlin"), attrs=' srclang="fr"'),
                  tu(("de", "Berlin"), ("en", "Berlin")), src="*all*")
    assert [(s.role, s.lang) for s in tmx.read("m.tmx", text).segments] == [
        ("source", "fr"), ("target", "en"), ("source", "de"), ("target", "en")]


def test_every_target_language_is_read_each_target_with_its_language():
    text = memory(tu(("en", "Moscow"), ("fr", "Moscou"), ("de", "Moskau"), ("FR", "Moscou bis")),
                  tu(("en", "Kyiv"), ("de", "Kyjiw"), ("fr", "")))
    doc = tmx.read("m.tmx", text)
    # The first <tuv> of each language is the target (fr and FR are one language); an empty
    # <seg> gives no segment, and its source still lists the language.
    assert [(s.role, s.lang, doc.text[s.start:s.end]) for s in doc.segments] == [
        ("source", "en", "Moscow"), ("target", "fr", "Moscou"), ("target", "de", "Moskau"),
        ("source", "en", "Kyiv"), ("target", "de", "Kyjiw")]
    assert dict(doc.segments[0].info)["targets"] == "fr de"
    assert dict(doc.segments[3].info)["targets"] == "de fr"


def test_a_memory_of_several_target_languages_has_a_document_for_each():
    text = memory(tu(("en", "Moscow"), ("fr", "Moscou"), ("de", "Moskau")),
                  tu(("en", "Kyiv"), ("de", "Kyjiw"), ("fr", "")),
                  tu(("en", "Paris"), ("fr-CA", "Paris")))
    views = tmx.read("m.tmx", text).by_target_language()
    assert [(tag, [(s.role, view.text[s.start:s.end]) for s in view.segments])
            for tag, view in views] == [
        # Kyiv, with its French <seg> empty, stays in the French document (untranslated).
        ("fr", [("source", "Moscow"), ("target", "Moscou"), ("source", "Kyiv")]),
        ("de", [("source", "Moscow"), ("target", "Moskau"), ("source", "Kyiv"),
                ("target", "Kyjiw")]),
        ("fr-CA", [("source", "Paris"), ("target", "Paris")])]


def test_a_memory_of_one_target_language_is_one_document():
    text = memory(tu(("en", "Moscow"), ("fr", "Moscou")), tu(("en", "Kyiv"), ("fr", "Kyiv")))
    assert tmx.read("m.tmx", text).by_target_language() == []


def test_inline_tags_are_named_by_x_else_i_else_their_code():
    seg = ('<bpt i="1" x="1">&lt;b&gt;</bpt>Lavrov<ept i="1">&lt;/b&gt;</ept> '
           '<ph>{0}</ph><it pos="begin">&lt;i&gt;</it><hi type="bold">Moscou</hi><ph x="4"/>'
           '<ut>\\par</ut>')
    text = memory(tu(("en", "x"), ("fr", seg)))
    doc = tmx.read("m.tmx", text)
    tags = doc.segments[1].tags
    assert [(t.kind, t.key, t.written, t.pair, doc.text[t.start:t.end]) for t in tags] == [
        ("bpt", "bpt x=1", '<bpt x="1">', "1", " "),
        ("ept", "ept i=1", '<ept i="1">', "1", " "),
        ("ph", "ph {0}", "<ph>{0}</ph>", None, " "),
        ("it", "it pos=begin <i>", '<it pos="begin">&lt;i&gt;</it>', None, " "),
        ("hi", "hi type=bold", '<hi type="bold">', None, "Moscou"),
        ("ph", "ph x=4", '<ph x="4"/>', None, " "),
        ("ut", "ut \\par", "<ut>\\par</ut>", None, " ")]
    assert all(text.startswith(f"<{t.kind}", t.offset) for t in tags)


def test_inline_codes_are_one_space_and_entities_their_character():
    seg = ('Le <bpt i="1">&lt;b&gt;</bpt>Premier ministre<ept i="1">&lt;/b&gt;</ept> '
           '<ph>{0}</ph>&amp; <hi>Ottawa</hi><ut>\\par</ut>')
    doc = tmx.read("m.tmx", memory(tu(("en", "x"), ("fr", seg))))
    assert pairs(doc)[1][3] == "Le  Premier ministre   & Ottawa "


@pytest.mark.parametrize("text, message", [
    ('<?xml version="1.0"?>\n<xliff version="1.2"/>\n', "is not a TMX file"),
    ('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY e "x">]>\n<tmx/>\n', "entit"),
    ('<tmx version="1.4"><body><tu>\n', "not well-formed XML"),
])
def test_files_that_are_no_usable_tmx_are_input_errors(text, message):
    with pytest.raises(InputError, match=message):
        tmx.read("m.tmx", text)


def test_check_reports_the_pair_findings_of_a_memory(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(memory(tu(("en", "The talks in Beijing ended on Friday evening."),
                              ("fr", "Les pourparlers à Beijing ont pris fin vendredi soir."))),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:7:43: error wrong-language 'Beijing' is the English form" in result.output


def test_check_reports_each_target_language_of_a_memory(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(memory(tu(("en", "Sergei Lavrov spoke in Beijing on Friday evening."),
                              ("fr", "Sergei Lavrov a parlé à Pékin vendredi soir."),
                              ("fr-CA", "Sergueï Lavrov a parlé à Beijing vendredi soir."),
                              ("de", "Sergej Lawrow sprach am Freitagabend in Peking."))),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert lines == [
        f"{path}:7:25: error wrong-language 'Sergei Lavrov' is the English form; in French write "
        "'Sergueï Lavrov' (fr target)",
        f"{path}:8:53: error wrong-language 'Beijing' is the English form; in French write "
        "'Pékin' (fr-CA target)"]
    # --lang chooses the targets checked: those in that language.
    only = CliRunner().invoke(cli, ["check", "--lang", "fr", str(path)])
    assert "(fr target)" in only.output and "(fr-CA target)" in only.output
    english = CliRunner().invoke(cli, ["check", "--lang", "en", str(path)])
    assert "fr-CA target" not in english.output


@pytest.mark.parametrize("options", [[], ["--lang", "fr"]])
def test_each_target_language_of_a_memory_has_its_house_style(tmp_path, options):
    path = tmp_path / "memory.tmx"
    path.write_text(memory(tu(("en", "Is the vote over? Not yet!"),
                              ("fr-FR", "Le vote est-il fini? Pas encore!"),
                              ("fr-CA", "Le vote est-il fini? Pas encore!"))), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", *options, str(path)])
    # Quebec usage puts no space before ? and !; France's does (the Imprimerie nationale's
    # narrow one). Two languages, two targets written alike: no inconsistent translation.
    assert [line.split(" ", 1)[1] for line in result.output.splitlines()
            if line.startswith(str(path))] == [
        "warning french-spacing no space before '?': French puts a narrow no-break space "
        "there (fr-FR target)",
        "warning french-spacing no space before '!': French puts a narrow no-break space "
        "there (fr-FR target)"]
