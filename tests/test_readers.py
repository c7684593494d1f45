"""Readers: which parts of a file are prose, with exact offsets."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Checker, CheckOptions
from checker.readers import markdown, plain, reader_for
from glossary import load_termbase

MD = """\
---
title: Sergei Lavrov in front matter
---
# Sergueï Lavrov à Pékin

Le ministre `Sergei Lavrov` a vu [Wang Yi](https://example.com/Sergei_Lavrov "titre") hier.
<!-- Sergei Lavrov in a comment --> Voir https://example.org/Lavrov et <http://x.y/Lavrov>.

```
Sergei Lavrov in a fence
```

    Sergei Lavrov indented code

| Nom | Rôle |
|-----|------|
| Jake Sullivan | conseiller |

<div>
Sergei Lavrov in an HTML block
</div>

> Nikolaï Patrouchev dans une citation

- Kim Jong-un dans une liste

[ref]: https://example.com/Sergei-Lavrov
"""


def prose(reader, text):
    return [text[s.start:s.end] for s in reader(text)]


def test_markdown_prose_only():
    parts = prose(markdown.segments, MD)
    joined = "".join(parts)
    assert "Sergueï Lavrov à Pékin" in joined
    assert "Wang Yi" in joined and "Jake Sullivan" in joined
    assert "Nikolaï Patrouchev dans une citation" in joined
    assert "Kim Jong-un dans une liste" in joined
    assert "Sergei" not in joined  # front matter, code, URLs, comments, HTML blocks, references


def test_markdown_offsets_point_into_the_file():
    segments = markdown.segments(MD)
    doc = Document("x.md", MD, segments)
    start = MD.index("Sergueï Lavrov à Pékin")
    assert doc.segment_of(start) is not None
    assert doc.position(start) == (4, 3)


def test_front_matter_keeps_line_numbers():
    text = "---\na: b\n---\nJake Sullivan\n"
    segments = markdown.segments(text)
    assert [text[s.start:s.end] for s in segments] == ["Jake Sullivan\n"]


def test_plain_paragraphs():
    text = "Premier paragraphe.\nSuite.\n\n  \nSecond paragraphe.\n"
    assert prose(plain.segments, text) == ["Premier paragraphe.\nSuite.", "Second paragraphe.\n"]


def test_plain_text_addresses_are_no_prose():
    """A web address, an e-mail address or a handle names no one, whatever words it holds."""
    text = ("Lire https://example.org/news/sergei-lavrov-moscow. Écrire à "
            "jake.sullivan@example.org ou à @sergei_lavrov, voir www.example.org/lavrov ici.\n")
    parts = prose(plain.segments, text)
    assert parts == ["Lire ", ". Écrire à ", " ou à ", ", voir ", " ici.\n"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_name_in_an_address_is_no_finding(suffix):
    """The lower-case name of a web address's path was a capitalization finding in plain text
    (the Markdown reader cut bare addresses out already)."""
    text = ("La vidéo : https://example.org/news/sergei-lavrov-moscow, ou écrire à "
            "sergei.lavrov@example.org. Mais jake Sullivan est venu.\n")
    checker = Checker(load_termbase(), CheckOptions(lang="fr"))
    result = checker.check_text(text, "draft" + suffix)
    assert [(f.rule, f.text) for f in result.findings] == [("capitalization", "jake Sullivan")]


def test_reader_by_suffix():
    assert reader_for("a.MD") is markdown.read
    assert reader_for("a.txt") is plain.read
    assert reader_for("-") is plain.read


def test_positions_count_code_points_and_lines():
    text = "e\u0301te\u0301\r\nSergueï"  # NFD accents take a code point each
    doc = Document("x.txt", text, plain.segments(text))
    assert doc.position(text.index("S")) == (2, 1)
    assert doc.position(4) == (1, 5)
    assert doc.line_text(1) == "e\u0301te\u0301"


def test_sentence_start_and_headline():
    text = "TITRE EN CAPITALES\nLe texte. « Sergueï dit » : Wang."
    doc = Document("x.txt", text, plain.segments(text))
    assert doc.is_headline(3)
    assert not doc.is_headline(text.index("Le"))
    assert doc.is_sentence_start(text.index("Le"))
    assert doc.is_sentence_start(text.index("Sergueï"))
    assert doc.is_sentence_start(text.index("Wang"))
    assert not doc.is_sentence_start(text.index("texte"))


def test_offsets_map_text_back_to_the_file():
    raw = 'msgstr "Sergue\\u00efi"\nmsgstr "x"\n'
    text = "Sergueïi"
    offsets = [8 + i for i in range(len(text))] + [8 + len(text)]
    doc = Document("x.po", text, [], raw=raw, offsets=offsets)
    assert doc.position(0) == (1, 9)
    assert doc.file_offset(3) == 11
    assert doc.line_text(2) == 'msgstr "x"'


def test_markdown_lone_carriage_returns_end_lines():
    # markdown-it ends lines at a lone CR, as CommonMark says, and so does Document: their line
    # numbers agree (they did not, and the property tests found an IndexError).
    text = "\r # Titre\r # Sergei Lavrov\n\nParagraphe\r avec Sergei Lavrov.\n"
    doc = markdown.read("x.md", text)
    assert [text[s.start:s.end] for s in doc.segments] == [
        " # Titre\r", " # Sergei Lavrov\n", "Paragraphe\r avec Sergei Lavrov.\n"]
    assert doc.position(text.index("Sergei")) == (3, 4)
    assert doc.position(text.rindex("Sergei")) == (6, 7)
