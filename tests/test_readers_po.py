"""The PO reader: polib's meaning, the file's positions."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Segment
from checker.errors import InputError
from checker.readers import po, reader_for

FIXTURES = Path(__file__).parent / "fixtures" / "translation"
PO_PATH = FIXTURES / "depeches.fr.po"
PO_TEXT = PO_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc():
    return po.read("depeches.fr.po", PO_TEXT)


def strings(doc, role=None):
    return [doc.text[s.start:s.end] for s in doc.segments if role in (None, s.role)]


def segment_at(doc, needle):
    return doc.segment_of(doc.text.index(needle))


def test_registered_for_po_and_pot():
    assert reader_for("fr.po") is po.read
    assert reader_for("messages.POT") is po.read


def test_text_is_the_strings_separated_by_blank_lines(doc):
    assert doc.raw == PO_TEXT
    assert doc.text == (
        "Sergei Lavrov received Wang Yi in Moscow.\n\n"
        "Sergueï Lavrov a reçu Wang Yi à Moscou.\n\n"
        "Lavrov and Wang Yi\n\n"
        "Lavrov et Wang Yi\n\n"
        "Lavrov and Wang Yi\n\n"
        "Sergueï Lavrov et Wang Yi, à Moscou\n\n"
        "Wang Yi met one minister\n\n"
        "Wang Yi met %d ministers\n\n"
        "Wang Yi a rencontré un ministre\n\n"
        "Wang Yi a rencontré %d ministres\n\n"
        'The "format" agreed:\nNikolai Patrushev leads the delegation.\n\n'
        'Le "format" retenu :\nNikolaï Patrouchev conduit la délégation.\n\n'
        "Nikolai Patrushev spoke with Wang Yi about the Security Council.\n\n"
        "Nikolaï Patrouchev s'est entretenu avec Wang Yi du Conseil de sécurité.\n\n"
        "Sergei Lavrov will travel to Beijing."
    )
    assert len(doc.offsets) == len(doc.text) + 1


def test_singular_entry(doc):
    key = "Sergei Lavrov received Wang Yi in Moscow."
    assert doc.segments[:2] == [
        Segment(0, 41, "source", "en", key, (("line", "14"),)),
        Segment(43, 82, "target", "fr", key, (("line", "15"),)),
    ]


def test_header_languages(doc):
    assert {s.lang for s in doc.segments if s.role == "source"} == {"en"}
    assert {s.lang for s in doc.segments if s.role == "target"} == {"fr"}


def test_header_is_not_a_segment(doc):
    assert "Language" not in doc.text and "Project-Id-Version" not in doc.text


def test_pot_without_languages():
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: \\n"\n\n'
            'msgid "Wang Yi"\nmsgstr ""\n')
    doc = po.read("messages.pot", text)
    assert doc.text == "Wang Yi"
    assert doc.segments == [Segment(0, 7, "source", None, "Wang Yi", (("line", "6"),))]


def test_msgctxt_fuzzy_and_translator_comment(doc):
    headline = "headline\x04Lavrov and Wang Yi"
    info = (("fuzzy", "1"), ("flags", "fuzzy"), ("context", "headline"),
            ("comment", "Vérifier la graphie du prénom."))
    assert doc.segments[2:4] == [
        Segment(84, 102, "source", "en", headline, (*info, ("line", "20"))),
        Segment(104, 121, "target", "fr", headline, (*info, ("line", "21"))),
    ]
    caption = "caption\x04Lavrov and Wang Yi"
    assert doc.segments[4:6] == [
        Segment(123, 141, "source", "en", caption, (("context", "caption"), ("line", "24"))),
        Segment(143, 178, "target", "fr", caption, (("context", "caption"), ("line", "25"))),
    ]


def test_plural_entry(doc):
    key = "Wang Yi met one minister"
    assert doc.segments[6:10] == [
        Segment(180, 204, "source", "en", key, (("line", "27"),)),
        Segment(206, 230, "source", "en", key, (("plural", "1"), ("line", "28"))),
        Segment(232, 263, "target", "fr", key, (("plural", "0"), ("line", "29"))),
        Segment(265, 297, "target", "fr", key, (("plural", "1"), ("line", "30"))),
    ]
    start = doc.text.index("Wang Yi a rencontré %d")
    assert doc.position(start) == (30, 12)


def test_escapes_before_a_name_keep_the_file_column(doc):
    # msgstr "Le \"format\" retenu :\nNikolaï Patrouchev conduit la délégation."
    start = doc.text.index("Nikolaï Patrouchev conduit")
    end = start + len("Nikolaï Patrouchev")
    assert doc.position(start) == (33, 33)
    assert doc.position(end) == (33, 51)
    offset = doc.file_offset(start)
    assert PO_TEXT[offset:doc.file_offset(end)] == "Nikolaï Patrouchev"
    assert doc.line_text(33)[32:50] == "Nikolaï Patrouchev"


def test_each_escape_maps_to_its_backslash(doc):
    quote = doc.text.index('"format" retenu')
    newline = doc.text.index("\nNikolaï Patrouchev conduit")
    assert doc.position(quote) == (33, 12)
    assert PO_TEXT[doc.file_offset(quote):doc.file_offset(quote) + 2] == '\\"'
    assert doc.position(newline) == (33, 31)
    assert PO_TEXT[doc.file_offset(newline):doc.file_offset(newline) + 2] == "\\n"


def test_multi_line_strings(doc):
    segment = segment_at(doc, "Nikolaï Patrouchev s'est")
    assert doc.text[segment.start:segment.end] == (
        "Nikolaï Patrouchev s'est entretenu avec Wang Yi du Conseil de sécurité.")
    assert segment.info == (("line", "38"),)  # the msgstr keyword
    assert doc.position(segment.start) == (39, 2)
    assert doc.position(doc.text.index("du Conseil")) == (40, 2)
    assert doc.position(doc.text.index("Wang Yi du")) == (39, 42)
    assert doc.position(segment.end) == (40, 25)  # the closing quote


def test_untranslated_entry_keeps_only_its_source(doc):
    key = "Sergei Lavrov will travel to Beijing."
    assert [s for s in doc.segments if s.unit == key] == [
        Segment(564, 601, "source", "en", key, (("line", "42"),))]


def test_obsolete_entries_are_skipped(doc):
    assert "cancelled" not in doc.text and "annulé" not in doc.text
    assert len(doc.segments) == 15


def test_separators_map_to_the_end_of_the_string_before(doc):
    end = doc.segments[0].end
    assert doc.offsets[end] == doc.offsets[end + 1] == doc.offsets[end + 2] - 10
    assert PO_TEXT[doc.offsets[end]] == '"'
    assert doc.position(end) == (14, 49)
    assert doc.position(len(doc.text)) == (42, 45)


def test_every_offset_points_at_its_character_or_its_escape(doc):
    for segment in doc.segments:
        for index in range(segment.start, segment.end):
            raw = PO_TEXT[doc.offsets[index]]
            assert raw == doc.text[index] or raw == "\\"


def test_malformed_file_names_the_line():
    with pytest.raises(InputError) as error:
        po.read("broken.fr.po", (FIXTURES / "broken.fr.po").read_text(encoding="utf-8"))
    assert error.value.path == "broken.fr.po"
    assert error.value.message == (
        'line 6: PO syntax error: a double quote inside a string must be written \\" '
        "(backslash, double quote) (found: 'msgstr \"Sergueï Lavrov a reçu \"Wang Yi\".\"')")


@pytest.mark.parametrize(("text", "message"), [
    ('msgid "Wang Yi"\nmsgid "Wang Yi"\nmsgstr "Wang Yi"\n',
     'line 2: PO syntax error: msgid is out of place: an entry is msgid "…" then msgstr "…" '
     '(msgctxt "…" may come first; a plural entry has msgid "…", msgid_plural "…", then '
     "msgstr[0] \"…\", msgstr[1] \"…\") (found: 'msgid \"Wang Yi\"')"),
    ('msgid "Wang Yi"\nmsgstr\n',
     "line 2: PO syntax error: msgstr needs a string in double quotes, for example "
     "msgstr \"\" (found: 'msgstr')"),
    ('msgid "Wang Yi"\nmsgstr "Wang Yi"\nSergueï Lavrov\n',
     "line 3: PO syntax error: a line must be a comment starting with #, a keyword (msgctxt, "
     "msgid, msgid_plural, msgstr, msgstr[N]) followed by a string in double quotes, or a "
     "string in double quotes continuing the line before (found: 'Sergueï Lavrov')"),
    ('"Lavrov"\nmsgid "Lavrov"\nmsgstr "Lavrov"\n',
     "line 1: PO syntax error: this string continues nothing: a line that starts with a double "
     "quote must follow a msgctxt, msgid, msgid_plural or msgstr line (found: '\"Lavrov\"')"),
    # polib reads these two without complaint, and wrongly: the reader's own reading catches it
    ('msgid "Lavrov"\nmsgstr Lavrov\n',
     "line 2: PO syntax error: a string must be written between double quotes"),
    ('msgid "Lavrov"\nmsgstr "Lavrov\\"\n',
     'line 2: PO syntax error: the string has no closing double quote (a final \\" is an '
     "escaped quote, not the end)"),
])
def test_syntax_errors_tell_what_to_fix(text, message):
    with pytest.raises(InputError) as error:
        po.read("x.po", text)
    assert error.value.message == message


def test_a_text_naming_a_file_is_not_opened():
    # polib takes a one-line string for a path: the reader must not read that file instead
    with pytest.raises(InputError) as error:
        po.read("x.po", str(PO_PATH))
    assert error.value.message.startswith("line 1: PO syntax error")


def test_unicode_line_separators_stay_inside_their_string():
    text = ('msgid "Sergei\u2028Lavrov"\nmsgstr "Sergueï\u2028Lavrov"\n\n'
            'msgid "Wang Yi"\nmsgstr "Wang Yi"\n')
    doc = po.read("x.po", text)
    assert doc.text == "Sergei\u2028Lavrov\n\nSergueï\u2028Lavrov\n\nWang Yi\n\nWang Yi"
    assert [dict(s.info)["line"] for s in doc.segments] == ["1", "2", "4", "5"]
    assert doc.position(doc.text.index("Lavrov", 20)) == (2, 17)


def test_crlf_line_endings_and_other_backslashes():
    text = 'msgid "Lavrov \\\\ Wang Yi\\a"\r\nmsgstr "Lavrov\\tWang Yi"\r\n'
    doc = po.read("x.po", text)
    # \\ is a backslash and \t a tab; \a is the bell character, as msgfmt reads it (polib
    # keeps it as written)
    assert doc.text == "Lavrov \\ Wang Yi\a\n\nLavrov\tWang Yi"
    assert doc.position(doc.text.index("Wang Yi", 20)) == (2, 17)


def test_duplicate_entries_get_distinct_keys():
    text = 'msgid "Lavrov"\nmsgstr "Lavrov"\n\nmsgid "Lavrov"\nmsgstr "Lavrov"\n'
    doc = po.read("x.po", text)
    assert [s.unit for s in doc.segments] == ["Lavrov", "Lavrov", "Lavrov\x004", "Lavrov\x004"]


_strings = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                   min_size=1, max_size=60)
_translations = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                        max_size=60)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_strings, _translations, st.one_of(st.none(), _strings),
                          st.one_of(st.none(), st.tuples(_strings, _translations))),
                min_size=1, max_size=6, unique_by=lambda e: (e[2], e[0])))
def test_round_trip_of_files_written_by_polib(entries):
    catalog = polib.POFile(wrapwidth=30)
    catalog.metadata = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8"}
    expected = []
    for msgid, msgstr, msgctxt, plural in entries:
        if plural is None:
            catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, msgctxt=msgctxt))
            expected.extend(s for s in (msgid, msgstr) if s)
        else:
            catalog.append(polib.POEntry(msgid=msgid, msgid_plural=plural[0], msgctxt=msgctxt,
                                         msgstr_plural={0: msgstr, 1: plural[1]}))
            expected.extend(s for s in (msgid, plural[0], msgstr, plural[1]) if s)
    text = str(catalog)
    doc = po.read("x.po", text)
    assert strings(doc) == expected
    for segment in doc.segments:
        for index in range(segment.start, segment.end):
            assert text[doc.offsets[index]] in (doc.text[index], "\\")


@pytest.mark.parametrize(("text", "message"), [
    ('msgid "Sergei Lavrov"\n', 'line 1: PO syntax error: msgid has no msgstr; every entry '
                                'needs one (msgstr "" when it is not translated yet)'),
    ('msgid "a"\nmsgstr[99999999999999999999] "b"\n',
     "line 2: msgstr[99999999999999999999]: plural indexes above 9 are not supported"),
])
def test_entries_polib_reads_loosely_are_errors_with_their_line(text, message):
    with pytest.raises(InputError) as error:
        po.read("x.po", text)
    assert error.value.message == message
