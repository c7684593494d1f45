"""The aligned plain-text reader: line i of the source is the translation of line i of the
target, blank lines not counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.document import Segment
from checker.errors import InputError
from checker.readers import aligned

FIXTURES = Path(__file__).parent / "fixtures" / "translation"
SOURCE = (FIXTURES / "communique.en.txt").read_text(encoding="utf-8")
TARGET = (FIXTURES / "communique.fr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc():
    return aligned.read_pair("communique.en.txt", SOURCE, "communique.fr.txt", TARGET)


def test_text_is_the_target_then_the_source(doc):
    assert doc.path == "communique.fr.txt"
    assert doc.raw == TARGET
    assert doc.text == TARGET + "\n\n" + SOURCE
    assert len(doc.offsets) == len(doc.text) + 1


def test_pairs_skip_blank_lines(doc):
    base = len(TARGET) + 2
    assert doc.segments == [
        Segment(0, 39, "target", None, "1", (("line", "1"),)),
        Segment(40, 86, "target", None, "2", (("line", "2"),)),
        Segment(89, 127, "target", None, "5", (("line", "5"),)),
        Segment(base, base + 41, "source", None, "1", (("line", "1"), ("source-line", "1"))),
        Segment(base + 43, base + 78, "source", None, "2",
                (("line", "2"), ("source-line", "3"))),
        Segment(base + 79, base + 120, "source", None, "5",
                (("line", "5"), ("source-line", "4"))),
    ]
    texts = [doc.text[s.start:s.end] for s in doc.segments]
    assert texts == [
        "Sergueï Lavrov a reçu Wang Yi à Moscou.",
        "Nikolaï Patrouchev s'est joint aux entretiens.",
        "Les ministres se retrouveront à Pékin.",
        "Sergei Lavrov received Wang Yi in Moscow.",
        "Nikolai Patrushev joined the talks.",
        "The ministers will meet again in Beijing.",
    ]


def test_target_offsets_are_the_file_s(doc):
    start = doc.text.index("Nikolaï Patrouchev")
    assert doc.position(start) == (2, 1)
    assert doc.position(doc.text.index("Pékin")) == (5, 33)


def test_source_maps_to_the_start_of_its_target_line(doc):
    assert doc.position(doc.text.index("Wang Yi in Moscow")) == (1, 1)
    assert doc.position(doc.text.index("Patrushev")) == (2, 1)
    assert doc.position(doc.text.index("Beijing")) == (5, 1)
    blank = len(TARGET) + 2 + SOURCE.index("\n\n") + 1  # the blank source line
    assert doc.position(blank) == (2, 1)  # the next pair's target line
    assert doc.file_offset(len(doc.text)) == len(TARGET)


def test_crlf_and_whitespace_only_lines():
    source = "Sergei Lavrov\r\n  \r\nWang Yi\r\n"
    target = "Sergueï Lavrov\r\nWang Yi"
    doc = aligned.read_pair("en.txt", source, "fr.txt", target)
    assert [doc.text[s.start:s.end] for s in doc.segments] == [
        "Sergueï Lavrov", "Wang Yi", "Sergei Lavrov", "Wang Yi"]
    assert [s.unit for s in doc.segments] == ["1", "2", "1", "2"]
    assert doc.position(doc.segments[3].start) == (2, 1)


def test_count_mismatch_is_an_input_error():
    with pytest.raises(InputError) as error:
        aligned.read_pair("en.txt", SOURCE + "Wang Yi flew home.\n", "fr.txt", TARGET)
    assert error.value.path == "fr.txt"
    assert error.value.message == ("4 source lines but 3 target lines; the files must be "
                                   "aligned line by line")


def test_empty_files():
    doc = aligned.read_pair("en.txt", "", "fr.txt", "\n")
    assert doc.segments == []
    assert doc.text == "\n\n\n"
    assert doc.offsets == [0, 1, 1, 1]
