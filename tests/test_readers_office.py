"""Word (.docx) and OpenDocument (.odt) drafts: read paragraph by paragraph, positions as
paragraph numbers, --fix inside one run of a Word document with its formatting kept.

The documents are built here with python-docx and odfpy: no binary fixture is committed."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, LineBreak, Note, NoteBody, NoteCitation, P, S, Span

from checker.cli import cli
from checker.errors import InputError
from checker.readers import docx as word_reader
from checker.readers import odt as odt_reader

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def check(*args: str):
    # In-process, the memory budget would count the whole test session's memory (it measures
    # the process, which a termcheck run has to itself): these tests are about the files.
    return CliRunner().invoke(cli, ["check", "--lang", "fr", "--max-memory", "0", *args])


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


# --- Word -----------------------------------------------------------------------------------

def word_draft(path: Path, split: bool = False) -> Path:
    """A French draft whose second paragraph names `jake Sullivan` in a bold italic run (or,
    with ``split``, across two runs of different formatting)."""
    document = docx.Document()
    document.add_paragraph("Visite à Washington")
    paragraph = document.add_paragraph("Le conseiller ")
    if split:
        paragraph.add_run("jake ")
        paragraph.add_run("Sullivan").bold = True
    else:
        run = paragraph.add_run("jake Sullivan")
        run.bold = True
        run.italic = True
    paragraph.add_run(" a rencontré les diplomates ce mardi pour parler du conflit.")
    document.save(path)
    return path


def test_docx_one_capitalization_finding_at_its_paragraph(tmp_path):
    draft = word_draft(tmp_path / "brouillon.docx")
    result = check(str(draft), "--format", "json")
    assert result.exit_code == 1, result.output
    [found] = findings(result)
    assert found["rule"] == "capitalization"
    assert (found["line"], found["column"], found["end_column"]) == (2, 15, 28)
    assert found["text"] == "jake Sullivan"
    assert found["fix"] == {"replacement": "Jake Sullivan", "safe": True}


def test_docx_text_report_quotes_the_paragraph(tmp_path):
    draft = word_draft(tmp_path / "brouillon.docx")
    output = check(str(draft)).stdout
    assert f"{draft}:2:15: error capitalization" in output
    assert "    2 | Le conseiller jake Sullivan a rencontré" in output


def test_docx_fix_keeps_the_run_formatting(tmp_path):
    draft = word_draft(tmp_path / "brouillon.docx")
    result = check(str(draft), "--fix")
    assert result.exit_code == 0, result.output
    runs = docx.Document(str(draft)).paragraphs[1].runs
    fixed = next(run for run in runs if "Sullivan" in run.text)
    assert fixed.text == "Jake Sullivan"
    assert fixed.bold is True and fixed.italic is True
    assert runs[0].text == "Le conseiller "
    assert check(str(draft)).exit_code == 0  # nothing left to fix


def test_docx_span_across_runs_is_not_fixed_and_says_why(tmp_path):
    draft = word_draft(tmp_path / "brouillon.docx", split=True)
    before = draft.read_bytes()
    result = check(str(draft), "--fix")
    assert result.exit_code == 1
    assert draft.read_bytes() == before
    assert "paragraph 2, column 15: 'jake Sullivan' was not fixed: it is split across runs" \
        in result.stderr


def test_docx_diff_shows_the_paragraphs(tmp_path):
    draft = word_draft(tmp_path / "brouillon.docx")
    before = draft.read_bytes()
    result = check(str(draft), "--diff")
    assert "-Le conseiller jake Sullivan a rencontré" in result.stdout
    assert "+Le conseiller Jake Sullivan a rencontré" in result.stdout
    assert draft.read_bytes() == before


def _add_footnote(document, text: str) -> None:
    """A footnotes part (python-docx writes none): a separator and one note."""
    xml = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
           f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r>'
           f'</w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def test_docx_reads_tables_headers_footers_footnotes_and_comments(tmp_path):
    document = docx.Document()
    document.add_paragraph("Corps du texte.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Cellule sur Sergei Lavrov"
    document.sections[0].header.paragraphs[0].text = "En-tête"
    document.sections[0].footer.paragraphs[0].text = "Pied de page"
    document.add_comment(document.paragraphs[0].runs, text="Un commentaire", author="R")
    _add_footnote(document, "Une note de bas de page")
    document.save(tmp_path / "parts.docx")
    read = word_reader.read("parts.docx", (tmp_path / "parts.docx").read_bytes())
    lines = read.raw.splitlines()
    assert lines == ["Corps du texte.", "", "Cellule sur Sergei Lavrov", "En-tête",
                     "Pied de page", "Une note de bas de page", "Un commentaire"]
    parts = [dict(s.info)["part"] for s in read.segments]
    assert parts == ["body", "body", "header", "footer", "footnote", "comment"]


def test_docx_fix_in_a_footnote(tmp_path):
    document = docx.Document()
    document.add_paragraph("Le texte de l'article, sans nom propre à corriger ici.")
    _add_footnote(document, "Selon jake Sullivan, conseiller.")
    draft = tmp_path / "note.docx"
    document.save(draft)
    [found] = findings(check(str(draft), "--format", "json"))
    assert found["line"] == 2
    assert check(str(draft), "--fix").exit_code == 0
    lines = word_reader.read("note.docx", draft.read_bytes()).raw.splitlines()
    assert lines[1] == "Selon Jake Sullivan, conseiller."


def test_docx_tracked_deletions_and_field_codes_are_not_text(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Avant ")
    paragraph._p.append(parse_xml(
        f'<w:del {W} w:id="1" w:author="R"><w:r><w:delText>jake Sullivan</w:delText></w:r>'
        f'</w:del>'))
    paragraph._p.append(parse_xml(f'<w:r {W}><w:instrText>HYPERLINK "jake Sullivan"'
                                  f'</w:instrText></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {W}><w:t>après</w:t><w:tab/><w:t>fin</w:t>'
                                  f'<w:br/><w:t>ligne</w:t></w:r>'))
    document.save(tmp_path / "changes.docx")
    read = word_reader.read("changes.docx", (tmp_path / "changes.docx").read_bytes())
    assert read.text == "Avant après\tfin\nligne"
    assert read.raw == "Avant après\tfin ligne\n"  # the listing: one paragraph, one line


def test_not_a_word_document_is_an_input_error(tmp_path):
    fake = tmp_path / "faux.docx"
    fake.write_text("Le conseiller jake Sullivan.", encoding="utf-8")
    result = check(str(fake), "--format", "json")
    assert result.exit_code == 2
    [error] = json.loads(result.stdout)["errors"]
    assert "is not a Word document" in error["message"]
    with pytest.raises(InputError):
        word_reader.read("faux.docx", b"PK\x03\x04 not really a zip")


# --- OpenDocument ---------------------------------------------------------------------------

def odt_draft(path: Path) -> Path:
    document = OpenDocumentText()
    bold = Style(name="Gras", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text="Visite à Washington"))
    paragraph = P(text="Le conseiller ")
    paragraph.addElement(Span(stylename=bold, text="jake Sullivan"))
    paragraph.addText(" a rencontré les diplomates ce mardi pour parler du conflit.")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Une note de bas de page."))
    note.addElement(body)
    paragraph.addElement(note)
    document.text.addElement(paragraph)
    spaced = P(text="Trois")
    spaced.addElement(S(c=3))
    spaced.addText("espaces")
    spaced.addElement(LineBreak())
    spaced.addText("et une ligne")
    document.text.addElement(spaced)
    document.save(str(path))
    return path


def test_odt_one_capitalization_finding_at_its_paragraph(tmp_path):
    draft = odt_draft(tmp_path / "brouillon.odt")
    result = check(str(draft), "--format", "json")
    assert result.exit_code == 1, result.output
    [found] = findings(result)
    assert found["rule"] == "capitalization"
    assert (found["line"], found["column"], found["end_column"]) == (2, 15, 28)


def test_odt_paragraphs_notes_and_spaces(tmp_path):
    draft = odt_draft(tmp_path / "brouillon.odt")
    read = odt_reader.read("brouillon.odt", draft.read_bytes())
    assert read.raw.splitlines() == [
        "Visite à Washington",
        "Le conseiller jake Sullivan a rencontré les diplomates ce mardi pour parler du "
        "conflit.",
        "Une note de bas de page.",
        "Trois   espaces et une ligne"]
    assert read.text.endswith("Trois   espaces\net une ligne")
    assert [dict(s.info)["part"] for s in read.segments] == ["body", "body", "note", "body"]


def test_odt_is_not_fixed_and_says_so(tmp_path):
    draft = odt_draft(tmp_path / "brouillon.odt")
    before = draft.read_bytes()
    result = check(str(draft), "--fix")
    assert result.exit_code == 1
    assert draft.read_bytes() == before
    assert "termcheck does not write OpenDocument files" in result.stderr


def test_folder_of_office_documents_is_walked(tmp_path):
    word_draft(tmp_path / "a.docx")
    odt_draft(tmp_path / "b.odt")
    data = json.loads(check(str(tmp_path), "--format", "json").stdout)
    assert data["summary"]["files"] == 2
    assert sorted(Path(f["path"]).name for f in data["findings"]) == ["a.docx", "b.odt"]


def test_docx_from_standard_input(tmp_path):
    data = word_draft(tmp_path / "brouillon.docx").read_bytes()
    result = CliRunner().invoke(cli, ["check", "--lang", "fr", "-", "--stdin-filename",
                                      "brouillon.docx", "--format", "json"], input=data)
    [found] = findings(result)
    assert (found["path"], found["line"], found["column"]) == ("brouillon.docx", 2, 15)


def test_translate_and_aligned_pairs_refuse_a_word_document(tmp_path):
    draft = word_draft(tmp_path / "brouillon.docx")
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "en", "--provider",
                                      "google"])
    assert result.exit_code == 2
    assert "is a word-processor document: translate reads text files" in result.output
    plain = tmp_path / "en.txt"
    plain.write_text("Jake Sullivan met diplomats.\n", encoding="utf-8")
    result = check("--source", str(plain), "--target", str(draft), "--format", "json")
    assert result.exit_code == 2
    assert "is not plain text" in json.loads(result.stdout)["errors"][0]["message"]
