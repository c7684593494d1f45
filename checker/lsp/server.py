"""The language server (``termcheck lsp``, pygls over standard input and output): drafts are
checked as an editor opens, changes and saves them, and their findings published as
diagnostics; code actions apply the fixes, hover shows the entry of a name.

A draft is checked through the engine's stages (``checker.stages``: the reader its file name
chooses, the language, the matcher, the rules) by the checker of its configuration
(``checker.lsp.runs``), within the time and memory budget of one file, on the text the editor
holds (saved or not). A document whose name no reader takes (a ``.py`` file an editor sends
anyway) is left alone, unless the editor's language id names a format termcheck reads (an
unsaved Markdown buffer). Changes are checked once typing pauses (``DELAY``).
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import PurePath

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from glossary import GlossaryError

from .. import __version__, stages
from ..app import Run
from ..errors import InputError
from ..i18n import _
from ..inputs import too_large
from ..language import language_name
from ..readers import is_draft
from ..report import FileResult
from ..stages import Analysis
from ..tools.fixes import converged_text
from . import diagnostics as lsp
from .hover import entry_span_at, hover_text
from .runs import Runs

# Seconds between the last change typed and the check of the new text.
DELAY = 0.3
# The suffix whose reader checks a document that has no suffix termcheck reads, by the
# editor's language id (VS Code's, Neovim's, Helix's and Emacs's names for these formats).
LANGUAGE_SUFFIXES = {
    "plaintext": ".txt",
    "text": ".txt",
    "markdown": ".md",
    "po": ".po",
    "pot": ".po",
    "gettext": ".po",
    "xliff": ".xlf",
    "html": ".html",
}


@dataclass
class Checked:
    """The last check of an open document: its text and version as checked, with the
    checker, the analysis (for hover) and the findings (for code actions)."""

    version: int | None
    positions: lsp.Positions
    run: Run | None = None
    analysis: Analysis | None = None
    result: FileResult | None = None
    # The text with every safe fix made (None: nothing to fix), once ``fixes_known``.
    fixed: str | None = None
    fixes_known: bool = False


def reader_path(path: str, language_id: str | None) -> str | None:
    """The name to read a document as: its own when a reader takes it, else with the suffix
    of its language id; None when termcheck reads no such document."""
    if is_draft(path):
        return path
    suffix = LANGUAGE_SUFFIXES.get((language_id or "").lower())
    if suffix and is_draft(f"draft{suffix}"):
        return str(PurePath(path).with_suffix(suffix)) if PurePath(path).name else f"draft{suffix}"
    return None


class TermcheckServer(LanguageServer):
    """The server's state: the checkers by configuration and the last check of each open
    document."""

    def __init__(self, runs: Runs):
        super().__init__(
            "termcheck",
            __version__,
            # Whole texts: lines are counted as termcheck counts them (a U+2028
            # inside a line is no line end), never patched by another count.
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
        )
        self.runs = runs
        self.checked: dict[str, Checked] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._said: set[str] = set()
        self._logged: set[str] = set()

    # --- checking --------------------------------------------------------------------------
    def check(self, uri: str) -> Checked:
        """Check the open document ``uri`` and publish its diagnostics."""
        self._cancel(uri)
        document = self.workspace.get_text_document(uri)
        text = document.source
        positions = lsp.Positions(
            text, str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        )
        checked = Checked(document.version, positions)
        found: list[types.Diagnostic] = []
        name = reader_path(document.path, document.language_id)
        if name is not None:
            checked, found = self._checked(checked, document.path, name, text)
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=found)
        )
        return checked

    def _checked(
        self, checked: Checked, path: str, name: str, text: str
    ) -> tuple[Checked, list[types.Diagnostic]]:
        try:
            run = self.runs.run_for(path)
        except GlossaryError as exc:
            self._say(f"termcheck: {exc}")
            return checked, [lsp.problem(f"not checked: {exc}")]
        checker = run.checker
        checked.run = run
        options = checker.options
        if options.excluded is not None and options.excluded(path):
            return checked, []
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > options.max_file_size:
            return checked, [
                lsp.problem(f"not checked: it {too_large(size, options.max_file_size)}")
            ]

        def work() -> tuple[Analysis, FileResult]:
            analysis = checker.analyse(stages.parse(name, text))
            return analysis, checker.findings(analysis)

        try:
            checked.analysis, checked.result = checker.bounded(path, work)
        except InputError as exc:
            return checked, [lsp.problem(_("not checked: {reason}").format(reason=exc.message))]
        language = checked.result.language
        if language is not None and language.source in ("fallback", "detected") and language.reason:
            self._log(
                f"termcheck: {path}: "
                + _("{reason}; checked as {language}").format(
                    reason=language.reason, language=language_name(language.lang)
                )
            )
        return checked, lsp.diagnostics(checked.result, checked.positions)

    def current(self, uri: str) -> Checked:
        """The check of the document as the editor holds it now (checked again if it changed
        since)."""
        checked = self.checked.get(uri)
        version = self.workspace.get_text_document(uri).version
        if checked is None or checked.version != version or uri in self._pending:
            checked = self.check(uri)
        return checked

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once no change has come for ``DELAY`` seconds."""
        self._cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().call_later(DELAY, self._safely, uri)

    def _safely(self, uri: str) -> None:
        try:
            self.check(uri)
        except Exception as exc:  # a bug: said, and the server goes on with other documents
            self.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Error,
                    message=f"termcheck: internal error checking {uri}: {type(exc).__name__}: "
                    f"{exc}; this is a bug of termcheck's, please report it",
                )
            )

    def _cancel(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def close(self, uri: str) -> None:
        self._cancel(uri)
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def _log(self, message: str) -> None:
        """A notice for the editor's log (the language of a short draft), once: not again
        on every key typed."""
        if message not in self._logged:
            self._logged.add(message)
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Info, message=message)
            )

    def _say(self, message: str) -> None:
        """An error the user must act on (a broken configuration), shown once."""
        if message not in self._said:
            self._said.add(message)
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )

    # --- requests ----------------------------------------------------------------------------
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked.result is None or checked.run is None:
            return []
        only = params.context.only
        actions: list[types.CodeAction] = []
        if not only or any(types.CodeActionKind.QuickFix.value.startswith(kind) for kind in only):
            actions += lsp.fix_actions(uri, checked.result, checked.positions, params.range)
        if not only or any(lsp.FIX_ALL.startswith(kind) for kind in only):
            new_text = self._fixed(checked)
            if new_text is not None:
                actions.append(lsp.fix_all_action(uri, checked.positions, new_text))
        return actions

    def _fixed(self, checked: Checked) -> str | None:
        """The text with every safe fix made, as ``--fix`` makes them (rounds until nothing
        is left to fix); None when there is none. Worked out once per version: editors ask for
        code actions each time the cursor moves."""
        if not checked.fixes_known and checked.run is not None and checked.result is not None:
            checker, result = checked.run.checker, checked.result
            try:
                checked.fixed = checker.bounded(
                    result.path, lambda: converged_text(result, checker.recheck)[0]
                )
            except InputError:  # fixing takes longer than a check may: no action
                checked.fixed = None
            checked.fixes_known = True
        return checked.fixed

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        checked = self.current(params.text_document.uri)
        if checked.analysis is None or checked.result is None or checked.run is None:
            return None
        offset = checked.positions.offset(params.position)
        termbase = checked.run.termbase
        found = entry_span_at(checked.analysis, checked.result, termbase, offset)
        if found is None:
            return None
        entry, start, end = found
        formats = (
            self.client_capabilities.text_document.hover.content_format
            if self.client_capabilities.text_document
            and self.client_capabilities.text_document.hover
            else None
        ) or []
        markdown = types.MarkupKind.Markdown in formats
        text = hover_text(
            entry, checked.analysis.lang, markdown, sorted(termbase.related(entry.id))
        )
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        return types.Hover(
            contents=types.MarkupContent(kind=kind, value=text),
            range=checked.positions.range(start, end),
        )


def build_server(runs: Runs) -> TermcheckServer:
    """The server with its features: diagnostics on open, change and save, code actions,
    hover."""
    server = TermcheckServer(runs)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TermcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TermcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TermcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TermcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, lsp.FIX_ALL]),
    )
    def code_action(ls: TermcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: TermcheckServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def serve(runs: Runs) -> None:
    """Serve over standard input and output until the client says exit. Standard output
    carries the protocol only: anything else written to it goes to standard error, which
    editors keep as the server's log."""
    protocol = sys.stdout.buffer
    sys.stdout = sys.stderr
    build_server(runs).start_io(sys.stdin.buffer, protocol)
