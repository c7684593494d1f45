"""``termcheck lsp`` driven by a real client over standard input and output (pytest-lsp
starts ``python -m checker lsp`` and speaks the protocol to it), as VS Code, Neovim and Emacs
would: each announces its own capabilities (pytest-lsp ships them), and each counts positions
in its own code units (UTF-16, UTF-8, UTF-32). Then, without a server: positions, the checkers
kept per configuration, the hover text."""

from __future__ import annotations

import asyncio
import os
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from checker import readers
from checker.lsp.diagnostics import Positions
from checker.lsp.hover import hover_text
from checker.lsp.runs import Runs
from checker.lsp.server import reader_path
from glossary import GlossaryError, load_termbase
from glossary.index import cache

CLIENTS = ["visual-studio-code", "neovim", "emacs"]
ENCODINGS: dict[LanguageClient, str] = {}  # the position encoding each client agreed on
# Long enough for the first check of a session (index, word lists, language model on a cold
# cache); a server that never answers fails the test instead of hanging it.
PATIENCE = 120

DRAFT = "# Brief\n\nThe adviser jake Sullivan spoke on Monday in Washington.\n"
HOUSE_TERMS = """\
version: 1
entries:
  - id: quillet-margot
    type: person
    note: Spokesperson of the fictional Ministry of Tides.
    en: {preferred: Margot Quillet, short: [Quillet]}
    fr: {preferred: Margot Quillet, short: [Quillet]}
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(
    scope="module",
    params=CLIENTS,
    config=ClientServerConfig(server_command=[sys.executable, "-m", "checker", "lsp"]),
)
async def client(lsp_client: LanguageClient, request, folder: Path):
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="drafts")],
        )
    )
    # VS Code counts characters in UTF-16 code units, Neovim asks for UTF-8, Emacs for UTF-32.
    ENCODINGS[lsp_client] = str(result.capabilities.position_encoding or "utf-16")
    yield
    await lsp_client.shutdown_session()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics the server publishes for ``uri``."""

    async def wait() -> list[types.Diagnostic]:
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(client.diagnostics.pop(uri))

    return await asyncio.wait_for(wait(), PATIENCE)


async def opened(
    client: LanguageClient, path: Path, text: str | None = None, language_id: str = "markdown"
) -> list[types.Diagnostic]:
    text = path.read_text(encoding="utf-8") if text is None else text
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=path.as_uri(), language_id=language_id, version=1, text=text)
        )
    )
    return await published(client, path.as_uri())


async def changed(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await published(client, path.as_uri())


async def closed(client: LanguageClient, path: Path) -> None:
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=path.as_uri()))
    )
    assert await published(client, path.as_uri()) == []


def applied(client: LanguageClient, text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with the edits of a code action made, as the editor makes them."""
    positions = Positions(text, ENCODINGS[client])
    spans = sorted(
        (positions.offset(e.range.start), positions.offset(e.range.end), e.new_text) for e in edits
    )
    for start, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


def span(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))


def span_of(client: LanguageClient, text: str, line: int, name: str) -> types.Range:
    """Where ``name`` is on ``line`` of ``text``, in the code units the client counts."""
    before = text.splitlines()[line].split(name)[0]
    size = {"utf-8": lambda t: len(t.encode("utf-8")), "utf-32": len}.get(
        ENCODINGS[client], lambda t: len(t.encode("utf-16-le")) // 2
    )
    return span(line, size(before), size(before + name))


async def actions(
    client: LanguageClient,
    path: Path,
    where: types.Range,
    diagnostics: list[types.Diagnostic],
    only: list[str] | None = None,
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=where,
            context=types.CodeActionContext(diagnostics=diagnostics, only=only),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_markdown_draft_gets_the_capitalization_finding_and_its_fix(client, folder):
    """Issue 18's Done when: an editor opening a Markdown draft containing `jake Sullivan`
    receives the diagnostic, with `Jake Sullivan` as the fix."""
    draft = write(folder / "brief.md", DRAFT)
    found = await opened(client, draft)
    assert [(d.code, d.severity, d.source, d.range) for d in found] == [
        ("capitalization", types.DiagnosticSeverity.Error, "termcheck", span(2, 12, 25))
    ]
    assert "Jake Sullivan" in found[0].message

    fixes = await actions(
        client, draft, found[0].range, found, only=[types.CodeActionKind.QuickFix]
    )
    assert [(a.title, a.kind, a.is_preferred) for a in fixes] == [
        ("Write 'Jake Sullivan'", types.CodeActionKind.QuickFix, True)
    ]
    assert list(fixes[0].diagnostics or []) == found
    assert fixes[0].edit is not None and fixes[0].edit.changes is not None
    edits = fixes[0].edit.changes[draft.as_uri()]
    assert applied(client, DRAFT, edits) == DRAFT.replace("jake", "Jake")
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_change_is_checked_again_and_a_fixed_draft_is_clean(client, folder):
    draft = write(folder / "change.md", DRAFT)
    assert len(await opened(client, draft)) == 1
    text = DRAFT.replace("jake", "Jake") + "\nLater, sergei Lavrov answered him.\n"
    found = await changed(client, draft, text, 2)
    assert [(d.code, d.range.start.line) for d in found] == [("capitalization", 4)]
    assert await changed(client, draft, text.replace("sergei", "Sergei"), 3) == []
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_save_publishes_the_diagnostics_again(client, folder):
    draft = write(folder / "saved.md", DRAFT)
    first = await opened(client, draft)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=draft.as_uri()))
    )
    assert await published(client, draft.as_uri()) == first
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_a_name_shows_its_entry_in_both_languages_with_its_note(client, folder):
    draft = write(folder / "hover.md", "Jake Sullivan met the press in Washington on Monday.\n")
    assert await opened(client, draft) == []
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()),
            position=types.Position(0, 7),
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert hover.range == span(0, 0, 13)
    assert "US national security adviser" in text  # the note
    assert "French (fr)" in text and "English (en)" in text
    assert "short: Sullivan" in text
    nowhere = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()),
            position=types.Position(0, 25),
        )
    )  # "press"
    assert nowhere is None
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_a_misspelt_name_shows_the_entry_it_misses(client, folder):
    draft = write(folder / "hover-miss.md", DRAFT)
    assert len(await opened(client, draft)) == 1
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()),
            position=types.Position(2, 14),
        )
    )
    assert hover is not None and "Jake Sullivan" in str(hover.contents)
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_the_workspace_configuration_and_its_termbase_are_used(client, folder):
    """termcheck.toml found upward from the draft: its termbase layer and its severities; an
    edit of either holds from the next check on."""
    project = folder / "project"
    write(project / "house.yaml", HOUSE_TERMS)
    config = write(
        project / "termcheck.toml",
        """\
        terms = ["default", "house.yaml"]
        [rules]
        capitalization = "info"
        """,
    )
    draft = write(
        project / "notes" / "tides.md",
        "The spokesperson margot Quillet said jake Sullivan had called.\n",
    )
    found = await opened(client, draft)
    assert [(d.range.start.character, d.severity) for d in found] == [
        (17, types.DiagnosticSeverity.Information),
        (37, types.DiagnosticSeverity.Information),
    ]

    write(
        config,
        """\
        terms = ["default", "house.yaml"]
        [rules]
        capitalization = "warning"
        """,
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=draft.as_uri()))
    )
    found = await published(client, draft.as_uri())
    assert {d.severity for d in found} == {types.DiagnosticSeverity.Warning}
    assert len(found) == 2
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_broken_configuration_is_said_not_passed_over(client, folder):
    project = folder / "broken"
    write(project / "termcheck.toml", 'lang = "xx"\nfail-on = "sometimes"\n')
    draft = write(project / "draft.md", DRAFT)
    found = await opened(client, draft)
    assert len(found) == 1 and found[0].severity == types.DiagnosticSeverity.Error
    assert "termcheck.toml" in found[0].message and "not checked" in found[0].message
    assert any("termcheck.toml" in m.message for m in client.messages)
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_po_and_xliff_findings_are_where_the_file_has_them(client, folder):
    po = write(
        folder / "fr.po",
        """\
        msgid ""
        msgstr ""
        "Language: fr\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"

        msgid "Sergei Lavrov met Jake Sullivan."
        msgstr "Sergueï Lavrov a rencontré jake Sullivan."
        """,
    )
    found = await opened(client, po, language_id="po")
    assert [(d.code, d.range) for d in found] == [
        ("capitalization", span_of(client, po.read_text(), 6, "jake Sullivan"))
    ]
    await closed(client, po)
    xliff = write(
        folder / "brief.xlf",
        """\
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="en" target-language="fr" datatype="plaintext" original="x">
            <body>
              <trans-unit id="1">
                <source>Jake Sullivan spoke.</source>
                <target>Le conseiller jake Sullivan a parlé.</target>
              </trans-unit>
            </body>
          </file>
        </xliff>
        """,
    )
    found = await opened(client, xliff, language_id="xml")
    assert [(d.code, d.range) for d in found] == [
        ("capitalization", span_of(client, xliff.read_text(), 6, "jake Sullivan"))
    ]
    await closed(client, xliff)


@pytest.mark.asyncio(loop_scope="module")
async def test_documents_termcheck_does_not_read_are_left_alone(client, folder):
    code = write(folder / "script.py", 'print("jake Sullivan")\n')
    assert await opened(client, code, language_id="python") == []
    await closed(client, code)


@pytest.mark.asyncio(loop_scope="module")
async def test_an_unsaved_buffer_is_read_by_its_language(client, folder):
    client.diagnostics.pop("untitled:Untitled-1", None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri="untitled:Untitled-1", language_id="markdown", version=1, text=DRAFT
            )
        )
    )
    found = await published(client, "untitled:Untitled-1")
    assert [d.code for d in found] == ["capitalization"]


@pytest.mark.asyncio(loop_scope="module")
async def test_positions_count_the_code_units_the_client_counts(client, folder):
    text = "😀 🇫🇷 The adviser jake Sullivan spoke.\n"
    draft = write(folder / "emoji.md", text)
    found = await opened(client, draft)
    # "jake" starts at code point 17: UTF-16 unit 20 (😀 is two units, the flag four), byte 26.
    assert [d.range for d in found] == [
        span(0, *{"utf-16": (20, 33), "utf-8": (26, 39), "utf-32": (17, 30)}[ENCODINGS[client]])
    ]
    fixes = await actions(client, draft, found[0].range, found)
    quick = [a for a in fixes if a.kind == types.CodeActionKind.QuickFix]
    assert quick[0].edit is not None and quick[0].edit.changes is not None
    assert applied(client, text, quick[0].edit.changes[draft.as_uri()]) == text.replace(
        "jake", "Jake"
    )
    await closed(client, draft)


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_applies_every_safe_fix(client, folder):
    text = DRAFT + "\nThen sergei Lavrov spoke, and jake Sullivan again.\n"
    draft = write(folder / "all.md", text)
    assert len(await opened(client, draft)) == 3
    fixes = await actions(
        client, draft, span(0, 0, 0), [], only=[types.CodeActionKind.SourceFixAll]
    )
    assert [a.kind for a in fixes] == ["source.fixAll.termcheck"]
    assert fixes[0].edit is not None and fixes[0].edit.changes is not None
    fixed = applied(client, text, fixes[0].edit.changes[draft.as_uri()])
    assert fixed == text.replace("jake", "Jake").replace("sergei", "Sergei")
    await closed(client, draft)


# --- positions, without a server -------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, character",
    [
        (types.PositionEncodingKind.Utf16, 3),
        (types.PositionEncodingKind.Utf8, 5),
        (types.PositionEncodingKind.Utf32, 2),
    ],
)
def test_a_position_counts_the_code_units_of_the_client(encoding, character):
    positions = Positions("x😀y\n", encoding)
    assert positions.position(2) == types.Position(0, character)
    assert positions.offset(types.Position(0, character)) == 2


def test_lines_end_where_the_protocol_ends_them():
    """CR LF, LF and a lone CR end lines; U+2028 does not (pygls's own count would)."""
    text = "a\r\nb\rc\nd\u2028e"
    positions = Positions(text)
    assert [positions.position(text.index(c)) for c in "bcde"] == [
        types.Position(1, 0),
        types.Position(2, 0),
        types.Position(3, 0),
        types.Position(3, 2),
    ]
    assert positions.offset(types.Position(3, 2)) == text.index("e")
    assert positions.offset(types.Position(0, 99)) == 1  # past its end: before the line break
    assert positions.offset(types.Position(9, 0)) == len(text)


@pytest.mark.parametrize(
    "path, language_id, read_as",
    [
        ("/d/brief.md", "markdown", "/d/brief.md"),
        ("/d/brief.md", None, "/d/brief.md"),
        ("/d/notes", "markdown", "/d/notes.md"),
        ("/d/notes", "plaintext", "/d/notes.txt"),
        ("/d/script.py", "python", None),
        ("/d/data.xml", "xml", None),
    ],
)
def test_a_document_is_read_by_its_name_else_by_its_language(path, language_id, read_as):
    assert reader_path(path, language_id) == read_as


def test_a_checker_is_kept_until_its_configuration_or_termbase_changes(tmp_path, monkeypatch):
    """One checker per configuration file, from the compiled-index cache (the termbase is
    not even read when its index is there); opened again once a file it came from changes."""
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    house = write(tmp_path / "house.yaml", HOUSE_TERMS)
    write(tmp_path / "termcheck.toml", 'terms = ["house.yaml"]\n')
    draft = str(tmp_path / "notes" / "tides.md")
    first = Runs().run_for(draft)
    assert list((tmp_path / "cache").glob("index-*"))
    assert first.termbase.get("quillet-margot") is not None

    def unread(*args, **kwargs):
        raise AssertionError("the termbase was read: the cached index was not used")

    monkeypatch.setattr(cache, "load_termbase", unread)
    runs = Runs()
    opened = runs.run_for(draft)
    assert opened.termbase.get("quillet-margot") is not None
    assert runs.run_for(str(tmp_path / "other.md")) is opened  # same configuration
    monkeypatch.undo()

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    house.write_text(HOUSE_TERMS.replace("Margot Quillet", "Margaux Quillet"), encoding="utf-8")
    os.utime(house, ns=(1, 1))  # a change the same second is seen all the same
    reopened = runs.run_for(draft)
    assert reopened is not opened
    assert reopened.termbase.get("quillet-margot").preferred("en") == "Margaux Quillet"


def test_a_broken_configuration_is_its_error_until_it_is_fixed(tmp_path):
    config = write(tmp_path / "termcheck.toml", 'fail-on = "sometimes"\n')
    runs = Runs()
    draft = str(tmp_path / "draft.md")
    with pytest.raises(GlossaryError, match=r"termcheck\.toml"):
        runs.run_for(draft)
    config.write_text('fail-on = "error"\n', encoding="utf-8")
    assert runs.run_for(draft).settings.fail_on == "error"


def test_the_hover_text_shows_every_language_and_escapes_markdown(tmp_path):
    house = write(
        tmp_path / "house.yaml",
        HOUSE_TERMS.replace(
            "Spokesperson of the fictional Ministry of Tides.",
            "Speaks for the *Ministry* [of Tides].",
        ),
    )
    entry = load_termbase([str(house)]).get("quillet-margot")
    assert entry is not None
    markdown = hover_text(entry, "fr", True, ["tides-ministry"])
    assert markdown.splitlines() == [
        "**Margot Quillet** (person, quillet-margot)",
        "",
        "Speaks for the \\*Ministry\\* \\[of Tides\\].",
        "",
        "- English (en): **Margot Quillet**; short: Quillet",
        "- French (fr): **Margot Quillet**; short: Quillet",
        "",
        "see also: tides-ministry",
    ]
    plain = hover_text(entry, "en", False)
    assert plain.splitlines()[2] == "Speaks for the *Ministry* [of Tides]."
    assert "French (fr): Margot Quillet; short: Quillet" in plain.splitlines()


def test_a_format_gets_checked_once_a_reader_takes_its_suffix(monkeypatch):
    """The server asks the readers' table, so a new reader (HTML) needs nothing of its own."""
    assert reader_path("/d/page.html", "html") is None or ".html" in readers.READERS
    monkeypatch.setitem(readers.READERS, ".html", readers.plain.read)
    assert reader_path("/d/page.html", "html") == "/d/page.html"
    assert reader_path("/d/page", "html") == "/d/page.html"
