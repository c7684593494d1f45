"""HTML drafts: prose only (script, style, code, pre skipped; alt and title read), each finding
at the line and column of the name in the .html, --fix in place for a name written plainly;
and what is done with inputs of no known type."""

from __future__ import annotations

import json

from click.testing import CliRunner

from checker.cli import cli
from checker.readers import html

PAGE = """\
<!DOCTYPE html>
<html lang="fr">
<head><title>Visite à Washington</title>
<script>var nom = "jake Sullivan";</script>
<style>.jake { color: red }</style></head>
<body>
<h1>Visite</h1>
<p>Le conseiller jake Sullivan a rencontré les diplomates ce mardi pour parler du conflit.</p>
<pre>jake Sullivan</pre>
<p>Exemple : <code>jake Sullivan</code>.</p>
<!-- jake Sullivan -->
</body>
</html>
"""


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--lang", "fr", *args])


def test_html_one_capitalization_finding_at_its_source_line(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    result = check(str(page), "--format", "json")
    assert result.exit_code == 1, result.output
    [found] = json.loads(result.stdout)["findings"]
    assert found["rule"] == "capitalization"
    assert (found["line"], found["column"], found["end_column"]) == (8, 18, 31)
    line = PAGE.splitlines()[7]
    assert line[found["column"] - 1:found["end_column"] - 1] == "jake Sullivan"


def test_html_fix_in_place(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    assert check(str(page), "--fix").exit_code == 0
    assert page.read_text(encoding="utf-8") == PAGE.replace(
        "Le conseiller jake Sullivan", "Le conseiller Jake Sullivan")


def segments(text: str) -> list[str]:
    doc = html.read("x.html", text)
    return [doc.text[s.start:s.end] for s in doc.segments]


def test_skipped_elements_and_comments():
    assert segments(PAGE) == [
        "Visite à Washington", "Visite",
        "Le conseiller jake Sullivan a rencontré les diplomates ce mardi pour parler du "
        "conflit.", "Exemple : ", "."]


def test_inline_tags_keep_a_name_whole_and_blocks_split():
    assert segments("<p>Le <b>jake</b> Sullivan</p><td>Sergei</td><td>Lavrov</td>") == [
        "Le jake Sullivan", "Sergei", "Lavrov"]


def test_references_give_their_character_mapped_to_the_ampersand():
    text = "<p>S&eacute;rgue&#239; Lavrov &amp; &unknown; co</p>"
    doc = html.read("x.html", text)
    assert doc.text == "Sérgueï Lavrov & &unknown; co"
    e = doc.text.index("é")
    assert doc.position(e) == (1, text.index("&eacute;") + 1)
    assert doc.position(doc.text.index("Lavrov")) == (1, text.index("Lavrov") + 1)


def test_alt_and_title_are_checked_at_their_place(tmp_path):
    text = ('<p>Photo</p>\n<img src="a.png" alt="Portrait de jake Sullivan" '
            "title='Sergei &amp; jake Sullivan'>\n")
    doc = html.read("x.html", text)
    values = [doc.text[s.start:s.end] for s in doc.segments]
    assert values == ["Photo", "Portrait de jake Sullivan", "Sergei & jake Sullivan"]
    start = doc.text.index("jake", doc.segments[1].start)
    assert doc.position(start) == (2, text.splitlines()[1].index("jake") + 1)
    page = tmp_path / "photo.html"
    page.write_text(text, encoding="utf-8")
    found = json.loads(check(str(page), "--format", "json").stdout)["findings"]
    assert [(f["line"], f["rule"]) for f in found] == [(2, "capitalization")] * 2


def test_positions_with_crlf_and_lone_cr():
    text = "<p>un</p>\r\n<p>deux</p>\r<p>Jake Sullivan</p>"
    doc = html.read("x.html", text)
    assert doc.position(doc.text.index("Jake")) == (3, 4)


def test_a_name_across_a_tag_is_found_but_not_fixed(tmp_path):
    text = "<p>Le conseiller <b>jake</b> Sullivan est arrivé hier soir à Paris.</p>\n"
    page = tmp_path / "a.html"
    page.write_text(text, encoding="utf-8")
    [found] = json.loads(check(str(page), "--format", "json").stdout)["findings"]
    assert (found["rule"], found["text"], found["column"]) == ("capitalization",
                                                                "jake Sullivan", 21)
    assert check(str(page), "--fix").exit_code == 1
    assert page.read_text(encoding="utf-8") == text


# --- inputs of no known type ---------------------------------------------------------------

def test_folder_with_no_checkable_file_exits_2_and_names_the_types(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = check(str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder holding no file termcheck checks" in result.stdout
    assert ".docx" in result.stdout and ".html" in result.stdout and ".md" in result.stdout


def test_empty_folder_exits_2(tmp_path):
    (tmp_path / "vide").mkdir()
    assert check(str(tmp_path / "vide")).exit_code == 2


def test_explicit_text_file_of_unknown_type_is_read_as_text_with_a_notice(tmp_path):
    notes = tmp_path / "notes.log"
    notes.write_text("Le conseiller jake Sullivan est arrivé à Paris hier soir.\n",
                     encoding="utf-8")
    result = check(str(notes), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["rule"] == "capitalization"
    assert "not a file type termcheck knows" in result.stderr
    assert "read as plain text" in result.stderr


def test_explicit_binary_file_of_unknown_type_is_an_input_error(tmp_path):
    blob = tmp_path / "photo.jpg"
    blob.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 10)
    draft = tmp_path / "a.md"
    draft.write_text("Le conseiller jake Sullivan est arrivé à Paris hier soir.\n",
                     encoding="utf-8")
    result = check(str(blob), str(draft), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [e["path"] for e in data["errors"]] == [str(blob)]
    assert "binary" in data["errors"][0]["message"]
    assert len(data["findings"]) == 1  # the other input is still checked


def test_rst_files_are_walked_as_text(tmp_path):
    (tmp_path / "article.rst").write_text(
        "Titre\n=====\n\nLe conseiller jake Sullivan est arrivé à Paris hier soir.\n",
        encoding="utf-8")
    data = json.loads(check(str(tmp_path), "--format", "json").stdout)
    assert data["summary"]["files"] == 1
    assert [f["rule"] for f in data["findings"]] == ["capitalization"]


def test_the_language_the_page_declares_is_used(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html lang="en"><body><p>Sergueï Lavrov met jake Sullivan.</p></body>'
                    "</html>\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(page), "--format", "json"])
    data = json.loads(result.stdout)
    assert {f["lang"] for f in data["findings"]} == {"en"}
    assert "wrong-language" in {f["rule"] for f in data["findings"]}
