"""The XLIFF reader: units, inline markup, states and languages; exact file positions; safe
parsing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from checker.document import Segment
from checker.errors import InputError
from checker.readers import reader_for, xliff

FIXTURES = Path(__file__).parent / "fixtures" / "translation"
XLF_TEXT = (FIXTURES / "depeches.fr.xlf").read_text(encoding="utf-8")
XLIFF2_TEXT = (FIXTURES / "depeches.fr.xliff").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc12():
    return xliff.read("depeches.fr.xlf", XLF_TEXT)


@pytest.fixture(scope="module")
def doc20():
    return xliff.read("depeches.fr.xliff", XLIFF2_TEXT)


def unit_12(body: str, file_attributes: str = 'source-language="en" target-language="fr"'):
    return (f'<?xml version="1.0"?>\n<xliff version="1.2" '
            f'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file {file_attributes}>'
            f"<body>\n{body}\n</body></file></xliff>\n")


def test_registered_for_xlf_and_xliff():
    assert reader_for("fr.xlf") is xliff.read
    assert reader_for("fr.XLIFF") is xliff.read


# --- XLIFF 1.2 ------------------------------------------------------------------------------

def test_12_text(doc12):
    assert doc12.raw == XLF_TEXT
    assert doc12.text == (
        "Sergei Lavrov received Wang Yi in Moscow.\n\n"
        "Sergueï Lavrov a reçu Wang Yi à Moscou.\n\n"
        "Talks & a dinner with Nikolai Patrushev followed.\n\n"
        "Entretiens & dîner avec  Nikolaï Patrouchev ensuite.\n\n"
        "Wang Yi will fly to Beijing.\n\n"
        "Sergei Lavrov in Ottawa\n\n"
        "Sergueï Lavrov à Ottawa"
    )
    assert len(doc12.offsets) == len(doc12.text) + 1


def test_12_segments(doc12):
    note = ("note", "Vérifier la graphie du prénom.")
    review = (("state", "needs-review-translation"), ("fuzzy", "1"), ("id", "moscou-2"))
    # Their inline tags: test_12_inline_tags.
    assert [replace(s, tags=()) for s in doc12.segments] == [
        Segment(0, 41, "source", "en", "moscou-1",
                (("state", "translated"), ("id", "moscou-1"), note, ("line", "6"))),
        Segment(43, 82, "target", "fr", "moscou-1",
                (("state", "translated"), ("id", "moscou-1"), note, ("line", "7"))),
        Segment(84, 133, "source", "en", "moscou-2", (*review, ("line", "11"))),
        Segment(135, 187, "target", "fr", "moscou-2", (*review, ("line", "12"))),
        # an empty target is skipped, its source kept
        Segment(189, 217, "source", "en", "pekin-1",
                (("state", "new"), ("id", "pekin-1"), ("line", "19"))),
        # xml:lang on the target wins; <alt-trans> is not read
        Segment(219, 242, "source", "en", "quebec-1",
                (("state", "final"), ("id", "quebec-1"), ("line", "23"))),
        Segment(244, 267, "target", "fr-CA", "quebec-1",
                (("state", "final"), ("id", "quebec-1"), ("line", "24"))),
    ]


def test_12_translate_no_is_skipped(doc12):
    assert "code-1" not in {s.unit for s in doc12.segments}


def test_12_position_of_a_name_in_a_target(doc12):
    start = doc12.text.index("Nikolaï Patrouchev")
    end = start + len("Nikolaï Patrouchev")
    # line 12: ...avec <ph id="3">&lt;b&gt;</ph>Nikolaï Patrouchev<x id="2"/>ensuite.
    assert doc12.position(start) == (12, 108)
    assert doc12.position(end) == (12, 126)
    assert XLF_TEXT[doc12.file_offset(start):doc12.file_offset(end)] == "Nikolaï Patrouchev"


def test_12_paired_inline_text_is_text(doc12):
    start = doc12.text.index("Wang Yi à Moscou")
    assert doc12.position(start) == (7, 68)  # inside <g id="1">
    assert XLF_TEXT[doc12.file_offset(start):].startswith("Wang Yi</g> à Moscou")


def test_12_entities_map_to_their_ampersand(doc12):
    ampersand = doc12.text.index("& dîner")
    i_circumflex = doc12.text.index("îner")
    assert doc12.position(ampersand) == (12, 61)
    assert XLF_TEXT[doc12.file_offset(ampersand):].startswith("&amp; d&#238;ner")
    assert doc12.position(i_circumflex) == (12, 68)
    assert XLF_TEXT[doc12.file_offset(i_circumflex):].startswith("&#238;ner")
    assert doc12.position(i_circumflex + 1) == (12, 74)


def test_12_native_code_is_one_space_at_its_tag(doc12):
    # <ph>&lt;b&gt;</ph> and <x/> each give one space; the content of <ph> is not text
    assert "<b>" not in doc12.text
    source = doc12.text.index("Patrushev followed")
    space = source + len("Patrushev")
    assert doc12.text[space] == " "
    assert XLF_TEXT[doc12.file_offset(space):].startswith('<x id="2"/>followed')
    ph = doc12.text.index("  Nikolaï") + 1
    assert XLF_TEXT[doc12.file_offset(ph):].startswith('<ph id="3">')


def test_12_fuzzy_only_for_needs_review_states():
    body = "\n".join(
        f'<trans-unit id="u{n}"><source>Wang Yi</source><target state="{state}">Wang Yi'
        "</target></trans-unit>"
        for n, state in enumerate(["needs-review-translation", "needs-review-adaptation",
                                   "needs-review-l10n", "needs-translation", "translated",
                                   "signed-off"]))
    doc = xliff.read("x.xlf", unit_12(body))
    fuzzy = [s.unit for s in doc.segments if s.role == "target" and ("fuzzy", "1") in s.info]
    assert fuzzy == ["u0", "u1", "u2"]


def test_12_translate_no_on_a_group_applies_to_its_units():
    body = ('<group translate="no"><trans-unit id="a"><source>Sergei Lavrov</source>'
            '</trans-unit></group><group><trans-unit id="b"><source>Wang Yi</source>'
            "</trans-unit></group>")
    doc = xliff.read("x.xlf", unit_12(body))
    assert doc.text == "Wang Yi"
    assert [s.unit for s in doc.segments] == ["b"]


def test_12_xml_lang_on_the_source_wins():
    body = ('<trans-unit id="a"><source xml:lang="en-GB">Sergei Lavrov</source>'
            '<target>Sergueï Lavrov</target></trans-unit>')
    doc = xliff.read("x.xlf", unit_12(body))
    assert [(s.role, s.lang) for s in doc.segments] == [("source", "en-GB"), ("target", "fr")]


def test_12_no_languages_on_the_file():
    doc = xliff.read("x.xlf", unit_12('<trans-unit id="a"><source>Wang Yi</source>'
                                      "</trans-unit>", 'original="x"'))
    assert doc.segments == [Segment(0, 7, "source", None, "a", (("id", "a"), ("line", "4")))]


def test_12_minified_file_positions():
    text = ('<xliff version="1.2"><file target-language="fr"><body><trans-unit id="a"><source>'
            'Lavrov</source><target>Lavrov</target></trans-unit><trans-unit id="b"><source>'
            "Wang Yi</source><target>Wang Yi &gt; Sergueï Lavrov</target></trans-unit></body>"
            "</file></xliff>")
    doc = xliff.read("x.xlf", text)
    start = doc.text.index("Sergueï")
    assert doc.position(start) == (1, text.index("Sergueï") + 1)
    assert [dict(s.info)["line"] for s in doc.segments] == ["1", "1", "1", "1"]


def test_12_cdata_comments_and_crlf():
    body = ('<trans-unit id="a">\r\n<source>Sergei<!-- c --> <![CDATA[Lavrov & co]]>\r\n'
            "Wang&#10;Yi</source></trans-unit>")
    text = unit_12(body).replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    doc = xliff.read("x.xlf", text)
    assert doc.text == "Sergei Lavrov & co\nWang\nYi"
    assert doc.position(doc.text.index("Lavrov")) == (5, 35)
    assert doc.position(doc.text.index("Wang")) == (6, 1)


def test_12_units_of_several_files_get_distinct_keys():
    unit = '<trans-unit id="a"><source>Wang Yi</source></trans-unit>'
    text = ('<xliff version="1.2">'
            f'<file original="one.txt"><body>{unit}</body></file>'
            f'<file original="two.txt"><body>{unit}</body></file></xliff>')
    doc = xliff.read("x.xlf", text)
    assert [s.unit for s in doc.segments] == ["one.txt\x04a", "two.txt\x04a"]


# --- XLIFF 2.0 ------------------------------------------------------------------------------

def test_20_text(doc20):
    assert doc20.text == (
        "Wang Yi met Sergei Lavrov in Beijing.\n\n"
        "Wang Yi a reçu Sergueï Lavrov à Pékin.\n\n"
        "Nikolai Patrushev arrived.\n\n"
        "Nikolaï Patrouchev est arrivé.\n\n"
        "Wang Yi & Sergei Lavrov\n\n"
        "Wang Yi & Sergueï Lavrov\n\n"
        "Nikolai Patrushev will speak."
    )


def test_20_segments(doc20):
    note = ("note", "Titre du ministre à confirmer.")
    # Their inline tags: test_20_inline_tags.
    assert [replace(s, tags=()) for s in doc20.segments] == [
        Segment(0, 37, "source", "en", "pekin-1",
                (("state", "translated"), ("id", "pekin-1"), ("segment", "s1"), note,
                 ("line", "7"))),
        Segment(39, 77, "target", "fr", "pekin-1",
                (("state", "translated"), ("id", "pekin-1"), ("segment", "s1"), note,
                 ("line", "8"))),
        Segment(79, 105, "source", "en", "pekin-1",
                (("state", "initial"), ("id", "pekin-1"), ("segment", "s2"), note,
                 ("line", "14"))),
        Segment(107, 137, "target", "fr", "pekin-1",
                (("state", "initial"), ("id", "pekin-1"), ("segment", "s2"), note,
                 ("line", "15"))),
        # A segment without an id is paired by its place in the unit (#1, #2).
        Segment(139, 162, "source", "en", "pekin-3",
                (("state", "reviewed"), ("id", "pekin-3"), ("segment", "#1"), ("line", "26"))),
        Segment(164, 188, "target", "fr-FR", "pekin-3",
                (("state", "reviewed"), ("id", "pekin-3"), ("segment", "#1"), ("line", "27"))),
        # an empty <target></target> is skipped; translate="no" and <ignorable> are not read
        Segment(190, 219, "source", "en", "pekin-3",
                (("id", "pekin-3"), ("segment", "#2"), ("line", "30"))),
    ]


def test_20_position_of_a_name_in_a_target(doc20):
    start = doc20.text.index("Sergueï Lavrov")  # inside <pc id="1">
    assert doc20.position(start) == (8, 43)
    assert XLIFF2_TEXT[doc20.file_offset(start):].startswith("Sergueï Lavrov</pc> à Pékin")
    start = doc20.text.index("Nikolaï Patrouchev")
    assert doc20.position(start) == (15, 17)
    end = start + len("Nikolaï Patrouchev")
    assert doc20.text[end] == " "  # <ph id="2"/>
    assert doc20.position(end) == (15, 35)
    assert XLIFF2_TEXT[doc20.file_offset(end):].startswith('<ph id="2"/>est arrivé')


def test_20_native_codes_skip_their_content():
    text = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">'
            '<file id="f"><unit id="u"><segment><source>Wang<sc id="1"/>Yi<ec startRef="1"/> '
            '<ph id="2"/><pc id="3">Sergei <mrk id="m" translate="no">Lavrov</mrk></pc>'
            '<cp hex="0009"/></source></segment></unit></file></xliff>')
    doc = xliff.read("x.xliff", text)
    assert doc.text == "Wang Yi   Sergei Lavrov "
    assert doc.position(doc.text.index("Lavrov")) == (1, text.index("Lavrov") + 1)


# --- inline tags ----------------------------------------------------------------------------

def tags_of(doc, raw):
    """Each segment's tags as (kind, key, written, the text they stand on), each checked to
    point at its ``<`` in the file."""
    out = []
    for segment in doc.segments:
        for tag in segment.tags:
            assert raw[tag.offset] == "<" and raw.startswith(f"<{tag.kind}", tag.offset)
            assert segment.start <= tag.start <= tag.end <= segment.end
            out.append((segment.role, tag.kind, tag.key, tag.written,
                        doc.text[tag.start:tag.end]))
    return out


def test_12_inline_tags(doc12):
    assert tags_of(doc12, XLF_TEXT) == [
        ("source", "g", "g id=1", '<g id="1">', "Wang Yi"),
        ("target", "g", "g id=1", '<g id="1">', "Wang Yi"),
        ("source", "x", "x id=2", '<x id="2"/>', " "),
        ("target", "ph", "ph id=3", '<ph id="3">', " "),
        ("target", "x", "x id=2", '<x id="2"/>', " "),
    ]
    # The native code's space maps to its tag.
    ph = doc12.segments[3].tags[0]
    assert doc12.file_offset(ph.start) == ph.offset


def test_12_paired_codes_pair_by_rid_else_id():
    text = unit_12('<trans-unit id="u"><source><bpt id="1">&lt;b&gt;</bpt>Lavrov'
                   '<ept id="1">&lt;/b&gt;</ept> <bx id="2" rid="7"/>Wang<ex id="3" rid="7"/> '
                   '<it id="4" pos="open">&lt;i&gt;</it><mrk mtype="term">Moscou</mrk>'
                   '</source></trans-unit>')
    doc = xliff.read("x.xlf", text)
    tags = doc.segments[0].tags
    assert [(t.kind, t.key, t.pair, t.opens) for t in tags] == [
        ("bpt", "bpt id=1", "1", True), ("ept", "ept id=1", "1", False),
        ("bx", "bx id=2", "7", True), ("ex", "ex id=3", "7", False),
        ("it", "it id=4", None, None)]  # <mrk> is an annotation, not a tag
    assert doc.text == " Lavrov   Wang   Moscou"


def test_20_inline_tags(doc20):
    assert tags_of(doc20, XLIFF2_TEXT) == [
        ("source", "pc", "pc id=1", '<pc id="1">', "Sergei Lavrov"),
        ("target", "pc", "pc id=1", '<pc id="1">', "Sergueï Lavrov"),
        ("source", "ph", "ph id=2", '<ph id="2"/>', " "),
        ("target", "ph", "ph id=2", '<ph id="2"/>', " "),
    ]


def test_20_start_and_end_codes_pair_unless_isolated():
    text = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">'
            '<file id="f"><unit id="u"><segment><source>Wang<sc id="1"/>Yi<ec startRef="1"/> '
            '<sc id="5" isolated="yes"/><ec id="6" isolated="yes"/><pc id="3">Sergei '
            '<mrk id="m" translate="no">Lavrov</mrk></pc><cp hex="0009"/><pc id="4"/>'
            '</source></segment></unit></file></xliff>')
    doc = xliff.read("x.xliff", text)
    assert [(t.kind, t.key, t.written, t.pair, t.opens, doc.text[t.start:t.end])
            for t in doc.segments[0].tags] == [
        ("sc", "sc id=1", '<sc id="1"/>', "1", True, " "),
        ("ec", "ec startRef=1", '<ec startRef="1"/>', "1", False, " "),
        ("sc", "sc id=5", '<sc id="5"/>', None, None, " "),
        ("ec", "ec id=6", '<ec id="6"/>', None, None, " "),
        ("pc", "pc id=3", '<pc id="3">', None, None, "Sergei Lavrov"),
        ("cp", "cp hex=0009", '<cp hex="0009"/>', None, None, " "),
        ("pc", "pc id=4", '<pc id="4"/>', None, None, ""),
    ]


# --- errors and safety ----------------------------------------------------------------------

def test_malformed_xml_names_the_line():
    text = unit_12('<trans-unit id="a">\n<source>Sergei Lavrov & Wang Yi</source>'
                   "</trans-unit>")
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", text)
    assert error.value.message == ('line 5, column 24: not well-formed XML: xmlParseEntityRef: '
                                   'no name; a "&" in text must be written "&amp;"')


def test_mismatched_tags_name_the_line():
    text = unit_12('<trans-unit id="a">\n<source>Sergei Lavrov</target></trans-unit>')
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", text)
    assert error.value.message.startswith("line 5, column 31: not well-formed XML: Opening and "
                                          "ending tag mismatch: source line 5 and target")


def test_html_entity_is_explained():
    text = unit_12('<trans-unit id="a"><source>Sergue&iuml; Lavrov</source></trans-unit>')
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", text)
    assert error.value.message == (
        "line 4, column 40: not well-formed XML: Entity 'iuml' not defined; &iuml; is not an "
        "XML entity: write the character itself or a numeric reference such as &#233; (only "
        "&amp; &lt; &gt; &quot; &apos; are predefined)")


def test_doctype_with_an_entity_is_refused():
    text = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [\n  <!ENTITY lavrov "Sergei Lavrov">\n]>\n'
            '<xliff version="1.2"><file><body><trans-unit id="a"><source>&lavrov;</source>'
            "</trans-unit></body></file></xliff>")
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", text)
    assert error.value.message.startswith("line 3: the DOCTYPE declares an entity (<!ENTITY>); "
                                          "termcheck never expands entities")


def test_entity_expansion_bomb_is_refused_before_parsing():
    lols = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    text = (f'<!DOCTYPE xliff [<!ENTITY lol0 "lol">{lols}]>\n<xliff version="1.2"><file><body>'
            '<trans-unit id="a"><source>&lol9;</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", text)
    assert "never expands entities" in error.value.message


def test_doctype_with_an_external_file_is_refused(tmp_path):
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY lavrov "Sergei Lavrov">', encoding="utf-8")
    text = (f'<!DOCTYPE xliff SYSTEM "{secret.as_uri()}">\n<xliff version="1.2"><file><body>'
            '<trans-unit id="a"><source>Wang Yi</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", text)
    assert error.value.message == (
        f"line 1: the DOCTYPE refers to an external file ({secret.as_uri()}); termcheck never "
        "loads external files: remove the DOCTYPE (XLIFF needs none)")


def test_a_plain_doctype_is_accepted():
    text = '<!DOCTYPE xliff>\n' + unit_12('<trans-unit id="a"><source>Wang Yi</source>'
                                         "</trans-unit>").split("\n", 1)[1]
    assert xliff.read("x.xlf", text).text == "Wang Yi"


def test_not_xliff():
    with pytest.raises(InputError) as error:
        xliff.read("x.xlf", "<html><body>Sergei Lavrov</body></html>")
    assert error.value.message == "is not an XLIFF file: its root element is <html>, not <xliff>"


def test_encoding_declaration_of_a_decoded_file_is_ignored():
    # termcheck decodes files before reading them (a UTF-16 file arrives as text)
    text = unit_12('<trans-unit id="a"><source>Sergueï Lavrov</source></trans-unit>')
    text = text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    assert xliff.read("x.xlf", text).text == "Sergueï Lavrov"


# --- files written by lxml ------------------------------------------------------------------

_XML_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
                           ) | st.sampled_from("\n\t\r")
_pieces = st.lists(st.one_of(st.text(_XML_CHARS, max_size=20), st.sampled_from(["<x/>", "<g>"])),
                   max_size=6)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_pieces, _pieces), min_size=1, max_size=4))
def test_round_trip_of_files_written_by_lxml(units):
    namespace = "urn:oasis:names:tc:xliff:document:1.2"
    root = etree.Element(f"{{{namespace}}}xliff", nsmap={None: namespace}, version="1.2")
    body = etree.SubElement(etree.SubElement(root, f"{{{namespace}}}file"), f"{{{namespace}}}body")
    expected = []
    for number, pieces in enumerate(units):
        unit = etree.SubElement(body, f"{{{namespace}}}trans-unit", id=str(number))
        for name, parts in zip(("source", "target"), pieces, strict=True):
            element = etree.SubElement(unit, f"{{{namespace}}}{name}")
            last, text = None, ""
            for part in parts:
                if part in ("<x/>", "<g>"):
                    last = etree.SubElement(element, f"{{{namespace}}}{part.strip('<>/')}")
                    if part == "<g>":
                        last.text = "Lavrov"
                    text += " " if part == "<x/>" else "Lavrov"
                elif last is None:
                    element.text = (element.text or "") + part
                    text += part
                else:
                    last.tail = (last.tail or "") + part
                    text += part
            if text.strip():
                expected.append(text)
    xml = etree.tostring(root, encoding="unicode")
    doc = xliff.read("x.xlf", xml)
    assert [doc.text[s.start:s.end] for s in doc.segments] == expected
    for segment in doc.segments:  # each tag where the file writes it, and the text it holds
        for tag in segment.tags:
            assert xml.startswith(f"<{tag.kind}", tag.offset)
            assert doc.text[tag.start:tag.end] == (" " if tag.kind == "x" else "Lavrov")
    for segment in doc.segments:
        for index in range(segment.start, segment.end):
            assert xml[doc.offsets[index]] in (doc.text[index], "&", "<")
