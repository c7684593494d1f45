"""Hardening of the readers (issue 13): inputs that used to pass unchecked or be read wrong.

UTF-32 drafts, PO escapes that msgfmt decodes (octal, hex) or refuses (``\\u``), PO plural
indexes msgfmt refuses, Markdown nested past markdown-it's nesting limit, XLIFF strings in a
foreign namespace, and line numbers in files whose lines end with CR alone. Every test runs
``termcheck check`` in-process on the small termbase, beside a good draft that must still be
checked.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # good.md, as the folder fixture writes it


def run(*args: str) -> tuple[int, dict]:
    """``termcheck check --format json`` on good.md and ``args``: exit status and report, after
    checking that good.md was checked."""
    result = CliRunner().invoke(cli, ["check", "good.md", *args, "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"])
    data = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in data["findings"]
            if f["path"] == "good.md"] == [("good.md", "wrong-language")], result.output
    return result.exit_code, data


def findings(data: dict, path: str) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, text) of the findings in ``path``."""
    return [(f["line"], f["column"], f["rule"], f["text"]) for f in data["findings"]
            if f["path"] == path]


def error_of(data: dict, path: str) -> str:
    (message,) = [e["message"] for e in data["errors"] if e["path"] == path]
    return message


def fix(path: str) -> int:
    return CliRunner().invoke(cli, ["check", path, "--terms", "small.yaml", "--lang", "fr",
                                    "--fix"]).exit_code


# --- UTF-32 (row 10) ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_checked_and_fixed_in_its_encoding(folder, encoding):
    # The UTF-32-LE byte-order mark (FF FE 00 00) starts with UTF-16-LE's (FF FE): the draft
    # was decoded as UTF-16 garbage, with no finding and exit status 0.
    bom = "\ufeff".encode(encoding)
    draft = folder / "u32.md"
    draft.write_bytes(bom + "Selon Sergei Lavrov,\r\nla réunion.\r\n".encode(encoding))
    status, data = run("u32.md")
    assert status == 1
    assert findings(data, "u32.md") == [(1, 7, "wrong-language", "Sergei Lavrov")]
    assert fix("u32.md") == 0
    assert draft.read_bytes() == bom + "Selon Sergueï Lavrov,\r\nla réunion.\r\n".encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_is_named(folder, encoding):
    (folder / "u32.txt").write_bytes(GOOD.encode(encoding))
    status, data = run("u32.txt")
    assert status == 2
    assert error_of(data, "u32.txt") == ("looks like UTF-32 text without a byte-order mark; "
                                         "save it as UTF-8 (or as UTF-32 with a BOM)")


def test_invalid_utf32_names_the_byte(folder):
    # A code point past U+10FFFF, after the BOM and one good character.
    (folder / "bad.md").write_bytes(b"\xff\xfe\x00\x00" + "a".encode("utf-32-le") +
                                    b"\x00\x00\x11\x00")
    status, data = run("bad.md")
    assert status == 2
    assert error_of(data, "bad.md") == "is not valid UTF-32-LE (byte 8); save it as UTF-8"


# --- PO escapes and plural forms (row 11, and the PO errors msgfmt rejects) --------------------
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n')


def write_po(folder, body: str) -> None:
    (folder / "fr.po").write_text(HEADER + body, encoding="utf-8")


@pytest.mark.parametrize("written", ["\\123ergei Lavrov", "\\123\\145rgei Lavrov",
                                     "\\x53\\x65rgei Lavrov", "\\123ergei \\114avrov"])
def test_po_octal_and_hex_escapes_are_read_as_msgfmt_reads_them(folder, written):
    # msgfmt compiles \123 (octal) and \x53 (hex) as "S": the English form hid behind them.
    write_po(folder, f'msgid "Sergei Lavrov"\nmsgstr "{written}"\n')
    status, data = run("fr.po")
    assert status == 1
    # The span starts at the backslash of the first escape (line 8, column 9).
    assert findings(data, "fr.po") == [(8, 9, "wrong-language", "Sergei Lavrov")]


def test_po_escaped_utf8_bytes_make_one_character(folder):
    # \303\257 is ï in UTF-8, split over two continuation lines as msgfmt allows.
    from checker.readers import po

    text = HEADER + 'msgid "Sergei Lavrov"\nmsgstr "Sergue\\303"\n"\\257 Lavrov"\n'
    doc = po.read("fr.po", text)
    (target,) = [s for s in doc.segments if s.role == "target"]
    assert doc.text[target.start:target.end] == "Sergueï Lavrov"
    assert doc.file_offset(target.start + len("Sergue")) == text.index("\\303")
    write_po(folder, 'msgid "Sergei Lavrov"\nmsgstr "Sergue\\303"\n"\\257 Lavrov"\n')
    assert findings(run("fr.po")[1], "fr.po") == []


@pytest.mark.parametrize(("body", "message"), [
    ('msgid "Sergei Lavrov"\nmsgstr "\\u0053ergei Lavrov"\n',
     "line 8, column 9: PO syntax error: '\\u' is not an escape msgfmt knows, and it refuses "
     "the file; write the character itself (the file is UTF-8), and a backslash as \\\\"),
    ('msgid "Sergei Lavrov"\nmsgstr "Lavrov \\q"\n',
     "line 8, column 16: PO syntax error: '\\q' is not an escape msgfmt knows"),
    ('msgid "Sergei Lavrov"\nmsgstr "\\x153ergei Lavrov"\n',
     "line 8, column 9: PO syntax error: '\\x153e' is past the byte range (msgfmt would keep "
     "its last two hex digits only); write the character itself, or stop the escape at two "
     "digits"),
    ('msgid "Sergei Lavrov"\nmsgstr "Sergue\\303 Lavrov"\n',
     "line 8: PO syntax error: the bytes the escapes \\303 stand for are not UTF-8 text; write "
     "the characters themselves"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[2] "Sergei Lavrov"\n',
     "line 10: msgstr[2] where msgstr[1] was expected (msgfmt: plural form has wrong index); "
     "plural forms are numbered from 0, in order"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "Sergei Lavrov"\n',
     "line 11: msgstr[2] is past the header's Plural-Forms (nplurals=2: msgstr[0] to "
     "msgstr[1]); remove it, or fix nplurals"),
    ('msgid "a"\nmsgstr[0] "Sergei Lavrov"\n',
     "line 8: msgstr[0] in an entry without msgid_plural (msgfmt: missing 'msgid_plural' "
     "section); add msgid_plural \"…\" after msgid, or write msgstr \"…\""),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "Sergei Lavrov"\n',
     "line 9: PO syntax error: an entry with msgid_plural has its translations in msgstr[0], "
     "msgstr[1]…, not in msgstr"),
])
def test_po_errors_msgfmt_rejects_are_input_errors_with_the_line(folder, body, message):
    write_po(folder, body)
    status, data = run("fr.po")
    assert status == 2
    assert error_of(data, "fr.po").startswith(message)


# --- XLIFF strings in a foreign namespace --------------------------------------------------------
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"


def xliff_12(unit: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{XLIFF_12}">\n'
            '<file source-language="en" target-language="fr" datatype="plaintext" '
            f'original="a.txt">\n<body>\n{unit}\n</body>\n</file>\n</xliff>\n')


def xliff_20(segment: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="{XLIFF_20}" '
            f'srcLang="en" trgLang="fr">\n<file id="f1">\n<unit id="u1">\n{segment}\n</unit>\n'
            '</file>\n</xliff>\n')


@pytest.mark.parametrize(("content", "message"), [
    # A 1.2 file whose target is in XLIFF 2.0's namespace.
    (xliff_12(f'<trans-unit id="1">\n<source>Sergei Lavrov</source>\n<target xmlns="{XLIFF_20}">'
              'Sergei Lavrov</target>\n</trans-unit>'),
     f"line 7: <target> is in namespace '{XLIFF_20}', not in the file's XLIFF namespace "
     f"'{XLIFF_12}', so XLIFF tools do not take it for the translation and termcheck cannot "
     "check it; write it in the file's namespace (as its other elements are written)"),
    # ... in a tool's namespace, with a prefix.
    (xliff_12('<trans-unit id="1">\n<source>Sergei Lavrov</source>\n<t:target xmlns:t="urn:tool">'
              'Sergei Lavrov</t:target>\n</trans-unit>'),
     "line 7: <target> is in namespace 'urn:tool', not in the file's XLIFF namespace"),
    # ... in no namespace at all.
    (xliff_12('<trans-unit id="1">\n<source>Sergei Lavrov</source>\n<target xmlns="">'
              'Sergei Lavrov</target>\n</trans-unit>'),
     "line 7: <target> is in no namespace, not in the file's XLIFF namespace"),
    # A 2.0 file whose target is XLIFF 1.2's (it was read as the translation).
    (xliff_20(f'<segment>\n<source>Sergei Lavrov</source>\n<target xmlns="{XLIFF_12}">'
              'Sergei Lavrov</target>\n</segment>'),
     f"line 7: <target> is in namespace '{XLIFF_12}', not in the file's XLIFF namespace "
     f"'{XLIFF_20}'"),
    # A whole unit in another version's namespace.
    (xliff_12(f'<trans-unit id="1" xmlns="{XLIFF_20}">\n<source>Sergei Lavrov</source>\n'
              '<target>Sergei Lavrov</target>\n</trans-unit>'),
     f"line 5: <trans-unit> is in namespace '{XLIFF_20}'"),
])
def test_xliff_string_in_a_foreign_namespace_is_an_input_error(folder, content, message):
    (folder / "fr.xlf").write_text(content, encoding="utf-8")
    status, data = run("fr.xlf")
    assert status == 2
    assert error_of(data, "fr.xlf").startswith(message)


def test_xliff_extension_beside_the_target_is_left_alone(folder):
    # A tool's own element named target beside the XLIFF one is an extension, not a mistake.
    (folder / "fr.xlf").write_text(xliff_12(
        '<trans-unit id="1">\n<source>Sergei Lavrov</source>\n<target>Sergei Lavrov</target>\n'
        '<t:target xmlns:t="urn:tool">x</t:target>\n</trans-unit>'), encoding="utf-8")
    status, data = run("fr.xlf")
    assert status == 1
    assert findings(data, "fr.xlf") == [(7, 9, "wrong-language", "Sergei Lavrov")]


# --- Markdown nested deeper than markdown-it's limit (row 6) -----------------------------------
def nested_list(levels: int, text: str = "item") -> str:
    return "".join("  " * level + f"- {text} {level}\n" for level in range(levels))


def test_markdown_after_ten_nested_list_levels_is_checked(folder):
    # markdown-it's nesting limit (20 levels: a list and its item are two) stopped the parse at
    # the tenth list level, and dropped the rest of the file: exit 0.
    (folder / "nested.md").write_text(
        nested_list(9) + "                  - Sergei Lavrov au niveau 10\n"
        "\nSelon Sergei Lavrov, la réunion a eu lieu.\n", encoding="utf-8")
    status, data = run("nested.md")
    assert status == 1
    assert findings(data, "nested.md") == [(10, 21, "wrong-language", "Sergei Lavrov"),
                                           (12, 7, "wrong-language", "Sergei Lavrov")]


def test_markdown_nested_past_the_depth_limit_is_checked_as_prose(folder):
    # 60 list levels (120 block levels, past MAX_DEPTH): the deepest items are prose, and the
    # parse goes on after the list (the code block after it is still code).
    deep = "  " * 59 + "- Sergei Lavrov tout au fond\n"
    (folder / "nested.md").write_text(
        nested_list(59) + deep + "\n```\nSergei Lavrov in code\n```\n"
        "\nSelon Sergei Lavrov, la réunion a eu lieu.\n", encoding="utf-8")
    status, data = run("nested.md")
    assert status == 1
    assert findings(data, "nested.md") == [(60, 121, "wrong-language", "Sergei Lavrov"),
                                           (66, 7, "wrong-language", "Sergei Lavrov")]


def test_markdown_in_five_thousand_quotes_is_checked(folder):
    (folder / "quotes.md").write_text("> " * 5_000 + "Selon Sergei Lavrov.\n\nSergei Lavrov.\n",
                                      encoding="utf-8")
    status, data = run("quotes.md")
    assert status == 1
    assert findings(data, "quotes.md") == [(1, 10_007, "wrong-language", "Sergei Lavrov"),
                                           (3, 1, "wrong-language", "Sergei Lavrov")]


# --- line ends: CR LF, LF and a lone CR ---------------------------------------------------------
DRAFT_LINES = ["# Titre", "", "Ligne deux.", "", "Selon Sergei Lavrov, la réunion.",
               "", "Puis Sergei Lavrov est parti."]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("name", ["draft.md", "draft.txt"])
def test_every_line_ending_gives_the_same_lines_and_columns(folder, ending, name):
    # With CR alone (old Mac files, some CMS exports) everything was reported on line 1.
    (folder / name).write_bytes(ending.join(DRAFT_LINES).encode() + ending.encode())
    status, data = run(name)
    assert status == 1
    assert findings(data, name) == [(5, 7, "wrong-language", "Sergei Lavrov"),
                                    (7, 6, "wrong-language", "Sergei Lavrov")]
    assert [(f["end_line"], f["end_column"]) for f in data["findings"]
            if f["path"] == name] == [(5, 20), (7, 19)]


def test_cr_only_text_report_quotes_the_line(folder):
    (folder / "draft.md").write_bytes("\r".join(DRAFT_LINES).encode())
    result = CliRunner().invoke(cli, ["check", "draft.md", "--terms", "small.yaml", "--lang",
                                      "fr"])
    assert "draft.md:5:7: error wrong-language" in result.output
    assert "    5 | Selon Sergei Lavrov, la réunion.\n" in result.output
    assert "␍" not in result.output  # no line shown with the next ones glued to it


def test_cr_only_html_report_has_one_row_per_line(folder):
    from lxml import html

    (folder / "draft.md").write_bytes("\r".join(DRAFT_LINES).encode())
    result = CliRunner().invoke(cli, ["check", "draft.md", "--terms", "small.yaml", "--lang",
                                      "fr", "--format", "html"])
    page = html.fromstring(result.output)
    rows = page.xpath('//table[@class="draft"]/tr')
    assert [row.xpath('string(td[@class="ln"])') for row in rows] == [
        str(n) for n in range(1, len(DRAFT_LINES) + 1)]
    assert [row.xpath('string(td[@class="ln"])') for row in rows
            if row.get("class") == "flagged"] == ["5", "7"]


def test_cr_only_suppression_covers_its_own_line_only(folder):
    lines = ["Selon Sergei Lavrov. <!-- termcheck: ignore[wrong-language] -->", "",
             "Puis Sergei Lavrov est parti."]
    (folder / "draft.md").write_bytes("\r".join(lines).encode())
    status, data = run("draft.md")
    assert status == 1
    assert findings(data, "draft.md") == [(3, 6, "wrong-language", "Sergei Lavrov")]


def test_cr_only_fix_keeps_the_line_ends(folder):
    # A name wrapped at a lone CR keeps its CR; the other line ends are left as they were.
    draft = folder / "draft.md"
    draft.write_bytes(b"Selon Sergei\rLavrov, la r\xc3\xa9union.\r\rPuis Sergei Lavrov.\r")
    assert fix("draft.md") == 0
    assert draft.read_bytes() == ("Selon Sergueï\rLavrov, la réunion.\r\rPuis Sergueï Lavrov.\r"
                                  ).encode()


def test_cr_only_po_file_is_read_with_its_lines(folder):
    # msgfmt reads it (a lone CR between strings is white space to it); polib did not.
    lines = ['msgid ""', 'msgstr "Content-Type: text/plain; charset=UTF-8\\n"', "",
             'msgid "Sergei Lavrov"', 'msgstr "Sergei Lavrov"']
    (folder / "fr.po").write_bytes("\r".join(lines).encode() + b"\r")
    status, data = run("fr.po")
    assert status == 1
    assert findings(data, "fr.po") == [(5, 9, "wrong-language", "Sergei Lavrov")]


def test_lone_cr_inside_a_po_string_is_named(folder):
    (folder / "fr.po").write_bytes(b'msgid "Sergei Lavrov"\nmsgstr "Sergei\rLavrov"\n')
    status, data = run("fr.po")
    assert status == 2
    assert error_of(data, "fr.po") == (
        "line 2: PO syntax error: the string is cut by a lone carriage return (CR), which ends "
        "a line; write \\r for a CR inside a string")


def test_cr_only_xliff_file_reports_the_editor_lines(folder):
    content = xliff_12('<trans-unit id="1">\n<source>Sergei Lavrov</source>\n<target>\nSergei '
                       'Lavrov</target>\n</trans-unit>')
    (folder / "fr.xlf").write_bytes(content.replace("\n", "\r").encode())
    status, data = run("fr.xlf")
    assert status == 1
    # The target's leading line break (its source has none) is on line 7, after <target>.
    assert findings(data, "fr.xlf") == [(7, 9, "whitespace", "\n"),
                                        (8, 1, "wrong-language", "Sergei Lavrov")]
    (folder / "bad.xlf").write_bytes(content.replace("\n", "\r").replace(
        "<target>", "<target>&nbsp;").encode())
    assert error_of(run("bad.xlf")[1], "bad.xlf").startswith("line 7, column ")


def test_cr_only_aligned_pair_reports_the_target_lines(folder):
    (folder / "en.txt").write_bytes(b"Intro.\r\rSergei Lavrov spoke.\r")
    (folder / "fr.txt").write_bytes(b"Intro.\r\rSergei Lavrov a parl\xc3\xa9.\r")
    result = CliRunner().invoke(cli, ["check", "--source", "en.txt", "--target", "fr.txt",
                                      "--terms", "small.yaml", "--lang", "fr", "--format",
                                      "json"])
    assert findings(json.loads(result.stdout), "fr.txt") == [
        (3, 1, "wrong-language", "Sergei Lavrov")]


def test_a_lone_cr_ends_the_line_for_headlines_and_line_starts():
    # The rules' notion of a line (a headline in capitals; a capital opening a line is never a
    # finding) is the reports' one.
    from checker.document import Document

    doc = Document("x.md", "TITRE EN CAPITALES\rSuite du texte", [])
    assert doc.is_headline(0)
    assert not doc.is_headline(len("TITRE EN CAPITALES") + 1)
    assert doc.is_sentence_start(len("TITRE EN CAPITALES") + 1)
